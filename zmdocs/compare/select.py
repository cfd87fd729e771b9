"""Choose the ONE applicable counterpart of a draft indicator in a reference; the others stay as evidence.

A reference often sets one parameter several times: per protection class, per rated-power band,
per part, for the type test and the heating cycles of another test. The applicable limit is the
one whose conditions fit the draft's best (`affinity`: concept tags, applicability bands, words
and, when a model is loaded, the similarity of parameter, conditions and headings in any
language; a limit for another subject named in the headings, such as another lamp, never fits,
`zmdocs.pairing.subject_agreement`). Among limits that fit equally well (they differ only by
conditions the draft does not state, such as a rated-voltage band), the strictest one is taken:
the draft must meet it.
"""

from __future__ import annotations

import math
import re

from zmdocs.compare.conditions import _band_interval, signature
from zmdocs.compare.strictness import NOT_COMPARABLE, RESULT_ORDER
from zmdocs.model import Indicator
from zmdocs.pairing import restated_bonus, subject_agreement, words

CLASH = -10.0
NEAR = 0.15  # same-key candidates within this affinity of the best are "equally applicable": the strictest wins
NEAR_STATED = 0.04  # ... when the draft states free-text conditions (a part name) that tell them apart
NEAR_SIMILAR = 0.02  # candidates found by similarity only: the most similar one
SUBJECT_FIT = 0.5  # both heading paths name the same subject (a lamp): worth more than any similarity gap
MARKED_VARIANT = 1.0  # a limit for a marked variant the draft never names: never "equally applicable"
CONDITION_CHANCE = 0.5  # cosine two unrelated condition phrases reach by their shared frame ('在…时' / 'during …')


def condition_evidence(cosine: float | None) -> float:
    """What a condition's similarity says beyond chance (0 … 1): a limit with an unrelated condition must not
    outrank one that states none, only one whose condition reads like the draft's (the same part or state)."""
    if cosine is None:
        return 0.0
    return max(0.0, cosine - CONDITION_CHANCE) / (1.0 - CONDITION_CHANCE)


def _clamp(lo: float, hi: float, scale: float) -> tuple[float, float]:
    return (0.0 if math.isinf(lo) else lo), (10 * scale if math.isinf(hi) else hi)


def band_fit(a: tuple, b: tuple) -> float:
    """Share of the draft's band `a` that the reference's band `b` covers (0 = none, 1 = all)."""
    alo, ahi, _, _ = _band_interval(a)
    blo, bhi, _, _ = _band_interval(b)
    finite = [abs(x) for x in (alo, ahi, blo, bhi) if not math.isinf(x)] or [1.0]
    scale = max(finite)
    alo, ahi = _clamp(alo, ahi, scale)
    blo, bhi = _clamp(blo, bhi, scale)
    width = ahi - alo
    if width <= 0:  # a point: inside or not
        return 1.0 if blo <= alo <= bhi else 0.0
    return max(0.0, min(ahi, bhi) - max(alo, blo)) / width


# a column or row for a variant the reference marks ('Lamp (single) marked "D"', 'marked with the symbol X')
_MARKED = re.compile(r"(?i)\bmarked\s+(?:with\s+(?:the\s+)?(?:symbol|letter)\s+)?[\"“”'‘’]+([A-Z0-9]{1,4})[\"“”'‘’]+")


def unnamed_variant(draft: Indicator, ref: Indicator, dctx: str = "") -> bool:
    """The reference limit is for a variant marked 'X' that the draft never names: not the draft's (plain) product."""
    mine = " ".join([draft.parameter or "", *draft.conditions, draft.text or "", dctx])
    for c in ref.conditions:
        m = _MARKED.search(c)
        if m and not re.search(rf"(?<![\w\"“”'‘’]){re.escape(m.group(1))}(?!\w)|[\"“”'‘’]{re.escape(m.group(1))}[\"“”'‘’]", mine):
            return True
    return False


