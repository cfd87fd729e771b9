"""Ruled tables in a PDF page: find them only where rulings exist, resolve merged cells.

pdfplumber's table finder is the slowest step of PDF reading, so it runs only on pages whose
lines/rects could form a grid. Cell text is built with the same char joiner as body lines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from zmdocs.parse.elements import is_value_cell
from zmdocs.parse.pdf_layout import group_rows, join_chars

log = logging.getLogger(__name__)

TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


@dataclass
class PdfTable:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]
    header_rows: int = 1


def _cell_lines(chars: list[dict]) -> list[tuple[list[dict], str]]:
    """A cell's rows of chars with their text, grouped once for _cell_text and _cell_rows."""
    return [(r, join_chars(sorted(r, key=lambda c: c["x0"]))) for r in group_rows(chars)]


def _cell_text(chars: list[dict], rows: list[tuple[list[dict], str]] | None = None) -> str:
    """Join a cell's chars row by row; CJK rows join without a space."""
    lines = [text for _r, text in (rows if rows is not None else _cell_lines(chars))]
    lines = [ln for ln in lines if ln]
    out = ""
    for ln in lines:
        if not out:
            out = ln
        elif _cjk_end(out) and _cjk_end(ln[:1]):
            out += ln
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and ln[:1].islower():
            out = out[:-1] + ln  # hyphenated word broken across cell lines
        else:
            out += " " + ln
    return out


def _cell_rows(chars: list[dict], rows: list[tuple[list[dict], str]] | None = None) -> list[tuple[float, float, str]]:
    """A cell's text lines as (middle y, type size, text), top down."""
    out = []
    for r, text in rows if rows is not None else _cell_lines(chars):
        if text:
            out.append((sum((c["top"] + c["bottom"]) / 2 for c in r) / len(r), max(c["size"] for c in r), text))
    return sorted(out)


def _split_stacked(row_cells: list[list[tuple[float, float, str]] | None]) -> list[list[str]] | None:
    """A ruled row whose cells stack the same number of lines side by side ("42 / 45 / 50" | "2,26 / 2,19 /
    2,08"): several logical rows drawn in one (three-line and group-ruled tables). None when it is not."""
    filled = [c for c in row_cells if c]
    if len(filled) < 2 or any(c is None for c in row_cells):
        return None  # a slot covered by a merged cell: keep the row
    k = len(filled[0])
    if k < 2 or any(len(c) != k for c in filled):
        return None
    size = max(s for c in filled for _, s, _ in c)
    for i in range(k):  # the lines must sit on shared baselines
        mids = [c[i][0] for c in filled]
        if max(mids) - min(mids) > 0.5 * size:
            return None
    if not any(all(any(ch.isdigit() for ch in t) for _, _, t in c) for c in filled):
        return None  # wrapped prose in every column, not stacked values
    return [[c[i][2] if c else "" for c in row_cells] for i in range(k)]


def _cjk_end(s: str) -> bool:
    from zmdocs.parse.pdf_layout import is_cjk

    return bool(s) and is_cjk(s[-1])


def _split_word(row: list[str]) -> bool:
    """True when a word runs on from one cell into the next (a letter, then a lowercase letter)."""
    return any(a[-1:].isalpha() and b[:1].islower() and not _cjk_end(a) for a, b in zip(row, row[1:], strict=False))


def _in(c: dict, bbox) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bbox[0] <= x < bbox[2] and bbox[1] <= y < bbox[3]


def _closing_edges(page) -> list[dict]:
    """Outer verticals for open-sided tables: rows ruled edge to edge but no left/right border."""
    edges = page.edges
    hs = sorted((e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 20), key=lambda e: e["x0"])
    vs = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 3]  # not a thin rule's ends
    groups: list[list[dict]] = []
    for e in hs:
        for g in groups:
            if abs(g[0]["x0"] - e["x0"]) < 2 and abs(g[0]["x1"] - e["x1"]) < 2:
                g.append(e)
                break
        else:
            groups.append([e])
    extra: list[dict] = []
    for g in groups:
        if len(g) < 3:
            continue
        x0, x1 = min(e["x0"] for e in g), max(e["x1"] for e in g)
        top, bottom = min(e["top"] for e in g), max(e["bottom"] for e in g)
        inner = [v for v in vs if v["top"] >= top - 3 and v["bottom"] <= bottom + 3]
        if not inner:
            continue  # rules only (a three-line table or separators): no grid to close
        beside = [v for v in vs if v["top"] < bottom and v["bottom"] > top]
        if any(v["x0"] < x0 - 3 for v in beside) and any(v["x0"] > x1 + 3 for v in beside):
            continue  # short rules inside a ruled cell (a drawn symbol): the grid is closed already
        ys = [e["top"] for e in g]
        for x in (x0, x1):
            joint = any(e not in g and min(abs(e["x0"] - x), abs(e["x1"] - x)) < 3
                        and any(abs(e["top"] - y) < 1 for y in ys) for e in hs)
            if not joint and not any(abs(v["x0"] - x) < 3 for v in inner):  # a rule going on is no open side
                # a head row ruled edge to edge above the column rules (their group starts below it) closes too
                row = [e for e in hs if abs(e["top"] - top) < 1.5]  # the whole rule at the group's top, all columns
                rx0, rx1 = min(e["x0"] for e in row), max(e["x1"] for e in row)
                above = [e["top"] for e in hs if abs(e["x0"] - rx0) < 3 and abs(e["x1"] - rx1) < 3
                         and top - 60 <= e["top"] < top - 1]  # as wide as the table: not a running head's rule
                y0 = max(above) if above else top
                extra.append({"object_type": "line", "x0": x, "x1": x, "top": y0, "bottom": bottom,
                              "width": 0, "height": bottom - y0})
    return extra


