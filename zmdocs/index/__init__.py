"""Corpus index and clause search: `open_store`, `store_info`, `remove_documents` (indexing runs in `zmdocs.app.index_paths`).

A store is a folder: `store.sqlite` (documents, clauses, provisions, indicators, terms, vector
ids, model and dimension), `vectors.f32` (raw float32 vectors, row = vector id), a FAISS index
and a BM25 index of the current generation, and `manifest.json` that publishes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zmdocs.index.search import Store, open_store

__all__ = ["open_store", "store_info", "remove_documents", "Store"]


def store_info(store_dir: str | Path) -> dict[str, Any]:
    """Documents, clause/indicator/vector counts, model, index type and parameters, size on disk."""
    from zmdocs.index.store import (
        DB_NAME,
        check_schema,
        connect,
        dir_size,
        format_version,
        meta_get,
        read_manifest,
        require_store,
    )

    path = require_store(store_dir)
    con = connect(path / DB_NAME, readonly=True)
    try:
        check_schema(con, path)  # a newer schema refused, an older format named in one warning
        man = read_manifest(path) or {}
        counts = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM clauses),"
                             " (SELECT count(*) FROM indicators), (SELECT count(*) FROM vectors),"
                             " (SELECT count(*) FROM terms), (SELECT count(*) FROM provisions)").fetchone()
        docs = [dict(r) for r in con.execute(
            "SELECT doc_id AS id, source, lang, family, format, n_clauses AS clauses FROM documents ORDER BY doc_id")]
        gen = int(meta_get(con, "generation", 0))
        return {
            "store": str(path), "model": meta_get(con, "model"), "dim": meta_get(con, "dim"),
            "documents": counts[0], "clauses": counts[1], "indicators": counts[2], "vectors": counts[3],
            "terms": counts[4], "provisions": counts[5],
            "index": {k: v for k, v in (man.get("faiss") or {}).items()},
            "bm25": man.get("bm25"), "generation": gen, "published_generation": man.get("generation"),
            "up_to_date": man.get("generation") == gen, "updated": man.get("updated"),
            "size_bytes": dir_size(path), "schema_version": meta_get(con, "schema_version"),
            "format_version": format_version(con), "document_list": docs,
        }
    finally:
        con.close()


def remove_documents(store_dir: str | Path, ids_or_paths: list[str], all_matches: bool = False) -> list[str]:
    """Remove documents by standard id or source path; returns the ids removed (republishes the index).

    An id held by several files (editions, copies) is ambiguous: nothing is removed and the
    StoreError lists the candidates' paths, unless `all_matches` removes every one of them.
    A source path always names one file.
    """
    from zmdocs.embed import get_embedder
    from zmdocs.errors import StoreError
    from zmdocs.index.store import DB_NAME, connect, meta_get, require_store
    from zmdocs.index.writer import Writer

    path = require_store(store_dir)
    con = connect(path / DB_NAME, readonly=True)
    model = meta_get(con, "model")
    con.close()
    with Writer(path, get_embedder(model)) as w:
        pks, names, missing, ambiguous = [], [], [], []
        for ref in ids_or_paths:
            rows = _matches(w.con, ref)
            if not rows:
                missing.append(ref)
            elif len(rows) > 1 and not all_matches:
                ambiguous.append(f"{ref!r} is held by {len(rows)} files: " + "; ".join(r["source"] for r in rows))
            for r in rows:
                if r["pk"] not in pks:
                    pks.append(r["pk"])
                    names.append(r["doc_id"])
        if missing:
            known = ", ".join(r[0] for r in w.con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 8"))
            raise StoreError(f"{path}: no document {', '.join(repr(m) for m in missing)} in this store (it holds: {known or 'nothing'}); nothing removed")
        if ambiguous:
            raise StoreError(f"{path}: {' | '.join(ambiguous)}; nothing removed — give the source path of the one to remove, or --all to remove them all")
        w.delete(pks)
        w.finalize()
    return names


def _matches(con, ref: str) -> list[Any]:
    """Documents a reference names: the file at that path, else every document with that id."""
    from zmdocs.text.stdnum import normalize_id

    p = str(Path(ref).expanduser().resolve())
    rows = con.execute("SELECT pk, doc_id, source FROM documents WHERE source = ?", (p,)).fetchall()
    if rows:
        return rows
    return con.execute("SELECT pk, doc_id, source FROM documents WHERE doc_id IN (?, ?) ORDER BY source",
                       (ref, normalize_id(ref))).fetchall()
