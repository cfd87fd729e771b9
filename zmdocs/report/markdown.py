"""Markdown rendering of a comparison: verdict, table, missing/new/not-comparable, level reasons."""

from __future__ import annotations

from zmdocs.report.wording import (
    cp_line,
    fmt_margin,
    fmt_value,
    group_missing,
    indicator_cell,
    key_source,
    next_level_text,
    reason,
    ref_line,
    result_label,
    rules_lines,
    t,
    tier_column,
    tier_label,
)


def _cell(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def render(result, lang: str = "zh") -> str:
    """A Markdown report a writer can read or paste (GitHub-flavoured tables)."""
    cmp = result
    tiers = cmp.tiers_present()
    out = [f"# {t('title', lang)}: {cmp.draft.id}", "", f"**{cmp.verdict_label(lang)}**", ""]
    nxt = next_level_text(cmp, lang)
    if nxt:
        out += [nxt, ""]
    if cmp.tier_verdicts:
        out.append(f"{t('tier_verdicts', lang)}: " + "; ".join(
            f"{tier_label(k, lang)} — {v.get(lang, v['id'])}" for k, v in cmp.tier_verdicts.items()))
        out.append("")
    out += [f"## {t('references', lang)}", ""]
    for r in cmp.refs:
        found = f" *({t('found', lang)})*" if r.found else ""
        out.append(f"- {tier_label(r.tier, lang)}: {ref_line(r, lang)}{found}")
    out += ["", f"{t('key_source', lang)}: {key_source(cmp, lang)}", "", f"## {t('comparison', lang)}", ""]
    head = [t("n", lang), t("indicator", lang), t("draft", lang)] + [tier_column(x, lang) for x in tiers] + [
        t("result", lang), t("margin", lang), t("reason", lang)]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for r in cmp.rows:
        cells = [str(r.n), indicator_cell(r, lang), f"{fmt_value(r.draft)} ({r.evidence.clause})"]
        for tier in tiers:
            cps = [c for c in r.counterparts if c.tier == tier]
            cells.append("<br>".join(f"{cp_line(c, lang)}: {result_label(c.result, lang)}"
                                     + (" *" + t("found", lang) + "*" if c.found else "") for c in cps) or "—")
        cells += [result_label(r.result, lang), fmt_margin(r) if r.result in ("stricter", "looser") else "", reason(r.reason, lang)]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    out += ["", t("legend", lang), ""]
    out += [f"## {t('missing', lang)}", ""]
    if cmp.missing:
        for label, key, docs in group_missing(cmp.missing, lang):
            out.append(f"- {label} `{key}`: " + "; ".join(
                f"{doc} " + ", ".join(f"{fmt_value(m.value)} ({m.evidence.clause})" for m in items) for doc, items in docs))
    else:
        out.append(f"- {t('none', lang)}")
    out += ["", f"## {t('new', lang)}", ""]
    out += [f"- {'★ ' if r.is_key else ''}{r.parameter}: {fmt_value(r.draft)} ({r.evidence.clause})" for r in cmp.new] or [f"- {t('none', lang)}"]
    out += ["", f"## {t('not_comparable', lang)}", ""]
    nc = [(r, c) for r in cmp.rows for c in r.counterparts if c.result == "not-comparable"]
    out += [f"- {r.parameter} ↔ {c.doc} {c.evidence.clause}: {reason(c.reason, lang)}" for r, c in nc] or [f"- {t('none', lang)}"]
    out += ["", f"## {t('levels', lang)}", ""]
    out += [f"- {line}" for line in rules_lines(cmp, lang)]
    out += ["", f"{t('rules', lang)}: {cmp.rules_source}", "", f"## {t('conclusion', lang)}", "", cmp.conclusion(lang), ""]
    if cmp.warnings:
        out += [f"## {t('warnings', lang)}", ""] + [f"- {w}" for w in cmp.warnings] + [""]
    return "\n".join(out)
