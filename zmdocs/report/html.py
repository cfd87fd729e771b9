"""HTML rendering of a comparison: one self-contained file (inline CSS and SVG, no external assets).

Verdict on top, the comparison table with every value linked to its evidence (document, clause,
page, quoted text), an SVG chart of the margins of key indicators, sections for missing, new
and not-comparable indicators, the level reasoning and the conclusion paragraph.
"""

from __future__ import annotations

from html import escape

from zmdocs.compare.result import Comparison, Evidence, Row
from zmdocs.report import table
from zmdocs.report import wording as w
from zmdocs.report.wording import fmt_margin, fmt_value, reason, result_label, t

CSS = """
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",Arial,sans-serif;
margin:0;padding:24px 32px;color:#1d2733;background:#f6f7f9;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #d5dbe3;padding-bottom:4px}
.sub{color:#5b6675;font-size:13px}
.verdict{background:#fff;border-left:6px solid #2b6cb0;padding:14px 18px;margin:16px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.verdict .main{font-size:22px;font-weight:700;color:#1a4a80}
.verdict.not-reached{border-color:#c53030}.verdict.not-reached .main{color:#9b2c2c}
.chips{margin-top:8px}.chip{display:inline-block;background:#edf2f7;border-radius:12px;padding:2px 10px;margin:2px 6px 2px 0;font-size:13px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border:1px solid #c9d1db;padding:5px 7px;vertical-align:top;text-align:left}
th{background:#e8edf3;position:sticky;top:0}
#comparison th:first-child{white-space:nowrap}#comparison td.reason{min-width:220px;font-size:12px;color:#2d3748}
tr.key td:first-child{font-weight:700}
a{color:#2b6cb0;text-decoration:none}a:hover{text-decoration:underline}
.cp{display:block;margin-bottom:3px}.doc{color:#5b6675;font-size:11px}
.res{display:inline-block;border-radius:3px;padding:0 6px;font-weight:700;font-size:12px;white-space:nowrap}
.stricter{background:#c6f6d5;color:#22543d}.equal{background:#e2e8f0;color:#2d3748}.looser{background:#fed7d7;color:#822727}
.not-comparable{background:#fefcbf;color:#744210}.new{background:#bee3f8;color:#2a4365}
.found{font-size:11px;color:#975a16;font-style:italic}
.ev{background:#fff;border:1px solid #d5dbe3;padding:6px 10px;margin:6px 0;font-size:13px}
.ev:target{outline:3px solid #f6ad55}
.ev q{display:block;margin-top:4px;color:#2d3748;quotes:none;white-space:pre-wrap}
ul{margin:4px 0 4px 20px;padding:0}li{margin:2px 0}
.conclusion{background:#fff;padding:12px 16px;border:1px dashed #a0aec0}
.pass{color:#22543d;font-weight:700}.fail{color:#9b2c2c;font-weight:700}
svg text{font-family:inherit}
"""

_JS = ("window.__errors=[];window.onerror=function(m,s,l){var e=document.getElementById('js-errors');"
       "if(e){e.textContent+=m+' @'+l+'\\n';}return false;};")


def _e(s) -> str:
    return escape("" if s is None else str(s))


def _res(result: str | None, lang: str) -> str:
    return f'<span class="res {_e(result)}">{_e(result_label(result, lang))}</span>'


class _Evidence:
    """Collects evidence entries and hands out their anchors."""

    def __init__(self) -> None:
        self.items: list[tuple[str, Evidence, str]] = []
        self.ids: dict[tuple, str] = {}

    def ref(self, ev: Evidence, label: str) -> str:
        k = (ev.doc, ev.clause, ev.page, ev.text)
        if k not in self.ids:
            self.ids[k] = w.anchor(ev.doc, ev.clause, len(self.items) + 1)
            self.items.append((self.ids[k], ev, label))
        return self.ids[k]


