"""Limit tables: which columns carry the table's bound, the bands a limit holds for, and per-row units.

A limit table states its bound once, in a column header (`限值 dB(μV/m)`, `最大允许误差`) or in the caption
(`……限值`, `Maximum permissible errors`), and prints bare numbers in the cells. Four rules refine how the
matrix reader applies that bound:
- a column whose own header names a bound is a *limit column*; when a table has one, the caption's bound
  applies to it only, not to the other columns (a measurement distance beside the limit is a plain setting);
  with no limit column the caption's bound applies to every value column (graded tables: 特级/一级/二级);
- in a limit table, a column of bare ranges (`30～230` under `频率范围 MHz`) that is not a limit column holds
  the band the row's limits apply to: a condition of the row, not an indicator;
- a falling range in a limit column (`66～56`, a limit decreasing across the band) is two limits, at the
  band's lower and upper edge;
- a unit column (`单位`, also as a sub-header under a merged `要求` header) gives the row's unit to the value
  cells whose header names none.
Words such as 最高/最大 before 测试/试验 name a test setting (最高测试频率: the highest frequency tested), not
a bound.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zmdocs.indicators.bound_words import bounded
from zmdocs.text.width import fold_chars as fold

_TEST_SETTING = re.compile(r"(?:最高|最低|最大|最小)(?=(?:测试|试验|检测|检验))")
_RANGE_CELL = re.compile(r"^\s*-?\d[\d\s.,]*?\s*[~～]\s*-?\d[\d\s.,]*\s*$")
_FALLING = re.compile(r"(?<![\d.,])(\d[\d ]*(?:\.\d+)?)\s*[~～]\s*(\d[\d ]*(?:\.\d+)?)(?![\d.,])")
_UNIT_NAME = re.compile(r"(?i)^(?:单位|计量单位|units?|einheit|unité)$")
# a comparator sign before a number in a column label: the band of that column, not a bound of its values
_BAND_IN_LABEL = re.compile(r"(?:≤|<=|≦|≥|>=|≧|<|>|不大于|不超过|不小于|不低于)\s*[-+]?\d")
_TIME_WORD = re.compile(r"时间|间隔|时长|历时|duration|interval|time", re.I)


def setting_free(text: str) -> str:
    """`text` without the bound words that only qualify a test setting (最高测试频率 -> 测试频率)."""
    return _TEST_SETTING.sub("", text or "")


def limit_columns(labels: Sequence[str], bounded: Callable[[str], bool]) -> set[int]:
    """Columns whose own header label (without its unit) names a bound; a band the column holds for
    (`Working voltage ≤ 50 V`, `> 50 V and ≤ 250 V`) names none."""
    return {j for j, lab in enumerate(labels) if lab and bounded(_BAND_IN_LABEL.sub(" ", setting_free(lab)))}


def bound_columns(labels: Sequence[str], caption: str, bounded: Callable[[str], bool]) -> set[int] | None:
    """The columns the table's bound applies to: its limit columns, else every column when the caption names
    a bound (None: no bound anywhere, nothing to restrict)."""
    own = limit_columns(labels, bounded)
    if own:
        return own
    return set(range(len(labels))) if bounded(setting_free(caption)) else None


def table_bound(table, joined: list[str], roles: list[str],
                header_unit: Callable[[str], tuple[str, str]]) -> set[int] | None:
    """The value columns a limit table's bound applies to (see bound_columns); header_unit splits a header
    into (label, unit)."""
    skip = ("seq", "param", "method", "unit", "cond")
    labels = ["" if k == 0 or roles[k] in skip else header_unit(h)[0] for k, h in enumerate(joined)]
    return bound_columns(labels, table.caption or "", bounded)


def label_hint(parts: Sequence[str]) -> str:
    """The header parts under a spanning header that may name a bound: short labels, not a description of eight
    words or more ("Areas where there is strict minimum underkeel clearance" names no minimum of the values)."""
    return " ".join(p for p in parts if len(p.split()) < 8)


def column_hints(hints: list[str], caption: str, j: int, bound: set[int] | None) -> list[str]:
    """The hint texts for a value in column j: test-setting words removed; the caption dropped when the table
    has limit columns and j is not one of them."""
    out = [setting_free(h) for h in hints]
    if bound is not None and j not in bound:
        out = [h for h, raw in zip(out, hints, strict=True) if raw != caption]
    return out


def _is_range_column(body: list[list[str]], j: int) -> bool:
    cells = [fold(r[j]).strip() for r in body if j < len(r) and r[j].strip()]
    return len(cells) >= 2 and sum(1 for c in cells if _RANGE_CELL.match(c)) * 4 >= len(cells) * 3


def limit_roles(body: list[list[str]], cparts: list[list[str]], roles: list[str], bound: set[int] | None) -> list[str]:
    """Column roles refined for limit tables: a unit sub-header is the unit column; a column of bare ranges
    beside the limit columns is the row's band (a condition)."""
    out = list(roles)
    for j, parts in enumerate(cparts):
        if any(_UNIT_NAME.match(fold(p).strip()) for p in parts):
            out[j] = "unit"
    if bound is None or len(bound) == len(roles):
        return out
    for j, r in enumerate(out):
        if r in ("", "req") and j not in bound and _is_range_column(body, j):
            out[j] = "cond"
    return out


