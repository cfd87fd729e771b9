"""`--store`: which documents of an opened store are counterparts of a draft (by product scope and parameter).

The store is opened, and the documents it names are loaded and prepared, by the application
layer (`zmdocs.app.store_counterparts`); this module only ranks the store's search hits.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from zmdocs.model import Document

log = logging.getLogger(__name__)

MAX_FOUND = 3


@dataclass
class Candidate:
    """A store document proposed as a counterpart: its id, parameter votes and source file (if known)."""

    doc: str
    votes: int
    source: str = ""


def _hit_doc(hit) -> str:
    return str(hit.get("doc") or hit.get("doc_id") or "") if isinstance(hit, dict) else str(getattr(hit, "doc", ""))


def _hit_source(hit) -> str:
    """The source file a search hit names ('' when it names none)."""
    if isinstance(hit, dict):
        for k in ("source", "path", "doc_source"):
            if hit.get(k):
                return str(hit[k])
    return str(getattr(hit, "source", "") or "")


def find_counterparts(st, draft: Document, refs: list) -> list[Candidate]:
    """Documents of the opened store `st` that share the draft's product scope and parameters
    (not the draft, not the given refs), best first, at most MAX_FOUND."""
    given = {draft.id} | {r.id for r in refs}
    scope = draft.clause("1")
    scope_q = " ".join(x for x in (draft.title, (scope.text[:200] if scope else "")) if x) or draft.id
    in_scope: dict[str, object] = {}
    for hit in st.search(scope_q, top=30):
        d = _hit_doc(hit)
        if d and d not in given:
            in_scope.setdefault(d, hit)
    if not in_scope:
        return []
    params = list(dict.fromkeys(i.parameter for i in draft.indicators if i.parameter))[:40]
    votes: Counter[str] = Counter()
    if params:
        for res in st.search_many(params, top=10):
            for d in {_hit_doc(h) for h in res}:
                if d in in_scope:
                    votes[d] += 1
    return [Candidate(d, n, _hit_source(in_scope[d])) for d, n in votes.most_common(MAX_FOUND)]