def _chart(rows, lang: str) -> str:
    """Horizontal bars: relative margin of each key indicator against its strictest counterpart."""
    data = [r for r in rows if r.is_key and r.margin is not None and r.margin_kind == "relative"]
    if not data:
        return f'<p class="sub">{_e(t("none", lang))}</p>'
    lw, bw, rh = 230, 520, 26
    top = max(0.05, min(1.0, max(abs(r.margin) for r in data)))
    h = rh * len(data) + 30
    mid = lw + bw / 2
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{lw + bw + 70}" height="{h}" role="img" '
             f'aria-label="{_e(t("margin_chart", lang))}">',
             f'<line x1="{mid}" y1="4" x2="{mid}" y2="{h - 22}" stroke="#4a5568" stroke-width="1"/>']
    for k, r in enumerate(data):
        y = 6 + k * rh
        m = max(-top, min(top, r.margin))
        w = abs(m) / top * (bw / 2 - 8)
        x = mid if m >= 0 else mid - w
        color = "#38a169" if r.margin > 0 else ("#718096" if r.margin == 0 else "#e53e3e")
        parts.append(f'<text x="{lw - 8}" y="{y + 15}" text-anchor="end" font-size="12">{_e(r.parameter[:24])}</text>')
        parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{max(w, 1.5):.1f}" height="{rh - 9}" fill="{color}"/>')
        tx = mid + w + 4 if m >= 0 else mid - w - 4
        parts.append(f'<text x="{tx:.1f}" y="{y + 15}" font-size="11" text-anchor="{"start" if m >= 0 else "end"}">'
                     f'{_e(fmt_margin(r))}</text>')
    ly = h - 8
    parts.append(f'<text x="{mid - 6}" y="{ly}" font-size="11" text-anchor="end" fill="#9b2c2c">← {_e(result_label("looser", lang))}</text>')
    parts.append(f'<text x="{mid + 6}" y="{ly}" font-size="11" fill="#22543d">{_e(result_label("stricter", lang))} →</text>')
    parts.append("</svg>")
    return "".join(parts)


def _top(cmp: Comparison, lang: str) -> list[str]:
    """The page head, the verdict box with its chips and what blocks the next level, and the references."""
    nr = cmp.verdict in ("not-reached", "insufficient-evidence")
    h = [f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
         f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{_e(t("title", lang))} — {_e(cmp.draft.id)}</title>',
         f"<script>{_JS}</script><style>{CSS}</style></head><body>",
         f'<h1>{_e(t("title", lang))}</h1><div class="sub">{_e(cmp.draft.id)} {_e(cmp.draft.title)} · {_e(t("illustrative", lang))}</div>',
         f'<div class="verdict{" not-reached" if nr else ""}" id="verdict"><div class="main">{_e(w.verdict_sentence(cmp, lang))}</div>',
         '<div class="chips">']
    h.append(f'<span class="chip">{_e(t("overall", lang))}: <b>{_e(w.verdict_name(cmp, lang))}</b></span>')
    for tier, v in table.tier_verdicts(cmp, lang):
        h.append(f'<span class="chip">{_e(tier)}: <b>{_e(v)}</b></span>')
    nxt = w.next_level_text(cmp, lang)
    h.append("</div>" + (f'<div class="sub" id="next-level">{_e(nxt)}</div>' if nxt else "") + "</div>")
    h.append(f'<h2>{_e(t("references", lang))}</h2><ul>')
    for r in cmp.refs:
        found = f' <span class="found">({_e(t("found", lang))})</span>' if r.found else ""
        h.append(f"<li>{_e(w.tier_label(r.tier, lang))}: {_e(w.ref_line(r, lang))}{found}</li>")
    h.append(f'</ul><p class="sub">{_e(t("key_source", lang))}: {_e(w.key_source(cmp, lang))}</p>')
    return h


def _row(r: Row, tiers: list[str], ev: _Evidence, lang: str) -> str:
    """One row of the comparison table, every value linked to its evidence."""
    a = ev.ref(r.evidence, t("draft", lang))
    h = [f'<tr class="{"key" if r.is_key else ""}" id="row-{r.n}"><td>{r.n}</td>'
         f'<td>{_e(w.indicator_cell(r, lang))}</td>'
         f'<td><a href="#{a}">{_e(fmt_value(r.draft))}</a> <span class="doc">{_e(r.evidence.clause)}</span></td>']
    for tier in tiers:
        cells = []
        for c in table.in_tier(r, tier):
            a = ev.ref(c.evidence, c.doc)
            found = f' <span class="found">{_e(t("found", lang))}</span>' if c.found else ""
            also = f" = {', '.join(c.also)}" if c.also else ""
            cells.append(f'<span class="cp" title="{_e(reason(c.reason, lang))}"><a href="#{a}">{_e(w.fmt_counterpart(c))}</a> '
                         f'{_res(c.result, lang)}<br><span class="doc">{_e(c.doc + also)} {_e(c.evidence.clause)}</span>{found}</span>')
        h.append(f"<td>{''.join(cells) or '—'}</td>")
    marg = table.shown_margin(r)
    marg = f' <span class="doc">{_e(marg)}</span>' if marg else ""
    h.append(f'<td>{_res(r.result, lang)}{marg}</td><td class="reason">{_e(reason(r.reason, lang))}</td></tr>')
    return "".join(h)


