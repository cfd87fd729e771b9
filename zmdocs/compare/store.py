"""`--store`: propose counterparts found in an indexed corpus (by product scope and parameter), marked as found."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from zmdocs.errors import ZmdocsError
from zmdocs.model import Document

log = logging.getLogger(__name__)

MAX_FOUND = 3


def _hit_doc(hit) -> str:
    return str(hit.get("doc") or hit.get("doc_id") or "") if isinstance(hit, dict) else str(getattr(hit, "doc", ""))


def _hit_source(st, hit, doc_id: str) -> str:
    """The source file of a hit's document (from the hit, else from the store's document table)."""
    if isinstance(hit, dict):
        for k in ("source", "path", "doc_source"):
            if hit.get(k):
                return str(hit[k])
    for name in ("document", "get_document", "doc_info"):
        fn = getattr(st, name, None)
        if callable(fn):
            try:
                d = fn(doc_id)
            except Exception:  # a store without this lookup: try the next one
                continue
            src = d.get("source") if isinstance(d, dict) else getattr(d, "source", "")
            if src:
                return str(src)
    return ""


def _stored(st, doc_id: str):
    """The parsed Document the store keeps for an id (None when the store cannot give it)."""
    fn = getattr(st, "load_document", None)
    if not callable(fn):
        return None
    try:
        return fn(doc_id)
    except Exception as e:  # an old or odd store: fall back to parsing the source file
        log.debug("store could not load %s: %s", doc_id, e)
        return None


def find_counterparts(store: str, draft: Document, refs: list, model=None) -> list[Document]:
    """Documents of the store that share the draft's product scope and parameters (not the draft, not given refs)."""
    from zmdocs.index import open_store
    from zmdocs.parse.registry import parse_file

    st = open_store(store, model=model)
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
    out = []
    for d, n in votes.most_common(MAX_FOUND):
        stored = _stored(st, d)
        if stored is not None:
            log.info("found counterpart %s in the store (%d parameter matches)", d, n)
            out.append(stored)
            continue
        src = _hit_source(st, in_scope[d], d)
        if not src or not Path(src).exists():
            log.warning("found %s in the store but not its source file; skipped", d)
            continue
        try:
            doc = parse_file(src)
        except ZmdocsError as e:
            log.warning("found %s in the store but cannot parse it: %s", d, e)
            continue
        log.info("found counterpart %s in the store (%d parameter matches)", d, n)
        out.append(doc)
    return out
