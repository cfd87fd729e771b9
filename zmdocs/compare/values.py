"""Indicator values in one unit: canonical conversion (the project pint registry) and acceptance intervals."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from zmdocs.model import Indicator
from zmdocs.text.numbers import parse_number
from zmdocs.text.temperature import is_rise, rise_unit

INF = math.inf


@functools.lru_cache(maxsize=1024)
def conversion(unit: str) -> tuple[str | None, float, float]:
    """(canonical unit, factor, offset) for a written unit symbol, from the indicator stage's pint registry."""
    from zmdocs.indicators.units import conversion as _conv
    from zmdocs.indicators.units import unit_symbol

    u = (unit or "").strip()
    if not u:
        return "", 1.0, 0.0
    return _conv(unit_symbol(u))


@dataclass(frozen=True)
class Canon:
    """An indicator's numbers in its canonical unit."""

    unit: str | None
    value: float | None
    min: float | None
    max: float | None


def _num(x) -> float | None:
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, float)):
        return float(x)
    return parse_number(str(x))  # the one reading of numbers (1,250 is 1250; 0,5 is 0.5)


# Canonical forms keyed by the indicator's own values, held here and never in the Indicator (no cache reaches JSON).
_CANON: dict[tuple, Canon] = {}


def canonical(ind: Indicator) -> Canon:
    """The indicator's value/min/max in the canonical unit of its dimension (°C of a rise counts as K)."""
    sig = (ind.unit, ind.value, ind.min, ind.max, repr(ind.normalized), ind.key, ind.parameter)
    c = _CANON.get(sig)
    if c is None:
        if len(_CANON) >= 4096:
            _CANON.clear()
        c = _CANON[sig] = _canonical(ind)
    return c


def _canonical(ind: Indicator) -> Canon:
    n = ind.normalized or {}
    if n.get("unit") is not None and (n.get("value") is not None or n.get("min") is not None or n.get("max") is not None):
        unit, v, lo, hi = n.get("unit"), _num(n.get("value")), _num(n.get("min")), _num(n.get("max"))
    else:
        unit, f, off = conversion(ind.unit)
        v, lo, hi = (None if _num(x) is None else _num(x) * f + off for x in (ind.value, ind.min, ind.max))
    unit = rise_unit(unit, is_rise(ind.key, ind.parameter))
    return Canon(unit, v, lo, hi)


def from_canonical(x: float | None, unit: str) -> float | None:
    """Convert a canonical value back into the written unit `unit` (for display in the draft's unit)."""
    if x is None:
        return None
    _, f, off = conversion(unit)
    if not f:
        return x
    return float(f"{(x - off) / f:.10g}")


@dataclass
class Interval:
    """The set of acceptable values of a limit: [lo, hi] with open/closed ends (a tolerance as deviations)."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    kind: str = "two-sided"  # upper | lower | two-sided | point | tolerance
    nominal: float | None = None

    @property
    def width(self) -> float:
        return self.hi - self.lo


def interval(ind: Indicator, c: Canon) -> Interval | None:
    """The acceptance interval of a numeric limit, or None when the numbers are missing."""
    cmp = ind.comparator
    v = c.value
    if cmp == "=" and v is not None:
        if ind.direction == "higher-is-stricter":
            cmp = ">="
        elif ind.direction == "lower-is-stricter":
            cmp = "<="
    if cmp in ("<=", "<") and v is not None:
        return Interval(-INF, v, True, cmp == "<", "upper")
    if cmp in (">=", ">") and v is not None:
        return Interval(v, INF, cmp == ">", True, "lower")
    if cmp == "=" and v is not None:
        return Interval(v, v, kind="point")
    if cmp == "range" and c.min is not None and c.max is not None:
        return Interval(min(c.min, c.max), max(c.min, c.max), kind="two-sided")
    if cmp == "range" and c.max is not None:
        return Interval(-INF, c.max, True, False, "upper")
    if cmp == "range" and c.min is not None:
        return Interval(c.min, INF, False, True, "lower")
    if cmp == "tolerance":
        lo, hi = c.min, c.max
        if lo is not None and hi is not None:
            if v is not None and lo <= v <= hi and not (lo < 0 < hi and v in (0.0, hi, -lo)):
                return Interval(lo - v, hi - v, kind="tolerance", nominal=v)
            return Interval(min(lo, hi), max(lo, hi), kind="tolerance", nominal=None)
        if v is not None:
            return Interval(-abs(v), abs(v), kind="tolerance")
    return None


def close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def fmt_number(x: float | None) -> str:
    """A number as a writer prints it (no float noise, no trailing .0)."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    s = f"{x:.6g}"
    if "e" in s:
        s = f"{x:.10f}".rstrip("0").rstrip(".")
    return s
