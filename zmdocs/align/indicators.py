"""Indicator alignment: each indicator of A to its counterpart(s) in B, with a score.

Evidence: the same parameter key, similar parameter text (cross-language embeddings),
compatible unit dimension (mandatory: mA never pairs with dB) — all three as `zmdocs.pairing`
decides them — similar conditions, and whether the two indicators sit in clauses the clause
alignment paired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from zmdocs.model import Indicator, IndicatorPair
from zmdocs.pairing import bound_side, dimension, groups_agreement, key_matrices, subject_groups
from zmdocs.text.clausenum import CLAUSE_NO


@dataclass
class Side:
    """One document's indicators with their text vectors and condition vectors (None without a model)."""

    inds: list[Indicator]
    vec: np.ndarray | None = None
    cond: np.ndarray | None = None
    ctx: list[str] | None = None  # heading path of each indicator (zmdocs.pairing.heading_paths)


def indicator_text(ind: Indicator) -> str:
    """What align embeds for an indicator: its parameter with the first conditions in brackets."""
    cond = "; ".join(ind.conditions[:3])
    return f"{ind.parameter} ({cond})" if cond else (ind.parameter or ind.text[:120])


_ROMAN = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "0Ⅰ": "0I"}
_ANCHOR = re.compile(r"(?<![A-Za-z])(?:0I|III|II|IV|I)(?![A-Za-z])|[ⅠⅡⅢⅣ]|\d+(?:[.,]\d+)?")


def anchors(ind: Indicator) -> frozenset[str]:
    """Language-independent tokens of the conditions (numbers, class numerals I/II/Ⅱ): 'for class II
    appliances' and 'Ⅱ类器具' share {'II'}, so rows of a limits table pair across languages."""
    out = set()
    for c in ind.conditions:
        for t in _ANCHOR.findall(c):
            out.add(_ROMAN.get(t, t).replace(",", "."))
    return frozenset(out)


def _cond_tokens(ind: Indicator) -> set[str]:
    return {t for c in ind.conditions for t in re.findall(r"[\w.]+", c.lower())}


def _ranks(inds: list[Indicator]) -> list[int]:
    """Position of each indicator among those with the same clause and key (row order in a table)."""
    seen: dict[tuple, int] = {}
    out = []
    for i in inds:
        k = (i.clause, i.key or i.parameter)
        out.append(seen.get(k, 0))
        seen[k] = out[-1] + 1
    return out


SUBJECT_BONUS = 0.1  # both heading paths (or parameters) name the same subject


def subject_matrix(a: Side, b: Side) -> np.ndarray:
    """[A × B] `zmdocs.pairing.groups_agreement` of the subjects the indicators and their heading paths name:
    1 the same subject, -1 another one of the same group (another part, lamp, pollutant), 0 unknown."""
    ga = [subject_groups(i, (a.ctx or [""] * len(a.inds))[k]) for k, i in enumerate(a.inds)]
    gb = [subject_groups(i, (b.ctx or [""] * len(b.inds))[k]) for k, i in enumerate(b.inds)]
    out = np.zeros((len(ga), len(gb)))
    cols = [j for j, g in enumerate(gb) if g]
    for i, g in enumerate(ga):
        if g:
            for j in cols:
                out[i, j] = groups_agreement(g, gb[j])
    return out


def indicator_scores(a: Side, b: Side, paired_clauses: set[tuple[str, str]]) -> np.ndarray:
    """Score (about 0..1.3) for every (A, B) indicator pair; -1 where the unit dimensions or the subjects differ.

    The notion of the same parameter is `zmdocs.pairing`'s (keys, dimension, bound side); the
    weights are align's: soft, so the clause pairing and conditions can outvote a missing key."""
    inds_a, inds_b = a.inds, b.inds
    n, m = len(inds_a), len(inds_b)
    dims_a = np.array([dimension(i) for i in inds_a], dtype=object)
    dims_b = np.array([dimension(i) for i in inds_b], dtype=object)
    compat = dims_a[:, None] == dims_b[None, :]
    same_key, conflict = key_matrices(inds_a, inds_b)
    sim = a.vec @ b.vec.T if a.vec is not None and b.vec is not None else np.zeros((n, m))
    s = 0.45 * same_key + 0.45 * np.maximum(sim, 0) - 0.1 * conflict
    ca = np.array([i.clause or "" for i in inds_a], dtype=object)
    cb = np.array([i.clause or "" for i in inds_b], dtype=object)
    if paired_clauses:
        pc = np.array([[(x, y) in paired_clauses for y in np.unique(cb)] for x in np.unique(ca)], dtype=bool)
        _, ica = np.unique(ca, return_inverse=True)
        _, icb = np.unique(cb, return_inverse=True)
        s += 0.15 * pc[ica][:, icb]
    if a.cond is not None and b.cond is not None:
        both = np.array([bool(i.conditions) for i in inds_a])[:, None] & np.array([bool(i.conditions) for i in inds_b])[None, :]
        s += np.where(both, 0.1 * (a.cond @ b.cond.T), 0.0)
    side_a = np.array([bound_side(i) for i in inds_a], dtype=object)
    side_b = np.array([bound_side(i) for i in inds_b], dtype=object)
    s -= 0.1 * ((side_a[:, None] != side_b[None, :]) & (side_a != "")[:, None] & (side_b != "")[None, :])
    an_a, an_b = [anchors(i) for i in inds_a], [anchors(i) for i in inds_b]
    if any(an_a) and any(an_b):
        agree = np.array([[(x == y) - (x != y) if x and y else 0 for y in an_b] for x in an_a], dtype=float)
        s += 0.1 * agree
    ra, rb = np.array(_ranks(inds_a)), np.array(_ranks(inds_b))
    s += 0.05 * (ra[:, None] == rb[None, :]) * same_key
    subj = subject_matrix(a, b)
    s += SUBJECT_BONUS * (subj > 0)
    return np.where(compat & (subj >= 0), s, -1.0)  # may exceed 1: ranking keeps every signal; reported scores are clipped


