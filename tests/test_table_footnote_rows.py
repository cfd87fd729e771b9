"""Footnotes and notes set inside a ruled table frame as its last rows, one cell spanning the width (Word/SPC
typesetting of GB standards: "a 对…", "注：…"): they are the table's footnotes, not body rows, and the
indicator extractor reads them once as prose of that table. Inputs are written here (a PDF drawn with
reportlab, CID font STSong-Light), not taken from a corpus document."""

from __future__ import annotations

import pytest

from zmdocs.indicators.tables import extract_table
from zmdocs.model import Table
from zmdocs.parse.blocks import Block
from zmdocs.parse.elements import footnote_lines, split_footnote_rows
from zmdocs.parse.structure import build_document

FOOT_A = "a 对车长大于12 m的车辆，外廓宽度应不大于2.60 m。"
NOTE = "注：本表限值适用于新出厂车辆。"
BODY = [["货车", "≤2.55", "m"], ["客车a", "≤2.50", "m"], ["挂车", "≤2.55", "m"]]


def test_footnote_rows_leave_the_body():
    rows = [["车型", "宽度限值", "单位"], *BODY, [FOOT_A, FOOT_A, FOOT_A], [NOTE, "", ""]]
    body, notes = split_footnote_rows(rows)
    assert body == rows[:4] and notes == [FOOT_A, NOTE]
    short = [["车型", "宽度限值", "单位"], *BODY, ["a 类", "", ""]]
    assert split_footnote_rows(short) == (short, [])  # a short row label is no footnote
    two = [["车型", "宽度限值", "单位"], [FOOT_A, "", ""]]
    assert split_footnote_rows(two) == (two, [])  # a table is never left without a body row


def test_one_cell_holds_several_wrapped_footnotes():
    assert footnote_lines("a 对车长大于12 m的\n车辆适用。\nb 对挂车适用。") == ["a 对车长大于12 m的车辆适用。", "b 对挂车适用。"]
    assert footnote_lines("a 对甲车适用。 b 对乙车适用。 d 不是下一个。") == ["a 对甲车适用。", "b 对乙车适用。 d 不是下一个。"]


def test_builder_keeps_footnote_rows_as_footnotes():
    blocks = [Block(kind="para", text="1 要求", page=1), Block(kind="para", text="表1 外廓宽度", page=1),
              Block(kind="table", page=1, rows=[["车型", "宽度限值", "单位"], *BODY, [FOOT_A, "", ""]])]
    t = build_document(blocks, source="x.txt").tables[0]
    assert t.number == "1" and t.body == BODY and t.footnotes == [FOOT_A]


def test_table_footnotes_are_read_as_prose():
    t = Table(id="t1", number="1", caption="外廓宽度", clause="4.1", rows=[["车型", "宽度限值", "单位"], *BODY],
              footnotes=[FOOT_A, NOTE])
    inds = extract_table(t, "zh")
    foot = [i for i in inds if i.origin.get("footnote")]
    assert [(i.comparator, i.value, i.unit) for i in foot] == [("<=", 2.6, "m")]
    assert foot[0].clause == "4.1" and foot[0].origin.get("table") == "1"
    marked = [i for i in inds if i.value == 2.5 and not i.origin.get("footnote")]
    assert marked and any("12 m" in c for c in marked[0].conditions)  # the mark still conditions its cell
    how = Table(id="t1", number="1", clause="4.1", rows=[["车型", "宽度限值", "单位"], *BODY],
                footnotes=["a 在环境温度为（25±2）℃时测量。"])
    assert not [i for i in extract_table(how, "zh") if i.origin.get("footnote")]  # how it is measured: no limit
    as_rows = Table(id="t1", number="1", caption="外廓宽度", clause="4.1",
                    rows=[["车型", "宽度限值", "单位"], *BODY, [FOOT_A] * 3])
    assert sorted((i.value, i.unit) for i in extract_table(as_rows, "zh")) == sorted((i.value, i.unit) for i in inds)


