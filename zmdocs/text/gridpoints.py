"""Test points of an angular light-distribution grid, written one way: "10U 10L", "5D H", "V 5R", "V H".

A photometric grid prints its rows (vertical angles) and columns (horizontal angles) as "10U" / "5 D" / "10°L", as
the 0° line "H" or "V" (documents label it either way), or as bare angles ("10°", "5°", "0°") when the text layer
lost the drawn arrows: then the rows printed above the 0° row are up (U), those below it down (D), and the columns
left of the 0° column are left (L), those right of it right (R). The canonical form writes the angle without "°"
or spaces, the 0° row as "V" and the 0° column as "H" (the position in "row column" says which line is meant).
"""

from __future__ import annotations

import re

# one test point as printed: an angle with its direction, a bare angle, or the H / V line itself
POINT = r"(?:\d+(?:[.,]\d+)?\s?°?\s?[UDLR]|\d+(?:[.,]\d+)?\s?°(?![\w°])|[HV])"
_POINT_TOKEN = re.compile(rf"^\s*{POINT}\s*$")
_DIRECTED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s?°?\s?([UDLR])\s*$")
_BARE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s?°\s*$")
# a canonical point condition: "10U", "2.5L", or the 0° line
_CANON_ROW = re.compile(r"^(?:\d+(?:\.\d+)?[UD]|V|H)$")
_CANON_COL = re.compile(r"^(?:\d+(?:\.\d+)?[LR]|H|V)$")
_CANON_ONE = re.compile(r"^\d+(?:\.\d+)?[UD]$")  # alone, "10L" may as well be 10 litres


def is_point(s: str) -> bool:
    """Whether `s` is one printed test point ("10U", "5 °L", "10°", "H")."""
    return bool(_POINT_TOKEN.match(s or ""))


def _angle(num: str) -> str:
    return num.replace(",", ".")


def _is_zero(num: str) -> bool:
    return float(_angle(num)) == 0.0


def canonical_axis(labels: list[str], row: bool) -> list[str]:
    """The canonical points of one axis's labels in print order (rows top to bottom, columns left to right).

    Bare angles take their direction from the side of the 0° label; without a 0° label they are left as written."""
    before, after, zero = ("U", "D", "V") if row else ("L", "R", "H")
    bare = [i for i, s in enumerate(labels) if _BARE.match(s or "")]
    zeros = [i for i in bare if _is_zero(_BARE.match(labels[i]).group(1))]
    out = []
    for i, s in enumerate(labels):
        s = (s or "").strip()
        d, b = _DIRECTED.match(s), _BARE.match(s)
        if s in ("H", "V"):
            out.append(zero)
        elif d:
            out.append(zero if _is_zero(d.group(1)) else f"{_angle(d.group(1))}{d.group(2)}")
        elif b and len(zeros) == 1:
            n = b.group(1)
            out.append(zero if _is_zero(n) else f"{_angle(n)}{before if i < zeros[0] else after}")
        else:
            out.append(s.replace(" ", ""))
    return out


def point_tag(conditions: list[str] | tuple[str, ...]) -> tuple[str | None, list[str]]:
    """(the grid point a condition list names, "10U 10L", or None; the other conditions).

    A row point and a column point (canonical, as the grid readers write them) make one point; a single angle up or
    down ("10U") is a point of its own row. A lone "H", "V" or "10L" is left as written."""
    pts = [c.strip() for c in conditions if c and (_CANON_ROW.match(c.strip()) or _CANON_COL.match(c.strip()))]
    rest = [c for c in conditions if not (c and (_CANON_ROW.match(c.strip()) or _CANON_COL.match(c.strip())))]
    if len(pts) == 2 and _CANON_ROW.match(pts[0]) and _CANON_COL.match(pts[1]):
        return f"{pts[0]} {pts[1]}", rest
    if len(pts) == 1 and _CANON_ONE.match(pts[0]):
        return pts[0], rest
    return None, list(conditions)
