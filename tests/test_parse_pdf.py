"""PDF reader at the Block level: reading order, running headers, columns, tables, bad pages."""

from __future__ import annotations

import pytest

from zmdocs.errors import ParseError
from zmdocs.parse.pdf import _key, drop_running, read_pdf
from zmdocs.parse.pdf_layout import clean_chars, join_chars


@pytest.fixture(scope="module")
def pdf_dir(data_dir):
    return data_dir / "pdf"


@pytest.fixture(scope="module")
def zh(pdf_dir):
    return read_pdf(pdf_dir / "zh-standard.pdf", workers=1)


def texts(raw):
    return [b.text for b in raw.blocks if b.kind == "line"]


# ------------------------------------------------------------------ Chinese, tables, headers
def test_zh_running_headers_and_page_numbers_dropped(zh):
    t = texts(zh)
    assert zh.pages == 3 and zh.format == "pdf"
    assert not any("T/ZZB 0999" in x for x in t)  # header alternating right/left
    assert not any(x in ("1", "2", "3", "第 2 页") for x in t)
    assert t[0] == "电热水壶（示例）"
    assert "5.1 泄漏电流" in t and "6 试验方法" in t


def test_zh_no_spaces_between_cjk_but_spaces_kept_around_latin(zh):
    t = texts(zh)
    assert "在工作温度下，Ⅰ类器具的泄漏电流应不大于 0.75 mA，Ⅱ类器具的泄漏电流应不大于" in t
    assert "外壳的球压试验温度应不低于 125 °C，压痕直径应不大于 2 mm。" in t


def test_line_meta_and_pages(zh):
    line = next(b for b in zh.blocks if b.text == "5 技术要求")
    assert line.page == 1
    for key in ("x0", "x1", "top", "bottom", "page_width", "page_height", "size"):
        assert key in line.meta
    assert line.meta["x0"] == pytest.approx(72, abs=1)
    assert line.meta["size"] == pytest.approx(10.5, abs=0.6)
    assert line.meta["page_height"] == pytest.approx(841.9, abs=1)


def test_table_merged_cells_and_position(zh):
    kinds = [(b.kind, b.text) for b in zh.blocks]
    i = kinds.index(("line", "表1 主要技术指标"))
    assert zh.blocks[i + 1].kind == "table"
    assert zh.blocks[i + 2].text.startswith("注：")
    tab = zh.blocks[i + 1]
    assert tab.rows[0] == ["序号", "项目", "指标", "指标"]  # horizontal merge repeated
    assert tab.rows[1] == ["序号", "项目", "本文件", "GB 4706.19"]  # vertical merge repeated
    assert tab.rows[3] == ["2", "泄漏电流", "≤0.50 mA", "≤0.75 mA"]
    assert tab.header_rows == 2
    # table text is not read again as lines
    assert not any(x in ("序号 项目", "本文件 GB 4706.19") or "≤0.20 mA" in x for x in texts(zh))


def test_table_continued_on_next_page_is_two_blocks(zh):
    tables = [b for b in zh.blocks if b.kind == "table"]
    assert [t.page for t in tables] == [1, 2, 3]
    assert tables[1].rows[-1] == ["附加绝缘", "1 750 V"]
    assert tables[2].rows == [["绝缘类型", "试验电压"], ["加强绝缘", "3 000 V"]]
    i = zh.blocks.index(tables[2])
    assert zh.blocks[i - 1].text == "表2（续）"


# ------------------------------------------------------------------ English, two columns
def test_two_columns_read_left_then_right(pdf_dir):
    raw = read_pdf(pdf_dir / "en-two-column.pdf", workers=1)
    t = texts(raw)
    assert t[0] == "HOUSEHOLD APPLIANCES – SAFETY – KETTLES"
    assert t.index("referred to in the text.") + 1 == t.index("3 Terms and definitions")
    assert t.index("1 Scope") < t.index("2 Normative references") < t.index("4 Leakage current")
    assert not any("IEC 2016" in x or "Copyright" in x or x.startswith("–") for x in t)
    # single-column page 2 unchanged, ligatures resolved
    p2 = [b.text for b in raw.blocks if b.page == 2]
    assert p2[0] == "5 Heating" and "final" in p2[1]
    assert not any("\ufb01" in x or "\ufb02" in x for x in t)


