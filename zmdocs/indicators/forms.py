"""Forms to be filled in (a test report sheet, an information document): their printed numbers are no indicators."""

from __future__ import annotations

import re

_MIN_EMPTY_COLUMNS = 2
# "Specific density: ........ g/cm³ at 288 K": the condition of an empty, dotted field (its value is to be entered)
EMPTY_FIELD_CONDITION = re.compile(r"(?:\.\s?){8,}\s*(?:[A-Za-zµ°%/³²\d]{1,8}\s+)?at\s+[-+]?\d[\d.,]*\s?(?:°\s?)?[A-Za-z]{1,3}\b")


def blank_form(table) -> bool:
    """True for a record sheet: at least two columns are empty in every body row (values to be entered)."""
    body = [r for r in (table.rows or [])[table.header_rows:] if r]
    if len(body) < 2:
        return False
    ncol = max(len(r) for r in body)
    empty = [j for j in range(ncol) if all(not (r[j] if j < len(r) else "").strip() for r in body)]
    return len(empty) >= _MIN_EMPTY_COLUMNS and len(empty) < ncol
