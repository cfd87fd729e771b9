"""Render a sample standard (see samples_markup) to a Word document like a real B-standard draft.

Cover section with the metadata, a 目次 with a TOC field, 前言, clauses with real Word heading
styles, tables with merged cells (cell.merge), notes, annex headings. Chapters listed in the
source's `@autonumber` get their clause numbers from Word auto-numbering (numbering.xml,
numPr on the paragraphs): the text then lacks the number, as in many real drafts.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from samples_markup import Element, SampleDoc

ABSTRACT_ID, NUM_ID = 90, 90
SEP = "　"


def _set_east_asian(style, font: str, size: float, bold: bool = False) -> None:
    style.font.name = "Times New Roman"
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _add_numbering(doc) -> None:
    """A multi-level decimal list: 5 / 5.1 / 5.1.1 / 5.1.1.1, level 0 starting at 5."""
    numbering = doc.part.numbering_part.element
    absn = OxmlElement("w:abstractNum")
    absn.set(qn("w:abstractNumId"), str(ABSTRACT_ID))
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "multilevel")
    absn.append(mlt)
    for ilvl in range(4):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "5" if ilvl == 0 else "1"), ("w:numFmt", "decimal"),
                         ("w:isLgl", None), ("w:suff", "space"),
                         ("w:lvlText", ".".join(f"%{k + 1}" for k in range(ilvl + 1))), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            if val is not None:
                el.set(qn("w:val"), val)
            lvl.append(el)
        absn.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(NUM_ID))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(ABSTRACT_ID))
    num.append(ref)
    numbering.append(num)


def _num_pr(paragraph, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    lv = OxmlElement("w:ilvl")
    lv.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(NUM_ID))
    numpr.append(lv)
    numpr.append(nid)
    ppr.insert(0, numpr) if ppr.find(qn("w:pStyle")) is None else ppr.find(qn("w:pStyle")).addnext(numpr)


def _field(paragraph, instr: str, cached: str) -> None:
    """Insert a complex field (PAGE, TOC) with cached result text."""
    def fld(kind: str):
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), kind)
        r.append(f)
        return r
    p = paragraph._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instr} "
    r.append(t)
    p.append(r)
    p.append(fld("separate"))
    paragraph.add_run(cached)
    p.append(fld("end"))


def _page_numbers(section, fmt: str, start: int | None) -> None:
    sect = section._sectPr
    for old in sect.findall(qn("w:pgNumType")):  # a new section copies the previous one's
        sect.remove(old)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))
    cols = sect.find(qn("w:cols"))  # schema order: ... pgMar, pgNumType, cols, docGrid
    if cols is not None:
        cols.addprevious(pg)
    else:
        sect.append(pg)


def _header_footer(section, doc_id: str, cached_page: str) -> None:
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    hp = section.header.paragraphs[0]
    hp.text = doc_id
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(fp, "PAGE", cached_page)


def _cover(doc, m: dict[str, str]) -> None:
    def line(text: str, size: float = 10.5, align=WD_ALIGN_PARAGRAPH.LEFT, bold: bool = False, after: float = 2):
        p = doc.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(after)
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        return p

    line(f"ICS {m['ics']}")
    line(f"CCS {m['ccs']}")
    line(m["family"], 28, WD_ALIGN_PARAGRAPH.RIGHT, True, 20)
    line(m["doctype"].replace("", " ").strip(), 26, WD_ALIGN_PARAGRAPH.CENTER, True, 18)
    line(m["id"], 14, WD_ALIGN_PARAGRAPH.RIGHT, after=60)
    line(m["title.zh"], 24, WD_ALIGN_PARAGRAPH.CENTER, True, 8)
    line(m["title.en"], 14, WD_ALIGN_PARAGRAPH.CENTER, after=8)
    line(m["stage"], 12, WD_ALIGN_PARAGRAPH.CENTER, after=30)
    line(m["notice"], 11, WD_ALIGN_PARAGRAPH.CENTER, True, 60)
    line(f"{m['published']}发布{SEP * 10}{m['implemented']}实施", 12, WD_ALIGN_PARAGRAPH.CENTER, after=20)
    line(f"{m['issuer']}　　发 布", 14, WD_ALIGN_PARAGRAPH.CENTER, True)


def _autonumber_check(s: SampleDoc, chapters: set[str]) -> None:
    """Make sure Word's counters reproduce the source numbers exactly (else the DOCX would lie)."""
    counters = [4, 0, 0, 0]
    for e in s.clauses:
        if e.number.split(".")[0] not in chapters:
            continue
        lv = e.level - 1
        counters[lv] += 1
        for k in range(lv + 1, 4):
            counters[k] = 0
        got = ".".join(str(c) for c in counters[: lv + 1])
        if got != e.number:
            raise RuntimeError(f"auto-numbering would render {got} for clause {e.number}")


