"""Render extracted indicators as a text table, JSON, JSON lines, CSV or XLSX (bytes)."""

from __future__ import annotations

import csv
import io
import math
import re
from typing import Any

from zmdocs.model import Document, Indicator
from zmdocs.report import dumps
from zmdocs.text.width import display_width

FIELDS = ["doc", "clause", "parameter", "key", "comparator", "value", "min", "max", "unit", "normalized",
          "conditions", "method", "direction", "text", "page", "origin", "ordinal"]


def indicator_record(ind: Indicator) -> dict[str, Any]:
    """The JSON contract of one indicator (field order fixed)."""
    d = ind.__dict__
    return {f: d.get(f) for f in FIELDS}


def _clause_number(clause: str | None) -> str:
    return (clause or "").split("#", 1)[-1]


def _value_text(ind: Indicator) -> str:
    if ind.comparator == "range":
        return f"{_n(ind.min)}~{_n(ind.max)}"
    if ind.comparator == "tolerance":
        tol = None
        if isinstance(ind.value, (int, float)) and isinstance(ind.max, (int, float)):
            tol = round(ind.max - ind.value, 10)
        return f"{_n(ind.value)}±{_n(tol)}" if tol is not None else _n(ind.value)
    return _n(ind.value)


def _n(x: Any) -> str:
    if x is None:
        return ""
    if isinstance(x, float) and not math.isfinite(x):
        return ""  # a number too large for a float is not a value anyone can compare
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def _rows(docs: list[Document]) -> list[list[str]]:
    rows = []
    for d in docs:
        for i in d.indicators:
            comp = {"range": "", "tolerance": "", "=": "="}.get(i.comparator, i.comparator)
            where = _clause_number(i.clause)
            if i.origin.get("type") == "table":
                where += f" {i.origin.get('table', '')}".rstrip()
            rows.append([d.id, where, i.parameter, i.key, f"{comp}{_value_text(i)}", i.unit, "; ".join(i.conditions),
                         i.method or ""])
    return rows


def _cut(s: str, n: int) -> str:
    """`s` cut after `n` terminal columns, with "…" when cut."""
    out, w = "", 0
    for c in s:
        cw = display_width(c)
        if w + cw > n - 1 and w + cw > n:
            return out + "…"
        out += c
        w += cw
    return out


def render_table(docs: list[Document]) -> str:
    """Aligned text columns (East Asian wide characters counted double)."""
    head = ["document", "clause", "parameter", "key", "limit", "unit", "conditions", "method"]
    limits = [18, 14, 24, 22, 16, 8, 36, 16]
    rows = [[_cut(c, lim) for c, lim in zip(r, limits, strict=True)] for r in _rows(docs)]
    widths = [max([display_width(h)] + [display_width(r[k]) for r in rows]) for k, h in enumerate(head)]
    lines = ["  ".join(h + " " * (w - display_width(h)) for h, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(c + " " * (w - display_width(c)) for c, w in zip(r, widths, strict=True)).rstrip())
    n = sum(len(d.indicators) for d in docs)
    lines.append(f"{n} indicator(s) in {len(docs)} document(s)")
    return "\n".join(lines) + "\n"


def render_csv(docs: list[Document]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    cols = ["doc", "clause", "parameter", "key", "comparator", "value", "min", "max", "unit", "normalized_value",
            "normalized_min", "normalized_max", "normalized_unit", "conditions", "method", "direction", "page", "origin", "text"]
    w.writerow(cols)
    for d in docs:
        for i in d.indicators:
            nz = i.normalized or {}
            w.writerow([d.id, _clause_number(i.clause), i.parameter, i.key, i.comparator, _n(i.value), _n(i.min), _n(i.max), i.unit,
                        _n(nz.get("value")), _n(nz.get("min")), _n(nz.get("max")), nz.get("unit") or "",
                        " | ".join(i.conditions), i.method or "", i.direction, _n(i.page), _origin(i), i.text])
    return buf.getvalue()


def _origin(i: Indicator) -> str:
    o = i.origin or {}
    if o.get("type") == "table":
        return f"table {o.get('table', '')} r{o.get('row')} c{o.get('col')}"
    return "prose"


def render_xlsx(docs: list[Document]) -> bytes:
    """One worksheet, one row per indicator, header frozen, columns sized."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    text = render_csv(docs)
    wb = Workbook()
    ws = wb.active
    ws.title = "indicators"
    for k, row in enumerate(csv.reader(io.StringIO(text))):
        ws.append([_cellval(c) for c in row])
        if k == 0:
            for c in ws[1]:
                c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for col in ws.columns:
        width = max((display_width(str(c.value or "")) for c in col), default=8)
        ws.column_dimensions[col[0].column_letter].width = min(60, max(8, width + 2))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cellval(c: str) -> Any:
    if re.fullmatch(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", c):
        v = float(c)
        return int(v) if v.is_integer() and "." not in c and "e" not in c else v
    return c


def render_indicators(docs: list[Document], fmt: str) -> str | bytes:
    """Render the indicators of parsed documents: table, json, jsonl, csv or xlsx (bytes)."""
    if fmt == "json":
        return dumps([indicator_record(i) for d in docs for i in d.indicators], indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(dumps(indicator_record(i)) + "\n" for d in docs for i in d.indicators)
    if fmt == "csv":
        return render_csv(docs)
    if fmt == "xlsx":
        return render_xlsx(docs)
    return render_table(docs)
