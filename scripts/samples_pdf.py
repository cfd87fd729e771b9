"""Render a sample standard (see samples_markup) to a PDF that looks like a real standard.

Cover page drawn on the canvas, a 目次/Contents page with dot leaders, running headers with
the standard number, page numbers in the footer (Roman on front matter), ruled tables with
merged cells. Chinese is set in the CID font STSong-Light (no font file needed); Latin text
in Liberation Serif/Sans when the system has them, else reportlab's bundled Vera.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from samples_markup import Element, SampleDoc

W, H = A4
LM, RM, TM, BM = 25 * mm, 20 * mm, 25 * mm, 22 * mm

_FONT_FILES = {
    "Serif": ("LiberationSerif-Regular.ttf", "Vera.ttf"),
    "Serif-Bold": ("LiberationSerif-Bold.ttf", "VeraBd.ttf"),
    "Sans": ("LiberationSans-Regular.ttf", "Vera.ttf"),
    "Sans-Bold": ("LiberationSans-Bold.ttf", "VeraBd.ttf"),
}
_FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/liberation")]


def register_fonts() -> None:
    """Register the CID Chinese font and TrueType Latin fonts (system Liberation or bundled Vera)."""
    import reportlab

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    bundled = Path(reportlab.__file__).parent / "fonts"
    for name, (system, fallback) in _FONT_FILES.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        path = next((d / system for d in _FONT_DIRS if (d / system).exists()), bundled / fallback)
        pdfmetrics.registerFont(TTFont(name, str(path)))


LOCALE = {
    "zh": {"table": "表{n}　{c}", "contd": "表{n}（续）", "annex": "附录{l}", "normative": "（规范性）", "informative": "（资料性）",
           "toc": "目　　次", "sep": "　", "foreword": "前　　言", "bibliography": "参　考　文　献"},
    "en": {"table": "Table {n} – {c}", "contd": "Table {n} (continued)", "annex": "Annex {l}", "normative": "(normative)", "informative": "(informative)",
           "toc": "CONTENTS", "sep": "  ", "foreword": None, "bibliography": None},
    "de": {"table": "Tabelle {n} — {c}", "contd": "Tabelle {n} (fortgesetzt)", "annex": "Anhang {l}", "normative": "(normativ)", "informative": "(informativ)",
           "toc": "Inhalt", "sep": "  ", "foreword": None, "bibliography": None},
}


def _styles(lang: str) -> dict[str, ParagraphStyle]:
    """Paragraph styles per language (GB layout for zh, IEC/DIN layout for en/de)."""
    if lang == "zh":
        f = fb = "STSong-Light"
        size, lead = 10.5, 17
    elif lang == "en":
        f, fb = "Serif", "Serif-Bold"
        size, lead = 10, 13
    else:
        f, fb = "Sans", "Sans-Bold"
        size, lead = 9.5, 12.5
    wrap = "CJK" if lang == "zh" else None
    base = ParagraphStyle("body", fontName=f, fontSize=size, leading=lead, alignment=TA_JUSTIFY,
                          spaceAfter=3 if lang == "zh" else 5, firstLineIndent=2 * size if lang == "zh" else 0,
                          wordWrap=wrap)
    return {
        "body": base,
        "h1": ParagraphStyle("h1", parent=base, fontName=fb, fontSize=size + 1, leading=lead + 2, spaceBefore=9,
                             spaceAfter=6, firstLineIndent=0, alignment=TA_LEFT),
        "h2": ParagraphStyle("h2", parent=base, fontName=fb, spaceBefore=5, spaceAfter=3, firstLineIndent=0,
                             alignment=TA_LEFT),
        "title": ParagraphStyle("title", parent=base, fontName=fb, fontSize=size + 5, leading=lead + 8,
                                alignment=TA_CENTER, firstLineIndent=0, spaceAfter=10, spaceBefore=6),
        "annex": ParagraphStyle("annex", parent=base, fontName=fb, fontSize=size + 1, leading=lead + 3,
                                alignment=TA_CENTER, firstLineIndent=0, spaceAfter=2),
        "item": ParagraphStyle("item", parent=base, firstLineIndent=0, leftIndent=2 * size if lang == "zh" else 14,
                               spaceAfter=2),
        "note": ParagraphStyle("note", parent=base, fontSize=size - 1.5, leading=lead - 3, firstLineIndent=0,
                               leftIndent=2 * size if lang == "zh" else 0),
        "cell": ParagraphStyle("cell", parent=base, fontSize=size - 1.5, leading=lead - 4, firstLineIndent=0,
                               alignment=TA_CENTER, spaceAfter=0),
        "cellleft": ParagraphStyle("cellleft", parent=base, fontSize=size - 1.5, leading=lead - 4,
                                   firstLineIndent=0, alignment=TA_LEFT, spaceAfter=0),
        "caption": ParagraphStyle("caption", parent=base, fontName=fb, alignment=TA_CENTER, firstLineIndent=0,
                                  spaceBefore=6, spaceAfter=4, keepWithNext=1),
        "fn": ParagraphStyle("fn", parent=base, fontSize=size - 2, leading=lead - 4, firstLineIndent=0, spaceAfter=1),
        "cover": ParagraphStyle("cover", parent=base, firstLineIndent=0, alignment=TA_CENTER),
        "toc0": ParagraphStyle("toc0", parent=base, firstLineIndent=0, alignment=TA_LEFT, leading=lead + 3),
        "toc1": ParagraphStyle("toc1", parent=base, firstLineIndent=0, alignment=TA_LEFT, leftIndent=20),
    }


def _x(text: str) -> str:
    """Escape for reportlab Paragraph markup; '^a' becomes a superscript footnote mark."""
    return re.sub(r"\^([a-z])", r"<super>\1</super>", escape(text))


def _roman(n: int) -> str:
    vals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


class StandardDoc(BaseDocTemplate):
    """Doc template with cover / front / body page templates and a TOC fed from headings."""

    def __init__(self, path: str, sample: SampleDoc, **kw):
        super().__init__(path, pagesize=A4, leftMargin=LM, rightMargin=RM, topMargin=TM, bottomMargin=BM,
                         title=sample.meta.get("title.zh") or sample.meta.get("title.de") or sample.meta.get("title.en", ""),
                         author="zmdocs sample corpus (illustrative)", **kw)
        self.sample = sample
        self.lang = sample.lang
        self.body_start: int | None = None
        frame = Frame(LM, BM, W - LM - RM, H - TM - BM, id="f", leftPadding=0, rightPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._cover),
            PageTemplate("front", [frame], onPage=self._front),
            PageTemplate("body", [frame], onPage=self._body),
        ])

    def beforeDocument(self) -> None:
        self.body_start = None
        self.toc_entries: list[tuple[int, str, str]] = []

    def page_label(self) -> str:
        if self.body_start is None:
            return _roman(self.page - 1)
        return str(self.page - self.body_start + 1)

    def afterFlowable(self, flowable) -> None:
        toc = getattr(flowable, "_toc", None)
        if toc:
            self.toc_entries.append((toc[0], toc[1], self.page_label()))

    # -- page decorations -------------------------------------------------
    def _font(self, bold: bool = False) -> str:
        if self.lang == "zh":
            return "STSong-Light"
        base = "Serif" if self.lang == "en" else "Sans"
        return base + ("-Bold" if bold else "")

    def _header_footer(self, c, label: str) -> None:
        meta, page = self.sample.meta, self.page
        c.saveState()
        c.setFont(self._font(), 9)
        top = H - 15 * mm
        if self.lang == "zh":
            # GB layout: number at the outer edge, odd pages right, even pages left.
            if page % 2:
                c.drawRightString(W - RM, top, meta["id"])
                c.drawRightString(W - RM, 12 * mm, label)
            else:
                c.drawString(LM, top, meta["id"])
                c.drawString(LM, 12 * mm, label)
        elif self.lang == "en":
            c.drawString(LM, top, meta["id"])
            c.drawRightString(W - RM, top, "© IEC 2016 – illustrative sample")
            c.drawCentredString(W / 2, 12 * mm, f"– {label} –")
        else:
            c.drawString(LM, top, meta["id"])
            c.drawRightString(W - RM, top, meta.get("vde", ""))
            c.drawCentredString(W / 2, 12 * mm, label)
            if page % 3 == 0:
                c.setFont(self._font(), 7)
                c.drawCentredString(W / 2, 7 * mm, meta["copyright"])
        c.setLineWidth(0.4)
        c.line(LM, top - 3, W - RM, top - 3)
        c.restoreState()

    def _front(self, c, doc) -> None:
        self._header_footer(c, _roman(self.page - 1))

    def _body(self, c, doc) -> None:
        if self.body_start is None:
            self.body_start = self.page
        self._header_footer(c, str(self.page - self.body_start + 1))

    def _cover(self, c, doc) -> None:
        draw_cover(c, self.sample, _styles(self.lang), self._font)


def _para_at(c, text: str, style: ParagraphStyle, x: float, y_top: float, width: float) -> float:
    """Draw a wrapped paragraph whose top is at y_top; return its height."""
    p = Paragraph(_x(text), style)
    _, h = p.wrap(width, H)
    p.drawOn(c, x, y_top - h)
    return h


def draw_cover(c, s: SampleDoc, st: dict[str, ParagraphStyle], font) -> None:
    """Cover page: classification top left, number top right, titles, dates, issuer, notice."""
    m, lang = s.meta, s.lang
    tw = W - LM - RM
    c.saveState()
    c.setFont(font(), 10.5)
    y = H - 20 * mm
    if m.get("ics"):
        c.drawString(LM, y, f"ICS {m['ics']}")
    if m.get("ccs"):
        c.drawString(LM, y - 15, f"CCS {m['ccs']}")
    big = ParagraphStyle("big", parent=st["cover"], fontName=font(True), fontSize=22, leading=30)
    titlest = ParagraphStyle("t", parent=st["cover"], fontName=font(True), fontSize=18 if lang == "zh" else 15, leading=26 if lang == "zh" else 20)
    sub = ParagraphStyle("s", parent=st["cover"], fontSize=11, leading=15)
    right = ParagraphStyle("r", parent=sub, alignment=2)
    if lang == "zh":
        c.setFont(font(True), 34)
        c.drawRightString(W - RM, y - 8, m["family"].split("/")[0] if m["family"] != "T/ZZB" else "T/ZZB")
        y -= 40 * mm
        y -= _para_at(c, m["doctype"], big, LM, y, tw) + 14
        y -= _para_at(c, m["id"], right, LM, y, tw)
        if m.get("replaces"):
            y -= _para_at(c, f"代替 {m['replaces']}", right, LM, y, tw)
        c.setLineWidth(1)
        c.line(LM, y - 6, W - RM, y - 6)
        y -= 45 * mm
        y -= _para_at(c, m["title.zh"], titlest, LM, y, tw) + 10
        y -= _para_at(c, m["title.en"], sub, LM, y, tw) + 8
        for key in ("adoption.cover", "stage"):
            if m.get(key):
                y -= _para_at(c, m[key], sub, LM, y, tw) + 6
    else:
        c.setFont(font(True), 12)
        c.drawRightString(W - RM, y, "INTERNATIONAL STANDARD" if lang == "en" else "DEUTSCHE NORM")
        if lang == "en":
            c.drawRightString(W - RM, y - 15, "NORME INTERNATIONALE")
        c.setFont(font(True), 24)
        c.drawString(LM, y - 45, "IEC 60335-2-15" if lang == "en" else m["id"])
        c.setFont(font(), 11)
        c.drawString(LM, y - 62, m.get("edition", "") if lang == "en" else f"{m.get('vde', '')}   Ausgabe {m.get('edition', '')}")
        if m.get("replaces"):
            c.drawRightString(W - RM, y - 62, f"Ersatz für {m['replaces']}")
        c.setLineWidth(1.2)
        c.line(LM, y - 72, W - RM, y - 72)
        y -= 40 * mm
        first = m.get("title.de") or m["title.en"]
        y -= _para_at(c, first, titlest, LM, y, tw) + 12
        other = m.get("title.fr") if lang == "en" else m["title.en"]
        y -= _para_at(c, other, sub, LM, y, tw) + 10
        if m.get("adoption.cover"):
            y -= _para_at(c, m["adoption.cover"], sub, LM, y, tw) + 10
    # the illustrative notice, boxed
    box = ParagraphStyle("n", parent=st["cover"], fontName=font(True), fontSize=10, leading=14)
    p = Paragraph(_x(m["notice"]), box)
    _, h = p.wrap(tw - 20, H)
    ny = 80 * mm
    c.setLineWidth(1.5)
    c.setStrokeColor(colors.darkred)
    c.rect(LM, ny - 8, tw, h + 16)
    p.drawOn(c, LM + 10, ny)
    c.setStrokeColor(colors.black)
    c.setFont(font(), 11)
    if lang == "zh":
        c.drawString(LM, 52 * mm, f"{m['published']} 发布")
        c.drawRightString(W - RM, 52 * mm, f"{m['implemented']} 实施")
        c.line(LM, 49 * mm, W - RM, 49 * mm)
        c.setFont(font(True), 14)
        c.drawCentredString(W / 2, 38 * mm, f"{m['issuer']}　发 布")
    elif lang == "en":
        c.drawString(LM, 52 * mm, f"ICS {m['ics']}")
        c.setFont(font(True), 12)
        c.drawCentredString(W / 2, 40 * mm, m["issuer"])
        c.setFont(font(), 10)
        c.drawRightString(W - RM, 28 * mm, f"Reference number {m['id']}(E)")
    else:
        c.setFont(font(), 9)
        _para_at(c, m["issuer"], ParagraphStyle("i", parent=sub, fontSize=9, leading=12), LM, 50 * mm, tw)
    c.setFont(font(), 7.5)
    c.drawCentredString(W / 2, 14 * mm, m.get("copyright", ""))
    c.restoreState()


class ContinuedTable(Flowable):
    """A long table that, when split by a page break, restarts under a "表N（续）" caption."""

    def __init__(self, table: Table, caption):
        super().__init__()
        self.table, self.caption = table, caption

    def wrap(self, aw, ah):
        self.width, self.height = self.table.wrap(aw, ah)
        return self.width, self.height

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)

    def split(self, aw, ah):
        parts = self.table.split(aw, ah)
        if len(parts) < 2:
            return parts
        return [parts[0], PageBreak(), self.caption(), ContinuedTable(parts[1], self.caption)]


def _table(t, st, lang: str, width: float) -> list:
    """A ruled reportlab Table with SPANs for merged cells, its caption and footnotes."""
    loc = LOCALE[lang]
    ncols = t.n_cols
    lens = [max((len(r[c]) * (2 if lang == "zh" else 1) for r in t.rows if c < len(r)), default=4) for c in range(ncols)]
    weights = [min(max(n, 6), 40) for n in lens]
    widths = [width * w / sum(weights) for w in weights]
    data = []
    for r, row in enumerate(t.rows):
        out = []
        for c, cell in enumerate(row):
            if cell in ("^", "<"):
                out.append("")
            else:
                style = st["cellleft"] if (c == 0 and r >= t.header_rows and len(cell) > 12) else st["cell"]
                out.append(Paragraph(_x(cell), style))
        data.append(out)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("LINEBELOW", (0, t.header_rows - 1), (-1, t.header_rows - 1), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r0, c0, r1, c1 in t.spans():
        cmds.append(("SPAN", (c0, r0), (c1, r1)))
    tbl = Table(data, colWidths=widths, repeatRows=t.header_rows)
    tbl.setStyle(TableStyle(cmds))
    cap = Paragraph(_x(loc["table"].format(n=t.number, c=t.caption)), st["caption"])
    fns = [Paragraph(_x(f), st["fn"]) for f in t.footnotes]
    if t.n_rows <= 12:
        return [KeepTogether([cap, tbl, *fns]), Spacer(1, 6)]
    # long tables may run over a page: caption, header and a few rows stay together
    lead = st["cell"].leading + 6
    contd = ParagraphStyle("contd", parent=st["caption"], keepWithNext=0)
    cap = Paragraph(_x(loc["table"].format(n=t.number, c=t.caption)), contd)
    return [CondPageBreak(2 * st["caption"].leading + (t.header_rows + 4) * lead), cap,
            ContinuedTable(tbl, lambda: Paragraph(_x(loc["contd"].format(n=t.number)), contd)), *fns, Spacer(1, 6)]


def _clause_line(e: Element, lang: str) -> str:
    return f"{e.number}{LOCALE[lang]['sep']}{e.heading}" if e.heading else e.number


class TocLine(Flowable):
    """One 目次/Contents line: text, dot leaders, page label at the right margin."""

    def __init__(self, level: int, text: str, label: str, font: str, size: float):
        super().__init__()
        self.level, self.text, self.label, self.font, self.size = level, text, label, font, size

    def wrap(self, aw, ah):
        self.width = aw
        return aw, self.size * 1.9

    def draw(self):
        c = self.canv
        c.setFont(self.font, self.size)
        x0 = 20 * self.level
        c.drawString(x0, 4, self.text)
        c.drawRightString(self.width, 4, self.label)
        start = x0 + pdfmetrics.stringWidth(self.text, self.font, self.size) + 4
        end = self.width - pdfmetrics.stringWidth(self.label, self.font, self.size) - 4
        dot = pdfmetrics.stringWidth(". ", self.font, self.size)
        n = int((end - start) / dot)
        if n > 0:
            c.drawRightString(end, 4, ". " * n)


def story(s: SampleDoc, toc_entries: list[tuple[int, str, str]]) -> list:
    """The flowables of one document: TOC, front matter, body, annexes."""
    lang, st, loc = s.lang, _styles(s.lang), LOCALE[s.lang]
    width = W - LM - RM
    font = st["body"].fontName
    toc = [TocLine(lv, text, label, font, st["body"].fontSize) for lv, text, label in toc_entries]
    out: list = [NextPageTemplate("front"), PageBreak(), Paragraph(loc["toc"], st["title"]), *toc, PageBreak()]
    pending: str | None = None  # number of a headless clause waiting for its text
    in_body = False

    def mark(p, level: int, text: str):
        p._toc = (level, text)
        return p

    for e in s.elements:
        if e.kind == "clause" and e.unnumbered:
            head = loc.get(e.clause_kind) or e.heading
            if e.clause_kind != "foreword":
                out += [PageBreak()]
            out.append(mark(Paragraph(_x(head), st["title"]), 0, e.heading))
            continue
        if e.kind in ("clause", "term") and not in_body:
            out += [NextPageTemplate("body"), PageBreak()]
            title = s.meta.get("title.zh") or s.meta.get("title.de") or s.meta["title.en"]
            out.append(Paragraph(_x(title), st["title"]))
            in_body = True
        if pending and e.kind not in ("para", "item"):
            out.append(Paragraph(_x(pending), st["h2"]))
            pending = None
        if e.kind in ("clause", "term") and not e.annex_status:
            out.append(CondPageBreak(4 * st["body"].leading))  # never strand a heading at a page foot
        if e.kind == "clause" and e.annex_status:
            label = loc["annex"].format(l=e.number)
            status = loc[e.annex_status]
            out += [PageBreak(), mark(Paragraph(_x(label), st["annex"]), 0, f"{label}{status}{loc['sep']}{e.heading}"),
                    Paragraph(_x(status), st["annex"]), Paragraph(_x(e.heading), st["annex"]), Spacer(1, 8)]
        elif e.kind == "clause" and not e.heading:
            pending = e.number
        elif e.kind == "clause":
            style = st["h1"] if e.level == 1 else st["h2"]
            p = Paragraph(_x(_clause_line(e, lang)), style)
            out.append(mark(p, 0, _clause_line(e, lang)) if e.level == 1 else p)
        elif e.kind == "term":
            out.append(Paragraph(_x(e.number), st["h2"]))
            out.append(Paragraph(_x("　".join(e.terms.values()) if lang == "zh" else "; ".join(e.terms.values())), st["h2"]))
        elif e.kind == "para":
            if pending:
                out.append(Paragraph(_x(f"{pending}{loc['sep']}{e.text}"), ParagraphStyle("hl", parent=st["body"], firstLineIndent=0)))
                pending = None
            else:
                out.append(Paragraph(_x(e.text), st["body"]))
        elif e.kind == "item":
            if pending:
                out.append(Paragraph(_x(pending), st["h2"]))
                pending = None
            out.append(Paragraph(_x(e.text), st["item"]))
        elif e.kind == "note":
            out.append(Paragraph(_x(e.text), st["note"]))
        elif e.kind == "table":
            out += _table(e.table, st, lang, width)
    return out


def render_pdf(s: SampleDoc, path: Path) -> int:
    """Write the PDF; return its page count."""
    from reportlab import rl_config

    rl_config.invariant = 1  # reproducible bytes: no creation date or random document id
    register_fonts()
    doc = StandardDoc(str(path), s)
    doc.build(story(s, [(0, "x", "0")] * _n_toc(s)))
    entries = doc.toc_entries
    doc = StandardDoc(str(path), s)
    doc.build(story(s, entries))
    if [e[:2] for e in doc.toc_entries] != [e[:2] for e in entries] or doc.toc_entries != entries:
        raise RuntimeError(f"{path.name}: table of contents did not settle")
    return doc.page


def _n_toc(s: SampleDoc) -> int:
    return sum(1 for e in s.elements if e.kind == "clause" and (e.level == 1))
