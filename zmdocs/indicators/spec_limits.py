"""Specification tables: a parameter column, a unit column, limit columns and often a test-method column.

Two layouts (reference fuels, materials, media):
- limit columns: "minimum" / "maximum" (also "min." / "max." under a spanning "Limits") give one bound per
  cell (`>=` / `<=`, never one range), a "Basis" / "Typical" column the nominal value (`=`, informative);
- product columns ("Grade A" | "Grade B"): each cell carries its own bound ("max. 7", "min. 40", "20 ± 3").
The unit comes from the row's unit cell (never from a column head such as "Grade A"); placeholders ("-",
"report", "balance", "free", "none") are no values; a rating "class 1" is the number 1; footnote markers
("Limits 1/", "Water content 3/", "mg/m3 2/") are dropped; the test-method column is never read; a row that
stacks several parameters is read line by line (`stacked_rows`); a row repeated across the table ("Test
medium B") is the condition of the rows under it. A row label naming a setting ("Density at 15 °C") gives
its setting once per table and label.
"""

from __future__ import annotations

import re

from zmdocs.indicators import stacked_rows as sr
from zmdocs.indicators.common import direction, make
from zmdocs.indicators.keys import fits, key_for
from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.table_cells import is_footnote_row, is_note_row, table_prose
from zmdocs.model import Indicator, Table
from zmdocs.text.numbers import parse_number
from zmdocs.text.width import fold_chars as fold

_MARK = re.compile(r"\s*(?:(?<![\w/])\d{1,2}/|\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*$")  # "Limits 1/", "Wobbe Index (net) (2)"
_KIND = {
    "min": re.compile(r"(?i)^(?:min(?:imum|\.)?|minimal|mindestens|mini(?:mum|mal)?|lower\s+limit|下限|最小值?|最低值?)$"),
    "max": re.compile(r"(?i)^(?:max(?:imum|\.)?|maximal|höchstens|maxi(?:mum|mal)?|upper\s+limit|上限|最大值?|最高值?)$"),
    "basis": re.compile(r"(?i)^(?:basis|typical(?:\s+value)?|typ\.?)$"),
}
_BOUNDED = re.compile(r"(?i)^(min|max)(?:imum|\.)?\s*([-−]?\s?\d[\d\s.,]*)$")  # "max. 12", "min 89"
_TOLERANCE = re.compile(r"^([-−]?\d[\d\s.,]*?)\s*±\s*(\d[\d\s.,]*)$")  # "30 ± 2"
_RATING = re.compile(r"(?i)^(?:class|rating|grade|klasse|classe)\s*(\d{1,2})$")  # "class 1"
_PLAIN = re.compile(r"^[-−+]?\d[\d\s.,]*$")
_STANDARD = re.compile(r"^(?:pr\.?\s?)?(?:EN|ISO|IEC|ASTM|IP|DIN|CEC|BS|NF|JIS|GB(?:/T)?|SH/T|prEN)\b", re.I)
# "Water at 0C", "at 0 C": a row label's test temperature whose degree sign the text layer lost (no test runs "at 0 C"
# of electric charge)
_LOST_DEGREE = re.compile(r"(?i)\b(at\s+[-−]?\d+(?:[.,]\d+)?)\s?C\b")
_SIGNED = re.compile(r"[<>≤≥]\s*[-−]?\d|\d\s*(?:to|~|～|…)\s*[-−]?\d")  # "≤ 0.5", "10 to 20"
_NO_UNIT = re.compile(r"(?i)^(?:rating|class|grade|index|number|value|-|–|—|/)?$")


def _clean(cell: str) -> str:
    return _MARK.sub("", re.sub(r"\s+", " ", fold(cell or "")).strip()).strip()


def column_kinds(table: Table, roles: list[str]) -> list[str]:
    """Per column: param, unit, method, min, max, basis, value (a product column) or "" (not read)."""
    ncol = max((len(r) for r in table.rows), default=0)
    out = []
    for j in range(ncol):
        role = roles[j] if j < len(roles) else ""
        parts = {_clean(r[j]) for r in table.header if j < len(r)} - {""}
        kind = next((k for k, rx in _KIND.items() if any(rx.match(p) for p in parts)), "")
        if role in ("param", "unit", "method", "seq", "cond"):
            kind = role
        elif not kind:
            filled = [_clean(r[j]) for r in table.body if j < len(r) and _clean(r[j])]
            kind = "method" if filled and sum(1 for c in filled if _STANDARD.match(c)) * 2 >= len(filled) else "value"
        out.append(kind)
    if "param" not in out and out and out[0] == "value":
        out[0] = "param"
    return out


def is_spec_table(table: Table, kinds: list[str]) -> bool:
    """A unit column and a parameter column, and either minimum and maximum columns or product columns whose
    cells mostly carry their own bound (three or more)."""
    if "unit" not in kinds or "param" not in kinds:
        return False
    if "min" in kinds and "max" in kinds:
        return True
    cells = [_clean(r[j]) for r in table.body for j, k in enumerate(kinds) if k == "value" and j < len(r)]
    cells = [c for c in cells if re.search(r"\d", c)]
    bounded = sum(1 for c in cells if _BOUNDED.match(c) or _TOLERANCE.match(c))
    return bounded >= 3 and bounded * 5 >= len(cells) * 3


def _unit(cell: str) -> str:
    """The unit a unit cell states: footnote marker and a closing stop dropped ("min." is minutes)."""
    u = _clean(cell).rstrip(".").strip()
    return "" if _NO_UNIT.match(u) else u


def _number(text: str) -> float | None:
    t = text.replace("−", "-").strip()
    return parse_number(t) if _PLAIN.match(t) else None


