"""Three-line tables: only horizontal rules (top, under the header, bottom), no vertical ones.

ISO, EN and Chinese standards draw most tables this way, so pdfplumber's line finder sees no grid.
Long rules of one x-extent cut the page into bands; a band whose rows fall into columns that the
x-gaps of every row agree on (aligned columns) is a table body, the band above it (up to the rule
under the header) its head. A shorter rule inside the head splits it into two header rows (a group
head over its sub-columns). Prose between a running-head rule and a footer rule never aligns so.
"""

from __future__ import annotations

import re
from statistics import median

from zmdocs.parse.pdf_layout import group_rows, join_chars
from zmdocs.parse.pdf_tables import PdfTable, _cell_text, extract_tables

_SAME = 3.0  # points: rules of one table start and end within this of each other
_MAX_HEAD_LINES = 4


def _h_rules(edges: list[dict], page_width: float) -> list[tuple[float, float, float]]:
    """Horizontal rules as (top, x0, x1): a thin rectangle's two edges, or cell-border segments, as one rule."""
    hs = sorted(((e["top"], e["x0"], e["x1"]) for e in edges
                 if e["orientation"] == "h" and e["x1"] - e["x0"] > 10), key=lambda r: (round(r[0]), r[1]))
    out: list[list[float]] = []
    for top, x0, x1 in hs:  # Word draws a rule as one segment per cell border: touching segments join
        for r in out[-4:]:
            if abs(r[0] - top) < 2.0 and x0 <= r[2] + 1.5 and x1 >= r[1] - 1.5:
                r[1], r[2] = min(r[1], x0), max(r[2], x1)
                break
        else:
            out.append([top, x0, x1])
    return [(a, b, c) for a, b, c in out]


def _groups(rules: list[tuple[float, float, float]], page_width: float) -> list[list[tuple[float, float, float]]]:
    """Long rules that share one x-extent, top down; three or more make a candidate table frame."""
    groups: list[list[tuple[float, float, float]]] = []
    for r in rules:
        if r[2] - r[1] < 0.2 * page_width:
            continue
        for g in groups:
            if abs(g[0][1] - r[1]) < _SAME and abs(g[0][2] - r[2]) < _SAME:
                g.append(r)
                break
        else:
            groups.append([r])
    return [g for g in groups if len(g) >= 3]


def _spans(row: list[dict]) -> list[list]:
    """A row's runs of text [x0, x1, chars], split at gaps wider than about an em."""
    out: list[list] = []
    for c in sorted(row, key=lambda c: c["x0"]):
        if c["text"].isspace():
            continue
        if out and c["x0"] - out[-1][1] < 0.8 * max(c["size"], 1.0):
            out[-1][1] = max(out[-1][1], c["x1"])
            out[-1][2].append(c)
        else:
            out.append([c["x0"], c["x1"], [c]])
    return out


def _columns(rows: list[list[list]], width: float) -> list[tuple[float, float]] | None:
    """Column extents where the rows' spans agree (their x-projection leaves gaps); None for prose."""
    multi = [r for r in rows if len(r) >= 2]
    if not multi or len(multi) < 0.5 * len(rows) or any(s[1] - s[0] > 0.6 * width for r in rows for s in r):
        return None
    ivs = sorted((s[0], s[1]) for r in multi for s in r)
    cols: list[list[float]] = []
    for a, b in ivs:
        if cols and a <= cols[-1][1] + 1.0:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    if len(cols) < 2:
        return None
    widths = [s[1] - s[0] for r in multi for s in r]
    if max(c[1] - c[0] for c in cols) > 0.6 * width or (len(cols) == 2 and median(widths) > 0.35 * width):
        return None  # running text in one or two columns, not cells
    return [(a, b) for a, b in cols]


def _slot(x0: float, x1: float, cols: list[tuple[float, float]]) -> int:
    """The column a span belongs to: the one it overlaps most, else the nearest."""
    best, score = 0, None
    for k, (a, b) in enumerate(cols):
        ov = min(x1, b) - max(x0, a)
        s = ov if ov > 0 else -min(abs(x0 - b), abs(a - x1))
        if score is None or s > score:
            best, score = k, s
    return best


def _band_chars(chars: list[dict], top: float, bottom: float, x0: float, x1: float) -> list[dict]:
    return [c for c in chars if top <= (c["top"] + c["bottom"]) / 2 < bottom
            and x0 - 2 <= (c["x0"] + c["x1"]) / 2 <= x1 + 2 and not c["text"].isspace()]


def _body(chars: list[dict], width: float) -> tuple[list[list[list]], list[tuple[float, float]], float | None] | None:
    """A band's rows of spans and their columns, with where a note set across the frame under them starts."""
    rows = [_spans(r) for r in group_rows(chars)]
    rows = sorted((r for r in rows if r), key=_top)
    note = None
    while len(rows) > 1 and any(s[1] - s[0] > 0.6 * width for s in rows[-1]):
        note = _top(rows.pop())  # "NOTE …" / "注：…" across the whole frame, above the bottom rule: text, no row
    cols = _columns(rows, width) if rows else None
    return (rows, cols, note) if cols else None


