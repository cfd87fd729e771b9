"""Tables left in a clause's text: a caption line, header lines, then rows of bare numbers.

A borderless table (no ruling for the parser to find) often reaches the clause text as lines:
"TABLE (2) Exhaust gas flow …", "Nominal flow (g) Absorption coefficient (k)", "litres/second m-1",
"45 2.19", "50 2.08", … possibly continued after a "TABLE (2) (continued)" line that repeats the
header. `split_text_tables` takes such blocks out of the text and returns them as `Table`s, so that
their cells are read with their column headers (units, key columns) instead of as prose.
"""

from __future__ import annotations

import re
from collections import Counter

from zmdocs.model import Table
from zmdocs.text.numbers import number_row

# the caption word; an OCR layer may split the capitals ("TA BLE (2) (continued)")
TABLE_WORD = r"(?:T\s?A\s?B\s?L\s?E|Table|Tabelle|Tableau|表)"
_CAPTION = re.compile(r"^\s*" + TABLE_WORD + r"\s*[(（]?\s*([A-Z](?:\.\d+)+|[A-Z]?\d+(?:\.\d+)*)\s*[)）]?\s*(.*?)\s*$")
_HAS_CAPTION = re.compile(r"(?m)^\s*" + TABLE_WORD + r"\s*[(（]?\s*[A-Z]?\d")
# a caption line left in the clause text over a table the parser kept without its number: "TABLE (1)"
_CAPTION_LINE = re.compile(r"(?m)^\s*" + TABLE_WORD + r"\s*[(（]?\s*([A-Z]?\d+(?:\.\d+)*)\s*[)）]?")
_CONTINUED = re.compile(r"(?i)^\s*[(（]\s*(?:continued|cont'?d|concluded|续|fortsetzung|suite)\s*[)）]\s*$")
_PAREN_SPLIT = re.compile(r"(?<=[)\]）])\s+(?=[^\W\d_])")
_MIN_ROWS = 3
_MAX_HEAD = 3


def _split_header(line: str, ncol: int) -> list[str] | None:
    """A header line cut into `ncol` column heads: by wide gaps, after a closing parenthesis, or by words."""
    for parts in (re.split(r"\s{2,}", line.strip()), _PAREN_SPLIT.split(line.strip()), line.split()):
        if len(parts) == ncol:
            return [p.strip() for p in parts]
    return None


def _block(lines: list[str], start: int) -> tuple[int, list[str], list[list[str]]]:
    """From the line after a caption: (end index, header lines, raw row lines) of one table piece."""
    head, rows, k = [], [], start
    while k < len(lines) and len(head) < _MAX_HEAD and number_row(lines[k]) is None and not _CAPTION.match(lines[k]):
        head.append(lines[k])
        k += 1
    while k < len(lines) and number_row(lines[k]) is not None:
        rows.append(lines[k])
        k += 1
    return k, head, rows


def _table(number: str, caption: str, heads: list[str], raw: list[str], clause: str | None, page: int | None) -> Table | None:
    counts = Counter(len(number_row(r) or []) for r in raw)
    ncol = counts.most_common(1)[0][0] if counts else 0
    rows = [number_row(r, ncol) for r in raw]
    if ncol < 2 or len(rows) < _MIN_ROWS or any(r is None or len(r) != ncol for r in rows):
        return None
    header = [h for h in (_split_header(x, ncol) for x in heads) if h]
    if not header:
        return None
    return Table(id=f"text-table-{number}", number=number, caption=caption, clause=clause, header_rows=len(header),
                 rows=header + rows, page=page)


def split_text_tables(text: str, clause: str | None = None, page: int | None = None,
                      known: set[str] | frozenset[str] = frozenset()) -> tuple[str, list[Table]]:
    """(text without its plain-text tables, those tables); tables whose number is in `known` stay in the text."""
    if not _HAS_CAPTION.search(text or ""):
        return text, []
    lines = text.split("\n")
    keep, tables, i = [], [], 0
    while i < len(lines):
        m = _CAPTION.match(lines[i])
        if not m or m.group(1) in known or _CONTINUED.match(m.group(2) or ""):
            keep.append(lines[i])
            i += 1
            continue
        number, caption = m.group(1), m.group(2)
        end, head, raw = _block(lines, i + 1)
        while end < len(lines):  # "TABLE (2) (continued)" and its repeated header
            c = _CAPTION.match(lines[end])
            if not (c and c.group(1) == number and _CONTINUED.match(c.group(2) or "")):
                break
            nxt, more_head, more = _block(lines, end + 1)
            if not more:
                break
            raw, end = raw + more, nxt
        t = _table(number, caption, head, raw, clause, page)
        if t is None:
            keep.append(lines[i])
            i += 1
            continue
        tables.append(t)
        i = end
    return "\n".join(keep), tables


def caption_in_text(text: str) -> tuple[str, str] | None:
    """(number, caption) of the one caption line a clause text holds ("TABLE (1)" with its title on the same or the
    next line): the caption of the clause's one table when the parser kept the table but not its caption."""
    found = list(_CAPTION_LINE.finditer(text or ""))
    if len({m.group(1) for m in found}) != 1:
        return None
    m = found[0]
    rest = text[m.end():].lstrip(" )）").split("\n")
    title = rest[0].strip() or (rest[1].strip() if len(rest) > 1 else "")
    return m.group(1), title
