"""Three-line tables (only horizontal rules: top, under the header, bottom), as ISO, EN and Chinese
standards draw them. The PDFs are drawn here with reportlab (CID font STSong-Light for Chinese, no
font file needed); the expected tables were written down before the detector was built."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

EN_EXPECTED = {
    "number": "2",
    "caption": "Limits of leakage current",
    "header": [["Appliance class", "Rated voltage V", "Leakage current mA", "Test time s"]],
    "body": [
        ["Class 0", "250", "0,50", "60"],
        ["Class 0I", "250", "0,50", "60"],
        ["Class I", "440", "0,75", "60"],
        ["Class II", "250", "0,25", "60"],
        ["Class III", "42", "0,10", "30"],
    ],
}
ZH_EXPECTED = {  # a group header over two sub-columns; continued on the next page with the header repeated
    "number": "2",
    "caption": "电动自行车的限值",
    "header": [["项目", "限值", "限值", "单位"], ["项目", "最小值", "最大值", "单位"]],
    "body": [
        ["整车质量", "20", "55", "kg"],
        ["最高车速", "15", "25", "km/h"],
        ["脚踏行驶距离", "7", "12", "km"],
        ["制动距离", "4", "7", "m"],
        ["电池电压", "36", "48", "V"],
    ],
}
NOTES_EXPECTED = {  # a body cell wrapped onto a second line; a NOTE inside the frame above the bottom rule
    "number": "3",
    "caption": "Test conditions",
    "header": [["Condition", "Temperature °C", "Humidity %", "Duration h"]],
    "body": [
        ["Storage in dry heat", "70", "—", "16"],
        ["Damp heat, steady state", "40", "93", "96"],
        ["Cold", "-25", "—", "16"],
        ["Change of temperature", "-25 to 70", "—", "5"],
    ],
}
GROUP_EXPECTED = {  # a group head centred over two sub-columns with no rule under it
    "number": "4",
    "caption": "Limits of temperature rise",
    "header": [["Part", "Temperature rise K", "Temperature rise K", "Method"], ["Part", "normal", "abnormal", "Method"]],
    "body": [
        ["Windings", "75", "150", "resistance"],
        ["Handles", "35", "60", "thermocouple"],
        ["Enclosure", "60", "150", "thermocouple"],
    ],
}
GRID_EXPECTED = [["Item", "Value"], ["Mass", "20 kg"], ["Speed", "25 km/h"]]
W, H = 595.0, 842.0
LEFT, RIGHT = 70.0, 525.0


def _furniture(c, running: str, page: int) -> None:
    """Running head with a rule under it and a footer rule over the page number."""
    c.setFont("Helvetica", 9)
    c.drawString(LEFT, H - 50, running)
    c.setLineWidth(0.5)
    c.line(LEFT, H - 56, RIGHT, H - 56)
    c.line(LEFT, 50, RIGHT, 50)
    c.drawCentredString(W / 2, 36, str(page))


def _rules(c, ys: list[float], widths: list[float], x0: float = 100.0, x1: float = 495.0, filled: bool = False) -> None:
    """Stroked lines, or thin filled rectangles as Word and SPC typesetting draw rules."""
    for y, lw in zip(ys, widths, strict=True):
        c.setLineWidth(lw)
        if filled:
            c.rect(x0, y - lw / 2, x1 - x0, lw, stroke=0, fill=1)
        else:
            c.line(x0, y, x1, y)


def _en_table(c, caption: str, rows: list[list[str]]) -> float:
    """Caption, head (two cells wrap onto a unit line) and body of the EN table; returns the bottom rule."""
    c.setFont("Helvetica-Bold", 10)
    c.drawCentredString(W / 2, 700, caption)
    c.setFont("Helvetica", 9)
    heads = [(110, "Appliance class", None), (245, "Rated voltage", "V"), (335, "Leakage current", "mA"), (440, "Test time", "s")]
    for x, a, b in heads:
        c.drawString(x, 678 if b else 673, a)
        if b:
            c.drawString(x, 667, b)
    y = 650
    for row in rows:
        c.drawString(110, y, row[0])
        for x, v in zip((290, 385, 470), row[1:], strict=True):
            c.drawRightString(x, y, v)  # numbers aligned on their right edge
        y -= 16
    bottom = y + 6
    _rules(c, [690, 662, bottom], [1.0, 0.5, 1.0])
    return bottom


def _en_pdf(path, split: int = 0) -> None:
    """Table 2 on one page, or (split) its first rows there and the rest under 'Table 2 (continued)'."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    _furniture(c, "EN 99999:2026 (E)", 1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(LEFT, 760, "5 Leakage current")
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, 740, "The leakage current shall not exceed the values given in Table 2 when measured")
    c.drawString(LEFT, 726, "at the rated voltage after the humidity treatment of 5.3.")
    body = EN_EXPECTED["body"]
    bottom = _en_table(c, "Table 2 — Limits of leakage current", body[:split] if split else body)
    if split:
        c.showPage()
        _furniture(c, "EN 99999:2026 (E)", 2)
        bottom = _en_table(c, "Table 2 (continued)", body[split:])
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, bottom - 22, "5.1 The test is made on the appliance at its operating temperature.")
    c.save()


