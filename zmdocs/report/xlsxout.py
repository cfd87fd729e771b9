"""XLSX rendering (openpyxl): a summary sheet plus one sheet per tier, and sheets for missing/new indicators.

Headers in the report language (`--lang zh`: Chinese throughout), an autofilter on every table,
frozen header rows."""

from __future__ import annotations

import io

from zmdocs.report.wording import (
    cp_line,
    fmt_margin,
    fmt_value,
    indicator_cell,
    reason,
    ref_label,
    result_label,
    t,
    tier_label,
)


def _sheet_name(name: str, used: set[str]) -> str:
    s = "".join(ch for ch in name if ch not in '[]:*?/\\')[:31] or "Sheet"
    base, k = s, 2
    while s in used:
        s = f"{base[:28]}~{k}"
        k += 1
    used.add(s)
    return s


def render(result, lang: str = "zh") -> bytes:
    """The comparison as an .xlsx workbook (bytes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    cmp = result
    wb = Workbook()
    used: set[str] = set()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EDF3")
    wrap = Alignment(wrap_text=True, vertical="top")

    def header(ws, cols: list[str], widths: list[int]) -> int:
        ws.append(cols)
        for k, c in enumerate(ws[ws.max_row], 1):
            c.font, c.fill = bold, fill
            ws.column_dimensions[c.column_letter].width = widths[k - 1] if k <= len(widths) else 18
        ws.freeze_panes = f"A{ws.max_row + 1}"
        return ws.max_row

    def autofilter(ws, head_row: int, ncols: int) -> None:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A{head_row}:{get_column_letter(ncols)}{max(ws.max_row, head_row)}"

    ws = wb.active
    ws.title = _sheet_name("汇总" if lang == "zh" else "Summary", used)
    ws.append([t("title", lang), cmp.draft.id])
    ws.append([t("verdict", lang), cmp.verdict_label(lang)])
    for tier, v in cmp.tier_verdicts.items():
        ws.append([tier_label(tier, lang), v.get(lang, v["id"])])
    ws.append([t("conclusion", lang), cmp.conclusion(lang)])
    ws.append([t("references", lang), "; ".join(ref_label(r) for r in cmp.refs if not r.merged_into)])
    ws.append([])
    tiers = cmp.tiers_present()
    cols = ([t("n", lang), t("indicator", lang), t("key", lang), t("draft", lang), t("clause", lang)]
            + [tier_label(x, lang) for x in tiers] + [t("result", lang), t("margin", lang), t("reason", lang)])
    head_row = header(ws, cols, [6, 28, 10, 16, 8] + [30] * len(tiers) + [10, 9, 60])
    for r in cmp.rows:
        row = [r.n, indicator_cell(r, lang), t("yes", lang) if r.is_key else "", fmt_value(r.draft), r.evidence.clause]
        for tier in tiers:
            row.append("\n".join(cp_line(c, lang) for c in r.counterparts if c.tier == tier))
        row += [result_label(r.result, lang), fmt_margin(r), reason(r.reason, lang)]
        ws.append(row)
        for c in ws[ws.max_row]:
            c.alignment = wrap
        if r.is_key:
            ws.cell(row=ws.max_row, column=2).font = bold
    autofilter(ws, head_row, len(cols))

    for tier in tiers:
        ws = wb.create_sheet(_sheet_name(tier_label(tier, lang), used))
        cols = [t("n", lang), t("indicator", lang), t("draft", lang), t("doc", lang), t("clause", lang), t("page", lang),
                t("value", lang), t("result", lang), t("margin", lang), t("reason", lang), t("evidence", lang), t("found_col", lang)]
        head_row = header(ws, cols, [6, 28, 16, 26, 8, 6, 22, 10, 9, 50, 60, 8])
        for r in cmp.rows:
            for c in (c for c in r.counterparts if c.tier == tier):
                doc = c.doc + (f" (= {', '.join(c.also)})" if c.also else "")
                ws.append([r.n, indicator_cell(r, lang), fmt_value(r.draft), doc, c.evidence.clause, c.evidence.page,
                           fmt_value(c.original), result_label(c.result, lang), fmt_margin(c),
                           reason(c.reason, lang) + (f" [{c.deviation}]" if c.deviation else ""), c.evidence.text,
                           t("yes", lang) if c.found else ""])
        autofilter(ws, head_row, len(cols))

    ws = wb.create_sheet(_sheet_name(t("missing", lang)[:31], used))
    cols = [t("indicator", lang), t("param_key", lang), t("doc", lang), t("clause", lang), t("value", lang), t("evidence", lang)]
    head_row = header(ws, cols, [22, 22, 26, 8, 20, 60])
    for m in cmp.missing:
        ws.append([m.parameter, m.key, m.doc, m.evidence.clause, fmt_value(m.value), m.evidence.text])
    autofilter(ws, head_row, len(cols))
    ws = wb.create_sheet(_sheet_name(t("new", lang)[:31], used))
    cols = [t("indicator", lang), t("param_key", lang), t("clause", lang), t("value", lang)]
    head_row = header(ws, cols, [22, 22, 8, 20])
    for r in cmp.new:
        ws.append([indicator_cell(r, lang), r.key, r.evidence.clause, fmt_value(r.draft)])
    autofilter(ws, head_row, len(cols))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
