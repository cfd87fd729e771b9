"""A bound inside the subject of a sentence whose requirement is an activity (IHO/ISO survey and test drafting).

"A feature search greater than or equal to 100 % must be planned and conducted …", "coverage of less than 100 %
must follow a systematic pattern", "Greater than 100 % coverage may be accomplished by overlapping …": the bound
names which searches or coverages the sentence is about (its scope); what the sentence requires is how they are
planned, followed or accomplished. Such a bound is a condition, not an indicator. A subject that a provision
verb follows ("a gap of at least 5 mm shall be provided") keeps its bound.
"""

from __future__ import annotations

import re

# a verb before the value: the value is not in the sentence's subject
_VERB_BEFORE = re.compile(r"(?i)\b(?:shall|must|may|should|will|can|is|are|was|were|be|been|has|have|apply|applies)\b")
# the modal after the subject and an activity it requires
_ACTIVITY = re.compile(r"(?i)^[^.;:]{0,80}?\b(?:shall|must|may|should)\s+(?:also\s+)?(?:be\s+(?:planned|conducted|performed|"
                       r"carried\s+out|accomplished|achieved|obtained\s+by|designed|organi[sz]ed|documented)|follow|"
                       r"adopt|use)\b")


def in_active_subject(t: str, seg_start: int, q_start: int, q_end: int) -> bool:
    """Whether the bound at t[q_start:q_end] sits in the subject of a sentence that requires an activity."""
    return not _VERB_BEFORE.search(t, seg_start, q_start) and bool(_ACTIVITY.match(t[q_end:q_end + 200]))
