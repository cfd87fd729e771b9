"""XLSX rendering (openpyxl): a summary sheet plus one sheet per tier, and sheets for missing/new indicators."""

from __future__ import annotations

import io

from zmdocs.compare.labels import fmt_counterpart, fmt_margin, fmt_value, reason, t, tier_label
from zmdocs.compare.result import result_label


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

    def header(ws, cols: list[str], widths: list[int]) -> None:
        ws.append(cols)
        for k, c in enumerate(ws[ws.max_row], 1):
            c.font, c.fill = bold, fill
            ws.column_dimensions[c.column_letter].width = widths[k - 1] if k <= len(widths) else 18
        ws.freeze_panes = f"A{ws.max_row + 1}"

    ws = wb.active
    ws.title = _sheet_name("汇总" if lang == "zh" else "Summary", used)
    ws.append([t("title", lang), cmp.draft.id])
    ws.append([t("verdict", lang), cmp.verdict_label(lang)])
    for tier, v in cmp.tier_verdicts.items():
        ws.append([tier_label(tier, lang), v.get(lang, v["id"])])
    ws.append([t("conclusion", lang), cmp.conclusion(lang)])
    ws.append([])
    tiers = cmp.tiers_present()
    header(ws, [t("n", lang), t("indicator", lang), "key", t("draft", lang), t("clause", lang)]
           + [tier_label(x, lang) for x in tiers] + [t("result", lang), "margin", t("reason", lang)],
           [6, 22, 10, 16, 8] + [28] * len(tiers) + [10, 9, 50])
    for r in cmp.rows:
        row = [r.n, r.parameter, r.key, fmt_value(r.draft), r.evidence.clause]
        for tier in tiers:
            row.append("\n".join(f"{fmt_counterpart(c)} ({c.doc} {c.evidence.clause})" for c in r.counterparts if c.tier == tier))
        row += [result_label(r.result, lang), fmt_margin(r), reason(r.reason, lang)]
        ws.append(row)
        for c in ws[ws.max_row]:
            c.alignment = wrap
        if r.is_key:
            ws.cell(row=ws.max_row, column=2).font = bold

    for tier in tiers:
        ws = wb.create_sheet(_sheet_name(tier_label(tier, lang), used))
        header(ws, [t("n", lang), t("indicator", lang), t("draft", lang), t("doc", lang), t("clause", lang), t("page", lang),
                    t("value", lang), t("result", lang), "margin", t("reason", lang), t("evidence", lang), "found"],
               [6, 22, 16, 26, 8, 6, 22, 10, 9, 40, 60, 8])
        for r in cmp.rows:
            for c in (c for c in r.counterparts if c.tier == tier):
                ws.append([r.n, r.parameter, fmt_value(r.draft), c.doc, c.evidence.clause, c.evidence.page,
                           fmt_counterpart(c), result_label(c.result, lang), fmt_margin(c), reason(c.reason, lang), c.evidence.text,
                           "yes" if c.found else ""])

    ws = wb.create_sheet(_sheet_name(t("missing", lang)[:31], used))
    header(ws, [t("indicator", lang), "key", t("doc", lang), t("clause", lang), t("value", lang), t("evidence", lang)],
           [22, 22, 26, 8, 20, 60])
    for m in cmp.missing:
        ws.append([m.parameter, m.key, m.doc, m.evidence.clause, fmt_value(m.value), m.evidence.text])
    ws = wb.create_sheet(_sheet_name(t("new", lang)[:31], used))
    header(ws, [t("indicator", lang), "key", t("clause", lang), t("value", lang)], [22, 22, 8, 20])
    for r in cmp.new:
        ws.append([r.parameter, r.key, r.evidence.clause, fmt_value(r.draft)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
