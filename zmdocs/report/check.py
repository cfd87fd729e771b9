"""Render a CheckResult: JSON (the contract), a terminal table, or Markdown; reasons worded in zh or en.

JSON: `{"results": [{"parameter", "value", "unit", "result", "limit": {"doc", "clause", "comparator",
"value", "min", "max", "unit"}, "reason"}]}` — `limit` is null for a parameter no standard limits.
"""

from __future__ import annotations

from zmdocs.check.result import Check, CheckResult
from zmdocs.compare.values import fmt_number
from zmdocs.report import dumps
from zmdocs.textnorm import display_width, fit_cell

FORMATS = ("table", "md", "json")

_REASON = {
    "within": {"zh": "{v} 满足 {lim}", "en": "{v} meets {lim}"},
    "outside": {"zh": "{v} 不满足 {lim}，相差 {margin}", "en": "{v} does not meet {lim} (off by {margin})"},
    "outside-rank": {"zh": "{v} 未达到 {lim}", "en": "{v} does not reach {lim}"},
    "not-numeric": {"zh": "产品值“{v}”不是数值，无法与{lim}比较", "en": "the product value \"{v}\" is not a number; cannot compare with {lim}"},
    "no-value": {"zh": "产品数据未给出数值", "en": "the product data give no value"},
    "ordinal-limit": {"zh": "限值{lim}为等级，无法按数值比较", "en": "the limit {lim} is a grade, not a number"},
    "no-unit": {"zh": "产品数据未给出单位（限值单位为{lu}）", "en": "the product data give no unit (the limit is in {lu})"},
    "unknown-unit": {"zh": "无法识别单位“{u}”", "en": "unknown unit \"{u}\""},
    "unit-mismatch": {"zh": "单位{u}与限值单位{lu}量纲不同", "en": "the unit {u} does not measure what the limit's unit {lu} does"},
    "limit-incomplete": {"zh": "限值数据不完整", "en": "the limit is incomplete"},
    "no-product-value": {"zh": "产品数据未给出该参数（限值{lim}）", "en": "the product data do not give this parameter (limit {lim})"},
    "conditions-differ": {"zh": "条件不同：限值适用于{lc}，产品数据为{pc}", "en": "other conditions: the limit applies to {lc}, the product data to {pc}"},
    "no-limit": {"zh": "所列标准中没有该参数的限值", "en": "no limit of the standards covers this parameter"},
}
_RESULT = {"pass": {"zh": "符合", "en": "pass"}, "fail": {"zh": "不符合", "en": "fail"},
           "not-comparable": {"zh": "不可比", "en": "not comparable"}, "not-covered": {"zh": "未覆盖", "en": "not covered"}}
_HEAD = {"zh": ["参数", "产品值", "结果", "标准", "条款", "限值", "说明"],
         "en": ["parameter", "value", "result", "standard", "clause", "limit", "reason"]}


def limit_text(c: Check) -> str:
    if c.limit is None:
        return ""
    from zmdocs.check.judge import _indicator
    from zmdocs.diff.indicators import written

    return written(_indicator(c.limit))


def _value(c: Check) -> str:
    if c.value is None:
        return ""
    v = fmt_number(c.value) if isinstance(c.value, (int, float)) else str(c.value)
    return f"{v} {c.unit}".strip()


def reason(c: Check, lang: str = "zh") -> str:
    """The reason of one result, worded."""
    lim = limit_text(c)
    margin = c.args.get("margin")
    lu = c.limit.unit if c.limit else ""
    text = _REASON.get(c.reason, {"zh": c.reason, "en": c.reason})[lang].format(
        v=_value(c), lim=lim, u=c.unit, lu=lu or "—",
        margin=f"{fmt_number(margin)} {lu}".strip() if margin is not None else "—",
        lc="、".join(c.args.get("conditions") or []), pc="、".join(c.args.get("product_conditions") or []))
    conds = c.args.get("conditions") or []
    if conds and c.reason != "conditions-differ":
        text += ("；限值条件：" + "、".join(conds)) if lang == "zh" else ("; the limit applies to: " + ", ".join(conds))
    if c.match == "embedding":
        text += "（参数按语义相似度匹配）" if lang == "zh" else " (parameter matched by embedding similarity)"
    return text


def to_json(result: CheckResult, lang: str = "zh") -> dict:
    out = []
    for c in result.checks:
        v = c.value
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        out.append({"parameter": c.parameter, "value": v, "unit": c.unit, "result": c.result,
                    "limit": c.limit.to_dict() if c.limit else None, "reason": reason(c, lang)})
    return {"results": out}


def _rows(result: CheckResult, lang: str) -> list[list[str]]:
    return [[c.parameter, _value(c), _RESULT[c.result][lang], c.limit.doc if c.limit else "",
             c.limit.clause if c.limit else "", limit_text(c), reason(c, lang)] for c in result.checks]


def _table(result: CheckResult, lang: str) -> str:
    head, rows = _HEAD[lang], _rows(result, lang)
    widths = [min(30 if k < 6 else 60, max(display_width(r[k]) for r in [head] + rows)) for k in range(len(head))]
    lines = ["  ".join(fit_cell(r[k], widths[k]) for k in range(len(head))).rstrip() for r in [head] + rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    n = result.counts()
    lines.append(", ".join(f"{_RESULT[k][lang]} {v}" for k, v in n.items()))
    return "\n".join(lines) + "\n"


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _markdown(result: CheckResult, lang: str) -> str:
    title = "产品符合性检查" if lang == "zh" else "Compliance check"
    head = _HEAD[lang]
    lines = [f"# {title}: {result.product}", "", ("标准：" if lang == "zh" else "Standards: ") + "、".join(result.standards), "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(x) for x in r) + " |" for r in _rows(result, lang)]
    n = result.counts()
    lines += ["", ", ".join(f"{_RESULT[k][lang]} {v}" for k, v in n.items())]
    return "\n".join(lines) + "\n"


def render_check(result: CheckResult, fmt: str = "table", lang: str = "zh") -> str:
    """table | md | json."""
    if fmt == "json":
        return dumps(to_json(result, lang), indent=2)
    if fmt == "md":
        return _markdown(result, lang)
    if fmt == "table":
        return _table(result, lang)
    from zmdocs.errors import ZmdocsError

    raise ZmdocsError(f"unknown check format {fmt!r} — use one of {', '.join(FORMATS)}")
