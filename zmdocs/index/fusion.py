"""Language-aware fusion of dense and lexical rankings into one score per hit.

Why per language: a multilingual encoder scores same-language pairs higher than translations
(a Chinese query is nearer to every Chinese clause on the same topic than to the English
clause that says the same), and BM25 only ever matches the query's own language. Ranked
over the whole store, a corpus with many Chinese standards pushes every English and German
counterpart out of the top results. So each language is ranked on its own:

    within-language score = RRF(dense rank, BM25 rank) / the best RRF possible there

(reciprocal rank fusion with k = `RRF_K`; a language where BM25 matched nothing is normalised
over the dense list alone, so cross-lingual hits are not halved for lacking words in common).
BM25 counts in a language by the share of the query's words written in its script (see
`lexical.script_weights`): an English query's words found in Chinese clauses are mostly the
English equivalents of their terms entries, not evidence against the dense ranking there.
The languages are then merged by that score times a damping factor that keeps languages with
nothing relevant out of the top: a language whose best cosine falls more than `MARGIN` below
the best language's is damped linearly (by `SLOPE`), down to `FLOOR`. Measured on the tune half
of the judged queries, no margin at all (damping from the best language down) beats 0.1-0.2.
The best cosines are compared after taking the encoder's same-language bonus off: a language
written in the query's script has its best cosine lowered by `SCRIPT_OFFSET` times that script's
share of the query's words (the English clause that translates a Chinese query scores about as
far below the Chinese near-matches as a weaker topic would). On the tune half: 0.881 without,
0.910 at 0.1, 0.925 at 0.15-0.25 (2026-12-03); from 0.15 the kettle samples' adoption test
(tests/test_search_recall.py: 壶盖的保持 -> IEC 22.101) fails, so 0.1.

Cross-lingual terms: the query's glossary terms said in each other language (`crossterms`)
give a third ranking there, BM25 over that language's clauses, counting `XLEX` times in the
within-language RRF (0.5-3 tried on the tune half: 1.0 takes it 0.716 -> 0.806 with the lamp
subjects added to the glossary; 1.5 scored higher there but lowered the held-out half).
A language where the terms were said but found no clause (`EMPTY_XLEX`) keeps the channel in its best
possible score: its best clause by cosine alone is then no full match (before, a language that lacked
the query's words scored its nearest clause 1.0 and outranked the language whose clauses name them),
and, where another language's clauses do name them, its best cosine counts `SCRIPT_OFFSET` less in the
damping. On the tuning files (2026-12-08): real_queries 0.932 -> 0.947, real_queries_heldout3 0.779 ->
0.792, real_queries_heldout2 0.761 -> 0.769 (the offset alone: 0.05-0.15 the same).

Adoption echo: a national adoption keeps the numbering of the standard it adopts (GB/T 1.1
and the ISO/IEC Directives: IDT and MOD adoptions restructure nothing, or say where they do),
and so do a standard's drafts, so clause N of one member of such a group is the counterpart
of clause N of the others (groups: `search.Store._groups_of`). Each of the best `ECHO_DEPTH`
hits lends `ECHO` times its (damped) score to its counterparts, combined with their own score
by noisy-or, so a counterpart in a language the encoder matches poorly follows the hit it
translates, and one that no signal found still enters.

Term entries: a terms-and-definitions clause names its subject in the fewest words, and a Chinese
standard's entry names it in English too, so an entry is near every query on its subject in every
language and fills the top with definitions (about one in seven of the top five of queries that ask
for no definition on the judged sets, where a requirement was wanted). For a query that does not ask
what a term means (`crossterms.asks_definition`), `damp_kind` lowers the score of `terms` clauses by
`TERMS_DAMP`: an entry still appears, below the clauses that say something about its term. On the
tuning files (2026-12-07): real_queries 0.925 -> 0.932, real_queries_heldout2 0.607 -> 0.632 at 0.7
(0.6-0.9 within 0.01 on both; 0.4 loses on the second).

The resulting `score` (0-1, 1 = ranked first in its language by every signal that found
anything there, in a language that holds a close match) is the one number shown in every
output format.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass

RRF_K = int(os.environ.get("ZMDOCS_RRF_K", "3"))
MARGIN = float(os.environ.get("ZMDOCS_LANG_MARGIN", "0.0"))
SLOPE = 0.25  # cosine below the margin over which the factor falls from 1 to FLOOR
FLOOR = 0.3
ECHO = float(os.environ.get("ZMDOCS_ECHO", "0.8"))  # weight of an adoption counterpart's score
XLEX = float(os.environ.get("ZMDOCS_XLEX", "1.0"))  # weight of the translated glossary terms' BM25 ranking
SCRIPT_OFFSET = float(os.environ.get("ZMDOCS_SCRIPT_OFFSET", "0.1"))  # same-script cosine bonus taken off before damping
TERMS_DAMP = float(os.environ.get("ZMDOCS_TERMS_DAMP", "0.7"))  # score factor of a term entry (no definition asked)
ECHO_DEPTH = int(os.environ.get("ZMDOCS_ECHO_DEPTH", "2"))  # best hits (overall) that lend to their counterparts
LANG_SHARE = float(os.environ.get("ZMDOCS_LANG_SHARE", "0.6"))  # most of the top one language may hold ...
EMPTY_XLEX = os.environ.get("ZMDOCS_EMPTY_XLEX", "1") == "1"  # terms said in a language that found nothing there
QUOTA_MIN = float(os.environ.get("ZMDOCS_QUOTA_MIN", "0.2"))  # ... while another has a hit scoring this much

# rows -> {row: [(counterpart row, its language)]}
Counterparts = Callable[[list[int]], dict[int, list[tuple[int, str]]]]


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


def language_scores(dense: list[tuple[int, float]], lex: list[tuple[int, float]], lex_weight: float = 1.0,
                    xlex: list[tuple[int, float]] | None = None) -> dict[int, float]:
    """Within-language fused score (0-1] per row; the BM25 ranking counts `lex_weight` times, the
    ranking of the query's translated glossary terms (`xlex`) `XLEX` times. An empty `xlex` (the terms were
    said in this language and found no clause) still counts in the best possible score (`EMPTY_XLEX`)."""
    score: dict[int, float] = {}
    tried = xlex is not None and EMPTY_XLEX
    xlex = xlex or []
    for ranking, w in ((dense, 1.0), (lex, lex_weight), (xlex, XLEX)):
        for rank, (row, _) in enumerate(ranking if w > 0 else ()):
            score[row] = score.get(row, 0.0) + w * _rrf(rank)
    best = _rrf(0) * ((1.0 if dense else 0.0) + (max(lex_weight, 0.0) if lex else 0.0) + (XLEX if xlex or tried else 0.0))
    return {r: s / best for r, s in score.items()} if best else {}


def damping(best_cos: dict[str, float]) -> dict[str, float]:
    """Per-language factor: 1 within `MARGIN` of the best language's top cosine, then linear to FLOOR."""
    if not best_cos:
        return {}
    top = max(best_cos.values())
    return {lg: max(FLOOR, min(1.0, 1.0 - (top - MARGIN - c) / SLOPE)) for lg, c in best_cos.items()}


