"""Test-level tables (the 试验条件 tables of EMC and environmental standards): the columns a test applies.

In a table whose caption names test conditions or levels (…试验条件, 试验等级, test levels, Prüfschärfe), the
columns the matrix layout keeps as row labels (频率 Hz "80~1000", 电压 kV "±4 (充电电压)", 放电次数
"正、负极性各10次", a 周期 column of bare numbers) state what the test applies: each cell is also a
test-condition indicator of its own (it stays the row's condition). A "±" level is "=" its magnitude with the
polarity as a condition; "50,60" lists two values; a quantity in parentheses after a value cell ("80%(1kHz)")
is a setting of its own.
"""

from __future__ import annotations

import re

from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.table_cells import is_footnote_row, is_note_row
from zmdocs.model import Indicator, Table
from zmdocs.text.width import fold_chars as fold

_CAPTION = re.compile(r"(?i)试验(?:条件|等级|电平|参数|严酷度)|\btest\s+(?:conditions?|levels?|severit(?:y|ies))\b"
                      r"|Prüf(?:bedingungen|schärfen?|pegel)|niveaux?\s+d'essai|conditions\s+d'essai")
_SEQ = re.compile(r"(?i)^(?:序号|编号|No\.?|Nr\.?|#)$")
# a header that is itself the count noun of its bare numbers ("周期" over "0.5", "25", "250")
_COUNT_NOUN = re.compile(r"(?i)^(?:周期|周波|cycles?|Perioden?|périodes?)$")
_LIST = re.compile(r"^\s*(\d+(?:\.\d+)?)((?:\s*[,，、]\s*\d+(?:\.\d+)?)+)\s*$")
_PAREN_QTY = re.compile(r"[(（]\s*(\d[\d.\s]*\s*[^\W\d_()（）]{1,4})\s*[)）]")
_PM = re.compile(r"^\s*[±]\s*")


def is_level_table(table: Table) -> bool:
    """A table whose caption names the test conditions or levels it applies."""
    return bool(_CAPTION.search(fold(table.caption or "")))


def level_settings(table: Table, found: list[Indicator], lang: str | None, header_unit) -> list[Indicator]:
    """The settings of a test-level table that `found` (the table's indicators) leaves in row labels or parentheses.

    `header_unit` splits a header into (label, unit) (tables.header_unit, passed in to avoid an import cycle).
    """
    if not is_level_table(table) or not table.header:
        return []
    read = {(i.origin or {}).get("col") for i in found if (i.origin or {}).get("type") == "table"}
    ncol = max((len(r) for r in table.rows), default=0)
    heads = [" ".join(dict.fromkeys(r[j].strip() for r in table.header if j < len(r) and r[j].strip())) for j in range(ncol)]
    base = {"type": "table", "table": table.number or table.id}
    out: list[Indicator] = []
    for i, row in enumerate(table.body, start=table.header_rows):
        if is_note_row(row) or is_footnote_row(row) or len(set(row)) == 1:
            continue
        for j, cell in enumerate(row[:ncol]):
            label, unit = header_unit(heads[j])
            if not re.search(r"\d", cell) or _SEQ.match(label.strip()):
                continue
            origin = {**base, "row": i, "col": j}
            if j in read:
                out.extend(_paren_settings(fold(cell), label, lang, table, origin))
            else:
                unit = unit or (label.strip() if _COUNT_NOUN.match(label.strip()) else "")
                out.extend(_label_cell(fold(cell), label, unit, lang, table, origin))
    return out


def _label_cell(cell: str, label: str, unit: str, lang: str | None, table: Table, origin: dict) -> list[Indicator]:
    """The values of one label cell: a "±" level as its magnitude, a listed "50,60" as two values."""
    conds: list[str] = []
    if _PM.match(cell):
        cell = _PM.sub("", cell)
        conds.append("正、负极性" if lang == "zh" else "±")
    m = _LIST.match(cell)
    texts = [m.group(1), *re.split(r"\s*[,，、]\s*", m.group(2).strip(" ,，、"))] if m else [cell]
    out = []
    for t in texts:
        for ind in extract_text(t, lang, clause=table.clause, page=table.page, context=label, default_unit=unit,
                                origin=dict(origin), bare_is_value=True):
            if ind.unit and ind.ordinal is None:
                out.append(_as_setting(ind, label, conds))
    return out


def _paren_settings(cell: str, label: str, lang: str | None, table: Table, origin: dict) -> list[Indicator]:
    """A quantity in parentheses after a value ("80%(1kHz)"): the test applies it too."""
    out = []
    for m in _PAREN_QTY.finditer(cell):
        if not cell[: m.start()].strip():
            continue
        for ind in extract_text(m.group(1), lang, clause=table.clause, page=table.page, context=label, origin=dict(origin),
                                bare_is_value=True):
            if ind.unit and ind.comparator == "=" and ind.ordinal is None:
                out.append(_as_setting(ind, label, []))
    return out


def _as_setting(ind: Indicator, label: str, conds: list[str]) -> Indicator:
    """Mark a table value as a test setting (roles.assign_roles makes it a test-condition)."""
    ind.parameter = re.sub(r"\s+", " ", label).strip() or ind.parameter
    ind.conditions = list(dict.fromkeys([*conds, *ind.conditions]))
    ind._setting = True
    ind._bare = False
    return ind
