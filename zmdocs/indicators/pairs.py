"""Paired bounds on one quantity ("not less than 350 mm nor more than 1 500 mm") read as one range."""

from __future__ import annotations

import re

from zmdocs.indicators.common import make

_PAIR_JOIN = re.compile(r"(?i)^[\s,，]*(?:and|nor|or|but|und|oder|et|ou|且|并且|而且|但|,|，|、)?[\s,，]*(?:(?:shall|must)\s+)?(?:be\s+)?(?:应|并|且)?\s*$")


def merge_bounds(t: str, seg_inds: list) -> list:
    """"not less than 350 mm nor more than 1 500 mm", "不小于5 且不大于10": a lower and an upper bound on the same
    quantity, written next to each other, are one range."""
    out: list = []
    k = 0
    while k < len(seg_inds):
        q, ind = seg_inds[k]
        if k + 1 < len(seg_inds):
            q2, ind2 = seg_inds[k + 1]
            lo_hi = {ind.comparator, ind2.comparator}
            between = t[q.end:q2.cue_start if q2.cue_start >= q.end else q2.start]
            if q.kind == q2.kind == "one" and len(between) <= 40 and (
                    lo_hi in ({">=", "<="}, {">", "<="}, {">=", "<"}, {">", "<"})) and (ind.unit == ind2.unit or not ind2.unit or not ind.unit) \
                    and isinstance(ind.value, (int, float)) and isinstance(ind2.value, (int, float)) \
                    and _PAIR_JOIN.match(re.sub(r"\([^()]*\)", "", between)):
                lo, hi = (ind, ind2) if ind.comparator in (">=", ">") else (ind2, ind)
                if lo.value < hi.value:
                    unit = ind.unit or ind2.unit
                    merged = make(parameter=ind.parameter, comparator="range", unit=unit, vmin=lo.value, vmax=hi.value,
                                  key=ind.key or ind2.key, conditions=ind.conditions + ind2.conditions, method=ind.method,
                                  clause=ind.clause, page=ind.page, text=ind.text, origin=ind.origin)
                    merged._bare = False
                    out.append((q, merged))
                    k += 2
                    continue
        out.append((q, ind))
        k += 1
    return out
