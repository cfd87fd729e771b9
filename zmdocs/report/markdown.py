"""Markdown rendering of a comparison: verdict, table, missing/new/not-comparable, level reasons."""

from __future__ import annotations

from zmdocs.report import table
from zmdocs.report import wording as w
from zmdocs.report.wording import t


def _cell(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def render(result, lang: str = "zh") -> str:
    """A Markdown report a writer can read or paste (GitHub-flavoured tables)."""
    cmp = result
    tiers = cmp.tiers_present()
    out = [f"# {t('title', lang)}: {cmp.draft.id}", "", f"**{w.verdict_sentence(cmp, lang)}**", ""]
    nxt = w.next_level_text(cmp, lang)
    if nxt:
        out += [nxt, ""]
    if cmp.tier_verdicts:
        out.append(f"{t('tier_verdicts', lang)}: " + "; ".join(f"{k} — {v}" for k, v in table.tier_verdicts(cmp, lang)))
        out.append("")
    out += [f"## {t('references', lang)}", ""]
    for r in cmp.refs:
        found = f" *({t('found', lang)})*" if r.found else ""
        out.append(f"- {w.tier_label(r.tier, lang)}: {w.ref_line(r, lang)}{found}")
    out += ["", f"{t('key_source', lang)}: {w.key_source(cmp, lang)}", "", f"## {t('comparison', lang)}", ""]
    head = table.head(tiers, lang)
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for r in cmp.rows:
        cells = [str(r.n), w.indicator_cell(r, lang), f"{w.fmt_value(r.draft)} ({r.evidence.clause})"]
        for tier in tiers:
            cells.append("<br>".join(f"{w.cp_line(c, lang)}: {w.result_label(c.result, lang)}"
                                     + (" *" + t("found", lang) + "*" if c.found else "") for c in table.in_tier(r, tier)) or "—")
        cells += table.result_cells(r, lang)
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    out += ["", t("legend", lang), ""]
    out += [f"## {t('missing', lang)}", ""]
    if cmp.missing:
        for label, key, docs in w.group_missing(cmp.missing, lang):
            out.append(f"- {label} `{key}`: " + "; ".join(
                f"{doc} " + ", ".join(f"{w.fmt_value(m.value)} ({m.evidence.clause})" for m in items) for doc, items in docs))
    else:
        out.append(f"- {t('none', lang)}")
    out += ["", f"## {t('new', lang)}", ""]
    out += [f"- {'★ ' if r.is_key else ''}{r.parameter}: {w.fmt_value(r.draft)} ({r.evidence.clause})" for r in cmp.new] or [
        f"- {t('none', lang)}"]
    out += ["", f"## {t('not_comparable', lang)}", ""]
    out += [f"- {r.parameter} ↔ {c.doc} {c.evidence.clause}: {w.reason(c.reason, lang)}" for r, c in table.not_comparable(cmp)] or [
        f"- {t('none', lang)}"]
    out += ["", f"## {t('levels', lang)}", ""]
    out += [f"- {line}" for line in w.rules_lines(cmp, lang)]
    out += ["", f"{t('rules', lang)}: {cmp.rules_source}", "", f"## {t('conclusion', lang)}", "", w.conclusion(cmp, lang), ""]
    if cmp.warnings:
        out += [f"## {t('warnings', lang)}", ""] + [f"- {w}" for w in cmp.warnings] + [""]
    return "\n".join(out)
