"""Indicators in tables: item/requirement tables and matrices with units in headers.

Two layouts are recognised:
- item/requirement (B-standard 技术要求 tables: 序号 | 项目 | 要求 | 试验方法): the parameter is
  in the item column, the limit with its comparator in the requirement cell, the method in
  the method column, a unit in a 单位/Unit column or the header;
- matrix: a row label (a parameter, or a condition such as a voltage band `≤60`, `>60~125`
  or a product class) and columns with a parameter or condition and a unit in the header
  (`额定功率/W`, `漏电流mA`, `Test voltage (r.m.s.) V`). Multi-row headers join; merged
  header cells (repeated text) name the parameter, the cells under them a condition.
Bare numbers take the comparator the header, row label or caption implies (最大/限值/max →
<=, 最小/min → >=), else "="; footnote marks in cells (`0.75a`) add the footnote as a condition.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from zmdocs.indicators import limit_tables as lt
from zmdocs.indicators import minmax_cells, spec_limits
from zmdocs.indicators import spec_tables as st
from zmdocs.indicators.bound_words import LOWER_HINT as _LOWER_HINT
from zmdocs.indicators.bound_words import UPPER_HINT as _UPPER_HINT
from zmdocs.indicators.common import direction
from zmdocs.indicators.key_rows import key_value_rows
from zmdocs.indicators.keys import fits, key_for, key_kind
from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.table_cells import (
    COMMA_NUMBER,
    band_column,
    band_unit,
    cell_conditions,
    counted_values,
    decimal_comma_column,
    dollar_plus_minus,
    header_symbols,
    is_band,
    is_footnote_row,
    is_note_row,
    limit_pair_texts,
    lost_sign_range,
    ordinal_numbers,
    sibling_repeats,
    table_prose,
    twin_label_columns,
    unit_as,
    unit_cell,
    unitless_value_column,
    vertical_repeats,
)
from zmdocs.indicators.units import UNIT_PATTERN, unit_symbol
from zmdocs.model import Indicator, Table
from zmdocs.text.lang import guess_lang
from zmdocs.text.width import fold_chars as fold

_ROLE = {
    "seq": re.compile(r"(?i)^(?:序号|编号|步骤|No\.?|Nr\.?|N°|n°|#|Item\s+no\.?|Laufende\s+Nummer|lfd\.?\s*Nr\.?|Ordnungsnummer)$"),
    "param": re.compile(r"(?i)^(?:(?:检验|检测|试验|技术)?项目|参数(?:名称)?|指标名称|名称|特性|性能|Parameter|Parameters|Item|Items|Characteristics?|Property|Properties|Prüfung|Merkmal|Eigenschaft|Kenngröße|Caractéristiques?|Paramètres?|Désignation|Propriété)$"),
    "req": re.compile(r"(?i)^(?:(?:技术)?要求|指标(?:值|要求)?|限值|标准值|规定值|本标准(?:要求|指标)?|Requirements?|Limits?|Limit\s+values?|Values?|Specification|Specified\s+value|Anforderung(?:en)?|Grenzwerte?|Werte?|Exigences?|Valeurs?|Limites?|Valeur\s+limite)$"),
    "method": re.compile(r"(?i)^(?:试验方法|检验方法|检测方法|测试方法|方法|试验方法条款|Test\s+methods?|Methods?|Test|Prüfverfahren|Prüfung\s+nach|Méthodes?(?:\s+d'essai)?)$"),
    "unit": re.compile(r"(?i)^(?:单位|计量单位|Units?|Einheit|Unité)$"),
    "cond": re.compile(r"(?i)^(?:条件|试验条件|检测条件|适用范围|适用条件|适用产品|备注|说明|Conditions?|Test\s+conditions?|Remarks?|Notes?|Bedingung(?:en)?|Prüfbedingung(?:en)?|Bemerkung(?:en)?|Remarques?|Observations?)$"),
}
_HEADER_UNIT = re.compile(r"(?:^|/|\(|（|\s|(?<=[\u4e00-\u9fff.)]))\s*(" + UNIT_PATTERN + r")\s*[)）]?\s*(\([^()]*\))?\s*$")
_MARK = re.compile(r"(?<=[\d%)A-Za-zΩ℃\u4e00-\u9fff])\s*([a-e]|[¹²³⁴⁵]|\*{1,3})\s*$")
_FOOT_MARK = re.compile(r"^\s*(?:注\s*)?([a-e]|[¹²³⁴⁵]|\*{1,3}|\d)\s*[):：.、]?\s+")
_COND_WORD = re.compile(r"(?i)适用|仅|只|当|对于|用于|only|appl|gilt|gelten|für|s'applique|pour|lorsque|when|for\s")
_NUMERIC = re.compile(r"\d")
_FORMULA = re.compile(r"^\s*[A-Za-z]\s*[-–−+×]\s*\d")  # "T – 25": a value relative to a marking
_NOT_LIMITS = re.compile(r"(?i)章条编号|条款对照|对照表|对照情况|编号对照|correspondence|Gegenüberstellung|Abschnittsnummer|correspondance|引用文件|normative references")
# a row-header column naming the part a limit applies to (手柄, "Handles … of metal"): part of the parameter
_PART = re.compile(r"(?i)^(?:部件|部位|零部件|零件|部分|位置|测量部位|测试部位|Parts?|Components?|Locations?|Teile?|Bauteile?|Stelle|Messstelle|Parties?|Pièces?|Composants?|Emplacements?)$")
# a cell that is a bare applicability band (≤60, ＞60～125, > 25 and ≤ 200) gets its header's name
_BAND_CELL = re.compile(r"^\s*(?:[<>≤≥~\-–+]|\d|up to|above|over|bis|über|jusqu)", re.I)
# keys of rated/design quantities: a column of them beside a parameter holds the row's condition
_RATING_KEYS = {"rated_power", "rated_voltage", "rated_capacity", "rated_frequency", "rated_current", "mass", "ambient_temperature"}
_PAREN_COND = re.compile(r"\s*[(（]([^()（）]*?[<>≤≥][^()（）]*)[)）]")
_CLAUSE_REF = re.compile(r"^\s*(?:第\s*)?[A-Z]?\d+(?:\.\d+){1,4}\s*(?:条|章)?\s*$")

# "单位为米", "单位：mm", "Dimensions in millimetres", "Unit: mm", "Maße in mm", "Valeurs en mm": a unit for every cell
_CAPTION_UNIT = re.compile(r"(?i)(?:单位(?:为|[:：])\s*|\b(?:dimensions|values|units?|maße|werte|valeurs|dimensions)\s*(?:in|en|:)\s*)"
                           r"([^\s,，;；()（）]{1,12})")
_UNIT_WORDS = {"millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm", "metres": "m", "meters": "m",
               "centimetres": "cm", "centimeters": "cm", "seconds": "s", "kilograms": "kg", "grams": "g", "volts": "V",
               "millimètres": "mm", "mètres": "m", "Millimeter": "mm", "Meter": "m"}


_IN_UNIT = re.compile(r"(?:(?<![A-Za-z])(?:in|en|je)\s+|\[\s*)(" + UNIT_PATTERN + r")(?:\s*\]|(?![A-Za-z0-9/²³]))")
_MULT_G = re.compile(r"\s*[(（]\s*[×x]\s*g\s*[)）]")

_RATE_WORDS = re.compile(r"(?i)\b(litres?|liters?|metres?|meters?|kilometres?|kilometers?|kilograms?|grams?)\s*(?:/|per\s+)"
                         r"(seconds?|sec|minutes?|min|hours?)\s*$")
_RATE_UNIT = {"lit": "l", "met": "m", "kilom": "km", "kilog": "kg", "gra": "g", "sec": "s", "min": "min", "hou": "h"}
_TRAILING_UNIT = re.compile(r"\s(?:" + UNIT_PATTERN + r"|[A-Za-z]{1,3}-\d)\s*$")


def caption_unit(caption: str) -> str:
    """The unit a caption declares for the whole table ("单位为米" -> m, "Dimensions in millimetres" -> mm), else ""."""
    from zmdocs.indicators.units import is_known, unit_symbol

    m = _CAPTION_UNIT.search(fold(caption or ""))
    if not m:
        return ""
    w = m.group(1).strip().rstrip("。.")
    sym = unit_symbol(_UNIT_WORDS.get(w, w))
    return sym if is_known(sym) or sym in ("°C", "%") else ""


@functools.lru_cache(maxsize=4096)
def header_unit(text: str) -> tuple[str, str]:
    """Split a header into (label, unit): `额定功率/W` -> (额定功率, W); `Test voltage (r.m.s.) V` -> (Test voltage (r.m.s.), V)."""
    t = fold(text).strip()
    t = _MULT_G.sub(" g", t)  # "加速度下限(×g)": in multiples of standard gravity
    t = re.sub(r"[(（]°[)）]\s*/\s*s\b", "°/s", t)  # "角速度上限 (°)/s"
    w = _RATE_WORDS.search(t)  # "Nominal flow G litres/second": a rate in words
    if w and w.start() > 0:
        num, den = (_RATE_UNIT.get(g[:3].lower()) or _RATE_UNIT[g[:5].lower()] for g in w.groups())
        return t[: w.start()].strip(), f"{num}/{den}"
    m = _HEADER_UNIT.search(t)
    if not m:  # "k m-1 m-2": a second unit token split off a superscript line; the first is the column's
        last = _TRAILING_UNIT.search(t)
        m = _HEADER_UNIT.search(t[: last.start()]) if last and last.start() > 0 else None
        t = t[: last.start()].rstrip() if m else t
    if not m or m.start(1) == 0:
        m2 = _IN_UNIT.search(t)  # "Maximum luminous intensity in cd when used as", "THU [m]", "Grenzwerte in Prozent"
        if m2:
            return re.sub(r"\s+", " ", (t[: m2.start()] + " " + t[m2.end():]).strip()), unit_symbol(m2.group(1).strip())
        return lt.time_unit(t) or lt.percent_unit(t) or (t, "")
    label = t[: m.start()].strip().rstrip("/（(,，").strip()
    if m.group(2):  # "Creepage distance mm (pollution degree 2)": keep the qualifier in the label
        label = f"{label} {m.group(2)}".strip()
    return (label or t), m.group(1).strip()


def _role(text: str) -> str:
    """The role of a column from its header; "Grenzwert/ Anforderung", "Einheit, als": the first name decides."""
    t = re.sub(r"\s+", " ", fold(text)).strip()
    for cand in dict.fromkeys((t, re.split(r"\s*[/,]\s*", t)[0], header_unit(t)[0])):  # "Grenzwert mg/l" too
        for role, rx in _ROLE.items():
            if rx.match(cand):
                return role
    return ""


def _headers(table: Table) -> tuple[list[str], list[str], list[list[str]]]:
    """Per column: joined header text, the parameter part, and the condition parts (under merged cells)."""
    rows = table.header
    ncol = max((len(r) for r in table.rows), default=0)
    joined, param_part, cond_parts = [], [], []
    for j in range(ncol):
        parts = []
        for r in rows:
            c = r[j].strip() if j < len(r) else ""
            if c and c not in parts:
                parts.append(c)
        joined.append(" ".join(parts))
        if len(parts) <= 1:
            param_part.append(parts[0] if parts else "")
            cond_parts.append([])
            continue
        # a part repeated in a neighbouring column is a merged (spanning) cell: the parameter
        merged = [p for i, p in enumerate(parts) if any(
            (j + d) >= 0 and (j + d) < ncol and i < len(rows) and (j + d) < len(rows[i]) and rows[i][j + d].strip() == p
            for d in (-1, 1))]
        top = merged[0] if merged else parts[0]
        param_part.append(top)
        cond_parts.append([p for p in parts if p != top])
    return joined, param_part, cond_parts


def _footnotes(table: Table) -> tuple[dict[str, str], list[str]]:
    marked, general = {}, []
    for f in list(table.footnotes or []) + [next(c for c in r if c.strip()) for r in table.body if is_footnote_row(r)]:
        f = fold(f).strip()
        m = _FOOT_MARK.match(f)
        if m and not re.match(r"^\d+\.\d", f):
            marked[m.group(1)] = f[m.end():].strip()
        elif _COND_WORD.search(f):
            general.append(re.sub(r"^(?:注|NOTE|Note|Anmerkung|NOTA)\s*\d*\s*[:：]?\s*", "", f))
    return marked, general


def _cell(text: str, marks: dict[str, str]) -> tuple[str, list[str]]:
    t = dollar_plus_minus(fold(text).strip())
    conds = []
    m = _MARK.search(t)
    if m and m.group(1) in marks:
        conds.append(marks[m.group(1)])
        t = t[: m.start()].rstrip()
    return t, conds


def _apply_hint(ind: Indicator, cell: str, hints: list[str]) -> None:
    """A bare number in a limits table takes the comparator its header or caption implies."""
    label_only = bool(ind.ordinal) and bool(re.fullmatch(r"\s*\S{1,8}\s*", fold(cell or "")))  # a grade cell "3级"
    if ind.comparator != "=" or not (getattr(ind, "_bare", False) or label_only):
        return
    for h in hints:
        h = header_unit(h or "")[0]  # "Boiling time min": the unit min is not "minimum"
        if _UPPER_HINT.search(h):
            ind.comparator = "<="
            break
        if _LOWER_HINT.search(h):
            ind.comparator = ">="
            break
    ind.direction = direction(ind)


def extract_table(table: Table, lang: str | None = None, clause: str | None = None, page: int | None = None) -> list[Indicator]:
    """Indicators of one table (item/requirement layout or matrix layout)."""
    table = st.promote_subheader(_fix_header_rows(table))
    rows = table.rows or []
    if len(rows) <= table.header_rows or not any(_NUMERIC.search(c) for r in table.body for c in r):
        return []
    lang = lang or guess_lang(" ".join(c for r in rows for c in r) + " " + table.caption)
    clause = clause or table.clause
    page = page or table.page
    table, listed = minmax_cells.minmax_table(table, extract_text, lang=lang, clause=clause, page=page)  # "min. 5 max. 7"
    joined, pparts, cparts = _headers(table)
    roles = [_role(h) or _role(p) for h, p in zip(joined, pparts, strict=True)]
    roles = lt.limit_roles(table.body, cparts, roles, lt.table_bound(table, joined, roles, header_unit))
    marks, general = _footnotes(table)
    base = {"type": "table", "table": table.number or table.id}
    if _NOT_LIMITS.search(table.caption or "") or any(_NOT_LIMITS.search(h) for h in joined):
        return []  # clause correspondence tables, reference lists, revision histories
    if (spec := spec_limits.spec_table(table, roles, lang, clause, page)) is not None:  # min | max | unit | method
        return spec + listed
    pairs = key_value_rows(rows)
    if pairs:  # "n | 2 | 3" over "k | 0.973 | 0.613": each value holds for the key above it
        return [_finish(ind, fold(rows[i][0]).strip(), [cond, *general], [table.caption]) for i, j, text, cond in pairs
                for ind in extract_text(text, lang, clause=clause, page=page, context=table.caption,
                                        origin={**base, "row": i, "col": j}, bare_is_value=True)]
    if "param" in roles and "req" in roles:
        out = _item_layout(table, lang, clause, page, joined, roles, marks, general, base, cparts)
    else:
        out = _matrix_layout(table, lang, clause, page, joined, pparts, cparts, roles, marks, general, base)
    for text, kind in table_prose(table):  # notes and footnotes of the table: once each, as prose
        out.extend(extract_text(text, lang, clause=clause, page=page, origin={**base, kind: True}))
    return out + listed


_VALUE_CELL = re.compile(r"^\s*[<>≤≥]?\s*-?\d[\d.,\s]*(?:[a-e]|\*{1,3})?\s*$")


def _fix_header_rows(table: Table) -> Table:
    """A "header" row whose cells are mostly bare values ("≤2.50", "140") is the first body row."""
    from dataclasses import replace

    h = table.header_rows
    while h > 1:
        cells = [fold(c) for c in table.rows[h - 1][1:] if c.strip()] if h - 1 < len(table.rows) else []
        if cells and sum(1 for c in cells if _VALUE_CELL.match(c)) * 2 >= len(cells):
            h -= 1
        else:
            break
    return table if h == table.header_rows else replace(table, header_rows=h)


def _item_layout(table, lang, clause, page, joined, roles, marks, general, base, cparts) -> list[Indicator]:
    out: list[Indicator] = []
    pcol, mcol = roles.index("param"), (roles.index("method") if "method" in roles else None)
    tunit = caption_unit(table.caption)
    ucol = roles.index("unit") if "unit" in roles else None
    cond_cols = _condition_columns(table, joined, roles, pcol)
    for i, row in enumerate(table.body, start=table.header_rows):
        cells = row + [""] * (len(joined) - len(row))
        param_raw = cells[pcol].strip()
        if not param_raw:
            continue
        param, hunit = header_unit(param_raw)
        pc = _PAREN_COND.search(param)
        if pc:  # "烧水时间（额定功率≥1 800 W）": a band in the item's parenthesis is the row's condition
            param = (param[:pc.start()] + param[pc.end():]).strip()
        unit = (unit_cell(cells[ucol]) if ucol is not None else "") or hunit or tunit or unit_as(param)
        method = cells[mcol].strip() if mcol is not None and cells[mcol].strip() else None
        remarks = [k for k, r in enumerate(roles) if r == "cond" and lang != "zh" and _REMARK.match(cells[k])]
        row_conds = [cells[k].strip() for k, r in enumerate(roles) if r == "cond" and cells[k].strip() and k not in remarks]
        row_conds += [pc.group(1).strip()] if pc else []
        for k in remarks:  # a remarks cell written in sentences: prose about the row's parameter, not a condition
            out.extend(extract_text(cells[k], lang, clause=clause, page=page, context=param, origin={**base, "row": i, "col": k}))
        row_conds += [_band(joined[k], fold(cells[k]), lang) for k in cond_cols if cells[k].strip() and cells[k].strip() not in "—–-/"]
        for j, role in enumerate(roles):
            if j in cond_cols or role != "req" and (role or j <= pcol or not _NUMERIC.search(cells[j])):
                continue
            text, conds = _cell(cells[j], marks)
            text = lost_sign_range(text) if role == "req" else text
            if _CLAUSE_REF.match(text) and not unit:
                continue  # "5.1.2" in a 技术要求 column of an inspection table is a reference
            conds = conds + row_conds + list(cparts[j])
            if role != "req":  # another column of values (a benchmark standard, a product class)
                conds = conds + [joined[j]]
            if not text:
                continue
            _, colunit = header_unit(joined[j])
            inds = extract_text(text, lang, clause=clause, page=page, context=param, method=method,
                                default_unit=unit or colunit, origin={**base, "row": i, "col": j}, bare_is_value=True)
            for ind in inds:
                _finish(ind, param, conds + general, [joined[j], param_raw, table.caption])
            out.extend(cell_conditions(inds))
    return out


@dataclass
class _Matrix:
    """A matrix-layout table read once: its label columns, their headers, grade columns and caption unit."""

    table: Table
    lang: str
    joined: list[str]
    pparts: list[str]
    cparts: list[list[str]]
    roles: list[str]
    nlab: int
    labels: list[list[str]]
    label_notes: list[list[str]]
    rows_are_params: bool
    lab_cols: list[int]
    lab_headers: list[tuple[str, str]]
    tunit: str
    gcols: set[int]
    key_cols: set[int]


def _matrix(table, lang, joined, pparts, cparts, roles, marks) -> _Matrix:
    """The label columns (left of the values) and what the layout makes of rows and columns."""
    body, ncol = table.body, len(joined)
    nlab = _label_columns(body, ncol, pparts, cparts)
    gcols = _grade_columns(body, joined, 1)
    if gcols and header_unit(joined[0])[1] and _is_value_column(body, 0):  # 风速m/s | … | 等级: the grade labels the row
        nlab = 0
    if any(roles[j] == "seq" for j in range(nlab)) and nlab < ncol - 1:
        nlab = max(nlab, [j for j in range(nlab) if roles[j] == "seq"][-1] + 2)
    labels, label_notes = [], []
    for r in body:
        cells = [_cell(r[j] if j < len(r) else "", marks) for j in range(nlab) if roles[j] != "seq"]
        labels.append([c for c, _ in cells])
        label_notes.append([n for _, ns in cells for n in ns])
    keyed_rows = sum(1 for lab in labels if any(key_for(x) for x in lab))
    rows_are_params = keyed_rows * 2 >= max(1, len(body)) and not any(key_for(pparts[j]) for j in range(nlab, ncol))
    lab_cols = [j for j in range(nlab) if roles[j] != "seq"]
    return _Matrix(table, lang, joined, pparts, cparts, roles, nlab, labels, label_notes, rows_are_params, lab_cols,
                   [header_unit(joined[j]) for j in lab_cols], caption_unit(table.caption), gcols if not nlab else _grade_columns(body, joined, nlab),
                   {k for k in lab_cols if _is_key_column(body, k, joined[k])})


_PLAIN_NUMBER = re.compile(r"^\s*\d[\d\s]*(?:[.,]\d+)?\s*$")


def _is_key_column(body: list[list[str]], k: int, header: str) -> bool:
    """A label column of bare numbers under a named header (nominal flow G, speed, mass): the independent variable
    each row's limits hold for. Consecutive integers from 1 are list numbers (序号 without a header word), not keys."""
    label = header_unit(header)[0]
    if not label or not re.search(r"[^\W\d_]", label) or _ROLE["seq"].match(label):
        return False
    cells = [fold(r[k]).strip() for r in body if k < len(r) and not is_note_row(r) and not is_footnote_row(r)]
    cells = [c for c in cells if c and not _PLACEHOLDER.match(c)]
    if len(cells) < 3 or not all(_PLAIN_NUMBER.match(c) for c in cells):
        return False
    nums = [c.replace(" ", "") for c in cells]
    return nums != [str(n) for n in range(1, len(nums) + 1)]


