"""Reading a store: hybrid clause search (FAISS dense + BM25 lexical, fused by reciprocal rank).

Opening is cheap: SQLite is opened read-only, the FAISS index and the BM25 matrices are
memory-mapped, and only the query embedder is loaded. Vectors committed after the published
index (a run killed before it finished) are searched exactly from the raw vectors file, and
hits of deleted clauses are dropped, so a store is searchable in every state.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from zmdocs.errors import StoreError
from zmdocs.index import faissidx, lexical
from zmdocs.index.store import (
    DB_NAME,
    check_model,
    check_schema,
    connect,
    meta_get,
    read_manifest,
    require_store,
    vectors_memmap,
)

log = logging.getLogger(__name__)

RRF_K = 60
# A clause's dense score is its best vector's cosine times this weight: a bare heading is
# weaker evidence than the clause text (short queries still reach a clause through it).
VECTOR_WEIGHT = {"heading": float(os.environ.get("ZMDOCS_HEADING_WEIGHT", "0.97"))}
EXACT_SUBSET_MAX = 200_000  # filtered searches scan the subset exactly up to this many vectors

KIND_ALIASES = {
    "requirement": "requirements", "req": "requirements", "technical-requirements": "requirements",
    "term": "terms", "definitions": "terms", "test-method": "test-methods", "tests": "test-methods",
    "test": "test-methods", "methods": "test-methods", "inspection": "inspection-rules", "marking": "marking-packaging",
    "references": "normative-references",
}


class Store:
    """A read-only view of a store: `search`, `search_many`, documents and clauses by id."""

    def __init__(self, path: Path, model: str | None = None) -> None:
        from zmdocs.embed import get_embedder

        self.path = path
        self.con = connect(path / DB_NAME, readonly=True)
        check_schema(self.con, path)
        self.model = meta_get(self.con, "model")
        self.dim = int(meta_get(self.con, "dim", 0))
        if model:
            check_model(self.con, path, get_embedder(model).name)
        self.manifest = read_manifest(path) or {}
        self.embedder = get_embedder(self.model)
        self._index = None
        self._bm25 = None
        self._bm25_rows: np.ndarray | None = None
        self._filters: dict[tuple, _Filter] = {}
        # map the published generation now (cheap: mmap), so a writer publishing a newer one
        # and deleting these files later does not change what this reader sees
        self._faiss()
        self._lexical()

    # -- lazy parts -----------------------------------------------------------
    def _faiss(self):
        fa = self.manifest.get("faiss")
        if self._index is None and fa and (self.path / fa["file"]).exists():
            self._index = faissidx.load(self.path / fa["file"], fa)
        return self._index

    def _lexical(self):
        bm = self.manifest.get("bm25")
        if self._bm25 is None and bm and (self.path / bm["dir"]).exists():
            self._bm25 = lexical.load_bm25(self.path / bm["dir"])
            self._bm25_rows = np.load(self.path / bm["dir"] / "rows.npy", mmap_mode="r")
        return self._bm25

    # -- filters --------------------------------------------------------------
    def _filter_sql(self, lang=None, family=None, doc=None, kind=None) -> tuple[str, list[Any]]:
        where, args = [], []
        if lang:
            where.append("c.lang = ?")
            args.append(lang.lower().split("-")[0])
        if family:
            f = re.sub(r"\s+", " ", family.strip().upper())
            where.append("(upper(c.family) = ? OR upper(c.family) LIKE ?)")
            args += [f, f + "/%"]
        if doc:
            from zmdocs.stdnum import normalize_id

            where.append("(c.doc_id = ? OR c.doc_id = ? OR c.doc_pk IN (SELECT pk FROM documents WHERE source = ?))")
            args += [doc, normalize_id(doc), str(Path(doc).expanduser().resolve())]
        if kind:
            k = KIND_ALIASES.get(kind.lower(), kind.lower())
            where.append("(c.kind = ? OR c.kind LIKE ?)")
            args += [k, k + "%"]
        return " AND ".join(where), args

    # -- search ---------------------------------------------------------------
    def search(self, query: str, top: int = 10, lang=None, family=None, doc=None, kind=None) -> list[dict[str, Any]]:
        """Top clauses for one query (see `search_many`)."""
        return self.search_many([query], top=top, lang=lang, family=family, doc=doc, kind=kind)[0]

    def search_many(self, queries: Sequence[str], top: int = 10, **filters: Any) -> list[list[dict[str, Any]]]:
        """Hybrid search for several queries: one list of result dicts per query, best first."""
        queries = list(queries)
        if not queries:
            return []
        top = max(1, int(top))
        qv = self.embedder.encode(queries)
        if qv.shape[1] != self.dim:
            raise StoreError(f"{self.path}: query vectors are {qv.shape[1]}-d, the store holds {self.dim}-d")
        where, args = self._filter_sql(**{k: filters.get(k) for k in ("lang", "family", "doc", "kind")})
        filt = None
        if where:  # cached per store: repeated filtered queries reuse the filtered row set
            key = (where, tuple(args))
            filt = self._filters.get(key) or self._filters.setdefault(key, _Filter(self, where, args))
            if len(self._filters) > 8:
                self._filters.pop(next(iter(self._filters)))
        out = []
        for q, v in zip(queries, qv, strict=True):
            dense = self._dense(v, top, filt)
            lex = self._lex(q, top, filt)
            out.append(self._fuse(q, dense, lex, top))
        return out

    def _dense(self, v: np.ndarray, top: int, filt: _Filter | None) -> list[tuple[int, float]]:
        """Ranked (clause row, cosine) from the vector side, deduplicated to clauses.

        With a filter, the index is over-fetched and candidates checked in SQL; when too few
        survive (a selective filter), the filtered subset is scanned exactly instead.
        """
        k = top * 4 + 20
        mm = vectors_memmap(self.path, self.dim)
        index = self._faiss()
        cand: list[tuple[int, float]] = []
        if index is not None and index.ntotal:
            s, ids = faissidx.search(index, v[None, :], k if filt is None else k * 20)
            cand += [(int(i), float(x)) for i, x in zip(ids[0], s[0], strict=True) if i >= 0]
        next_vid = int(self.manifest.get("next_vid", 0))
        pending = np.fromiter((r[0] for r in self.con.execute("SELECT vid FROM vectors WHERE vid >= ?", (next_vid,))), dtype=np.int64)
        pending = pending[pending < len(mm)]
        if len(pending):  # committed after the published index: search them exactly
            sims = mm[pending] @ v
            cand += list(zip(pending.tolist(), sims.tolist(), strict=True))
        row_of = self._rows_of([c[0] for c in cand])
        ok = filt.check({r for r, _ in row_of.values()}) if filt is not None else None
        hits: dict[int, float] = {}
        for vid, sim in cand:
            row, what = row_of.get(vid, (None, ""))
            if row is not None and (ok is None or row in ok):
                sim *= VECTOR_WEIGHT.get(what, 1.0)
                if sim > hits.get(row, -9.0):
                    hits[row] = sim
        if filt is not None and len(hits) < top:
            sub = filt.vids()
            if sub is not None:
                return self._exact(v, sub, mm, k)
        return sorted(hits.items(), key=lambda t: -t[1])

    def _exact(self, v: np.ndarray, vids: np.ndarray, mm: np.ndarray, k: int) -> list[tuple[int, float]]:
        vids = vids[vids < len(mm)]
        if not len(vids):
            return []
        sims = np.asarray(mm[vids] @ v)
        order = np.argsort(-sims)[: k * 3]
        row_of = self._rows_of(vids[order].tolist())
        hits: dict[int, float] = {}
        for j in order:
            row, what = row_of.get(int(vids[j]), (None, ""))
            if row is not None:
                sim = float(sims[j]) * VECTOR_WEIGHT.get(what, 1.0)
                if sim > hits.get(row, -9.0):
                    hits[row] = sim
        return sorted(hits.items(), key=lambda t: -t[1])

    def _rows_of(self, vids: list[int]) -> dict[int, tuple[int, str]]:
        """vid -> (clause row, what the vector embeds) for vids still in the store."""
        out: dict[int, tuple[int, str]] = {}
        for i in range(0, len(vids), 900):
            part = vids[i : i + 900]
            q = f"SELECT vid, clause_row, what FROM vectors WHERE vid IN ({','.join('?' * len(part))})"
            out.update((r[0], (r[1], r[2])) for r in self.con.execute(q, part))
        return out

    def _lex(self, query: str, top: int, filt: _Filter | None) -> list[tuple[int, float]]:
        """Ranked (clause row, BM25 score); with a filter, checked in SQL, else masked when too few survive.

        A hit must share a word with the query, not only numbers: a Chinese query against
        English clauses would otherwise promote clauses that merely repeat its figures.
        """
        bm = self._lexical()
        if bm is None:
            return []
        rows = self._bm25_rows
        toks = lexical.tokenize(query, vocab=getattr(bm, "vocab_dict", None))
        words = {t for t in toks if any(ch.isalpha() for ch in t)}
        k = top * 4 + 20
        hits = lexical.bm25_search(bm, toks, k if filt is None else k * 20)
        live = self._worded_rows([int(rows[i]) for i, _ in hits], words)
        out = [(int(rows[i]), s) for i, s in hits if int(rows[i]) in live]
        if filt is None:
            return out
        ok = filt.check({r for r, _ in out})
        out = [(r, s) for r, s in out if r in ok]
        if len(out) < top and len(hits) >= k * 20:
            mask = filt.mask(rows)
            if not mask.any():
                return []
            hits = lexical.bm25_search(bm, toks, k, mask)
            ok = filt.check({int(rows[i]) for i, _ in hits}) & self._worded_rows([int(rows[i]) for i, _ in hits], words)
            out = [(int(rows[i]), s) for i, s in hits if int(rows[i]) in ok]
        return out

    def _worded_rows(self, rows: list[int], words: set[str]) -> set[int]:
        """The rows still in the store whose tokens include one of `words`."""
        if not rows or not words:
            return set()
        q = f"SELECT row, tokens FROM clauses WHERE row IN ({','.join('?' * len(rows))})"
        return {r[0] for r in self.con.execute(q, rows) if words & set((r[1] or "").split())}

    def _fuse(self, query: str, dense: list[tuple[int, float]], lex: list[tuple[int, float]], top: int) -> list[dict[str, Any]]:
        """Reciprocal rank fusion (k=60) of the two rankings; returns result dicts."""
        score: dict[int, float] = {}
        for rank, (row, _) in enumerate(dense):
            score[row] = score.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
        for rank, (row, _) in enumerate(lex):
            score[row] = score.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(score, key=lambda r: -score[r])[:top]
        if not best:
            return []
        dmap, lmap = dict(dense), dict(lex)
        q = ("SELECT c.*, d.source, d.title FROM clauses c JOIN documents d ON d.pk = c.doc_pk"
             f" WHERE c.row IN ({','.join('?' * len(best))})")
        info = {r["row"]: r for r in self.con.execute(q, best)}
        qtok = set(lexical.tokenize(query, vocab=getattr(self._bm25, "vocab_dict", None) or {}))
        out = []
        for row in best:
            r = info.get(row)
            if r is None:
                continue
            out.append({
                "doc": r["doc_id"], "clause": r["number"], "heading": r["heading"] or "", "text": r["text"] or "",
                "lang": r["lang"], "score": round(score[row], 6), "kind": r["kind"], "family": r["family"],
                "clause_id": r["clause_id"], "page": r["page"], "source": r["source"], "title": r["title"],
                "dense": None if row not in dmap else round(dmap[row], 4),
                "bm25": None if row not in lmap else round(lmap[row], 4),
                "match": snippet(r["text"] or r["heading"] or "", qtok),
            })
        return out

    # -- documents ------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        """Every indexed document: id, source, title, lang, family, clause count."""
        q = "SELECT doc_id, source, title, lang, family, format, n_clauses, sha256 FROM documents ORDER BY doc_id"
        return [dict(r) for r in self.con.execute(q)]

    def load_document(self, ref: str):
        """The full parsed Document stored for an id or source path (None if absent)."""
        from zmdocs.model import Document

        r = self.con.execute("SELECT json FROM documents WHERE doc_id = ? OR source = ? ORDER BY indexed_at DESC LIMIT 1",
                             (ref, ref)).fetchone()
        return Document.from_dict(__import__("json").loads(r[0])) if r else None

    def close(self) -> None:
        self.con.close()


class _Filter:
    """A clause filter (SQL over `clauses c`) with lazily computed, per-call cached row/vid sets."""

    def __init__(self, store: Store, where: str, args: list[Any]) -> None:
        self.store, self.where, self.args = store, where, args
        self._rows: np.ndarray | None = None
        self._vids: np.ndarray | None = None
        self._vids_done = False

    def check(self, rows: set[int]) -> set[int]:
        """The rows among `rows` that pass the filter."""
        rows = list(rows)
        ok: set[int] = set()
        for i in range(0, len(rows), 900):
            part = rows[i : i + 900]
            q = f"SELECT c.row FROM clauses c WHERE c.row IN ({','.join('?' * len(part))}) AND {self.where}"
            ok.update(r[0] for r in self.store.con.execute(q, [*part, *self.args]))
        return ok

    def rows(self) -> np.ndarray:
        if self._rows is None:
            q = f"SELECT c.row FROM clauses c WHERE {self.where} ORDER BY c.row"
            self._rows = np.fromiter((r[0] for r in self.store.con.execute(q, self.args)), dtype=np.int64)
        return self._rows

    def mask(self, corpus_rows: np.ndarray) -> np.ndarray:
        return np.isin(corpus_rows, self.rows()).astype(np.float32)

    def vids(self) -> np.ndarray | None:
        """Vector ids of the filtered clauses, or None when too many to scan exactly."""
        if not self._vids_done:
            self._vids_done = True
            q = f"SELECT count(*) FROM clauses c WHERE {self.where}"
            if self.store.con.execute(q, self.args).fetchone()[0] <= EXACT_SUBSET_MAX:
                q = f"SELECT v.vid FROM vectors v JOIN clauses c ON c.row = v.clause_row WHERE {self.where} ORDER BY v.vid"
                self._vids = np.fromiter((r[0] for r in self.store.con.execute(q, self.args)), dtype=np.int64)
        return self._vids


def snippet(text: str, qtok: set[str], width: int = 160) -> str:
    """The part of `text` around the first query token it contains (or its start)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= width:
        return text
    low = text.lower()
    pos = min((low.find(t) for t in qtok if len(t) > 1 and low.find(t) >= 0), default=-1)
    if pos < 0:
        return text[: width - 1] + "…"
    start = max(0, pos - width // 3)
    s = text[start : start + width]
    return ("…" if start else "") + s + ("…" if start + width < len(text) else "")


def open_store(store_dir: str | Path, model: str | None = None) -> Store:
    """Open a store for searching; a model other than the store's is a ModelError naming both."""
    return Store(require_store(store_dir), model=model)
