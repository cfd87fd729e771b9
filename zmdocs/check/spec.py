"""A product's parameters: CSV or YAML with `parameter, value, unit[, conditions]`.

CSV: a header row (UTF-8, comma, semicolon or tab; other columns are ignored); YAML: a list of
mappings, or a mapping with `product` and `parameters` (an unknown key is an error naming it).
Both are read by the one loader of product files, `zmdocs.schema.load_product_rows`. Values go
through `parse_number` (so `1,250` is 1250); a value with its unit in the same cell (`60 kg`) is split when the unit column is empty; other text values
(`IPX4`, `是`) are kept as text and can only be compared to an ordinal limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from zmdocs.errors import ParseError
from zmdocs.text.numbers import parse_number
from zmdocs.text.width import fold_chars as fold

_VALUE_UNIT = re.compile(r"^\s*([-+]?\d[\d,.\s]*)\s*([^\d\s].*)?$")


@dataclass
class Param:
    """One row of the product data."""

    parameter: str
    value: float | int | str | None
    unit: str = ""
    conditions: list[str] = field(default_factory=list)
    row: int = 0


@dataclass
class ProductData:
    name: str
    source: str
    params: list[Param] = field(default_factory=list)


def _value(raw, unit: str) -> tuple[float | int | str | None, str]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, unit
    if isinstance(raw, bool):
        return str(raw).lower(), unit
    if isinstance(raw, (int, float)):
        return raw, unit
    s = fold(str(raw)).strip()
    v = parse_number(s)
    if v is not None:
        return v, unit
    m = _VALUE_UNIT.match(s)
    if m and m.group(2) and not unit:
        v = parse_number(m.group(1).strip())
        if v is not None:
            return v, m.group(2).strip()
    return str(raw).strip(), unit


def _param(rec: dict, path: Path, row: int) -> Param:
    name = str(rec.get("parameter") or "").strip()
    if not name:
        raise ParseError(str(path), f"row {row}: the parameter column is empty", "name the parameter, e.g. 整车质量 or mass")
    unit = str(rec.get("unit") or "").strip()
    value, unit = _value(rec.get("value"), unit)
    conds = rec.get("conditions")
    if isinstance(conds, str):
        conditions = [c.strip() for c in re.split(r"[;；]", conds) if c.strip()]
    else:
        conditions = [str(c) for c in conds or []]
    return Param(name, value, unit, conditions, row)


COLUMNS = "parameter, value, unit[, conditions]"


def load_spec(path: str | Path) -> ProductData:
    """Read product data (zmdocs.schema.load_product_rows); a bad file raises ParseError naming the file (and row)."""
    from zmdocs.schema import load_product_rows

    name, rows = load_product_rows(path, ParseError, COLUMNS)
    return ProductData(name, str(Path(path)), [_param(rec, Path(path), i) for i, rec in rows])
