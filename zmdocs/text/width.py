"""Character width: full-width forms folded to half-width, and terminal columns of CJK text.

Two foldings on purpose: `to_halfwidth` (for text that is read and shown: Chinese punctuation （）：；，！？～
stays full-width, odd spaces become " ", invisible characters go) and `fold_chars` (for number and
unit scanning: one character for one, so offsets into the original text hold, （）～ become ()~).
"""

from __future__ import annotations

import re
import unicodedata

# Invisible or space-like characters.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"), " ")

# Full-width ASCII block FF01-FF5E -> 0021-007E, except signs Chinese text keeps full-width
# for meaning or typography: （）：；，。！？ stay as they are (they mark Chinese punctuation),
# ＜＞ are mapped to < > (comparators), ～ is kept as the range sign ～ (indicators read it).
_KEEP_FULLWIDTH = set("（）：；，！？～")
_FW = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FW_TABLE = {**_ZERO_WIDTH, **_SPACES, **_FW}


def to_halfwidth(text: str) -> str:
    """Map full-width digits, letters and ASCII signs to half-width and odd spaces to ' '."""
    text = text.translate(_FW_TABLE)
    # Full-width comma/percent/period between digits are numeric punctuation.
    if "，" in text:
        text = re.sub(r"(?<=\d)，(?=\d{3}\b)", ",", text)
    return text


# One-to-one character folding (keeps offsets): full-width digits/signs/letters, dashes, spaces, micro, ohm.
_FOLD = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"}
_FOLD.update({ord(a): b for a, b in {
    "．": ".", "＜": "<", "＞": ">", "＝": "=", "＋": "+", "－": "-", "−": "-", "–": "-", "‑": "-",
    "～": "~", "〜": "~", "∼": "~", "％": "%", "（": "(", "）": ")", "／": "/", "≦": "≤", "≧": "≥",
    "μ": "µ", "\u2126": "Ω", "\u212a": "K", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\u2002": " ",
    "\u2003": " ", "＇": "'", "·": "·", "•": "·", "⋅": "·", "∙": "·", "×": "×", "：": ":",
}.items()})


def fold_chars(text: str) -> str:
    """Fold full-width and look-alike characters to one form, keeping every character offset."""
    return text.translate(_FOLD)


# a degree sign typeset as a raised letter o ("10o above", "0.25o radius", "20oC"), or as º / ˚ (NFKC makes º an "o")
_RAISED_O = re.compile(r"(?<![A-Za-z\d.,])(\d+(?:[.,]\d+)?)[oº˚](?=[CF]\b|[^A-Za-z\d]|$)")


def raised_degrees(text: str) -> str:
    """Degree signs set as a raised "o", "º" or "˚" after a number written as "°", keeping every character offset."""
    if not any(c in text for c in "oº˚"):
        return text
    return _RAISED_O.sub(lambda m: m.group(1) + "°", text)


# "266 K (-7 °C) $ 3 K", "within $ 5 km/h of": a text layer that lost the plus-minus sign's glyph prints "$" where a
# quantity's tolerance or a deviation band opens (after a value's unit, its bracketed equivalent or "within", before a
# number and a unit)
_LOST_PM = re.compile(r"((?:\d\s?[A-Za-z°%µ/²³]{1,6}|\d\s?°[CF]?\)|\bwithin)\s)\$(?=\s?\d[\d.,]*\s?[A-Za-z°%µ])")
# "266 K (-7 °C) ± 3 K": the bracketed equivalent in another unit between a value and its tolerance
_EQUIV_BEFORE_PM = re.compile(r"(?<=\d\s[A-Za-z°%µ])(\s?\(\s?[-+−]?\s?\d[\d.,]*\s?°?\s?[A-Za-z]{1,3}\))(?=\s?±)")


# "4.0 +/- 1.0 Hz": the plus-minus sign spelt in ASCII between a value and its tolerance
_ASCII_PM = re.compile(r"(?<=\d)(\s?)\+\s?/\s?[-−](?=\s?\d)")


def lost_plus_minus(text: str) -> str:
    """A "$" standing for a lost "±", or "+/-" spelling it, between a quantity and its tolerance, offsets kept."""
    if "+/" in text:
        text = _ASCII_PM.sub(lambda m: m.group(1) + " ±" + " " * (len(m.group()) - len(m.group(1)) - 2), text)
    if "$" not in text:
        return text
    return _LOST_PM.sub(lambda m: m.group(1) + "±", text)


# "every 10 000 km (± 400 km)": a value's tolerance in brackets right after it
_PAREN_PM = re.compile(r"(\d\s?[A-Za-z°%µ/²³]{1,6})(\s?)\((\s?±\s?\d[\d.,]*\s?[A-Za-z°%µ/²³]{1,6}\s?)\)")


def drop_equivalent_before_tolerance(text: str) -> str:
    """"266 K (-7 °C) ± 3 K" -> "266 K         ± 3 K": the value's bracketed equivalent blanked, and the brackets
    of a tolerance right after its value ("10 000 km (± 400 km)") opened, offsets kept."""
    if "±" not in text or "(" not in text:
        return text
    t = _EQUIV_BEFORE_PM.sub(lambda m: " " * len(m.group(1)), text)
    return _PAREN_PM.sub(lambda m: m.group(1) + m.group(2) + " " + m.group(3) + " ", t)


def display_width(s: str) -> int:
    """Terminal columns of `s`: wide and full-width characters (CJK) count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def fit_cell(s: str, width: int) -> str:
    """`s` cut to `width` terminal columns (with "…" when cut) and padded with spaces: a table cell."""
    if display_width(s) > width:
        while s and display_width(s + "…") > width:
            s = s[:-1]
        s += "…"
    return s + " " * max(0, width - display_width(s))
