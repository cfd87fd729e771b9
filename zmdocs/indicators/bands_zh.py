"""Applicability bands of Chinese requirements: which products a requirement is for, not a limit.

`车长大于9m的客车应具有限速功能` and `总质量大于3500kg的挂车应装备…` name the products by a quantity
band before the modal verb; `(总质量小于等于750kg的挂车除外)` names the products a requirement
excludes. The quantities in these spans are conditions of the requirement, never indicators.
A band after the modal (`应采用厚度大于3mm的钢板`) is what the product must have, and stays a limit.
"""

from __future__ import annotations

import re

_CMP = r"(?:大于或等于|小于或等于|大于等于|小于等于|不大于|不小于|不超过|不低于|大于|小于|超过|低于|高于|[≤≥<>＜＞])"
# subject, comparator, value, unit, optional 以上/以下, then 的 and the products' noun
_BAND = re.compile(
    r"(?:(?!应|须|不得)[\u4e00-\u9fffA-Za-z]){1,12}?\s*" + _CMP + r"\s*\d[\d.,]*(?:\s\d{3})*\s*[A-Za-z%°/²³μ·]{0,6}\s*(?:以[上下内])?\s*的"
    r"\s*[\u4e00-\u9fff]{1,12}?(?=[、，,；;。）)]|应|还应|均应|不应|须|必须|$)")
_EXCEPT = re.compile(r"[（(][^（()）]{0,80}?除外\s*[)）]")
_MODAL = re.compile(r"应|须|不得|必须")
_SENTENCE = re.compile(r"[；;。:：]")


def band_spans(t: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of t[s:e] that name the products a requirement applies to or excludes (see the module doc)."""
    out = [(m.start(), m.end()) for m in _EXCEPT.finditer(t, s, e)]
    for m in _BAND.finditer(t, s, e):
        head = max([s] + [x.end() for x in _SENTENCE.finditer(t, s, m.start())])
        if _MODAL.search(t, head, m.start()):
            continue  # after the modal: what the product must have
        out.append((m.start(), m.end()))
    return out