_REMARK = re.compile(r"^\s*\S+(?:\s+\S+){7,}")  # eight words or more: a remark in sentences
def _matrix_layout(table, lang, clause, page, joined, pparts, cparts, roles, marks, general, base) -> list[Indicator]:
    pairs = limit_pair_texts(table.body)
    if pairs:  # "Lower limit" / "Upper limit" rows: one range per column
        return [_finish(ind, table.caption, [joined[j], *general], []) for k, j, text in pairs for ind in extract_text(
            text, lang, clause=clause, page=page, context=table.caption, default_unit=caption_unit(table.caption),
            origin={**base, "row": k + table.header_rows, "col": j})]
    out: list[Indicator] = []
    mx, bound = _matrix(table, lang, joined, pparts, cparts, roles, marks), lt.table_bound(table, joined, roles, header_unit)
    ncol = len(joined)
    commas = {j for j in range(mx.nlab, ncol) if decimal_comma_column(table.body, j)}
    syms = [header_symbols(h) for h in joined]
    # a unitless value printed once down a column the parser repeated: read once (a column with a unit is a series)
    merged_down = {c for c in vertical_repeats(table.body, mx.nlab, ncol) if not header_unit(joined[c[1]])[1] and not mx.tunit}
    unitless = {j for j in range(mx.nlab, ncol) if unitless_value_column(joined[j]) or unitless_value_column(pparts[j])} | st.symbol_columns(
        table.body, joined, mx.nlab) | st.text_value_columns(table.body, mx.nlab, ncol)  # "X | Y | L", attribute tables
    twins = twin_label_columns(joined, mx.lab_cols, mx.nlab)
    for i, row in enumerate(table.body, start=table.header_rows):
        lab = mx.labels[i - table.header_rows]
        if not any(lab) and twins:  # the second half of a table printed side by side holds this row alone
            lab = [fold(row[k]).strip() for k in twins if k < len(row)]
        grade_conds = [fold(row[k]).strip() for k in sorted(mx.gcols) if k < len(row) and row[k].strip()]
        if not any(lab) and not (mx.nlab == 0 and grade_conds) or is_note_row(row) or is_footnote_row(row):
            continue
        spanned = _spanning_grade_cell(row, pparts, mx.nlab, ncol) | sibling_repeats(row, [header_unit(p)[0] for p in pparts], mx.nlab)
        bands = {j for j in range(mx.nlab, min(ncol, len(row))) if is_band(row[j], syms[j])}  # "0 ≤ m ≤ 50 v"
        for j in range(mx.nlab, ncol):
            if j >= len(row) or roles[j] in ("seq", "method", "unit", "cond") or j in mx.gcols or j in spanned \
                    or (i - table.header_rows, j) in merged_down:
                continue
            if j in bands:  # the band a row holds for; in an all-bands row the row label holds the value
                out.extend(_band_value(mx, row, i, j, lab, base, clause, page, general) if len(bands) * 2 > len(row) - mx.nlab else [])
                continue
            text, conds = _cell(st.dot_decimal((rw := lt.cell_text(row[j], pparts[j], bool(bound) and j in bound))[0]), marks)
            if j in commas and COMMA_NUMBER.match(text):  # "1,985" among "2,26", "1,90": a decimal comma
                text = text.replace(",", ".")
            conds = conds + rw[1] + grade_conds + [fold(row[k]).strip() for k in sorted(bands)]
            conds += [row[k].strip() for k in range(mx.nlab, min(ncol, len(row))) if roles[k] == "cond" and row[k].strip()]
            if not text or not _NUMERIC.search(text) and "IP" not in text or _FORMULA.match(text):
                continue
            conds = conds + mx.label_notes[i - table.header_rows]
            param, unit, more, hints, part_of = _matrix_cell(mx, lab, j)
            unit, hints = unit or lt.row_unit(row, roles, unit_cell) or lt.cell_unit(text), lt.column_hints(hints, table.caption, j, bound)
            inds = extract_text(text, lang, clause=clause, page=page, context=param, default_unit=unit,
                                origin={**base, "row": i, "col": j}, bare_is_value=True)
            for ind in inds:
                _finish(ind, param, conds + more + general, hints)
                if part_of:
                    ind.parameter = f"{ind.parameter}（{part_of}）" if lang == "zh" else f"{ind.parameter} ({part_of})"
            # a bare unitless number under a header without unit or known parameter is no limit, unless the header names a factor/symbol, or the cell counts ("2 000 intervals")
            counts, ranks = counted_values(text), ordinal_numbers(text)  # "2 000 intervals"; "in 3rd gear" is no value
            out.extend(cell_conditions([i for i in inds if not (getattr(i, "_bare", False) and i.value in ranks) and (
                i.unit or i.ordinal or not getattr(i, "_bare", False) or i.key or j in unitless or i.value in counts)]))
    return out


