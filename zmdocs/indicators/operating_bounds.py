"""Bounds English regulations state through what a device does, or where a test places the observer.

- "shall not be activated at vehicle speeds above 40 km/h": the speed up to which it may work (<= 40 km/h);
  "… below 10 km/h" the least speed (>=).
- "shall be activated only when the vehicle speed is above 50 km/h": the threshold it works above (> 50 km/h).
- "shall be switched off automatically when the illuminance … exceeds 7000 lx": the switch-off threshold (> 7000 lx).
- "a transverse plane 10 m from the front of the vehicle", "situated 25 m from the extreme end": a position the
  text sets (= 10 m).
- "these upper limits … may be increased to 2,300 mm for …, and to 2,100 mm for …": the raised limits keep the
  kind of the limit the sentence names (<=; a lower limit >=), each value after "and to" as well.
- "is within ± 40 % of the type approved engine": the difference from the reference (<= 40 %); a sentence-opening
  "If the figure … exceeds by more than 0,5 m-1 the figure …, the engine shall …" names a case (a condition).
- "a maximum mounting height of 2,500 mm may be accepted", "the maximum value of A is 2,400 mm": a named extreme (<=).
Each value is read again through the value reader as a restated sentence, so units and numbers have one home.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.units import UNIT_PATTERN
from zmdocs.text.numbers import parse_number

_V = rf"(\d+(?:[.,]\d+)*\s*(?:{UNIT_PATTERN}))"
_ACT = r"(?:activated|switched\s+on|turned\s+on|operated|lit|illuminated)"
_ABOVE = r"above|over|exceeding|exceeds|higher\s+than|greater\s+than|more\s+than"
_BELOW = r"below|under|less\s+than|lower\s+than|falls\s+below"
_PARAM = r"(?:the\s+)?([a-z][a-z\s-]{2,60}?)\s+(?:is\s+|are\s+)?"
_NOT_WHEN = re.compile(rf"(?i)\b(?:shall|must|may)\s+not\s+be\s+{_ACT}\s+(?:at|when|if)\s+{_PARAM}({_ABOVE}|{_BELOW})\s+{_V}")
_ONLY_WHEN = re.compile(rf"(?i)\b(?:shall|must|may)\s+(?:only\s+be\s+{_ACT}|be\s+{_ACT}\s+only)\s+(?:when|if|while|at)\s+{_PARAM}"
                        rf"({_ABOVE}|{_BELOW})\s+{_V}")
_OFF_WHEN = re.compile(rf"(?i)\b(?:shall|must)\s+be\s+(?:switched\s+off|turned\s+off|deactivated)\s+(?:automatically\s+)?(?:when|if)\s+"
                       rf"{_PARAM}({_ABOVE}|{_BELOW})\s+{_V}")
_PLACED = re.compile(r"(?i)\b(?:planes?|situated|located|placed|positioned)\s+(\d+(?:[.,]\d+)?\s*(?:m|mm|cm))\s+from\s+(?:the|each|a|an)\b")
_IS_ABOVE = re.compile(rf"(?i)^(?:{_ABOVE})$")
# the value a limit is raised or lowered to, and the next one of the same list ("…, and to 2,100 mm for …")
_CHANGED_TO = re.compile(r"(?i)\b(?:reduced|increased|extended|decreased|raised|lowered)\s+to\s*$|(?:减|降|减小|减少|增|增加|放宽)至\s*$")  # zh: 可减至
_AND_TO = re.compile(r"(?i)[,;]?\s*\band\s+to\s*$")
_CHANGED_BEFORE = re.compile(r"(?i)\b(?:reduced|increased|extended|decreased|raised|lowered)\s+to\s+\d")
_UPPER = re.compile(r"(?i)\bupper\s+limits?\b|\bmaximum\s+(?:height|value|distance|limit)s?\b")
_LOWER = re.compile(r"(?i)\blower\s+limits?\b|\bminimum\s+(?:height|value|distance|limit)s?\b")


def operating_bounds(text: str, extract, clause: str | None = None, page: int | None = None) -> list:
    """Indicators of activation windows, switch-off thresholds and placed test positions in an English passage;
    `extract` is the value reader (prose.extract_text), given each one restated."""
    out: list = []
    t = text or ""
    for rx, above, below in ((_NOT_WHEN, "shall not exceed", "shall be at least"), (_ONLY_WHEN, "shall be more than", "shall be less than"),
                             (_OFF_WHEN, "shall be more than", "shall be less than")):
        for m in rx.finditer(t):
            words = above if _IS_ABOVE.match(re.sub(r"\s+", " ", m.group(2).strip())) else below
            out += _restated(extract, f"The {m.group(1).strip()} {words} {m.group(3)}.", m.group(), clause, page)
    for m in _PLACED.finditer(t):
        out += _restated(extract, f"The distance shall be {m.group(1)}.", m.group(), clause, page)
    return out


# "is within ± 40 % of the type approved engine": a share by which a value may differ from a reference
_WITHIN_SHARE_OF = re.compile(r"(?i)\b(?:is|are|be)\s+within\s+±\s*(\d+(?:[.,]\d+)?)\s*(?:%|per\s*cent)\s+of\s+(?:the|that|those)\b")
# "If the figure … exceeds by more than 0,5 m-1 the figure …, the engine shall be …": a case the main clause handles
_LEADING_IF = re.compile(r"(?i)^\s*(?:\(?[a-z0-9]\)\s*)?if\b(?:(?!\b(?:shall|must|then)\b)[^,;:])*$")
_MAIN_AFTER = re.compile(r"(?i)[^.;:]*?\b(?:shall|must)\b(?![^.;:]*\b(?:deemed|considered|regarded|permitted|allowed|accepted)\b)")


def relative_differences(found: list) -> list:
    """`found` with each "within ± x % of the <reference>" band read as the difference it bounds ("<= x %")."""
    out = []
    for i in found:
        shares = {parse_number(g, "fr") for g in _WITHIN_SHARE_OF.findall(i.text or "")}
        if i.comparator == "range" and i.unit in ("%", "per cent") and i.max is not None and i.min == -i.max and i.max in shares:
            diff = make(parameter=i.parameter, comparator="<=", unit=i.unit, value=i.max, key=i.key, conditions=i.conditions,
                        method=i.method, clause=i.clause, page=i.page, text=i.text, origin=i.origin)
            diff._bare = False
            i = diff
        out.append(i)
    return out


def leading_if(t: str, a: int, start: int, end: int) -> bool:
    """Whether the value t[start:end] lies in a sentence-opening if-span that a main clause with "shall" follows."""
    return bool(_LEADING_IF.match(t[a:start])) and bool(_MAIN_AFTER.match(t, end))


def changed_limit(t: str, a: int, start: int, last: str | None) -> str | None:
    """The comparator of a value a limit is changed to (t[a:start] is its segment up to it), or None when it is not one."""
    before = t[max(a, start - 30):start]
    if not (_CHANGED_TO.search(before) or _AND_TO.search(before) and _CHANGED_BEFORE.search(t, a, start)):
        return None
    if last:
        return last
    seg = t[a:start]
    return "<=" if _UPPER.search(seg) else ">=" if _LOWER.search(seg) else "="


# "The maximum value of A is 2,400 mm": the extreme of a symbol's values is a bound on it; "a maximum mounting height of
# 2,500 mm may be accepted": an extreme a permission grants (a stated "maximum speed is 30 km/h" is a property, "=")
_EXTREME_OF_SYMBOL = re.compile(r"(?i)(?:^|[\s(])(?:the|a)\s+(maximum|minimum)\s+value\s+of\s+[A-Za-z][\w]{0,3}\s+(?:is|shall\s+be)\s*$")
_EXTREME_OF = re.compile(r"(?i)(?:^|[\s(])(?:the|a|an)\s+(maximum|minimum)\s+(?:[\w-]+\s+){0,3}?of\s*$")
_GRANTED = re.compile(r"(?i)\s*(?:may|can)\s+be\s+(?:accepted|permitted|allowed|authorized|authorised)\b")


def named_extreme(t: str, a: int, start: int, end: int) -> str | None:
    """"<=" or ">=" when the value t[start:end] is a symbol's maximum or minimum, or one a permission grants; else None."""
    piece = re.split(r"[,;:]", t[a:start])[-1]
    m = _EXTREME_OF_SYMBOL.search(piece) or (_EXTREME_OF.search(piece) if _GRANTED.match(t, end) else None)
    return None if not m else "<=" if m.group(1).lower() == "maximum" else ">="


def _restated(extract, sentence: str, original: str, clause, page) -> list:
    """The indicators the value reader finds in a restated sentence, with the text as the document wrote it."""
    found = extract(sentence, "en", clause=clause, page=page)
    for i in found:
        i.text = original
    return found