def align_indicators(
    inds_a: list[Indicator],
    inds_b: list[Indicator],
    va: np.ndarray | None,
    vb: np.ndarray | None,
    paired_clauses: set[tuple[str, str]],
    threshold: float = 0.55,
    margin: float = 0.05,
    cond_a: np.ndarray | None = None,
    cond_b: np.ndarray | None = None,
    one_to_one: bool = False,
    ctx_a: list[str] | None = None,
    ctx_b: list[str] | None = None,
) -> list[IndicatorPair]:
    """Pairs (index in A, index in B, score in [0, 1]) for every A indicator with a counterpart.

    `one_to_one` (translation mode): greedy best-first assignment, each indicator used once;
    otherwise each A indicator takes its best B indicator and any within `margin` of it.
    """
    if not inds_a or not inds_b:
        return []
    sc = indicator_scores(Side(inds_a, va, cond_a, ctx_a), Side(inds_b, vb, cond_b, ctx_b), paired_clauses)
    pairs: list[IndicatorPair] = []
    if one_to_one:
        used_a: set[int] = set()
        used_b: set[int] = set()
        order = np.argsort(-sc, axis=None)
        for flat in order:
            i, j = divmod(int(flat), sc.shape[1])
            if sc[i, j] < threshold:
                break
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            pairs.append(IndicatorPair(a=i, b=j, score=round(min(1.0, float(sc[i, j])), 4)))
        pairs.sort(key=lambda p: (p.a, p.b))
        return pairs
    for i in range(len(inds_a)):
        best = float(sc[i].max())
        if best < threshold:
            continue
        for j in np.nonzero(sc[i] >= best - margin)[0]:
            pairs.append(IndicatorPair(a=i, b=int(j), score=round(min(1.0, float(sc[i, j])), 4)))
    return pairs


def _values(ind: Indicator) -> tuple[Any, Any, Any]:
    n = ind.normalized or {}
    return (n.get("value", ind.value), n.get("min", ind.min), n.get("max", ind.max))


def condition_vectors(inds: list[Indicator], emb) -> np.ndarray | None:
    """One vector per indicator for its conditions (zero rows where it has none)."""
    texts = ["; ".join(i.conditions) for i in inds]
    idx = [k for k, t in enumerate(texts) if t]
    if not idx or emb is None:
        return None
    v = emb.encode([texts[k] for k in idx])
    out = np.zeros((len(inds), v.shape[1]), dtype=np.float32)
    out[idx] = v
    return out




def indicator_deviations(inds_a: list[Indicator], inds_b: list[Indicator], pairs: list[IndicatorPair],
                         cond_a: np.ndarray | None = None, cond_b: np.ndarray | None = None,
                         cond_threshold: float = 0.5) -> list[dict]:
    """Aligned indicators whose limits, comparators, conditions or methods differ: technical deviations.

    Conditions are compared by meaning (cross-language vectors) when both sides state some;
    methods only when both name a document (clause numbers differ between editions anyway).
    """
    out = []
    for p in pairs:
        a, b = inds_a[p.a], inds_b[p.b]
        diffs = []
        if _values(a) != _values(b):
            diffs.append("value")
        if a.comparator != b.comparator:
            diffs.append("comparator")
        an_a, an_b = anchors(a), anchors(b)
        if a.conditions and b.conditions and an_a and an_b:
            if an_a != an_b:  # numbers or class numerals differ: a real difference in any language
                diffs.append("conditions")
        elif a.conditions and b.conditions:
            if cond_a is not None and cond_b is not None:
                if float(cond_a[p.a] @ cond_b[p.b]) < cond_threshold:
                    diffs.append("conditions")
            elif _cond_tokens(a) != _cond_tokens(b):
                diffs.append("conditions")
        ma, mb = (a.method or "").strip(), (b.method or "").strip()
        if ma and mb and not (CLAUSE_NO.match(ma) or CLAUSE_NO.match(mb)) and ma != mb:
            diffs.append("method")
        if not diffs:
            continue
        out.append({
            "type": "indicator",
            "a": p.a,
            "b": p.b,
            "score": p.score,
            "parameter": a.parameter or b.parameter,
            "key": a.key or b.key,
            "clause_a": a.clause,
            "clause_b": b.clause,
            "text_a": _describe(a),
            "text_b": _describe(b),
            "differs_in": diffs,
        })
    return out


def _describe(ind: Indicator) -> str:
    v = ind.value if ind.value is not None else (f"{ind.min}–{ind.max}" if ind.min is not None or ind.max is not None else "")
    s = f"{ind.parameter} {ind.comparator} {v} {ind.unit}".strip()
    if ind.conditions:
        s += f" ({'; '.join(ind.conditions)})"
    return re.sub(r"\s+", " ", s)
