"""XLSX rendering (openpyxl): a summary sheet plus one sheet per tier, and sheets for missing/new indicators.

Headers in the report language (`--lang zh`: Chinese throughout), an autofilter on every table,
frozen header rows."""

from __future__ import annotations

import io

from zmdocs.compare.result import Comparison
from zmdocs.report import table as tab
from zmdocs.report import wording as w
from zmdocs.report.wording import fmt_value, t


def _sheet_name(name: str, used: set[str]) -> str:
    s = "".join(ch for ch in name if ch not in '[]:*?/\\')[:31] or "Sheet"
    base, k = s, 2
    while s in used:
        s = f"{base[:28]}~{k}"
        k += 1
    used.add(s)
    return s


class _Book:
    """A workbook being written: unique sheet names, the header style, autofilters."""

    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        self.wb = Workbook()
        self.used: set[str] = set()
        self.bold = Font(bold=True)
        self.fill = PatternFill("solid", fgColor="E8EDF3")
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(self, name: str, first: bool = False):
        if first:
            ws = self.wb.active
            ws.title = _sheet_name(name, self.used)
            return ws
        return self.wb.create_sheet(_sheet_name(name, self.used))

    def header(self, ws, cols: list[str], widths: list[int]) -> int:
        ws.append(cols)
        for k, c in enumerate(ws[ws.max_row], 1):
            c.font, c.fill = self.bold, self.fill
            ws.column_dimensions[c.column_letter].width = widths[k - 1] if k <= len(widths) else 18
        ws.freeze_panes = f"A{ws.max_row + 1}"
        return ws.max_row

    @staticmethod
    def autofilter(ws, head_row: int, ncols: int) -> None:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A{head_row}:{get_column_letter(ncols)}{max(ws.max_row, head_row)}"


def _summary(book: _Book, cmp: Comparison, tiers: list[str], lang: str) -> None:
    """汇总: verdict, tier verdicts, conclusion, references, then one row per indicator."""
    ws = book.sheet("汇总" if lang == "zh" else "Summary", first=True)
    ws.append([t("title", lang), cmp.draft.id])
    ws.append([t("verdict", lang), w.verdict_sentence(cmp, lang)])
    for tier, v in tab.tier_verdicts(cmp, lang):
        ws.append([tier, v])
    ws.append([t("conclusion", lang), w.conclusion(cmp, lang)])
    ws.append([t("references", lang), "; ".join(w.ref_label(r) for r in cmp.refs if not r.merged_into)])
    ws.append([])
    cols = ([t("n", lang), t("indicator", lang), t("key", lang), t("draft", lang), t("clause", lang)]
            + [w.tier_label(x, lang) for x in tiers] + [t("result", lang), t("margin", lang), t("reason", lang)])
    head_row = book.header(ws, cols, [6, 28, 10, 16, 8] + [30] * len(tiers) + [10, 9, 60])
    for r in cmp.rows:
        row = [r.n, w.indicator_cell(r, lang), t("yes", lang) if r.is_key else "", fmt_value(r.draft), r.evidence.clause]
        for tier in tiers:
            row.append("\n".join(w.cp_line(c, lang) for c in tab.in_tier(r, tier)))
        row += [w.result_label(r.result, lang), w.fmt_margin(r), w.reason(r.reason, lang)]
        ws.append(row)
        for c in ws[ws.max_row]:
            c.alignment = book.wrap
        if r.is_key:
            ws.cell(row=ws.max_row, column=2).font = book.bold
    book.autofilter(ws, head_row, len(cols))


def _tier_sheet(book: _Book, cmp: Comparison, tier: str, lang: str) -> None:
    """One sheet per tier: every counterpart with its evidence, result, margin, reason and deviation."""
    ws = book.sheet(w.tier_label(tier, lang))
    cols = [t("n", lang), t("indicator", lang), t("draft", lang), t("doc", lang), t("clause", lang), t("page", lang),
            t("value", lang), t("result", lang), t("margin", lang), t("reason", lang), t("evidence", lang), t("found_col", lang)]
    head_row = book.header(ws, cols, [6, 28, 16, 26, 8, 6, 22, 10, 9, 50, 60, 8])
    for r in cmp.rows:
        for c in tab.in_tier(r, tier):
            doc = c.doc + (f" (= {', '.join(c.also)})" if c.also else "")
            dev = w.deviation_text(c, lang)
            ws.append([r.n, w.indicator_cell(r, lang), fmt_value(r.draft), doc, c.evidence.clause, c.evidence.page,
                       fmt_value(c.original), w.result_label(c.result, lang), w.fmt_margin(c),
                       w.reason(c.reason, lang) + (f" [{dev}]" if dev else ""), c.evidence.text,
                       t("yes", lang) if c.found else ""])
    book.autofilter(ws, head_row, len(cols))


def _lists(book: _Book, cmp: Comparison, lang: str) -> None:
    """The missing and the new indicators, one sheet each."""
    ws = book.sheet(t("missing", lang)[:31])
    cols = [t("indicator", lang), t("param_key", lang), t("doc", lang), t("clause", lang), t("value", lang), t("evidence", lang)]
    head_row = book.header(ws, cols, [22, 22, 26, 8, 20, 60])
    for m in cmp.missing:
        ws.append([m.parameter, m.key, m.doc, m.evidence.clause, fmt_value(m.value), m.evidence.text])
    book.autofilter(ws, head_row, len(cols))
    ws = book.sheet(t("new", lang)[:31])
    cols = [t("indicator", lang), t("param_key", lang), t("clause", lang), t("value", lang)]
    head_row = book.header(ws, cols, [22, 22, 8, 20])
    for r in cmp.new:
        ws.append([w.indicator_cell(r, lang), r.key, r.evidence.clause, fmt_value(r.draft)])
    book.autofilter(ws, head_row, len(cols))


def render(result: Comparison, lang: str = "zh") -> bytes:
    """The comparison as an .xlsx workbook (bytes)."""
    book = _Book()
    tiers = result.tiers_present()
    _summary(book, result, tiers, lang)
    for tier in tiers:
        _tier_sheet(book, result, tier, lang)
    _lists(book, result, lang)
    buf = io.BytesIO()
    book.wb.save(buf)
    return buf.getvalue()