def test_key_value_layout_is_not_two_columns(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "kv.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 10)
    for i in range(30):
        c.drawString(60, 780 - 20 * i, f"Key {i}")
        c.drawString(330, 780 - 20 * i, f"value number {i} of the parameter table")
    c.save()
    t = texts(read_pdf(path, workers=1))
    assert t[0] == "Key 0 value number 0 of the parameter table"
    assert t[1].startswith("Key 1 ")


# ------------------------------------------------------------------ bad pages, encryption
def test_partly_scanned_warns_with_page_numbers(pdf_dir):
    raw = read_pdf(pdf_dir / "partly-scanned.pdf", workers=1, ocr="off")  # the reader alone, without OCR
    assert texts(raw) == ["1 Scope", "This page has a text layer.", "2 Requirements",
                          "The kettle shall switch off within 30 s."]
    assert len(raw.warnings) == 1 and "page(s) 2 " in raw.warnings[0] and "OCR" in raw.warnings[0]


def test_empty_user_password_opens(pdf_dir):
    raw = read_pdf(pdf_dir / "empty-user-password.pdf")
    assert texts(raw) == ["1 Scope", "This document is protected by an owner password only."]


@pytest.mark.parametrize("name,needle", [
    ("encrypted.pdf", "encrypted with a password"),
    ("truncated.pdf", "corrupt or truncated"),
    ("scanned.pdf", "scanned (image-only)"),
    ("empty.pdf", "is empty"),
])
def test_bad_pdfs_raise_one_line(data_dir, name, needle):
    with pytest.raises(ParseError) as ei:
        read_pdf(data_dir / "bad" / name)
    msg = str(ei.value)
    assert needle in msg and name in msg and "\n" not in msg and " — " in msg


# ------------------------------------------------------------------ parallel pages
def test_parallel_equals_serial(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "long.pdf"
    c = canvas.Canvas(str(path))
    for page in range(1, 21):
        c.setFont("Helvetica", 9)
        c.drawString(60, 810, "ISO 99999:2020(E)")
        c.drawCentredString(300, 30, str(page))
        c.setFont("Helvetica", 10)
        for i in range(30):
            c.drawString(72, 760 - 20 * i, f"{page}.{i + 1} Clause {i + 1} of page {page} shall be read once.")
        c.showPage()
    c.save()
    serial = read_pdf(path, workers=1)
    parallel = read_pdf(path, workers=2)
    assert [(b.page, b.text) for b in serial.blocks] == [(b.page, b.text) for b in parallel.blocks]
    assert len(serial.blocks) == 600
    assert serial.blocks[0].text == "1.1 Clause 1 of page 1 shall be read once."


# ------------------------------------------------------------------ running-header rules (pure data)
def _page(n, lines, h=842.0):
    items = [{"text": t, "top": top, "bottom": top + 10, "x0": 60, "x1": 300, "size": 10, "column": 0}
             for t, top in lines]
    return {"page": n, "height": h, "width": 595.0, "items": items}


def test_drop_running_alternating_headers_roman_numbers_copyright():
    pages = [
        _page(1, [("GB 4706.19—2024", 30), ("前言", 90), ("本文件按照规则起草。", 110), ("I", 800)]),
        _page(2, [("GB 4706.19-2024", 30), ("1 范围", 90), ("本文件适用于电热水壶。", 110), ("II", 800)]),
        _page(3, [("GB 4706.19—2024", 30), ("表 1（续）", 60), ("2 规范性引用文件", 200), ("第3页 共5页", 800)]),
        _page(4, [("表 1（续）", 60), ("© ISO 2016 – All rights reserved", 790), ("Page 4 of 5", 805)]),
        _page(5, [("Normen-Download-Beuth-Kettle GmbH-KdNr.123-2020-08", 400), ("5 Requirements", 90),
                  ("- 5 -", 800)]),
    ]
    drop_running(pages)
    left = [it["text"] for p in pages for it in p["items"]]
    assert left == ["前言", "本文件按照规则起草。", "1 范围", "本文件适用于电热水壶。", "表 1（续）",
                    "2 规范性引用文件", "表 1（续）", "5 Requirements"]


def test_drop_running_two_pages_only():
    pages = [_page(1, [("IEC 60335-2-15:2016 © IEC 2016", 30), ("1 Scope", 90)]),
             _page(2, [("Household appliances – Kettles", 30), ("2 Terms", 90)])]
    pages[1]["items"].insert(0, {"text": "Household appliances – Kettles", "top": 20, "bottom": 28, "x0": 60,
                                 "x1": 300, "size": 8, "column": 0})
    pages[0]["items"].insert(0, {"text": "Household appliances – Kettles", "top": 20, "bottom": 28, "x0": 60,
                                 "x1": 300, "size": 8, "column": 0})
    drop_running(pages)
    assert [it["text"] for p in pages for it in p["items"]] == ["1 Scope", "2 Terms"]


def test_header_key_normalises_numbers():
    assert _key("第3页") == _key("第 12 页")
    assert _key("- 3 -") == _key("iii") == _key("— 7 —")
    assert _key("T/ZZB 0999—2026") == _key("T/ZZB 0999-2026")


# ------------------------------------------------------------------ chars -> text
def _ch(text, x0, w=5.0, size=10.0, top=100.0):
    return {"text": text, "x0": x0, "x1": x0 + w, "top": top, "bottom": top + size, "size": size, "upright": True}


def test_join_chars_cjk_and_latin():
    chars = [_ch("不", 0, 10), _ch("大", 10.5, 10), _ch("于", 21, 10), _ch("0", 34, 5), _ch(".", 39, 2.5),
             _ch("2", 41.5, 5), _ch("m", 50, 7), _ch("A", 57, 6), _ch("。", 63.5, 10)]
    assert join_chars(chars) == "不大于 0.2 mA。"
    # fake bold: the same glyph painted twice is kept once
    assert join_chars([_ch("A", 0), _ch("A", 0.3), _ch("B", 5)]) == "AB"


def test_clean_chars_drops_cid_and_maps_ligatures():
    chars = [_ch("(cid:12)", 0), _ch("\ufb01", 5), _ch("x", 10), dict(_ch("R", 20), upright=False)]
    out, cid = clean_chars(chars)
    assert cid == 1 and [c["text"] for c in out] == ["fi", "x"]


# ------------------------------------------------------------------ sideways pages, broken pages
@pytest.mark.parametrize("angle", [90, -90])
def test_sideways_page_is_read_in_its_own_frame(tmp_path, angle):
    from reportlab.pdfgen import canvas

    path = tmp_path / f"rot{angle}.pdf"
    c = canvas.Canvas(str(path))  # portrait page, landscape content drawn with a rotation
    c.saveState()
    if angle == 90:
        c.translate(550, 40)
    else:
        c.translate(40, 800)
    c.rotate(angle)
    c.setFont("Helvetica", 10)
    for i in range(6):
        c.drawString(20, -20 - 15 * i, f"Row {i + 1} of the sideways table: 0.{i + 1} mA")
    c.restoreState()
    c.save()
    t = texts(read_pdf(path, workers=1))
    assert t == [f"Row {i + 1} of the sideways table: 0.{i + 1} mA" for i in range(6)]


def test_one_broken_page_is_a_warning(pdf_dir, monkeypatch):
    from zmdocs.parse import pdf as pdfmod

    real = pdfmod._read_page

    def flaky(page):
        if page.page_number == 2:
            raise ValueError("bad content stream")
        return real(page)

    monkeypatch.setattr(pdfmod, "_read_page", flaky)
    monkeypatch.setenv("ZMDOCS_PDF_BACKEND", "pdfminer")  # every page through _read_page
    raw = read_pdf(pdf_dir / "zh-standard.pdf", workers=1)
    assert {b.page for b in raw.blocks} == {1, 3}
    assert any("page(s) 2 could not be read" in w for w in raw.warnings)


def test_superscripts_kept_as_unicode(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "sup.pdf"
    c = canvas.Canvas(str(path))
    t = c.beginText(72, 700)
    t.setFont("Helvetica", 10)
    t.textOut("Area 2 m")
    t.setRise(4)
    t.setFont("Helvetica", 6)
    t.textOut("2")
    t.setRise(0)
    t.setFont("Helvetica", 10)
    t.textOut(", tolerance 10")
    t.setRise(4)
    t.setFont("Helvetica", 6)
    t.textOut("-3")
    t.setRise(0)
    t.setFont("Helvetica", 10)
    t.textOut(" and U")
    t.setRise(-2)
    t.setFont("Helvetica", 6)
    t.textOut("N")
    c.drawText(t)
    c.save()
    assert texts(read_pdf(path)) == ["Area 2 m², tolerance 10⁻³ and UN"]


def test_scanned_pages_with_a_text_stamp_are_still_scanned(tmp_path):
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(buf, "PNG")
    path = tmp_path / "stamped.pdf"
    c = canvas.Canvas(str(path))
    for _ in range(2):
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 10, 10, 575, 820)
        c.setFont("Helvetica", 7)
        c.drawString(20, 5, "Licensed to Example GmbH")
        c.showPage()
    c.save()
    with pytest.raises(ParseError, match="scanned"):
        read_pdf(path, ocr="off")


# ------------------------------------------------------------------ the sample corpus
SAMPLE_PDFS = ["GB-4706.19-2024-kettle.pdf", "IEC-60335-2-15-2016-kettle.pdf", "DIN-EN-60335-2-15-2020-kettle.pdf"]


@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_sample_pdfs_lose_running_headers_but_keep_tables(samples_dir, name):
    import re

    import pdfplumber

    path = samples_dir / name
    if not path.exists():
        pytest.skip("sample corpus not rendered")
    with pdfplumber.open(path) as pdf:
        header = pdf.pages[2].extract_text().splitlines()[0].strip()  # what a bare reader sees first
        n = len(pdf.pages)
    raw = read_pdf(path)
    later = [b.text for b in raw.blocks if b.kind == "line" and b.page and b.page > 1]
    assert not any(re.sub(r"\s", "", t) == re.sub(r"\s", "", header) for t in later), header
    assert not any(re.fullmatch(r"[–—\-\s]*([0-9]+|[IVX]+)[–—\-\s]*", t) for t in later)
    tables = [b for b in raw.blocks if b.kind == "table"]
    assert len(tables) >= 3
    assert all(len({len(r) for r in t.rows}) == 1 for t in tables)  # rectangular after merge filling
    assert raw.pages == n and not raw.warnings


def test_open_sided_table_keeps_outer_columns(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "open.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 9)
    c.drawString(72, 720, "Table 3 - Limits")
    xs, top = [72, 200, 330, 460], 700
    rows = [["Part", "Limit", "Unit"], ["Handle", "30", "K"], ["Base", "60", "K"]]
    for i, row in enumerate(rows):
        y = top - 20 * i
        for j, text in enumerate(row):
            c.drawString(xs[j] + 4, y - 14, text)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - 20 * i, xs[-1], top - 20 * i)  # rules run edge to edge
    for x in xs[1:-1]:
        c.line(x, top, x, top - 20 * len(rows))  # inner verticals only: no left/right border
    c.drawString(72, 600, "Text after the table.")
    c.save()
    raw = read_pdf(path)
    tabs = [b for b in raw.blocks if b.kind == "table"]
    assert len(tabs) == 1 and tabs[0].rows == rows
    assert texts(raw) == ["Table 3 - Limits", "Text after the table."]


@pytest.mark.parametrize("name", ["zh-standard.pdf", "en-two-column.pdf", "partly-scanned.pdf"])
def test_pdfium_and_pdfminer_backends_agree(pdf_dir, monkeypatch, name):
    def blocks(backend):
        monkeypatch.setenv("ZMDOCS_PDF_BACKEND", backend)
        raw = read_pdf(pdf_dir / name, workers=1)
        return [(b.page, b.kind, b.text, b.rows) for b in raw.blocks], raw.warnings

    assert blocks("pdfium") == blocks("pdfminer")


def test_ligature_split_into_letters():
    from zmdocs.parse.pdf_pdfium import _split_ligatures

    box = {"x0": 10.0, "x1": 16.0, "top": 0.0, "bottom": 10.0, "size": 10.0}
    chars = _split_ligatures([dict(box, text="f"), dict(box, text="f"), dict(box, x0=16.0, x1=19.0, text="e")])
    assert [(c["text"], c["x0"], c["x1"]) for c in chars] == [("f", 10.0, 13.0), ("f", 13.0, 16.0), ("e", 16.0, 19.0)]
    assert join_chars(chars) == "ffe"


# ------------------------------------------------------------------ publishers' typesetting
def test_slanted_watermark_dropped_and_full_width_folded(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "watermark.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10.5)
    c.drawString(72, 700, "5.1 起飞重量在０．２５ｋｇ～１５０ｋｇ之间")
    c.drawString(72, 680, "ＧＢ／Ｔ ３８１５２—２０１９ 无人驾驶航空器系统术语")
    c.saveState()
    c.translate(300, 400)
    c.rotate(45)
    c.setFont("Helvetica", 30)
    c.drawString(-150, 0, "www.download-site.example")
    c.restoreState()
    c.save()
    t = texts(read_pdf(path, workers=1, ocr="off"))
    assert t == ["5.1 起飞重量在0.25kg～150kg之间", "GB/T 38152—2019 无人驾驶航空器系统术语"]


def test_long_running_head_with_varying_page_number_dropped(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "oj.pdf"
    c = canvas.Canvas(str(path))
    for n in range(1, 7):
        head = (f"24.11.2006 EN Official Journal of the European Union L 326/{n}" if n % 2 else
                f"L 326/{n} EN Official Journal of the European Union 24.11.2006")
        c.setFont("Helvetica", 9)
        c.drawString(70, 842 - 80, head)
        c.setFont("Helvetica", 10)
        c.drawString(120, 842 - 110, f"{n}.1 Clause on page {n}")
        c.drawString(120, 842 - 130, "Body text of the clause.")
        c.showPage()
    c.save()
    t = texts(read_pdf(path, workers=1, ocr="off"))
    assert not any("Official Journal" in x for x in t)
    assert t[0] == "1.1 Clause on page 1" and len(t) == 12


def test_row_from_baselines_not_from_font_boxes():
    """Chars of one printed line whose fonts report very different boxes land in one row."""
    from zmdocs.parse.pdf_layout import baseline_box, page_lines

    def ch(text, x, base, size=10.0):
        top, bottom = baseline_box(base, size)
        return {"text": text, "x0": x, "x1": x + size, "top": top, "bottom": bottom, "size": size,
                "upright": True, "dir": 0}

    chars = [ch("协", 72, 200), ch("议", 82, 200), ch("见", 92, 200), ch("表", 102, 200),
             ch("A", 114, 201.3, 10), ch(".", 120, 201.3), ch("1", 123, 201.3), ch("。", 130, 200)]
    for c in chars[4:7]:
        c["x1"] = c["x0"] + 5
    lines = page_lines(chars, 595, 842)
    assert [ln.text for ln in lines] == ["协议见表A.1。"]


CORPUS = __import__("pathlib").Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def spc_lines():
    path = CORPUS / "cn-product" / "gb45672-2025-aecs.pdf"
    if not path.exists():
        pytest.skip("../shared/corpus is absent")
    return texts(read_pdf(path, ocr="off"))


def test_spc_clause_numbers_and_words_rejoin_their_line(spc_lines):
    """SPC sets digits, Latin and punctuation on baselines of their own, in fonts one em wide."""
    assert "A.1.1 数据类型" in spc_lines and "B.2.1.2 实车正面碰撞试验" in spc_lines
    assert not [x for x in spc_lines if x and all(ch in ".,:;()。 " for ch in x)]  # no stray punctuation lines
    assert any(x.startswith("GB 11551—2014 ") for x in spc_lines)
    assert any(" on-board accident emergency call system" in x for x in spc_lines)
    assert any("不超过2min的时间间隔" in x for x in spc_lines)


# ------------------------------------------------------------------ issue 10: numbers as pictures, stacked rows
def _number_picture(tmp_path, text: str):
    """A bitonal picture of `text` as a typesetter that draws clause numbers as images makes it."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    src = tmp_path / f"src-{text}.pdf"
    c = canvas.Canvas(str(src), pagesize=(120, 40))
    c.setFont("Times-Bold", 11)
    c.drawString(10, 15, text)
    c.save()
    doc = pdfium.PdfDocument(str(src))
    img = doc[0].render(scale=300 / 72).to_pil().convert("L")
    doc.close()
    box = img.point(lambda v: 255 if v < 128 else 0).getbbox()
    pad = 6
    img = img.crop((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)).point(lambda v: 0 if v < 128 else 255)
    out = tmp_path / f"num-{text}.png"
    img.convert("1").save(out)
    return out, img.size


def test_clause_numbers_drawn_as_images_are_read_by_ocr(tmp_path):
    """Hanging clause numbers placed as pictures (Metanorma/OIML PDFs) rejoin their heading line."""
    pytest.importorskip("rapidocr_onnxruntime")
    from reportlab.pdfgen import canvas

    path = tmp_path / "numbers.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Times-Roman", 11)
    for y, number, heading in ((700, "3.2.1", "Application of load"), (660, "4.10", "Safe load limit")):
        png, (w, h) = _number_picture(tmp_path, number)
        scale = 11 * 0.75 / (h - 12) * 1.0  # the digits about three quarters of an em high
        c.drawImage(str(png), 72, y - 2, width=w * scale, height=h * scale)
        c.drawString(115, y, heading)
    png, (w, h) = _number_picture(tmp_path, "3.1.11")
    scale = 11 * 0.75 / (h - 12)
    c.drawImage(str(png), 72, 620 - 2, width=w * scale, height=h * scale)  # a term number alone on its line
    c.drawString(72, 605, "type approval")
    c.drawString(72, 580, "Body text at the left margin.")
    c.save()
    raw = read_pdf(path, workers=1)
    got = texts(raw)
    assert got[:2] == ["3.2.1 Application of load", "4.10 Safe load limit"]
    assert any("3 word(s) set as pictures" in w and "page(s) 1 " in w for w in raw.warnings)
    assert "3.1.11" in got and "type approval" in got
    assert texts(read_pdf(path, workers=1, ocr="off"))[:2] == ["Application of load", "Safe load limit"]


def test_group_ruled_table_rows_split_into_their_lines(tmp_path):
    """A limit table ruled only between groups of rows, its rules thin filled rectangles and no outer
    border (the Official Journal): one logical row per stacked line, header kept."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "oj.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 9)
    left, mid, right, top = 120, 320, 520, 700
    c.drawString(150, top - 14, "Nominal flow G")
    c.drawString(350, top - 14, "Absorption coefficient k")
    groups = [[("42", "2,26"), ("45", "2,19"), ("50", "2,08")], [("55", "1,985"), ("60", "1,90")]]
    y = top - 24
    rules = [top, y]
    for g in groups:
        for a, b in g:
            y -= 13
            c.drawString(200, y, a)
            c.drawString(400, y, b)
        y -= 6
        rules.append(y)
    c.rect(left, top, right - left, 0.5, stroke=0, fill=1)  # the top rule runs edge to edge
    for r in rules[1:]:
        c.rect(left, r, mid - left - 0.5, 0.5, stroke=0, fill=1)  # the others stop at the column rule
        c.rect(mid + 0.5, r, right - mid - 0.5, 0.5, stroke=0, fill=1)
    for a, b in zip(rules, rules[1:], strict=False):  # the column rule, drawn row group by row group
        c.rect(mid, b, 0.5, a - b, stroke=0, fill=1)
    c.drawString(120, y - 30, "Note: values are rounded.")
    c.save()
    raw = read_pdf(path)
    tabs = [b for b in raw.blocks if b.kind == "table"]
    assert len(tabs) == 1
    assert tabs[0].rows == [["Nominal flow G", "Absorption coefficient k"], ["42", "2,26"], ["45", "2,19"],
                            ["50", "2,08"], ["55", "1,985"], ["60", "1,90"]]


def test_stacked_cells_split_only_when_lines_share_baselines():
    from zmdocs.parse.pdf_tables import _split_stacked

    stacked = [[(10.0, 9.0, "42"), (23.0, 9.0, "45")], [(10.2, 9.0, "2,26"), (23.1, 9.0, "2,19")]]
    assert _split_stacked(stacked) == [["42", "2,26"], ["45", "2,19"]]
    prose = [[(10.0, 9.0, "Intake system and"), (23.0, 9.0, "manifold")], [(10.0, 9.0, "Yes, standard"),
                                                                           (23.0, 9.0, "equipment")]]
    assert _split_stacked(prose) is None  # wrapped words in every column
    uneven = [[(10.0, 9.0, "42"), (23.0, 9.0, "45")], [(10.0, 9.0, "2,26")]]
    assert _split_stacked(uneven) is None
    assert _split_stacked([[(10.0, 9.0, "1"), (23.0, 9.0, "2")], None]) is None  # a merged slot


def _line(text, x0, top, size=11.0, x1=None, page=1, x2=None):
    from zmdocs.parse.blocks import Block

    meta = {"x0": x0, "x1": x1 if x1 is not None else x0 + 5.5 * len(text), "top": top, "bottom": top + size,
            "size": size, "page_width": 595, "page_height": 842}
    if x2 is not None:
        meta["x2"] = x2
    return Block(kind="line", text=text, page=page, meta=meta)


def _body(top0: float, n: int = 8) -> list:
    return [_line("Body text that runs to the right margin of the page and goes on to the next", 72, top0 + 13 * i,
                  x1=523) for i in range(n)]


def test_spaced_number_line_after_a_full_line_starts_a_paragraph():
    """A term number after a paragraph gap is not a number wrapped into the sentence above."""
    from zmdocs.parse.lines import to_paragraphs

    blocks = _body(100) + [_line("load cell interval, expressed in units of mass, used in the test of the", 72, 204,
                                 x1=523),
                           _line("3.5.5", 72, 229), _line("maximum capacity", 72, 242)]
    paras = [p.text for p in to_paragraphs(blocks)]
    assert "3.5.5" in paras and "maximum capacity" in paras


def test_hanging_heading_second_line_joins_its_heading():
    from zmdocs.parse.lines import to_paragraphs

    blocks = [_line("5.7.2.6 Span stability: maximum allowable variation requirements", 72, 100, x1=395, x2=114.6),
              _line("(not applicable to class A load cells)", 114.6, 113, x1=282)] + _body(135)
    paras = [p.text for p in to_paragraphs(blocks)]
    assert paras[0] == "5.7.2.6 Span stability: maximum allowable variation requirements (not applicable to class " \
                       "A load cells)"
    blocks = [_line("60.2.4. Other Requirements", 85, 100, x1=252, x2=156),
              _line("Each lamp must:-", 156, 113, x1=242)] + _body(135)
    assert [p.text for p in to_paragraphs(blocks)][:2] == ["60.2.4. Other Requirements", "Each lamp must:-"]


def test_small_type_number_in_a_figure_is_marked_small():
    """Figure callouts ("3" over a box) are set far below the body size: never a clause heading."""
    from zmdocs.parse.lines import to_paragraphs

    blocks = _body(100) + [_line("3", 241, 230, size=6.0), _line("Analogue to digital converter", 230, 250, size=7.0)]
    paras = to_paragraphs(blocks)
    small = [p for p in paras if p.meta.get("small")]
    assert [p.text for p in small] == ["3", "Analogue to digital converter"]
    assert not any(p.meta.get("small") for p in paras[:1])
