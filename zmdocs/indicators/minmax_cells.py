"""A table cell that lists several "min. x unit" / "max. y unit" limits (rows of a specification table collapsed
into one cell by the text layer): one bound per entry."""

from __future__ import annotations

import re

_ENTRY = re.compile(r"(?i)(?<![A-Za-z])(min|max)\.\s*(?=[-−]?\s?\d)")
# a unit printed with its qualifier ("% mass", "% vol", "mg KOH/g") that the unit lexicon reads only in part
_QUALIFIED = re.compile(r"^\s*[-−]?\s?\d[\d.,]*\s*(%\s?(?:mass|vol\.?|\(?[mV]/[mV]\)?)|mg\s?KOH/g)(?![A-Za-z])", re.I)
_SLASH_ONE = re.compile(r"(?<=[A-Za-z])/1(?!\d)")  # "kg/1": a lost "l" read as the digit one after a unit's slash
_MIN_ENTRIES = 4


def minmax_entries(cell: str) -> list[str] | None:
    """The "min. …" / "max. …" entries of a cell holding at least four of them and nothing before the first."""
    ms = list(_ENTRY.finditer(cell))
    if len(ms) < _MIN_ENTRIES or cell[:ms[0].start()].strip():
        return None
    ends = [m.start() for m in ms[1:]] + [len(cell)]
    return [_SLASH_ONE.sub("/l", cell[m.start():e].strip()) for m, e in zip(ms, ends, strict=True)]


def minmax_cell(cell: str, extract, **kw) -> list | None:
    """One indicator per entry of a min./max. list cell (`extract` is `extract_text`), or None for another cell.

    An upper entry without a unit right after a lower one with a unit ("min. 320 °C max. 340") shares its unit."""
    entries = minmax_entries(cell)
    if entries is None:
        return None
    out: list = []
    prev_lower_unit = ""
    for entry in entries:
        head = entry.split(None, 1)[0].lower()
        inds = extract(entry, bare_is_value=True, **kw)[:1]  # the entry's own bound; text after it qualifies it
        if not inds:
            prev_lower_unit = ""
            continue
        ind = inds[0]
        q = _QUALIFIED.match(entry[len(head):])
        if q:
            ind.unit = re.sub(r"\s+", " ", q.group(1))
        if head == "max." and not ind.unit and prev_lower_unit:
            ind.unit = prev_lower_unit
        prev_lower_unit = ind.unit if head == "min." else ""
        out.append(ind)
    return out


def minmax_table(table, extract, **kw) -> tuple:
    """The table with its min./max. list cells blanked, and the indicators of those cells (parameter: the header)."""
    import copy

    out: list = []
    rows = [list(r) for r in table.rows]
    header = " ".join(table.rows[0]) if table.header_rows and table.rows else ""
    for i in range(table.header_rows, len(rows)):
        for j, cell in enumerate(rows[i]):
            inds = minmax_cell(cell, extract, **kw, origin={"type": "table", "table": table.number or table.id,
                                                             "row": i, "col": j})
            if inds is None:
                continue
            label = table.rows[0][j] if table.header_rows and j < len(table.rows[0]) else header
            for ind in inds:
                ind.parameter = label
            out.extend(inds)
            rows[i][j] = ""
    if not out:
        return table, out
    t2 = copy.copy(table)
    t2.rows = rows
    return t2, out
