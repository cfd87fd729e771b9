"""Comparison signs typeset as an underlined "<" or ">" (a short rule drawn under the glyph) read as "≤" / "≥".

Some legislative PDFs (typewriter-era rules set again) print "less than or equal to" as a "<" with a rule
under it: the text layer holds "<", the rule is a separate thin path. A rule counts as the sign's underline
when it is thin, lies between the glyph's middle and just below its box, covers most of the glyph's width and
is not much wider than it (a rule under a whole word or line is an underline of text, not part of a sign).
"""

from __future__ import annotations

_SIGNS = {"<": "≤", ">": "≥"}


def _under(c: dict, e: dict) -> bool:
    width = c["x1"] - c["x0"]
    if width <= 0 or e["bottom"] - e["top"] > 1.5 or e["x1"] - e["x0"] > 2.5 * width:
        return False
    mid = (c["top"] + c["bottom"]) / 2
    overlap = min(c["x1"], e["x1"]) - max(c["x0"], e["x0"])
    return mid <= e["top"] <= c["bottom"] + 2.0 and overlap >= 0.7 * width


def underlined_signs(chars: list[dict], edges: list[dict]) -> int:
    """Turn each "<" / ">" in `chars` with an underline among `edges` into "≤" / "≥" (in place); how many."""
    flat = [e for e in edges if e.get("orientation") in ("h", None) and e["bottom"] - e["top"] <= 1.5]
    n = 0
    for c in chars:
        if c["text"] in _SIGNS and any(_under(c, e) for e in flat):
            c["text"] = _SIGNS[c["text"]]
            n += 1
    return n
