"""Chinese term definitions that delimit a class by a threshold (GB drafting), read as informative indicators.

A definition such as "最大设计车速小于70km/h的…载货汽车", "座位数超过9个", "接送3周岁以上…的7座以上的载客汽车",
"最多乘坐2人", "至少有两根轴的挂车" or "不超过…的10%或10000N的载荷" states the thresholds of the class it defines:
each bound is an indicator (the roles rule for definitions makes it informative), a count keeping its classifier
(个, 人, 座, 周岁, 根). Not read: bare numbers, a bound inside an if-span before the class's own bound
("如…超过2名乘员，其最大设计车速小于70km/h"), and numbers in notes of a clause that has none of these words.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.masks import mask
from zmdocs.indicators.quantities import prepare, scan
from zmdocs.model import Indicator
from zmdocs.text.numbers import cn_value

_BOUNDS = ("<=", ">=", "<", ">")
# a count word after the number of a class threshold ("7座以上", "3周岁以上", "两根轴")
_CLASS_UNIT = r"周岁|岁|座|根|轴|人|名|个|辆|层|级"
_ABOVE = re.compile(rf"\s*({_CLASS_UNIT})?\s*(以上|以下)")
# "最多乘坐2人", "至少有两根": a bound word with up to four characters before the count
_MOST = re.compile(r"(最多|至多|至少)[\u4e00-\u9fff]{0,4}?\s*$")
_CN_COUNT = re.compile(rf"(?P<lead>(?:最多|至多|至少)[\u4e00-\u9fff]{{0,4}}?)(?P<n>[一两二三四五六七八九十]{{1,3}})(?=\s*(?:{_CLASS_UNIT}))")
_UNIT_AFTER = re.compile(rf"\s*({_CLASS_UNIT})")
# a bound word right before a number, or 以上/以下 right after one: the entry delimits its class
_DEF_BOUND = re.compile(r"(?:超过|大于|小于|低于|高于|不大于|不小于|不超过|不低于|不高于|最多|至多|至少|小于或等于|大于或等于)"
                        rf"[\u4e00-\u9fff]{{0,4}}?\s*[\d一两二三四五六七八九十]|\d\s*(?:{_CLASS_UNIT})?\s*以[上下]")
_IF_SPAN = re.compile(r"(?:如|若|如果)[^，,；;。]{1,40}?[，,]")
_PIECE_START = re.compile(r"[，,、；;：:。\n（(]")


def delimits_class(text: str) -> bool:
    """A zh definition holding a class threshold (a bound word next to a number, read as one)."""
    return bool(text) and bool(_DEF_BOUND.search(text) or re.search(r"不超过|不大于|超过|大于|小于", text)) \
        and bool(definition_bounds(text))


def _digits(t: str) -> str:
    """Counts in words after 最多/至少 as digits ("至少有两根轴" -> "至少有2根轴"), same spans otherwise."""
    def repl(m: re.Match) -> str:
        v = cn_value(m.group("n"))
        return m.group("lead") + (str(int(v)) if v is not None and v == int(v) else m.group("n"))
    return _CN_COUNT.sub(repl, t)


def _bound_of(t: str, q, prev) -> tuple[str | None, str]:
    """(comparator, unit) of a class threshold, or (None, "") for a number that delimits nothing."""
    unit = q.unit
    above = _ABOVE.match(t, q.end)
    if q.comparator in _BOUNDS:
        return q.comparator, unit
    if q.comparator not in (None, "="):
        return None, ""
    if above:
        return (">=" if above.group(2) == "以上" else "<="), unit or (above.group(1) or "")
    most = _MOST.search(t, max(0, q.start - 8), q.start)
    if most:
        extra = _UNIT_AFTER.match(t, q.end) if not unit else None
        return ("<=" if most.group(1) in ("最多", "至多") else ">="), unit or (extra.group(1) if extra else "")
    if prev is not None and q.unit and re.fullmatch(r"\s*或\s*", t[prev.end:q.start]):
        return prev.comparator, unit  # "不超过…的10%或10000N": the alternative shares the bound
    return None, ""


def definition_bounds(text: str, clause: str | None = None, page: int | None = None) -> list[Indicator]:
    """The class thresholds of a zh definition (see the module doc), one indicator each."""
    t = _digits(prepare(text, "zh"))
    ifs = [(m.start(), m.end()) for m in _IF_SPAN.finditer(t)]
    out: list[Indicator] = []
    prev = None
    for q in scan(t, mask(t), "zh"):
        if q.kind != "one":
            continue
        comp, unit = _bound_of(t, q, prev)
        if comp is None or not unit and comp not in _BOUNDS:
            prev = None
            continue
        if any(a <= q.start < b for a, b in ifs):
            continue  # "如…超过2名乘员，其…小于70km/h": the if-span's bound is a condition of the next one
        q.comparator = comp
        prev = q
        start = max((m.end() for m in _PIECE_START.finditer(t, 0, q.cue_start)), default=0)
        s, e = t.rfind("。", 0, q.start) + 1, t.find("。", q.end)
        out.append(make(parameter=t[start:q.cue_start].strip(), comparator=comp, unit=unit, value=q.value,
                        clause=clause, page=page, text=t[s:e if e >= 0 else len(t)]))
    return out


def drop_if_bounds(found: list[Indicator], text: str) -> list[Indicator]:
    """`found` less the bounds written inside an if-span of the definition ("如…超过2名乘员，…"): conditions."""
    t = _digits(prepare(text, "zh"))
    spans = [t[m.start():m.end()] for m in _IF_SPAN.finditer(t)]
    if not spans:
        return found

    def inside(i: Indicator) -> bool:
        v = i.value if isinstance(i.value, (int, float)) else None
        num = f"{v:g}" if v is not None else None
        return bool(num) and any(re.search(rf"(?<![\d.]){re.escape(num)}\s*{re.escape(i.unit)}", s) for s in spans)
    return [i for i in found if not inside(i)]
