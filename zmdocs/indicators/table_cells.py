"""Cells of a table read on their own: unit cells, decimal-comma columns and band cells.

Band cells of a matrix table: a cell that bounds the column's own variable ("50 000 v < m ≤ 200 000 v"
under "Load, m", "1,305 < RW ≤ 1,760" under "Reference mass (RW)") states the band a row holds for, not a value.

Two layouts use them:
- a band column beside value columns: the band is a condition of the row's other cells;
- a table whose body cells are all bands and whose row label holds the value (an MPE table: "pLC × 0.5 v" |
  "0 ≤ m ≤ 50 000 v" | "0 ≤ m ≤ 5 000 v" under Class A, Class B): each band cell gives the row label's value,
  with the band (and the column, e.g. the class) as its conditions; the interval unit the bands are written in
  ("v") is the value's unit when the label writes the same token after its number.
PDF fonts of some journals print a lost "≤" as "%" ("RW % 1,305"): next to the column's symbol it is read as a
comparator of the band.
"""

from __future__ import annotations

import re

from zmdocs.indicators.units import UNIT_PATTERN
from zmdocs.text.width import fold_chars as fold

_CMP = r"(?:[<>≤≥＜＞]=?|%)"
_NUM = r"-?\d[\d.,\s]*?"
_WORD = re.compile(r"[^\W\d_][\w]{0,5}")


def header_symbols(header: str) -> set[str]:
    """The short symbols a column header names ("Load, m" -> {"m"}, "Reference mass (RW) (kg)" -> {"RW"})."""
    t = fold(header or "")
    out = {w for w in _WORD.findall(t) if len(w) <= 3 or w.isupper()}
    return {w for w in out if w.lower() not in {"of", "the", "and", "or", "in", "kg", "mm", "per", "for", "to"}}


def is_band(cell: str, symbols: set[str]) -> bool:
    """True when `cell` bounds one of the column's symbols: "0 ≤ m ≤ 50 v", "200 000 v < m", "RW % 1,305"."""
    c = fold(cell or "").strip()
    if not c or not symbols or len(c) > 60:
        return False
    for s in symbols:
        sym = r"(?<![A-Za-z])" + re.escape(s) + r"(?![A-Za-z])"
        if re.search(_NUM + r"[A-Za-z]{0,3}\s*" + _CMP + r"\s*" + sym, c) or re.search(sym + r"\s*" + _CMP + r"\s*" + _NUM, c):
            return True
    return False


def band_unit(cells: list[str], label: str) -> str:
    """The token the bands write after their numbers ("50 000 v") when the label writes it after its number too."""
    m = re.search(r"\d\s*([A-Za-z]{1,2})\s*$", fold(label or ""))
    if not m:
        return ""
    tok = m.group(1)
    hits = sum(1 for c in cells if re.search(r"\d\s*" + re.escape(tok) + r"(?![A-Za-z])", fold(c)))
    return tok if hits * 2 >= max(1, len(cells)) else ""


_UNIT_AS = re.compile(r"^\s*(" + UNIT_PATTERN + r")\s+(?:als\s+|as\s+|en\s+)?[A-Z][A-Za-z]{0,3}(?:\s?[A-Za-z0-9]{1,3}){0,3}\s*$")
_UNIT_ABBR = re.compile(r"\(([A-Za-z]{2,6})\)\s*$")


def unit_cell(text: str) -> str:
    """The unit a unit column states: "mg/l O 2" (as O₂) -> mg/l, "Nephelometrische Trübungseinheiten (NTU)" -> NTU."""
    t = fold(text).strip()
    m = _UNIT_AS.match(t)
    if m:
        return m.group(1)
    m = _UNIT_ABBR.search(t)
    return m.group(1) if m and len(t) > m.end() - m.start() + 3 else t


COMMA_NUMBER = re.compile(r"^\s*[<>≤≥]?\s*-?\d{1,3},\d+\s*$")
_DECIMAL_COMMA = re.compile(r"^\s*[<>≤≥]?\s*-?\d+,(?:\d{1,2}|\d{4,})\s*$")


def decimal_comma_column(body: list[list[str]], j: int) -> bool:
    """A column whose numbers use a decimal comma ("2,26", "1,90"): its "1,985" is 1.985, not a thousands group."""
    cells = [fold(r[j]) for r in body if j < len(r)]
    return any(_DECIMAL_COMMA.match(c) for c in cells) and not any(re.search(r"\d\.\d", c) for c in cells)


def band_column(body: list[list[str]], j: int, header: str) -> bool:
    """Cells that bound the column's own symbol ("0 ≤ m ≤ 50 v" under "Load, m"): band values, not row labels."""
    syms, cells = header_symbols(header), [r[j] for r in body if j < len(r) and r[j].strip()]
    return bool(cells) and sum(1 for c in cells if is_band(c, syms)) * 2 > len(cells)


_LOWER_ROW = re.compile(r"(?i)^\s*(?:lower\s+limit|lower\s+bound|minimum|min\.?|下限(?:值)?|最小值?|untere?r?\s+grenze|untergrenze|limite\s+inférieure)\s*$")
_UPPER_ROW = re.compile(r"(?i)^\s*(?:upper\s+limit|upper\s+bound|maximum|max\.?|上限(?:值)?|最大值?|obere?r?\s+grenze|obergrenze|limite\s+supérieure)\s*$")
_OPEN = re.compile(r"(?i)^\s*(?:unlimited|no\s+limit|none|not\s+limited|unbegrenzt|illimitée?|无(?:限制)?|不限|[—–\-−/∞]+)\s*$")


def limit_pair_texts(body: list[list[str]]) -> list[tuple[int, int, str]] | None:
    """A "Lower limit" row and an "Upper limit" row over the same columns: per column (row, col, text) where the
    text states the column's range ("5 000 ~ 100 000") or, under an open upper end ("Unlimited"), its minimum."""
    lo = next((k for k, r in enumerate(body) if r and _LOWER_ROW.match(fold(r[0]))), None)
    hi = next((k for k, r in enumerate(body) if r and _UPPER_ROW.match(fold(r[0]))), None)
    if lo is None or hi is None:
        return None
    out = []
    for j in range(1, min(len(body[lo]), len(body[hi]))):
        a, b = fold(body[lo][j]).strip(), fold(body[hi][j]).strip()
        if not re.fullmatch(r"-?\d[\d\s.,]*", a):
            continue
        if re.fullmatch(r"-?\d[\d\s.,]*", b):
            out.append((lo, j, f"{a} ~ {b}"))
        elif _OPEN.match(b):
            out.append((lo, j, f"≥ {a}"))
    return out or None


def sibling_repeats(row: list[str], labels: list[str], start: int) -> set[int]:
    """Columns to skip because the parser repeated one merged cell over sibling columns: neighbours whose header
    labels end in the same parameter ("空载检验制动距离要求" / "满载检验制动距离要求") and hold the same text.
    The value is read once, from the first column."""
    out: set[int] = set()
    for j in range(max(start, 1), min(len(row), len(labels))):
        a, b = fold(labels[j - 1]).strip(), fold(labels[j]).strip()
        if j - 1 < start or not row[j].strip() or row[j].strip() != row[j - 1].strip() or a == b:
            continue
        n = 0
        while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
            n += 1
        suffix = a[len(a) - n:]
        if len(re.findall(r"[\u4e00-\u9fff]", suffix)) >= 3 or re.match(r"^\s\w+(?:\s\w+)*$", suffix) and n >= 6:
            out.add(j)
    return out


def num_text(v: object) -> str:
    """A number as a condition writes it: 5.0 -> "5"."""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
