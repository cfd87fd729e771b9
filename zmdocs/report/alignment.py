"""Render an Alignment: JSON (the contract), a terminal table, Markdown, or a Word annex draft.

The Markdown and DOCX outputs are laid out as the annexes a MOD adoption needs: the clause
correspondence table and the technical deviations (changed indicators, added/deleted clauses).
"""

from __future__ import annotations

from typing import Any

from zmdocs.model import Alignment
from zmdocs.report import dumps
from zmdocs.report.reasons import columns, say
from zmdocs.text.width import fit_cell


def _w(code: str, **params: Any) -> str:
    return say(f"align.{code}", "en", **params)


def _col(k: int) -> str:
    """clause | differs in | score."""
    return columns("align", "en")[k]


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
        _w("mode", mode=d["mode"], reason=d.get("mode_reason", "")),
        _w("counts", pairs=len(d["pairs"]), only_a=len(d["unmatched_a"]), only_b=len(d["unmatched_b"]),
           indicators=len(d["indicator_pairs"])),
    ]
    if ad:
        decl = _w("declared", declared=ad["declared"]) if ad.get("declared") else ""
        lines.append(_w("estimate", estimate=ad.get("estimate"), declared=decl))
        lines += [f"  - {e}" for e in ad.get("evidence", [])]
    return lines


def _table(d: dict) -> str:
    rows = _rows(d)
    wa, wb = 46, 46
    out = _summary_lines(d) + [""]
    out.append(f"{fit_cell('A', wa)}  {fit_cell('B', wb)}  {_col(2)}")
    out.append(f"{'-' * wa}  {'-' * wb}  -----")
    for a, b, s in rows:
        out.append(f"{fit_cell(a, wa)}  {fit_cell(b, wb)}  {s}")
    devs = [x for x in d.get("deviations", []) if x["type"] == "indicator"]
    if devs:
        out += ["", _w("indicator_deviations")]
        out += [f"  {x.get('clause_a') or ''} | {x['text_a']}  <->  {x['text_b']}  [{', '.join(x['differs_in'])}]" for x in devs]
    return "\n".join(out) + "\n"


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _markdown(d: dict) -> str:
    out = [f"# {_w('title', a=d['doc_a'], b=d['doc_b'])}", ""]
    out += [f"- {_md_cell(x.strip())}" for x in _summary_lines(d)[2:] if not x.startswith("  ")]
    ad = d.get("adoption") or {}
    if ad.get("evidence"):
        out += ["", _w("evidence"), ""] + [f"- {_md_cell(e)}" for e in ad["evidence"]]
    out += ["", f"## {_w('correspondence')}", "", f"| {d['doc_a']} | {d['doc_b']} | {_col(2)} |", "|---|---|---|"]
    out += [f"| {_md_cell(a)} | {_md_cell(b)} | {s} |" for a, b, s in _rows(d)]
    out += ["", f"## {_w('deviations')}", ""]
    devs = d.get("deviations", [])
    ind = [x for x in devs if x["type"] == "indicator"]
    if ind:
        out += [f"| {_w('clause_of', a=d['doc_a'])} | {d['doc_a']} | {d['doc_b']} | {_col(1)} |", "|---|---|---|---|"]
        for x in ind:
            ca = (x.get("clause_a") or "").split("#")[-1]
            out.append(f"| {_md_cell(ca)} | {_md_cell(x['text_a'])} | {_md_cell(x['text_b'])} | {', '.join(x['differs_in'])} |")
        out.append("")
    added = [x for x in devs if x["type"] == "added"]
    deleted = [x for x in devs if x["type"] == "deleted"]
    if added:
        out += [_w("added", a=d["doc_a"]) + ":", ""] + [f"- {x['clause']} {_md_cell(x.get('heading', ''))}".rstrip() for x in added] + [""]
    if deleted:
        out += [_w("deleted", b=d["doc_b"]) + ":", ""] + [f"- {x['clause']} {_md_cell(x.get('heading', ''))}".rstrip() for x in deleted] + [""]
    if not devs:
        out.append(_w("none"))
    return "\n".join(out) + "\n"


def _docx(d: dict) -> bytes:
    import io

    from docx import Document as Docx

    doc = Docx()
    doc.add_heading(_w("title", a=d["doc_a"], b=d["doc_b"]), level=1)
    for line in _summary_lines(d)[2:]:
        bullet = line.startswith("  ")
        text = line.strip()
        if bullet and text.startswith("- "):
            text = text[2:]  # the style draws the bullet
        doc.add_paragraph(text, style="List Bullet" if bullet else None)
    doc.add_heading(_w("correspondence"), level=2)
    rows = _rows(d)
    t = doc.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, (d["doc_a"], d["doc_b"], _col(2)), strict=True):
        cell.text = text
    for a, b, s in rows:
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = a, b, s
    doc.add_heading(_w("deviations"), level=2)
    ind = [x for x in d.get("deviations", []) if x["type"] == "indicator"]
    if ind:
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, (_col(0), d["doc_a"], d["doc_b"], _col(1)), strict=True):
            cell.text = text
        for x in ind:
            cells = t.add_row().cells
            cells[0].text = (x.get("clause_a") or "").split("#")[-1]
            cells[1].text, cells[2].text, cells[3].text = x["text_a"], x["text_b"], ", ".join(x["differs_in"])
    for kind, title in (("added", _w("added", a=d["doc_a"])), ("deleted", _w("deleted", b=d["doc_b"]))):
        items = [x for x in d.get("deviations", []) if x["type"] == kind]
        if items:
            doc.add_paragraph(title + ":")
            for x in items:
                doc.add_paragraph(f"{x['clause']} {x.get('heading', '')}".strip(), style="List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
