"""The annexes of an adopting standard in Chinese, laid out as GB/T 1.1-2020 asks (`zmdocs align --lang zh`).

附录（资料性）本文件与<国际文件>的章条编号对照: 表 with the columns 本文件章条编号 | 对应的国际文件章条编号;
附录（资料性）本文件与<国际文件>的技术性差异及其原因: 表 with 本文件的章条编号 | 技术性差异 | 原因. The
reasons are the writer's to give: the cell says so (待编写) instead of inventing one.
"""

from __future__ import annotations

import io
import re
from typing import Any

_DIFF_ZH = {"value": "限值", "comparator": "比较关系", "unit": "单位", "conditions": "条件", "method": "试验方法"}
TODO = "（待编写：说明差异原因）"


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
    for x in d.get("deviations", []):
        if x["type"] == "indicator":
            what = "、".join(_DIFF_ZH.get(k, k) for k in x.get("differs_in", []))
            out.append((_num(x.get("clause_a") or ""), f"更改了{x.get('parameter', '')}的{what}：{other}为“{x['text_b']}”，"
                        f"本文件为“{x['text_a']}”", TODO))
        elif x["type"] == "added":
            out.append((_num(x["clause"]), f"增加了“{x.get('heading') or _num(x['clause'])}”的内容", TODO))
        elif x["type"] == "deleted":
            out.append(("—", f"删除了{other}的{_num(x['clause'])}“{x.get('heading', '')}”".replace("“”", ""), TODO))
    return out


def _titles(d: dict[str, Any]) -> tuple[str, str]:
    other = d.get("doc_b", "")
    return (f"本文件与{other}的章条编号对照", f"本文件与{other}的技术性差异及其原因")


def _md_cell(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def _markdown(d: dict[str, Any]) -> str:
    t1, t2 = _titles(d)
    other = d.get("doc_b", "")
    out = ["## 附录 A", "（资料性）", f"### {t1}", "", f"表A.1给出了本文件与{other}的章条编号对照一览表。", "",
           f"**表A.1 {t1}**", "", "| 本文件章条编号 | 对应的国际文件章条编号 |", "|---|---|"]
    out += [f"| {_md_cell(a)} | {_md_cell(b)} |" for a, b in correspondence_rows(d)]
    out += ["", "## 附录 B", "（资料性）", f"### {t2}", "", f"表B.1给出了本文件与{other}的技术性差异及其原因一览表。", "",
            f"**表B.1 {t2}**", "", "| 本文件的章条编号 | 技术性差异 | 原因 |", "|---|---|---|"]
    devs = deviation_rows(d)
    out += [f"| {_md_cell(a)} | {_md_cell(b)} | {_md_cell(c)} |" for a, b, c in devs] or ["| — | 无技术性差异 | — |"]
    return "\n".join(out) + "\n"


def _docx(d: dict[str, Any]) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from zmdocs.report.docxout import _borders, _cell, _fonts, _para, _repeat_header

    doc = Docx()
    _fonts(doc.styles["Normal"], 10.5)
    other = d.get("doc_b", "")
    for letter, title, intro, head, rows in (
        ("A", _titles(d)[0], f"表A.1给出了本文件与{other}的章条编号对照一览表。", ("本文件章条编号", "对应的国际文件章条编号"),
         correspondence_rows(d)),
        ("B", _titles(d)[1], f"表B.1给出了本文件与{other}的技术性差异及其原因一览表。", ("本文件的章条编号", "技术性差异", "原因"),
         deviation_rows(d) or [("—", "无技术性差异", "—")]),
    ):
        for text, size in ((f"附录{letter}", 12), ("（资料性）", 10.5), (title, 12)):
            p = _para(doc, text, size, True)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _para(doc, intro)
        cap = _para(doc, f"表{letter}.1 {title}", 10.5, True)
        cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        table = doc.add_table(rows=1, cols=len(head))
        try:
            table.style = doc.styles["Table Grid"]
        except KeyError:
            pass
        _borders(table)
        for c, h in zip(table.rows[0].cells, head, strict=True):
            _cell(c, h, bold=True, size=10.5)
        _repeat_header(table.rows[0])
        for row in rows:
            for c, v in zip(table.add_row().cells, row, strict=True):
                _cell(c, v, size=10.5)
        if letter == "A":
            doc.add_page_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def render_annexes(d: dict[str, Any], fmt: str) -> str | bytes:
    """The two annexes as Markdown (str) or DOCX (bytes)."""
    return _docx(d) if fmt == "docx" else _markdown(d)