def merge(dense: dict[str, list[tuple[int, float]]], lex: dict[str, list[tuple[int, float]]], top: int,
          per_lang: int | None = None, echo: Counterparts | None = None,
          lex_weight: dict[str, float] | None = None, xlex: dict[str, list[tuple[int, float]]] | None = None) -> list[Hit]:
    """Fuse per-language (row, value) rankings into one list of hits, best first.

    `per_lang=K`: the best K of each language (all of them, ordered by score), else the top `top`.
    `echo`: the adoption counterparts of rows (see the module docstring), or None.
    `lex_weight`: per language, how much its BM25 ranking counts (default 1).
    `xlex`: per language, the BM25 ranking of the query's glossary terms said in it (`crossterms`).
    """
    # the encoder's same-language bonus: a language written in the query's script has its best cosine
    # lowered by SCRIPT_OFFSET times the script's share of the query before damping (the best of each list:
    # a dense list re-scored with its clauses' context, `context.rerank`, stays sorted but need not be)
    best_cos = {lg: max(x for _, x in d) - SCRIPT_OFFSET * (lex_weight or {}).get(lg, 0.0) for lg, d in dense.items() if d}
    # a language where the query's terms were said and found nothing, while another's clauses name them: its
    # best cosine (a clause near the query's wording only) counts SCRIPT_OFFSET less too (`EMPTY_XLEX`)
    if EMPTY_XLEX and xlex and any(xlex.values()):
        best_cos = {lg: c - (SCRIPT_OFFSET if xlex.get(lg) == [] else 0.0) for lg, c in best_cos.items()}
    damp = damping(best_cos)
    cos = {r: x for d in dense.values() for r, x in d}
    bm = {r: x for lx in lex.values() for r, x in lx}
    score: dict[int, float] = {}
    lang: dict[int, str] = {}
    xlex = xlex or {}
    for lg in sorted(dense.keys() | lex.keys() | xlex.keys()):  # sorted: ties break the same way in every run
        factor = damp.get(lg, FLOOR)  # a language found only lexically
        ranked = language_scores(dense.get(lg, []), lex.get(lg, []), (lex_weight or {}).get(lg, 1.0), xlex.get(lg))
        for row, x in ranked.items():
            if x * factor > score.get(row, -1.0):
                score[row], lang[row] = x * factor, lg
    if echo is not None and ECHO > 0 and score:
        _echo(score, lang, echo)
    by_lang: dict[str, list[int]] = {}
    for row in sorted(score, key=lambda r: (-score[r], -cos.get(r, -1.0))):
        by_lang.setdefault(lang[row], []).append(row)
    hits = [Hit(row, lg, score[row], rank, cos.get(row), bm.get(row))
            for lg, rows in by_lang.items() for rank, row in enumerate(rows[:per_lang] if per_lang else rows, 1)]
    hits.sort(key=lambda h: (-h.score, -(h.cosine if h.cosine is not None else -1.0)))
    if per_lang:
        return hits
    own = {lg for lg, w in (lex_weight or {}).items() if w >= 0.5}
    return [hits[i] for i in quota([h.lang for h in hits], [h.score for h in hits], top, own)]


