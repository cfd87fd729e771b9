"""Variations a product must withstand, written as an if-span (OIML/IEC drafting).

"An instrument … shall comply with the requirements if the mains power supply varies in voltage from -15 % to
+10 %": the range in the if-span is not a case the requirement is scoped to but the variation the product must
tolerate, so it is the requirement's range (an indicator), not a condition.
"""

from __future__ import annotations

import re

_VARIES = re.compile(r"(?i)\s*(?:if|when|whenever|while|where)\b[^,;.]{0,80}?\bvar(?:y|ies)\b(?:\s+in\s+[\w-]+)?"
                     r"\s+(?:from|between|within|by)\s*$")
_MUST_COMPLY = re.compile(r"(?i)\b(?:shall|must)\s+(?:[\w-]+\s+){0,6}?(?:comply|operate|function|work|meet|perform)\b[^.;]*$")


def tolerated_variation(t: str, span: tuple[int, int], q_start: int, seg_start: int) -> bool:
    """Whether the range starting at q_start is the variation an if-span says the product must tolerate."""
    return bool(_VARIES.match(t, span[0], q_start) and _MUST_COMPLY.search(t, seg_start, span[0]))