def _band_value(mx: _Matrix, row: list[str], i: int, j: int, lab: list[str], base: dict, clause, page, general) -> list[Indicator]:
    """The row label's value ("pLC × 0.5 v") for the band cell in column j, the band and column as conditions."""
    text = " ".join(x for x in lab if x)
    k = mx.lab_cols[0] if mx.lab_cols else 0
    param, unit = header_unit(mx.joined[k])
    unit = unit or band_unit([c for c in row[mx.nlab:] if c.strip()], text) or mx.tunit
    inds = extract_text(text, mx.lang, clause=clause, page=page, context=param, default_unit=unit,
                        origin={**base, "row": i, "col": j}, bare_is_value=True) if _NUMERIC.search(text) else []
    for ind in inds:
        _finish(ind, param, [fold(row[j]).strip(), *mx.cparts[j], *general], [mx.joined[k], mx.pparts[j], mx.table.caption])
    return inds


def _matrix_cell(mx: _Matrix, lab: list[str], j: int) -> tuple[str, str, list[str], list[str], str]:
    """(parameter, unit, conditions, hint texts, part) of the value cell in column j of a row labelled `lab`."""
    pparts, joined = mx.pparts, mx.joined
    col_label, col_unit = st.column_unit(*header_unit(pparts[j]))
    sub = [_sub_header(c) for c in mx.cparts[j]]
    col_unit = col_unit or next((u for _, u in sub if u), "")
    col_conds = [lb for lb, _ in sub if lb]
    if mx.rows_are_params:
        param, unit = header_unit(" ".join(x for x in lab if x))
        unit = unit or col_unit or (header_unit(joined[0])[1] if mx.nlab == 1 else "") or mx.tunit
        return param, unit, ([joined[j]] if joined[j] else []), [" ".join(lab), pparts[j], mx.table.caption], ""
    if _GRADE_COLUMN.match(fold(pparts[j])):
        # grade/class columns (特级/一级, Class A, L1…L4, M1/N1, Order 1a): the row names the parameter,
        # the column is the condition, the caption and row label imply the bound
        lab_units = [hu for (_hl, hu) in mx.lab_headers if hu]
        param, lunit = header_unit(" ".join(x for x in lab if x and not _CLAUSE_REF_LABEL.match(x)))
        sub_unit = next((u for _, u in sub if u), "")  # "Stufe 1" over "CO [g/m3]": the sub-header's unit
        unit = lunit or (lab_units[0] if lab_units else "") or sub_unit or mx.tunit  # "Class A" names no ampere
        hints = [" ".join(x for x in lab if not _BAND_CELL.match(fold(x))), " ".join(joined[k] for k in mx.lab_cols),
                 pparts[j], lt.label_hint(mx.cparts[j]), mx.table.caption]
        return param, unit, col_conds + [pparts[j]], hints, ""
    param, unit = col_label, col_unit or mx.tunit
    row_conds, parts = [], []
    for (hl, hu), x, k in zip(mx.lab_headers, lab, mx.lab_cols, strict=False):
        x = x.strip()
        if not x:
            continue
        if k in mx.key_cols:  # "G = 42 l/s": the row's value of the independent variable
            sep = "" if mx.lang == "zh" else " "
            row_conds.append(f"{hl}{sep}={sep}{fold(x)}{sep if hu and sep else ''}{hu}".strip())
        elif mx.roles[k] != "cond" and hl and _BAND_CELL.match(fold(x)) and not key_for(x):
            row_conds.append(_band(joined[k], fold(x), mx.lang, hl, hu))
        else:
            row_conds.append(x)
        if not _NUMERIC.search(x) and (_PART.match(hl) or not hl and key_for(param) in _PART_KEYS):
            parts.append(x)
    # "最高温度（手柄）": the part a row names qualifies the header's parameter (key unchanged)
    # a named sub-header ("Mindest- wirkungsgrad [%]" under a group "Stufe 1") may carry the bound too; a band does not
    named = " ".join(c for c in mx.cparts[j] if not re.search(r"[\d<>≤≥]", header_unit(c)[0]))
    return param, unit, col_conds + row_conds, [pparts[j], named, mx.table.caption], " ".join(parts)


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]")
_ONLY_UNIT = re.compile(r"^\s*[(（\[]?\s*(" + UNIT_PATTERN + r")\s*[)）\]]?\s*$")
_PART_KEYS = {"temperature_rise", "surface_temperature"}
_TRAIL_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_PLACEHOLDER = re.compile(r"^\s*(?:[—–\-−/×✕]+|N/?A|n\.\s?a\.|无|不适用|entfällt)?\s*$", re.I)


