"""What names a limit when its sentence does not: the heading of its clause ('Number' over 'Two … and one …'),
the label an untitled clause opens with ('Maximum: 160 cd …') and the headings above it."""

from __future__ import annotations

import dataclasses
import re

from zmdocs.model import Indicator
from zmdocs.pairing import lead_label


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


def own_heading(find, ind: Indicator) -> str:
    """The heading of the indicator's own clause, else the label the clause text opens with; `find` looks a clause up."""
    c = find(ind.clause)
    if c is None:
        return ""
    return (getattr(c, "heading", "") or lead_label(getattr(c, "text", "") or "")).strip()


def heading_named(draft: Indicator, heading: str) -> bool:
    """The draft's parameter (no glossary key) is the reference clause's heading: the heading names what that
    clause's limits set, whatever fragment the sentence left as their parameter."""
    if draft.key or not heading or len(heading.split()) > 6:
        return False
    p = _norm(draft.parameter)
    return bool(p) and p == _norm(heading)


def named_from_headings(find, ind: Indicator) -> Indicator:
    """A limit read without a parameter ('Maximum: 160 cd in any direction.'), named for pairing by its clause's
    lead label and the headings above it ('Maximum Intensity of light emitted'); others unchanged."""
    if (ind.parameter or "").strip() or not ind.clause:
        return ind
    parts, c, seen = [], find(ind.clause), 0
    while c is not None and seen < 3 and len(parts) < 2:
        h = (getattr(c, "heading", "") or lead_label(getattr(c, "text", "") or "")).strip()
        if h and len(h.split()) <= 8:
            parts.append(h)
        c, seen = find(getattr(c, "parent", None)), seen + 1
    if not parts:
        return ind
    name = " ".join(parts)
    return dataclasses.replace(ind, parameter=name, key=ind.key or _key(name, ind))


def _key(name: str, ind: Indicator) -> str:
    """The glossary key the new name carries, when the limit's unit fits it."""
    from zmdocs.indicators.keys import fits, key_for
    from zmdocs.pairing import unit_dimension

    key = key_for(name)
    return key if key and fits(key, unit_dimension(ind.unit or "")) else ""
