"""Angular fields stated by their two limits: "from 10° above to 5° below the horizontal", "from 45° inwards to 80°
outwards", "from 10° to the left to 10° to the right" (lamp regulations: light distribution, geometric visibility).

A line labelled with the plane alone ("Horizontal: outwards 20° and inwards 20°", "Vertical: 10° upwards and 5°
downwards") states its angles too, one per side.

Each angle delimits the field on its own side; both are stated values ("=" each), not a range from one to the
other (the two are measured on opposite sides of the axis) and not bare numbers left to a condition.
"""

from __future__ import annotations

import re

_SIDE = r"(?:above|below|up(?:wards?)?|down(?:wards?)?|inwards?|outwards?|to\s+the\s+(?:left|right)|left|right)"
_FROM = re.compile(r"(?i)\bfrom\s*$")
_BETWEEN = re.compile(rf"(?i)\s*{_SIDE}\s+(?:to|and)\s*$")
_AFTER = re.compile(rf"(?i)\s*{_SIDE}\b")
_PLANE = re.compile(r"(?im)^[ \t]*(?:horizontal(?:ly)?|vertical(?:ly)?|horizontale?|verticale?|horizontal|vertikal)[ \t]*:")
_BETWEEN_ANGLES = re.compile(rf"(?i)(?:\s|,|\band\b|\bund\b|\bet\b|{_SIDE}|-?\d+(?:[.,]\d+)?\s*°)*")


def angular_fields(t: str, sq: list) -> None:
    """Make both limits of "from X° <side> to Y° <side>" stated values (role indicator, comparator "=")."""
    for q1, q2 in zip(sq, sq[1:], strict=False):
        if not (q1.kind == q2.kind == "one" and q1.unit == q2.unit == "°"):
            continue
        if q1.comparator not in (None, "=") or q2.comparator not in (None, "="):
            continue
        if _FROM.search(t[max(0, q1.start - 8):q1.start]) and _BETWEEN.fullmatch(t, q1.end, q2.start) \
                and _AFTER.match(t, q2.end):
            for q in (q1, q2):
                q.role, q.comparator = "indicator", "="
    for q in sq:
        if q.kind == "one" and q.unit == "°" and q.comparator in (None, "=") and q.role in ("bare", "condition", "drop"):
            m = _PLANE.search(t, t.rfind("\n", 0, q.start) + 1, q.start)
            if m and m.start() == t.rfind("\n", 0, q.start) + 1 and _BETWEEN_ANGLES.fullmatch(t, m.end(), q.start):
                q.role, q.comparator = "indicator", "="
