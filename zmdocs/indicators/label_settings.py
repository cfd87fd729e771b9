"""Test settings named by table labels ("Koloniezahl bei 22 °C"): indicators of their own, read with the prose
extractor (a module apart from `settings`, which prose itself imports)."""

from __future__ import annotations

import re

from zmdocs.indicators.prose import extract_text
from zmdocs.model import Indicator, Table


def _labels_of(ind: Indicator, tables: dict[tuple, Table]) -> list[str]:
    """The row cells left of an indicator's cell and the header cells above it."""
    o = ind.origin or {}
    t, r, c = tables.get((ind.clause, str(o.get("table")))), o.get("row"), o.get("col")
    if t is None or not isinstance(r, int) or not isinstance(c, int) or r >= len(t.rows):
        return []
    row = t.rows[r][:c]
    heads = [h[c] for h in t.rows[:t.header_rows] if c < len(h)]
    return [x for x in row + heads if x and re.search(r"\d", x)]


def settings_in_labels(inds: list[Indicator], tables: list[Table], lang: str | None) -> list[Indicator]:
    """Settings named by a table's row or column label ("Koloniezahl bei 22 °C", "leakage current at 25 °C"):
    one per (clause, table, label), however many limits the label heads."""
    by_number: dict[tuple, Table] = {}
    for t in tables:  # unnumbered tables share the number "": the clause tells them apart (first one kept)
        by_number.setdefault((t.clause, str(t.number)), t)
        by_number.setdefault((t.clause, str(t.id)), t)  # an unnumbered table's cells name it by its id
    seen: set[tuple] = set()
    out: list[Indicator] = []
    for i in inds:
        o = i.origin or {}
        if o.get("type") != "table" or getattr(i, "_setting", False) or o.get("note") or o.get("footnote"):
            continue
        for label in _labels_of(i, by_number):
            k = (i.clause, o.get("table"), label)
            if k in seen:
                continue
            seen.add(k)
            out += [s for s in extract_text(label, lang=lang, clause=i.clause, page=i.page, origin=dict(o))
                    if getattr(s, "_setting", False)]
    have = {(i.clause, i.comparator, i.value, i.unit) for i in inds if getattr(i, "_setting", False)}
    return [s for s in out if (s.clause, s.comparator, s.value, s.unit) not in have]  # a setting read once already
