"""Writing a store: one document per SQLite transaction, then publishing FAISS + BM25 by manifest.

`Writer` holds the write lock; `add_document` embeds first, appends the vectors (fsynced) and
then commits every row of the document at once; `finalize` rebuilds the derived indexes under a
new generation name and replaces `manifest.json` last (see `zmdocs.index.store`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from zmdocs.index import faissidx, lexical
from zmdocs.index.store import (
    DB_NAME,
    MANIFEST,
    SOURCES,
    STORE_SCHEMA_VERSION,
    VECTORS,
    StoreDamaged,
    WriteLock,
    check_vectors,
    crash_point,
    format_upgraded,
    fsync_dir,
    init_store,
    meta_get,
    meta_set,
    open_format_upgrade,
    read_manifest,
    vectors_memmap,
    vectors_needed,
    write_json_atomic,
)
from zmdocs.model import Document
from zmdocs.text.clausenum import CLAUSE_NO
from zmdocs.text.lang import cjk_ratio, clause_lang
from zmdocs.text.sentences import CHUNK_SPLIT

log = logging.getLogger(__name__)

CHUNK_CHARS = 500
# What gets a vector besides the clause itself (each points at its clause; results are per clause).
# (A grandparent > parent > heading "path" vector was measured on 2026-12-02 and not kept: on the judged
# queries the tune half fell, 0.731 -> 0.687-0.716, for 800-1,200 more vectors; held out 0.758 -> 0.758-0.773.)
VECTOR_KINDS = frozenset(os.environ.get("ZMDOCS_INDEX_VECTORS", "heading,provision,table-row,indicator").split(","))


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split a long text at sentence ends into pieces of about `size` characters."""
    if len(text) <= size * 1.2:
        return [text]
    out, cur = [], ""
    for sent in CHUNK_SPLIT.split(text):
        if cur and len(cur) + len(sent) > size:
            out.append(cur)
            cur = ""
        cur = f"{cur} {sent}".strip() if cur and not cjk_ratio(sent) > 0.3 else cur + sent
        while len(cur) > size * 1.5:
            out.append(cur[:size])
            cur = cur[size:]
    if cur.strip():
        out.append(cur)
    return out


def doc_records(doc: Document) -> dict[str, Any]:
    """Flatten a prepared Document into clause rows and the texts to embed (each pointing at a clause index)."""
    from zmdocs.text.stdnum import family_of

    family = doc.family or family_of(doc.id or doc.number)
    index_of = {c.id: i for i, c in enumerate(doc.clauses)}
    row_tables = _row_clause_tables(doc)
    extra = _table_lines(doc, index_of, row_tables)
    clauses: list[dict[str, Any]] = []
    vec: list[tuple[int, str, str]] = []
    by_id = {c.id: c for c in doc.clauses}
    # text of tables turned into row clauses is not repeated in the clause that holds them
    row_cells: dict[str, set[str]] = {}
    for t, _ in row_tables.values():
        row_cells.setdefault(t.clause or "", set()).update(x.strip() for r in t.rows for x in r if x.strip())
    for i, c in enumerate(doc.clauses):
        _clause_record(doc, i, c, by_id, row_cells, extra.get(i, []), family, clauses, vec)
    for t, col in row_tables.values():
        _row_table_records(doc, t, col, index_of, family, clauses, vec)
    for ind in doc.indicators:
        ci = index_of.get(ind.clause or "")
        if ci is not None and ind.text and "indicator" in VECTOR_KINDS and ind.clause not in row_cells:
            vec_text = ind.text if ind.parameter in ind.text else f"{ind.parameter}: {ind.text}"
            if not any(v[0] == ci and v[2] == vec_text for v in vec):
                vec.append((ci, "indicator", vec_text))
    return {"family": family, "clauses": clauses, "vectors": vec}


def _table_lines(doc: Document, index_of: dict[str, int], row_tables: dict[int, Any]) -> dict[int, list[str]]:
    """Clause index -> one searchable line per body row of the tables it holds (row-clause tables excepted)."""
    extra: dict[int, list[str]] = {}
    for t in doc.tables:
        ci = index_of.get(t.clause or "", 0 if doc.clauses else None)
        if ci is None or id(t) in row_tables:
            continue
        head = " | ".join(c for c in (t.rows[0] if t.rows else []) if c)
        for row in t.body[:300]:
            cells = " | ".join(c for c in row if c)
            if cells:
                extra.setdefault(ci, []).append(f"{t.number} {t.caption} {head} :: {cells}".strip())
    return extra


