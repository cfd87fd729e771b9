"""Bounds a table leaves unsaid that the document's own wording implies (standards of the ISO/IHO/OIML kind).

- A row or column label that holds an abbreviation the document defines as an uncertainty, error or tolerance
  ("total horizontal uncertainty (THU)" … "Depth THU [m]") makes a bare cell an upper bound, as the spelled-out
  words in the label would.
- A bare percentage of an extent examined (a feature search, an inspection, a sampling, an overlap) is a least
  extent: a lower bound, as a coverage is.
- A value stated "=" for a parameter named as a permitted extreme ("The maximum permissible error is 0.5 mm",
  "the minimum required coverage is 100 %") is that bound (<=, >=): the words say it is a limit, not a design value
  (a bare "maximum speed is 25 km/h" stays as stated).
- A bare value after a semicolon in a cell that states a bound before it ("> 2 m, in depths down to 40 m; 10 % of
  depth beyond 40 m") is the same bound for the other case.
"""

from __future__ import annotations

import re

from zmdocs.indicators.bound_words import LOWER_HINT, UPPER_HINT
from zmdocs.indicators.common import direction

# "total horizontal uncertainty (THU)": up to six words, then a capitalised abbreviation in parentheses
_DEFINED = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,6})\(\s*([A-Z]{2,6})\s*\)")
_ABBR = re.compile(r"\b[A-Z]{2,6}\b")
_PERMITTED_MAX = re.compile(r"(?i)\bmaximum\s+(?:permissible|allowable|permitted|allowed|admissible|acceptable)\b")
_PERMITTED_MIN = re.compile(r"(?i)\bminimum\s+(?:permissible|allowable|permitted|allowed|admissible|acceptable|required)\b")
_EXTENT = re.compile(r"(?i)\b(?:search|inspection|sampling|overlap)\b")


def defined_abbreviations(texts) -> dict[str, str]:
    """Abbreviations defined in running text, with the words whose initials they are ("THU" -> "total horizontal
    uncertainty"); the first definition wins."""
    out: dict[str, str] = {}
    for t in texts:
        for m in _DEFINED.finditer(t or ""):
            abbr, words = m.group(2), m.group(1).split()
            lead = words[-len(abbr):] if len(words) >= len(abbr) else []
            if lead and "".join(w[0] for w in lead).upper() == abbr:
                out.setdefault(abbr, " ".join(lead))
    return out


def apply_implied_bounds(doc, inds: list) -> list:
    """Bare "=" table values made "<=" under an abbreviation of an uncertainty, ">=" for a percentage examined."""
    abbrevs: dict[str, str] | None = None
    _share_across_semicolon(inds)
    for ind in inds:
        if ind.comparator == "=" and not ind.ordinal and (getattr(ind, "origin", None) or {}).get("type") != "table" \
                and (m := _permitted(ind.parameter or "")):
            ind.comparator = m
            ind.direction = direction(ind)
            continue
        origin = getattr(ind, "origin", None) or {}
        if origin.get("type") != "table" or ind.comparator != "=" or not getattr(ind, "_bare", False) or ind.ordinal:
            continue
        if ind.unit == "%" and _EXTENT.search(ind.parameter or ""):
            ind.comparator = ">="
        else:
            if abbrevs is None:
                abbrevs = defined_abbreviations(c.text for c in getattr(doc, "clauses", []) or [])
            if not any(_upper(abbrevs.get(a, "")) for a in _ABBR.findall(ind.parameter or "")):
                continue
            ind.comparator = "<="
        ind.direction = direction(ind)
    return inds


def _upper(words: str) -> bool:
    """Whether spelled-out words name an upper bound (an uncertainty, a maximum) and no lower one."""
    return bool(words) and bool(UPPER_HINT.search(words)) and not LOWER_HINT.search(words)


def _cell_of(ind) -> tuple | None:
    o = getattr(ind, "origin", None) or {}
    return (o.get("table"), o.get("row"), o.get("col")) if o.get("type") == "table" and "row" in o else None


def _share_across_semicolon(inds: list) -> None:
    """A bare value after the first ";" of its cell takes the bound of the cell's value before it."""
    by_cell: dict[tuple, list] = {}
    for ind in inds:
        if (cell := _cell_of(ind)) is not None and ";" in (ind.text or ""):
            by_cell.setdefault(cell, []).append(ind)
    for group in by_cell.values():
        before, _, after = group[0].text.partition(";")
        bounds = [i for i in group if i.comparator in ("<", ">", "<=", ">=") and _shows(before, i.value)]
        for ind in group:
            if bounds and ind.comparator == "=" and getattr(ind, "_bare", False) and _shows(after, ind.value) \
                    and not _shows(before, ind.value):
                ind.comparator = bounds[0].comparator
                ind.direction = direction(ind)


def _shows(text: str, value) -> bool:
    """Whether a number is written in `text` (not as part of a longer number)."""
    if not isinstance(value, (int, float)):
        return False
    num = f"{value:g}"
    return bool(re.search(rf"(?<![\d.]){re.escape(num)}(?![\d])", text.replace(",", ".")))


def _permitted(param: str) -> str | None:
    """"<=" for a parameter named a maximum permissible/allowable value, ">=" for a minimum required one, else None."""
    up, low = bool(_PERMITTED_MAX.search(param)), bool(_PERMITTED_MIN.search(param))
    return None if up == low else "<=" if up else ">="
