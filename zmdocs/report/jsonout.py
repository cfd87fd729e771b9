"""JSON rendering of a comparison (the documented contract: verdict, tiers, indicators, missing, new).

Every judgement is written twice: as codes with parameters (`verdict_id`, `tier_ids`, a counterpart's
`code`/`params`, a level's `codes`, `next_level.codes`) for programs, and worded in the report's
language (`verdict`, `verdict_label`, `conclusion`, `tiers`, a level's `reason`/`reason_zh`) for readers.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from zmdocs.compare.result import Comparison, Counterpart, LevelCheck, Row, Value
from zmdocs.report import dumps
from zmdocs.report import wording as w


def _val(v: Value) -> dict[str, Any]:
    return {"comparator": v.comparator, "value": v.value, "min": v.min, "max": v.max, "unit": v.unit}


def _counterpart(c: Counterpart) -> dict[str, Any]:
    return {
        "doc": c.doc, "tier": c.tier, "clause": c.evidence.clause, "page": c.evidence.page,
        **_val(c.value), "original": _val(c.original), "result": c.result, "reason": w.reason(c.reason, "en"), "code": c.code,
        "params": c.params or {}, "margin": c.margin, "found": c.found, "text": c.evidence.text,
        "also": list(c.also), "deviation": w.deviation_text(c), "deviation_of": c.deviation_of,
        "alternatives": [{"doc": e.doc, "clause": e.clause, "page": e.page, "text": e.text} for e in c.alternatives],
    }


def _indicator(r: Row) -> dict[str, Any]:
    return {
        "parameter": r.parameter, "key": r.key, "is_key": r.is_key,
        "draft": {**_val(r.draft), "clause": r.evidence.clause, "page": r.evidence.page, "text": r.evidence.text},
        "conditions": list(r.conditions),
        "counterparts": [_counterpart(c) for c in r.counterparts],
        "tiers": dict(r.tiers), "result": r.result, "reason": w.reason(r.reason, "en"), "code": r.code, "margin": r.margin,
    }


def _level(lv: LevelCheck) -> dict[str, Any]:
    """A level check with its reasons as codes and worded in both languages (`reason` en, `reason_zh`)."""
    d = asdict(lv)
    d.pop("reasons")
    out: dict[str, Any] = {}
    for k, v in d.items():
        if k == "product_blocking":
            out.update(reason=w.level_reason(lv, "en"), reason_zh=w.level_reason(lv, "zh"), codes=lv.codes)
        out[k] = v
    return out


def comparison_dict(cmp: Comparison, lang: str = "zh") -> dict[str, Any]:
    """The JSON contract of a comparison, worded in `lang`."""
    nxt = cmp.next_level()
    return {
        "schema_version": cmp.schema_version,
        "draft": asdict(cmp.draft),
        "references": [asdict(r) for r in cmp.refs],
        "verdict": w.verdict_name(cmp, lang),
        "verdict_id": cmp.verdict,
        "next_level": None if nxt is None else {"id": nxt.id, "codes": nxt.codes},
        "verdict_label": w.verdict_sentence(cmp, lang),
        "conclusion": w.conclusion(cmp, lang),
        "tiers": {t: w.tier_verdict_name(v, lang) for t, v in cmp.tier_verdicts.items()},
        "tier_ids": {t: v["id"] for t, v in cmp.tier_verdicts.items()},
        "levels": [_level(lv) for lv in cmp.levels],
        "key_indicators": cmp.key_source,
        "rules": cmp.rules_source,
        "indicators": [_indicator(r) for r in cmp.rows],
        "missing": [{"parameter": m.parameter, "key": m.key, "doc": m.doc, "tier": m.tier, **_val(m.value),
                     "clause": m.evidence.clause, "page": m.evidence.page, "text": m.evidence.text, "found": m.found}
                    for m in cmp.missing],
        "new": [{"parameter": r.parameter, "key": r.key, "is_key": r.is_key, **_val(r.draft), "clause": r.evidence.clause}
                for r in cmp.new],
        "warnings": list(cmp.warnings),
    }


def render(result: Comparison, lang: str = "zh") -> str:
    """The comparison as pretty JSON (UTF-8, not ASCII-escaped, never `Infinity`)."""
    return dumps(comparison_dict(result, lang), indent=2) + "\n"
