"""Build the small PDF/DOCX/bad inputs used by the reader tests (run once; outputs are committed).

    python tests/data/make_test_inputs.py

Everything is generated with reportlab / python-docx / Pillow so the inputs are reproducible;
texts are illustrative (written for zmdocs tests, not copied from any standard).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF = HERE / "pdf"
DOCX = HERE / "docx"
BAD = HERE / "bad"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


# --------------------------------------------------------------------------- PDF helpers
def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    if Path(DEJAVU).exists():
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))


def _grid(c, x0: float, top: float, col_w: list[float], row_h: float, cells: list[tuple], page_h: float) -> float:
    """Draw a ruled table; cells = (row, col, rowspan, colspan, text). Returns the bottom y (top-based)."""
    nrows = max(r + rs for r, _, rs, _, _ in cells)
    xs = [x0]
    for w in col_w:
        xs.append(xs[-1] + w)
    c.setLineWidth(0.6)
    for r, col, rs, cs, text in cells:
        left, right = xs[col], xs[col + cs]
        t, b = top + r * row_h, top + (r + rs) * row_h
        c.rect(left, page_h - b, right - left, b - t)
        c.drawString(left + 3, page_h - (t + b) / 2 - 3.5, text)
    return top + nrows * row_h


def _zh_page(c, n: int, lines: list[str], h: float, w: float) -> None:
    """Header alternating right/left by page parity, page number footer in alternating styles."""
    c.setFont("STSong-Light", 9)
    if n % 2:
        c.drawRightString(w - 60, h - 40, "T/ZZB 0999—2026")
    else:
        c.drawString(60, h - 40, "T/ZZB 0999—2026")
    c.line(60, h - 45, w - 60, h - 45)
    c.drawCentredString(w / 2, 35, str(n) if n != 2 else f"第 {n} 页")
    c.setFont("STSong-Light", 10.5)
    y = 80
    for line in lines:
        c.drawString(72, h - y, line)
        y += 18


def make_zh_pdf(path: Path) -> None:
    """Three Chinese pages: alternating headers, page numbers, a merged-cell table, a continued table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("zmdocs test: Chinese standard")
    _zh_page(c, 1, [
        "电热水壶（示例）",
        "5 技术要求",
        "5.1 泄漏电流",
        "在工作温度下，Ⅰ类器具的泄漏电流应不大于 0.75 mA，Ⅱ类器具的泄漏电流应不大于",
        "0.25 mA。",
        "表1 主要技术指标",
    ], h, w)
    c.setFont("STSong-Light", 9)
    bottom = _grid(c, 72, 200, [40, 110, 90, 90], 20, [
        (0, 0, 2, 1, "序号"), (0, 1, 2, 1, "项目"), (0, 2, 1, 2, "指标"),
        (1, 2, 1, 1, "本文件"), (1, 3, 1, 1, "GB 4706.19"),
        (2, 0, 1, 1, "1"), (2, 1, 2, 1, "泄漏电流"), (2, 2, 1, 1, "≤0.20 mA"), (2, 3, 1, 1, "≤0.25 mA"),
        (3, 0, 1, 1, "2"), (3, 2, 1, 1, "≤0.50 mA"), (3, 3, 1, 1, "≤0.75 mA"),
        (4, 0, 1, 1, "3"), (4, 1, 1, 1, "待机功率"), (4, 2, 1, 1, "≤0.3 W"), (4, 3, 1, 1, "≤0.5 W"),
    ], h)
    c.setFont("STSong-Light", 10.5)
    c.drawString(72, h - bottom - 25, "注：表中数值为示例。")
    c.drawString(72, h - bottom - 43, "5.2 电气强度应满足表2的要求。")
    c.showPage()
    _zh_page(c, 2, [
        "5.3 耐热性",
        "外壳的球压试验温度应不低于 125 °C，压痕直径应不大于 2 mm。",
        "5.4 额定容量",
        "实际容量与额定容量之差应不超过额定容量的 ±5 %。",
    ], h, w)
    c.setFont("STSong-Light", 10.5)
    c.drawString(72, h - 700, "表2 电气强度")
    c.setFont("STSong-Light", 9)
    _grid(c, 72, 710, [150, 150], 20, [
        (0, 0, 1, 1, "绝缘类型"), (0, 1, 1, 1, "试验电压"),
        (1, 0, 1, 1, "基本绝缘"), (1, 1, 1, 1, "1 250 V"),
        (2, 0, 1, 1, "附加绝缘"), (2, 1, 1, 1, "1 750 V"),
    ], h)
    c.showPage()
    _zh_page(c, 3, ["表2（续）"], h, w)
    c.setFont("STSong-Light", 9)
    bottom = _grid(c, 72, 95, [150, 150], 20, [
        (0, 0, 1, 1, "绝缘类型"), (0, 1, 1, 1, "试验电压"),
        (1, 0, 1, 1, "加强绝缘"), (1, 1, 1, 1, "3 000 V"),
    ], h)
    c.setFont("STSong-Light", 10.5)
    c.drawString(72, h - bottom - 25, "6 试验方法")
    c.drawString(72, h - bottom - 43, "6.1 试验应在环境温度 20 °C ± 5 °C 下进行。")
    c.save()