def _notes_pdf(path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    _furniture(c, "EN 99999:2026 (E)", 2)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(LEFT, 760, "6 Environmental tests")
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, 740, "The appliance is exposed to the conditions of Table 3 in the order given.")
    c.setFont("Helvetica-Bold", 10)
    c.drawCentredString(W / 2, 712, "Table 3 — Test conditions")
    c.setFont("Helvetica", 9)
    for x, a, b in [(110, "Condition", ""), (250, "Temperature", "°C"), (340, "Humidity", "%"), (430, "Duration", "h")]:
        c.drawString(x, 690, a)
        c.drawString(x, 679, b)
    lines = [(["Storage in dry", "heat"], "70", "—", "16"), (["Damp heat, steady", "state"], "40", "93", "96"),
             (["Cold"], "-25", "—", "16"), (["Change of temperature"], "-25 to 70", "—", "5")]
    y = 660
    for names, *vals in lines:
        for k, name in enumerate(names):
            c.drawString(110, y - 11 * k, name)
        for x, v in zip((300, 375, 460), vals, strict=True):
            c.drawRightString(x, y, v)
        y -= 11 * len(names) + 6
    c.setFont("Helvetica", 8)
    c.drawString(110, y - 4, "NOTE The values apply to appliances for indoor use in temperate climates only.")
    bottom = y - 12
    _rules(c, [702, 674, bottom], [1.0, 0.5, 1.0])
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, bottom - 24, "6.1 After the tests the appliance shall comply with Clause 5.")
    c.save()


def _group_pdf(path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    _furniture(c, "EN 99999:2026 (E)", 4)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(LEFT, 760, "11 Heating")
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, 740, "Temperature rises shall not exceed the values of Table 4.")
    c.setFont("Helvetica-Bold", 10)
    c.drawCentredString(W / 2, 712, "Table 4 — Limits of temperature rise")
    c.setFont("Helvetica", 9)
    c.drawCentredString(300, 690, "Temperature rise K")
    c.drawString(110, 678, "Part")
    c.drawCentredString(262, 678, "normal")
    c.drawCentredString(338, 678, "abnormal")
    c.drawString(410, 678, "Method")
    y = 656
    for row in GROUP_EXPECTED["body"]:
        c.drawString(110, y, row[0])
        c.drawRightString(275, y, row[1])
        c.drawRightString(352, y, row[2])
        c.drawString(410, y, row[3])
        y -= 16
    for x0, x1 in [(100, 200), (200, 300), (300, 390), (390, 495)]:  # one segment per cell border, as Word does
        _rules(c, [702, 672, y + 6], [1.0, 0.5, 1.0], x0, x1)
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, y - 16, "11.1 Thermocouples are fixed to the hottest point.")
    c.save()


