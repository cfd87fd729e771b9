"""DOCX rendering (python-docx): the benchmarking section as a writer pastes it into the 编制说明.

The reference list, the table captioned `表N 主要技术指标对比` with its header row repeated across
pages (w:tblHeader), conditions in the 指标 cell, margins and reasons, the 水平判定依据 (the rules as
applied), the missing requirements grouped and short, and the conclusion paragraph. 宋体 for East
Asian text and Times New Roman for Latin (w:rFonts), explicit table borders.
"""

from __future__ import annotations

import io

from zmdocs.report import table as tab
from zmdocs.report import wording as w
from zmdocs.report.wording import fmt_value, t

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


def grid_table(doc, head: list[str], rows, size: float = 9):
    """A bordered table: the header row in bold, repeated on every page, then `rows`; text at `size` pt."""
    table = doc.add_table(rows=1, cols=len(head))
    try:
        table.style = doc.styles["Table Grid"]
    except KeyError:  # the default template has it; explicit borders cover other templates
        pass
    _borders(table)
    for c, h in zip(table.rows[0].cells, head, strict=True):
        _cell(c, h, bold=True, size=size)
    _repeat_header(table.rows[0])
    for vals in rows:
        for c, v in zip(table.add_row().cells, vals, strict=True):
            _cell(c, v, size=size)
    return table


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


def _widths(table, cm: list[float]) -> None:
    """Fixed column widths (序号 narrow, 指标 and 说明 wide)."""
    from docx.shared import Cm

    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, cm, strict=False):
            cell.width = Cm(width)


def _caption(doc, text: str):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = _para(doc, text, 10.5, True)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _heading(doc, text: str):
    return _para(doc, text, 12, True)


def _table_rows(cmp, tiers: list[str], lang: str) -> list[list[str]]:
    rows = []
    for r in cmp.rows:
        vals = [str(r.n), w.indicator_cell(r, lang), f"{fmt_value(r.draft)}（{r.evidence.clause}）" if lang == "zh"
                else f"{fmt_value(r.draft)} ({r.evidence.clause})"]
        for tier in tiers:
            vals.append("\n".join(w.cp_line(c, lang) + f" {w.result_label(c.result, lang)}" for c in tab.in_tier(r, tier)) or "—")
        vals += tab.result_cells(r, lang)
        rows.append(vals)
    return rows


def _missing_lines(cmp, lang: str, limit: int = 12) -> list[str]:
    """Missing requirements, grouped by parameter: `绝缘电阻：GB 4706.19—2024 16.101（≥2 MΩ）`; at most `limit` lines."""
    groups = w.group_missing(cmp.missing, lang)
    out = []
    for label, _key, docs in groups[:limit]:
        parts = []
        for d, items in docs:
            vals = "、".join(dict.fromkeys(f"{m.evidence.clause} {fmt_value(m.value)}" for m in items[:3]))
            parts.append(f"{d} {vals}")
        out.append(f"{label}：{'；'.join(parts)}" if lang == "zh" else f"{label}: {'; '.join(parts)}")
    if len(groups) > limit:
        rest = len(groups) - limit
        out.append(f"……另有{rest}项，见 XLSX 或 HTML 报告" if lang == "zh" else f"… and {rest} more (see the XLSX or HTML report)")
    return out


def _levels_section(doc, cmp, lang: str) -> None:
    """水平判定依据: the rules file, where the key indicators come from, each level's test as applied, per-tier verdicts."""
    _heading(doc, t("levels", lang))
    _para(doc, f"{t('rules', lang)}：{cmp.rules_source}；{t('key_source', lang)}：{w.key_source(cmp, lang)}" if lang == "zh"
          else f"{t('rules', lang)}: {cmp.rules_source}; {t('key_source', lang)}: {w.key_source(cmp, lang)}", 10)
    for line in w.rules_lines(cmp, lang):
        _para(doc, line, 10)
    if cmp.tier_verdicts:
        sep = "；" if lang == "zh" else "; "
        _para(doc, f"{t('tier_verdicts', lang)}：" + sep.join(f"{k} {v}" for k, v in tab.tier_verdicts(cmp, lang)), 10)


def render(result, lang: str = "zh", table_number: int = 1) -> bytes:
    """The 编制说明 section as a .docx (bytes): references, 表N 主要技术指标对比, 水平判定依据, conclusion."""
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
    _para(doc, w.verdict_sentence(cmp, lang), 12, True)

    _heading(doc, t("references", lang))
    for k, r in enumerate((r for r in cmp.refs if not r.merged_into), 1):
        tier = w.tier_label(r.tier, lang)
        _para(doc, f"[{k}] {tier}：{w.ref_line(r, lang)}" if lang == "zh" else f"[{k}] {tier}: {w.ref_line(r, lang)}")
    for r in (r for r in cmp.refs if r.merged_into):
        _para(doc, f"注：{w.ref_line(r, lang)}" if lang == "zh" else f"Note: {w.ref_line(r, lang)}", 9)

    tiers = cmp.tiers_present()
    caption = f"表{table_number} {t('caption', lang)}" if lang == "zh" else f"Table {table_number} {t('caption', lang)}"
    _caption(doc, caption)
    head = tab.head(tiers, lang)
    table = grid_table(doc, head, _table_rows(cmp, tiers, lang))
    free = 25.7 - 1.0 - 4.0 - 2.6 - 1.3 - 1.3
    tier_w = [min(4.2, free * 0.62 / max(1, len(tiers)))] * len(tiers)
    _widths(table, [1.0, 4.0, 2.6, *tier_w, 1.3, 1.3, max(3.0, free - sum(tier_w))])
    _para(doc, t("legend", lang), 9)

    _levels_section(doc, cmp, lang)
    if cmp.missing:
        _heading(doc, t("missing", lang))
        for line in _missing_lines(cmp, lang):
            _para(doc, line, 10)
    if cmp.new:
        _heading(doc, t("new", lang))
        sep = "；" if lang == "zh" else "; "
        _para(doc, sep.join(f"{r.parameter} {fmt_value(r.draft)}（{r.evidence.clause}）" for r in cmp.new), 10)
    _heading(doc, t("conclusion", lang))
    _para(doc, w.conclusion(cmp, lang), 10.5)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
