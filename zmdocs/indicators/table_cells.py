"""Cells of a table read on their own: unit cells, decimal-comma columns, band cells, note and footnote rows,
unitless values (factor or symbol headers, counts such as "2 000 intervals"), cells the parser repeated down a
column or over the two halves of a side-by-side table, and range cells whose two signs were lost.

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

import functools
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
        after, before = _band_res(s)
        if after.search(c) or before.search(c):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _band_res(s: str) -> tuple[re.Pattern, re.Pattern]:
    """`is_band`'s two patterns for one symbol (number before, number after), compiled once."""
    sym = r"(?<![A-Za-z])" + re.escape(s) + r"(?![A-Za-z])"
    return re.compile(_NUM + r"[A-Za-z]{0,3}\s*" + _CMP + r"\s*" + sym), re.compile(sym + r"\s*" + _CMP + r"\s*" + _NUM)


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


_PH_UNITS = re.compile(r"(?i)^pH[-\s]?(?:Einheiten|Einheit|units?|unités?|值)$")
_PAREN_AS = re.compile(r"[(（]\s*(?:als|as|en)\s+([A-Za-z][A-Za-z0-9/]{0,7})\s*[)）]\s*$")
_LOST_SIGN_PAIR = re.compile(r"^\s*\*\s*(-?\d[\d.,]*)\s*(?:und|and|et|bis|to|à)\s*\*\s*(-?\d[\d.,]*)\s*$")


def unit_cell(text: str) -> str:
    """The unit a unit column states: "mg/l O 2" (as O₂) -> mg/l, "Nephelometrische Trübungseinheiten (NTU)" -> NTU;
    pH units are no unit."""
    t = fold(text).strip()
    if _PH_UNITS.match(t):
        return ""
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


# a footnote's mark: a letter, or a superscript letter OCR or a broken font turned into a quote or a ring ("”", "°")
_LOST_MARK = "[”“\"'‘’°º^]"
_FOOTNOTE_ROW = re.compile(r"^\s*(?:[a-e]\s+|" + _LOST_MARK + r"\s*)\S.{12,}")
_NOTE_ROW = re.compile(r"^\s*(?:注|NOTE|Note|Anmerkung|Remarque|Hinweis)\s*\d*\s*[:：.]?")


def is_note_row(row: list[str]) -> bool:
    """A body row that is a note spanning the table ("注:…" repeated in every cell): read once as prose."""
    cells = [c.strip() for c in row if c.strip()]
    return bool(cells) and len(set(cells)) == 1 and bool(_NOTE_ROW.match(cells[0]))


def is_footnote_row(row: list[str]) -> bool:
    """A body row that is a table footnote ("a 对警用摩托车…" in every cell): a condition of the marked cells."""
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) > 1 and len(set(cells)) == 1 and bool(_FOOTNOTE_ROW.match(fold(cells[0])))


def note_rows(table) -> list[str]:
    """The texts of a table's note rows (each once)."""
    return list(dict.fromkeys(next(c.strip() for c in r if c.strip()) for r in table.body if is_note_row(r)))


# a footnote that states a limit (not only how or when a value is measured: "在环境温度为（25±2）℃时测量")
_STATES_LIMIT = re.compile(r"(?i)应|须|不得|限值|[≤≥<>＜＞]|大于|小于|不超过|至少|最[大小高低多少]|\bshall\b|\bmust\b|\bmax|\bmin"
                           r"|\blimit|\bnot\s+(?:exceed|more|less)|grenzwert|\bdarf\b|dürfen|höchstens|mindestens")
_LEAD_MARK = re.compile(r"^\s*(?:(?:[a-e]|[¹²³⁴⁵]|\*{1,3})(?:\s*[):：.、]\s*|\s+)|\*{1,3}(?=[A-Z])|" + _LOST_MARK + r"\s*)")  # "*Note: …"


def table_prose(table) -> list[tuple[str, str]]:
    """A table's notes and footnotes read as prose, each once: (text, "note" or "footnote"). Note rows and
    "注：…" notes are notes; a marked footnote ("a 对…") that states a limit is read without its mark (one that
    only says how a value is measured stays a condition of its marked cells). The parser moves footnotes
    set inside the frame to `table.footnotes`; rows still in the body are read the same way."""
    out: dict[str, str] = {}
    for note in note_rows(table):
        out.setdefault(note, "note")
    rows = [next(c.strip() for c in r if c.strip()) for r in table.body if is_footnote_row(r)]
    for f in [*(table.footnotes or []), *rows]:
        t = fold(f).strip()
        if _NOTE_ROW.match(t):
            out.setdefault(t, "note")
        elif (m := _LEAD_MARK.match(t)) and len(t) > m.end() and _STATES_LIMIT.search(t[m.end():]):
            out.setdefault(t[m.end():].strip(), "footnote")
    return list(out.items())