def _grid_and_three_line_pdf(path) -> None:
    """A fully ruled table and, under it on the same page and just as wide, a three-line table."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    _furniture(c, "EN 99999:2026 (E)", 5)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(LEFT, 776, "5 Ratings")
    c.setFont("Helvetica-Bold", 10)
    c.drawCentredString(W / 2, 762, "Table 5 — Rated values")
    c.setLineWidth(0.5)
    for y in (756, 742, 728, 714):
        c.line(100, y, 495, y)
    for x in (100, 300, 495):
        c.line(x, 756, x, 714)
    c.setFont("Helvetica", 9)
    for k, (a, b) in enumerate(GRID_EXPECTED):
        c.drawString(110, 746 - 14 * k, a)
        c.drawString(310, 746 - 14 * k, b)
    bottom = _en_table(c, "Table 2 — Limits of leakage current", EN_EXPECTED["body"])
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, bottom - 22, "5.1 The test is made on the appliance at its operating temperature.")
    c.save()


def _zh_head(c, top: float) -> float:
    """Two-row head: 限值 over 最小值 | 最大值 with a partial rule between; 项目 and 单位 span both rows."""
    c.setFont("STSong-Light", 9)
    c.drawCentredString(160, top - 22, "项目")
    c.drawCentredString(315, top - 13, "限值")
    c.setLineWidth(0.5)
    c.line(240, top - 18, 390, top - 18)
    c.drawCentredString(275, top - 31, "最小值")
    c.drawCentredString(355, top - 31, "最大值")
    c.drawCentredString(440, top - 22, "单位")
    return top - 38


def _zh_body(c, top: float, rows: list[list[str]]) -> float:
    """Body rows; a long item name wraps onto two lines with the row's values centred between them."""
    y = top - 14
    for row in rows:
        name = row[0]
        mid = y
        if len(name) > 4:
            c.drawString(110, y, name[:4])
            c.drawString(110, y - 11, name[4:])
            mid = y - 5.5
        else:
            c.drawString(110, y, name)
        c.drawRightString(290, mid, row[1])
        c.drawRightString(370, mid, row[2])
        c.drawString(425, mid, row[3])
        y -= 27 if len(name) > 4 else 16
    return y + 8