def _top(row: list[list]) -> float:
    return min(c["top"] for s in row for c in s[2])


_VALUE = re.compile(r"[\d\s.,:;±+\-−–—/%()<>≤≥×]+")


def _body_rows(rows: list[list[list]], cols: list[tuple[float, float]]) -> list[list[str]]:
    """Cell texts per row. A line set closer than the rows are joins the row above when it holds only
    more words of that row's filled cells (a wrapped cell; also when running on in lower case) or only
    cells that row left empty (values centred beside a two-line item)."""
    grid: list[list[list[dict]]] = []
    for r in rows:
        cells: list[list[dict]] = [[] for _ in cols]
        for s in r:
            cells[_slot(s[0], s[1], cols)].extend(s[2])
        grid.append(cells)
    tops = [_top(r) for r in rows]
    full = [b - a for k, (a, b) in enumerate(zip(tops, tops[1:], strict=False))
            if sum(1 for c in grid[k] if c) >= 2 and sum(1 for c in grid[k + 1] if c) >= 2]
    pitch = median(full or [b - a for a, b in zip(tops, tops[1:], strict=False)] or [0.0])
    out: list[list[list[dict]]] = []
    for k, cells in enumerate(grid):
        if out and _joins(out[-1], cells, tops[k] - tops[k - 1] < 0.85 * pitch):
            for j, c in enumerate(cells):
                out[-1][j].extend(c)
            continue
        out.append(cells)
    return [[_cell_text(c) if c else "" for c in row] for row in out]


def _joins(prev: list[list[dict]], cells: list[list[dict]], close: bool) -> bool:
    filled = [j for j, c in enumerate(cells) if c]
    if not filled:
        return False
    if not any(prev[j] for j in filled):  # complements the row above
        return close and sum(1 for c in prev if c) >= 1
    texts = [join_chars(sorted(cells[j], key=lambda ch: ch["x0"])) for j in filled]
    return (all(prev[j] for j in filled) and len(filled) < sum(1 for c in prev if c)
            and not any(_VALUE.fullmatch(t) for t in texts) and (close or all(t[:1].islower() for t in texts)))


def _covered(s: list, cols: list[tuple[float, float]], lo: float, hi: float) -> list[int]:
    """Columns a head span stands over: those inside the partial rule under it, or those it mostly covers."""
    if lo < hi and s[0] >= lo - _SAME and s[1] <= hi + _SAME:
        under = [k for k, (a, b) in enumerate(cols) if lo <= (a + b) / 2 <= hi]
        if under:
            return under
    wide = [k for k, (a, b) in enumerate(cols) if min(s[1], b) - max(s[0], a) >= 0.5 * (b - a) > 0]
    return wide if len(wide) >= 2 else [_slot(s[0], s[1], cols)]


def _group_split(chars: list[dict], cols: list[tuple[float, float]]) -> tuple[float, float, float] | None:
    """Where a head line holds a group head centred over two or more sub-columns that the lines under it
    fill: (y between those lines, x-extent of the group), as a rule under the group would give."""
    rows = sorted((r for r in (_spans(r) for r in group_rows(chars)) if r), key=_top)
    cuts = [-1e9] + [(a[1] + b[0]) / 2 for a, b in zip(cols, cols[1:], strict=False)] + [1e9]
    for k, r in enumerate(rows[:-1]):
        below = [s for r2 in rows[k + 1:] for s in r2]
        for s in r:
            width = s[1] - s[0]
            under = [j for j in range(len(cols)) if min(s[1], cuts[j + 1]) - max(s[0], cuts[j]) >= 0.25 * width]
            if len(under) < 2:
                continue
            lo, hi = min(min(s[0], cols[j][0]) for j in under), max(max(s[1], cols[j][1]) for j in under)
            mid = (cols[under[0]][0] + cols[under[-1]][1]) / 2
            filled = {_slot(b[0], b[1], cols) for b in below if cuts[under[0]] <= (b[0] + b[1]) / 2 < cuts[under[-1] + 1]}
            if abs((s[0] + s[1]) / 2 - mid) < 0.25 * (hi - lo) and all(j in filled for j in under):
                bottom = max(c["bottom"] for c in s[2])
                nxt = min((c["top"] for b in below for c in b[2] if c["top"] >= bottom - 1), default=bottom)
                return (bottom + nxt) / 2, lo, hi
    return None


