"""The comparison result: rows per draft indicator, counterparts, missing/new lists, level checks, verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from zmdocs.model import SCHEMA_VERSION

RESULT_LABELS = {
    "stricter": {"zh": "严于", "en": "stricter"},
    "equal": {"zh": "持平", "en": "equal"},
    "looser": {"zh": "低于", "en": "looser"},
    "not-comparable": {"zh": "不可比", "en": "not comparable"},
    "new": {"zh": "新增", "en": "new"},
    "missing": {"zh": "缺失", "en": "missing"},
}


def result_label(result: str | None, lang: str = "zh") -> str:
    """A result in the report language (严于/持平/低于/不可比/新增)."""
    if not result:
        return "—"
    return RESULT_LABELS.get(result, {}).get(lang, result)


@dataclass
class Evidence:
    """Where a value comes from: document, clause, page and the quoted source text."""

    doc: str
    clause: str = ""
    page: int | None = None
    text: str = ""
    source: str = ""
    origin: dict[str, Any] | None = None


@dataclass
class Value:
    """A limit as printed in the report: comparator, value/min/max and unit."""

    comparator: str
    value: float | str | None = None
    min: float | None = None
    max: float | None = None
    unit: str = ""


@dataclass
class Counterpart:
    """One reference indicator paired with a draft indicator and the draft's result against it."""

    doc: str
    tier: str
    parameter: str
    value: Value  # in the draft's unit when convertible
    original: Value  # as the reference writes it
    evidence: Evidence
    result: str
    reason: str = ""
    margin: float | None = None
    margin_kind: str = ""
    found: bool = False  # proposed from the store, not given by the user
    score: float | None = None


@dataclass
class Row:
    """One indicator of the draft with its counterparts and its overall result."""

    n: int
    parameter: str
    key: str
    is_key: bool
    draft: Value
    evidence: Evidence
    counterparts: list[Counterpart] = field(default_factory=list)
    result: str = "new"
    reason: str = ""
    tiers: dict[str, str] = field(default_factory=dict)  # tier -> result against its strictest counterpart
    margin: float | None = None  # against the strictest counterpart overall
    margin_kind: str = ""
    strictest: int | None = None  # index into counterparts


@dataclass
class Missing:
    """An indicator some reference has and the draft lacks."""

    parameter: str
    key: str
    doc: str
    tier: str
    value: Value
    evidence: Evidence
    found: bool = False


@dataclass
class LevelCheck:
    """The test of one level: counts, pass/fail and what blocks it."""

    id: str
    label: dict[str, str]
    against: list[str]
    passed: bool
    compared: int = 0
    stricter: int = 0
    equal: int = 0
    looser: int = 0
    not_comparable: int = 0
    blocking: list[str] = field(default_factory=list)  # parameters of looser / blocking key indicators
    reason: str = ""
    reason_zh: str = ""


@dataclass
class RefInfo:
    """A reference of the comparison (given or found in the store)."""

    id: str
    title: str = ""
    tier: str = ""
    family: str = ""
    source: str = ""
    found: bool = False
    indicators: int = 0


