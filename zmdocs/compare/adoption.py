"""Adoption-aware tiers: an IDT adoption carries the same requirements as the standard it adopts, so it
is counted once (`IEC 60335-2-15:2016 (= DIN EN 60335-2-15:2020, IDT)`); a MOD adoption is kept and its
values that differ from the adopted standard are shown as deviations (`Counterpart.deviation_of` and
`deviation_value`; the report words them).
"""

from __future__ import annotations

import re

from zmdocs.compare.result import Counterpart, RefInfo, Row
from zmdocs.compare.values import canonical
from zmdocs.model import Indicator


def norm_id(doc_id: str) -> str:
    """A standard id reduced for matching: upper case, no spaces, year separators unified."""
    s = (doc_id or "").upper().replace("／", "/")
    s = re.sub(r"\s+", "", s)
    return re.sub(r"[—–\-:](\d{4})$", r":\1", s)


def _bare(doc_id: str) -> str:
    return re.sub(r":\d{4}$", "", norm_id(doc_id))


def links(refs: list, infos: list[RefInfo]) -> dict[str, tuple[str, str]]:
    """{adopting ref id: (relation, adopted ref id)} for adoptions whose adopted standard is among the refs."""
    by_id = {norm_id(r.id): r.id for r in refs}
    by_bare = {_bare(r.id): r.id for r in refs}
    out: dict[str, tuple[str, str]] = {}
    for ref in refs:
        ad = getattr(ref, "adoption", None)
        if not ad or not getattr(ad, "standard", ""):
            continue
        target = by_id.get(norm_id(ad.standard)) or by_bare.get(_bare(ad.standard))
        if target and target != ref.id:
            out[ref.id] = (str(ad.relation).upper(), target)
    for info in infos:
        ref = next((r for r in refs if r.id == info.id), None)
        ad = getattr(ref, "adoption", None) if ref is not None else None
        if ad and getattr(ad, "standard", ""):
            info.adoption = {"relation": str(ad.relation).upper(), "standard": ad.standard}
    return out


def _same_limit(a: Counterpart, b: Counterpart) -> bool:
    if a.original.comparator != b.original.comparator and {a.original.comparator, b.original.comparator} - {"=", "<=", ">="}:
        return False
    ia = Indicator(parameter="", comparator=a.original.comparator, value=a.original.value, min=a.original.min,
                   max=a.original.max, unit=a.original.unit)
    ib = Indicator(parameter="", comparator=b.original.comparator, value=b.original.value, min=b.original.min,
                   max=b.original.max, unit=b.original.unit)
    ca, cb = canonical(ia), canonical(ib)
    if isinstance(a.original.value, str) or isinstance(b.original.value, str):
        return a.original.value == b.original.value
    vals = [(ca.value, cb.value), (ca.min, cb.min), (ca.max, cb.max)]
    return ca.unit == cb.unit and all((x is None and y is None) or (x is not None and y is not None and abs(x - y) <= 1e-9 * max(1, abs(y)))
                                      for x, y in vals)


def fold(rows: list[Row], infos: list[RefInfo], adoptions: dict[str, tuple[str, str]]) -> None:
    """Fold IDT counterparts into the adopted standard's; mark MOD deviations. Edits rows and infos in place."""
    by_id = {i.id: i for i in infos}
    for src, (rel, target) in adoptions.items():
        if rel == "IDT":
            by_id[src].merged_into = target
            tgt = by_id[target]
            shown = [x for x in tgt.display.split(" (= ")[1:2]] if tgt.display else []
            names = (shown[0].rsplit(", IDT)", 1)[0].split(", ") if shown else []) + [src]
            tgt.display = f"{target} (= {', '.join(dict.fromkeys(names))}, IDT)"
    for r in rows:
        keep = []
        for c in r.counterparts:
            rel, target = adoptions.get(c.doc, ("", ""))
            twin = next((t for t in r.counterparts if t.doc == target), None) if rel else None
            if rel == "IDT" and twin is not None:
                if _same_limit(c, twin):
                    twin.also.append(c.doc)
                    continue
                c.deviation_of, c.deviation_value = target, twin.original
            elif rel in ("MOD", "NEQ") and twin is not None and not _same_limit(c, twin):
                c.deviation_of, c.deviation_value = target, twin.original
                by_id[c.doc].deviations.append(r.parameter)
            keep.append(c)
        r.counterparts = keep
