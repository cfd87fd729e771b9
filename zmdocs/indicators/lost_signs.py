"""Comparison signs a document converter lost: "Prüfwert für C alpha-ges* 0,1 Becquerel pro Liter".

Some HTML-to-Markdown conversions of German law texts print a ≤ or ≥ between a symbol and a number as "*" glued
to the symbol ("alpha-ges* 0,1", "Menge* 1 000"). The sign cannot be read back from the "*" alone; the line (or the
lead-in line before it, ending with a colon) tells it: a limit or check value, or compliance with a condition, is
an upper bound (≤); a minimum is a lower bound (≥). Without such a word the "*" stays as written.

PDF text layers that lost the glyphs of a symbol font print "$" for "±" and "%" for "≤": a "$" before a number and a
physical unit ("resolved to $ 0.2 kPa", "40 $ 2 per cent") is a "±" (no currency amount takes a unit), and a "%"
glued to the front of a number after an opening bracket or a list comma ("(%1 ppm CO, %400 ppm CO2)") is a "≤".
"""

from __future__ import annotations

import re

from zmdocs.indicators.legends import lost_comparison_glyphs
from zmdocs.indicators.units import UNIT_PATTERN

_LOST = re.compile(r"(?<=[^\W\d_])\*(?=[ \t]+-?\d)")
_UPPER = re.compile(r"(?i)prüfwert|grenzwert|höchstwert|nachweisgrenze|\bEinhaltung\b|\blimit\b")
_LOWER = re.compile(r"(?i)mindest")
_DOLLAR_PM = re.compile(r"\$(?=[ \t]?\d[\d.,]*[ \t]?(?:" + UNIT_PATTERN + r")(?![\w/]))")
_PERCENT_LE = re.compile(r"(?:(?<=[(,;:][ \t])|(?<=\())%(?=\d)")


def lost_symbol_glyphs(text: str) -> str:
    """`text` with the "$" of a lost "±" and the "%" of a lost "≤" restored (offsets kept)."""
    if "$" in text:
        text = _DOLLAR_PM.sub("±", text)
    if "%" in text:
        text = _PERCENT_LE.sub("≤", text)
    return lost_comparison_glyphs(text)


def restore_lost_signs(text: str) -> str:
    """`text` with each "<symbol>* <number>" whose line names its bound written with the sign ("≤"/"≥")."""
    text = lost_symbol_glyphs(text)
    if "*" not in text:
        return text
    lines = text.split("\n")
    for k, ln in enumerate(lines):
        if not _LOST.search(ln):
            continue
        context = ln + (" " + lines[k - 1] if k and lines[k - 1].rstrip().endswith(":") else "")
        up, low = bool(_UPPER.search(context)), bool(_LOWER.search(context))
        if up != low:
            lines[k] = _LOST.sub(" ≤" if up else " ≥", ln)
    return "\n".join(lines)
