"""`zmdocs index --repair`: rebuild what a damaged store lost from what it still holds.

- a lock path that is a folder is removed;
- a lost database (unreadable, truncated, failing `PRAGMA integrity_check`) is moved to
  `damaged-TIMESTAMP/` and the store is indexed again from the source files recorded in
  `sources.json` (those that still exist);
- a damaged `vectors.f32` (too short, garbage rows) is re-embedded from the parsed documents
  the database keeps;
- FAISS, BM25 and the manifest are always rebuilt from the raw vectors and the clause tokens.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from zmdocs.errors import StoreError
from zmdocs.index.store import (
    DAMAGED,
    DB_NAME,
    LOCK,
    MANIFEST,
    SOURCES,
    VECTORS,
    StoreDamaged,
    WriteLock,
    check_db_file,
    check_vectors,
    meta_get,
    meta_set,
    vectors_needed,
)

log = logging.getLogger(__name__)


def repair_store(store_dir: str | Path, model: str | None = None, reindex=None) -> dict[str, Any]:
    """Repair a store in place; returns {"store", "actions": [what was done], "documents", "missing"}.

    `reindex(paths, store, model=, progress=, all_files=)` indexes source files again when the
    database is lost (the application layer passes `zmdocs.app.index_paths`)."""
    store = Path(store_dir).expanduser()
    if not store.is_dir():
        raise StoreError(f"{store}: no store folder here; give the folder of a zmdocs store to --store")
    report: dict[str, Any] = {"store": str(store), "actions": [], "missing": []}
    lock = store / LOCK
    if lock.is_dir():
        shutil.rmtree(lock)
        report["actions"].append(f"removed the folder {LOCK} (the lock is a file)")
    why = db_problem(store)
    if why:
        _reindex_from_sources(store, model, why, report, reindex)
    else:
        _repair_derived(store, model, report)
    from zmdocs.index import store_info

    report["documents"] = store_info(store)["documents"] if (store / DB_NAME).exists() else 0
    return report


def db_problem(store: Path) -> str | None:
    """Why the database cannot be used (None when it is whole)."""
    path = store / DB_NAME
    if not path.exists():
        return f"{DB_NAME} is missing"
    try:
        check_db_file(path)
        con = sqlite3.connect(str(path), timeout=30)
        try:
            bad = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
            if bad != ["ok"]:
                return f"{DB_NAME} fails its integrity check: {'; '.join(bad)[:200]}"
            row = con.execute("SELECT value FROM meta WHERE key='model'").fetchone()
            con.execute("SELECT count(*) FROM documents").fetchone()
            return None if row else f"{DB_NAME} records no model"
        finally:
            con.close()
    except StoreDamaged as e:
        return e.what
    except sqlite3.DatabaseError as e:
        return f"{DB_NAME}: {e}"


def _reindex_from_sources(store: Path, model: str | None, why: str, report: dict[str, Any], index_paths=None) -> None:
    """Move the lost database and derived files aside and index the recorded sources again (by `index_paths`)."""
    if index_paths is None:  # nothing moved yet: only the application layer can parse the sources again
        raise StoreError(f"{store}: the database is lost ({why}); repair it with `zmdocs index --repair --store {store}`")
    try:
        rec = json.loads((store / SOURCES).read_text(encoding="utf-8"))
        sources = [d["source"] for d in rec.get("documents", [])]
    except FileNotFoundError:
        if not _never_finished(store):
            raise StoreError(f"{store}: the database is lost ({why}) and no {SOURCES} records its files; "
                             "index the original folders again into a new store") from None
        rec, sources = {}, []  # a database a killed (older) zmdocs left half-created: nothing was ever indexed
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise StoreError(f"{store}: the database is lost ({why}) and {SOURCES} cannot be read ({e}); "
                         f"index the original folders again into a new store") from None
    aside = store / f"{DAMAGED}{time.strftime('%Y%m%dT%H%M%S')}"
    with WriteLock(store):  # no writer may be using these files (released before indexing takes it again)
        aside.mkdir(exist_ok=True)
        for p in list(store.iterdir()):
            if p.name.startswith((DB_NAME, "faiss-", "bm25-", ".")) or p.name in (VECTORS, MANIFEST):
                shutil.move(str(p), str(aside / p.name))
    report["actions"].append(f"database lost ({why}): moved it and the derived files to {aside.name}/")
    present = [s for s in sources if Path(s).is_file()]
    report["missing"] = [s for s in sources if s not in present]
    if present:
        summary = index_paths(present, store, model=model or rec.get("model"), progress=False, all_files=True)
        report["actions"].append(f"indexed {len(summary['added'])} of {len(sources)} recorded source files again"
                                 + (f" ({len(report['missing'])} no longer exist)" if report["missing"] else ""))
        report["skipped"] = summary["skipped"]
    else:
        report["actions"].append(f"none of the {len(sources)} recorded source files exists; the store is empty — "
                                 "index your folders into it again")


def _never_finished(store: Path) -> bool:
    """True for a database without schema or documents (a run killed while creating it)."""
    db = store / DB_NAME
    if not db.exists() or db.stat().st_size <= 4096:
        return True
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def _repair_derived(store: Path, model: str | None, report: dict[str, Any]) -> None:
    """Re-embed a damaged vectors file from the stored documents; rebuild FAISS, BM25 and the manifest."""
    from zmdocs.embed import get_embedder
    from zmdocs.index.writer import Writer

    con = sqlite3.connect(f"file:{store / DB_NAME}?mode=ro", uri=True)
    stored_model = meta_get(con, "model")
    con.close()
    with Writer(store, get_embedder(model or stored_model), check=False) as w:
        need = max(vectors_needed(w.con), int(meta_get(w.con, "next_vid", 0)))
        try:
            check_vectors(store, w.dim, need, sample=need)
        except StoreDamaged as e:
            n = _reembed(w)
            report["actions"].append(f"{e.what}: re-embedded {n} documents from the database")
        man = w.finalize(force=True)
    bm = man.get("bm25") or {}
    report["actions"].append(f"rebuilt the FAISS index ({man['faiss'].get('ntotal', 0)} vectors), the BM25 index "
                             f"({bm.get('documents', 0)} clauses) and {MANIFEST}")


def _reembed(w) -> int:
    """Empty the vectors file and table, then add every stored document again from its saved parse."""
    from zmdocs.model import Document

    con = w.con
    docs = con.execute("SELECT source, sha256, json FROM documents ORDER BY pk").fetchall()
    con.execute("BEGIN IMMEDIATE")
    con.execute("DELETE FROM vectors")
    con.execute("DELETE FROM tombstones")
    meta_set(con, "next_vid", 0)
    con.execute("COMMIT")
    with (w.store / VECTORS).open("wb"):
        pass
    for r in docs:
        w.add_document(Document.from_dict(json.loads(r["json"])), r["source"], r["sha256"])
    return len(docs)