def split_falling(text: str) -> str:
    """A falling range in a limit cell (`66～56`) as its two limits (`66、56`); rising ranges stay."""
    def repl(m: re.Match) -> str:
        a, b = (float(g.replace(" ", "")) for g in m.groups())
        return f"{m.group(1)}、{m.group(2)}" if a > b else m.group(0)
    return _FALLING.sub(repl, text)


def row_unit(row: list[str], roles: list[str], unit_of: Callable[[str], str]) -> str:
    """The unit a row's unit column states ("" when there is none or it holds a dash)."""
    for j, r in enumerate(roles):
        if r == "unit" and j < len(row) and re.search(r"[A-Za-zµμΩ%°℃\u4e00-\u9fff]", row[j]):
            return unit_of(row[j])
    return ""


def time_unit(label: str) -> tuple[str, str] | None:
    """`驻留时间 S` (an OCR or typesetting capital S after a duration): (label, "s"); else None.
    "Anzahl der Untersuchungen pro Jahr": a count per period, unit "/a" (per year), "/d", "/h"."""
    m = re.match(r"^(.*\S)\s+S$", label.strip())
    if m and _TIME_WORD.search(m.group(1)):
        return m.group(1), "s"
    p = _COUNT_PER.search(label)
    return (label.strip(), "/" + _PERIOD[p.group(1).lower()]) if p else None


# a count per period in a header: "Anzahl der Untersuchungen pro Jahr", "number of tests per year"
_PERIOD = {"jahr": "a", "year": "a", "an": "a", "tag": "d", "day": "d", "jour": "d", "stunde": "h", "hour": "h", "heure": "h"}
_COUNT_PER = re.compile(r"(?i)\b(?:anzahl|number|nombre|häufigkeit\w*|frequency)\b[^()\d]{0,60}?\b(?:pro|je|per|par)\s+(jahr|year|an|tag|day|jour|stunde|hour|heure)\b")
# an allowance written after a cell's value: "1 zuzüglich für die über 1 000 m³ hinausgehende Menge jeweils 1 pro …"
_ADDED = re.compile(r"(?i)^\s*(-?\d[\d.,]*)\s+((?:zuzüglich|zzgl\.|plus|additionally|in\s+addition|en\s+plus)\b.*)$", re.S)


_PERCENT_OF = re.compile(r"(?i)^(.*\S)\s*(?:的)?(?:百分比|百分数|百分率)$|^(?:percentage|per\s*cent(?:age)?)\s+of\b")


def percent_unit(label: str) -> tuple[str, str] | None:
    """A header naming a percentage ("轴制动力与轴荷的百分比", "percentage of the mass"): (label, "%"); else None."""
    return (label.strip(), "%") if _PERCENT_OF.match(label.strip()) else None


# "波前时间/半峰值时间": a header naming two quantities, each cell giving both ("5/50", "1.2/50(8/20)")
_TWO_NAMES = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}\s*/\s*[\u4e00-\u9fffA-Za-z]{2,}")
_NUM = r"\d+(?:\.\d+)?"
_PAIR_CELL = re.compile(rf"^\s*({_NUM})\s*/\s*({_NUM})\s*(?:[(（]\s*({_NUM})\s*/\s*({_NUM})\s*[)）])?\s*$")
# a test level applied in both polarities ("±4 (充电电压)" under "电压 kV"), not a tolerance
_LEVEL = re.compile(r"(?i)电压|电流|场强|电平|voltage|current|field\s+strength|level|spannung|tension")
_DEVIATION = re.compile(r"(?i)偏差|误差|公差|允差|容差|精度|变化|波动|tolerance|deviation|error|accuracy|abweichung|écart")
_PLUS_MINUS = re.compile(r"^\s*±\s*(?=\d)")


def cell_text(cell: str, label: str, in_bound: bool) -> tuple[str, list[str]]:
    """A matrix cell rewritten for the value reader, with the conditions the rewrite states: a falling range
    in a limit column as two limits; a pair under a two-quantity header as its values; a ± test level as
    the level applied in both polarities; a value with an allowance after it ("3 zuzüglich … je 1 pro …") as
    the value, the allowance its condition."""
    added = _ADDED.match(fold(cell))
    if added:  # the allowance is a rule for computing more, a condition of the value, not a value of its own
        return added.group(1), [re.sub(r"\s+", " ", added.group(2)).strip()]
    text = split_falling(cell) if in_bound else cell
    if _TWO_NAMES.search(label) and (m := _PAIR_CELL.match(fold(text))):
        return "、".join(g for g in m.groups() if g), []
    if _PLUS_MINUS.match(fold(text)) and _LEVEL.search(label) and not _DEVIATION.search(label):
        return _PLUS_MINUS.sub("", fold(text)), ["正、负极性"]
    return text, []


# "10 Bq/l", "0,04 Bq/l (Anmerkung 3)": a number followed by a short unit symbol the cell itself states
_CELL_UNIT = re.compile(r"^\s*[<>≤≥±]?\s*\d[\d\s.,]*?\s*([A-Za-zµμ]{1,4}(?:/[A-Za-z0-9²³]{1,4})?)\s*(?:[(（][^)）]*[)）])?\s*$")


def cell_unit(text: str) -> str:
    """The unit symbol a value cell prints after its number ("" when none: a word such as `Tage` is no symbol
    unless it has a slash or is short)."""
    m = _CELL_UNIT.match(fold(text or ""))
    if not m:
        return ""
    tok = m.group(1)
    return tok if "/" in tok or len(tok) <= 3 or not (tok.islower() or tok.istitle()) else ""