def _grid_pdf(path) -> None:
    """A fully ruled table whose last two rows are one cell spanning the width: a footnote and a note."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10.5)
    c.drawString(70, 780, "4  技术要求")
    c.drawString(70, 760, "4.1  车辆的外廓宽度应符合表1的规定。")
    c.drawCentredString(297, 735, "表1  外廓宽度限值")
    ys = [725, 705, 685, 665, 645, 620, 600]
    c.setLineWidth(0.5)
    for y in ys:
        c.line(100, y, 495, y)
    for x in (100, 495):
        c.line(x, ys[0], x, ys[-1])
    for x in (250, 400):
        c.line(x, ys[0], x, ys[4])
    c.setFont("STSong-Light", 9)
    for k, row in enumerate([["车型", "宽度限值", "单位"], *BODY]):
        for x, cell in zip((110, 260, 410), row, strict=True):
            c.drawString(x, ys[k] - 14, cell)
    c.drawString(110, ys[4] - 16, FOOT_A)
    c.drawString(110, ys[5] - 14, NOTE)
    c.drawString(70, 570, "4.2  车辆的外廓长度应符合附录A的规定。")
    c.save()


@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
def test_pdf_footnote_rows_in_the_frame(tmp_path, monkeypatch, backend):
    pytest.importorskip("reportlab")
    from zmdocs.indicators import extract_document
    from zmdocs.parse.registry import parse_file

    monkeypatch.setenv("ZMDOCS_PDF_BACKEND", backend)
    path = tmp_path / "grid.pdf"
    _grid_pdf(path)
    doc = parse_file(path)
    assert len(doc.tables) == 1, [(t.number, t.rows) for t in doc.tables]
    t = doc.tables[0]
    assert t.number == "1" and t.header_rows == 1 and len(t.body) == 3, t.rows
    assert [f.replace(" ", "") for f in t.footnotes] == [FOOT_A.replace(" ", ""), NOTE]
    foot = [i for i in extract_document(doc) if i.origin.get("footnote")]
    assert [(i.value, i.unit) for i in foot] == [(2.6, "m")]


def _group_label_pdf(path) -> None:
    """A ruled table whose head cell spans the two label columns, over a body whose first-column cell spans
    two rows (a class over its sub-classes): one header row, not two."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10.5)
    c.drawString(70, 780, "5  标牌")
    c.drawCentredString(297, 755, "表2  应标明的项目")
    ys = [745, 725, 705, 685, 665]
    c.setLineWidth(0.5)
    for y in ys:
        c.line(100 if y != ys[2] else 200, y, 495, y)  # the class cell spans the rows of its two sub-classes
    c.line(200, ys[1], 200, ys[4])
    for x in (100, 300, 495):
        c.line(x, ys[0], x, ys[-1])
    c.setFont("STSong-Light", 9)
    c.drawString(110, ys[0] - 14, "车辆类型")
    c.drawString(310, ys[0] - 14, "应标明的项目")
    c.drawString(110, ys[2] - 4, "汽车")
    c.drawString(210, ys[1] - 14, "客车")
    c.drawString(310, ys[1] - 14, "识别代号、乘坐人数")
    c.drawString(210, ys[2] - 14, "货车")
    c.drawString(310, ys[2] - 14, "识别代号、装载质量")
    c.drawString(110, ys[3] - 14, "挂车")
    c.drawString(210, ys[3] - 14, "半挂车")
    c.drawString(310, ys[3] - 14, "识别代号")
    c.save()


@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
def test_head_over_two_label_columns_is_one_header_row(tmp_path, monkeypatch, backend):
    pytest.importorskip("reportlab")
    from zmdocs.parse.registry import parse_file

    monkeypatch.setenv("ZMDOCS_PDF_BACKEND", backend)
    path = tmp_path / "group.pdf"
    _group_label_pdf(path)
    t = parse_file(path).tables[0]
    assert t.rows[0][:2] == ["车辆类型", "车辆类型"], t.rows
    assert t.header_rows == 1 and len(t.body) == 3, t.rows
