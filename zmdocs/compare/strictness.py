"""Pairwise strictness of two indicators: stricter, equal, looser or not-comparable (with the reason).

Rules (DOMAIN.md): for an upper limit a lower value is stricter, for a lower limit a higher
one; at the same value an exclusive bound is stricter than an inclusive one; a narrower range
inside a wider one is stricter; a smaller tolerance is stricter; ordinals compare by rank.
All of these are one rule on acceptance intervals: the draft is stricter when the set of values
it accepts lies strictly inside the set the reference accepts. Conditions and test methods are
compared too (see `conditions.py`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from zmdocs.compare.conditions import compare_conditions, compare_methods, without_own_multiple
from zmdocs.compare.result import Reason
from zmdocs.compare.values import INF, Interval, canonical, close, interval
from zmdocs.model import Indicator
from zmdocs.text.numbers import parse_number

STRICTER, EQUAL, LOOSER, NOT_COMPARABLE = "stricter", "equal", "looser", "not-comparable"
# Order used to find the strictest counterpart: the worst result for the draft wins.
RESULT_ORDER = {LOOSER: 0, EQUAL: 1, STRICTER: 2}


@dataclass
class Judgement:
    """The result of comparing a draft indicator with one counterpart, and why (a code with parameters).

    The reason's parameters may qualify the code: `one_side` (the draft sets one side of the reference's
    range), `ambient` (°C; a surface temperature judged as a rise), `notes` (condition differences that
    did not decide), `condition` (the harsher or milder test condition that did)."""

    result: str
    reason: Reason = field(default_factory=lambda: Reason(""))
    margin: float | None = None  # relative margin of the draft (positive = stricter), e.g. 0.33
    margin_kind: str = ""  # "relative" (share of the counterpart's bound) or "rank" (ordinal steps)

    @property
    def code(self) -> str:
        """The language-independent reason code, e.g. "lower-upper-limit" (zmdocs.report.reasons words it)."""
        return self.reason.code

    @property
    def params(self) -> dict:
        """The code's parameters in JSON form (values, units, conditions; nested reasons as dicts)."""
        d = self.reason.to_dict()
        d.pop("code")
        return d


def _nc(code: str, **params) -> Judgement:
    return Judgement(NOT_COMPARABLE, Reason(code, params))


def _with(j: Judgement, **params) -> Judgement:
    """`j` with more parameters on its reason."""
    return Judgement(j.result, Reason(j.reason.code, {**j.reason.params, **params}), j.margin, j.margin_kind)


def judge(draft: Indicator, ref: Indicator, draft_context: str = "", ref_context: str = "",
          ambient: float | None = None) -> Judgement:
    """Compare a draft indicator with a reference indicator of the same parameter.

    The contexts (e.g. the clause headings) are read for conditions along with the parameters.
    `ambient`: the draft's general ambient temperature (°C), used when a surface temperature in °C
    meets a temperature rise in K and the limit itself states no ambient."""
    if _is_ordinal(draft) or _is_ordinal(ref):
        j = _judge_ordinal(draft, ref)
    else:
        as_rise = _as_rise(draft, ref, draft_context, ambient)
        j = _judge_numeric(as_rise or draft, ref)
        if as_rise is not None and j.result != NOT_COMPARABLE:
            j = _with(j, ambient=as_rise.normalized["ambient"])
    if j.result == NOT_COMPARABLE:
        return j
    return _with_conditions(draft, ref, j, draft_context, ref_context)


_AMBIENT_RE = re.compile(r"(?:环境温度|室温|周围温度|ambient(?:\s+temperature)?|room temperature|Umgebungstemperatur|température ambiante)"
                         r"[^0-9\-]{0,8}[（(]?\s*(-?\d+(?:[.,]\d+)?)\s*(?:±\s*\d+(?:[.,]\d+)?)?\s*[)）]?\s*(?:℃|°C|°\s*C)", re.I)


def ambient_of(texts: list[str]) -> float | None:
    """The ambient temperature (°C) stated in any of the texts, e.g. 在环境温度为(25±2)℃时测量 → 25."""
    for t in texts:
        m = _AMBIENT_RE.search(t or "")
        if m:
            v = parse_number(m.group(1))
            return None if v is None else float(v)
    return None