def _values(text: str, kind: str) -> list[tuple[str, float, float | None, float | None]]:
    """(comparator, value, min, max) of one value cell of a column of `kind`; [] for a placeholder or text."""
    t = _clean(text)
    r = _RATING.match(t)
    t = r.group(1) if r else t
    comp = {"min": ">=", "max": "<="}.get(kind, "=")
    if kind == "value" and (b := _BOUNDED.match(t)):
        comp, t = (">=" if b.group(1).lower() == "min" else "<="), b.group(2)
    elif kind == "value" and (tol := _TOLERANCE.match(t)):
        v, d = _number(tol.group(1)), _number(tol.group(2))
        return [("tolerance", v, v - d, v + d)] if v is not None and d is not None else []
    v = _number(t)
    return [] if v is None else [(comp, v, None, None)]


def _indicator(param: str, found: tuple, unit: str, conds: list[str], cell: str, where: dict) -> Indicator:
    comp, v, lo, hi = found
    ind = make(parameter=param, comparator=comp, unit=unit, value=v, vmin=lo, vmax=hi, conditions=conds,
               clause=where["clause"], page=where["page"], text=_clean(cell), origin=where["origin"])
    k = key_for(param)
    if k and fits(k, (ind.normalized or {}).get("unit")):
        ind.key = k
        ind.direction = direction(ind)
    ind._bare = False
    return ind


def _written(cell: str, kind: str, param: str, unit: str, conds: list[str], lang: str | None, where: dict) -> list[Indicator]:
    """A cell that writes its own bound or range ("≤ 0.5", "10 to 20"): read as text; a bare value takes the
    column's bound."""
    t = _clean(cell)
    if not _SIGNED.search(t):
        return []
    out = extract_text(t, lang, clause=where["clause"], page=where["page"], context=param, default_unit=unit,
                       origin=where["origin"], bare_is_value=True)
    for ind in out:
        ind.parameter, ind.conditions = param, list(dict.fromkeys([*ind.conditions, *conds]))
        if ind.comparator == "=" and kind in ("min", "max") and len(out) == 1:
            ind.comparator = ">=" if kind == "min" else "<="
            ind.direction = direction(ind)
        ind._bare = False
    return out


def _settings(label: str, lang: str | None, where: dict, seen: set[str]) -> list[Indicator]:
    """The settings a row label names ("Density at 15 °C" -> = 15 °C), once per table and label."""
    if label in seen or not re.search(r"\d", label):
        return []
    seen.add(label)
    label = _LOST_DEGREE.sub(r"\1 °C", label)
    return [s for s in extract_text(label, lang, clause=where["clause"], page=where["page"], origin=where["origin"])
            if getattr(s, "_setting", False)]


def _row(table: Table, i: int, kinds: list[str], group: list[str], lang: str | None, clause, page,
         seen: set[str]) -> list[Indicator]:
    """The indicators of body row i (index into table.rows)."""
    row = list(table.rows[i]) + [""] * (len(kinds) - len(table.rows[i]))
    label = _clean(row[kinds.index("param")])
    ucell = row[kinds.index("unit")]
    vcols = [j for j, k in enumerate(kinds) if k in ("min", "max", "basis", "value")]
    n = sr.stack_depth(_clean(ucell), [_clean(row[j]) for j in vcols])
    units = sr.unit_list(_clean(ucell)) if n > 1 else [_unit(ucell)]
    labels = sr.split_label(label, n) if n > 1 else [label]
    cells = {j: (sr.split_cell(_clean(row[j]), n) if n > 1 else [row[j]]) for j in vcols}
    heads = {j: " ".join(dict.fromkeys(_clean(r[j]) for r in table.header if j < len(r) and _clean(r[j]))) for j in vcols}
    out: list[Indicator] = []
    for k in range(n):
        found: list[Indicator] = []
        for j in vcols:
            where = {"clause": clause, "page": page, "origin": {"type": "table", "table": table.number or table.id,
                                                                 "row": i, "col": j}}
            conds = [*group, heads[j]] if kinds[j] == "value" else list(group)
            unit = units[k] if k < len(units) else ""
            for ind in [_indicator(labels[k], v, unit, conds, cells[j][k], where) for v in _values(cells[j][k], kinds[j])] \
                    or _written(cells[j][k], kinds[j], labels[k], unit, conds, lang, where):
                ind._stated = kinds[j] == "basis"  # a nominal composition: informative (roles)
                found.append(ind)
        if found or any(_clean(cells[j][k]) for j in vcols):  # "Water at 0 °C" | "free": the setting still holds
            where = {"clause": clause, "page": page, "origin": {"type": "table", "table": table.number or table.id,
                                                                 "row": i, "col": kinds.index("param")}}
            found += _settings(labels[k], lang, where, seen)
        out += found
    return out


def spec_table(table: Table, roles: list[str], lang: str | None, clause: str | None, page: int | None) -> list[Indicator] | None:
    """The indicators of a specification table (see the module docstring), or None for another layout."""
    kinds = column_kinds(table, roles)
    if not is_spec_table(table, kinds):
        return None
    out: list[Indicator] = []
    group: list[str] = []
    seen: set[str] = set()
    for i in range(table.header_rows, len(table.rows)):
        row = table.rows[i]
        filled = {_clean(c) for c in row if _clean(c)}
        if is_note_row(row) or is_footnote_row(row):
            continue
        if len(filled) == 1 and sum(1 for c in row if c.strip()) >= 3:  # "Reference fuel G20" across the table
            group = list(filled)
            continue
        out += _row(table, i, kinds, group, lang, clause, page, seen)
    for text, kind in table_prose(table):
        out += extract_text(text, lang, clause=clause, page=page, origin={"type": "table", "table": table.number or table.id,
                                                                           kind: True})
    return out
