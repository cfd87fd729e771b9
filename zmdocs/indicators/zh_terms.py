"""Chinese term entries that lay down a rule with limits (GB/JT drafting): "…的规则。采样频率不低于1Hz，…".

A terms clause states no requirements, except a zh entry whose definition goes on with a bound written in words
(不低于, 不大于, 至少…): its bounded values are read; stated values and bare numbers of a definition stay unread.
"""

from __future__ import annotations

import re

TERM_BOUNDS = ("<=", ">=", "<", ">")
# a comparator word of zh drafting right before a number (not "大于" inside a noun: 最大, 放大)
_BOUND_WORD = re.compile(r"(?:不低于|不高于|不大于|不小于|不超过|不少于|不多于|大于等于|小于等于|至少)\s*\d")


def zh_term_rule(text: str) -> bool:
    """A zh term entry that states a bound in words."""
    return bool(text) and bool(_BOUND_WORD.search(text))


def term_rules(found: list) -> list:
    """The bounded indicators of a zh term entry read for its rule, marked so roles keep them requirements."""
    out = [i for i in found if i.comparator in TERM_BOUNDS]
    for i in out:
        i._term_rule = True  # read by roles._clause_role; not serialised
    return out
