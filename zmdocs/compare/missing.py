"""The `missing` list: requirements some reference sets and the draft lacks (by parameter key).

Only requirements count — a writer is asked about limits the product must meet, not about the test
voltages, forces, distances or durations a test applies. So an indicator is listed only when its role
is `requirement`, it sits in a requirements clause, it is a limit (a bound, range, tolerance or grade:
a bare fixed number in a reference is a test setting or a declared rating). An identical adoption's
copy of a provision of the standard it adopts is that standard's: listed once, under it, as it reads it.
"""

from __future__ import annotations

from zmdocs.compare.evidence import evidence
from zmdocs.compare.pairing import is_requirement
from zmdocs.compare.result import Missing, Value
from zmdocs.compare.tiers import tier_of
from zmdocs.model import Indicator
from zmdocs.pairing import clause_number

_LIMITS = {"<=", ">=", "<", ">", "range", "tolerance"}


def _sig(ind: Indicator) -> tuple:
    """One limit of one parameter, wherever the document repeats it."""
    return (ind.key, ind.comparator, str(ind.value), ind.min, ind.max)


def is_limit(ind: Indicator) -> bool:
    """A bound, range, tolerance or grade; a fixed `= number` is a setting or a rating, not a limit."""
    return ind.comparator in _LIMITS or bool(ind.ordinal) or isinstance(ind.value, str)


def find_missing(dinds: list[Indicator], refs, paired: dict[str, set[int]], found: set[str],
                 adoptions: dict[str, tuple[str, str]] | None = None) -> list[Missing]:
    """Requirements the references set that the draft lacks, once per document and limit (see the module doc)."""
    adoptions = adoptions or {}
    draft_keys = {d.key for d in dinds if d.key}
    by_id = {r.id: r for r in refs}
    out = []
    for ref in refs:
        relation, adopted = adoptions.get(ref.id, ("", ""))
        # an identical adoption's copy of a provision of the standard it adopts is that standard's, as it reads it
        theirs = {(clause_number(i), *_sig(i)) for i in by_id[adopted].indicators} if relation == "IDT" and adopted in by_id else set()
        seen: set[tuple] = set()
        for j, ind in enumerate(ref.indicators):
            if not ind.key or ind.key in draft_keys or j in paired.get(ref.id, set()) or ind.role != "requirement" \
                    or not is_requirement(ref, ind) or not is_limit(ind):
                continue
            sig = _sig(ind)
            if sig in seen or (clause_number(ind), *sig) in theirs:
                continue
            seen.add(sig)
            out.append(Missing(ind.parameter, ind.key, ref.id, tier_of(ref),
                               Value(ind.comparator, ind.value, ind.min, ind.max, ind.unit), evidence(ref, ind), ref.id in found))
    return out