def _as_rise(draft: Indicator, ref: Indicator, context: str, ambient: float | None) -> Indicator | None:
    """The draft's absolute temperature limit as a rise over its stated ambient, when the reference sets a rise."""
    ca, cb = canonical(draft), canonical(ref)
    if ca.unit != "°C" or cb.unit != "K" or ca.value is None:
        return None
    amb = ambient_of([*draft.conditions, draft.text, context])
    amb = amb if amb is not None else ambient
    if amb is None:
        return None
    conv = Indicator(parameter=draft.parameter, comparator=draft.comparator, value=ca.value - amb, unit="K",
                     key=draft.key, direction=draft.direction, conditions=list(draft.conditions), method=draft.method)
    conv.normalized = {"unit": "K", "value": ca.value - amb, "min": None, "max": None, "ambient": amb}
    return conv


def _is_ordinal(ind: Indicator) -> bool:
    return bool(ind.ordinal) or (isinstance(ind.value, str) and ind.comparator not in ("range", "tolerance")
                                 and not _numeric_str(ind.value))


def _numeric_str(s: str) -> bool:
    return parse_number(s) is not None


def _ranks(ind: Indicator) -> list[float] | None:
    r = (ind.ordinal or {}).get("rank")
    if r is None:
        return None
    if isinstance(r, (int, float)):
        return [float(r)]
    try:
        return [(-1.0 if x is None else float(x)) for x in r]
    except (TypeError, ValueError):
        return None


def _lower_rank_better(ind: Indicator) -> bool:
    scale = str((ind.ordinal or {}).get("scale", ""))
    return ind.direction == "lower-is-stricter" or scale.startswith("grade-cn") or (ind.ordinal or {}).get("best") == "low"


def _judge_ordinal(draft: Indicator, ref: Indicator) -> Judgement:
    if not (draft.ordinal and ref.ordinal):
        return _nc("ordinal-vs-numeric")
    sa, sb = draft.ordinal.get("scale"), ref.ordinal.get("scale")
    if sa != sb:
        return _nc("different-scales", draft=sa, ref=sb)
    ra, rb = _ranks(draft), _ranks(ref)
    if ra is None or rb is None or len(ra) != len(rb):
        return _nc("ranks-unknown")
    if _lower_rank_better(draft):
        ra, rb = [-x for x in ra], [-x for x in rb]
    ge = all(x >= y for x, y in zip(ra, rb, strict=True))
    le = all(x <= y for x, y in zip(ra, rb, strict=True))
    la, lb = draft.ordinal.get("label", draft.value), ref.ordinal.get("label", ref.value)
    step = sum(x - y for x, y in zip(ra, rb, strict=True))
    labels = {"draft": la, "ref": lb}
    if ge and le:
        return Judgement(EQUAL, Reason("same-rank", labels), 0.0, "rank")
    if ge:
        return Judgement(STRICTER, Reason("higher-rank", labels), step, "rank")
    if le:
        return Judgement(LOOSER, Reason("lower-rank", labels), step, "rank")
    return _nc("ranks-opposite", **labels)


def _judge_numeric(draft: Indicator, ref: Indicator) -> Judgement:
    ca, cb = canonical(draft), canonical(ref)
    if (ca.unit or "") != (cb.unit or ""):
        if {ca.unit, cb.unit} == {"°C", "K"}:
            return _nc("absolute-vs-rise")
        return _nc("different-dimensions", draft=draft.unit, ref=ref.unit)
    if ca.unit is None:
        if (draft.unit or "") != (ref.unit or ""):
            return _nc("units-not-convertible", draft=draft.unit, ref=ref.unit)
    ia, ib = interval(draft, ca), interval(ref, cb)
    if ia is None or ib is None:
        return _nc("value-missing")
    if ia.kind == "tolerance" or ib.kind == "tolerance":
        if ia.kind != ib.kind:
            return _nc("tolerance-vs-limit")
        if ia.nominal is not None and ib.nominal is not None and not close(ia.nominal, ib.nominal):
            return _nc("different-nominal")
    if "point" in (ia.kind, ib.kind) and ia.kind != ib.kind:
        return _nc("fixed-vs-limit")
    if {ia.kind, ib.kind} == {"upper", "lower"}:
        return _nc("upper-vs-lower")
    if ia.kind in ("upper", "lower") and ib.kind == "two-sided":
        # the draft sets one side of the reference's range: compare that side, and say so
        side = Interval(ib.lo, INF, ib.lo_open, True, "lower") if ia.kind == "lower" else Interval(-INF, ib.hi, True, ib.hi_open, "upper")
        j = _judge_intervals(ia, side)
        if j.result != NOT_COMPARABLE:
            return _with(j, one_side=ia.kind)
    return _judge_intervals(ia, ib)


