"""One quantity found in a span of text: where it is, what kind, its value or bounds, unit and comparator cue."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Quantity:
    start: int
    end: int
    kind: str  # one, rng, tol, ip, grade
    value: object = None
    vmin: float | None = None
    vmax: float | None = None
    unit: str = ""
    comparator: str | None = None
    cue_start: int = 0
    ordinal: dict | None = None
    role: str = ""  # indicator | condition | drop
    bare: bool = False  # no cue of its own (a table cell): a header may imply the comparator
    defaulted: bool = False  # the unit is the caller's default (a table header's), not written here
    alt: bool = False  # an alternative bound in parentheses: "nor more than 1 500 mm (2 100 mm if …)"
    alt_of: int = 0  # id() of the bound a Chinese alternative belongs to ("300N（拖拉机运输机组应小于等于350N）")
    conds: list[str] = field(default_factory=list)
