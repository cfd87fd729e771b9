"""Language-aware fusion of dense and lexical rankings into one score per hit.

Why per language: a multilingual encoder scores same-language pairs higher than translations
(a Chinese query is nearer to every Chinese clause on the same topic than to the English
clause that says the same), and BM25 only ever matches the query's own language. Ranked
over the whole store, a corpus with many Chinese standards pushes every English and German
counterpart out of the top results. So each language is ranked on its own:

    within-language score = RRF(dense rank, BM25 rank) / the best RRF possible there

(reciprocal rank fusion with k = `RRF_K`; a language where BM25 matched nothing is normalised
over the dense list alone, so cross-lingual hits are not halved for lacking words in common).
The languages are then merged by that score times a damping factor that keeps languages with
nothing relevant out of the top: a language whose best cosine falls more than `MARGIN` below
the best language's is damped linearly, down to `FLOOR`.

The resulting `score` (0-1, 1 = ranked first in its language by every signal that found
anything there, in a language that holds a close match) is the one number shown in every
output format.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

RRF_K = int(os.environ.get("ZMDOCS_RRF_K", "3"))
MARGIN = float(os.environ.get("ZMDOCS_LANG_MARGIN", "0.2"))
SLOPE = 0.25  # cosine below the margin over which the factor falls from 1 to FLOOR
FLOOR = 0.3


@dataclass
class Hit:
    row: int
    lang: str
    score: float
    rank: int  # 1-based rank within its language
    cosine: float | None
    bm25: float | None


def _rrf(rank: int) -> float:
    return 1.0 / (RRF_K + rank + 1)


def language_scores(dense: list[tuple[int, float]], lex: list[tuple[int, float]]) -> dict[int, float]:
    """Within-language fused score (0-1] per row."""
    score: dict[int, float] = {}
    for ranking in (dense, lex):
        for rank, (row, _) in enumerate(ranking):
            score[row] = score.get(row, 0.0) + _rrf(rank)
    best = _rrf(0) * sum(1 for ranking in (dense, lex) if ranking)
    return {r: s / best for r, s in score.items()} if best else {}


def damping(best_cos: dict[str, float]) -> dict[str, float]:
    """Per-language factor: 1 within `MARGIN` of the best language's top cosine, then linear to FLOOR."""
    if not best_cos:
        return {}
    top = max(best_cos.values())
    return {lg: max(FLOOR, min(1.0, 1.0 - (top - MARGIN - c) / SLOPE)) for lg, c in best_cos.items()}


def merge(dense: dict[str, list[tuple[int, float]]], lex: dict[str, list[tuple[int, float]]], top: int,
          per_lang: int | None = None) -> list[Hit]:
    """Fuse per-language (row, value) rankings into one list of hits, best first.

    `per_lang=K`: the best K of each language (all of them, ordered by score), else the top `top`.
    """
    best_cos = {lg: d[0][1] for lg, d in dense.items() if d}
    damp = damping(best_cos)
    hits: list[Hit] = []
    for lg in dense.keys() | lex.keys():
        d, lx = dense.get(lg, []), lex.get(lg, [])
        scores = language_scores(d, lx)
        cos, bm = dict(d), dict(lx)
        factor = damp.get(lg, FLOOR)  # a language found only lexically
        ordered = sorted(scores, key=lambda r: (-scores[r], -cos.get(r, -1.0)))
        if per_lang:
            ordered = ordered[:per_lang]
        for rank, row in enumerate(ordered, 1):
            hits.append(Hit(row, lg, scores[row] * factor, rank, cos.get(row), bm.get(row)))
    hits.sort(key=lambda h: (-h.score, -(h.cosine if h.cosine is not None else -1.0)))
    if per_lang:
        return hits
    seen: set[int] = set()
    out = []
    for h in hits:
        if h.row not in seen:
            seen.add(h.row)
            out.append(h)
        if len(out) >= top:
            break
    return out