def _head(chars: list[dict], top: float, bottom: float, cols: list[tuple[float, float]],
          partial: list[tuple[float, float, float]]) -> list[list[str]] | None:
    """One header row, or two when a shorter rule inside the head sits under a group head."""
    split = next((r for r in partial if top + 2 < r[0] < bottom - 2  # under two columns or more: no fraction bar
                  and sum(1 for a, b in cols if r[1] <= (a + b) / 2 <= r[2]) >= 2), None) or _group_split(chars, cols)
    bands = [(top, bottom)] if split is None else [(top, split[0]), (split[0], bottom)]
    lo, hi = (split[1], split[2]) if split is not None else (0.0, 0.0)
    grid: list[list[str]] = []
    for k, (t, b) in enumerate(bands):
        cells: list[list[dict]] = [[] for _ in cols]
        own = [c for c in chars if t <= (c["top"] + c["bottom"]) / 2 < b]
        rows = [_spans(r) for r in group_rows(own)] if own else []
        if len(rows) > _MAX_HEAD_LINES:
            return None
        for r in rows:
            if any(s[1] - s[0] > 0.6 * (cols[-1][1] - cols[0][0]) for s in r):
                return None  # a line of running text (prose or a caption above the table), no head
            for s in r:
                for j in _covered(s, cols, lo, hi) if k == 0 else [_slot(s[0], s[1], cols)]:
                    cells[j].extend(s[2])
        grid.append([_cell_text(c) if c else "" for c in cells])
    if len(grid) == 2:  # a head cell beside the group head spans both rows: repeat it
        for j, (a, b) in enumerate(cols):
            if not lo <= (a + b) / 2 <= hi and bool(grid[0][j]) != bool(grid[1][j]):
                grid[0][j] = grid[1][j] = grid[0][j] or grid[1][j]
    if sum(1 for cell in grid[-1] if cell) < 2:
        return None
    return grid


def _crossed(v_edges: list[dict], x0: float, top: float, x1: float, bottom: float) -> bool:
    return any(x0 - 2 <= v["x0"] <= x1 + 2 and v["top"] < bottom - 1 and v["bottom"] > top + 1 for v in v_edges)


def _table(chars: list[dict], g: list[tuple[float, float, float]], i: int, rules, v_edges) -> tuple[PdfTable, int] | None:
    """The table whose head is band i of rule group g (bands i+1.. its body); with the last band used."""
    x0, x1 = min(r[1] for r in g), max(r[2] for r in g)
    width = x1 - x0
    if _crossed(v_edges, x0, g[i][0], x1, g[i + 1][0]):
        return None  # a column rule in the head: a grid, pdfplumber's line finder reads it
    found = None
    j = i + 1
    while j + 1 < len(g):  # the body: bands below the head while each, and all together, keep the columns
        if _crossed(v_edges, x0, g[j][0], x1, g[j + 1][0]) or _body(_band_chars(chars, g[j][0], g[j + 1][0], x0, x1), width) is None:
            break
        band = _body(_band_chars(chars, g[i + 1][0], g[j + 1][0], x0, x1), width)
        if band is None or (found is not None and len(band[1]) != len(found[0][1])):
            break
        found = (band, j)
        j += 1
    if found is None:
        return None
    (rows, cols, note), last = found
    if len(rows) < 2 and len(cols) < 3:
        return None  # one pair of words between rules is too little to call a table
    partial = [r for r in rules if r[2] - r[1] < width - 2 * _SAME and x0 - 2 <= r[1] and r[2] <= x1 + 2]
    head = _head(_band_chars(chars, g[i][0], g[i + 1][0], x0, x1), g[i][0], g[i + 1][0], cols, partial)
    if head is None:
        return None
    body = _body_rows(rows, cols)
    bottom = note - 0.5 if note is not None else g[last + 1][0] + 0.5
    return PdfTable(bbox=(x0, g[i][0] - 0.5, x1, bottom), rows=head + body, header_rows=len(head)), last


def find_three_line(edges: list[dict], chars: list[dict], page_width: float,
                    taken: list[tuple[float, float, float, float]] = ()) -> list[PdfTable]:
    """Three-line tables on a page, from its edges (pdfplumber edge dicts) and upright chars."""
    rules = _h_rules(edges, page_width)
    v_edges = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 3]
    out: list[PdfTable] = []
    for g in _groups(rules, page_width):
        i = 0
        while i + 2 < len(g):
            if any(b[1] <= g[i][0] <= b[3] or g[i][0] <= b[1] <= g[i + 1][0] for b in taken):
                i += 1
                continue
            got = _table(chars, g, i, rules, v_edges)
            if got is None:
                i += 1
                continue
            out.append(got[0])
            i = got[1] + 1
    return out


def page_tables(page, chars: list[dict]) -> list[PdfTable]:
    """A ruled page's tables: grids by pdfplumber's line finder, then three-line tables beside them."""
    grid = extract_tables(page, chars)
    width = float(page.bbox[2]) - float(page.bbox[0])
    return grid + find_three_line(page.edges, chars, width, [t.bbox for t in grid])
