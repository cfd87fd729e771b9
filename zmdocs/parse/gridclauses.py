"""Clauses laid out in a grid: a table whose first column holds numbered clause labels.

Regulations and standards sometimes print a run of sub-clauses as the row labels of a table
("6.1.1. Front position lamps | 4 | 140", "6.1.2. … | 4 | 140"): the numbers are clauses of the
document, the other columns their values. The table stays (its values are data); each numbered
label also becomes a paragraph after it, which the clause builder then accepts or rejects like
any other numbered paragraph (`grid_row` in its meta: a rejected one is not repeated as text).

Only labels that carry a multi-level number *and* words in the same cell, and that follow each
other as a clause sequence (first child, next sibling, or an ancestor's next sibling), count:
item numbers (1, 2, 3), cells holding only a clause reference (a correspondence table's "5.2.1")
and a test report's "Clause | Requirement" columns are left alone.
"""

from __future__ import annotations

import re

from zmdocs.parse.lines import Para
from zmdocs.text.clausenum import number_tuple, split_number

# a second numbered label set in the same cell (two rows drawn as one): "… marker lamp 6.1.3.1. R or R1"
_INNER = re.compile(r"(?<=\S)\s+(\d{1,3}(?:\.\d{1,3}){1,5})\.?\s+(?=[^\W\d_])")
_MIN_ROWS = 2


def _successor(prev: tuple, nxt: tuple) -> bool:
    """`nxt` follows `prev` directly in a clause sequence: 6.1.3 → 6.1.3.1, 6.1.4, 6.2 or 7."""
    if nxt == prev + (1,):
        return True
    for k in range(len(prev), 0, -1):
        if len(nxt) == k and nxt[: k - 1] == prev[: k - 1] and nxt[k - 1] == prev[k - 1] + 1:
            return True
    return False


def _int_tuple(num: str) -> tuple | None:
    tup = number_tuple(num)
    return tup if len(tup) >= 2 and all(isinstance(x, int) for x in tup) else None


def _labels(cell: str) -> list[tuple[str, str]]:
    """The numbered labels (number, words) a first-column cell holds; [] when it is no clause label."""
    sn = split_number(cell.strip())
    if not sn or _int_tuple(sn[0]) is None or not re.match(r"[^\W\d_]\w", sn[1] or ""):
        return []
    out = [(sn[0], sn[1])]
    while True:
        num, rest = out[-1]
        m = next((m for m in _INNER.finditer(rest) if (t := _int_tuple(m.group(1)))
                  and _successor(number_tuple(num), t)), None)
        if m is None:
            return out
        out[-1] = (num, rest[: m.start()].strip())
        out.append((m.group(1), rest[m.end():].strip()))


def grid_labels(rows: list[list[str]]) -> list[tuple[str, str]]:
    """The clause labels of a table whose first column numbers its rows as clauses; [] for a data table."""
    if not rows or max(len(r) for r in rows) < 2:
        return []
    found: list[tuple[str, str]] = []
    filled = 0
    for row in rows:
        cell = (row[0] if row else "").strip()
        if not cell:
            continue
        labels = _labels(cell)
        filled += bool(labels)
        for num, label in labels:
            if found and found[-1][0] == num:
                continue  # a merged cell repeats its label on every row it spans
            found.append((num, label))
    first = [(r[0] if r else "").strip() for r in rows]
    after = first[next((k for k, c in enumerate(first) if _labels(c)), len(first)):]
    if len(found) < _MIN_ROWS or filled < 0.6 * sum(1 for c in after if c):
        return []
    tups = [number_tuple(n) for n, _ in found]
    if any(not _successor(a, b) for a, b in zip(tups, tups[1:], strict=False)):
        return []
    return found


def expand_grid_clauses(paras: list[Para]) -> list[Para]:
    """`paras` with each clause-grid table followed by one numbered paragraph per row label. The first label
    must continue the last numbered paragraph before the table (6.1 → 6.1.1): a table listing clause
    references elsewhere (a foreword's list of changes) adds nothing."""
    out: list[Para] = []
    last: tuple | None = None
    for p in paras:
        out.append(p)
        if p.kind != "table":
            sn = split_number(p.text.strip()) if p.kind == "para" else None
            tup = number_tuple(sn[0]) if sn else None
            if tup and all(isinstance(x, int) for x in tup):
                last = tup
            continue
        labels = grid_labels(p.rows or [])
        if not labels or last is None or not _successor(last, number_tuple(labels[0][0])):
            continue
        for num, label in labels:
            out.append(Para(kind="para", text=f"{num} {label}", page=p.page_end or p.page, page_end=p.page_end or p.page,
                            meta={"grid_row": True}))
        last = number_tuple(labels[-1][0])
    return out
