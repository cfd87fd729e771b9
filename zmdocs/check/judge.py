"""Pass or fail of one product value against one limit, in the limit's canonical unit."""

from __future__ import annotations

import math

from zmdocs.check.result import Check, Limit
from zmdocs.check.spec import Param
from zmdocs.compare.values import conversion, fmt_number, interval
from zmdocs.diff.text import key
from zmdocs.model import Indicator
from zmdocs.pairing import unit_dimension as dimension


def _indicator(lim: Limit) -> Indicator:
    return Indicator(parameter=lim.parameter, comparator=lim.comparator, value=lim.value, min=lim.min, max=lim.max,
                     unit=lim.unit)


def _canon(x: float, unit: str) -> float:
    canon, f, off = conversion(unit) if unit else (None, 1.0, 0.0)
    return x * f + off if canon else x


def _inside(x: float, lo: float, hi: float, lo_open: bool, hi_open: bool) -> bool:
    eps = 1e-9 * max(1.0, abs(x))
    above = x > lo + eps if lo_open else x >= lo - eps
    below = x < hi - eps if hi_open else x <= hi + eps
    return above and below


def _margin(x: float, lo: float, hi: float, unit: str) -> float | None:
    """How far outside the interval the value lies, back in the limit's unit."""
    d = lo - x if x < lo else x - hi
    if math.isinf(d):
        return None
    _, f, _ = conversion(unit) if unit else (None, 1.0, 0.0)
    return round(d / (f or 1.0), 9)


def _judge_ordinal(p: Param, lim: Limit, base: dict) -> Check:
    """An IP code or grade: the product's rank must reach the limit's (or stay under it for ≤)."""
    from zmdocs.compare.product import ordinal_of
    from zmdocs.compare.strictness import EQUAL, LOOSER, STRICTER
    from zmdocs.compare.strictness import judge as rank_judge

    written = "" if p.value is None else (fmt_number(p.value) if isinstance(p.value, (int, float)) else str(p.value))
    po = ordinal_of(written) or ordinal_of(f"{written}{p.unit}") if written else None
    if not po or not lim.ordinal:
        return Check(result="not-comparable", reason="ordinal-limit", **base)
    prod = Indicator(parameter=p.parameter, comparator=lim.comparator, value=po["label"], ordinal=po,
                     direction=lim.direction)
    ref = Indicator(parameter=lim.parameter, comparator=lim.comparator, value=lim.value, ordinal=lim.ordinal,
                    direction=lim.direction)
    j = rank_judge(prod, ref)
    if j.result not in (STRICTER, EQUAL, LOOSER):
        return Check(result="not-comparable", reason="ordinal-limit", **base)
    ok = j.result in ((LOOSER, EQUAL) if lim.comparator in ("<=", "<") else (STRICTER, EQUAL))
    return Check(result="pass" if ok else "fail", reason="within" if ok else "outside-rank", **base)


def judge(p: Param, lim: Limit, how: str) -> Check:
    """pass / fail / not-comparable for a product parameter matched to a limit."""
    base = dict(parameter=p.parameter, value=p.value, unit=p.unit, limit=lim, match=how)
    if lim.ordinal or isinstance(lim.value, str):
        return _judge_ordinal(p, lim, base)
    if not isinstance(p.value, (int, float)):
        return Check(result="not-comparable", reason="not-numeric" if p.value is not None else "no-value", **base)
    dp, dl = dimension(p.unit), dimension(lim.unit)
    if (dp is None or dl is None) and key(p.unit) != key(lim.unit):
        return Check(result="not-comparable", reason="unknown-unit", **base)
    if dl and not dp and dp is not None:
        return Check(result="not-comparable", reason="no-unit", **base)
    if dp != dl:
        return Check(result="not-comparable", reason="unit-mismatch", **base)
    ind = _indicator(lim)
    from zmdocs.compare.values import canonical

    iv = interval(ind, canonical(ind))
    if iv is None:
        return Check(result="not-comparable", reason="limit-incomplete", **base)
    x = _canon(float(p.value), p.unit)
    if iv.kind == "tolerance" and iv.nominal is not None:
        x -= iv.nominal
    ok = _inside(x, iv.lo, iv.hi, iv.lo_open, iv.hi_open)
    args = {"conditions": [c for c in lim.conditions if len(c) <= 40]}
    if not ok:
        args["margin"] = _margin(x, iv.lo, iv.hi, lim.unit)
    return Check(result="pass" if ok else "fail", reason="within" if ok else "outside", args=args, **base)
