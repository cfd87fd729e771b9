"""Render a CheckResult: JSON (the contract), a terminal table, or Markdown; reasons worded in zh or en.

JSON: `{"results": [{"parameter", "value", "unit", "result", "limit": {"doc", "clause", "comparator",
"value", "min", "max", "unit"}, "reason"}]}` — `limit` is null for a parameter no standard limits.
"""

from __future__ import annotations

from zmdocs.check.result import Check, CheckResult
from zmdocs.compare.values import fmt_number
from zmdocs.report import dumps
from zmdocs.report.reasons import columns, has, label, say
from zmdocs.text.width import display_width, fit_cell

FORMATS = ("table", "md", "json")



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
    """The reason of one result, worded (templates `check.<code>` in zmdocs.report.reasons)."""
    lim = limit_text(c)
    margin = c.args.get("margin")
    lu = c.limit.unit if c.limit else ""
    conds = c.args.get("conditions") or []
    text = say(f"check.{c.reason}", lang, v=_value(c), lim=lim, u=c.unit, lu=lu or "—",
               margin=f"{fmt_number(margin)} {lu}".strip() if margin is not None else "—",
               lc="、".join(conds), pc="、".join(c.args.get("product_conditions") or [])) if has(f"check.{c.reason}") else c.reason
    if conds and c.reason != "conditions-differ":
        text += say("check.limit-conditions", lang, conds=("、" if lang == "zh" else ", ").join(conds))
    if c.match == "embedding":
        text += say("check.by-embedding", lang)
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
    return [[c.parameter, _value(c), label("check.result", c.result, lang), c.limit.doc if c.limit else "",
             c.limit.clause if c.limit else "", limit_text(c), reason(c, lang)] for c in result.checks]


def _table(result: CheckResult, lang: str) -> str:
    head, rows = columns("check", lang), _rows(result, lang)
    widths = [min(30 if k < 6 else 60, max(display_width(r[k]) for r in [head] + rows)) for k in range(len(head))]
    lines = ["  ".join(fit_cell(r[k], widths[k]) for k in range(len(head))).rstrip() for r in [head] + rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    n = result.counts()
    lines.append(", ".join(f"{label('check.result', k, lang)} {v}" for k, v in n.items()))
    return "\n".join(lines) + "\n"


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _markdown(result: CheckResult, lang: str) -> str:
    title = "产品符合性检查" if lang == "zh" else "Compliance check"
    head = columns("check", lang)
    lines = [f"# {title}: {result.product}", "", ("标准：" if lang == "zh" else "Standards: ") + "、".join(result.standards), "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(x) for x in r) + " |" for r in _rows(result, lang)]
    n = result.counts()
    lines += ["", ", ".join(f"{label('check.result', k, lang)} {v}" for k, v in n.items())]
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
