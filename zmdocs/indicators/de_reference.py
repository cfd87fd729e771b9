"""The reference state German ordinances state concentrations at ("im Normzustand (273 Kelvin, 1 013 Hektopascal)"),
and the length of a measuring programme written as an adjective ("ein mindestens einjähriges Messprogramm").

A standard or reference state written as a parenthesis of values after its name (Normzustand, Normbedingungen,
Bezugszustand, Bezugsbedingungen) gives one `=` test-condition indicator per value: the conditions every
concentration of the text is converted to, comparable between two texts as test settings are.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.units import is_known, unit_symbol
from zmdocs.text.numbers import number_words, parse_number

_STATE = re.compile(r"(?i)\b(Normzustand|Normbedingungen|Bezugszustand|Bezugsbedingungen)\s*\(([^()]{3,100})\)")
_PART = re.compile(r"^\s*(?P<n>\d[\d\s]*(?:[.,]\d+)?)\s*(?P<u>[^\d\s,;][^\s,;]{0,14})\s*$")


def reference_states(text: str, clause: str | None, page: int | None) -> list:
    """One `=` test-condition indicator per value of each reference state written in `text`."""
    out = []
    for m in _STATE.finditer(text or ""):
        for part in re.split(r"\s*(?:[,;]|\bund\b)\s*", m.group(2)):
            p = _PART.match(part)
            sym = unit_symbol(p.group("u")) if p else ""
            v = parse_number(re.sub(r"\s+", "", p.group("n")), "de") if p else None
            if v is None or not sym or not is_known(sym):
                continue
            ind = make(parameter=m.group(1), comparator="=", unit=p.group("u"), value=v, clause=clause, page=page,
                       text=m.group(0), origin={"type": "prose"})
            ind._setting = True  # read by roles.assign_roles: a test-condition; not serialised
            ind._bare = False
            out.append(ind)
    return out


# "ein mindestens einjährliches Messprogramm", "eine zweijährige Messreihe": the duration a programme of
# measurements runs, as an adjective (a number word glued to -jährig/-monatig/-wöchig)
_RUN = re.compile(r"(?i)\b(?:(mindestens|höchstens)\s+)?([a-zäöüß]{2,6}?)(jährig|jährlich|monatig|wöchig)e[nsrm]?\s+"
                  r"(?:Messprogramm|Messreihe|Messkampagne|Dauerversuch|Probebetrieb|Versuchsbetrieb)\w*")
_RUN_UNIT = {"jährig": "Jahre", "jährlich": "Jahre", "monatig": "Monate", "wöchig": "Wochen"}


def programme_durations(text: str, clause: str | None, page: int | None) -> list:
    """One test-condition indicator per measuring programme whose length `text` writes as an adjective."""
    words = number_words("de", 1, 12) | {"ein": 1, "zwei": 2, "drei": 3}
    out = []
    for m in _RUN.finditer(text or ""):
        v = words.get(m.group(2).lower())
        if v is None:
            continue
        cmp_ = {"mindestens": ">=", "höchstens": "<="}.get((m.group(1) or "").lower(), "=")
        ind = make(parameter="Dauer des " + m.group(0).split()[-1], comparator=cmp_, unit=_RUN_UNIT[m.group(3).lower()],
                   value=v, clause=clause, page=page, text=m.group(0), origin={"type": "prose"})
        ind._setting = True  # read by roles.assign_roles: a test-condition; not serialised
        ind._bare = False
        out.append(ind)
    return out


# "mit 6- bis 8-facher Lupenvergrößerung": a magnification range; "in 1 Milliliter des zu untersuchenden Wassers",
# "100 ml der zu untersuchenden Probe": the sample volume a method examines
_MAGNIFICATION = re.compile(r"(?i)\b(\d+)-?\s*bis\s*(\d+)-fache[nrms]?\s+([\wäöüß-]*vergrößerung)\b")
_SAMPLE = re.compile(r"(?i)\b(?:in\s+)?(\d+(?:,\d+)?)\s*(Milliliter|Millilitern|ml|Liter|Litern|l)\s+(?:des|der)\s+zu\s+untersuchenden\s+(\w+)")

# "der Verfahrenskennwert der Messunsicherheit (k = 2)": the coverage factor an expanded uncertainty is stated with
_COVERAGE = re.compile(r"(?i)unsicherheit\w*\s*(?:[a-zäöüß]+\s+){0,3}?\(\s*k\s*=\s*(\d+(?:,\d+)?)\s*\)")


# "Nährböden (1 Prozent Fleischextrakt, 1 Prozent Pepton)": the composition of a medium or reagent a method uses
_SHARE = r"\d+(?:,\d+)?\s*(?:Prozent|%)\s+[A-ZÄÖÜ][\wäöüß-]+"
_COMPOSITION = re.compile(r"\(\s*(" + _SHARE + r"(?:\s*(?:,|und)\s*" + _SHARE + r")*)\s*\)")
_PART_SHARE = re.compile(r"(\d+(?:,\d+)?)\s*(Prozent|%)\s+([A-ZÄÖÜ][\wäöüß-]+)")
# "ist das Wasser alle 48 Stunden zu untersuchen": a test interval in hours or minutes (calendar intervals, "alle zwei
# Jahre", are administrative: de_admin)
_INTERVAL = re.compile(r"(?i)\balle\s+(\d+(?:,\d+)?)\s+(Stunden|Minuten|Sekunden)\b")


def _compositions(text: str, clause: str | None, page: int | None) -> list:
    """One `=` indicator per share of a composition written in parentheses, and one per test interval."""
    found = []
    for m in _COMPOSITION.finditer(text or ""):
        for p in _PART_SHARE.finditer(m.group(1)):
            found.append(make(parameter=f"Anteil {p.group(3)}", comparator="=", unit=p.group(2),
                              value=parse_number(p.group(1), "de"), clause=clause, page=page, text=m.group(0),
                              origin={"type": "prose"}))
    for m in _INTERVAL.finditer(text or ""):
        found.append(make(parameter="Intervall", comparator="=", unit=m.group(2), value=parse_number(m.group(1), "de"),
                          clause=clause, page=page, text=m.group(0), origin={"type": "prose"}))
    return found


def method_settings(text: str, clause: str | None, page: int | None) -> list:
    """Magnifications, coverage factors, sample volumes, compositions and test intervals of a German test method,
    as test-condition indicators."""
    found = _compositions(text, clause, page)
    for m in _MAGNIFICATION.finditer(text or ""):
        found.append(make(parameter=m.group(3), comparator="range", vmin=float(m.group(1)), vmax=float(m.group(2)),
                          clause=clause, page=page, text=m.group(0), origin={"type": "prose"}))
    for m in _COVERAGE.finditer(text or ""):
        found.append(make(parameter="Erweiterungsfaktor", comparator="=", value=parse_number(m.group(1), "de"),
                          clause=clause, page=page, text=m.group(0), origin={"type": "prose"}))
    for m in _SAMPLE.finditer(text or ""):
        v = parse_number(m.group(1), "de")
        if v is not None:
            found.append(make(parameter=f"untersuchte Menge {m.group(3)}", comparator="=", unit=m.group(2), value=v,
                              clause=clause, page=page, text=m.group(0), origin={"type": "prose"}))
    for ind in found:
        ind._setting = True  # read by roles.assign_roles: a test-condition; not serialised
        ind._bare = False
    return found


# "kann der Mindestwert auf 4,5 pH-Einheiten herabgesetzt werden", "der Höchstwert wird auf 20 mg/l festgesetzt"
_SET_TO = re.compile(r"(?i)\b(Mindestwert|Höchstwert|Grenzwert)\s+(?:[a-zäöüß]+\s+){0,2}?auf\s+(\d[\d.,]*)\s*"
                     r"(pH-Einheiten|[^\s\d.,;]{1,10})?\s+(?:herabgesetzt|festgesetzt|erhöht|abgesenkt|angehoben|begrenzt)\b")


def values_set_to(text: str, clause: str | None, page: int | None, origin: dict | None = None) -> list:
    """A minimum or maximum that a German rule lowers or raises to a value: `>=` / `<=` that value."""
    out = []
    for m in _SET_TO.finditer(text or ""):
        v = parse_number(m.group(2), "de")
        unit = "" if (m.group(3) or "").lower() == "ph-einheiten" else (m.group(3) or "")
        if v is None or unit and not is_known(unit_symbol(unit) or ""):
            continue
        cmp_ = ">=" if m.group(1).lower() == "mindestwert" else "<="
        out.append(make(parameter=m.group(1), comparator=cmp_, unit=unit, value=v, clause=clause, page=page,
                        text=m.group(0), origin=origin or {"type": "prose"}))
    return out
