"""The comparison table as every writer lays it out: header, per-tier counterparts, result cells, verdict chips.

One home for what the HTML, Markdown, DOCX and XLSX writers share, so the columns and their
words change in one place; each writer only marks the cells up.
"""

from __future__ import annotations

from zmdocs.compare.result import Comparison, Counterpart, Row
from zmdocs.report import wording as w
from zmdocs.report.wording import t


def head(tiers: list[str], lang: str, margin: bool = True) -> list[str]:
    """序号, 指标, 本标准, one column per tier, 结果, (裕量,) 原因."""
    return ([t("n", lang), t("indicator", lang), t("draft", lang)] + [w.tier_column(x, lang) for x in tiers]
            + [t("result", lang)] + ([t("margin", lang)] if margin else []) + [t("reason", lang)])


def in_tier(r: Row, tier: str) -> list[Counterpart]:
    """The row's counterparts in one tier, in table order."""
    return [c for c in r.counterparts if c.tier == tier]


def shown_margin(r: Row) -> str:
    """The row's margin, shown only when the result is stricter or looser."""
    return w.fmt_margin(r) if r.result in ("stricter", "looser") else ""


def result_cells(r: Row, lang: str) -> list[str]:
    """The last three cells of a row: result, margin, reason."""
    return [w.result_label(r.result, lang), shown_margin(r), w.reason(r.reason, lang)]


def not_comparable(cmp: Comparison) -> list[tuple[Row, Counterpart]]:
    """(row, counterpart) pairs that could not be compared, for the 不可比较的指标 section."""
    return [(r, c) for r in cmp.rows for c in r.counterparts if c.result == "not-comparable"]


def tier_verdicts(cmp: Comparison, lang: str) -> list[tuple[str, str]]:
    """(tier name, verdict name) for each tier that was judged."""
    return [(w.tier_label(k, lang), w.tier_verdict_name(v, lang)) for k, v in cmp.tier_verdicts.items()]