# BM25 context of a clause with a short or no heading: its ancestors' headings up to the first one that
# is not short ("6.3.2 Number" under "6.3 Front fog lamp"; "6.3.4.1" under "6.3.4 Position" under 6.3)
SHORT_HEADING = {"latin": 12, "cjk": 5}
CONTEXT_DEPTH = int(os.environ.get("ZMDOCS_BM25_CONTEXT_DEPTH", "2"))


def _short(heading: str) -> bool:
    return len(heading or "") < SHORT_HEADING["cjk" if cjk_ratio(heading or "") > 0.5 else "latin"]


def _heading_context(c: Any, by_id: dict[str, Any]) -> str:
    """The headings of `c`'s ancestors that name its subject, for BM25 (none when its own heading does)."""
    out: list[str] = []
    node = c
    while node is not None and _short(node.heading) and len(out) < CONTEXT_DEPTH:
        node = by_id.get(node.parent or "")
        if node is not None and node.heading and (node is not by_id.get(c.parent or "") or c.heading):
            out.append(node.heading)  # (a clause without a heading has its parent's in `body` already)
    return " ".join(reversed(out))


def _clause_record(doc: Document, i: int, c: Any, by_id: dict[str, Any], row_cells: dict[str, set[str]],
                   table_lines: list[str], family: str, clauses: list, vec: list) -> None:
    """Append clause `c`'s row and its texts to embed (chunks, heading, provisions, table rows)."""
    parent = by_id.get(c.parent or "")
    context = parent.heading if parent is not None and parent.heading else ""
    text = c.text
    if c.id in row_cells:
        text = "\n".join(ln for ln in text.split("\n") if ln.strip() not in row_cells[c.id])
    # a clause without a heading ("4.2.1 与水接触的…") borrows its parent's heading as context
    body = f"{c.heading or context} {text}".strip()
    lang = clause_lang(text or c.heading, doc.lang)
    tokens = lexical.tokenize(" ".join([_heading_context(c, by_id), body, *table_lines]), lang=lang)
    clauses.append({
        "clause_id": c.id, "number": c.number, "heading": c.heading, "text": text, "kind": c.kind,
        "lang": lang, "family": family, "page": c.page, "parent": c.parent, "tokens": " ".join(tokens),
    })
    seen: set[str] = set()

    def add(what: str, text: str) -> None:
        text = text.strip()
        if text and text not in seen and (what == "clause" or what in VECTOR_KINDS):
            seen.add(text)
            vec.append((i, what, text))

    head = c.heading or context
    for part in chunks(body) if body else [c.number]:
        add("clause", part if part.startswith(head) else f"{head} {part}")
    if c.heading and text:  # short queries match headings best ("溢水试验" ~ "Spillage test")
        add("heading", f"{context} {c.heading}".strip() if context and len(c.heading) < 12 else c.heading)
    if len(c.provisions) > 1 and c.id not in row_cells:
        for p in c.provisions:
            if len(p.text) >= 8:
                add("provision", p.text)
    for line in table_lines:
        add("table-row", line)


def _row_table_records(doc: Document, t: Any, col: int, index_of: dict[str, int], family: str,
                       clauses: list, vec: list) -> None:
    """Append one clause row (and its vectors) per numbered row of a table whose rows are clauses."""
    parent = doc.clauses[index_of[t.clause]] if t.clause in index_of else None
    for number, heading, text in _row_clauses(t, col):
        i = len(clauses)
        lang = clause_lang(f"{heading} {text}", doc.lang)
        clauses.append({
            "clause_id": f"{doc.id}#{number}", "number": number, "heading": heading, "text": text,
            "kind": parent.kind if parent is not None else "other", "lang": lang, "family": family,
            "page": t.page, "parent": t.clause, "tokens": " ".join(lexical.tokenize(f"{number} {heading} {text}", lang=lang)),
        })
        vec.append((i, "clause", f"{heading} {text}".strip()))
        if heading and text and "heading" in VECTOR_KINDS:
            vec.append((i, "heading", heading))


def _row_clause_tables(doc: Document) -> dict[int, tuple[Any, int]]:
    """Tables whose rows are clauses (a test report's "Clause | Requirement + Test | Result | Verdict").

    Only for documents whose own clause tree was not found (fewer than 5 numbered clauses):
    then a table column holding mostly clause numbers ("13.2", "19.101", "A.2") makes each
    row a searchable clause of its own, so results point at "13.2", not at the whole body.
    """
    numbered = sum(1 for c in doc.clauses if CLAUSE_NO.match(c.number or ""))
    out: dict[int, tuple[Any, int]] = {}
    if numbered >= 5:
        return out
    for t in doc.tables:
        body = [r for r in t.body if any(c.strip() for c in r)]
        if len(body) < 3:
            continue
        for col in range(min(2, max((len(r) for r in body), default=0))):
            cells = [r[col].strip() if col < len(r) else "" for r in body]
            nums = [c for c in cells if CLAUSE_NO.match(c)]
            if len(nums) >= 3 and len(nums) >= 0.4 * len(body) and any("." in c for c in nums):
                out[id(t)] = (t, col)
                break
    return out


