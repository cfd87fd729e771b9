"""Headings and titles that wrap over paragraphs: a numbered line whose sentence runs on into the next
paragraph (text, not a heading), a heading wrapped into the next one or two lines, an annex title set over
two lines in capitals. Used by `builder`."""

from __future__ import annotations

import re

from zmdocs.parse.lines import Para
from zmdocs.parse.numbering import LIST_RE, is_heading_text
from zmdocs.text.clausenum import split_number

_TITLE_TAIL = re.compile(r"(?:\b(?:and|or|of|for|in|the|to|with)|[,:–—-])$", re.I)


def title_goes_on(title: str, nt: str) -> bool:
    """Does paragraph `nt` continue an annex title over another line: lower case, a dangling word, or an
    all-capitals title of four words or more going on in capitals ("… FOR A VEHICLE" + "FUELLED BY LPG")."""
    if nt[:1].islower() or _TITLE_TAIL.search(title):
        return True
    return title.isupper() and nt.isupper() and len(title.split()) >= 4 and is_heading_text(nt)


_RUN_ON_TAIL = re.compile(r"(?:\b(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|with)|,)$")


def runs_on(rest: str, nxt: Para | None) -> bool:
    """A numbered line that looks like a heading but whose sentence goes on in the next paragraph
    ("2.11.2. For rotary engines, twice the volume of a" + "combustion chamber;"): text, not a heading."""
    if nxt is None or nxt.kind != "para":
        return False
    nt = nxt.text.strip()
    if not nt[:1].islower() or LIST_RE.match(nt) or split_number(nt):
        return False
    return rest[:1].islower() or bool(_RUN_ON_TAIL.search(rest)) or len(rest.split()) >= 8


_VERB = re.compile(r"\b(?:is|are|was|were|may|can|will|has|have|shall|must)\b")


def wrapped_heading(rest: str, following: list[Para]) -> tuple[str, int] | None:
    """(heading, paragraphs consumed) when a capitalised heading wraps into the next one or two paragraphs
    ("Modifications and extensions of approval of the" + "vehicle type or of its devices"); None otherwise."""
    if not rest[:1].isupper():
        return None
    head = rest
    for k, q in enumerate(following[:2], 1):
        nt = q.text.strip()
        if q.kind != "para" or not nt[:1].islower() or not is_heading_text(nt) or split_number(nt) or LIST_RE.match(nt):
            return None
        head = f"{head} {nt}"
        if not _RUN_ON_TAIL.search(nt):
            after = following[k] if k < len(following) else None
            goes_on = after is not None and after.kind == "para" and after.text.strip()[:1].islower()
            ok = not goes_on and len(head.split()) <= 24 and not _VERB.search(head)
            return (head, 1 + k) if ok else None
    return None


def bracket_wrapped(rest: str, nxt: Para | None) -> str:
    """A CJK heading whose bracket runs onto the next line ("制动力平衡要求（…和轻便摩" + "托车除外）"):
    the joined heading, or "" when the next paragraph does not close the bracket and end there."""
    if nxt is None or nxt.kind != "para" or rest.count("（") <= rest.count("）"):
        return ""
    tail = nxt.text.strip()
    if not tail.endswith("）") or len(tail) > 20 or "（" in tail:
        return ""
    joined = rest.strip() + tail
    return joined if is_heading_text(joined) else ""