def _table(doc, t) -> None:
    cap = doc.add_paragraph(f"表{t.number}{SEP}{t.caption}", style="Caption")
    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = doc.add_table(rows=t.n_rows, cols=t.n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(t.rows):
        for c, text in enumerate(row):
            if text not in ("^", "<"):
                cell = table.cell(r, c)
                cell.text = text.replace("^a", "a")
                for p in cell.paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    for run in p.runs:
                        run.font.size = Pt(9)
                        run.font.bold = r < t.header_rows
    for r0, c0, r1, c1 in t.spans():
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for fn in t.footnotes:
        p = doc.add_paragraph(fn)
        p.runs[0].font.size = Pt(9)


def _estimate_pages(s: SampleDoc) -> dict[str, int]:
    """Rough page of each chapter (≈1 400 characters a page) for the cached TOC text."""
    pages, chars = {}, 0
    for e in s.elements:
        if e.kind == "clause" and e.level == 1 and not e.unnumbered:
            pages[e.number] = 1 + chars // 1400
        chars += len(e.text) + 40 + (sum(len(c) for r in e.table.rows for c in r) * 2 if e.table else 0)
    return pages


def render_docx(s: SampleDoc, path: Path) -> None:
    """Write the DOCX."""
    m = s.meta
    auto = {c.strip() for c in m.get("autonumber", "").split(",") if c.strip()}
    _autonumber_check(s, auto)
    doc = Document()
    sec0 = doc.sections[0]
    sec0.page_width, sec0.page_height = Mm(210), Mm(297)
    sec0.left_margin, sec0.right_margin, sec0.top_margin, sec0.bottom_margin = Mm(25), Mm(20), Mm(25), Mm(20)
    _set_east_asian(doc.styles["Normal"], "宋体", 10.5)
    for i, size in ((1, 12), (2, 10.5), (3, 10.5), (4, 10.5)):
        _set_east_asian(doc.styles[f"Heading {i}"], "黑体", size, bold=False)
    toc_style = doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    toc_style.base_style = doc.styles["Normal"]
    _add_numbering(doc)
    _cover(doc, m)

    front = doc.add_section(WD_SECTION.NEW_PAGE)
    _header_footer(front, m["id"], "I")
    _page_numbers(front, "upperRoman", 1)
    h = doc.add_paragraph("目　　次", style="TOC Heading")
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages = _estimate_pages(s)
    entries = [("前言", "II")]
    for e in s.elements:
        if e.kind == "clause" and e.level == 1 and not e.unnumbered:
            label = f"附录{e.number}（{'规范性' if e.annex_status == 'normative' else '资料性'}）{SEP}{e.heading}" if e.annex_status else f"{e.number}{SEP}{e.heading}"
            entries.append((label, str(pages[e.number])))
    first = doc.add_paragraph(style="toc 1")
    _field(first, 'TOC \\o "1-1" \\h \\z \\u', f"{entries[0][0]} {'.' * 60} {entries[0][1]}")
    for label, page in entries[1:]:
        doc.add_paragraph(f"{label} {'.' * max(70 - 2 * len(label), 8)} {page}", style="toc 1")

    pending: Element | None = None
    body_started = False
    for e in s.elements:
        chap = e.number.split(".")[0]
        is_auto = e.kind == "clause" and chap in auto and not e.unnumbered
        if e.kind == "clause" and e.unnumbered:
            if e.clause_kind != "foreword":
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            p = doc.add_paragraph("前　　言" if e.clause_kind == "foreword" else e.heading, style="Heading 1")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if e.kind in ("clause", "term") and not body_started:
            body = doc.add_section(WD_SECTION.NEW_PAGE)
            _header_footer(body, m["id"], "1")
            _page_numbers(body, "decimal", 1)
            t = doc.add_paragraph(m["title.zh"], style="Title")
            t.alignment = WD_ALIGN_PARAGRAPH.CENTER
            body_started = True
        if pending is not None and e.kind not in ("para", "item"):
            _headless(doc, pending, "", auto)
            pending = None
        if e.kind == "clause" and e.annex_status:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            p = doc.add_paragraph(style="Heading 1")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(f"附录{e.number}")
            run.add_break()
            p.add_run("（规范性）" if e.annex_status == "normative" else "（资料性）").add_break()
            p.add_run(e.heading)
        elif e.kind == "clause" and not e.heading:
            pending = e
        elif e.kind == "clause":
            style = f"Heading {min(e.level, 4)}"
            if is_auto:
                p = doc.add_paragraph(e.heading, style=style)
                _num_pr(p, e.level - 1)
            else:
                doc.add_paragraph(f"{e.number}{SEP}{e.heading}", style=style)
        elif e.kind == "term":
            doc.add_paragraph(e.number, style="Heading 2")
            p = doc.add_paragraph()
            p.add_run(SEP.join(e.terms.values())).bold = True
        elif e.kind == "para":
            if pending is not None:
                _headless(doc, pending, e.text, auto)
                pending = None
            else:
                p = doc.add_paragraph(e.text)
                p.paragraph_format.first_line_indent = Pt(21)
        elif e.kind == "item":
            if pending is not None:
                _headless(doc, pending, "", auto)
                pending = None
            p = doc.add_paragraph(e.text)
            p.paragraph_format.left_indent = Pt(21)
        elif e.kind == "note":
            p = doc.add_paragraph(e.text)
            p.runs[0].font.size = Pt(9)
        elif e.kind == "table":
            _table(doc, e.table)
    import datetime as _dt

    fixed = _dt.datetime(2026, 1, 1, tzinfo=_dt.timezone.utc)
    doc.core_properties.created = doc.core_properties.modified = fixed
    doc.core_properties.last_printed = fixed
    doc.core_properties.title = m["title.zh"]
    doc.core_properties.author = "zmdocs sample corpus (illustrative)"
    doc.core_properties.comments = m["notice"]
    doc.save(str(path))


def _headless(doc, e: Element, text: str, auto: set[str]) -> None:
    """A clause without heading: the number (typed or auto) followed by its first paragraph."""
    if e.number.split(".")[0] in auto:
        p = doc.add_paragraph(text)
        _num_pr(p, e.level - 1)
    else:
        doc.add_paragraph(f"{e.number}{SEP}{text}" if text else e.number)
