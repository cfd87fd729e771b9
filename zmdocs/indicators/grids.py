"""Test-point grids left in a clause's text: photometric tables of values per direction (UN R-series, ADR, FMVSS).

A light-distribution table reaches the clause text as lines "10U 8 16 8", "5U 16 25 25 25 16", … each opened by
a test-point label (an angle up/down, or the horizontal/vertical line H, V), with a line of column test points
("10L 5L H 5R 10R") above or below the rows, sometimes glued to the end of the last row. The cells are bare
numbers: their bound and unit are said only by the clause heading or the caption line ("Minimum luminous
intensity (in candela)", "Maximum …"). `grid_indicators` takes such a block out of the text and returns one
indicator per cell; the row and column test points are its conditions, never indicators of their own.
`grid_table` reads a ruled table of the same shape (column test points in the header row, row test points in
the first column, bare numbers in the cells) the same way, its bound and unit from the caption and the heading of
the clause that holds it. When a row of a text grid prints fewer cells than there are columns and the count divides the columns evenly (3 of 5: the
outer and middle columns), the cells are taken as evenly spaced; otherwise the column is left unsaid.
"""

from __future__ import annotations

import logging
import re

from zmdocs.indicators.common import make
from zmdocs.indicators.grid_shares import share_of_minimum
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Indicator, Table
from zmdocs.text.gridpoints import POINT, canonical_axis, is_point
from zmdocs.text.numbers import parse_number

log = logging.getLogger(__name__)

# a test point: an angle with its direction ("10U", "5 D", "2.5°L", "10°R"), or the H / V line itself
# (an angle without its direction, "10°", where the text layer lost the drawn arrows); conditions are canonical
_POINT = POINT
_NUM = r"\d+(?:[.,]\d+)?"
_CELL = rf"(?:{_NUM}|[-–—](?!\d))"  # a dash: no value at that test point (it keeps its column)
_ROW = re.compile(rf"^\s*({_POINT})\s+((?:{_CELL}\s+)*{_CELL})((?:\s+{_POINT})*)\s*$")
_POINTS_LINE = re.compile(rf"^\s*{_POINT}(?:\s+{_POINT})+\s*$")
_MIN = re.compile(r"(?i)\bmin(?:imum|\.)?\b|\bat\s+least\b")
_MAX = re.compile(r"(?i)\bmax(?:imum|\.)?\b|\bnot\s+(?:to\s+)?exceed")
_IN_UNIT = re.compile(r"(?i)\(\s*in\s+([A-Za-z%]+)|\b(?:in|as\s+an?)\s+(candelas?|cd|lux|lx|per\s+cent|percent(?:age)?|%)(?!\w)"
                      r"|[(\[]\s*(cd|lx|%|candelas?|lux)\s*[)\]]")
_MIN_ROWS = 2


def _points(s: str) -> list[str]:
    return re.findall(_POINT, s)


_TITLE_NOISE = re.compile(r"(?i)^\s*table\s+of\s+|\s*\([^()]*\)\s*$")


def _param(title: str | None) -> str:
    """The grid's parameter: its title without a leading "Table of" and a trailing "(in candela)"."""
    return _TITLE_NOISE.sub("", title or "").strip() or "value at test point"


def _bound(title: str) -> str:
    """">=" under a title naming minimum values, "<=" under maximum values, "=" when it names neither or both."""
    lo, hi = bool(_MIN.search(title)), bool(_MAX.search(title))
    return ">=" if lo and not hi else "<=" if hi and not lo else "="


def _unit(title: str) -> str:
    m = _IN_UNIT.search(title)
    if not m:
        return ""
    sym = unit_symbol(m.group(1) or m.group(2) or m.group(3))
    return {"candela": "cd", "candelas": "cd", "per cent": "%", "percent": "%", "percentage": "%"}.get(sym.lower(), sym)


def _columns_for(n: int, cols: list[str]) -> list[str | None]:
    """The column test point of each of a row's `n` cells: all when the counts agree, evenly spaced when they divide."""
    if n == len(cols):
        return list(cols)
    if n > 1 and len(cols) > n and (len(cols) - 1) % (n - 1) == 0:
        step = (len(cols) - 1) // (n - 1)
        return [cols[k * step] for k in range(n)]
    return [None] * n


