"""The comparison result as data: rows per draft indicator, counterparts, missing/new lists, level checks, verdict.

Judgements are codes with parameters (`Reason`, `LevelCheck.reasons`, `Counterpart.code`, the verdict id);
no sentence is built here — zmdocs.report.wording words them in zh or en, and zmdocs.report.jsonout
writes the JSON contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from zmdocs.model import SCHEMA_VERSION

LevelCode = Literal["too-few-compared", "looser", "looser-than", "product-better", "not-comparable",
                    "too-few-stricter", "too-small-share"]
"""Why a level is not reached (zmdocs.report.reasons words each)."""


@dataclass(frozen=True)
class Reason:
    """A judgement's reason as data: a code and its parameters, e.g. `Reason("looser", {"indicator": .., "docs": [..]})`.

    Level reasons take a `LevelCode`; a counterpart's or row's reason a strictness, condition or row
    code (`lower-upper-limit`, `cond.harsher`, `row.against`…), whose parameters may hold Reasons
    (a condition folded into a limit's judgement). zmdocs.report.reasons words every code."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The flat JSON form `{"code": .., **params}` (the `codes` of a level in the JSON contract), nested reasons too."""
        return {"code": self.code, **{k: _plain(v) for k, v in self.params.items()}}


def _plain(v: Any) -> Any:
    if isinstance(v, Reason):
        return v.to_dict()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


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
    reason: Reason | None = None  # why this result (zmdocs.report.reasons words it)
    margin: float | None = None
    margin_kind: str = ""
    found: bool = False  # proposed from the store, not given by the user
    score: float | None = None
    code: str = ""  # the reason's code, and its parameters in JSON form (the JSON contract's `code`, `params`)
    params: dict[str, Any] | None = None
    also: list[str] = field(default_factory=list)  # IDT adoptions that carry the same requirement (counted once)
    deviation_of: str = ""  # an adoption whose value differs from the standard it adopts: that standard's id
    deviation_value: Value | None = None  # ... and the value that standard sets (report/wording.py words it)
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
    reason: Reason | None = None  # `row.new`, `row.not-comparable` or `row.against` (the strictest counterpart)
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
    reasons: list[Reason] = field(default_factory=list)  # why not passed, in the order a report lists them
    product_blocking: list[str] = field(default_factory=list)
    evidence: bool = True  # enough comparable key indicators in its tiers to judge it at all

    @property
    def codes(self) -> list[dict[str, Any]]:
        """The reasons in their flat JSON form: [{"code", ...parameters}]."""
        return [r.to_dict() for r in self.reasons]


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
    verdict: str  # level id, "not-reached" or "insufficient-evidence"
    verdict_labels: dict[str, str]  # the level's names from the rules file ({} when insufficient evidence)
    tier_verdicts: dict[str, dict[str, str]]  # tier -> {"id", "zh", "en"} (names from the rules file, none when insufficient)
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
        """The verdict level's name from the rules file (the id when it has none)."""
        return self.verdict_labels.get(lang) or self.verdict_labels.get("en") or self.verdict

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
