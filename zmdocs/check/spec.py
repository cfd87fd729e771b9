"""A product's parameters: CSV or YAML with `parameter, value, unit[, conditions]`.

CSV: a header row (UTF-8, comma, semicolon or tab); YAML: a list of mappings, or a mapping with
`product` and `parameters`. Values go through `parse_number` (so `1,250` is 1250); a value with
its unit in the same cell (`60 kg`) is split when the unit column is empty; other text values
(`IPX4`, `是`) are kept as text and can only be compared to an ordinal limit.
"""

from __future__ import annotations

import csv
import io
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


def _records(text: str, path: Path) -> tuple[str, list[tuple[int, dict]]]:
    name = path.stem
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            raise ParseError(str(path), "not valid YAML", "write a list of mappings with parameter, value, unit") from None
        if isinstance(data, dict):
            name = str(data.get("product") or data.get("name") or name)
            data = data.get("parameters")
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ParseError(str(path), "expected a list of parameter/value/unit mappings", "see `zmdocs check --help`")
        return name, [(i, {str(k).strip().lower(): v for k, v in r.items()}) for i, r in enumerate(data, 1)]
    first = text.split("\n", 1)[0]
    delim = max((",", ";", "\t"), key=first.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delim)
    fields = [(f or "").strip().lower() for f in reader.fieldnames or []]
    if "parameter" not in fields or "value" not in fields:
        raise ParseError(str(path), "the CSV has no parameter and value columns",
                         "add a header row: parameter,value,unit[,conditions]")
    rows = []
    for i, r in enumerate(reader, 2):
        rec = {(k or "").strip().lower(): (v or "").strip() for k, v in r.items() if k}
        if any(rec.values()):
            rows.append((i, rec))
    return name, rows


def load_spec(path: str | Path) -> ProductData:
    """Read product data; a bad file raises ParseError naming the file (and row)."""
    p = Path(path)
    if not p.is_file():
        raise ParseError(str(p), "no such file", "check the path of the product data")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ParseError(str(p), f"cannot read ({e.__class__.__name__})", "save it as UTF-8 CSV or YAML") from None
    name, rows = _records(text, p)
    if not rows:
        raise ParseError(str(p), "no parameters", "add rows of parameter,value,unit")
    return ProductData(name, str(p), [_param(rec, p, i) for i, rec in rows])
