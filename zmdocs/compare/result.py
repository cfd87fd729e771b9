"""The comparison result: rows per draft indicator, counterparts, missing/new lists, level checks, verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from zmdocs.model import SCHEMA_VERSION


def result_label(result: str | None, lang: str = "zh") -> str:
    """A result in the report language (严于/相当/宽于/不可比/新增); the wording lives in report/wording.py."""
    from zmdocs.report.wording import result_label as _label

    return _label(result, lang)


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
    code: str = ""  # reason code (report/wording.py words it)
    params: dict[str, Any] | None = None
    also: list[str] = field(default_factory=list)  # IDT adoptions that carry the same requirement (counted once)
    deviation: str = ""  # a MOD adoption's value that differs from the standard it adopts
    alternatives: list[Evidence] = field(default_factory=list)  # other limits of this reference, kept as evidence


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
    conditions: list[str] = field(default_factory=list)  # the draft's conditions (class, band, state…)
    code: str = ""


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
    codes: list[dict[str, Any]] = field(default_factory=list)  # why not passed: [{"code", ...parameters}]
    product_blocking: list[str] = field(default_factory=list)
    evidence: bool = True  # enough comparable key indicators in its tiers to judge it at all


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
    adoption: dict[str, str] | None = None  # {"relation": IDT|MOD|NEQ, "standard": id}
    display: str = ""  # `IEC 60335-2-15:2016 (= DIN EN 60335-2-15:2020, IDT)`
    merged_into: str = ""  # an IDT adoption folded into the standard it adopts
    deviations: list[str] = field(default_factory=list)  # MOD: indicators whose value differs from the adopted standard


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
        """One sentence: "本标准主要技术指标达到国际先进水平" / "证据不足，无法判定…"."""
        from zmdocs.report.wording import verdict_sentence

        return verdict_sentence(self, lang)

    def next_level(self) -> LevelCheck | None:
        """The check of the level just above the verdict (the lowest judged level when none is reached)."""
        ids = [lv.id for lv in self.levels]
        if self.verdict in ids:
            k = ids.index(self.verdict)
            return self.levels[k - 1] if k > 0 else None
        if self.verdict == "not-reached":
            judged = [lv for lv in self.levels if lv.evidence]
            return judged[-1] if judged else None
        return None

    def conclusion(self, lang: str = "zh") -> str:
        """The conclusion paragraph a writer pastes into the 编制说明 (drafting explanation)."""
        from zmdocs.report.wording import conclusion

        return conclusion(self, lang)

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
                "conditions": list(r.conditions),
                "counterparts": [{
                    "doc": c.doc, "tier": c.tier, "clause": c.evidence.clause, "page": c.evidence.page,
                    **val(c.value), "original": val(c.original), "result": c.result, "reason": c.reason, "code": c.code,
                    "params": c.params or {}, "margin": c.margin, "found": c.found, "text": c.evidence.text,
                    "also": list(c.also), "deviation": c.deviation,
                    "alternatives": [{"doc": e.doc, "clause": e.clause, "page": e.page, "text": e.text} for e in c.alternatives],
                } for c in r.counterparts],
                "tiers": dict(r.tiers), "result": r.result, "reason": r.reason, "code": r.code, "margin": r.margin,
            })
        return {
            "schema_version": self.schema_version,
            "draft": asdict(self.draft),
            "references": [asdict(r) for r in self.refs],
            "verdict": self.verdict_name(lang),
            "verdict_id": self.verdict,
            "next_level": (lambda n: None if n is None else {"id": n.id, "codes": n.codes})(self.next_level()),
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
