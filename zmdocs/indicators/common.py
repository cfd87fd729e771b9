"""Building Indicator objects: normalisation and direction (shared by prose and tables)."""

from __future__ import annotations

from typing import Any

from zmdocs.indicators import units
from zmdocs.indicators.keys import fits, key_kind
from zmdocs.model import Indicator


def direction(ind: Indicator) -> str:
    """Which way is stricter, derived from comparator and key (never stored inconsistently)."""
    c = ind.comparator
    if c in ("<=", "<"):
        return "lower-is-stricter"
    if c in (">=", ">"):
        return "higher-is-stricter"
    if c == "=" and key_kind(ind.key) == "test-level":
        return "higher-is-stricter"
    return "neither"


def make(
    parameter: str,
    comparator: str,
    unit: str = "",
    value: Any = None,
    vmin: float | None = None,
    vmax: float | None = None,
    key: str = "",
    conditions: list[str] | None = None,
    method: str | None = None,
    clause: str | None = None,
    page: int | None = None,
    text: str = "",
    origin: dict | None = None,
    ordinal: dict | None = None,
) -> Indicator:
    """One Indicator with `normalized` and `direction` filled in."""
    ind = Indicator(
        parameter=parameter.strip(),
        comparator=comparator,
        value=value,
        min=vmin,
        max=vmax,
        unit=unit.strip(),
        key=key,
        conditions=[c for c in dict.fromkeys(conditions or []) if c],
        method=method,
        clause=clause,
        page=page,
        text=text.strip(),
        origin=origin or {"type": "prose"},
        ordinal=ordinal,
    )
    if ordinal is None:
        sym = units.unit_symbol(ind.unit) if ind.unit else ""
        if sym:
            ind.normalized = units.normalize(sym, value, vmin, vmax, delta=key_kind(key) == "delta")
        else:
            ind.normalized = {"value": value, "min": vmin, "max": vmax, "unit": None}
    if ordinal is not None and ordinal.get("scale") == "ip":
        ind.key = "ip_code"
    elif ordinal is not None and ordinal.get("scale") == "class" and not ind.key:
        ind.key = "protection_class"
    elif ind.key and not fits(ind.key, (ind.normalized or {}).get("unit")):
        ind.key = ""  # "measured within 5 s" is not a leakage current: the dimension does not fit the key
    ind.direction = direction(ind)
    return ind


def gold_tuple(ind: Indicator | dict) -> tuple:
    """(comparator, value or (min, max), unit symbol): what the gold set scores."""
    d = ind if isinstance(ind, dict) else ind.__dict__
    comp = d.get("comparator")
    unit = units.unit_symbol(d.get("unit") or "")
    if comp == "range":
        val: Any = (_r(d.get("min")), _r(d.get("max")))
    else:
        val = _r(d.get("value"))
    return comp, val, unit


def _r(x: Any) -> Any:
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return round(float(x), 6)
    return x.upper().replace(" ", "") if isinstance(x, str) else x
