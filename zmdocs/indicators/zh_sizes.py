"""Chinese sizes written a×b ("网眼100mm×100mm", "一块2000mm×150mm的标识"): one value per distinct side.

The product sign is rewritten as a list comma ("2000mm、150mm"), so a bound before the size applies to every
side (`statements.share_listed_bounds`); a square's repeated side is written once. The cues that make a size a
value ("一块…的", "能内接一个…的矩形") are in `patterns_zh`.
"""

from __future__ import annotations

import re

_LEN = r"(?:mm|cm|m)(?![A-Za-z²³/])"
_SIZE = re.compile(rf"(?<![\d.×])(\d+(?:\.\d+)?)\s*({_LEN})?\s*[×xX]\s*(\d+(?:\.\d+)?)\s*({_LEN})?(?![\d.×])")


def size_sides(text: str) -> str:
    """"100mm×100mm" -> "100mm", "2000mm×150mm" -> "2000mm、150mm", "500×700mm" -> "500mm、700mm"."""
    if "×" not in text and "x" not in text and "X" not in text:
        return text

    def repl(m: re.Match) -> str:
        a, ua, b, ub = m.group(1), m.group(2), m.group(3), m.group(4)
        if not ua and not ub:
            return m.group()  # no length unit: a product or a layout, not a size
        ua, ub = ua or ub, ub or ua
        if float(a) == float(b) and ua == ub:
            return f"{a}{ua}"
        return f"{a}{ua}、{b}{ub}"

    return _SIZE.sub(repl, text)
