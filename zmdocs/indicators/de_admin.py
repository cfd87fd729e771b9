"""Administrative periods in German ordinances: deadlines, record retention and the age of an installation.

"spätestens zwei Jahre vor dem Zeitpunkt der Nachrüstung", "zehn Jahre lang verfügbar zu halten", "sechs
Monate nach der Bekanntgabe", "deren Inbetriebnahme mehr als zwölf Jahre zurückliegt": the period sets when an
authority or operator acts, how long a record is kept, or which installations a rule covers; no product or
test is bounded by it, so it gives no indicator. "alle zwei Jahre" intervals are not touched here.
"""

from __future__ import annotations

import functools
import re

from zmdocs.text.numbers import number_words, parse_number

_UNIT = r"(?:Jahre|Jahren|Kalenderjahre|Monate|Monaten|Wochen)"
_PERIOD = re.compile(
    r"(?i)(?<![\w-])(?P<n>\d+(?:,\d+)?|[a-zäöüß]+)\s+" + _UNIT + r"\b\s*"
    r"(?:(?:vor|nach)\s+(?:dem|der|den|Ablauf|Inkrafttreten|Bekanntgabe|Zugang)\b"
    r"|(?:lang\s+)?(?:verfügbar\s+zu\s+halten|aufzubewahren|aufbewahrt)\b"
    r"|(?:und\s+weniger\s+|oder\s+weniger\s+)?zurückliegt\b)")
_TIME_UNITS = {"a", "Jahre", "Jahren", "Jahr", "Monate", "Monaten", "Monat", "Wochen", "Woche", "mo", "month", "week"}


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, int]:
    return number_words("de", 1, 60)


def _value(n: str) -> float | None:
    return _words().get(n.lower()) if n[0].isalpha() else parse_number(n, "de")


def drop_admin_periods(inds: list) -> list:
    """German prose indicators without the periods that time an administrative act or scope a rule by age."""
    out = []
    for i in inds:
        if (getattr(i, "origin", None) or {}).get("type") == "table" or (i.unit or "") not in _TIME_UNITS:
            out.append(i)
            continue
        periods = {_value(m.group("n")) for m in _PERIOD.finditer(i.text or "")}
        if i.value is not None and float(i.value) in {float(p) for p in periods if p is not None}:
            continue
        out.append(i)
    return out
