"""A strict bound joined by "or"/"nor" to a negated one: "shall not be less than 260 K, or more than 272 K"."""

from __future__ import annotations

import re

# the cue of the second bound opens with "or"/"nor" ("…, or more than", "or exceed", "nor below")
_OR_BEFORE = re.compile(r"(?i)(?:^|[\s,])(?:or|nor)\s+(?:for\s+)?$")
# a negated modal earlier in the same sentence ("shall not be less than", "may not fall below")
_NEG_MODAL = re.compile(r"(?i)(?:\b(?:shall|must|may|should|will|can|does|do)\s+not|\bnot\s+(?:less|lower|fewer)\s+than)\b"
                        r"(?:[^.;:]|(?<=\d)[.,](?=\d))*$")
_FLIP = {">": "<=", "<": ">="}


def negated_disjunct(t: str, cue_start: int, comparator: str) -> str:
    """The comparator of a strict bound whose cue follows "or"/"nor" after a negated modal: its inverse, inclusive."""
    if comparator not in _FLIP or not _OR_BEFORE.search(t, max(0, cue_start - 12), cue_start):
        return comparator
    return _FLIP[comparator] if _NEG_MODAL.search(t, max(0, cue_start - 200), cue_start) else comparator


# "no greater than 3 times the depth or 25 metres, whichever is greater": the second alternative of one bound
_WHICHEVER = re.compile(r"(?i)(?:\s+of\s+[^\d,;.:]{1,30}?)?\s*,?\s*whichever\s+is\s+(?:the\s+)?(?:greater|larger|higher|more|less|smaller|lower|"
                        r"longer|shorter|stricter)\b")
_FIRST_ALTERNATIVE = re.compile(r"(?i)[-+]?\d[\d.,]*\s*[^\d,;.:()]{0,40}?\s+or\s*$")


def whichever_alternative(t: str, start: int, end: int, left_patterns) -> str | None:
    """The bound of the first alternative for a value written "<cue> A or B, whichever is greater", else None."""
    if not _WHICHEVER.match(t, end):
        return None
    left = t[max(0, start - 120):start]
    m = _FIRST_ALTERNATIVE.search(left)
    if not m:
        return None
    for rx, comp in left_patterns:
        if comp in ("<=", ">=", "<", ">") and rx.search(left[:m.start()]):
            return comp
    return None


# "As a minimum, an evenly distributed coverage of 5 % is required": a sentence opened by "as a minimum/maximum,"
_AS_A_BOUND = re.compile(r"(?i)\bas\s+a\s+(minimum|maximum)\s*,(?:[^.;:\d]|(?<=\d)[.,](?=\d))*$")


def sentence_bound(t: str, cue_start: int) -> str | None:
    """">=" / "<=" for a value stated "=" in a clause opened by "As a minimum," / "As a maximum,", else None."""
    m = _AS_A_BOUND.search(t, max(0, cue_start - 120), cue_start)
    return None if not m else ">=" if m.group(1).lower() == "minimum" else "<="
