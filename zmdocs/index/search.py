"""Reading a store: language-aware hybrid clause search (dense + BM25 per language, see `fusion`).

Opening is cheap: SQLite is opened read-only, the BM25 matrices are memory-mapped, flat
stores are scanned in numpy over the memory-mapped vectors (larger ones through the FAISS
index), and only the query embedder is loaded. Vectors committed after the published
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
from zmdocs.index import context, crossterms, faissidx, fusion, lexical, mined, sections
from zmdocs.index.store import (
    DB_NAME,
    check_model,
    check_schema,
    check_vectors,
    connect,
    meta_get,
    open_generation,
    read_manifest,
    require_store,
    vectors_memmap,
    vectors_needed,
)

log = logging.getLogger(__name__)

# A clause's dense score is its best vector's cosine times this weight: a bare heading is
# weaker evidence than the clause text (short queries still reach a clause through it).
VECTOR_WEIGHT = context.VECTOR_WEIGHT  # defined beside the context scorer, which weighs clause vectors the same way
EXACT_SUBSET_MAX = 200_000  # filtered searches scan the subset exactly up to this many vectors
# flat stores up to this many vectors are searched in numpy (faster than FAISS there, and a
# cold query need not import it); bigger or IVF stores use the published FAISS index
NUMPY_MAX = int(os.environ.get("ZMDOCS_NUMPY_MAX", "200000"))

HEADING_FIRST = os.environ.get("ZMDOCS_XLEX_HEADING", "1") == "1"
TITLE_CONTEXT = os.environ.get("ZMDOCS_XLEX_TITLE", "1") == "1"
MINED_TERMS = os.environ.get("ZMDOCS_MINED_TERMS", "1") == "1"  # the store's bilingual term names beside the glossary
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
        self._langs: list[str] | None = None
        self._dead: np.ndarray | None = None
        self._qtok: tuple[str, list[str]] | None = None  # (last query, its tokens)
        self._groups: dict[int, tuple[str, ...]] = {}  # document pk -> keys of its numbering groups
        self._title_terms: dict[int, tuple[str, frozenset[str]]] | None = None
        # map the published generation now (cheap: mmap), so a writer publishing a newer one
        # and deleting these files later does not change what this reader sees
        self.manifest, self._index, self._bm25, self._bm25_rows = open_generation(
            path, self.dim, load_faiss=lambda fa: not (fa.get("type") == "flat" and int(fa.get("ntotal", NUMPY_MAX + 1)) <= NUMPY_MAX))
        check_vectors(path, self.dim, vectors_needed(self.con))

    # -- lazy parts -----------------------------------------------------------
    def _faiss(self):
        fa = self.manifest.get("faiss")
        if fa and fa.get("type") == "flat" and int(fa.get("ntotal", NUMPY_MAX + 1)) <= NUMPY_MAX:
            return None  # exact search in numpy over the memory-mapped vectors: no FAISS import
        if self._index is None and fa and (self.path / fa["file"]).exists():
            self._index = faissidx.load(self.path / fa["file"], fa)
        return self._index

    def _lexical(self):
        bm = self.manifest.get("bm25")
        if self._bm25 is None and bm and (self.path / bm["dir"]).exists():
            self._bm25 = lexical.load_bm25(self.path / bm["dir"])
            self._bm25_rows = np.asarray(np.load(self.path / bm["dir"] / "rows.npy", mmap_mode="r")).view(np.ndarray)
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
            from zmdocs.text.stdnum import normalize_id

            where.append("(c.doc_id = ? OR c.doc_id = ? OR c.doc_pk IN (SELECT pk FROM documents WHERE source = ?))")
            args += [doc, normalize_id(doc), str(Path(doc).expanduser().resolve())]
        if kind:
            k = KIND_ALIASES.get(kind.lower(), kind.lower())
            where.append("(c.kind = ? OR c.kind LIKE ?)")
            args += [k, k + "%"]
        return " AND ".join(where), args

    # -- search ---------------------------------------------------------------
    def search(self, query: str, top: int = 10, lang=None, family=None, doc=None, kind=None,
               per_lang: int | None = None) -> list[dict[str, Any]]:
        """Top clauses for one query (see `search_many`)."""
        return self.search_many([query], top=top, lang=lang, family=family, doc=doc, kind=kind, per_lang=per_lang)[0]

    def search_many(self, queries: Sequence[str], top: int = 10, per_lang: int | None = None,
                    **filters: Any) -> list[list[dict[str, Any]]]:
        """Language-aware hybrid search for several queries: one list of result dicts per query, best first.

        Each language of the store is ranked on its own (dense cosine and BM25 fused by reciprocal
        rank), so one language's many near matches cannot bury another's counterparts; the
        languages are then merged by that within-language score, a language whose best cosine
        falls far below the best one being damped (see `fusion`). `per_lang=K` returns the best
        K of every language instead of the overall top.
        """
        queries = list(queries)
        if not queries:
            return []
        top = max(1, int(top))
        qv = self.embedder.encode(queries)
        if qv.shape[1] != self.dim:
            raise StoreError(f"{self.path}: query vectors are {qv.shape[1]}-d, the store holds {self.dim}-d")
        base = {k: filters.get(k) for k in ("lang", "family", "doc", "kind")}
        langs = [base["lang"].lower().split("-")[0]] if base["lang"] else self.languages()
        return [self._one(q, v, langs, base, top, per_lang) for q, v in zip(queries, qv, strict=True)]

    def _one(self, q: str, v: np.ndarray, langs: list[str], base: dict[str, Any], top: int,
             per_lang: int | None) -> list[dict[str, Any]]:
        """One query: dense and BM25 rankings per language, fused (see `fusion.merge`)."""
        need = max(top, per_lang or 0)
        base_filt = self._filter(base)
        dense = self._by_lang(self._dense(v, need * 20, base_filt), langs)
        lex = self._by_lang(self._lex(q, need * 4, base_filt), langs)
        for lg in langs:  # a language the over-fetch missed: ranked on its own rows
            if len(langs) > 1 and (len(dense[lg]) < need or len(lex[lg]) < need):
                filt = self._filter({**base, "lang": lg})
                dense[lg] = dense[lg] if len(dense[lg]) >= need else self._dense(v, need, filt)
                lex[lg] = lex[lg] if len(lex[lg]) >= need else self._lex(q, need, filt)
            dense[lg], lex[lg] = dense[lg][: need * 4 + 20], lex[lg][: need * 4 + 20]
        weights = lexical.script_weights(q, langs)
        dense = context.rerank(self, v, dense)
        xlex = self._xlex(q, langs, base, need)
        # over-fetch: hits of a second copy of one file are dropped in `_results`
        hits = fusion.merge(dense, lex, top=top * 4, per_lang=per_lang, echo=self._echo_for(dense, lex, base_filt),
                            lex_weight=weights, xlex=xlex)
        if fusion.TERMS_DAMP < 1.0 and not crossterms.asks_definition(q):
            hits = fusion.damp_kind(hits, self._clause_column([h.row for h in hits], "kind"), "terms", fusion.TERMS_DAMP)
        out = self._results(q, hits)
        if per_lang:
            return out
        # the quota of the query's own languages, over the hits left once copies are dropped (`fusion.quota`)
        own = {lg for lg, w in weights.items() if w >= 0.5}
        return [out[i] for i in fusion.quota([r["lang"] for r in out], [r["score"] for r in out], top, own)]

    def _xlex(self, q: str, langs: list[str], base: dict[str, Any], need: int) -> dict[str, list[tuple[int, float]]]:
        """Per language, the BM25 ranking of the query's terms said in that language (see `crossterms`);
        for a query asking a definition, clauses headed by one of those names first (the term's entry)."""
        if fusion.XLEX <= 0 or self._lexical() is None:
            return {}
        vocab = getattr(self._lexical(), "vocab_dict", None) or {}
        out = {}
        for lg, terms in crossterms.translated_terms(q, langs, self._term_lists()).items():
            names = list(dict.fromkeys(n for ns in terms.values() for n in ns))
            toks = crossterms.name_tokens(names, lg, vocab)
            ranked = self._lex(q, need, self._filter({**base, "lang": lg}), toks=toks) if toks else []
            if TITLE_CONTEXT:
                ranked = _best_of(ranked, self._title_context(q, lg, terms, base, need, vocab))
            ranked = _best_of(ranked, sections.ranking(self, lg, terms, base, vocab, need))  # a section's heading as context
            if ranked and HEADING_FIRST and crossterms.asks_definition(q):
                heads = self._headings([r for r, _ in ranked])
                ranked.sort(key=lambda t: not crossterms.names_heading(heads.get(t[0], ""), names))
            out[lg] = ranked[: need * 4 + 20]  # empty: the terms said in `lg` found nothing there (`fusion.EMPTY_XLEX`)
        return out

    def _term_lists(self) -> tuple[crossterms.TermList, ...]:
        """The term lists of the cross-lingual channel: the glossary and the store's own bilingual names (`mined`)."""
        return (crossterms.glossary_terms(), mined.store_terms(self)) if MINED_TERMS else (crossterms.glossary_terms(),)

    def _title_context(self, q: str, lg: str, terms: dict[str, list[str]], base: dict[str, Any], need: int,
                       vocab: Any) -> list[tuple[int, float]]:
        """BM25 of the query's other terms over the clauses of documents whose title names one of its
        terms: such a document's clauses are about that subject without naming it."""
        groups: dict[frozenset[str], list[int]] = {}
        for pk, (dlang, entries) in self._titles().items():
            named = entries & terms.keys()
            if named and dlang == lg.lower().split("-")[0] and named != terms.keys():
                groups.setdefault(frozenset(named), []).append(pk)
        out: list[tuple[int, float]] = []
        for named, pks in groups.items():
            rest = [n for e, ns in terms.items() if e not in named for n in ns]
            toks = crossterms.name_tokens(rest, lg, vocab)
            if toks:
                where, args = self._filter_sql(**{**base, "lang": lg})
                where = " AND ".join(filter(None, [where, f"c.doc_pk IN ({','.join('?' * len(pks))})"]))
                out = _best_of(out, self._lex(q, need, _Filter(self, where, [*args, *pks]), toks=toks))
        return out

    def _titles(self) -> dict[int, tuple[str, frozenset[str]]]:
        """Document pk -> (language, glossary entries its title names), cached per Store."""
        if self._title_terms is None:
            rows = self.con.execute("SELECT pk, lang, title FROM documents")
            self._title_terms = {r[0]: ((r[1] or "").lower().split("-")[0], crossterms.title_entries(r[2] or "", self._term_lists()))
                                 for r in rows}
        return self._title_terms

    def _headings(self, rows: list[int]) -> dict[int, str]:
        return self._clause_column(rows, "heading")

    def _clause_column(self, rows: list[int], column: str) -> dict[int, str]:
        """Row -> one text column of the clauses table, read in chunks under SQLite's parameter limit."""
        assert column in ("heading", "lang", "kind")
        out: dict[int, str] = {}
        for i in range(0, len(rows), 900):
            part = rows[i : i + 900]
            q = f"SELECT row, {column} FROM clauses WHERE row IN ({','.join('?' * len(part))})"
            out.update((r[0], r[1] or "") for r in self.con.execute(q, part))
        return out

    def _echo_for(self, dense: dict[str, list[tuple[int, float]]], lex: dict[str, list[tuple[int, float]]],
                  filt: _Filter | None = None):
        """The counterparts function of one query for `fusion.merge`: clauses with the same number in
        the other members of a numbering group among the documents the query's candidates come from,
        in the languages searched and passing the query's filter."""
        langs = set(dense) | set(lex)
        cand = {r for d in (dense, lex) for ranking in d.values() for r, _ in ranking}
        docs = self._docs_of(list(cand))
        groups: dict[str, set[int]] = {}
        for pk in sorted(set(docs.values())):
            for key in self._groups_of(pk):
                groups.setdefault(key, set()).add(pk)
        member_of: dict[int, set[int]] = {}
        for m in groups.values():
            for pk in m if len(m) > 1 else ():
                member_of.setdefault(pk, set()).update(m - {pk})
        if not member_of:
            return None

        def counterparts(rows: list[int]) -> dict[int, list[tuple[int, str]]]:
            out: dict[int, list[tuple[int, str]]] = {}
            q = "SELECT row, doc_pk, number FROM clauses WHERE row = ?"
            for row in rows:
                r = self.con.execute(q, (row,)).fetchone()
                others = sorted(member_of.get(r[1], ())) if r and r[2] else []
                if others:
                    q2 = f"SELECT row, lang FROM clauses WHERE number = ? AND doc_pk IN ({','.join('?' * len(others))})"
                    found = [(x[0], x[1] or "") for x in self.con.execute(q2, [r[2], *others]) if (x[1] or "") in langs]
                    ok = filt.check({x for x, _ in found}) if filt is not None and found else None
                    out[row] = [x for x in found if ok is None or x[0] in ok]
            return out

        return counterparts

    def _docs_of(self, rows: list[int]) -> dict[int, int]:
        out: dict[int, int] = {}
        for i in range(0, len(rows), 900):
            part = rows[i : i + 900]
            q = f"SELECT row, doc_pk FROM clauses WHERE row IN ({','.join('?' * len(part))})"
            out.update((r[0], r[1]) for r in self.con.execute(q, part))
        return out

    def _groups_of(self, pk: int) -> tuple[str, ...]:
        """Keys of the groups whose members share their clause numbering (cached per document).

        The standard a document adopts (IDT or MOD), else its own id; and its family and title,
        which its drafts and editions share (a draft's number is a placeholder).
        """
        if pk not in self._groups:
            q = ("SELECT doc_id, family, title, json_extract(json, '$.adoption.relation'),"
                 " json_extract(json, '$.adoption.standard') FROM documents WHERE pk = ?")
            r = self.con.execute(q, (pk,)).fetchone()
            if r is None:
                return ()
            ident = r[4] if str(r[3] or "").upper() in ("IDT", "MOD") and r[4] else r[0] or ""
            keys = ["id:" + re.sub(r"[\s\u2010-\u2015\-:/]+", "", ident.upper())]
            title = (r[2] or "").lower()
            # a real title, not a parse's stray cover word: 4+ CJK characters or 3+ Latin words
            if len(lexical.CJK_CHAR.findall(title)) >= 4 or len(re.findall(r"[a-zà-öø-ÿß]{2,}", title)) >= 3:
                keys.append(f"title:{r[1] or ''}:" + re.sub(r"\W+", "", title))
            self._groups[pk] = tuple(keys)
        return self._groups[pk]

    def _by_lang(self, ranked: list[tuple[int, float]], langs: list[str]) -> dict[str, list[tuple[int, float]]]:
        """Split a ranking by clause language (order kept)."""
        out: dict[str, list[tuple[int, float]]] = {lg: [] for lg in langs}
        lang_of = self._lang_of([r for r, _ in ranked])
        for r, x in ranked:
            lg = lang_of.get(r)
            if lg in out:
                out[lg].append((r, x))
        return out

    def _lang_of(self, rows: list[int]) -> dict[int, str]:
        return self._clause_column(rows, "lang")

    def languages(self) -> list[str]:
        """The clause languages in the store (cached per Store)."""
        if self._langs is None:
            self._langs = [r[0] for r in self.con.execute("SELECT DISTINCT lang FROM clauses") if r[0]] or [""]
        return self._langs

    def _filter(self, filters: dict[str, Any]) -> _Filter | None:
        where, args = self._filter_sql(**filters)
        if not where:
            return None
        key = (where, tuple(args))  # cached per store: repeated filtered queries reuse the row set
        filt = self._filters.get(key) or self._filters.setdefault(key, _Filter(self, where, args))
        if len(self._filters) > 32:
            self._filters.pop(next(iter(self._filters)))
        return filt

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
        if index is None and next_vid and len(mm):  # a flat store: exact scan of the published vectors
            cand += self._scan(v, mm[: min(next_vid, len(mm))], k if filt is None else k * 20)
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

    def _scan(self, v: np.ndarray, mm: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Top-k (vid, cosine) over the first rows of the vectors file, deleted vectors left out."""
        sims = np.asarray(mm @ v, dtype=np.float32)
        if self._dead is None:  # vectors of deleted or replaced documents stay in the file
            live = self.con.execute("SELECT count(*) FROM vectors WHERE vid < ?", (len(sims),)).fetchone()[0]
            self._dead = np.zeros(0, dtype=np.int64)
            if live < len(sims):
                keep = np.zeros(len(sims), dtype=bool)
                keep[np.fromiter((r[0] for r in self.con.execute("SELECT vid FROM vectors WHERE vid < ?", (len(sims),))),
                                 dtype=np.int64)] = True
                self._dead = np.flatnonzero(~keep)
        sims[self._dead] = -9.0
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(int(i), float(sims[i])) for i in top if sims[i] > -9.0]

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

    def _lex(self, query: str, top: int, filt: _Filter | None, toks: list[str] | None = None) -> list[tuple[int, float]]:
        """Ranked (clause row, BM25 score); with a filter, checked in SQL, else masked when too few survive.
        `toks`: search these tokens instead of the query's own.

        A hit must share a word with the query, not only numbers: a Chinese query against
        English clauses would otherwise promote clauses that merely repeat its figures.
        """
        bm = self._lexical()
        if bm is None:
            return []
        rows = self._bm25_rows
        toks = self._query_tokens(query) if toks is None else toks
        worded = lexical.postings(bm, [t for t in toks if any(ch.isalpha() for ch in t)])
        if not worded:
            return []
        k = top * 4 + 20
        hits = [(i, x) for i, x in lexical.bm25_search(bm, toks, k if filt is None else k * 20) if i in worded]
        live = self._live_rows([int(rows[i]) for i, _ in hits])
        out = [(int(rows[i]), x) for i, x in hits if int(rows[i]) in live]
        if filt is None:
            return out
        ok = filt.check({r for r, _ in out})
        out = [(r, x) for r, x in out if r in ok]
        if len(out) < top and len(hits) >= k * 20:
            mask = filt.mask(rows)
            if not mask.any():
                return []
            hits = [(i, x) for i, x in lexical.bm25_search(bm, toks, k, mask) if i in worded]
            ok = filt.check({int(rows[i]) for i, _ in hits}) & self._live_rows([int(rows[i]) for i, _ in hits])
            out = [(int(rows[i]), x) for i, x in hits if int(rows[i]) in ok]
        return out

    def _query_tokens(self, query: str) -> list[str]:
        """The query's BM25 tokens, cut once per query (the lexical side asks once per language)."""
        if self._qtok is None or self._qtok[0] != query:
            bm = self._lexical()
            self._qtok = (query, lexical.query_tokens(query, vocab=getattr(bm, "vocab_dict", None) or {}))
        return list(self._qtok[1])

    def _live_rows(self, rows: list[int]) -> set[int]:
        """The rows still in the store (a document deleted after the published BM25 index)."""
        out: set[int] = set()
        for i in range(0, len(rows), 900):
            part = rows[i : i + 900]
            q = f"SELECT row FROM clauses WHERE row IN ({','.join('?' * len(part))})"
            out.update(r[0] for r in self.con.execute(q, part))
        return out

    def _results(self, query: str, ranked: list[fusion.Hit], top: int | None = None) -> list[dict[str, Any]]:
        """Result dicts for fused hits: standard, clause, heading first; one `score`; a snippet.

        A file indexed from two places (a copied folder) holds the same clauses twice: only the
        first hit of each (file content, clause) is kept, so copies never fill the top.
        """
        if not ranked:
            return []
        rows = [h.row for h in ranked]
        q = ("SELECT c.*, d.source, d.title, d.sha256 FROM clauses c JOIN documents d ON d.pk = c.doc_pk"
             f" WHERE c.row IN ({','.join('?' * len(rows))})")
        info = {r["row"]: r for r in self.con.execute(q, rows)}
        qtok = set(self._query_tokens(query))
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for h in ranked:
            r = info.get(h.row)
            if r is None:
                continue
            same = (r["sha256"] or r["source"], r["clause_id"] or "", r["number"] or "")
            if same in seen:
                continue
            seen.add(same)
            if top is not None and len(out) >= top:
                break
            out.append({
                "doc": r["doc_id"], "clause": r["number"], "heading": r["heading"] or "",
                "score": round(h.score, 4), "lang": r["lang"],
                "match": snippet(r["text"] or r["heading"] or "", qtok), "text": r["text"] or "",
                "kind": r["kind"], "family": r["family"], "clause_id": r["clause_id"], "page": r["page"],
                "source": r["source"], "title": r["title"],
                "signals": {"cosine": None if h.cosine is None else round(h.cosine, 4),
                            "bm25": None if h.bm25 is None else round(h.bm25, 4),
                            "rank_in_lang": h.rank},
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


def _best_of(a: list[tuple[int, float]], b: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Two BM25 rankings as one: each scaled to its best score, a row keeping its higher share
    (ties: a row both rankings found first)."""
    if not a or not b:
        return a or b
    best: dict[int, float] = {}
    total: dict[int, float] = {}
    for ranking in (a, b):
        top = ranking[0][1] or 1.0
        for row, x in ranking:
            best[row] = max(best.get(row, 0.0), x / top)
            total[row] = total.get(row, 0.0) + x / top
    return sorted(best.items(), key=lambda t: (-t[1], -total[t[0]]))


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
