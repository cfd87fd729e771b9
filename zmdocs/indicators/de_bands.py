"""German list items that open with the band they hold for: "2. von mehr als 50 bis 100 Kilowatt in einem …".

A provision listing cases ("… bei einer Gesamtwärmeleistung der Feuerungsanlage / 1. bis 50 Kilowatt …
um mindestens 1 Meter überragt, / 2. von mehr als 50 bis 100 Kilowatt …") opens each item with the band of
the case; the requirement follows in the same item. The opening band is a condition, not a limit. An item
that is only a value ("a) unter 25 Prozent") states a limit and is left alone.
"""

from __future__ import annotations

import re

from zmdocs.text.numbers import parse_number

_NUM = r"\d[\d\s,.]*?"
_ITEM_BAND = re.compile(
    r"(?im)^\s*(?:\d{1,2}\.|[a-z]\))\s+(?:bei\s+[\wäöüß-]+\s+)?(?:von\s+)?"
    r"(?:mehr\s+als|weniger\s+als|über|unter|bis(?:\s+einschließlich)?|ab)\s+(?P<num>" + _NUM + r")\s*"
    r"(?:(?!bis\b)[^\W\d]{1,12})?(?:\s*bis(?:\s+einschließlich)?\s+(?P<num2>" + _NUM + r")\s*[^\W\d]{1,12})?"
    r"(?=\s+[^\n]*?\d)")


def item_bands(text: str) -> list[tuple[float, str, str]]:
    """(value, "", band text) of each German list item's opening band that a requirement with a value follows."""
    out = []
    for m in _ITEM_BAND.finditer(text or ""):
        for g in ("num", "num2"):
            v = parse_number(re.sub(r"\s+", "", m.group(g) or "").rstrip(".,"), "de") if m.group(g) else None
            if v is not None:
                out.append((v, "", m.group().strip()))
    return out
