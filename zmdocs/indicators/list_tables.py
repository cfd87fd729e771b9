"""Tables left in a clause's text as nested list items: each row a line "* <first cell>", its other cells the lines below.

A table nested inside a list item (a Markdown rendering of a regulation's "Anlage") often reaches the clause text
flattened: "* Laufende Nummer" / "Menge …" / "Anzahl der Untersuchungen pro Jahr" / "* 1" / "Menge* 1 000" / "1" …,
or a transposed factor table "*" / "Heizöl EL" / "Kokereigas" / "* A =" / "0,68" / "0,60". `split_list_tables`
takes such runs of rows with one cell count out of the text and returns them as `Table`s (first row = header), so
their cells are read with their column headers instead of as prose.
"""

from __future__ import annotations

import re

from zmdocs.model import Table

_ROW = re.compile(r"^\s*\*(?:\s+(?P<cell>\S.*?))?\s*$")
_MIN_ROWS = 3  # a header and two body rows
_MIN_COLS = 2
_MAX_COLS = 8
_NUMBER = re.compile(r"\d")
_CAPTION = re.compile(r"^\s*(?P<cap>[^\s*#][^\n]{2,120}?)\s*#*\s*$")


def _groups(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line spans of the star rows: a row line and the lines up to the next row line."""
    starts = [k for k, ln in enumerate(lines) if _ROW.match(ln)]
    if not starts:
        return []
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def _cells(lines: list[str], a: int, n: int) -> list[str]:
    first = _ROW.match(lines[a]).group("cell") or ""
    return [first.strip(), *(ln.strip() for ln in lines[a + 1:a + n])]


def _runs(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first group, last group, cell count) of each run of adjacent star rows with one cell count."""
    groups = _groups(lines)
    out, k = [], 0
    while k < len(groups):
        a, b = groups[k]
        n = b - a
        j = k + 1
        while j < len(groups) and groups[j - 1][1] == groups[j][0] and groups[j][1] - groups[j][0] == n:
            j += 1
        last = j if _absorbs(groups, j, n) else j - 1
        if _MIN_COLS <= n <= _MAX_COLS and last - k + 1 >= _MIN_ROWS:
            out.append((k, last, n))
            k = last + 1
        else:
            k += 1
    return [(groups[x][0], groups[y][0], n) for x, y, n in out]


def _absorbs(groups: list[tuple[int, int]], j: int, n: int) -> bool:
    """Whether group j, adjacent and longer than n, is the run's last row followed by text (not a new run's first row)."""
    if j >= len(groups) or groups[j - 1][1] != groups[j][0] or groups[j][1] - groups[j][0] <= n:
        return False
    m = groups[j][1] - groups[j][0]
    return not (j + 1 < len(groups) and groups[j][1] == groups[j + 1][0] and groups[j + 1][1] - groups[j + 1][0] == m)


def split_list_tables(text: str, clause: str | None = None, page: int | None = None) -> tuple[str, list[Table]]:
    """(text without its flattened list tables, those tables); a run without a number in its body stays text."""
    if "*" not in (text or ""):
        return text, []
    lines = text.split("\n")
    tables: list[Table] = []
    drop: set[int] = set()
    for first, last, n in _runs(lines):
        rows = [_cells(lines, a, n) for a in _row_starts(lines, first, last)]
        body = rows[1:]
        if not any(_NUMBER.search(c) for r in body for c in r[1:]):
            continue
        before = lines[first - 1] if first > 0 else ""
        own_line = before.rstrip().endswith("#") or not any(_ROW.match(ln) for ln in lines[:first - 1])
        cap = _CAPTION.match(before) if before and own_line else None  # not a cell of an earlier row
        caption = cap.group("cap").strip() if cap else ""
        rows = _transposed(rows)
        tables.append(Table(id=f"list-table-{clause or ''}-{first}", caption=caption, clause=clause, header_rows=1,
                            rows=rows, page=page))
        drop.update(range(first, last + n))
    return "\n".join(ln for k, ln in enumerate(lines) if k not in drop), tables


def _row_starts(lines: list[str], first: int, last: int) -> list[int]:
    return [k for k in range(first, last + 1) if _ROW.match(lines[k])]


_SYMBOL = re.compile(r"^[A-Za-zα-ωΑ-Ω](?:_?[A-Za-z0-9]{1,3})?\s*=$")


def _transposed(rows: list[list[str]]) -> list[list[str]]:
    """A factor table printed with the symbols down the first column ("A =" | 0,68 | 0,66) turned so that each
    symbol heads a column and each header cell (a fuel, a case) labels a row."""
    if rows[0][0] or not all(_SYMBOL.match(r[0]) for r in rows[1:]):
        return rows
    return [list(col) for col in zip(*rows, strict=True)]
