"""Deviations written without a sign (en regulations): "with a tolerance of 1,5 %" is ±1,5 % (one signed range, as
"± 1,5 %" is), and "may differ by 5 % from …" / "shall not differ by more than 5 %" bound the difference (<= 5 %)."""

from __future__ import annotations

import re

# "a tolerance of", "tolerance:", "with a tolerance of": the value after it is a symmetric deviation
_TOLERANCE_OF = re.compile(r"(?i)\b(?:an?\s+)?tolerances?\s*(?:of|:)\s*$")
# "may differ by", "can deviate by": an allowed difference (the sign is not given)
_DIFFER_BY = re.compile(r"(?i)\b(?:may|can|shall|must)\s+(?:only\s+)?(?:differ|deviate|vary)\s+by\s*$")


def unsigned_deviations(t: str, sq: list) -> None:
    """Read "a tolerance of X" as the range -X..X and "may differ by X" as "<= X" (X a single value with a unit)."""
    for q in sq:
        if q.kind != "one" or not q.unit or q.comparator not in (None, "=") or not isinstance(q.value, (int, float)):
            continue
        left = t[max(0, q.start - 40):q.start]
        if _TOLERANCE_OF.search(left) and q.value > 0:
            q.kind, q.vmin, q.vmax, q.value, q.comparator = "rng", -q.value, q.value, None, "range"
            q.role = "indicator"
        elif _DIFFER_BY.search(left):
            q.comparator, q.role = "<=", "indicator"
