"""Remarks columns of German limit matrices ("Bemerkungen"), read as prose about the row's parameter.

    Parameter | Messunsicherheit in % des Grenzwertes | Bemerkungen
    Blei      | 25                                    | Dabei darf die Messunsicherheit bis zu 60 Prozent … betragen.
    pH        | 0,2                                   | Die Werte werden in pH-Einheiten ausgedrückt.

A remark written in sentences states limits and settings of its own (read with the prose rules, the row's
parameter as context); a remark saying the row's values are "in pH-Einheiten ausgedrückt" replaces the
column's unit for that row by the unit it names (a pH unit is written without one).
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.de_reference import values_set_to
from zmdocs.indicators.prose import extract_text
from zmdocs.text.numbers import parse_number

_REMARK_HEAD = re.compile(r"(?i)^\s*(?:Bemerkung(?:en)?|Anmerkung(?:en)?|Hinweis(?:e)?)\s*$")
_SENTENCES = re.compile(r"^\s*\S+(?:\s+\S+){7,}")  # eight words or more
_EXPRESSED = re.compile(r"(?i)\bin\s+(pH)-Einheiten\s+(?:ausgedrückt|angegeben)")
_PARAM_HEAD = re.compile(r"(?i)^\s*Parameter\b")
# "Bestimmungsgrenze 0,00050 mg/l": a short remark naming the row's limit of quantification or detection (an upper bound)
_LIMIT_REMARK = re.compile(r"(?i)^\s*(Bestimmungsgrenze|Nachweisgrenze)\s*:?\s*(\d[\d.,]*)\s*([^\s\d]{1,8})\s*$")
# the level the row's figures apply at: "gelten … bei 25 Prozent des Grenzwertes", "auf der Ebene von 1,0 NTU"
_LEVEL = re.compile(r"(?i)\b(?:bei(?:\s+einer\s+Konzentration\s+von)?|auf\s+der\s+Ebene\s+von)\s+(\d[\d.,]*)\s*(Prozent|%|NTU|mg/l|µg/l)(?![\w/])")


def remark_indicators(t, found: list, lang: str) -> list:
    """`found` plus the indicators the sentences of a remarks column state, with `in pH-Einheiten` rows unitless."""
    if lang != "de" or not t.rows or not t.header_rows:
        return found
    heads = [" ".join(r[j] for r in t.header if j < len(r)) for j in range(max(len(r) for r in t.rows))]
    cols = [j for j, h in enumerate(heads) if _REMARK_HEAD.match(h)]
    found = found + [ind for r, row in enumerate(t.body, start=t.header_rows) for k, cell in enumerate(row)
                     for ind in values_set_to(cell, t.clause, t.page, {"type": "table", "table": t.number or t.id, "row": r, "col": k})]
    if not cols:
        return found
    pcol = next((j for j, h in enumerate(heads) if _PARAM_HEAD.match(h)), None)
    read = {((i.origin or {}).get("row"), (i.origin or {}).get("col")) for i in found}
    out = list(found)
    for r, row in enumerate(t.body, start=t.header_rows):
        param = row[pcol].strip() if pcol is not None and pcol < len(row) else ""
        for k in cols:
            cell = row[k] if k < len(row) else ""
            if _EXPRESSED.search(cell):
                for i in found:
                    if (i.origin or {}).get("row") == r and (i.unit or "") in ("%", "Prozent"):
                        i.unit, i.normalized = "", {**(i.normalized or {}), "unit": None}
            base = {"type": "table", "table": t.number or t.id, "row": r, "col": k}
            if (lim := _LIMIT_REMARK.match(cell)) and (v := parse_number(lim.group(2), "de")) is not None:
                out.append(make(parameter=f"{param} {lim.group(1)}".strip(), comparator="<=", unit=lim.group(3), value=v,
                                conditions=[param], clause=t.clause, page=t.page, text=cell, origin=base))
            if not _SENTENCES.match(cell) or (r, k) in read:
                continue
            got = extract_text(cell, lang, clause=t.clause, page=t.page, context=param, origin=base)
            got += _levels(cell, got, param, t, base)
            for ind in got:
                ind.conditions = [c for c in [param, *ind.conditions] if c]
                out.append(ind)
    return out


def _levels(cell: str, got: list, param: str, t, base: dict) -> list:
    """The levels a remark says its row's figures apply at, as `=` test settings (those the prose rules missed)."""
    have = {float(i.value) for i in got if isinstance(i.value, (int, float))}
    out = []
    for m in _LEVEL.finditer(cell):
        v = parse_number(m.group(1), "de")
        if v is None or float(v) in have:
            continue
        unit = "%" if m.group(2).lower() == "prozent" else m.group(2)
        ind = make(parameter=f"{param} Bezugsniveau".strip(), comparator="=", unit=unit, value=v,
                   clause=t.clause, page=t.page, text=cell, origin=base)
        ind._setting = True  # read by roles.assign_roles: a test-condition; not serialised
        ind._bare = False
        out.append(ind)
    return out
