"""Deviations written without a sign (en regulations): "with a tolerance of 1,5 %" is ±1,5 % (one signed range, as
"± 1,5 %" is), and "may differ by 5 % from …" bounds the difference (<= 5 %). A prohibition that lasts "for more than" a time ("may not fall
below 263 K … for more than 3 minutes", "shall not be interrupted for longer than 5 s") allows that time at most (<= 3 min)."""

from __future__ import annotations

import re

# "a tolerance of", "tolerance:", "with a tolerance of": the value after it is a symmetric deviation
_TOLERANCE_OF = re.compile(r"(?i)\b(?:an?\s+)?tolerances?\s*(?:of|:)\s*$")
# "may differ by", "can deviate by": an allowed difference (the sign is not given)
_DIFFER_BY = re.compile(r"(?i)\b(?:may|can|shall|must)\s+(?:only\s+)?(?:differ|deviate|vary)\s+by\s*$")


# "three consecutive minutes", "5 successive seconds": the adjective between a number and its time unit
_RUN_ADJECTIVE = re.compile(r"(?i)(?<=\w)(\s+)(?:consecutive|successive|continuous)\s+(?=(?:seconds?|minutes?|hours?|days?)\b)")


def run_adjectives(t: str) -> str:
    """`t` without the adjective of "three consecutive minutes" (so the number reads with its unit)."""
    return _RUN_ADJECTIVE.sub(r"\1", t) if "consecutive" in t or "successive" in t or "continuous" in t else t


_FOR_MORE_THAN = re.compile(r"(?i)\bfor\s+(?:more|longer)\s+than\s*$")
_NEGATED = re.compile(r"(?i)\b(?:may|shall|must|should|can)\s+not\b|\b(?:cannot|never)\b")
_TIME_UNITS = {"s", "min", "h", "d", "ms", "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day"}


def excursion_times(t: str, a: int, sq: list) -> None:
    """"may not fall below X or exceed Y for more than 3 minutes": the time a negated statement limits is "<="."""
    for q in sq:
        if q.kind == "one" and q.comparator == ">" and q.unit in _TIME_UNITS and q.cue_start >= a \
                and _FOR_MORE_THAN.search(t, max(a, q.cue_start - 4), q.start) and _NEGATED.search(t, a, q.cue_start):
            q.comparator, q.role = "<=", "indicator"


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