# "0.25<空机重量≤4", "50 000 v < m ≤ 200 000 v": a band the row belongs to, not a value
_BAND_BETWEEN = re.compile(r"^\s*-?\d[\d.,\s]*[A-Za-z]{0,3}\s*[<≤＜]\s*[^<>≤≥\d]{1,30}?\s*[<≤＜]\s*-?\d[\d.,\s]*[A-Za-z]{0,3}\s*$")
_GRADE_CELL = re.compile(r"(?i)^\s*(?:\d{1,2}\s*级|[ⅠⅡⅢⅣⅤⅥ]+\s*级|(?:class|grade|klasse|classe|category|order)\s+[A-Z0-9]{1,3}|[A-Z]\d?)\s*$")
# a column header that names a grade, class, band or vehicle category rather than a quantity
_GRADE_COLUMN = re.compile(r"(?i)^\s*(?:特级|优等品|一等品|合格品|[一二三四五]级|[ⅠⅡⅢⅣⅤ]+\s*级|\d\s*级|(?:class|grade|klasse|classe|category|catégorie|"
                           r"kategorie|order|stufe|level|niveau|type)\s+[A-Z0-9]{1,3}[a-z]?|special\s+order|exclusive\s+order|[LMN][1-4]|[A-D])\s*$")
_CLAUSE_REF_LABEL = re.compile(r"(?i)^\s*(?:(?:clause|section|paragraph|条款)\s*[\d.]+\s*)+$")
_GRADE_HEADER = re.compile(r"(?i)^(?:等级|级别|类别|分级|grades?|class(?:es)?|category|categories|klasse|classe|stufe)$")


