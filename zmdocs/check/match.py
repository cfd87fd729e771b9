"""Which limit a product parameter answers: glossary key, then normalised-text similarity, then embeddings.

The engine's order of `zmdocs.pairing` (key, then similarity above its threshold, within one unit
dimension), applied to product names that are not indicators; the name scores are check's own.

The limit's names are its indicator's parameter and its clause heading (a limit often sits under a
heading that names the parameter better than the sentence does). A match by embedding also needs
compatible units, so similar words cannot pair a mass with a speed, and only the best-named limit
(with its variants for other conditions) is taken.
"""

from __future__ import annotations

import logging

from zmdocs.diff.text import containment, key, ratio
from zmdocs.indicators.keys import key_for
from zmdocs.pairing import SIM_THRESHOLD

log = logging.getLogger(__name__)

NAME_TAU = 0.8
EMBED_TAU = SIM_THRESHOLD  # the pairing engine's cosine for the same parameter (USE multilingual: 0.5–0.8 for true pairs)


def names_of(parameter: str, heading: str) -> list[str]:
    """A limit's names: its indicator's parameter and its clause heading, without repeats or blanks."""
    return [n for n in dict.fromkeys([parameter.strip(), heading.strip()]) if n]


def name_score(param: str, names: list[str]) -> float:
    """Similarity of a product parameter to a limit's names (ratio, or containment of a whole name)."""
    p = key(param)
    best = 0.0
    for n in names:
        k = key(n)
        if not p or not k:
            continue
        r = ratio(p, k)
        if len(p) >= 2 and len(k) >= 2 and (p in k or k in p):
            r = max(r, 0.85 if min(len(p), len(k)) >= 3 else 0.8)
        best = max(best, r, containment(p, k))
    return best


def conditions_score(product: list[str], limit: list[str]) -> float:
    """How well a product row's conditions name the limit's conditions (0 when either has none)."""
    if not product or not limit:
        return 0.0
    return name_score(" ".join(product), [" ".join(limit)])


def by_key(param: str, limit_key: str, names: list[str]) -> bool:
    k = key_for(param)
    if not k:
        return False
    return k == limit_key or any(key_for(n) == k for n in names)


def embedding_scores(params: list[str], limit_texts: list[str], model):
    """Cosine similarities [params × limits] with the named (or default) model; None without texts."""
    if not params or not limit_texts:
        return None
    from zmdocs.embed import Embedder, get_embedder

    emb = model if isinstance(model, Embedder) else get_embedder(model, cache=True)
    va, vb = emb.encode(params), emb.encode(limit_texts)
    return va @ vb.T
