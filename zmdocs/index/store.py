"""The on-disk store: SQLite (documents, clauses, provisions, indicators, terms, vectors) plus
derived files (raw float32 vectors, FAISS index, BM25 index) published by `manifest.json`.

Crash safety: SQLite is the source of truth and every indexed file is one transaction; vectors
are appended to `vectors.f32` and fsynced *before* the transaction that references them commits
(a torn tail is truncated by the next writer). Derived indexes are written under new
generation names and published by atomically replacing `manifest.json`; a reader brute-forces
vectors committed after the manifest's `next_vid` and ignores hits of deleted clauses, so a store
killed at any point stays readable and consistent.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import numpy as np

from zmdocs.errors import ModelError, StoreError

log = logging.getLogger(__name__)

STORE_SCHEMA_VERSION = 1
DB_NAME = "store.sqlite"
MANIFEST = "manifest.json"
VECTORS = "vectors.f32"
LOCK = "write.lock"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    pk INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, source TEXT NOT NULL UNIQUE, sha256 TEXT,
    title TEXT, lang TEXT, family TEXT, format TEXT, pages INTEGER, n_clauses INTEGER,
    indexed_at REAL, json TEXT);
CREATE INDEX IF NOT EXISTS documents_id ON documents(doc_id);
CREATE TABLE IF NOT EXISTS clauses (
    row INTEGER PRIMARY KEY, doc_pk INTEGER NOT NULL, doc_id TEXT, clause_id TEXT, number TEXT,
    heading TEXT, text TEXT, kind TEXT, lang TEXT, family TEXT, page INTEGER, parent TEXT, tokens TEXT);
CREATE INDEX IF NOT EXISTS clauses_doc ON clauses(doc_pk);
CREATE TABLE IF NOT EXISTS provisions (clause_row INTEGER, doc_pk INTEGER, text TEXT, form TEXT);
CREATE INDEX IF NOT EXISTS provisions_doc ON provisions(doc_pk);
CREATE TABLE IF NOT EXISTS indicators (
    clause_row INTEGER, doc_pk INTEGER, parameter TEXT, comparator TEXT, value TEXT, unit TEXT,
    key TEXT, text TEXT, json TEXT);
CREATE INDEX IF NOT EXISTS indicators_doc ON indicators(doc_pk);
CREATE TABLE IF NOT EXISTS terms (doc_pk INTEGER, number TEXT, terms TEXT, definition TEXT, clause TEXT);
CREATE INDEX IF NOT EXISTS terms_doc ON terms(doc_pk);
CREATE TABLE IF NOT EXISTS vectors (vid INTEGER PRIMARY KEY, clause_row INTEGER NOT NULL, doc_pk INTEGER, what TEXT);
CREATE INDEX IF NOT EXISTS vectors_doc ON vectors(doc_pk);
CREATE INDEX IF NOT EXISTS vectors_clause ON vectors(clause_row);
CREATE TABLE IF NOT EXISTS tombstones (vid INTEGER PRIMARY KEY);
"""


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Open the store's SQLite database (WAL so readers never block on a writer)."""
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    else:
        con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
    con.row_factory = sqlite3.Row
    return con


def meta_get(con: sqlite3.Connection, key: str, default: Any = None) -> Any:
    row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def meta_set(con: sqlite3.Connection, key: str, value: Any) -> None:
    con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(value)))


def read_manifest(store: Path) -> dict[str, Any] | None:
    p = store / MANIFEST
    if not p.exists():
        return None
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"{p}: manifest is unreadable ({e}); delete the store folder and index again") from None


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON to a temp file, fsync, then os.replace: readers see the old or the new file."""
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(d: Path) -> None:
    try:
        fd = os.open(str(d), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def vectors_memmap(store: Path, dim: int, upto: int | None = None) -> np.ndarray:
    """The raw vectors file as a read-only memmap [n, dim] (no copy); vid = row."""
    p = store / VECTORS
    if not p.exists() or dim <= 0:
        return np.zeros((0, max(dim, 1)), dtype=np.float32)
    n = p.stat().st_size // (4 * dim)
    if upto is not None:
        n = min(n, upto)
    if n == 0:
        return np.zeros((0, dim), dtype=np.float32)
    return np.memmap(p, dtype=np.float32, mode="r", shape=(n, dim))


class WriteLock:
    """An exclusive flock on the store: one writer at a time (released by the kernel on kill)."""

    def __init__(self, store: Path) -> None:
        self.path = store / LOCK
        self.fh = None

    def __enter__(self) -> WriteLock:
        import fcntl

        self.fh = self.path.open("a+")
        try:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.seek(0)
            who = self.fh.read().strip()
            self.fh.close()
            raise StoreError(
                f"{self.path.parent}: another zmdocs process{' (pid ' + who + ')' if who else ''} is writing this store; wait for it to finish"
            ) from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self.fh:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
            self.fh.close()


def is_store(store: Path) -> bool:
    return (store / DB_NAME).exists()


def require_store(store: str | Path) -> Path:
    """The store folder, or a StoreError saying how to create it."""
    p = Path(store).expanduser()
    if not is_store(p):
        raise StoreError(f"{p}: no zmdocs store here; create it with `zmdocs index FOLDER --store {p}`")
    return p


def init_store(store: Path, model: str, dim: int) -> sqlite3.Connection:
    """Create (or open for writing) a store; checks that the model matches the recorded one."""
    if store.exists() and not store.is_dir():
        raise StoreError(f"{store}: is a file, not a store folder; give a folder path to --store")
    fresh = not is_store(store)
    if fresh and store.exists() and any(p for p in store.iterdir() if p.name != LOCK):
        raise StoreError(f"{store}: folder is not empty and is not a zmdocs store; give a new or empty folder to --store")
    store.mkdir(parents=True, exist_ok=True)
    con = connect(store / DB_NAME)
    con.executescript(_SCHEMA)
    if fresh or meta_get(con, "model") is None:
        con.execute("BEGIN IMMEDIATE")
        meta_set(con, "schema_version", STORE_SCHEMA_VERSION)
        meta_set(con, "model", model)
        meta_set(con, "dim", dim)
        meta_set(con, "generation", 0)
        meta_set(con, "next_vid", 0)
        meta_set(con, "created", time.time())
        con.execute("COMMIT")
    check_schema(con, store)
    check_model(con, store, model)
    return con


def check_schema(con: sqlite3.Connection, store: Path) -> None:
    ver = meta_get(con, "schema_version", 0)
    if ver > STORE_SCHEMA_VERSION:
        raise StoreError(f"{store}: store schema_version {ver} is newer than this zmdocs reads ({STORE_SCHEMA_VERSION}); upgrade zmdocs")


def check_model(con: sqlite3.Connection, store: Path, model: str | None) -> str:
    """Raise a ModelError naming both models if `model` differs from the store's; return the store's."""
    have = meta_get(con, "model")
    if model and have and model != have:
        raise ModelError(
            f"{store}: the store was indexed with model '{have}' but '{model}' was requested; "
            f"search with --model {have}, or index into a new store to use '{model}'"
        )
    return have


def dir_size(store: Path) -> int:
    return sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