def _is_value_column(body: list[list[str]], j: int) -> bool:
    """A column of values: digits in more than a third of its filled cells (dashes and blanks are empty values).
    Bands ("0.25<空机重量≤4") are labels, not values."""
    filled = [r[j] for r in body if j < len(r) and not _PLACEHOLDER.match(r[j])]
    return bool(filled) and sum(1 for c in filled if _value_like(c)) > len(filled) // 3


def _value_like(cell: str) -> bool:
    """A cell that states a value: digits, not a band ("0.25<空机重量≤4"), not a phrase ("最大设计车速小于70km/h的汽车")."""
    c = fold(cell)
    return bool(_NUMERIC.search(c)) and not _BAND_BETWEEN.match(c) and len(_CJK_RUN.findall(c)) <= 3


def _spanning_grade_cell(row: list[str], pparts: list[str], nlab: int, ncol: int) -> set[int]:
    """Columns to skip because one merged cell spans every grade column of the row (the parser repeats its
    text): the value applies to all grades and is read once, from the first column."""
    grade = [j for j in range(nlab, min(ncol, len(row))) if _GRADE_COLUMN.match(fold(pparts[j]))]
    texts = {row[j].strip() for j in grade}
    if len(grade) >= 3 and len(texts) == 1 and next(iter(texts)):
        return set(grade[1:])
    return set()