def affinity(draft: Indicator, ref: Indicator, dctx: str = "", rctx: str = "", sim: float | None = None) -> float:
    """How well a reference limit's conditions and context fit the draft's (higher is better; CLASH = excluded)."""
    sa = signature(draft.conditions, f"{draft.parameter} {dctx}")
    sb = signature(ref.conditions, f"{ref.parameter} {rctx}")
    score = -MARKED_VARIANT if unnamed_variant(draft, ref, dctx) else 0.0
    for g, tags in sa.tags.items():
        if g in sb.tags:
            if not tags & sb.tags[g]:
                return CLASH
            score += 0.5
    for u, band in sa.bands.items():
        if u in sb.bands:
            fit = band_fit(band, sb.bands[u])
            if fit <= 0:
                return CLASH
            score += 0.5 * fit
    wa = words(" ".join([draft.parameter, *draft.conditions, dctx]))
    wb = words(" ".join([ref.parameter, *ref.conditions, rctx, (ref.text or "")[:160]]))
    if wa:
        score += len(wa & wb) / len(wa)
    subject = subject_agreement(draft, ref, dctx, rctx)
    if subject < 0:
        return CLASH
    score += SUBJECT_FIT * subject + restated_bonus(draft, ref)  # a sentence restated word for word
    if sim is not None:
        score += sim
    return score


def _strictness(c) -> tuple:
    """Sort key: the counterpart that is worst for the draft first (looser < equal < stricter, then the margin)."""
    j = c["judgement"]
    return (RESULT_ORDER.get(j.result, 9), j.margin if j.margin is not None else 0.0)


def states_free_conditions(ind: Indicator) -> bool:
    """Whether the indicator's conditions include wording the condition signature cannot read (a part, a state)."""
    for c in ind.conditions:
        sg = signature([c])
        if not (sg.tags or sg.quantities or sg.bands):
            return True
    return False


def _keyed_first(pool: list[dict]) -> list[dict]:
    """Same-parameter candidates, unless a similarity-only one fits clearly better (by more than NEAR).

    "The strictest of the equally fitting" holds for one parameter under conditions the draft does not
    state; a similar but other parameter (手握力 beside 踏板力 in one sentence) must not win by being stricter."""
    keyed = [c for c in pool if c.get("score") is None]
    if not keyed or len(keyed) == len(pool):
        return pool
    kbest = max(c["affinity"] for c in keyed)
    better = [c for c in pool if c.get("score") is not None and c["affinity"] > kbest + NEAR]
    return better or keyed


def choose(cands: list[dict], draft: Indicator | None = None) -> tuple[dict | None, list[dict]]:
    """(the applicable counterpart, the others) from candidates {"j", "judgement", "affinity", "score"}.

    Same-parameter (key) candidates that fit about equally are all applicable and the strictest
    decides; when the draft states a part or state in words, only the best fitting ones are; among
    candidates found by similarity alone, the most similar one."""
    if not cands:
        return None, []
    # when every limit is for another class, material or band, one is shown as not comparable, with the reason
    pool = [c for c in cands if c["affinity"] > CLASH / 2] or cands
    comparable = [c for c in pool if c["judgement"].result != NOT_COMPARABLE]
    pool = comparable or pool
    pool = _keyed_first(pool)
    best = max(c["affinity"] for c in pool)
    if all(c.get("score") is not None for c in pool):
        near_by = NEAR_SIMILAR
    else:
        near_by = NEAR_STATED if draft is not None and states_free_conditions(draft) else NEAR
    near = [c for c in pool if c["affinity"] >= best - near_by]
    chosen = min(near, key=_strictness) if comparable else max(near, key=lambda c: c["affinity"])
    return chosen, [c for c in cands if c is not chosen]


def sentence_slots(inds: list[Indicator]) -> list[tuple[str, int, int]]:
    """(source sentence, rank among the limits of that sentence, their number) of every indicator."""
    seen: dict[str, int] = {}
    ranks = []
    for ind in inds:
        t = (ind.text or "").strip()
        ranks.append(seen.get(t, 0))
        seen[t] = ranks[-1] + 1
    return [((ind.text or "").strip(), k, seen[(ind.text or "").strip()]) for ind, k in zip(inds, ranks, strict=True)]


def same_slot(cands: list[dict], mine: tuple[str, int, int], slots: list[tuple[str, int, int]]) -> list[dict]:
    """A sentence the draft keeps word for word, with as many limits: its k-th limit pairs with the k-th limit of that
    sentence (a list of places the conditions do not name: 100/ml …, 20/ml …, 1 000/ml …); else `cands` unchanged."""
    text, k, n = mine
    same = [c for c in cands if slots[c["j"]][0] == text]
    if not text or len(same) < 2 or any(slots[c["j"]][2] != n for c in same):
        return cands
    pick = [c for c in same if slots[c["j"]][1] == k]
    return pick or cands
