"""Counts per period written with the counted noun between: "no more than 50 names per year" -> <= 50 /a.

A bare count whose sentence goes on "<noun> per year" / "<noun> a year" / "<nom> par an" is a rate:
its unit is the period's ("/a", "/min"). Counts with a unit, or not followed by a period, are left alone.
"""

from __future__ import annotations

import re

from zmdocs.indicators import units
from zmdocs.model import Indicator

_PERIOD = {"year": "/a", "an": "/a", "année": "/a", "minute": "/min"}
_AFTER = re.compile(r"(?i)\s+(?:[^\W\d_][\w'’-]*\s+){1,2}(?:per|a|each|par|chaque)\s+(?P<p>year|an|année|minute)\b")


def _written(v: float | int) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def per_period(found: list[Indicator]) -> list[Indicator]:
    """Give a bare count followed by "<noun> per <period>" the period's rate unit (in place; returns `found`)."""
    for i in found:
        if i.unit or not isinstance(i.value, (int, float)) or not i.text:
            continue
        for m in re.finditer(rf"(?<![\d.,]){re.escape(_written(i.value))}(?![\d.,])", i.text):
            per = _AFTER.match(i.text, m.end())
            if per:
                i.unit = _PERIOD[per.group("p").lower()]
                i.normalized = (units.normalize(i.unit, i.value, i.min, i.max) if units.is_known(i.unit)
                                else {"value": i.value, "min": i.min, "max": i.max, "unit": None})
                break
    return found