@dataclass
class Comparison:
    """Everything a report needs: draft, references, rows, missing/new, level checks and the verdict."""

    draft: RefInfo
    refs: list[RefInfo]
    rows: list[Row]
    missing: list[Missing]
    levels: list[LevelCheck]
    verdict: str  # level id, or "not-reached"
    verdict_labels: dict[str, str]
    tier_verdicts: dict[str, dict[str, str]]  # tier -> {"id", "zh", "en"}
    key_source: str = "default"  # marked | list | default
    rules_source: str = "built-in"
    warnings: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    # -- views -------------------------------------------------------------
    @property
    def key_rows(self) -> list[Row]:
        return [r for r in self.rows if r.is_key]

    @property
    def new(self) -> list[Row]:
        return [r for r in self.rows if r.result == "new"]

    @property
    def not_comparable(self) -> list[Row]:
        return [r for r in self.rows if r.result == "not-comparable"]

    def tiers_present(self) -> list[str]:
        from zmdocs.compare.tiers import TIERS

        have = {r.tier for r in self.refs}
        return [t for t in TIERS if t in have]

    def verdict_name(self, lang: str = "zh") -> str:
        return self.verdict_labels.get(lang) or self.verdict_labels.get("en") or self.verdict

    def verdict_label(self, lang: str = "zh") -> str:
        """One sentence: "本标准主要技术指标达到国际先进水平" / "The key indicators reach the … level"."""
        name = self.verdict_name(lang)
        if self.verdict == "not-reached":
            lowest = self.levels[-1].label if self.levels else {"zh": "国内先进", "en": "domestic advanced"}
            if lang == "zh":
                return f"本标准主要技术指标未达到{lowest.get('zh', '')}水平"
            return f"The key indicators do not reach the {lowest.get('en', '')} level"
        if lang == "zh":
            return f"本标准主要技术指标达到{name}水平"
        return f"The key indicators reach the {name} level"

    def conclusion(self, lang: str = "zh") -> str:
        """The conclusion paragraph a writer pastes into the 编制说明 (drafting explanation)."""
        from zmdocs.compare.strictness import worst

        keys = self.key_rows
        std = {}
        for r in keys:  # against the strictest standard (products are reported on their own)
            res = [v for t, v in r.tiers.items() if t != "product"]
            std[r.n] = worst(res) or ("not-comparable" if res else "new" if not r.tiers else "product-only")
        counts = {k: sum(1 for v in std.values() if v == k)
                  for k in ("stricter", "equal", "looser", "not-comparable", "new", "product-only")}
        looser = [r.parameter for r in keys if std[r.n] == "looser"]
        prod = {k: sum(1 for r in keys if r.tiers.get("product") == k) for k in ("stricter", "equal", "looser")}
        refs = [r.id for r in self.refs if r.tier != "product"]
        products = [r.title or r.id for r in self.refs if r.tier == "product"]
        n_missing = len({m.key or m.parameter for m in self.missing})
        blockers = sorted({b for lv in self.levels for b in lv.blocking})
        higher = blockers and self.levels and self.verdict != self.levels[0].id
        if lang == "zh":
            s = (f"将本标准的{len(keys)}项关键技术指标与{'、'.join(refs) or '对比文件'}的相应指标逐项对比：与所对比标准中最严的指标相比，"
                 f"{counts['stricter']}项严于、{counts['equal']}项持平")
            if counts["looser"]:
                s += f"、{counts['looser']}项低于（{'、'.join(looser)}）"
            if counts["not-comparable"]:
                s += f"，{counts['not-comparable']}项因试验条件或方法不同不可直接比较"
            if counts["new"]:
                s += f"，{counts['new']}项为本标准新增指标"
            if counts["product-only"]:
                s += f"，{counts['product-only']}项仅有国外先进产品可比"
            s += "。"
            if products:
                s += (f"与国外先进产品（{'、'.join(products)}）相比，{prod['stricter']}项严于、{prod['equal']}项持平、"
                      f"{prod['looser']}项低于。")
            if n_missing:
                s += f"对比文件中另有{n_missing}项指标本标准未规定。"
            if higher:
                s += f"（影响更高水平判定的指标：{'；'.join(blockers)}。）"
            return s + self.verdict_label("zh") + "。"
        s = (f"The {len(keys)} key indicators of this standard were compared one by one with {', '.join(refs) or 'the references'}: "
             f"against the strictest standard, {counts['stricter']} are stricter and {counts['equal']} equal")
        if counts["looser"]:
            s += f", {counts['looser']} looser ({', '.join(looser)})"
        if counts["not-comparable"]:
            s += f", {counts['not-comparable']} cannot be compared (different test conditions or methods)"
        if counts["new"]:
            s += f", {counts['new']} are new in this standard"
        if counts["product-only"]:
            s += f", {counts['product-only']} have only a foreign product to compare with"
        s += ". "
        if products:
            s += (f"Against foreign advanced products ({', '.join(products)}): {prod['stricter']} stricter, "
                  f"{prod['equal']} equal, {prod['looser']} looser. ")
        if n_missing:
            s += f"The references set {n_missing} further indicators this standard does not. "
        if higher:
            s += f"(Indicators that block a higher level: {'; '.join(blockers)}.) "
        return s + self.verdict_label("en") + "."

    # -- serialisation -----------------------------------------------------
    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON contract: verdict, tiers, indicators, missing, new (plus details)."""

        def val(v: Value) -> dict[str, Any]:
            return {"comparator": v.comparator, "value": v.value, "min": v.min, "max": v.max, "unit": v.unit}

        indicators = []
        for r in self.rows:
            indicators.append({
                "parameter": r.parameter, "key": r.key, "is_key": r.is_key,
                "draft": {**val(r.draft), "clause": r.evidence.clause, "page": r.evidence.page, "text": r.evidence.text},
                "counterparts": [{
                    "doc": c.doc, "tier": c.tier, "clause": c.evidence.clause, "page": c.evidence.page,
                    **val(c.value), "original": val(c.original), "result": c.result, "reason": c.reason,
                    "margin": c.margin, "found": c.found, "text": c.evidence.text,
                } for c in r.counterparts],
                "tiers": dict(r.tiers), "result": r.result, "reason": r.reason, "margin": r.margin,
            })
        return {
            "schema_version": self.schema_version,
            "draft": asdict(self.draft),
            "references": [asdict(r) for r in self.refs],
            "verdict": self.verdict_name(lang),
            "verdict_id": self.verdict,
            "verdict_label": self.verdict_label(lang),
            "conclusion": self.conclusion(lang),
            "tiers": {t: v.get(lang, v.get("id")) for t, v in self.tier_verdicts.items()},
            "levels": [asdict(lv) for lv in self.levels],
            "key_indicators": self.key_source,
            "rules": self.rules_source,
            "indicators": indicators,
            "missing": [{"parameter": m.parameter, "key": m.key, "doc": m.doc, "tier": m.tier, **val(m.value),
                         "clause": m.evidence.clause, "page": m.evidence.page, "text": m.evidence.text, "found": m.found}
                        for m in self.missing],
            "new": [{"parameter": r.parameter, "key": r.key, "is_key": r.is_key, **val(r.draft), "clause": r.evidence.clause}
                    for r in self.new],
            "warnings": list(self.warnings),
        }