def _judge_intervals(ia: Interval, ib: Interval) -> Judgement:
    a_in_b, b_in_a = _subset(ia, ib), _subset(ib, ia)
    margin = _margin(ia, ib)
    if a_in_b and b_in_a:
        return Judgement(EQUAL, Reason("same-limit"), 0.0, "relative")
    if a_in_b:
        return Judgement(STRICTER, _why(ia, ib, True), margin, "relative")
    if b_in_a:
        return Judgement(LOOSER, _why(ia, ib, False), margin, "relative")
    if ia.kind == ib.kind == "point":
        return _nc("fixed-values-differ")
    return _nc("ranges-overlap")


def _subset(a: Interval, b: Interval) -> bool:
    """Whether every value a accepts, b accepts too."""
    lo_ok = a.lo > b.lo or (close(a.lo, b.lo) and (a.lo_open or not b.lo_open))
    hi_ok = a.hi < b.hi or (close(a.hi, b.hi) and (a.hi_open or not b.hi_open))
    return lo_ok and hi_ok


def _margin(a: Interval, b: Interval) -> float | None:
    """Relative margin of the draft against the counterpart (positive = stricter)."""
    if a.kind == "upper" and b.kind in ("upper", "point") or (a.kind == "point" and b.kind == "upper"):
        return (b.hi - a.hi) / abs(b.hi) if b.hi else None
    if a.kind == "lower" and b.kind in ("lower", "point") or (a.kind == "point" and b.kind == "lower"):
        return (a.lo - b.lo) / abs(b.lo) if b.lo else None
    if not (math.isinf(a.width) or math.isinf(b.width)) and b.width:
        return (b.width - a.width) / b.width
    return None


def _why(a: Interval, b: Interval, stricter: bool) -> Reason:
    """The reason of a stricter/looser judgement on two intervals: which bound, and how it differs."""
    word = {"word": STRICTER if stricter else LOOSER}
    for side, va, vb, oa, ob in (("upper", a.hi, b.hi, a.hi_open, b.hi_open), ("lower", a.lo, b.lo, a.lo_open, b.lo_open)):
        if a.kind == b.kind == side:
            if close(va, vb):
                return Reason("bound-at-same-value", {**word, "side": side, "draft": "exclusive" if oa else "inclusive",
                                                      "ref": "exclusive" if ob else "inclusive"})
            return Reason(f"{'lower' if va < vb else 'higher'}-{side}-limit", word)
    if a.kind == b.kind == "tolerance":
        return Reason("smaller-tolerance" if stricter else "larger-tolerance", word)
    return Reason("narrower-range" if stricter else "wider-range", word)


def _with_conditions(draft: Indicator, ref: Indicator, j: Judgement, draft_context: str = "",
                     ref_context: str = "") -> Judgement:
    """Fold in test conditions and methods: judge a harsher condition only when the direction is known."""
    mv = compare_methods(draft.method, ref.method)
    if mv.relation == "different":
        return _nc("different-methods", detail=mv.reason)
    cv = compare_conditions(without_own_multiple(draft.conditions, draft.value), without_own_multiple(ref.conditions, ref.value),
                            f"{draft.parameter} {draft_context}".strip(), f"{ref.parameter} {ref_context}".strip())
    if cv.relation == "same":
        notes = cv.notes + mv.notes
        return _with(j, notes=notes) if notes else j
    if cv.relation == "different":
        return _nc("different-conditions", detail=cv.reason)
    if cv.relation == "harsher" and j.result in (STRICTER, EQUAL):
        return Judgement(STRICTER, _with(j, condition=cv.reason).reason, j.margin, j.margin_kind)
    if cv.relation == "milder" and j.result in (LOOSER, EQUAL):
        return Judgement(LOOSER, _with(j, condition=cv.reason).reason, j.margin, j.margin_kind)
    return _nc("conditions-vs-limit", condition=cv.reason, limit=j.result)


def worst(results: list[str]) -> str | None:
    """The draft's result against the strictest of several counterparts (None if none is comparable)."""
    comparable = [r for r in results if r in RESULT_ORDER]
    if not comparable:
        return None
    return min(comparable, key=RESULT_ORDER.__getitem__)
