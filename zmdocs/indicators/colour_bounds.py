"""Colour boundaries of a chromaticity definition: `"Red" means … boundaries: R12 yellow boundary y = 0.340 …`.

A definition of a signal colour bounds its chromaticity area by lines; a line of a constant coordinate (`y = 0.340`,
`x = 0.500`) is a limit on that coordinate, and the corner points listed after it ("With intersection points: x y
R1 0.650 0.340 …") tell on which side the area lies (`<=` when every corner is at or below it). Sloped lines
(`y = 0.990 - x`) and boundaries without corner points are left out: their side is not stated as a number.
These limits are read in definitions clauses too (the colour a requirement names is set there), role requirement.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.model import Clause, Indicator
from zmdocs.text.numbers import parse_number

_NUM = r"(\d+(?:[.,]\d+)?)"
_BOUNDARY = re.compile(r"(?:\b[A-Z]{1,2}\d{2}\s+)?(?P<name>[a-z]+(?:[ -][a-z]+)?)\s+(?:boundary|limit)\s*:?\s*"
                       r"(?P<var>[xyz])\s*(?P<op>[=≤≥])\s*" + _NUM + r"(?P<more>\s*[-+–−]\s*(?:\d|[xyz]\b)|\s*[xyz]\b)?")
_POINTS_HEAD = re.compile(r"(?i)intersection\s+points|corner\s+points|co-?ordinates\s+of\s+the\s+corners")
_POINT = re.compile(r"^\s*[A-Z]{1,2}\d{1,2}\s+" + _NUM + r"\s+" + _NUM + r"\s*$", re.M)
_CUE = re.compile(r"(?i)chromaticity|trichromatic|colou?r")


def _points(text: str) -> list[tuple[float, float]]:
    """The (x, y) corner points listed after an "intersection points" line."""
    m = _POINTS_HEAD.search(text)
    if not m:
        return []
    out = []
    for p in _POINT.finditer(text, m.end()):
        x, y = parse_number(p.group(1)), parse_number(p.group(2))
        if x is not None and y is not None:
            out.append((x, y))
    return out


def _side(var: str, c: float, pts: list[tuple[float, float]]) -> str | None:
    """`<=` or `>=`: the side of the line `var = c` all corner points lie on (None when they straddle it)."""
    vals = [x if var == "x" else y if var == "y" else 1.0 - x - y for x, y in pts]
    if vals and all(v <= c + 1e-6 for v in vals):
        return "<="
    if vals and all(v >= c - 1e-6 for v in vals):
        return ">="
    return None


def colour_boundaries(c: Clause, lang: str | None) -> list[Indicator]:
    """The constant-coordinate boundaries of one clause's chromaticity definition, each a limit on x, y or z."""
    text = c.text or ""
    if lang not in (None, "en", "fr", "de") or not _CUE.search(f"{c.heading} {text[:300]}"):
        return []
    pts = _points(text)
    if len(pts) < 3:
        return []
    lead = text[: _POINTS_HEAD.search(text).start()].split("\n")[0].strip()
    out = []
    for m in _BOUNDARY.finditer(text[: _POINTS_HEAD.search(text).start()]):
        value = parse_number(m.group(4))
        if m.group("more") or value is None or m.group("op") != "=":
            continue
        side = _side(m.group("var"), value, pts)
        if side is None:
            continue
        line = m.group().strip()
        ind = make(f"{m.group('name')} boundary ({m.group('var')})", side, value=value, conditions=[c.heading or ""],
                   clause=c.id, page=c.page, text=f"{lead} {line}")
        ind._term_rule = True  # a limit although read in a definition (roles._clause_role); not serialised
        out.append(ind)
    return out
