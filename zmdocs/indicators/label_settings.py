"""Test settings named by table labels ("Koloniezahl bei 22 °C"): indicators of their own, read with the prose
extractor (a module apart from `settings`, which prose itself imports)."""

from __future__ import annotations

import re

from zmdocs.indicators.prose import extract_text
from zmdocs.model import Indicator, Table

# a column head naming the setting a test applies ("Test temperature", "Prüftemperatur", "试验温度")
_TEST_HEAD = re.compile(r"(?i)^(?!.*(?:次数|number|Anzahl|count))\s*(?:test(?:ing)?\s+[a-z]+(?:\s+[a-z]+)?|Prüf[a-zäöüß]+|试验[\u4e00-\u9fff]+|[a-zé]+\s+d['’]essai)\s*$")


def _labels_of(ind: Indicator, tables: dict[tuple, Table]) -> list[tuple[str, str]]:
    """(cell, the head of its column when that names a test setting, else "") of the row cells left of an
    indicator's cell and of the header cells above it."""
    o = ind.origin or {}
    t, r, c = tables.get((ind.clause, str(o.get("table")))), o.get("row"), o.get("col")
    if t is None or not isinstance(r, int) or not isinstance(c, int) or r >= len(t.rows):
        return []
    head = t.rows[t.header_rows - 1] if t.header_rows else []
    row = [(x, head[j] if j < len(head) and _TEST_HEAD.match(head[j]) else "") for j, x in enumerate(t.rows[r][:c])]
    heads = [(h[c], "") for h in t.rows[:t.header_rows] if c < len(h)]
    return [(x, h) for x, h in row + heads if x and re.search(r"\d", x)]


def _settings_of(label: str, head: str, lang: str | None, ind: Indicator) -> list[Indicator]:
    """The settings a label names; a bare value under a test head ("Test temperature" | "266 K (-7 °C)") is one."""
    o = dict(ind.origin or {})
    found = [s for s in extract_text(label, lang=lang, clause=ind.clause, page=ind.page, origin=o) if getattr(s, "_setting", False)]
    if found or not head:
        return found
    bare = [s for s in extract_text(label, lang=lang, clause=ind.clause, page=ind.page, origin=o, bare_is_value=True)
            if s.comparator in ("=", "tolerance") and s.unit and s.unit not in ("%", "cycles")][:1]  # the first unit only: "266 K (-7 °C)" is 266 K
    for s in bare:
        s.parameter, s._setting, s._bare = head.strip(), True, False
    return bare


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
        for label, head in _labels_of(i, by_number):
            k = (i.clause, o.get("table"), label)
            if k in seen:
                continue
            seen.add(k)
            out += _settings_of(label, head, lang, i)
    have = {(i.clause, i.comparator, i.value, i.unit) for i in inds if getattr(i, "_setting", False)}
    return [s for s in out if (s.clause, s.comparator, s.value, s.unit) not in have]  # a setting read once already