ENGLISH_LEFT = [
    "1 Scope",
    "This document specifies safety",
    "requirements for electric kettles",
    "with a rated voltage not more",
    "than 250 V. It also covers the",
    "efficiency of the heating element.",
    "2 Normative references",
    "The following documents are",
    "referred to in the text.",
]
ENGLISH_RIGHT = [
    "3 Terms and definitions",
    "For the purposes of this",
    "document the following terms",
    "apply to every appliance.",
    "4 Leakage current",
    "The leakage current shall not",
    "exceed 0.25 mA for class II",
    "appliances and 0.75 mA for",
    "class I portable appliances.",
]


def make_en_pdf(path: Path) -> None:
    """Two English pages: page 1 a full-width title over two columns, page 2 single column."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in (1, 2):
        c.setFont("DejaVu", 8)
        c.drawString(60, h - 40, "IEC 60335-2-15:2016 © IEC 2016")
        c.drawCentredString(w / 2, 35, f"– {n + 1} –")
        c.drawString(60, 22, "Copyright International Electrotechnical Commission")
        if n == 1:
            c.setFont("DejaVu", 14)
            c.drawCentredString(w / 2, h - 90, "HOUSEHOLD APPLIANCES – SAFETY – KETTLES")
            c.setFont("DejaVu", 10)
            for i, line in enumerate(ENGLISH_LEFT):
                c.drawString(60, h - 130 - 15 * i, line)
            for i, line in enumerate(ENGLISH_RIGHT):
                c.drawString(w / 2 + 10, h - 130 - 15 * i, line)
        else:
            c.setFont("DejaVu", 10)
            for i, line in enumerate([
                "5 Heating",
                "The temperature rise of the surface shall not exceed 60 K; the ﬁnal",
                "value is measured after the ﬂow of water stops.",
                "6 Power input",
                "The power input shall not deviate from rated power input by more than",
                "+5 % or –10 %.",
            ]):
                c.drawString(60, h - 90 - 15 * i, line)
        c.showPage()
    c.save()


def _png(width: int = 400, height: int = 300) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    for y in range(20, height - 20, 14):
        d.line([(20, y), (width - 20 - (y * 7) % 90, y)], fill="black", width=5)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _draw_png(c, x: float, y: float, w: float, h: float) -> None:
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(io.BytesIO(_png())), x, y, w, h)


def make_partly_scanned(path: Path) -> None:
    """Three pages, the middle one an image only (a scanned page among text pages)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(72, h - 80, "1 Scope")
    c.drawString(72, h - 98, "This page has a text layer.")
    c.showPage()
    _draw_png(c, 72, 200, 450, 500)
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(72, h - 80, "2 Requirements")
    c.drawString(72, h - 98, "The kettle shall switch off within 30 s.")
    c.showPage()
    c.save()


