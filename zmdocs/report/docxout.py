"""DOCX rendering (python-docx): the benchmarking table and conclusion as a writer pastes them into the 编制说明.

宋体 for East Asian text and Times New Roman for Latin (set via w:rFonts), table borders,
the header row repeated across pages (w:tblHeader), the conclusion paragraph.
"""

from __future__ import annotations

import io

from zmdocs.compare.labels import fmt_counterpart, fmt_value, t, tier_column
from zmdocs.compare.result import result_label

EAST_ASIA = "宋体"
LATIN = "Times New Roman"


def _fonts(run_or_style, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Set Latin and East Asian fonts on a run or a style."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = run_or_style.font
    font.name = LATIN
    if size_pt:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    el = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    rpr = el.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr, val in (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:eastAsia", EAST_ASIA), ("w:cs", LATIN)):
        rfonts.set(qn(attr), val)


def _borders(table) -> None:
    """Explicit single-line borders on every edge and inner line (independent of the style)."""
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    b = tblpr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = b.makeelement(qn(f"w:{edge}"), {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "000000"})
        b.append(e)
    tblpr.append(b)


def _repeat_header(row) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    h = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(h)


def _cell(cell, text: str, bold: bool = False, size: float = 9) -> None:
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    for k, line in enumerate(str(text).split("\n")):
        if k:
            p.add_run().add_break()
        _fonts(p.add_run(line), size, bold)


def _para(doc, text: str, size: float = 10.5, bold: bool = False, style: str | None = None):
    p = doc.add_paragraph(style=style)
    _fonts(p.add_run(text), size, bold)
    return p


def render(result, lang: str = "zh") -> bytes:
    """The comparison table and conclusion as a .docx (bytes)."""
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    cmp = result
    doc = Docx()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(2.0))
    _fonts(doc.styles["Normal"], 10.5)
    _para(doc, f"{t('title', lang)} — {cmp.draft.id}", 14, True)
    _para(doc, cmp.verdict_label(lang), 12, True)

    tiers = cmp.tiers_present()
    head = [t("n", lang), t("indicator", lang), t("draft", lang)] + [tier_column(x, lang) for x in tiers] + [t("result", lang)]
    table = doc.add_table(rows=1, cols=len(head))
    try:
        table.style = doc.styles["Table Grid"]
    except KeyError:  # the default template has it; explicit borders cover other templates
        pass
    _borders(table)
    for c, h in zip(table.rows[0].cells, head, strict=True):
        _cell(c, h, bold=True)
    _repeat_header(table.rows[0])
    for r in cmp.rows:
        cells = table.add_row().cells
        vals = [str(r.n), ("★" if r.is_key else "") + r.parameter, fmt_value(r.draft)]
        for tier in tiers:
            cps = [c for c in r.counterparts if c.tier == tier]
            vals.append("\n".join(f"{fmt_counterpart(c)}（{c.doc} {c.evidence.clause}）" for c in cps) or "—")
        vals.append(result_label(r.result, lang))
        for c, v in zip(cells, vals, strict=True):
            _cell(c, v)
    _para(doc, t("legend", lang), 9)

    if cmp.missing:
        _para(doc, t("missing", lang), 10.5, True)
        for m in cmp.missing:
            _para(doc, f"{m.parameter}：{fmt_value(m.value)}（{m.doc} {m.evidence.clause}）", 10.5)
    if cmp.new:
        _para(doc, t("new", lang), 10.5, True)
        for r in cmp.new:
            _para(doc, f"{r.parameter}：{fmt_value(r.draft)}（{r.evidence.clause}）", 10.5)
    _para(doc, t("conclusion", lang), 10.5, True)
    _para(doc, cmp.conclusion(lang), 10.5)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