def _cells_text(cells: list, inside: list[dict]) -> tuple[dict[tuple, str], dict[tuple, list]]:
    """Each cell's text and stacked lines from the chars whose middle lies in it (as _in decides)."""
    mids = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in inside]  # once per char
    texts: dict[tuple, str] = {}
    stacks: dict[tuple, list] = {}
    bands: dict[tuple, list] = {}  # the chars of one row's height, shared by the cells of that row
    for cell in cells:
        x0, top, x1, bottom = cell[0], cell[1], cell[2], cell[3]
        band = bands.get((top, bottom))
        if band is None:
            band = bands[(top, bottom)] = [(x, c) for x, y, c in mids if top <= y < bottom]
        own = [c for x, c in band if x0 <= x < x1]
        rows_text = _cell_lines(own)
        texts[tuple(cell)] = _cell_text(own, rows_text)
        stacks[tuple(cell)] = _cell_rows(own, rows_text)
    return texts, stacks


def wants_tables(h_rules: int, v_rules: int) -> bool:
    """Whether a page's ruling counts can hold a table: a grid, or the three rules of a three-line table."""
    return (h_rules >= 2 and v_rules >= 2) or h_rules >= 3


def extract_tables(page, chars: list[dict]) -> list[PdfTable]:
    """Find ruled tables on the page; merged cells repeat the covering cell's text. A page with no
    vertical rule holds no grid: the line finder is skipped (three-line tables: pdf_threeline)."""
    if not any(e["orientation"] == "v" and e["bottom"] - e["top"] > 3 for e in page.edges):
        return []
    return _ruled_tables(page, chars)


def _cuts_words(bbox, chars: list[dict], least: int = 3) -> bool:
    """Does the box's left or right border run through words on at least `least` lines (a letter just
    inside, the next letter of the same word just outside)? A real table's text stays within its cells."""
    by_row: dict[int, list[dict]] = {}
    for c in chars:
        if c["text"].isalpha() and bbox[1] <= (c["top"] + c["bottom"]) / 2 <= bbox[3]:
            by_row.setdefault(round(c["top"]), []).append(c)
    cut = 0
    for row in by_row.values():
        row.sort(key=lambda c: c["x0"])
        if any(0 <= b["x0"] - a["x1"] < 0.6 and a["x0"] < edge < b["x1"] and (a["x0"] + a["x1"]) / 2 < edge < (b["x0"] + b["x1"]) / 2
               for a, b in zip(row, row[1:], strict=False) for edge in (bbox[0], bbox[2])):
            cut += 1
            if cut >= least:
                return True
    return False