def damp_kind(hits: list[Hit], kinds: dict[int, str], kind: str, factor: float) -> list[Hit]:
    """The hits with the score of clauses of `kind` times `factor`, re-sorted (best first; in place), each
    hit's rank within its language renumbered to the new order (the `rank_in_lang` a result shows)."""
    for h in hits:
        if kinds.get(h.row) == kind:
            h.score *= factor
    hits.sort(key=lambda h: (-h.score, -(h.cosine if h.cosine is not None else -1.0)))
    seen: dict[str, int] = {}
    for h in hits:
        seen[h.lang] = h.rank = seen.get(h.lang, 0) + 1
    return hits


def quota(langs: list[str], scores: list[float], top: int, capped: set[str] | None = None,
          share: float | None = None, min_score: float | None = None) -> list[int]:
    """Indices of the first `top` of a ranking (languages and scores, best first) with no language holding
    more than `share` of them while another language has a hit scoring at least `min_score` to put in
    its place; in ranking order. `capped`: the languages the quota applies to (None: all), the ones
    written in the query's script. So the counterparts of a query in other languages reach the top even
    where its own language holds many near matches (a store of many Chinese standards and a few foreign ones)."""
    share = LANG_SHARE if share is None else share
    min_score = QUOTA_MIN if min_score is None else min_score
    cap = max(1, math.ceil(share * top))
    if share >= 1.0 or len(set(langs)) < 2:
        return list(range(min(top, len(langs))))
    out: list[int] = []
    held: list[int] = []
    count: dict[str, int] = {}
    for i, lg in enumerate(langs):
        if len(out) >= top:
            break
        if (capped is None or lg in capped) and count.get(lg, 0) >= cap and any(o != lg and x >= min_score for o, x in zip(langs[i + 1 :], scores[i + 1 :], strict=True)):
            held.append(i)
            continue
        out.append(i)
        count[lg] = count.get(lg, 0) + 1
    return sorted(out + held[: top - len(out)])


def _echo(score: dict[int, float], lang: dict[int, str], counterparts: Counterparts) -> None:
    """Lend `ECHO` times the score of each of the best `ECHO_DEPTH` hits to its counterparts (in place)."""
    lenders = {r: score[r] for r in sorted(score, key=lambda r: -score[r])[:ECHO_DEPTH]}
    for row, others in counterparts(list(lenders)).items():
        for other, lg in others:
            if other not in lenders:  # noisy-or: own evidence and the echo add up, never past 1
                score[other], lang[other] = 1.0 - (1.0 - score.get(other, 0.0)) * (1.0 - ECHO * lenders[row]), lg