def _find_block(lines: list[str]) -> tuple[int, int, list[str]] | None:
    """(first line, end line, column test points) of the first grid in `lines`, else None."""
    k = 0
    while k < len(lines):
        start = k - 1 if k and _POINTS_LINE.match(lines[k - 1]) else k
        end = k
        while end < len(lines) and _ROW.match(lines[end]):
            end += 1
        if end - k >= _MIN_ROWS:
            tail = _ROW.match(lines[end - 1]).group(3)
            cols = _points(tail) if tail.strip() else _points(lines[start]) if start < k else (
                _points(lines[end]) if end < len(lines) and _POINTS_LINE.match(lines[end]) else [])
            if cols:
                stop = end + 1 if not tail.strip() and start == k and end < len(lines) else end
                return start, stop, cols
        k = max(end, k + 1)
    return None


# a sentence after the grid that says what its values are: "The values shown in the table give … the minimum …"
_TABLE_SAYS = re.compile(r"(?i)[^.]*\b(?:values|figures)\s+(?:shown|given)\s+in\s+the\s+(?:table|grid)\b[^.]*")


def grid_indicators(text: str, title: str, clause: str | None = None, page: int | None = None,
                    after: str = "") -> tuple[str, list[Indicator]]:
    """(text without its test-point grid, one indicator per grid cell); the text unchanged when it holds none.

    `title` is the clause heading (and any caption): it gives the cells their bound and unit; when it names neither,
    a sentence of `after` (the next clause's text) describing "the values shown in the table" does."""
    lines = (text or "").split("\n")
    found = _find_block(lines)
    if not found:
        return text, []
    start, stop, cols = found
    caption = " ".join([title, *[ln for ln in lines[:start][-1:] if not _ROW.match(ln)]])
    comp, unit = _bound(caption), _unit(caption)
    says = _TABLE_SAYS.search(after) if comp == "=" and not unit else None
    comp, unit = (_bound(says.group()), _unit(says.group())) if says else (comp, unit)
    share = share_of_minimum(" ".join([caption, says.group() if says else ""])) if unit == "%" else None
    param = _param(title)
    out: list[Indicator] = []
    rows = [m for m in (_ROW.match(ln) for ln in lines[start:stop]) if m]
    names = dict(zip(map(id, rows), canonical_axis([m.group(1) for m in rows], row=True), strict=True))
    cols = canonical_axis(cols, row=False)
    for m in rows:
        cells = m.group(2).split()
        for cell, col in zip(cells, _columns_for(len(cells), cols), strict=True):
            if not re.fullmatch(_NUM, cell):
                continue
            ind = make(parameter=param, comparator=comp, unit=unit, value=parse_number(cell, "en"),
                       conditions=[names[id(m)], *([col] if col else [])],
                       clause=clause, page=page, text=m.group(0).strip())
            ind.role = "requirement" if comp != "=" else ind.role
            if share is not None:
                ind._share_of = share  # resolved against the stated minimum by grid_shares.resolve_shares
            out.append(ind)
    log.debug("%s: test-point grid of %d cells (%s, unit %r)", clause, len(out), comp, unit)
    return "\n".join(lines[:start] + lines[stop:]), out


def _is_points(cells: list[str]) -> bool:
    return len(cells) >= 2 and all(is_point(c) for c in cells)


def grid_table(table: Table, heading: str = "") -> list[Indicator] | None:
    """One indicator per numeric cell of a test-point table, else None (the table is not such a grid)."""
    rows = [[(c or "").strip() for c in r] for r in table.rows or []]
    nh = max(1, table.header_rows or 1)
    if len(rows) <= nh or not _is_points(rows[nh - 1][1:]) or not _is_points([r[0] for r in rows[nh:] if r]):
        return None
    cols = [rows[nh - 1][0], *canonical_axis(rows[nh - 1][1:], row=False)]
    body = [r for r in rows[nh:] if r]
    names = canonical_axis([r[0] for r in body], row=True)
    if not all(re.fullmatch(_NUM, c) or c in ("", "-", "–", "—") for r in body for c in r[1:]):
        return None
    title = " ".join(x for x in (table.caption or "", heading) if x)
    comp, unit = _bound(title), _unit(title)
    param = _param(table.caption or heading)
    out: list[Indicator] = []
    k = -1
    for i, r in enumerate(rows[nh:], start=nh):
        k += 1 if r else 0
        for j, cell in enumerate(r[1:], start=1):
            if not re.fullmatch(_NUM, cell):
                continue
            col = cols[j] if j < len(cols) else ""
            ind = make(parameter=param, comparator=comp, unit=unit, value=parse_number(cell, "en"),
                       conditions=[names[k], col], clause=table.clause, page=table.page, text=" ".join(r),
                       origin={"type": "table", "table": table.number or table.id, "row": i, "col": j})
            out.append(ind)
    return out
