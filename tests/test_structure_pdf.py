"""Typeset PDFs (justified text, first-line and hanging indents, page breaks inside paragraphs), built
with reportlab in a temporary folder, parsed end to end by the PDF reader + clause-tree builder."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")

LOREM_EN = ("The appliance shall be constructed so that in normal use it functions safely and causes no danger to persons "
            "or surroundings, even in the event of carelessness that might occur in normal use. Compliance is checked by "
            "carrying out all the relevant tests in the order given in 5.3 of this document. ")
LOREM_ZH = "器具的结构应使其在正常使用中能安全地工作，即使在正常使用中出现可能的疏忽时，也不会对人员和周围环境造成危险。一般来说，满足本文件规定的相关要求即可实现这一原则，并通过进行所有相关试验来检查是否合格。"


def _build(path: Path, items: list, cjk: bool = False) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "Helvetica"
    if cjk:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    st = {
        "body": ParagraphStyle("b", fontName=font, fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=4,
                               firstLineIndent=20 if cjk else 0, wordWrap="CJK" if cjk else None),
        "head": ParagraphStyle("h", fontName=font, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=4),
        "title": ParagraphStyle("t", fontName=font, fontSize=16, leading=20, alignment=TA_CENTER, spaceAfter=10),
        "item": ParagraphStyle("l", fontName=font, fontSize=10, leading=14, leftIndent=18, firstLineIndent=-18,
                               alignment=TA_JUSTIFY, wordWrap="CJK" if cjk else None),
        "caption": ParagraphStyle("c", fontName=font, fontSize=10, leading=14, alignment=TA_CENTER),
    }
    story = []
    for kind, value in items:
        if kind == "break":
            story.append(PageBreak())
        elif kind == "table":
            t = Table(value)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), font)]))
            story.append(t)
        else:
            story.append(Paragraph(value, st[kind]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_iso_typeset_pdf(tmp_path: Path):
    from zmdocs.parse.registry import parse_file

    p = tmp_path / "ISO-99999-2021.pdf"
    _build(p, [
        ("head", "ISO 99999:2021"), ("title", "Household kettles — Safety and performance — Requirements and test methods"),
        ("title", "Bouilloires domestiques — Sécurité et performance"), ("break", None),
        ("head", "Foreword"), ("body", LOREM_EN * 2),
        ("body", "This second edition cancels and replaces the first edition (ISO 99999:2015), which has been technically revised."),
        ("head", "1 Scope"), ("body", LOREM_EN * 3),
        ("head", "2 Normative references"), ("body", "The following documents are referred to in the text."),
        ("body", "IEC 60335-1:2020, <i>Household and similar electrical appliances — Safety — Part 1: General requirements</i>"),
        ("head", "3 Terms and definitions"), ("head", "3.1"), ("head", "kettle"),
        ("body", "appliance for heating water to boiling point, having a lid, a handle and a spout"),
        ("head", "4 Requirements"), ("head", "4.1 Leakage current"),
        ("body", LOREM_EN * 9 + "The leakage current shall not exceed 0.75 mA for class I appliances."),
        ("body", "The following conditions apply:"),
        ("item", "a) the appliance is supplied at 1,06 times rated voltage and operated until steady conditions are established, which normally takes about 30 min;"),
        ("item", "b) the measurement is made within 5 s after the application of the test voltage."),
        ("body", "NOTE The measurement can be made with the circuit of IEC 60990."),
        ("caption", "Table 1 — Leakage current limits"),
        ("table", [["Appliance class", "Limit mA"], ["Class I portable", "0.75"], ["Class II", "0.25"]]),
        ("head", "4.2 Stability"), ("body", "Kettles shall not tip over when placed on a surface inclined at 15° to the horizontal."),
    ])
    doc = parse_file(p)
    assert doc.id == "ISO 99999:2021" and doc.lang == "en"
    assert doc.titles == {"en": "Household kettles — Safety and performance — Requirements and test methods",
                          "fr": "Bouilloires domestiques — Sécurité et performance"}
    assert doc.replaces == ["ISO 99999:2015"]
    assert [c.number for c in doc.clauses] == ["foreword", "1", "2", "3", "3.1", "4", "4.1", "4.2"]
    assert doc.clause("1").text == (LOREM_EN * 3).strip()
    lines = doc.clause("4.1").text.split("\n")
    assert lines[0] == (LOREM_EN * 9 + "The leakage current shall not exceed 0.75 mA for class I appliances.").strip()
    assert doc.clause("4.1").page < doc.clause("4.1").page_end  # the long paragraph runs over a page break
    assert lines[1:] == ["The following conditions apply:",
                         "a) the appliance is supplied at 1,06 times rated voltage and operated until steady conditions are established, which normally takes about 30 min;",
                         "b) the measurement is made within 5 s after the application of the test voltage.",
                         "NOTE The measurement can be made with the circuit of IEC 60990."]
    assert doc.terms[0].terms == {"en": "kettle"} and doc.references == ["IEC 60335-1:2020"]
    t = doc.tables[0]
    assert (t.number, t.caption, t.clause) == ("1", "Leakage current limits", doc.clause("4.1").id)


def test_gb_typeset_pdf(tmp_path: Path):
    from zmdocs.parse.registry import parse_file

    p = tmp_path / "gb.pdf"
    _build(p, [
        ("head", "ICS 97.040.50"), ("head", "CCS Y 68"), ("title", "T/ZZB 0123—2025"), ("title", "电热水壶"), ("title", "Electric kettle"),
        ("head", "2025-06-01 发布"), ("break", None),
        ("head", "前言"), ("body", "本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。"),
        ("head", "1 范围"), ("body", LOREM_ZH * 2),
        ("head", "4 基本要求"), ("head", "4.1 设计研发"), ("body", "4.1.1 应采用三维设计软件进行产品结构设计，并对壶体、底座和连接器进行热仿真分析，仿真结果应形成记录并保存不少于5年。"),
        ("head", "5 技术要求"), ("head", "5.1 泄漏电流"),
        ("body", LOREM_ZH * 8 + "泄漏电流应不大于0.50 mA。"),
        ("body", "待机功率应符合下列要求："), ("item", "a) 无保温功能时不大于0.3 W；"), ("item", "b) 有保温功能时不大于0.5 W。"),
        ("body", "注：待机功率按6.3测量。"),
        ("caption", "表1 电气安全指标"), ("table", [["项目", "指标"], ["泄漏电流", "≤0.50 mA"], ["接地电阻", "≤0.05 Ω"]]),
    ], cjk=True)
    doc = parse_file(p)
    assert (doc.id, doc.ics, doc.ccs, doc.published) == ("T/ZZB 0123—2025", "97.040.50", "Y 68", "2025-06-01")
    assert doc.titles == {"zh": "电热水壶", "en": "Electric kettle"}
    assert [c.number for c in doc.clauses] == ["foreword", "1", "4", "4.1", "4.1.1", "5", "5.1"]
    assert doc.clause("1").text == LOREM_ZH * 2
    assert doc.clause("4.1.1").heading == "" and doc.clause("4.1.1").text.endswith("保存不少于5年。")
    lines = doc.clause("5.1").text.split("\n")
    assert lines[0] == LOREM_ZH * 8 + "泄漏电流应不大于0.50 mA。"
    assert lines[1:] == ["待机功率应符合下列要求：", "a) 无保温功能时不大于0.3 W；", "b) 有保温功能时不大于0.5 W。", "注：待机功率按6.3测量。"]
    assert doc.tables[0].number == "1" and doc.tables[0].rows[1] == ["泄漏电流", "≤0.50 mA"]