def _zh_pdf(path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for page, (cap, rows) in enumerate([("表2  电动自行车的限值", ZH_EXPECTED["body"][:3]),
                                        ("表2（续）", ZH_EXPECTED["body"][3:])], start=1):
        _furniture(c, "GB 99999—2026", page)
        c.setFont("STSong-Light", 10.5)
        if page == 1:
            c.drawString(LEFT, 760, "6  技术要求")
            c.drawString(LEFT, 740, "6.1  电动自行车的主要参数应符合表2的规定。")
        c.setFont("STSong-Light", 10.5)
        c.drawCentredString(W / 2, 700, cap)
        head_bottom = _zh_head(c, 690)
        bottom = _zh_body(c, head_bottom, rows)
        _rules(c, [690, head_bottom, bottom], [1.0, 0.5, 1.0], filled=True)
        c.setFont("STSong-Light", 10.5)
        c.drawString(LEFT, bottom - 24, "6.2  整车质量按附录A测量。" if page == 1 else "6.3  制动距离按附录B测量。")
        c.showPage()
    c.save()


PROSE_L = "The appliance shall be so constructed that its parts are"
PROSE_R = "protected against the effects of humidity during use."


def _prose_pdf(path) -> None:
    """Two columns of prose between a header rule, a full-width separator and a footer rule."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H))
    _furniture(c, "EN 99999:2026 (E)", 3)
    c.setFont("Helvetica", 10)
    c.drawString(LEFT, 770, "7 Construction")
    c.drawString(LEFT, 752, "7.1 General requirements apply to every appliance covered by this document.")
    c.setLineWidth(0.5)
    c.line(LEFT, 740, RIGHT, 740)
    c.setFont("Helvetica", 8)
    y = 725
    for k in range(36):
        c.drawString(LEFT, y, f"{PROSE_L[: 40 + k % 10]}")
        c.drawString(305, y, f"{PROSE_R[: 38 + k % 12]}")
        y -= 12
    c.save()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("threeline")
    out = {"en": d / "en.pdf", "zh": d / "zh.pdf", "prose": d / "prose.pdf", "notes": d / "notes.pdf",
           "en_cont": d / "en_cont.pdf", "group": d / "group.pdf", "grid": d / "grid.pdf"}
    _grid_and_three_line_pdf(out["grid"])
    _group_pdf(out["group"])
    _en_pdf(out["en"])
    _en_pdf(out["en_cont"], split=2)
    _notes_pdf(out["notes"])
    _zh_pdf(out["zh"])
    _prose_pdf(out["prose"])
    return out


@pytest.fixture(params=["pdfium", "pdfminer"])
def backend(request, monkeypatch):
    monkeypatch.setenv("ZMDOCS_PDF_BACKEND", request.param)
    return request.param


def _parse(path):
    from zmdocs.parse.registry import parse_file

    return parse_file(path)


def _check(table, want: dict) -> None:
    assert table.number == want["number"]
    assert table.caption == want["caption"]
    assert table.header_rows == len(want["header"])
    assert table.header == want["header"]
    assert table.body == want["body"]


def test_three_line_table_en(pdfs, backend):
    doc = _parse(pdfs["en"])
    assert len(doc.tables) == 1
    _check(doc.tables[0], EN_EXPECTED)


def test_continued_en(pdfs, backend):
    """'Table 2 (continued)' with its head repeated on the next page: one table, the head once."""
    doc = _parse(pdfs["en_cont"])
    assert len(doc.tables) == 1, [(t.number, t.rows) for t in doc.tables]
    _check(doc.tables[0], EN_EXPECTED)


def test_ruling_gate():
    """Table finding runs on pages with a grid or at least the three rules of a three-line table only."""
    from zmdocs.parse.pdf_tables import wants_tables

    assert wants_tables(2, 2) and wants_tables(3, 0)
    assert not wants_tables(2, 0) and not wants_tables(1, 5)


def test_three_line_table_keeps_prose_out(pdfs):
    """The text around the table stays body text; no table text leaks into the clauses."""
    doc = _parse(pdfs["en"])
    text = " ".join(p for c in doc.clauses for p in [c.text] if p)
    assert "humidity treatment" in text
    assert "Class III" not in text and "0,75" not in text


def test_wrapped_cells_and_note_in_frame(pdfs, backend):
    """A cell's second line joins its row; a NOTE set inside the frame is the table's note, not a row."""
    doc = _parse(pdfs["notes"])
    assert len(doc.tables) == 1, [(t.number, t.rows) for t in doc.tables]
    _check(doc.tables[0], NOTES_EXPECTED)
    assert "temperate climates" not in " ".join(c for row in doc.tables[0].rows for c in row)
    assert any("temperate climates" in f for f in doc.tables[0].footnotes)


def test_group_head_without_rule(pdfs, backend):
    """A group head centred over two sub-columns makes two header rows even with no rule under it."""
    doc = _parse(pdfs["group"])
    assert len(doc.tables) == 1, [(t.number, t.rows) for t in doc.tables]
    _check(doc.tables[0], GROUP_EXPECTED)


def test_grid_and_three_line_on_one_page(pdfs, backend):
    """The line finder keeps the grid; the three-line table under it (rules just as wide) is found too."""
    doc = _parse(pdfs["grid"])
    assert [t.number for t in doc.tables] == ["5", "2"]
    assert doc.tables[0].rows == GRID_EXPECTED
    _check(doc.tables[1], EN_EXPECTED)


def test_two_row_head_continued_zh(pdfs, backend):
    doc = _parse(pdfs["zh"])
    assert len(doc.tables) == 1, [(t.number, t.rows) for t in doc.tables]
    _check(doc.tables[0], ZH_EXPECTED)


def test_prose_between_rules_is_no_table(pdfs, backend, monkeypatch):
    """Two columns of running text between a header rule, a separator and a footer rule: the three
    rules are looked at (the page passes the gate) but the text never aligns into cells."""
    import zmdocs.parse.pdf_threeline as threeline

    seen: list[int] = []
    groups = threeline._groups
    monkeypatch.setattr(threeline, "_groups", lambda *a: seen.extend(len(g) for g in groups(*a)) or groups(*a))
    doc = _parse(pdfs["prose"])
    assert doc.tables == []
    assert seen == [3]


def test_page_reader_three_line_items(pdfs):
    """The page reader hands a three-line table to the builder as one table item."""
    from zmdocs.parse.pdf import read_pdf

    raw = read_pdf(pdfs["en"], workers=1, ocr="off")
    tables = [b for b in raw.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].header_rows == 1 and len(tables[0].rows) == 6
