"""Two wordings of zh parameter descriptions (protocol and configuration tables, prose alike).

- A unit declared before the value ("…汇报间隔，单位为秒(s)，值大于0", "单位为米(m)，默认为30"): a value
  written without a unit after the declaration takes it ("> 0 s", "= 30 m", a range too). A field's resolution
  ("单位为1/10km/h") declares no unit (it is masked as a data format).
- A clamp ("当数值小于100m时，终端按100m处理"): the value the device falls back to when a setting is below
  (above) it is the least (greatest) value that takes effect, `>=` (`<=`) that value, not a stated `=`.
"""

from __future__ import annotations

import re

from zmdocs.indicators import units
from zmdocs.indicators.common import direction
from zmdocs.indicators.units import UNIT_PATTERN
from zmdocs.model import Indicator
from zmdocs.text.numbers import parse_number

_DECLARED = re.compile(r"单位\s*(?:为|是|[:：])\s*(?P<word>[\u4e00-\u9fff]{0,4})\s*(?:[(（]\s*(?P<sym>" + UNIT_PATTERN
                       + r")\s*[)）])?")
_NUM = r"(\d+(?:\.\d+)?)\s*(" + UNIT_PATTERN + r")?"
_CLAMP = re.compile(r"(小于|低于|不足|大于|高于|超过)\s*" + _NUM + r"\s*时[^。；;]{0,16}?按\s*" + _NUM + r"\s*(?:处理|计算|执行|设置)")


def declared_unit(text: str, value: float) -> str:
    """The unit declared in `text` before a unitless occurrence of `value`, else ""."""
    decls = list(_DECLARED.finditer(text))
    for n in re.finditer(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", text):
        if parse_number(n.group(), "zh") != value or re.match(r"\s*(?:" + UNIT_PATTERN + r")", text[n.end():]):
            continue
        before = [m for m in decls if m.end() <= n.start()]
        if not before:
            continue
        m = before[-1]  # the nearest declaration; a resolution ("单位为0.1g") declares none
        sym = m.group("sym") or ""
        if not sym:
            w = units.unit_symbol(m.group("word") or "")
            sym = w if w and units.is_known(w) else ""
        return units.unit_symbol(sym) if sym else ""
    return ""


def clamped_values(text: str) -> set[float]:
    """The values a clamp in `text` falls back to ("当数值小于5s时，终端按5s处理" -> {5.0})."""
    out = set()
    for m in _CLAMP.finditer(text):
        a, b = parse_number(m.group(2), "zh"), parse_number(m.group(4), "zh")
        if a == b and (m.group(3) or "") == (m.group(5) or ""):
            out.add(float(a))
    return out


def apply_field_rules(inds: list[Indicator], lang: str | None) -> None:
    """Declared units and clamps (see the module doc), in place, for zh indicators."""
    if lang != "zh":
        return
    for i in inds:
        text = i.text or ""
        v = i.max if i.comparator == "range" else i.value  # a range is found by its upper end
        if "单位" in text and not i.unit and i.ordinal is None and isinstance(v, (int, float)):
            sym = declared_unit(text, float(v))
            if sym:
                i.unit = sym
                i.normalized = units.normalize(sym, i.value, i.min, i.max)
                i.direction = direction(i)
        if i.comparator == "=" and "按" in text and isinstance(i.value, (int, float)):
            for m in _CLAMP.finditer(text):
                a, b = parse_number(m.group(2), "zh"), parse_number(m.group(4), "zh")
                if a == b == float(i.value) and (m.group(3) or "") == (m.group(5) or ""):
                    i.comparator = ">=" if m.group(1) in ("小于", "低于", "不足") else "<="
                    i.direction = direction(i)
