"""Evidence of a value: the document, clause, page and the quoted source text (a table cell with its headers)."""

from __future__ import annotations

from zmdocs.compare.pairing import find_clause
from zmdocs.compare.result import Evidence
from zmdocs.model import Document, Indicator
from zmdocs.pairing import clause_number


def evidence(doc, ind: Indicator) -> Evidence:
    """Where `ind` comes from in `doc`, with the quoted text."""
    page = ind.page
    if page is None:
        c = find_clause(doc, ind.clause)
        page = c.page if c else None
    return Evidence(doc=doc.id, clause=clause_number(ind), page=page, text=quote(doc, ind),
                    source=getattr(doc, "source", ""), origin=dict(ind.origin or {}))


def quote(doc, ind: Indicator) -> str:
    """The source text; for a table cell, the table, its row and column headers and the cell."""
    text = ind.text or ind.parameter
    o = ind.origin or {}
    if o.get("type") != "table" or not isinstance(doc, Document):
        return text
    t = next((t for t in doc.tables if t.number == str(o.get("table")) and (not ind.clause or t.clause in (None, ind.clause))),
             None) or next((t for t in doc.tables if t.number == str(o.get("table"))), None)
    r, c = o.get("row"), o.get("col")
    if t is None or r is None or c is None or r >= len(t.rows) or c >= len(t.rows[r]):
        return text
    label = {"zh": "表", "ja": "表", "de": "Tabelle ", "fr": "Tableau "}.get(doc.lang, "Table ") + t.number + (f" {t.caption}" if t.caption else "")
    heads = [h[c] for h in t.header if c < len(h) and h[c]]
    row_head = t.rows[r][0] if c > 0 else ""
    parts = [p for p in dict.fromkeys([row_head, *heads]) if p]
    return f"{label}: {' | '.join(parts)} → {t.rows[r][c]}"
