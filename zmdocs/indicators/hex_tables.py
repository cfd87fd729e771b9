"""Tables of hexadecimal constants (an S-box, a lookup table, test vectors of an algorithm): no indicators.

A table whose cells are nearly all one- to eight-digit hex words, many of them mixing digits and the letters A-F
("D6", "2B", "9C", an OCR'd "OB" or "7℃" too), lists constants: "1A" is no 1 A, "7C" no 7 °C.
"""

from __future__ import annotations

import re

from zmdocs.model import Table

_HEX_WORD = re.compile(r"^\s*[0-9A-FOa-f]{1,8}\s*[℃]?\s*$")
_MIXED = re.compile(r"^\s*(?=[0-9A-FO]*[0-9])(?=[0-9A-FO]*[A-F])[0-9A-FO]{2,8}\s*$")


def hex_table(t: Table) -> bool:
    """Whether at least 80 % of the body cells are hex words and at least 20 % mix digits and letters (16+ cells)."""
    cells = [c for r in t.body for c in r if c.strip()]
    if len(cells) < 16:
        return False
    hexes = sum(1 for c in cells if _HEX_WORD.match(c))
    mixed = sum(1 for c in cells if _MIXED.match(c))
    return hexes >= 0.8 * len(cells) and mixed >= 0.2 * len(cells)
