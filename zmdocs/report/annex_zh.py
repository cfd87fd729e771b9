"""The annexes of an adopting standard in Chinese, laid out as GB/T 1.1-2020 asks (`zmdocs align --lang zh`).

附录（资料性）本文件与<国际文件>的章条编号对照: 表 with the columns 本文件章条编号 | 对应的国际文件章条编号;
附录（资料性）本文件与<国际文件>的技术性差异及其原因: 表 with 本文件的章条编号 | 技术性差异 | 原因. The
reasons are the writer's to give: the cell says so (待编写) instead of inventing one.
"""

from __future__ import annotations

import io
import re
from typing import Any

from zmdocs.report.reasons import columns, label, say


def _say(code: str, **params: Any) -> str:
    return say(f"annex.{code}", "zh", **params)


def _num(n: str) -> str:
    return (n or "").split("#")[-1]


def _join(nums: list[str]) -> str:
    return "、".join(_num(n) for n in nums if n) or "—"


def _key(n: str) -> tuple:
    parts = re.split(r"[.\s]", _num(n))
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def correspondence_rows(d: dict[str, Any]) -> list[tuple[str, str]]:
    """(本文件章条编号, 对应的国际文件章条编号) in the order of this document's clauses."""
    rows = [(_join(p["a"]), _join(p["b"])) for p in d.get("pairs", [])]
    rows += [(_num(n), "—") for n in d.get("unmatched_a", [])]
    rows.sort(key=lambda r: _key(r[0]) if r[0] != "—" else ((2, ""),))
    rows += [("—", _num(n)) for n in d.get("unmatched_b", [])]
    return rows


def deviation_rows(d: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(本文件的章条编号, 技术性差异, 原因) for changed indicators, added and deleted clauses."""
    other = d.get("doc_b", "")
    out = []
    todo = _say("todo")
    for x in d.get("deviations", []):
        if x["type"] == "indicator":
            what = "、".join(label("annex.aspect", k, "zh") for k in x.get("differs_in", []))
            out.append((_num(x.get("clause_a") or ""), _say("indicator", parameter=x.get("parameter", ""), aspects=what,
                                                            other=other, b=x["text_b"], a=x["text_a"]), todo))
        elif x["type"] == "added":
            out.append((_num(x["clause"]), _say("added", heading=x.get("heading") or _num(x["clause"])), todo))
        elif x["type"] == "deleted":
            text = _say("deleted", other=other, clause=_num(x["clause"]), heading=x.get("heading", ""))
            out.append(("—", text.replace("“”", ""), todo))
    return out


def _titles(d: dict[str, Any]) -> tuple[str, str]:
    other = d.get("doc_b", "")
    return _say("title_a", other=other), _say("title_b", other=other)


def _parts(d: dict[str, Any]) -> list[tuple[str, str, str, list[str], list[tuple]]]:
    """(letter, title, intro, header, rows) of annex A (clause correspondence) and B (technical deviations)."""
    other = d.get("doc_b", "")
    t1, t2 = _titles(d)
    return [("A", t1, _say("intro_a", other=other), columns("annex_a", "zh"), correspondence_rows(d)),
            ("B", t2, _say("intro_b", other=other), columns("annex_b", "zh"), deviation_rows(d) or [("—", _say("none"), "—")])]


def _md_cell(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def _markdown(d: dict[str, Any]) -> str:
    out: list[str] = []
    for k, (letter, title, intro, head, rows) in enumerate(_parts(d)):
        out += ([""] if k else []) + [f"## {_say('annex_heading', letter=letter)}", _say("informative"), f"### {title}", "", intro, "",
                                      f"**{_say('caption', letter=letter, title=title)}**", "",
                                      "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _docx(d: dict[str, Any]) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from zmdocs.report.docxout import _fonts, _para, grid_table

    doc = Docx()
    _fonts(doc.styles["Normal"], 10.5)
    for letter, title, intro, head, rows in _parts(d):
        for text, size in ((_say("annex", letter=letter), 12), (_say("informative"), 10.5), (title, 12)):
            p = _para(doc, text, size, True)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _para(doc, intro)
        cap = _para(doc, _say("caption", letter=letter, title=title), 10.5, True)
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        grid_table(doc, head, rows, size=10.5)
        if letter == "A":
            doc.add_page_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def render_annexes(d: dict[str, Any], fmt: str) -> str | bytes:
    """The two annexes as Markdown (str) or DOCX (bytes)."""
    return _docx(d) if fmt == "docx" else _markdown(d)