def _table(cmp: Comparison, ev: _Evidence, lang: str) -> list[str]:
    tiers = cmp.tiers_present()
    h = [f'<h2>{_e(t("comparison", lang))}</h2><table id="comparison"><thead><tr>']
    h += [f"<th>{_e(col)}</th>" for col in table.head(tiers, lang, margin=False)]
    h.append("</tr></thead><tbody>")
    h += [_row(r, tiers, ev, lang) for r in cmp.rows]
    h.append(f'</tbody></table><p class="sub">{_e(t("legend", lang))}</p>')
    return h


def _lists(cmp: Comparison, ev: _Evidence, lang: str) -> list[str]:
    """Missing (grouped by parameter), new and not-comparable indicators."""
    none = f"<li>{_e(t('none', lang))}</li>"
    h = [f'<h2>{_e(t("missing", lang))}</h2><ul id="missing">']
    for label, key, docs in w.group_missing(cmp.missing, lang):
        parts = []
        for doc, items in docs:
            links = ", ".join(f'<a href="#{ev.ref(m.evidence, m.doc)}">{_e(fmt_value(m.value))}</a> '
                              f'<span class="doc">{_e(m.evidence.clause)}</span>' for m in items)
            parts.append(f"{_e(doc)}: {links}")
        h.append(f'<li><b>{_e(label)}</b> <code>{_e(key)}</code> — {"; ".join(parts)}</li>')
    h.append(none if not cmp.missing else "")
    h.append(f'</ul><h2>{_e(t("new", lang))}</h2><ul id="new">')
    for r in cmp.new:
        h.append(f'<li>{"★ " if r.is_key else ""}{_e(r.parameter)}: <a href="#row-{r.n}">{_e(fmt_value(r.draft))}</a> ({_e(r.evidence.clause)})</li>')
    h.append(none if not cmp.new else "")
    h.append(f'</ul><h2>{_e(t("not_comparable", lang))}</h2><ul id="not-comparable">')
    nc = table.not_comparable(cmp)
    for r, c in nc:
        h.append(f'<li>{_e(r.parameter)} ↔ {_e(c.doc)} {_e(c.evidence.clause)}: {_e(reason(c.reason, lang))}</li>')
    h.append(none if not nc else "")
    return h


def _end(cmp: Comparison, ev: _Evidence, lang: str) -> list[str]:
    """The level reasoning, the conclusion, warnings and the evidence entries."""
    h = [f'</ul><h2>{_e(t("levels", lang))}</h2><ul id="levels">']
    for lv, line in zip(cmp.levels, w.rules_lines(cmp, lang), strict=True):
        h.append(f'<li class="{"pass" if lv.passed else "fail"}">{_e(line)}</li>')
    h.append(f'</ul><p class="sub">{_e(t("rules", lang))}: {_e(cmp.rules_source)}</p>')
    h.append(f'<h2>{_e(t("conclusion", lang))}</h2><p class="conclusion" id="conclusion">{_e(w.conclusion(cmp, lang))}</p>')
    if cmp.warnings:
        h.append(f'<h2>{_e(t("warnings", lang))}</h2><ul>' + "".join(f"<li>{_e(x)}</li>" for x in cmp.warnings) + "</ul>")
    h.append(f'<h2>{_e(t("evidence", lang))}</h2><div id="evidence">')
    for aid, e, _label in ev.items:
        page = f', {_e(t("page", lang))} {e.page}' if e.page else ""
        h.append(f'<div class="ev" id="{aid}"><b>{_e(e.doc)}</b> {_e(t("clause", lang))} {_e(e.clause)}{page}'
                 f'<q>{_e(e.text)}</q></div>')
    h.append('</div><pre id="js-errors" hidden></pre></body></html>')
    return h


def render(result: Comparison, lang: str = "zh") -> str:
    """The comparison as one self-contained HTML page."""
    cmp = result
    ev = _Evidence()
    h = _top(cmp, lang) + _table(cmp, ev, lang)
    h.append(f'<h2>{_e(t("margin_chart", lang))}</h2><div id="chart">{_chart(cmp.rows, lang)}</div>')
    h += _lists(cmp, ev, lang) + _end(cmp, ev, lang)
    return "".join(h) + "\n"
