"""An on-disk embedding cache keyed by (model name, sha1 of text), so re-runs never re-encode.

The cache is one SQLite file under `$ZMDOCS_CACHE` (or `~/.cache/zmdocs/embeddings`);
`ZMDOCS_CACHE=off` disables it. A broken or locked cache only logs a warning: caching must
never make a run fail.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from zmdocs.embed.base import Embedder, Progress, normalise

log = logging.getLogger(__name__)

CACHE_SCHEMA_VERSION = 1


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    env = os.environ.get("ZMDOCS_CACHE")
    if env and env.lower() in ("off", "0", "none", "false", "no"):
        return None
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "zmdocs" / "embeddings"


def text_key(text: str) -> str:
    """sha1 of the text as the encoder sees it (empty text is encoded as one space)."""
    return hashlib.sha1((text or " ").encode("utf-8")).hexdigest()


class EmbeddingCache:
    """SQLite table (model, sha1) -> float32 vector."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=10.0)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, sha1 TEXT NOT NULL, "
                "dim INTEGER NOT NULL, vec BLOB NOT NULL, PRIMARY KEY (model, sha1))"
            )
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(CACHE_SCHEMA_VERSION),)
            )
            conn.commit()
            self._conn = conn
        return self._conn

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors found for these keys (missing keys are absent from the result)."""
        out: dict[str, np.ndarray] = {}
        db = self._db()
        uniq = list(dict.fromkeys(keys))
        for i in range(0, len(uniq), 500):
            chunk = uniq[i : i + 500]
            q = f"SELECT sha1, vec FROM vectors WHERE model=? AND sha1 IN ({','.join('?' * len(chunk))})"
            for sha, blob in db.execute(q, (model, *chunk)):
                out[sha] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        db = self._db()
        db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
            [(model, k, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
        )
        db.commit()

    def count(self, model: str | None = None) -> int:
        db = self._db()
        if model is None:
            return int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
        return int(db.execute("SELECT COUNT(*) FROM vectors WHERE model=?", (model,)).fetchone()[0])

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class CachedEmbedder(Embedder):
    """Wrap an embedder: look every text up in the cache first, encode only the misses."""

    def __init__(self, inner: Embedder, path: str | Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.batch_size = inner.batch_size
        folder = cache_dir() if path is None else Path(path)
        self.cache: EmbeddingCache | None = None
        if folder is not None:
            self.cache = EmbeddingCache(folder / "cache.sqlite" if folder.suffix != ".sqlite" else folder)
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Cached vectors where present; the misses encoded by the wrapped model and stored."""
        texts = list(texts)
        if not texts:
            return self.inner.encode(texts)
        if self.cache is None:
            return self.inner.encode(texts, progress=progress)
        keys = [text_key(t) for t in texts]
        try:
            found = self.cache.get_many(self.name, keys)
        except sqlite3.Error as e:
            log.warning("embedding cache %s unusable (%s); encoding without it", self.cache.path, e)
            self.cache = None
            return self.inner.encode(texts, progress=progress)
        missing: dict[str, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in found and k not in missing:
                missing[k] = t
        self.hits += len(texts) - sum(1 for k in keys if k in missing)
        self.misses += len(missing)
        if missing:
            vecs = self.inner.encode(list(missing.values()), progress=progress)
            new = dict(zip(missing.keys(), vecs, strict=True))
            found.update(new)
            try:
                self.cache.put_many(self.name, new)
            except sqlite3.Error as e:
                log.warning("could not write the embedding cache %s (%s)", self.cache.path, e)
        self.dim = int(next(iter(found.values())).shape[0])
        return normalise(np.vstack([found[k] for k in keys]))