def cell_conditions(inds: list) -> list:
    """In a cell like "1250V，1min，无击穿" the value of the row's parameter is the indicator; other bare
    values whose dimension does not fit it (the 1 min) are its conditions."""
    keyed = [i for i in inds if i.key]
    if len(inds) < 2 or not keyed:
        return inds
    out = []
    for i in inds:
        if not i.key and getattr(i, "_bare", False):
            for k in keyed:
                k.conditions.append(f"{num_text(i.value)} {i.unit}".strip())
        else:
            out.append(i)
    return out


# a header naming a dimensionless quantity: its bare numbers are values without a unit ("Deterioration factors")
_DIMENSIONLESS = re.compile(r"(?i)\b(?:factors?|coefficients?|ratios?|faktor(?:en)?|koeffizient(?:en)?|facteurs?|coefficients?)\b"
                            r"|系数|因数|因子")
# a header that is a quantity symbol with a capital subscript ("pLC*", "kH", "nLC"), a footnote mark at most; words
# such as "Item", "Test" or "No" are not symbols; a symbol written with "=" ("A =", "B =" of a formula) is one
_SYMBOL_HEADER = re.compile(r"^[a-z][A-Z][A-Za-z]{0,2}\s*(?:\*{1,3}|\(\d\))?$|^[A-Za-zα-ωΑ-Ω](?:_?[A-Za-z0-9]{1,3})?\s*=$")
# a number right before a plural noun ("2 000 intervals", "3 phases"): a count, a value without a unit
_COUNTED = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ ,]\d{3})+|\d+)\s+(?!(?:times|per|and|or|to|of|from)\b)[a-z]{3,}s\b")


def unitless_value_column(header: str) -> bool:
    """A column whose unitless numbers are values: its header names a factor or ratio, or is a quantity symbol."""
    h = fold(header or "").strip()
    return bool(_DIMENSIONLESS.search(h) or _SYMBOL_HEADER.match(h))


def counted_values(cell: str) -> set[float]:
    """The numbers a cell writes as counts of something ("Class C, 2 000 intervals" -> {2000.0})."""
    return {float(re.sub(r"[ ,]", "", m.group(1))) for m in _COUNTED.finditer(fold(cell or ""))}


def vertical_repeats(body: list[list[str]], start: int, ncol: int) -> set[tuple[int, int]]:
    """(row, column) cells to skip because the parser repeated one cell merged down a whole column (three rows or
    more, every row the same value): the value is read once, from the first row."""
    rows = [k for k, r in enumerate(body) if not is_note_row(r) and not is_footnote_row(r)]
    out: set[tuple[int, int]] = set()
    for j in range(start, ncol):
        cells = {fold(body[k][j]).strip() if j < len(body[k]) else "" for k in rows}
        if len(rows) >= 3 and len(cells) == 1 and re.fullmatch(r"-?\d+(?:[.,]\d+)?", next(iter(cells))):
            out.update((k, j) for k in rows[1:])
    return out


def unit_as(param: str) -> str:
    """The unit a parameter names in a parenthesis when the unit cell is empty: "Geruch (als TON)" -> "TON"."""
    m = _PAREN_AS.search(fold(param or ""))
    return m.group(1) if m else ""


def lost_sign_range(cell: str) -> str:
    """"* 6,5 und* 9,5": a converter lost the ≥ and ≤ of both bounds of a requirement; the range they state
    ("6,5 ~ 9,5"), else the cell unchanged."""
    m = _LOST_SIGN_PAIR.match(fold(cell or ""))
    return f"{m.group(1)} ~ {m.group(2)}" if m else cell


def twin_label_columns(joined: list[str], lab_cols: list[int], start: int) -> list[int]:
    """Columns after the values that repeat the row-label header: a table printed in two halves side by side
    ("点 | 时间t ms | 下限 | 点 | 时间t ms | 上限"); a row whose first half is empty takes its label from there."""
    first = {fold(joined[k]).strip() for k in lab_cols if fold(joined[k]).strip()}
    return [j for j in range(start, len(joined)) if fold(joined[j]).strip() in first]


_DOLLAR_PM = re.compile(r"(?<=\d)\s*\$\s*(?=\d)")


def dollar_plus_minus(cell: str) -> str:
    """"50 $ 2": some journal fonts print "±" as "$"; between two numbers of a table cell it is a tolerance."""
    return _DOLLAR_PM.sub(" ± ", cell) if "$" in cell else cell


_ORDINAL = re.compile(r"(?<![\d.,])(\d+)(?:st|nd|rd|th)\b")


def ordinal_numbers(cell: str) -> set[float]:
    """Numbers a cell writes as English ordinals ("in 3rd gear"): a rank, not a value of the column."""
    return {float(m.group(1)) for m in _ORDINAL.finditer(cell)} if re.search(r"\d(?:st|nd|rd|th)\b", cell) else set()
