"""Foreign advanced products: a small CSV or YAML of parameter, comparator, value, unit, source.

CSV columns (header row, UTF-8, comma or semicolon): `parameter, comparator, value, unit, source`
and optionally `key, min, max, conditions, method, product`. YAML: a mapping with `product`
(name) and `parameters` (a list of mappings with the same fields), or a bare list.
Comparators: <=, <, >=, >, =, range, tolerance and the usual words (≤, max, 不大于, at least, ±…).
Values: a number, `10~20` (range), `±5` (tolerance), or a label (IPX4, 1级) for ordinals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from zmdocs.errors import CompareError
from zmdocs.model import Indicator
from zmdocs.text.comparators import comparator_of
from zmdocs.text.numbers import parse_number

_RANGE_RE = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:~|～|\.\.|–|—|至|to|-)\s*(-?\d+(?:[.,]\d+)?)\s*$")
_TOL_RE = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)?\s*±\s*(\d+(?:[.,]\d+)?)\s*$")
_IP_RE = re.compile(r"^\s*IP\s*([0-6X])\s*([0-9X])([A-DHMSW]*)\s*$", re.I)
_GRADE_RE = re.compile(r"^\s*([1-5一二三四五])\s*级\s*$")


@dataclass
class ProductSpec:
    """A foreign company's published specification, treated as a reference in the `product` tier."""

    id: str
    title: str = ""
    source: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    tier: str = "product"
    family: str = "product"
    lang: str = ""
    clauses: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_product_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".csv", ".yaml", ".yml", ".tsv")


def _num(s, path: str, row: int, what: str) -> float | None:
    if s is None or str(s).strip() == "":
        return None
    if isinstance(s, (int, float)) and not isinstance(s, bool):
        return float(s)
    v = parse_number(str(s).strip())  # the one reading of numbers: 1,250 is 1250, 0,5 is 0.5, 1 250 is 1250
    if v is None:
        raise CompareError(f"{path}: row {row}: {what} {s!r} is not a number — write e.g. 0.5 (or 10~20 for a range)")
    return float(v)


def ordinal_of(label: str) -> dict | None:
    """An ordinal for an IP code or a Chinese grade label (None when it is neither)."""
    m = _IP_RE.match(label)
    if m:
        a, b = m.group(1).upper(), m.group(2).upper()
        return {"scale": "ip", "rank": [None if a == "X" else int(a), None if b == "X" else int(b)], "label": label.strip().upper()}
    m = _GRADE_RE.match(label)
    if m:
        g = "一二三四五".find(m.group(1)) + 1 or int(m.group(1))
        return {"scale": "grade-cn", "rank": g, "label": label.strip()}
    return None


def _indicator(rec: dict, path: str, row: int, product: str) -> Indicator:
    param = str(rec.get("parameter") or "").strip()
    if not param:
        raise CompareError(f"{path}: row {row}: the `parameter` column is empty — name the parameter (e.g. leakage current)")
    raw_cmp = str(rec.get("comparator") or "").strip()
    cmp = comparator_of(raw_cmp)
    if cmp is None:
        raise CompareError(f"{path}: row {row}: unknown comparator {raw_cmp!r} — use <=, <, >=, >, =, range or tolerance")
    unit = str(rec.get("unit") or "").strip()
    raw = rec.get("value")
    sval = "" if raw is None else str(raw).strip()
    value: float | str | None = None
    vmin, vmax = _num(rec.get("min"), path, row, "min"), _num(rec.get("max"), path, row, "max")
    ordinal = None
    m_r, m_t = _RANGE_RE.match(sval), _TOL_RE.match(sval)
    if cmp == "range" or (m_r and cmp == "="):
        cmp = "range"
        if m_r:
            vmin, vmax = _num(m_r.group(1), path, row, "min"), _num(m_r.group(2), path, row, "max")
        if vmin is None or vmax is None:
            raise CompareError(f"{path}: row {row}: a range needs `min` and `max` or a value like 10~20")
    elif cmp == "tolerance" or m_t:
        cmp = "tolerance"
        if m_t:
            nominal = _num(m_t.group(1), path, row, "value") if m_t.group(1) else None
            tol = _num(m_t.group(2), path, row, "tolerance")
            value = nominal
            vmin, vmax = ((nominal - tol, nominal + tol) if nominal is not None else (-tol, tol))
        elif vmin is None or vmax is None:
            value = _num(sval, path, row, "value")
            if value is None:
                raise CompareError(f"{path}: row {row}: a tolerance needs a value like ±5 or 220±10")
            vmin, vmax = -abs(value), abs(value)
            value = None
    else:
        ordinal = ordinal_of(sval) if sval else None
        if ordinal:
            value = ordinal["label"]
        else:
            value = _num(sval, path, row, "value")
            if value is None:
                raise CompareError(f"{path}: row {row}: the `value` column is empty")
    ind = Indicator(parameter=param, comparator=cmp, value=value, min=vmin, max=vmax, unit=unit, ordinal=ordinal)
    ind.key = str(rec.get("key") or "").strip() or _key_for(param)
    ind.normalized = _normalized(ind)
    ind.direction = {"<=": "lower-is-stricter", "<": "lower-is-stricter", ">=": "higher-is-stricter",
                     ">": "higher-is-stricter"}.get(cmp, "neither")
    conds = rec.get("conditions")
    ind.conditions = [c.strip() for c in re.split(r"[;；]", conds) if c.strip()] if isinstance(conds, str) else list(conds or [])
    ind.method = (str(rec.get("method")).strip() or None) if rec.get("method") else None
    src = str(rec.get("source") or "").strip()
    ind.text = f"{param}: {raw_cmp} {sval} {unit}".strip() + (f" ({src})" if src else "")
    ind.origin = {"type": "product", "row": row, "source": str(rec.get("source") or "").strip()}
    ind.clause = f"row {row}"
    ind.doc = product
    return ind


def _key_for(parameter: str) -> str:
    from zmdocs.indicators.keys import key_for  # the glossary is read on first use

    return key_for(parameter) or re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "_", parameter.lower()).strip("_")


def _normalized(ind: Indicator) -> dict | None:
    if ind.ordinal or not ind.unit:
        return None
    from zmdocs.indicators.keys import key_kind
    from zmdocs.indicators.units import normalize, unit_symbol  # pint is heavy: loaded on use

    n = normalize(unit_symbol(ind.unit), ind.value, ind.min, ind.max, delta=key_kind(ind.key) == "delta")
    return n if n.get("unit") else None


COLUMNS = "parameter, comparator, value, unit, source"


def _fault(path: str, problem: str, hint: str) -> CompareError:
    return CompareError(f"{path}: {problem} — {hint}" if hint else f"{path}: {problem}")


def load_product(path: str | Path) -> ProductSpec:
    """Read a product specification CSV/YAML (zmdocs.schema.load_product_rows); a bad file raises
    CompareError naming the file and row."""
    from zmdocs.schema import load_product_rows

    name, rows = load_product_rows(path, _fault, COLUMNS)
    spec = ProductSpec(id=name, title=name, source=str(Path(path)))
    spec.indicators = [_indicator(rec, str(Path(path)), i, name) for i, rec in rows]
    return spec
