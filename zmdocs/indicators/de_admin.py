"""Administrative periods in German ordinances: deadlines, record retention and the age of an installation.

"spätestens zwei Jahre vor dem Zeitpunkt der Nachrüstung", "zehn Jahre lang verfügbar zu halten", "sechs
Monate nach der Bekanntgabe", "deren Inbetriebnahme mehr als zwölf Jahre zurückliegt": the period sets when an
authority or operator acts, how long a record is kept, or which installations a rule covers; no product or
test is bounded by it, so it gives no indicator. "alle zwei Jahre" intervals are not touched here. More generally a period in calendar units (Tage, Wochen, Monate,
Jahre) in an ordinance's prose ("innerhalb von 30 Tagen", "darf 3 Jahre nicht überschreiten", "Zeitabstände von
nicht mehr als 5 Jahren", "seit mindestens 3 Jahren") times a procedure, unless its sentence names a technical
duration (Lagerdauer, Bebrütung, Lebensdauer, Messprogramm, "umfasst 4 Messungen").
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
_CALENDAR = {"Tag", "Tage", "Tagen", "Kalendertage", "Kalendertagen", "Woche", "Wochen", "Monat", "Monate", "Monaten",
             "Jahr", "Jahre", "Jahren", "Kalenderjahr", "Kalenderjahre", "Kalenderjahren", "d", "a"}
# a duration the product, a sample or a test has: its value is a technical figure, not a deadline
_TECHNICAL = re.compile(r"(?i)[a-zäöüß]dauer\b|\b(?:Haltbarkeit|Standzeit|Lager(?:ung|zeit)|gelagert|Alterung|gealtert"
                        r"|Bebrütung|bebrütet|Inkubation|inkubiert|Messreihe|Messprogramm|Laufzeit|Betriebszeit)"
                        # a measurement programme: "umfasst 4 Untersuchungen … innerhalb von 12 Monaten"
                        r"|\bumfass\w*\s+(?:\d+|[a-zäöüß]+)\s+(?:[\wäöüß-]+\s+)?(?:Untersuchungen|Messungen|Prüfungen|Proben)\b")
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
        if (getattr(i, "origin", None) or {}).get("type") == "table" or (i.unit or "") not in _TIME_UNITS | _CALENDAR:
            out.append(i)
            continue
        if (i.unit or "") in _CALENDAR and not _TECHNICAL.search(i.text or ""):
            continue  # a procedural period
        periods = {_value(m.group("n")) for m in _PERIOD.finditer(i.text or "")}
        if i.value is not None and float(i.value) in {float(p) for p in periods if p is not None}:
            continue
        out.append(i)
    return out
