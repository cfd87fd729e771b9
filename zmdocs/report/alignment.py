"""Render an Alignment: JSON (the contract), a terminal table, Markdown, or a Word annex draft.

The Markdown and DOCX outputs are laid out as the annexes a MOD adoption needs: the clause
correspondence table and the technical deviations (changed indicators, added/deleted clauses).
"""

from __future__ import annotations

from typing import Any

from zmdocs.model import Alignment
from zmdocs.report import dumps


def _d(result: Alignment | dict) -> dict[str, Any]:
    return result if isinstance(result, dict) else result.to_dict()


def render_alignment(result: Alignment | dict, fmt: str = "table", lang: str = "en") -> str | bytes:
    """json | table | md | docx (bytes); `lang="zh"` writes md/docx as the GB/T 1.1-2020 annexes of an adopting standard."""
    d = _d(result)
    if fmt == "json":
        return dumps(d, indent=2)
    if fmt == "table":
        return _table(d)
    if fmt in ("md", "docx") and lang == "zh":
        from zmdocs.report.annex_zh import render_annexes

        return render_annexes(d, fmt)
    if fmt == "md":
        return _markdown(d)
    if fmt == "docx":
        return _docx(d)
    from zmdocs.errors import ZmdocsError

    raise ZmdocsError(f"unknown alignment format '{fmt}': use json, table, md or docx")


def _label(d: dict, side: str, numbers: list[str]) -> str:
    heads = (d.get("headings") or {}).get(side, {})
    parts = []
    for n in numbers:
        h = heads.get(n, "")
        parts.append(f"{n} {h}".strip())
    return " + ".join(parts)


def _rows(d: dict) -> list[tuple[str, str, str]]:
    rows = [(_label(d, "a", p["a"]), _label(d, "b", p["b"]), f"{p['score']:.2f}") for p in d["pairs"]]
    rows += [(_label(d, "a", [n]), "—", "") for n in d["unmatched_a"]]
    rows += [("—", _label(d, "b", [n]), "") for n in d["unmatched_b"]]
    return rows


def _summary_lines(d: dict) -> list[str]:
    ad = d.get("adoption") or {}
    lines = [
        f"A: {d['doc_a']}",
        f"B: {d['doc_b']}",
        f"mode: {d['mode']} ({d.get('mode_reason', '')})",
        f"clause pairs: {len(d['pairs'])}; only in A: {len(d['unmatched_a'])}; only in B: {len(d['unmatched_b'])}; "
        f"indicator pairs: {len(d['indicator_pairs'])}",
    ]
    if ad:
        decl = f", declared {ad['declared']}" if ad.get("declared") else ""
        lines.append(f"degree of correspondence (estimate): {ad.get('estimate')}{decl}")
        lines += [f"  - {e}" for e in ad.get("evidence", [])]
    return lines


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cut(s: str, w: int) -> str:
    """Shorten to display width `w` (CJK characters count double), ending in … when cut."""
    if _width(s) <= w:
        return s
    out, n = "", 0
    for c in s:
        cw = _width(c)
        if n + cw > w - 1:
            break
        out += c
        n += cw
    return out + "…"


def _pad(s: str, w: int) -> str:
    s = _cut(s, w)
    return s + " " * max(0, w - _width(s))


def _table(d: dict) -> str:
    rows = _rows(d)
    wa, wb = 46, 46
    out = _summary_lines(d) + [""]
    out.append(f"{_pad('A', wa)}  {_pad('B', wb)}  score")
    out.append(f"{'-' * wa}  {'-' * wb}  -----")
    for a, b, s in rows:
        out.append(f"{_pad(a, wa)}  {_pad(b, wb)}  {s}")
    devs = [x for x in d.get("deviations", []) if x["type"] == "indicator"]
    if devs:
        out += ["", "technical deviations (indicators):"]
        out += [f"  {x.get('clause_a') or ''} | {x['text_a']}  <->  {x['text_b']}  [{', '.join(x['differs_in'])}]" for x in devs]
    return "\n".join(out) + "\n"


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _markdown(d: dict) -> str:
    out = [f"# Alignment of {d['doc_a']} and {d['doc_b']}", ""]
    out += [f"- {_md_cell(x.strip())}" for x in _summary_lines(d)[2:] if not x.startswith("  ")]
    ad = d.get("adoption") or {}
    if ad.get("evidence"):
        out += ["", "Evidence:", ""] + [f"- {_md_cell(e)}" for e in ad["evidence"]]
    out += ["", "## Clause correspondence table", "", f"| {d['doc_a']} | {d['doc_b']} | score |", "|---|---|---|"]
    out += [f"| {_md_cell(a)} | {_md_cell(b)} | {s} |" for a, b, s in _rows(d)]
    out += ["", "## Technical deviations", ""]
    devs = d.get("deviations", [])
    ind = [x for x in devs if x["type"] == "indicator"]
    if ind:
        out += [f"| clause ({d['doc_a']}) | {d['doc_a']} | {d['doc_b']} | differs in |", "|---|---|---|---|"]
        for x in ind:
            ca = (x.get("clause_a") or "").split("#")[-1]
            out.append(f"| {_md_cell(ca)} | {_md_cell(x['text_a'])} | {_md_cell(x['text_b'])} | {', '.join(x['differs_in'])} |")
        out.append("")
    added = [x for x in devs if x["type"] == "added"]
    deleted = [x for x in devs if x["type"] == "deleted"]
    if added:
        out += [f"Clauses added in {d['doc_a']}:", ""] + [f"- {x['clause']} {_md_cell(x.get('heading', ''))}".rstrip() for x in added] + [""]
    if deleted:
        out += [f"Clauses of {d['doc_b']} not taken over:", ""] + [f"- {x['clause']} {_md_cell(x.get('heading', ''))}".rstrip() for x in deleted] + [""]
    if not devs:
        out.append("No technical deviation found.")
    return "\n".join(out) + "\n"


def _docx(d: dict) -> bytes:
    import io

    from docx import Document as Docx

    doc = Docx()
    doc.add_heading(f"Alignment of {d['doc_a']} and {d['doc_b']}", level=1)
    for line in _summary_lines(d)[2:]:
        bullet = line.startswith("  ")
        text = line.strip()
        if bullet and text.startswith("- "):
            text = text[2:]  # the style draws the bullet
        doc.add_paragraph(text, style="List Bullet" if bullet else None)
    doc.add_heading("Clause correspondence table", level=2)
    rows = _rows(d)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, (d["doc_a"], d["doc_b"], "score"), strict=True):
        cell.text = text
    for a, b, s in rows:
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = a, b, s
    doc.add_heading("Technical deviations", level=2)
    ind = [x for x in d.get("deviations", []) if x["type"] == "indicator"]
    if ind:
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, ("clause", d["doc_a"], d["doc_b"], "differs in"), strict=True):
            cell.text = text
        for x in ind:
            cells = t.add_row().cells
            cells[0].text = (x.get("clause_a") or "").split("#")[-1]
            cells[1].text, cells[2].text, cells[3].text = x["text_a"], x["text_b"], ", ".join(x["differs_in"])
    for kind, title in (("added", f"Clauses added in {d['doc_a']}"), ("deleted", f"Clauses of {d['doc_b']} not taken over")):
        items = [x for x in d.get("deviations", []) if x["type"] == kind]
        if items:
            doc.add_paragraph(title + ":")
            for x in items:
                doc.add_paragraph(f"{x['clause']} {x.get('heading', '')}".strip(), style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
