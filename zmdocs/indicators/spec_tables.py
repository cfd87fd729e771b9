"""Table layouts of data and product specifications: symbol columns, attribute/value columns, sub-header rows.

- a column headed by one symbol or word ("X", "y", "L", "Alpha") whose every cell is a plain number holds the
  values of that quantity, unitless or not (colour co-ordinates, a transparency setting);
- a column of an attribute table that mostly holds text values ("metres", "closedInterval") states the numbers
  it holds as the row attribute's value ("fillValue | 1000000", "lower | -12000");
- a first body row whose value columns hold phrases ("Approximate distance in nautical miles (M) for …") is a
  second header row: it names the columns' unit and condition;
- ".28" in a cell is 0.28 (a leading zero dropped).
"""

from __future__ import annotations

import re

from zmdocs.model import Table
from zmdocs.text.width import fold_chars as fold

_PLAIN = re.compile(r"^\s*[-−]?(?:\d[\d\s,]*(?:\.\d+)?|\.\d+)\s*$")
_SYMBOL_WORD = re.compile(r"^\s*(?:[A-Za-z]|[α-ωΑ-Ω]|[A-Za-z][a-z]{2,11})\s*$")
# single words that head columns of references, years or list numbers, not of a quantity's values
_NOT_QUANTITY = re.compile(r"(?i)^\s*(?:year|page|clause|edition|version|section|paragraph|id|code|rank|order|index|item|items|"
                           r"no|nr|number|figure|table|annex|note|notes|line|row|column|step|level|type|class|test|sample)\s*$")
_GRADES = re.compile(r"^\s*[A-D]\s*$")  # "A" … "D" head grade or class columns (tables._GRADE_COLUMN)
_LEADING_DOT = re.compile(r"^(\s*[-−]?)\.(\d)")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def dot_decimal(cell: str) -> str:
    """".28" -> "0.28": a decimal printed without its leading zero."""
    return _LEADING_DOT.sub(r"\g<1>0.\2", cell)


ENDS_NUMBER = re.compile(r"(?:^|[^A-Za-z\d.,])\d[\d.,]*\s*$")  # "≤ 150", not a symbol "L1"


def column_unit(label: str, unit: str) -> tuple[str, str]:
    """(label, unit) of a column head; "Tile size @ 10 MB": a unit right after a number is that condition's, not the column's."""
    return label, "" if ENDS_NUMBER.search(label) else unit


def _filled(body: list[list[str]], j: int) -> list[str]:
    return [fold(r[j]).strip() for r in body if j < len(r) and fold(r[j]).strip() not in ("", "-", "—", "–", "/")]


def symbol_columns(body: list[list[str]], headers: list[str], start: int) -> set[int]:
    """Columns from `start` headed by one symbol or word, every filled cell a plain number (two or more)."""
    out = set()
    for j in range(start, len(headers)):
        h = fold(headers[j] or "")
        if not _SYMBOL_WORD.match(h) or _NOT_QUANTITY.match(h) or _GRADES.match(h):
            continue
        cells = _filled(body, j)
        if len(cells) >= 2 and all(_PLAIN.match(c) for c in cells):
            out.add(j)
    return out


def text_value_columns(body: list[list[str]], start: int, ncol: int) -> set[int]:
    """Columns from `start` of an attribute table: two or more text values ("metres", "H5T_FLOAT") and, among them,
    at most as many plain numbers, each the stated value of its row's attribute."""
    out = set()
    for j in range(start, ncol):
        cells = _filled(body, j)
        nums = [c for c in cells if _PLAIN.match(c)]
        texts = [c for c in cells if not _PLAIN.match(c) and len(c.split()) <= 3 and _WORDS.search(c)]
        if nums and len(texts) >= 2 and len(nums) <= len(texts) and len(nums) + len(texts) == len(cells):
            out.add(j)
    return out


def _phrase(cell: str) -> bool:
    """A cell that describes a column (four words or more) rather than stating a value."""
    return len(_WORDS.findall(fold(cell or ""))) >= 4


def promote_subheader(table: Table) -> Table:
    """The table with its first body row counted as a header row when that row holds phrases in two or more
    value columns (columns whose later rows hold numbers) and no short value in any of them."""
    from dataclasses import replace

    h, rows = table.header_rows, table.rows or []
    if h < 1 or len(rows) < h + 4:
        return table
    first, later = rows[h], rows[h + 1:]
    ncol = max(len(r) for r in rows)
    value_cols = [j for j in range(1, ncol) if sum(1 for r in later if j < len(r) and re.search(r"\d", r[j])) >= 3]
    cells = [first[j] if j < len(first) else "" for j in value_cols]
    if sum(1 for c in cells if _phrase(c)) >= 2 and all(not c.strip() or _phrase(c) for c in cells):
        return replace(table, header_rows=h + 1)
    return table