def _grade_columns(body: list[list[str]], joined: list[str], start: int) -> set[int]:
    """Columns after the row labels that only name the row's grade or class (a trailing 等级 column)."""
    out = set()
    for j in range(start, len(joined)):
        filled = [fold(r[j]) for r in body if j < len(r) and not _PLACEHOLDER.match(r[j])]
        if filled and _GRADE_HEADER.match(header_unit(joined[j])[0].strip()) and all(_GRADE_CELL.match(c) for c in filled):
            out.add(j)
    return out


def _label_columns(body: list[list[str]], ncol: int, pparts: list[str], cparts: list[list[str]]) -> int:
    """How many leading columns label the rows: the first, plus following columns that hold no values and do not
    sit under a spanning header shared with a value column (SELV | ≤150 V | >150 V under "Test voltage V")."""
    nlab = 1
    while nlab < ncol - 1 and not _is_value_column(body, nlab) and not band_column(body, nlab, pparts[nlab]):
        spanned = cparts[nlab] and pparts[nlab] and any(
            pparts[k] == pparts[nlab] and _is_value_column(body, k) for k in range(nlab + 1, ncol))
        if spanned:
            break
        nlab += 1
    return nlab


def _sub_header(text: str) -> tuple[str, str]:
    """A header cell under a spanning header: (condition, column unit). A unit right after a number belongs to
    the band the cell names ("Rated voltage ≤ 150 V"), not to the column's values."""
    if _ONLY_UNIT.match(fold(text)):  # a sub-header line holding just the column's unit ("m-1", "(g)")
        return "", unit_symbol(_ONLY_UNIT.match(fold(text)).group(1))
    label, unit = header_unit(text)
    if unit and st.ENDS_NUMBER.search(label):
        return re.sub(r"\s+", " ", fold(text)).strip(), ""
    return label, unit