def _ruled_tables(page, chars: list[dict]) -> list[PdfTable]:
    extra = _closing_edges(page)
    found = page.find_tables(dict(TABLE_SETTINGS, explicit_vertical_lines=extra) if extra else TABLE_SETTINGS)
    out: list[PdfTable] = []
    for t in found:
        rows = t.rows
        if not rows:
            continue
        ncols = max(len(r.cells) for r in rows)
        if len(rows) < 2 and ncols < 2:
            continue  # a framed box (note, formula), not a table
        bbox = t.bbox
        if _cuts_words(bbox, chars):
            continue  # lines drawn over running text (underlines, highlights): words run across the "border"
        inside = [c for c in chars if _in(c, bbox)]
        cells = [cell for cell in t.cells]
        texts, stacks = _cells_text(cells, inside)
        if not any(texts.values()):
            continue  # a drawn frame or figure with no text
        # column boundaries for locating covered slots
        xs = sorted({cell[0] for cell in cells}) + [bbox[2]]
        grid: list[list[str]] = []
        spans_h = spans_v = down1 = False
        for ri, r in enumerate(rows):
            ytop = r.bbox[1]
            ybot = rows[ri + 1].bbox[1] if ri + 1 < len(rows) else bbox[3]
            row: list[str] = []
            split = _split_stacked([stacks.get(tuple(cell), []) if cell is not None else None for cell in r.cells]) \
                if ri >= 1 else None
            if split:
                grid.extend(split)
                continue
            for j, cell in enumerate(r.cells):
                if cell is not None:
                    row.append(texts.get(tuple(cell), ""))
                    continue
                cx = (xs[j] + xs[j + 1]) / 2 if j + 1 < len(xs) else xs[j] + 1
                cy = (ytop + ybot) / 2
                cover = next((c for c in cells if c[0] <= cx < c[2] and c[1] <= cy < c[3]), None)
                if cover is None:
                    row.append("")
                    continue
                if cover[1] < ytop - 0.5:
                    spans_v = spans_v or ri == 1
                    down1 = down1 or ri == 2 and cover[1] >= rows[1].bbox[1] - 0.5
                else:
                    spans_h = spans_h or ri == 0
                row.append(texts.get(tuple(cover), ""))
            grid.append(row)
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        if len(grid) == 1 and _split_word(grid[0]):
            continue  # a label in a drawing cut by its lines ("Drivin" | "g direction"), not a table
        header = 2 if (spans_v or spans_h and _sub_head(grid, down1)) and len(grid) >= 3 else 1
        out.append(PdfTable(bbox=tuple(float(v) for v in bbox), rows=grid, header_rows=header))
    return out


def _sub_head(grid: list[list[str]], down1: bool) -> bool:
    """Under a head cell spanning columns (and no head cell spanning rows), the second row is a sub-head row
    unless it holds a value or a cell spanning down into the next row: then it is the first body row (a
    row-group label such as a vehicle class over its sub-classes)."""
    return not down1 and not any(is_value_cell(c) for c in grid[1])


class RulingsPage:
    """What pdfplumber's table finder needs of a page (its edges and box), built from PDFium paths."""

    def __init__(self, edges: list[dict], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)

    def find_tables(self, settings: dict) -> list:
        from pdfplumber.table import TableFinder

        return TableFinder(self, settings).tables  # type: ignore[arg-type]


# --------------------------------------------------------------------------- rulings drawn only in a page's picture
RENDER_SCALE = 1.0  # pixels per point for the ruling search (a 1 pt rule is a pixel wide or more)
_MIN_RULE = 20.0  # points: a dark run at least this long is a rule, never a glyph stroke
_MAX_THICK = 4.0  # points: darker and thicker is a solid area of a picture (a photo, a black box), not a rule


def _runs(row) -> list[tuple[int, int]]:
    """(start, end) of the dark runs of one pixel row."""
    import numpy as np

    d = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
    return list(zip(np.nonzero(d == 1)[0].tolist(), np.nonzero(d == -1)[0].tolist(), strict=True))


def _rules(dark, scale: float) -> list[tuple[float, float, float]]:
    """Thin long dark runs along the rows of `dark`: (row position, start, end) in points, one per rule."""
    n, thick = int(_MIN_RULE * scale), max(int(_MAX_THICK * scale), 2)
    rows = [int(r) for r in (dark.sum(axis=1) >= n).nonzero()[0]]
    segs: dict[int, list[tuple[int, int]]] = {r: [(s, e) for s, e in _runs(dark[r]) if e - s >= n] for r in rows}
    out: list[tuple[float, float, float]] = []
    for r in rows:
        for s, e in segs[r]:
            if any(abs(s - s2) <= 3 and abs(e - e2) <= 3 for s2, e2 in segs.get(r - 1, [])):
                continue  # the same rule, one pixel row further down
            depth = 1
            while any(abs(s - s2) <= 3 and abs(e - e2) <= 3 for s2, e2 in segs.get(r + depth, [])):
                depth += 1
            if depth <= thick:
                out.append(((r + depth / 2) / scale, s / scale, e / scale))
    return out


def image_edges(gray, scale: float = RENDER_SCALE) -> list[dict]:
    """Table rules painted inside a scanned page's picture, as pdfplumber edges (points, top from the page top)."""
    dark = gray < 128
    edges = [{"object_type": "line", "orientation": "h", "x0": s, "x1": e, "top": y, "bottom": y, "doctop": y,
              "width": e - s, "height": 0.0} for y, s, e in _rules(dark, scale)]
    edges += [{"object_type": "line", "orientation": "v", "x0": x, "x1": x, "top": s, "bottom": e, "doctop": s,
               "width": 0.0, "height": e - s} for x, s, e in _rules(dark.T, scale)]
    return edges
