"""What `zmdocs check` finds: per limit of the standards, whether the product meets it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

CheckResultCode = Literal["pass", "fail", "not-comparable", "not-covered"]
RESULTS: tuple[str, ...] = get_args(CheckResultCode)
CheckCode = Literal["within", "outside", "outside-rank", "not-numeric", "no-value", "ordinal-limit", "no-unit",
                    "unknown-unit", "unit-mismatch", "limit-incomplete", "no-product-value", "conditions-differ", "no-limit"]
"""Why a check came out as it did; its parameters are in `Check.args` (zmdocs.report.reasons words each as `check.<code>`)."""


@dataclass
class Limit:
    doc: str
    clause: str
    comparator: str
    value: float | str | None
    min: float | None
    max: float | None
    unit: str
    parameter: str = ""
    conditions: list[str] = field(default_factory=list)
    ordinal: dict[str, Any] | None = None  # an IP code or grade limit: {"scale", "rank", "label"}
    direction: str = "neither"

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "clause": self.clause, "comparator": self.comparator, "value": self.value,
                "min": self.min, "max": self.max, "unit": self.unit}


@dataclass
class Check:
    """One result row. `reason` is a code with `args` (margin, conditions, product_conditions); zmdocs.report.check words it."""

    parameter: str
    value: float | int | str | None
    unit: str
    result: CheckResultCode
    limit: Limit | None
    reason: CheckCode
    args: dict[str, Any] = field(default_factory=dict)
    match: str = ""  # key | name | embedding (how the parameter found the limit)


@dataclass
class CheckResult:
    product: str
    standards: list[str]
    checks: list[Check] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {r: sum(1 for c in self.checks if c.result == r) for r in RESULTS}