_ENDS_UNIT = re.compile(r"(?:" + UNIT_PATTERN + r")\s*$")


def _band(header: str, cell: str, lang: str, label: str | None = None, unit: str | None = None) -> str:
    """A row's condition from a condition cell: a bare band takes its header's name (额定电压≤60V), else as written."""
    if label is None:
        label, unit = header_unit(header)
    cell = cell.strip()
    if not label or not _BAND_CELL.match(cell) or key_for(cell) or label in cell:
        return cell
    sep = "" if lang == "zh" else " "
    note = _TRAIL_NOTE.search(cell)  # "≤60（安全特低电压）": the unit goes after the number, before the note
    core, note = (cell[: note.start()].rstrip(), note.group(0).strip()) if note and note.start() else (cell, "")
    has_unit = bool(_ENDS_UNIT.search(core))
    band = f"{core}{'' if has_unit or not unit else sep + unit if sep else unit}"
    return f"{label}{sep}{band}{(sep if note else '') + note if sep else note}".strip()


def _condition_columns(table: Table, joined: list[str], roles: list[str], pcol: int) -> list[int]:
    """Columns of an item/requirement table that state the row's condition rather than a limit: an unlabelled
    column between the item and the requirement, or one whose header names a rating (额定功率, rated power input)."""
    req = [j for j, r in enumerate(roles) if r == "req"]
    first_req = req[0] if req else len(roles)
    out = []
    for j, r in enumerate(roles):
        if r or j == pcol:
            continue
        label = header_unit(joined[j])[0]
        if pcol < j < first_req or key_for(label) in _RATING_KEYS:
            out.append(j)
    return out


def _finish(ind: Indicator, param: str, conds: list[str], hints: list[str]) -> Indicator:
    """Table context wins over what the cell alone says: parameter, key, conditions, comparator."""
    param = re.sub(r"\s+", " ", param).strip()
    if param and (not ind.parameter or ind.parameter == param or not key_for(ind.parameter)):
        ind.parameter = param
    canon = (ind.normalized or {}).get("unit")
    cands = [key_for(ind.parameter), key_for(param), ind.key, key_for(hints[-1] if hints else "")]
    k = next((c for c in cands if c and (ind.ordinal or fits(c, canon))), "")
    if ind.ordinal and ind.ordinal.get("scale") == "ip":
        k = "ip_code"
    if k != ind.key:
        ind.key = k
        if key_kind(k) == "delta" and ind.normalized and ind.normalized.get("unit") == "°C":
            ind.normalized = {**ind.normalized, "unit": "K"}
    ind.conditions = list(dict.fromkeys([c for c in ind.conditions + conds if c]))
    _apply_hint(ind, ind.text, hints)
    ind.direction = direction(ind)
    return ind