def make_empty_password(path: Path) -> None:
    """Encrypted with an EMPTY user password (opens without asking): must parse normally."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption("", "owner-secret", canPrint=1, canCopy=0))
    c.setFont("Helvetica", 10)
    c.drawString(72, 760, "1 Scope")
    c.drawString(72, 742, "This document is protected by an owner password only.")
    c.save()


# --------------------------------------------------------------------------- bad inputs
def make_bad(folder: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good.txt"
    good.write_text("1 Scope\n\nThis good document shall be parsed even when others fail.\n", encoding="utf-8")
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 10)
    for i in range(40):
        c.drawString(72, 780 - 15 * i, f"{i + 1} Clause text that fills the page, line {i + 1}.")
    c.showPage()
    c.save()
    data = buf.getvalue()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    c = canvas.Canvas(str(folder / "encrypted.pdf"), encrypt=StandardEncryption("user", "owner"))
    c.setFont("Helvetica", 10)
    c.drawString(72, 760, "Secret text")
    c.save()
    c = canvas.Canvas(str(folder / "empty.pdf"))
    c.showPage()
    c.save()
    c = canvas.Canvas(str(folder / "scanned.pdf"))
    _draw_png(c, 72, 200, 450, 500)
    c.showPage()
    _draw_png(c, 72, 200, 450, 500)
    c.showPage()
    c.save()
    (folder / "text-really.pdf").write_text("1 Scope\nThis is plain text saved as .pdf.\n", encoding="utf-8")
    (folder / "not-a-zip.docx").write_bytes(b"This is not a Word file at all.\n" * 4)
    with zipfile.ZipFile(folder / "zip-not-docx.docx", "w") as z:
        z.writestr("readme.txt", "just a zip")
    with zipfile.ZipFile(folder / "broken-xml.docx", "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>broken")
    (folder / "binary.xyz").write_bytes(bytes(range(256)) * 4)
    (folder / "a-folder").mkdir(exist_ok=True)
    (folder / "a-folder" / ".keep").write_text("", encoding="utf-8")


# --------------------------------------------------------------------------- DOCX
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _x(xml: str):
    from docx.oxml import parse_xml

    return parse_xml(xml.replace("<W ", f"<w:root {NS} ").replace("</W>", "</w:root>"))


def _abstract(aid: int, levels: list[tuple], link_styles: dict[int, str] | None = None) -> str:
    """levels: (fmt, lvlText, start, restart|None)."""
    out = [f'<w:abstractNum {NS} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>']
    for i, (fmt, text, start, restart) in enumerate(levels):
        extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
        pst = f'<w:pStyle w:val="{link_styles[i]}"/>' if link_styles and i in link_styles else ""
        out.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}{pst}'
                   f'<w:lvlText w:val="{text}"/></w:lvl>')
    out.append("</w:abstractNum>")
    return "".join(out)


def _num(nid: int, aid: int, start_override: int | None = None) -> str:
    ov = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
          if start_override is not None else "")
    return f'<w:num {NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'


def _numbered(doc, text: str, num_id: int, ilvl: int = 0):
    from docx.oxml import parse_xml

    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def _run_xml(p, xml: str) -> None:
    from docx.oxml import parse_xml

    p._p.append(parse_xml(xml))


def make_docx_inputs(folder: Path) -> None:
    """numbered.docx exercises numbering, tables, revisions, fields; images-only.docx has no text."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml

    folder.mkdir(parents=True, exist_ok=True)
    d = docx.Document()
    numbering = d.part.numbering_part.element
    # abstractNums must precede nums in numbering.xml
    abstracts = [
        _abstract(90, [("decimal", "%1", 1, None), ("decimal", "%1.%2", 1, None), ("decimal", "%1.%2.%3", 1, None)],
                  {0: "Heading1", 1: "Heading2", 2: "Heading3"}),
        _abstract(91, [("lowerLetter", "%1)", 1, None), ("decimal", "%2)", 1, None)]),
        _abstract(92, [("upperLetter", "附录%1", 1, None), ("decimal", "%1.%2", 1, None)]),
        _abstract(93, [("chineseCounting", "%1、", 1, None)]),
        _abstract(94, [("decimal", "%1", 1, None), ("lowerRoman", "(%2)", 1, 0)]),
    ]
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    for a in abstracts:
        el = parse_xml(a)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for nid, aid, so in [(90, 90, None), (91, 91, None), (92, 91, 1), (93, 92, None), (94, 93, None), (95, 94, None)]:
        numbering.append(parse_xml(_num(nid, aid, so)))
    for lvl, sid in enumerate(("Heading1", "Heading2", "Heading3")):
        st = d.styles.element.get_by_id(sid)
        st.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {NS}><w:ilvl w:val="{lvl}"/><w:numId w:val="90"/></w:numPr>'))
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "T/ZZB 0999—2026 RUNNING HEADER"
    sec.footer.paragraphs[0].text = "PAGE FOOTER 1"

    # a TOC content control before the body
    d.element.body.sectPr.addprevious(parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        '<w:sdtContent><w:p><w:r><w:t>目  次</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:hyperlink w:anchor="_Toc1"><w:r><w:t>1 范围</w:t></w:r>'
        '<w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:hyperlink></w:p></w:sdtContent></w:sdt>'))

    d.add_heading("范围", 1)                                      # 1
    d.add_paragraph("本文件规定了电热水壶的技术要求。")
    d.add_heading("技术要求", 1)                                  # 2
    d.add_heading("电气安全", 2)                                  # 2.1
    d.add_heading("泄漏电流", 3)                                  # 2.1.1
    p = d.add_paragraph("泄漏电流应不大于")
    _run_xml(p, f'<w:del {NS} w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>0.75</w:delText></w:r></w:del>')
    _run_xml(p, f'<w:ins {NS} w:id="2" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:t>0.25</w:t></w:r></w:ins>')
    _run_xml(p, f'<w:r {NS}><w:t xml:space="preserve"> mA</w:t></w:r>')
    _run_xml(p, f'<w:r {NS}><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>')
    _run_xml(p, f'<w:r {NS}><w:t>，见</w:t></w:r>')
    _run_xml(p, f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r>')
    _run_xml(p, f'<w:r {NS}><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>')
    _run_xml(p, f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>')
    _run_xml(p, f'<w:r {NS}><w:t>表1</w:t></w:r>')
    _run_xml(p, f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>')
    _run_xml(p, f'<w:r {NS}><w:t>。温度</w:t></w:r>')
    _run_xml(p, f'<w:r {NS}><w:sym w:font="Symbol" w:char="F0B3"/></w:r>')
    _run_xml(p, f'<w:r {NS}><w:t>20 °C。</w:t></w:r>')
    _numbered(d, "Ⅰ类器具；", 91, 0)                                # a)
    _numbered(d, "便携式；", 91, 1)                                  # 1)
    _numbered(d, "驻立式；", 91, 1)                                  # 2)
    _numbered(d, "Ⅱ类器具。", 91, 0)                                # b)
    d.add_heading("表格", 2)                                      # 2.2
    d.add_paragraph("表1 主要技术指标")
    t = d.add_table(rows=5, cols=4)
    t.style = "Table Grid"
    cells = [["序号", "项目", "指标", ""], ["", "", "本文件", "GB 4706.19"], ["1", "泄漏电流", "≤0.20 mA", "≤0.25 mA"],
             ["2", "", "≤0.50 mA", "≤0.75 mA"], ["3", "待机功率", "≤0.3 W", "≤0.5 W"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    t.cell(0, 2).merge(t.cell(0, 3))       # gridSpan
    t.cell(0, 0).merge(t.cell(1, 0))       # vMerge
    t.cell(0, 1).merge(t.cell(1, 1))
    t.cell(2, 1).merge(t.cell(3, 1))
    for r in (0, 1):
        t.rows[r]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {NS}/>'))
    nested = t.cell(4, 1).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "待机"
    nested.cell(0, 1).text = "关机"
    d.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    _numbered(d, "第二页的第一条。", 92, 0)                          # a) restarted by startOverride
    _numbered(d, "第二条。", 92, 0)                                  # b)
    _numbered(d, "（规范性）电气强度试验", 93, 0)                    # 附录A
    _numbered(d, "试验电压", 93, 1)                                  # A.1
    _numbered(d, "试验时间", 93, 1)                                  # A.2
    _numbered(d, "质量承诺", 94, 0)                                  # 一、
    _numbered(d, "保修", 94, 0)                                      # 二、
    _numbered(d, "Step", 95, 0)                                      # 1
    _numbered(d, "Sub", 95, 1)                                       # (i)
    _numbered(d, "Step", 95, 0)                                      # 2
    _numbered(d, "Sub continues", 95, 1)                             # (ii)  lvlRestart 0
    d.add_paragraph("5.3 已有编号的段落")
    d.save(folder / "numbered.docx")

    d = docx.Document()
    d.add_picture(io.BytesIO(_png(120, 90)))
    d.save(folder / "images-only.docx")


def main() -> None:
    _fonts()
    PDF.mkdir(parents=True, exist_ok=True)
    make_zh_pdf(PDF / "zh-standard.pdf")
    make_en_pdf(PDF / "en-two-column.pdf")
    make_partly_scanned(PDF / "partly-scanned.pdf")
    make_empty_password(PDF / "empty-user-password.pdf")
    make_bad(BAD)
    make_docx_inputs(DOCX)


if __name__ == "__main__":
    main()
