"""What `zmdocs diff` finds: changes between two editions (or a draft and its final text)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

# Kinds of change, in the order a foreword lists them when they touch the same clause; a change is data
# (kind, clause numbers, values as written, aspects): zmdocs.report.diff words it (`diff.<kind>` templates).
ChangeKind = Literal[
    "clause-added", "clause-deleted", "clause-renumbered", "clause-changed",
    "indicator-changed", "indicator-added", "indicator-deleted", "indicator-moved",
    "row-added", "row-deleted", "row-changed",
]
KINDS: tuple[str, ...] = get_args(ChangeKind)
Aspect = Literal["value", "comparator", "unit", "conditions", "clause", "merged"]
ASPECTS = ("value", "comparator", "unit", "conditions", "clause")  # of a changed limit ("merged": of a clause)


@dataclass
class Change:
    """One change. Clause numbers are the numbers printed in each document (not ids)."""

    kind: ChangeKind
    old_clause: str | None = None  # number in the old document
    new_clause: str | None = None  # number in the new document
    heading: str = ""  # heading (or the first words) of the clause concerned
    parameter: str = ""  # indicator parameter or table row label
    old_value: str = ""  # the limit as written: "≤ 2 min", "26.6 ± 1 km/h"
    new_value: str = ""
    aspects: list[Aspect] = field(default_factory=list)  # indicator changes: value, comparator, unit, conditions, clause
    added: list[str] = field(default_factory=list)  # text pieces added (clause / row changes)
    deleted: list[str] = field(default_factory=list)  # text pieces deleted
    children: list[str] = field(default_factory=list)  # sub-clauses added/deleted with this clause
    table: str = ""  # table number for row changes
    similarity: float | None = None  # of the matched clause or row texts
    order: float = 0.0  # position for listing (new document order)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("order", None)
        return d


@dataclass
class ClausePair:
    """A clause of the old document and its counterpart in the new one."""

    old: str  # number
    new: str
    score: float


@dataclass
class EditionDiff:
    """The changes from an old document to a new one."""

    old_id: str
    new_id: str
    old_title: str = ""
    new_title: str = ""
    old_year: int | None = None
    pairs: list[ClausePair] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    def to_dict(self) -> dict[str, Any]:
        counts = {k: len(self.of_kind(k)) for k in KINDS if self.of_kind(k)}
        return {
            "old": {"id": self.old_id, "title": self.old_title, "year": self.old_year},
            "new": {"id": self.new_id, "title": self.new_title},
            "counts": counts,
            "changes": [c.to_dict() for c in self.changes],
            "clause_pairs": [asdict(p) for p in self.pairs],
            "warnings": list(self.warnings),
        }
