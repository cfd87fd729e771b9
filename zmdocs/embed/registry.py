"""`get_embedder(name)`: one shared, lazily loaded embedder per model name.

Names: `use-multilingual` (default; also `use`, `default`), `st:<name or folder>`
(sentence-transformers, offline), `hash` / `hash-<dim>` (the fake for tests).
"""

from __future__ import annotations

from zmdocs.embed.base import Embedder, HashEmbedder, default_model_name
from zmdocs.errors import ModelError

_CACHE: dict[str, Embedder] = {}


def _is_hash(name: str) -> bool:
    return name == "hash" or name.startswith("hash-")


def _make(name: str) -> Embedder:
    """A new embedder for a model name (no model is loaded until the first `encode`)."""
    if name in ("use-multilingual", "use", "default"):
        from zmdocs.embed.use import USEEmbedder

        return USEEmbedder()
    if _is_hash(name):
        return HashEmbedder(int(name.split("-")[1]) if "-" in name else 256)
    if name.startswith("st:"):
        from zmdocs.embed.st import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(name[3:])
    raise ModelError(
        f"unknown model '{name}': use 'use-multilingual' (default), 'st:<name or folder>' for a sentence-transformers model, or 'hash' (tests)"
    )


def get_embedder(name: str | None = None, cache: bool = False) -> Embedder:
    """Return the (shared, lazily loaded) embedder for a model name.

    `cache=True` wraps it in the on-disk embedding cache (`zmdocs.embed.cache`), so unchanged
    texts are never encoded twice across runs; the `hash` fake is never cached.
    """
    name = name or default_model_name()
    if cache and not _is_hash(name):
        key = f"cached:{name}"
        if key not in _CACHE:
            from zmdocs.embed.cache import CachedEmbedder

            _CACHE[key] = CachedEmbedder(get_embedder(name))
        return _CACHE[key]
    if name not in _CACHE:
        _CACHE[name] = _make(name)
    return _CACHE[name]
