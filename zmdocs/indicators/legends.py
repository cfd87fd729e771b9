"""Lines of one symbol and its bound ("h ≤ 0.8"): the band the lines after it hold for, unless a lead-in names them a
figure's dimensions ("Horizontal dimensions in mm:" over "A ≤ 400", "C ≤ 200"): then each is a limit in that unit.
A PDF text layer that lost the comparison glyph prints "A \ufffd 400"; the sign is read back from the passage (the same
number after a bound in words: "not less than 600 mm" -> ≥, or a bound word just before the symbol: "a maximum d"; an
"or, \ufffd 400" alternative takes the sign before it); a glyph the passage does not tell stays lost (no guessed sign)."""

from __future__ import annotations

import re

from zmdocs.indicators.quantity import Quantity
from zmdocs.indicators.units import UNIT_PATTERN, unit_symbol

_BAND_LINE = re.compile(r"[ \t]*[A-Za-zα-ω][A-Za-z0-9_]{0,2}[ \t]*(?:<=|>=|[<>≤≥])[ \t]*-?\d[\d.,]*[ \t]*[^\s\d]{0,4}[ \t]*")
_LEGEND_LEAD = re.compile(r"(?i)\b(?:dimensions?|distances?|sizes?)\s+in\s+(" + UNIT_PATTERN + r")\s*:\s*$")
_LEGEND_LINE = re.compile(r"[ \t]*[A-Za-z][A-Za-z0-9]{0,2}[ \t]*(?:<=|>=|[<>≤≥=])[ \t]*\d[^\n]*")
_LOST = re.compile(r"(?m)(?:^|(?<=[a-z] ))([ \t]*[A-Za-z][A-Za-z0-9]{0,3}[ \t]*)\ufffd(?=[ \t]*(\d[\d,.]*))|(\bor,?[ \t]*)\ufffd(?=[ \t]*(\d[\d,.]*))")
_GE_WORDS = r"(?:not\s+(?:be\s+)?(?:less|lower|smaller)\s+than|at\s+least|a\s+minimum\s+of|minimum)"
_LE_WORDS = r"(?:not\s+(?:be\s+)?(?:more|greater|higher|larger)\s+than|not\s+exceeding|(?:shall|must)\s+not\s+exceed|a\s+maximum\s+of|maximum|at\s+most|up\s+to)"


def band_line(t: str, q: Quantity) -> bool:
    """A line that is only a symbol's band with a further line after it; a dimension legend's line gets its unit instead."""
    start, end = t.rfind("\n", 0, q.start) + 1, t.find("\n", q.end)
    line_end = t.find("\n", q.start)
    if _LEGEND_LINE.fullmatch(t, start, line_end if line_end >= 0 else len(t)) and (unit := legend_unit(t, start)):
        q.unit = q.unit or unit
        return False
    return end > 0 and bool(t[end:].strip()) and bool(_BAND_LINE.fullmatch(t, start, end))


def legend_unit(t: str, start: int) -> str:
    """The unit a "… dimensions in mm:" lead-in above the line at t[start:] names, over a block of legend lines; "" else."""
    while start > 0:
        prev = t.rfind("\n", 0, start - 1) + 1
        line = t[prev:start - 1]
        m = _LEGEND_LEAD.search(line)
        if m:
            return unit_symbol(m.group(1)) or m.group(1)
        if not (_LEGEND_LINE.fullmatch(line) or line[:1].islower()):  # a legend line, or a wrapped one
            return ""
        start = prev
    return ""


def lost_comparison_glyphs(text: str) -> str:
    """`text` with the lost glyph of "A \ufffd 400" (a symbol's bound on a line, or its "or, \ufffd 400" alternative)
    written as "≤" or "≥" (offsets kept)."""
    if "\ufffd" not in text:
        return text
    out, last_sign, pos = [], "", 0
    for m in _LOST.finditer(text):
        at = m.end() - 1
        if m.group(1) is not None:
            last_sign = _sign_in_words(text, m.group(2)) or _sign_before(text, m.start())
        out.append(text[pos:at] + (last_sign or "\ufffd"))
        pos = at + 1
    return "".join(out) + text[pos:]


def _sign_before(text: str, at: int) -> str:
    """"≤"/"≥" when a bound word stands just before the symbol on its line ("is a maximum d \ufffd 3.5"), else ""."""
    before = text[max(text.rfind("\n", 0, at) + 1, at - 24):at]
    if re.search(r"(?i)\b(?:maximum|max\.|at\s+most)\s*$", before):
        return "≤"
    if re.search(r"(?i)\b(?:minimum|min\.|at\s+least)\s*$", before):
        return "≥"
    return ""


def _sign_in_words(text: str, number: str) -> str:
    """"≥"/"≤" when the passage states `number` after a bound in words, else ""."""
    num = re.escape(number.rstrip(".,"))
    if re.search(rf"(?i)\b{_GE_WORDS}\s+{num}(?![\d.,]\d)", text):
        return "≥"
    if re.search(rf"(?i)\b{_LE_WORDS}\s+{num}(?![\d.,]\d)", text):
        return "≤"
    return ""
