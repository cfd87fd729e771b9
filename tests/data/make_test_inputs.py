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


def main() -> None:
    _fonts()
    PDF.mkdir(parents=True, exist_ok=True)
    make_zh_pdf(PDF / "zh-standard.pdf")
    make_en_pdf(PDF / "en-two-column.pdf")
    make_partly_scanned(PDF / "partly-scanned.pdf")
    make_empty_password(PDF / "empty-user-password.pdf")
    make_bad(BAD)
    if "make_docx_inputs" in globals():
        make_docx_inputs(DOCX)


if __name__ == "__main__":
    main()
