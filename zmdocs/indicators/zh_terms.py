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


# the first sentence of an entry naming a rule or a procedure: the sentences after it lay the rule down
_RULE_NAMED = re.compile(r"(?:规则|方法|程序|策略|过程|机制)\s*。")


def term_rules(found: list, text: str = "") -> list:
    """The bounded indicators of a zh term entry; those of the rule after the definition ("…的规则。采样频率不低于
    1Hz") are marked so roles keep them requirements, the others delimit the term (informative)."""
    out = [i for i in found if i.comparator in TERM_BOUNDS]
    first = _RULE_NAMED.search(text)
    rule_from = first.end() if first and "。" not in text[:first.start()] else None
    for i in out:
        at = text.find(i.text[:12]) if i.text else -1
        if not text or rule_from is not None and at >= rule_from:
            i._term_rule = True  # read by roles._clause_role; not serialised
    return out
