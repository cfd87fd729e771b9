"""Lower and upper bounds on labelled lines ("minimum: not less than 250 mm …; maximum: not more than 900 mm …").

A regulation often sets a position's band on two lines of their own, each opened by its label ("Minimum:",
"Maximum:"); the two bounds are one range, as "not less than 250 mm nor more than 900 mm" is (`pairs.merge_bounds`,
which reads only bounds written next to each other in one segment). Likewise a prohibition over two labelled lines,
"… shall not be: Less than: 350 mm for A, and 500 mm for B; and More than: 1,500 mm", is one range per lower bound.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.units import UNIT_PATTERN, unit_symbol
from zmdocs.model import Indicator

_LOW = re.compile(r"(?i)^\s*(?:minimum|min\.?)\s*$")
_HIGH = re.compile(r"(?i)^\s*(?:maximum|max\.?)\s*$")
_VALUE = r"\d[\d,.]*\s*(?:" + UNIT_PATTERN + r")"
_NOT_BE_LINES = re.compile(r"(?i)\b(?:shall|must)\s+not\s+be\s*:\s*(?:less|lower)\s+than\s*:?\s*(?P<lo>[^;]{1,200}?)\s*;\s*(?:and\s+)?"
                           r"(?:more|higher|greater)\s+than\s*:?\s*(?P<hi>" + _VALUE + r")")


def _labelled(i: Indicator) -> str:
    """"low" or "high" when `i` is a bound named only by its line's label, else ""."""
    if not isinstance(i.value, (int, float)) or not (i.text or "") or i.parameter is None:
        return ""
    if i.comparator in (">=", ">") and _LOW.match(i.parameter):
        return "low"
    if i.comparator in ("<=", "<") and _HIGH.match(i.parameter):
        return "high"
    return ""


def join_labelled_bounds(found: list[Indicator]) -> list[Indicator]:
    """`found` (one clause's prose indicators, in text order) with a labelled minimum and maximum next to each
    other, in one unit, read as one range."""
    out: list[Indicator] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        kinds = {_labelled(a), _labelled(b)} if b is not None else set()
        if b is not None and kinds == {"low", "high"} and unit_symbol(a.unit or "") == unit_symbol(b.unit or ""):
            lo, hi = (a, b) if _labelled(a) == "low" else (b, a)
            if lo.value < hi.value:
                merged = make(parameter=lo.parameter, comparator="range", unit=lo.unit or hi.unit, vmin=lo.value,
                              vmax=hi.value, key=lo.key or hi.key, conditions=list(dict.fromkeys(lo.conditions + hi.conditions)),
                              method=lo.method or hi.method, clause=lo.clause, page=lo.page, text=f"{a.text} {b.text}",
                              origin=lo.origin)
                merged._bare = False
                out.append(merged)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def prohibited_lines(text: str, found: list[Indicator], extract, clause: str | None = None, page: int | None = None) -> list[Indicator]:
    """`found` with each "shall not be: Less than: a …, and b …; More than: c" read as the ranges a..c and b..c."""
    for m in _NOT_BE_LINES.finditer(text or ""):
        lows = [v.group() for v in re.finditer(_VALUE, m.group("lo"))]
        ranges = [r for lo in lows for r in extract(f"The value shall be between {lo} and {m.group('hi')}.", "en", clause=clause, page=page)]
        if not ranges or any(r.comparator != "range" for r in ranges):
            continue
        said = {(r.min, unit_symbol(r.unit or "")) for r in ranges} | {(r.max, unit_symbol(r.unit or "")) for r in ranges}
        found = [i for i in found if not (i.comparator in ("<", ">") and (i.value, unit_symbol(i.unit or "")) in said)]
        for r in ranges:
            r.text = m.group()
        found += ranges
    return found
