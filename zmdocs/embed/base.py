"""The embedder interface and the `hash` fake: `encode(texts) -> float32 [n, d]`, L2-normalised.

Backends subclass `Embedder` and implement `_encode_batch`; nothing here loads a model.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Sequence

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_MODEL = "use-multilingual"

Progress = Callable[[int, int], None]
"""`progress(done, total)`: called after each encoded batch with the texts done so far."""


def default_model_name() -> str:
    """The model named by `ZMDOCS_MODEL`, else the default multilingual USE."""
    return os.environ.get("ZMDOCS_MODEL") or DEFAULT_MODEL


def normalise(v: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    v = np.asarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return v / n


class Embedder:
    """Base class: subclasses implement `_encode_batch`; `encode` batches and L2-normalises."""

    name: str = ""
    dim: int = 0
    batch_size: int = 64

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Vectors of `texts` (empty text encoded as one space; repeated texts encoded once).

        `progress(done, total)` is called after each batch; the library draws no bar itself.
        """
        texts = [t if t else " " for t in texts]
        if not texts:
            return np.zeros((0, self.dim or 0), dtype=np.float32)
        uniq = list(dict.fromkeys(texts))
        if len(uniq) < len(texts):  # repeated headings and conditions are encoded once
            pos = {t: k for k, t in enumerate(uniq)}
            return self.encode(uniq, progress=progress)[[pos[t] for t in texts]]
        out = []
        for i in range(0, len(texts), self.batch_size):
            out.append(self._encode_batch(list(texts[i : i + self.batch_size])))
            if progress is not None:
                progress(min(i + self.batch_size, len(texts)), len(texts))
        v = normalise(np.vstack(out))
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
