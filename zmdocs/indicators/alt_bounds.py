"""Alternative bounds in a parenthesis after a bound (en/de/fr regulations).

"nor more than 1 500 mm (2 100 mm if the bodywork …)": the parenthesis opens with an alternative bound of the same
kind, and the rest of it (quantities included) is that bound's condition. The alternative may repeat the bound's cue
("(not more than 1 200 mm if grouped …, 1 500 mm if the bodywork … keep within 900 mm or 1 200 mm respectively)"),
and further alternatives may follow after a comma, each with its own if-span; the values inside those spans
("keep within 900 mm") restate the bounds and are no indicators.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import direction
from zmdocs.indicators.quantities import Quantity, dim_of
from zmdocs.model import Indicator

_ALT_OPEN = re.compile(r"\s*\(\s*(?=[-+]?\d)")
_ALT_OPEN_CUE = re.compile(r"(?i)\s*\(\s*(?:not\s+(?:more|less|greater|higher|lower)\s+than|at\s+(?:most|least)"
                           r"|(?:a\s+)?(?:maximum|minimum)(?:\s+of)?|max\.|min\.|nicht\s+(?:mehr|weniger)\s+als|höchstens|mindestens)\s+(?=[-+]?\d)")
_ALT_CUE = re.compile(r"(?i)\s*(?:if|for|when|where|in\s+the\s+case\s+of|wenn|für|bei|si|pour|lorsque)\b")
_NEXT = re.compile(r"[,;]\s*$")


def _close(t: str, i: int, e: int) -> int:
    """The index of the ")" that closes the parenthesis opened before `i` ("lamp(s)" inside it nests), or -1."""
    depth = 0
    for k in range(i, e):
        if t[k] == "(":
            depth += 1
        elif t[k] == ")":
            if not depth:
                return k
            depth -= 1
    return -1


def alternative_bounds(t: str, qs: list[Quantity], e: int) -> list[Quantity]:
    """Mark the alternatives in a parenthesis right after a bound (role indicator, the bound's comparator, their
    if-spans as conditions); drop every other quantity of that parenthesis. Returns the quantities kept."""
    drop: set[int] = set()
    for q in qs:
        if id(q) in drop or q.comparator not in ("<=", ">=", "<", ">") or not q.unit:
            continue
        m = _ALT_OPEN.match(t, q.end, e) or _ALT_OPEN_CUE.match(t, q.end, e)
        close = _close(t, m.end(), e) if m else -1
        inner = [r for r in qs if m.end() <= r.start < close] if close > 0 else []
        if not inner or inner[0].start != m.end() or not _alternative(t, inner[0], q):
            continue
        alts = [inner[0]]
        for prev, r in zip(inner, inner[1:], strict=False):
            if _alternative(t, r, q) and _NEXT.search(t, prev.end, r.start):
                alts.append(r)  # ", 1 500 mm if the bodywork …": a further alternative
        for k, alt in enumerate(alts):
            stop = alts[k + 1].start if k + 1 < len(alts) else close
            alt.comparator, alt.cue_start, alt.alt, alt.alt_of = q.comparator, alt.start, True, id(q)
            alt.conds.append(t[alt.end:stop].strip().rstrip(",;").strip())
        drop.update(id(r) for r in inner if not any(r is x for x in alts))
    return [q for q in qs if id(q) not in drop]


def _alternative(t: str, r: Quantity, q: Quantity) -> bool:
    """A single value of the bound's dimension followed by its if-span."""
    return r.kind == "one" and bool(r.unit) and dim_of(r.unit) == dim_of(q.unit) and bool(_ALT_CUE.match(t, r.end))


def share_owner_parameter(seg_inds: list[tuple[Quantity, Indicator]]) -> None:
    """An alternative in parentheses bounds its owner's parameter ("踏板力…300N（拖拉机运输机组…350N）")."""
    by_q = {id(q): ind for q, ind in seg_inds}
    for q, ind in seg_inds:
        own = by_q.get(q.alt_of) if q.alt_of else None
        if own is not None:
            ind.parameter, ind.key = own.parameter, own.key
            ind.direction = direction(ind)