def _row_clauses(t, col: int) -> list[tuple[str, str, str]]:
    """(number, heading, text) per numbered row; unnumbered rows continue the previous one."""
    out: list[list[str]] = []
    for r in t.body:
        cells = [c.strip() for c in r]
        num = cells[col] if col < len(cells) else ""
        rest = [c for j, c in enumerate(cells) if j != col and c]
        rest = [c for k, c in enumerate(rest) if k == 0 or c != rest[k - 1]]  # merged cells repeat their text
        if CLAUSE_NO.match(num):
            out.append([num, rest[0] if rest else "", " | ".join(rest[1:])])
        elif out and rest:
            out[-1][2] = " | ".join(x for x in (out[-1][2], *rest) if x)
    return [(n, h, x) for n, h, x in out]


class Writer:
    """Holds the store's write lock; adds and deletes documents, then publishes the indexes."""

    def __init__(self, store: str | Path, embedder, check: bool = True) -> None:
        self.store = Path(store).expanduser()
        self.embedder = embedder
        self.check = check  # False: `--repair` opens a store whose vectors file it is about to rebuild
        self.lock = None
        self.con = None
        self.dim = 0
        self.stale: set[int] = set()

    def __enter__(self) -> Writer:
        self.store.mkdir(parents=True, exist_ok=True)
        self.lock = WriteLock(self.store).__enter__()
        try:
            dim = self.embedder.dim or self._stored_dim() or self.embedder.encode(["dimension probe"]).shape[1]
            self.con = init_store(self.store, self.embedder.name, int(dim))
            self.dim = int(meta_get(self.con, "dim"))
            self.stale = open_format_upgrade(self.con, self.store)  # documents of an older format: re-read them
            if self.check:
                check_vectors(self.store, self.dim, max(vectors_needed(self.con), int(meta_get(self.con, "next_vid", 0))), sample=8)
            self._trim_vectors()
        except BaseException:
            self.lock.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.con is not None:
            self.con.close()
        self.lock.__exit__()

    def _stored_dim(self) -> int:
        from zmdocs.index.store import connect, is_store

        if not is_store(self.store):
            return 0
        con = connect(self.store / DB_NAME, readonly=True)
        try:
            return int(meta_get(con, "dim", 0) or 0) if meta_get(con, "model") == self.embedder.name else 0
        finally:
            con.close()

    # -- state ---------------------------------------------------------------
    def sources(self) -> dict[str, tuple[int, str, str]]:
        """source path -> (document pk, sha256, doc id) of every indexed file; a document of an older store format
        has no sha256 here, so a run that meets its file re-reads it."""
        return {r["source"]: (r["pk"], "" if r["pk"] in self.stale else r["sha256"], r["doc_id"])
                for r in self.con.execute("SELECT pk, source, sha256, doc_id FROM documents")}

    def _trim_vectors(self) -> None:
        """Cut a torn tail left by a killed run (vectors appended but never committed)."""
        path = self.store / VECTORS
        keep = int(meta_get(self.con, "next_vid", 0)) * self.dim * 4
        if path.exists() and path.stat().st_size > keep:
            with path.open("r+b") as fh:
                fh.truncate(keep)

    def _append_vectors(self, v: np.ndarray) -> int:
        """Append vectors durably; returns the first vid (commit the rows after this)."""
        first = int(meta_get(self.con, "next_vid", 0))
        path = self.store / VECTORS
        with path.open("ab") as fh:
            fh.truncate(first * self.dim * 4)  # drop rows of a document whose commit failed
            fh.write(np.ascontiguousarray(v, dtype=np.float32).tobytes())
            fh.flush()
            os.fsync(fh.fileno())
        return first

    # -- documents -------------------------------------------------------------
    def add_document(self, doc: Document, source: str, sha: str) -> int:
        """Index one prepared document (replacing the one from the same source); returns its clause count.

        The stored JSON keeps `extractor_version`, so `compare --store` can tell stale indicators."""
        rec = doc_records(doc)
        texts = [t for _, _, t in rec["vectors"]]
        v = self.embedder.encode(texts) if texts else np.zeros((0, self.dim), np.float32)
        if len(texts) and v.shape[1] != self.dim:
            raise_model_dim(self.store, self.embedder.name, v.shape[1], self.dim)
        crash_point("embedded")
        first = self._append_vectors(v) if len(texts) else int(meta_get(self.con, "next_vid", 0))
        crash_point("appended")
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            old = con.execute("SELECT pk FROM documents WHERE source=?", (source,)).fetchone()
            if old:
                self._delete_pk(old["pk"])
            cur = con.execute(
                "INSERT INTO documents(doc_id, source, sha256, title, lang, family, format, pages, n_clauses, indexed_at, json)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, source, sha, doc.title, doc.lang, rec["family"], doc.format, doc.pages, len(rec["clauses"]),
                 time.time(), doc.to_json(indent=None)),
            )
            pk = cur.lastrowid
            rows = []
            for c in rec["clauses"]:
                cur = con.execute(
                    "INSERT INTO clauses(doc_pk, doc_id, clause_id, number, heading, text, kind, lang, family, page, parent, tokens)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (pk, doc.id, c["clause_id"], c["number"], c["heading"], c["text"], c["kind"], c["lang"], c["family"],
                     c["page"], c["parent"], c["tokens"]),
                )
                rows.append(cur.lastrowid)
            row_of = {c.id: rows[i] for i, c in enumerate(doc.clauses)}  # row clauses come after these
            con.executemany("INSERT INTO provisions VALUES (?,?,?,?)",
                            [(rows[i], pk, p.text, p.form) for i, c in enumerate(doc.clauses) for p in c.provisions])
            con.executemany("INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?,?)", [
                (row_of.get(ind.clause or ""), pk, ind.parameter, ind.comparator, None if ind.value is None else str(ind.value),
                 ind.unit, ind.key, ind.text, json.dumps(ind.to_dict(), ensure_ascii=False, default=str)) for ind in doc.indicators])
            con.executemany("INSERT INTO terms VALUES (?,?,?,?,?)", [
                (pk, t.number, json.dumps(t.terms, ensure_ascii=False), t.definition, t.clause) for t in doc.terms])
            con.executemany("INSERT INTO vectors VALUES (?,?,?,?)",
                            [(first + j, rows[ci], pk, what) for j, (ci, what, _) in enumerate(rec["vectors"])])
            meta_set(con, "next_vid", first + len(texts))
            meta_set(con, "generation", int(meta_get(con, "generation", 0)) + 1)
            crash_point("commit")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(rec["clauses"])

    def _delete_pk(self, pk: int) -> None:
        con = self.con
        con.execute("INSERT OR IGNORE INTO tombstones SELECT vid FROM vectors WHERE doc_pk=?", (pk,))
        for table in ("vectors", "provisions", "indicators", "terms", "clauses"):
            con.execute(f"DELETE FROM {table} WHERE doc_pk=?", (pk,))
        con.execute("DELETE FROM documents WHERE pk=?", (pk,))
        if pk in self.stale:
            format_upgraded(con, pk)

    def delete(self, pks: list[int]) -> None:
        """Delete documents by primary key in one transaction."""
        if not pks:
            return
        self.con.execute("BEGIN IMMEDIATE")
        try:
            for pk in pks:
                self._delete_pk(pk)
            meta_set(self.con, "generation", int(meta_get(self.con, "generation", 0)) + 1)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- publishing ------------------------------------------------------------
    def finalize(self, force: bool = False) -> dict[str, Any]:
        """Rebuild FAISS and BM25 for the committed state and publish them via the manifest.

        `force` rebuilds even an up-to-date generation, from the raw vectors (an IVF index is
        retrained, not updated).

        The new generation's files get names never used before, are fsynced, and only then does
        the atomic replace of `manifest.json` switch readers to them (see `store.open_generation`).
        """
        con, store = self.con, self.store
        gen = int(meta_get(con, "generation", 0))
        try:
            man = read_manifest(store)
        except StoreDamaged:  # a garbage manifest is rebuilt like a missing one
            man = None
        if man and not force and man.get("generation") == gen and self._files_ok(man):
            return man
        next_vid = int(meta_get(con, "next_vid", 0))
        tag = f"{gen}-{os.urandom(3).hex()}"
        faiss_name, params = self._write_faiss(None if force else man, next_vid, f"faiss-{tag}.index")
        crash_point("faiss")
        rows = [(r["row"], r["tokens"]) for r in con.execute("SELECT row, tokens FROM clauses ORDER BY row")]
        bm25 = self._write_bm25(rows, f"bm25-{tag}") if rows else None
        crash_point("bm25")
        manifest = {
            "format": "zmdocs-store", "schema_version": STORE_SCHEMA_VERSION,
            "model": meta_get(con, "model"), "dim": self.dim, "generation": gen, "next_vid": next_vid,
            "faiss": {"file": faiss_name, **params, "bytes": (store / faiss_name).stat().st_size}, "bm25": bm25,
            "database": DB_NAME, "vectors": VECTORS, "updated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        self._write_sources()
        crash_point("manifest")
        write_json_atomic(store / MANIFEST, manifest)
        con.execute("DELETE FROM tombstones")
        self._cleanup(manifest)
        return manifest

    def _write_faiss(self, man: dict[str, Any] | None, next_vid: int, name: str) -> tuple[str, dict[str, Any]]:
        """Build (or update an IVF index in place) and save the FAISS index under `name`."""
        con, store = self.con, self.store
        vids = np.fromiter((r[0] for r in con.execute("SELECT vid FROM vectors ORDER BY vid")), dtype=np.int64)
        vecs = vectors_memmap(store, self.dim, upto=next_vid)
        prev, prev_params, removed, new = None, None, None, None
        if man and (man.get("faiss") or {}).get("type") == "ivf" and (store / man["faiss"]["file"]).exists():
            try:
                prev = faissidx.load(store / man["faiss"]["file"], man["faiss"], writable=True)
                prev_params = man["faiss"]
                removed = np.fromiter((r[0] for r in con.execute("SELECT vid FROM tombstones")), dtype=np.int64)
                new = vids[vids >= int(man.get("next_vid", 0))]
            except RuntimeError as e:  # a damaged previous index: train a new one
                log.warning("%s: previous FAISS index unreadable (%s); building a new one", store, e)
        index, params = faissidx.build(vecs, vids, self.dim, prev, prev_params, removed, new)
        params = {k: v for k, v in params.items() if k not in ("file", "bytes")}
        faissidx.save(index, store / name)
        return name, params

    def _write_bm25(self, rows: list[tuple[int, str]], name: str) -> dict[str, Any]:
        """Build the BM25 index under a temp name, fsync its files, rename it to `name`."""
        store = self.store
        tmp = store / f".{name}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        lexical.build_bm25([t.split() if t else [] for _, t in rows], tmp)
        np.save(tmp / "rows.npy", np.array([r for r, _ in rows], dtype=np.int64))
        files = {}
        for f in sorted(tmp.iterdir()):
            with f.open("rb+") as fh:
                os.fsync(fh.fileno())
            files[f.name] = f.stat().st_size
        fsync_dir(tmp)
        tmp.rename(store / name)
        fsync_dir(store)
        return {"dir": name, "documents": len(rows), "files": files}

    def _write_sources(self) -> None:
        """Record model and source files outside the database: what `--repair` re-indexes if the database is lost."""
        docs = [{"source": r[0], "sha256": r[1], "doc": r[2]} for r in self.con.execute(
            "SELECT source, sha256, doc_id FROM documents ORDER BY pk")]
        write_json_atomic(self.store / SOURCES, {"model": meta_get(self.con, "model"), "documents": docs})

    def _files_ok(self, man: dict[str, Any]) -> bool:
        """The published files exist with the sizes they were written with (else they are rebuilt)."""
        fa, bm = man.get("faiss") or {}, man.get("bm25") or {}
        if not fa:
            return False
        want: list[tuple[Path, int | None]] = [(self.store / fa["file"], fa.get("bytes"))]
        if bm:
            want.append((self.store / bm["dir"], None))
            want += [(self.store / bm["dir"] / name, size) for name, size in (bm.get("files") or {}).items()]
        return all(p.exists() and (size is None or p.stat().st_size == size) for p, size in want)

    def _cleanup(self, man: dict[str, Any]) -> None:
        """Delete derived files of older generations and temp files of killed runs."""
        keep = {man["faiss"]["file"], (man.get("bm25") or {}).get("dir")}
        for p in self.store.iterdir():
            if (p.name.startswith(("faiss-", "bm25-", ".faiss-", ".bm25-")) and p.name not in keep) or p.name.endswith(".tmp"):
                if p.is_dir():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)


def raise_model_dim(store: Path, model: str, got: int, want: int) -> None:
    from zmdocs.errors import ModelError

    raise ModelError(f"{store}: model '{model}' gives {got}-d vectors but the store holds {want}-d; index into a new store")
