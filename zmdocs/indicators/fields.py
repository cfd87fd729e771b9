"""Angular fields stated by their two limits: "from 10° above to 5° below the horizontal", "from 45° inwards to 80°
outwards", "from 10° to the left to 10° to the right" (lamp regulations: light distribution, geometric visibility).

Each angle delimits the field on its own side; both are stated values ("=" each), not a range from one to the
other (the two are measured on opposite sides of the axis) and not bare numbers left to a condition.
"""

from __future__ import annotations

import re

_SIDE = r"(?:above|below|up(?:wards?)?|down(?:wards?)?|inwards?|outwards?|to\s+the\s+(?:left|right)|left|right)"
_FROM = re.compile(r"(?i)\bfrom\s*$")
_BETWEEN = re.compile(rf"(?i)\s*{_SIDE}\s+(?:to|and)\s*$")
_AFTER = re.compile(rf"(?i)\s*{_SIDE}\b")


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
