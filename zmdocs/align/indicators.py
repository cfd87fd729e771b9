"""Indicator alignment: each indicator of A to its counterpart(s) in B, with a score.

Evidence: the same parameter key, similar parameter text (cross-language embeddings),
compatible unit dimension (mandatory: mA never pairs with dB), similar conditions, and whether
the two indicators sit in clauses the clause alignment paired.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from zmdocs.model import Indicator, IndicatorPair

_TEMPERATURE = {"°C", "K", "℃"}


def canonical_unit(ind: Indicator) -> str:
    """The canonical unit symbol of an indicator ('' when it has none)."""
    norm = ind.normalized or {}
    u = norm.get("unit") or ind.unit or ""
    if ind.ordinal:
        return f"ordinal:{ind.ordinal.get('scale', '')}"
    return str(u).strip()


def units_compatible(ua: str, ub: str) -> bool:
    """Same canonical unit (hence dimension); temperature and temperature rise count as one."""
    if ua == ub:
        return True
    if ua in _TEMPERATURE and ub in _TEMPERATURE:
        return True
    if not ua or not ub:
        return False
    if ua.startswith("ordinal:") or ub.startswith("ordinal:"):
        return False
    try:
        from zmdocs.indicators.units import conversion

        ca, cb = conversion(ua)[0], conversion(ub)[0]
        return ca is not None and ca == cb
    except Exception:  # units module not there or unit unknown: units differ
        return False


def indicator_text(ind: Indicator) -> str:
    cond = "; ".join(ind.conditions[:3])
    return f"{ind.parameter} ({cond})" if cond else (ind.parameter or ind.text[:120])


def _cond_tokens(ind: Indicator) -> set[str]:
    return {t for c in ind.conditions for t in re.findall(r"[\w.]+", c.lower())}


def align_indicators(
    inds_a: list[Indicator],
    inds_b: list[Indicator],
    va: np.ndarray | None,
    vb: np.ndarray | None,
    paired_clauses: set[tuple[str, str]],
    threshold: float = 0.55,
    margin: float = 0.05,
) -> list[IndicatorPair]:
    """Pairs (index in A, index in B, score in [0, 1]) for every A indicator with a counterpart."""
    if not inds_a or not inds_b:
        return []
    ua = [canonical_unit(i) for i in inds_a]
    ub = [canonical_unit(i) for i in inds_b]
    sim = va @ vb.T if va is not None and vb is not None else np.zeros((len(inds_a), len(inds_b)))
    pairs: list[IndicatorPair] = []
    for i, p in enumerate(inds_a):
        scores = np.full(len(inds_b), -1.0)
        for j, q in enumerate(inds_b):
            if not units_compatible(ua[i], ub[j]):
                continue
            same_key = bool(p.key and q.key and p.key == q.key)
            s = 0.45 * (1.0 if same_key else 0.0) + 0.45 * max(0.0, float(sim[i, j]))
            if not same_key and p.key and q.key:
                s -= 0.1
            if (p.clause, q.clause) in paired_clauses:
                s += 0.15
            ca, cb = _cond_tokens(p), _cond_tokens(q)
            if ca and cb:
                s += 0.1 * len(ca & cb) / len(ca | cb)
            if p.comparator and q.comparator and _bound_side(p.comparator) != _bound_side(q.comparator):
                s -= 0.1
            scores[j] = min(1.0, s)
        best = float(scores.max())
        if best < threshold:
            continue
        for j in np.nonzero(scores >= best - margin)[0]:
            pairs.append(IndicatorPair(a=i, b=int(j), score=round(float(scores[j]), 4)))
    return pairs


def _bound_side(comp: str) -> str:
    return {"<=": "upper", "<": "upper", ">=": "lower", ">": "lower"}.get(comp, comp)


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


_CLAUSE_REF = re.compile(r"^(?:[A-Z]\.)?\d+(?:\.\d+)*$")


def indicator_deviations(inds_a: list[Indicator], inds_b: list[Indicator], pairs: list[IndicatorPair],
                         cond_a: np.ndarray | None = None, cond_b: np.ndarray | None = None,
                         cond_threshold: float = 0.6) -> list[dict]:
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
        if a.conditions and b.conditions:
            if cond_a is not None and cond_b is not None:
                if float(cond_a[p.a] @ cond_b[p.b]) < cond_threshold:
                    diffs.append("conditions")
            elif _cond_tokens(a) != _cond_tokens(b):
                diffs.append("conditions")
        ma, mb = (a.method or "").strip(), (b.method or "").strip()
        if ma and mb and not (_CLAUSE_REF.match(ma) or _CLAUSE_REF.match(mb)) and ma != mb:
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
