"""Counts of tests per period in German ordinance tables and notes ("Anzahl der Untersuchungen", "4 pro Jahr").

    Parameter der Gruppe B Anzahl der Untersuchungen       the column names a count but no period: each cell
    1 pro Jahr                                             states it ("n pro Jahr"), so the period moves to
    3 pro Jahr zuzüglich … jeweils 1 pro 10 000 m³ …       the header and the cell keeps its count (an
    1 pro 3 Jahre                                          allowance after it stays a condition); a count per
                                                           several years has no per-year value: no indicator.

Under a heading or caption naming the frequency of tests ("Häufigkeit der Untersuchungen",
"Mindesthäufigkeit") a count per period is the least number of tests: `>=`. In prose, "200 Untersuchungen
pro Jahr" gives the count its unit ("/a").
"""

from __future__ import annotations

import dataclasses
import re

from zmdocs.indicators.common import direction

_PERIOD = {"jahr": "a", "tag": "d", "stunde": "h"}
_COUNT_HEAD = re.compile(r"(?i)\bAnzahl\s+der\s+(?:Untersuchungen|Messungen|Proben|Probenahmen|Prüfungen)\b")
_HAS_PERIOD = re.compile(r"(?i)\b(?:pro|je)\s+(?:Jahr|Tag|Stunde)\b")
# "3 pro Jahr", "3 pro Jahr zuzüglich …"; "1 pro 3 Jahre"
_PER_CELL = re.compile(r"(?i)^\s*(\d[\d.,]*)\s+(?:pro|je)\s+(Jahr|Tag|Stunde)\b\s*(.*)$", re.S)
_PER_SEVERAL = re.compile(r"(?i)^\s*\d[\d.,]*\s+(?:pro|je)\s+\d[\d.,]*\s+(?:Jahre|Tage|Stunden)\s*$")
_FREQUENCY = re.compile(r"(?i)Häufigkeit|Mindesthäufigkeit|Mindestanzahl|Mindestumfang")
_PER_UNITS = {"/a", "/d", "/h"}
_NOUN = r"(?:Einzelmessungen|Messungen|Untersuchungen|Prüfungen|Bestimmungen|Probenahmen|Proben)"


def count_columns(t):
    """`t` itself, or a copy whose count columns without a period in the header take the period their cells state."""
    if not t.rows or not t.header_rows:
        return t
    ncol = max(len(r) for r in t.rows)
    heads = [" ".join(r[j] for r in t.header if j < len(r)) for j in range(ncol)]
    cols = [j for j, h in enumerate(heads) if _COUNT_HEAD.search(h) and not _HAS_PERIOD.search(h)
            and any(_PER_CELL.match(r[j]) for r in t.body if j < len(r))]
    if not cols:
        return t
    rows = [list(r) for r in t.rows]
    for j in cols:
        periods = {_PER_CELL.match(r[j]).group(2).lower() for r in t.body if j < len(r) and _PER_CELL.match(r[j])}
        if len(periods) != 1:
            continue
        rows[t.header_rows - 1][j] = f"{rows[t.header_rows - 1][j]} pro {periods.pop().capitalize()}"
        for r in rows[t.header_rows:]:
            if j < len(r) and (m := _PER_CELL.match(r[j])):
                r[j] = f"{m.group(1)} {m.group(3)}".strip()
            elif j < len(r) and _PER_SEVERAL.match(r[j]):
                r[j] = ""  # "1 pro 3 Jahre": less than one a year, no per-year value
    return dataclasses.replace(t, rows=rows)


def minimum_counts(found: list, heading: str, caption: str = "") -> list:
    """`found` with the `=` counts per period made `>=` when the heading or caption names a frequency of tests."""
    if not _FREQUENCY.search(f"{heading} {caption}"):
        return found
    for i in found:
        if i.comparator == "=" and (i.unit or "") in _PER_UNITS:
            i.comparator = ">="
            i.direction = direction(i)
    return found


def prose_count_units(inds: list) -> None:
    """Unitless prose counts written "<n> Untersuchungen pro Jahr" get the unit of their period ("/a")."""
    for i in inds:
        origin = getattr(i, "origin", None) or {}
        if i.unit or origin.get("type") == "table" and not origin.get("note") or not isinstance(i.value, (int, float)):
            continue
        n = f"{i.value:g}".replace(".", "[.,]")
        m = re.search(rf"(?<![\d.,]){n}\s+(?:[a-zäöüß]+e[nr]?\s+)?{_NOUN}\s+(?:pro|je|im)\s+(Jahr|Tag|Stunde)\b", i.text or "")
        if m:
            i.unit = "/" + _PERIOD[m.group(1).lower()]
