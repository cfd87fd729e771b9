"""A strict bound joined by "or"/"nor" to a negated one: "shall not be less than 260 K, or more than 272 K"."""

from __future__ import annotations

import re

# the cue of the second bound opens with "or"/"nor" ("…, or more than", "or exceed", "nor below")
_OR_BEFORE = re.compile(r"(?i)(?:^|[\s,])(?:or|nor)\s*$")
# a negated modal earlier in the same sentence ("shall not be less than", "may not fall below")
_NEG_MODAL = re.compile(r"(?i)\b(?:shall|must|may|should|will|can|does|do)\s+not\b(?:[^.;:]|(?<=\d)[.,](?=\d))*$")
_FLIP = {">": "<=", "<": ">="}


def negated_disjunct(t: str, cue_start: int, comparator: str) -> str:
    """The comparator of a strict bound whose cue follows "or"/"nor" after a negated modal: its inverse, inclusive."""
    if comparator not in _FLIP or not _OR_BEFORE.search(t, max(0, cue_start - 8), cue_start):
        return comparator
    return _FLIP[comparator] if _NEG_MODAL.search(t, max(0, cue_start - 200), cue_start) else comparator
