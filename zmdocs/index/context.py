"""Clause context for the dense ranking: a clause is read under its parent's heading and its document's title.

A sub-clause often names its subject only through its section or its document ("6.4.2 Number"
under "6.4 Reversing lamp"; "60.4.7 May not be grouped with any other lamp" in a regulation titled
"Centre High Mounted Stop Lamp"), and the encoder matches a query in another language to such a
clause's own words weakly. So within each language the dense candidates are re-scored as

    (1 - CONTEXT_WEIGHT) * own cosine + CONTEXT_WEIGHT * mean cosine of the context

where the context is the clause's nearest `CONTEXT_DEPTH` ancestors (each by its best vector) and
its document's title (embedded once per open store). The score stays on the cosine scale, so the
language damping of `fusion` still compares languages by it (and it is the `cosine` a result's signals
show). Measured on the tuning files
(2026-12-07): real_queries 0.925 -> 0.925, real_queries_heldout2 0.564 -> 0.615 at weight 0.15 and
depth 1 (0.1-0.2 and depth 2-3 within 0.02; without the title 0.581; 0.3 and more lose).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

CONTEXT_WEIGHT = float(os.environ.get("ZMDOCS_CONTEXT_WEIGHT", "0.15"))
CONTEXT_DEPTH = int(os.environ.get("ZMDOCS_CONTEXT_DEPTH", "1"))
TITLE = os.environ.get("ZMDOCS_CONTEXT_TITLE", "1") == "1"
TITLE_MIN_CHARS = 4  # a shorter title is a parse's stray cover word, not a subject


def combine(own: float, context: list[float], weight: float | None = None) -> float:
    """A clause's score from its own cosine and its context's cosines (its own alone without context)."""
    w = CONTEXT_WEIGHT if weight is None else weight
    if not context or w <= 0:
        return own
    return (1.0 - w) * own + w * float(np.mean(context))


class Tree:
    """Clause -> parent clause and document, read per document on first use (cached per store)."""

    def __init__(self, con: Any) -> None:
        self.con = con
        self._parent: dict[int, int | None] = {}
        self._doc: dict[int, int] = {}
        self._loaded: set[int] = set()

    def load(self, rows: list[int]) -> None:
        """Read the trees of the documents holding `rows` (those not read yet)."""
        need = [r for r in rows if r not in self._doc]
        for i in range(0, len(need), 900):
            part = need[i : i + 900]
            q = f"SELECT DISTINCT doc_pk FROM clauses WHERE row IN ({','.join('?' * len(part))})"
            for (pk,) in self.con.execute(q, part).fetchall():
                self._load_doc(pk)

    def _load_doc(self, pk: int) -> None:
        if pk in self._loaded:
            return
        self._loaded.add(pk)
        rows = self.con.execute("SELECT row, clause_id, parent FROM clauses WHERE doc_pk = ?", (pk,)).fetchall()
        by_id = {cid: row for row, cid, _ in rows if cid}
        for row, _, parent in rows:
            p = by_id.get(parent) if parent else None
            self._doc[row] = pk
            self._parent[row] = p if p != row else None

    def ancestors(self, row: int, depth: int) -> list[int]:
        """The nearest `depth` ancestors of a clause, parent first (call `load` first)."""
        out: list[int] = []
        node = self._parent.get(row)
        while node is not None and len(out) < depth and node not in out:
            out.append(node)
            node = self._parent.get(node)
        return out

    def doc(self, row: int) -> int | None:
        return self._doc.get(row)


def rerank(store: Any, v: np.ndarray, dense: dict[str, list[tuple[int, float]]]) -> dict[str, list[tuple[int, float]]]:
    """Per language, the dense candidates re-scored with their context (see the module docstring)."""
    rows = [r for ranking in dense.values() for r, _ in ranking]
    if CONTEXT_WEIGHT <= 0 or not rows:
        return dense
    tree = _tree(store)
    tree.load(rows)
    anc = {r: tree.ancestors(r, CONTEXT_DEPTH) for r in rows}
    cos = clause_cosines(store, v, sorted({a for a_s in anc.values() for a in a_s}))
    titles = title_cosines(store, v, {d for r in rows if (d := tree.doc(r)) is not None}) if TITLE else {}
    out: dict[str, list[tuple[int, float]]] = {}
    for lg, ranking in dense.items():
        scored = []
        for r, x in ranking:
            ctx = [cos[a] for a in anc[r] if a in cos]
            if tree.doc(r) in titles:
                ctx.append(titles[tree.doc(r)])
            scored.append((r, combine(x, ctx)))
        out[lg] = sorted(scored, key=lambda t: -t[1])
    return out


def _tree(store: Any) -> Tree:
    tree = getattr(store, "_ctx_tree", None)
    if tree is None:
        tree = store._ctx_tree = Tree(store.con)
    return tree


# per vector kind, the weight of its cosine in the dense search (a heading vector counts a little less than the text)
VECTOR_WEIGHT = {"heading": float(os.environ.get("ZMDOCS_HEADING_WEIGHT", "0.97"))}


def clause_cosines(store: Any, v: np.ndarray, rows: list[int]) -> dict[int, float]:
    """Row -> the best cosine of its vectors with the query (headings weighted as in the dense search)."""
    from zmdocs.index.store import vectors_memmap

    if not rows:
        return {}
    mm = vectors_memmap(store.path, store.dim)
    pairs: list[tuple[int, int, str]] = []
    for i in range(0, len(rows), 900):
        part = rows[i : i + 900]
        q = f"SELECT vid, clause_row, what FROM vectors WHERE clause_row IN ({','.join('?' * len(part))})"
        pairs += [(vid, r, w) for vid, r, w in store.con.execute(q, part) if vid < len(mm)]
    if not pairs:
        return {}
    sims = np.asarray(mm[np.array([p[0] for p in pairs], dtype=np.int64)] @ v, dtype=np.float32)
    out: dict[int, float] = {}
    for (_, r, w), x in zip(pairs, sims.tolist(), strict=True):
        x *= VECTOR_WEIGHT.get(w, 1.0)
        if x > out.get(r, -9.0):
            out[r] = x
    return out


def title_cosines(store: Any, v: np.ndarray, pks: set[int]) -> dict[int, float]:
    """Document pk -> cosine of the query with the document's title (each title embedded once per Store)."""
    cache: dict[int, np.ndarray | None] = getattr(store, "_ctx_titles", None) or {}
    store._ctx_titles = cache
    todo = [pk for pk in sorted(pks) if pk not in cache]
    if todo:
        q = f"SELECT pk, title FROM documents WHERE pk IN ({','.join('?' * len(todo))})"
        titles = {pk: (t or "").strip() for pk, t in store.con.execute(q, todo)}
        named = [pk for pk in todo if len(titles.get(pk, "")) >= TITLE_MIN_CHARS]
        vecs = store.embedder.encode([titles[pk] for pk in named]) if named else []
        for pk in todo:
            cache[pk] = None
        for pk, vec in zip(named, vecs, strict=True):
            cache[pk] = np.asarray(vec, dtype=np.float32)
    return {pk: float(cache[pk] @ v) for pk in pks if cache.get(pk) is not None}
