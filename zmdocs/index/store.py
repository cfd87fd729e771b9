"""The on-disk store: SQLite (documents, clauses, provisions, indicators, terms, vectors) plus
derived files (raw float32 vectors, FAISS index, BM25 index) published by `manifest.json`.

Crash safety: SQLite is the source of truth and every indexed file is one transaction; vectors
are appended to `vectors.f32` and fsynced *before* the transaction that references them commits
(a torn tail is truncated by the next writer). Derived indexes are written under new
generation names and published by atomically replacing `manifest.json`; a reader brute-forces
vectors committed after the manifest's `next_vid` and ignores hits of deleted clauses, so a store
killed at any point stays readable and consistent.

A new store's database is created complete under a temporary name and renamed into place, so
a run killed while creating it leaves no half-made `store.sqlite`. Damage that cannot come from
a kill (a truncated or garbage file) is reported as `StoreDamaged`, whose message names
`zmdocs index --repair` (see `zmdocs.index.repair`).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from zmdocs.errors import ModelError, StoreError

log = logging.getLogger(__name__)

STORE_SCHEMA_VERSION = 1  # the tables: a newer one this zmdocs cannot read
# What the indexed documents hold: 2 = German/French words stemmed in the BM25 tokens (zmdocs of 2026-12-02 on);
# 3 = a short-headed clause's ancestor headings and hyphenated word parts in its BM25 tokens (2026-12-03 on).
# A document of an older format is still searchable, only less well; `zmdocs index` re-reads its file to upgrade it.
STORE_FORMAT = 3
FORMAT_2_SINCE = 1796169600.0  # 2026-12-02T00:00Z: documents indexed before it, in a store that records no format, are format 1
_warned: set[str] = set()
DB_NAME = "store.sqlite"
MANIFEST = "manifest.json"
VECTORS = "vectors.f32"
LOCK = "write.lock"
SOURCES = "sources.json"
_NEW_DB = ".store.sqlite.new"
DAMAGED = "damaged-"  # `--repair` moves a lost database here (damaged-TIMESTAMP/)

# Test hook: "PHASE:N[:SIGNAL]" sends this process SIGNAL (KILL, INT or TERM) the N-th time it reaches
# PHASE: create (a new database, before its rename), embedded, appended, commit (inside the
# transaction), faiss, bm25, manifest (see bench/crash.py).
CRASH_ENV = "ZMDOCS_TEST_CRASH"
_crash_seen: dict[str, int] = {}


def crash_point(phase: str) -> None:
    spec = os.environ.get(CRASH_ENV)
    if not spec or not spec.startswith(phase + ":"):
        return
    _, n, *sig = spec.split(":")
    _crash_seen[phase] = _crash_seen.get(phase, 0) + 1
    if _crash_seen[phase] == int(n):
        import signal

        os.kill(os.getpid(), getattr(signal, "SIG" + (sig[0] if sig else "KILL")))
        time.sleep(1)  # SIGINT is raised as KeyboardInterrupt at the next bytecode


class StoreDamaged(StoreError):
    """A store file is damaged in a way a killed run cannot cause; `zmdocs index --repair` fixes it."""

    def __init__(self, store: Path | str, what: str) -> None:
        self.store, self.what = str(store), what
        super().__init__(f"{store}: the index is damaged ({what}) — run zmdocs index --repair --store {store}")

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
    """Open the store's SQLite database (WAL so readers never block on a writer).

    A file that is not a whole SQLite database (garbage, truncated) raises `StoreDamaged`. A
    read-only open of a WAL left by a killed writer that needs recovery ("attempt to write a
    readonly database") lets one read-write open recover it, then reads.
    """
    check_db_file(path)
    try:
        con = _open(path, readonly)
        con.execute("SELECT value FROM meta WHERE key='model'").fetchone()
    except sqlite3.OperationalError as e:
        if not readonly or "readonly" not in str(e):
            raise StoreDamaged(path.parent, f"{path.name}: {e}") from None
        try:
            _open(path, False).close()  # runs WAL recovery
        except sqlite3.Error as e2:
            raise StoreError(f"{path.parent}: the database needs recovery after a killed run but cannot be "
                             f"written ({e2}); run any zmdocs command once with write access to the folder") from None
        con = _open(path, readonly)
    except sqlite3.DatabaseError as e:
        raise StoreDamaged(path.parent, f"{path.name}: {e}") from None
    return con


def _open(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    else:
        con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
    con.row_factory = sqlite3.Row
    return con


def check_db_file(path: Path) -> None:
    """Raise StoreDamaged unless `path` starts like an SQLite database and is not shorter than its header says."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
        size = path.stat().st_size
    except IsADirectoryError:
        raise StoreDamaged(path.parent, f"{path.name} is a folder") from None
    except OSError as e:
        raise StoreDamaged(path.parent, f"{path.name} cannot be read: {e.strerror}") from None
    if len(head) < 100 or not head.startswith(b"SQLite format 3\0"):
        raise StoreDamaged(path.parent, f"{path.name} is not an SQLite database ({size} bytes)")
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the page count is trusted only when written by the same change
    if valid and pages and size < pages * page:
        raise StoreDamaged(path.parent, f"{path.name} is truncated ({size} of {pages * page} bytes)")


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
        raise StoreDamaged(store, f"{MANIFEST} is unreadable: {e}") from None


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


def check_vectors(store: Path, dim: int, need: int, sample: int = 64) -> None:
    """Raise StoreDamaged when `vectors.f32` holds fewer than `need` rows or sampled rows are not unit vectors.

    A tail that is not a whole row, or rows past `need`, are what a killed writer leaves (the
    next writer trims them), not damage.
    """
    p = store / VECTORS
    size = p.stat().st_size if p.exists() else 0
    if dim <= 0 or need <= 0:
        return
    have = size // (4 * dim)
    if have < need:
        raise StoreDamaged(store, f"{VECTORS} holds {have} vectors of {dim} dimensions ({size} bytes) but the database references {need}")
    mm = np.memmap(p, dtype=np.float32, mode="r", shape=(need, dim))
    rows = np.unique(np.linspace(0, need - 1, num=min(sample, need)).astype(np.int64))
    with np.errstate(all="ignore"):
        norms = np.linalg.norm(np.asarray(mm[rows], dtype=np.float64), axis=1)
    bad = ~np.isfinite(norms) | ((np.abs(norms - 1.0) > 0.01) & (norms != 0))  # empty texts embed to 0
    if bad.any():
        raise StoreDamaged(store, f"{VECTORS}: vector {int(rows[bad][0])} is not a unit vector (garbage in the file)")


def open_generation(store: Path, dim: int, load_faiss: Callable[[dict], bool] | None = None,
                    tries: int = 4) -> tuple[dict[str, Any], Any, Any, np.ndarray | None]:
    """(manifest, FAISS index, BM25 index, BM25 row ids) of the published generation, all mapped now.

    `load_faiss(manifest["faiss"])` False leaves the FAISS index unloaded (its size is still checked).
    A writer that publishes a newer generation meanwhile deletes the old files: opening then
    fails and is retried on the new manifest. A failure under an unchanged manifest is damage.
    """
    for attempt in range(tries):
        man = read_manifest(store) or {}
        try:
            return (man, *_load_generation(store, man, dim, load_faiss))
        except (OSError, RuntimeError, ValueError, KeyError, EOFError) as e:
            if (read_manifest(store) or {}) != man or (attempt == 0 and isinstance(e, FileNotFoundError)):
                time.sleep(0.05 * (attempt + 1))
                continue
            what = f"{e.filename}: missing" if isinstance(e, FileNotFoundError) else f"{type(e).__name__}: {e}"
            raise StoreDamaged(store, str(what).replace(str(store) + os.sep, "")[:300]) from None
    raise StoreError(f"{store}: the index kept changing while it was opened (a writer is publishing); try again")


def _load_generation(store: Path, man: dict[str, Any], dim: int,
                     load_faiss: Callable[[dict], bool] | None) -> tuple[Any, Any, np.ndarray | None]:
    from zmdocs.index import faissidx, lexical

    index = bm25 = rows = None
    fa = man.get("faiss")
    if fa:
        path = store / fa["file"]
        _check_size(path, fa.get("bytes"))
        index = faissidx.load(path, fa) if load_faiss is None or load_faiss(fa) else None
        if index is not None and (index.d != dim or ("ntotal" in fa and int(index.ntotal) != int(fa["ntotal"]))):
            raise ValueError(f"{fa['file']} holds {index.ntotal} vectors of {index.d} dimensions, the manifest says {fa.get('ntotal')} of {dim}")
    bm = man.get("bm25")
    if bm:
        path = store / bm["dir"]
        for name, size in (bm.get("files") or {}).items():
            _check_size(path / name, size)
        bm25 = lexical.load_bm25(path)
        rows = np.asarray(np.load(path / "rows.npy", mmap_mode="r")).view(np.ndarray)
        n = int(getattr(bm25, "scores", {}).get("num_docs", len(rows)) or 0)
        if len(rows) != int(bm.get("documents", len(rows))) or (n and n != len(rows)):
            raise ValueError(f"{bm['dir']} indexes {n} clauses for {len(rows)} row ids, the manifest says {bm.get('documents')}")
    return index, bm25, rows


def _check_size(path: Path, size: int | None) -> None:
    have = path.stat().st_size  # FileNotFoundError when a writer removed it (retried) or it is lost
    if size is not None and have != int(size):
        raise ValueError(f"{path.name} is {have} bytes, {size} were written")


def vectors_needed(con: sqlite3.Connection) -> int:
    """Rows `vectors.f32` must hold: one past the highest vector id the database references."""
    top = con.execute("SELECT max(vid) FROM vectors").fetchone()[0]
    return 0 if top is None else int(top) + 1


class WriteLock:
    """An exclusive flock on the store: one writer at a time (released by the kernel on kill)."""

    def __init__(self, store: Path) -> None:
        self.path = store / LOCK
        self.fh = None

    def __enter__(self) -> WriteLock:
        import fcntl

        if self.path.is_dir():
            raise StoreDamaged(self.path.parent, f"{LOCK} is a folder")
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
    """Create (or open for writing) a store; checks that the model matches the recorded one.

    Call with the write lock held. A new database is built whole under a temporary name and
    renamed into place: a run killed meanwhile leaves no `store.sqlite` at all.
    """
    if store.exists() and not store.is_dir():
        raise StoreError(f"{store}: is a file, not a store folder; give a folder path to --store")
    fresh = not is_store(store)
    if fresh and store.exists() and any(p for p in store.iterdir() if p.name not in (LOCK, SOURCES) and not p.name.startswith((_NEW_DB, DAMAGED))):
        raise StoreError(f"{store}: folder is not empty and is not a zmdocs store; give a new or empty folder to --store")
    store.mkdir(parents=True, exist_ok=True)
    if fresh:
        create_db(store, model, dim)
    con = connect(store / DB_NAME)
    con.executescript(_SCHEMA)
    if meta_get(con, "model") is None:
        raise StoreDamaged(store, f"{DB_NAME} records no model")
    check_schema(con, store, warn=False)  # the writer upgrades what it re-reads (Writer.__enter__)
    check_model(con, store, model)
    return con


def create_db(store: Path, model: str, dim: int) -> None:
    """Write a complete, empty database under a temporary name, fsync it, rename it to `store.sqlite`."""
    tmp = store / _NEW_DB
    for p in store.glob(_NEW_DB + "*"):
        p.unlink(missing_ok=True)
    con = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.executescript(_SCHEMA)
        con.execute("BEGIN IMMEDIATE")
        for key, value in (("schema_version", STORE_SCHEMA_VERSION), ("format_version", STORE_FORMAT), ("model", model), ("dim", dim),
                           ("generation", 0), ("next_vid", 0), ("created", time.time())):
            meta_set(con, key, value)
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=WAL")
    finally:
        con.close()
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    crash_point("create")
    for p in store.glob(_NEW_DB + "-*"):  # an empty WAL left by the close
        p.unlink(missing_ok=True)
    os.replace(tmp, store / DB_NAME)
    fsync_dir(store)


def check_schema(con: sqlite3.Connection, store: Path, warn: bool = True) -> None:
    """Refuse a newer schema; with `warn`, log once per store that documents of an older format are in it."""
    ver = meta_get(con, "schema_version", 0)
    if ver > STORE_SCHEMA_VERSION:
        raise StoreError(f"{store}: store schema_version {ver} is newer than this zmdocs reads ({STORE_SCHEMA_VERSION}); upgrade zmdocs")
    stale = stale_documents(con) if warn and str(store) not in _warned else []
    if stale:
        _warned.add(str(store))
        log.warning("%s", format_note(store, len(stale), int(con.execute("SELECT count(*) FROM documents").fetchone()[0])))


def format_version(con: sqlite3.Connection) -> int:
    """The store's format: as recorded, else 1 when a document predates FORMAT_2_SINCE (a store of older zmdocs)."""
    ver = meta_get(con, "format_version")
    if ver is not None:
        return int(ver)
    old = con.execute("SELECT 1 FROM documents WHERE indexed_at IS NULL OR indexed_at < ? LIMIT 1", (FORMAT_2_SINCE,)).fetchone()
    return 1 if old else STORE_FORMAT


def stale_documents(con: sqlite3.Connection) -> list[int]:
    """Primary keys of the documents indexed in an older format than STORE_FORMAT (to re-read)."""
    if format_version(con) >= STORE_FORMAT:
        return []
    listed = meta_get(con, "stale_documents")  # written by the first writer that opened the old store
    if listed is not None:
        return [int(pk) for pk in listed]
    if meta_get(con, "format_version") is not None:  # a recorded older format: every document was indexed in it
        return [int(r[0]) for r in con.execute("SELECT pk FROM documents ORDER BY pk")]
    return [int(r[0]) for r in con.execute(
        "SELECT pk FROM documents WHERE indexed_at IS NULL OR indexed_at < ? ORDER BY pk", (FORMAT_2_SINCE,))]


def open_format_upgrade(con: sqlite3.Connection, store: Path) -> set[int]:
    """For a writer: record the store's format (and, in an older store, which documents to re-read); returns their pks.

    The documents a run re-reads are replaced by current ones (`format_upgraded`); the store
    records STORE_FORMAT when none of the older ones is left."""
    if meta_get(con, "format_version") is not None and format_version(con) >= STORE_FORMAT:
        return set()
    stale = stale_documents(con)
    con.execute("BEGIN IMMEDIATE")
    try:
        meta_set(con, "format_version", min(format_version(con), STORE_FORMAT - 1) if stale else STORE_FORMAT)
        if stale:
            meta_set(con, "stale_documents", stale)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if stale:
        total = int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
        log.warning("%s: %d of %d documents were indexed by an older zmdocs (an older store format); each is upgraded when "
                    "its file is indexed again (the files of this run are re-read)", store, len(stale), total)
    return set(stale)


def format_upgraded(con: sqlite3.Connection, pk: int) -> None:
    """Inside the writer's transaction: document `pk` is gone (deleted or replaced by a current one)."""
    listed = meta_get(con, "stale_documents")
    if not listed or pk not in listed:
        return
    left = [x for x in listed if x != pk]
    meta_set(con, "stale_documents", left)
    if not left:
        meta_set(con, "format_version", STORE_FORMAT)


def format_note(store: Path | str, stale: int, total: int) -> str:
    """The one line that says a store holds documents of an older format and what to do."""
    return (f"{store}: {stale} of {total} documents were indexed by an older zmdocs (an older store format: "
            f"fewer words in their search index), so search finds them less well — run `zmdocs index` on their files or folders with "
            f"--store {store} again to upgrade them")


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
