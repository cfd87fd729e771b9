"""Comparator lexicon (zh/en/de/fr): the words and signs that state a limit, and the comparator each means.

`comparator_of` reads a comparator written on its own (a product CSV column: "max", "不大于", "≥");
`cue_pattern` is the alternation of the words that introduce a quantity in running text ("not more
than 5 W", "不小于 10 mm"), longest first. Abbreviations (max, min) are comparators on their own but not
cues: "5 min" in running text is a duration. The indicator extractor's modal patterns (应不大于, shall
not exceed) are richer grammar and live with it (`zmdocs.indicators.patterns_zh`/`patterns_en`).
"""

from __future__ import annotations

import re

# Canonical comparators: <=, <, >=, >, =, range, tolerance.
LEXICON: dict[str, tuple[str, ...]] = {
    "<=": ("≤", "<=", "=<", "不大于", "不超过", "不高于", "不多于", "最大为", "at most", "not more than", "not exceeding",
           "no more than", "höchstens", "au plus"),
    ">=": ("≥", ">=", "=>", "不小于", "不低于", "不少于", "至少", "最小为", "at least", "not less than", "no less than",
           "mindestens", "au moins"),
    "<": ("<", "＜", "小于", "低于", "少于", "less than", "below"),
    ">": (">", "＞", "大于", "高于", "超过", "多于", "more than", "greater than", "exceeding", "above"),
    "=": ("=", "==", ""),
    "range": ("range", "~", "～"),
    "tolerance": ("tolerance", "±"),
}
# Comparators on their own (a table or CSV column), never cues in running text.
ABBREVIATIONS: dict[str, str] = {"max": "<=", "max.": "<=", "maximum": "<=", "min": ">=", "min.": ">=", "minimum": ">="}

_BY_WORD = {w: op for op, words in LEXICON.items() for w in words} | ABBREVIATIONS


def comparator_of(word: str) -> str | None:
    """The canonical comparator of a word or sign written on its own ('max' -> '<=', '不小于' -> '>='); None if unknown."""
    w = re.sub(r"\s+", " ", (word or "").strip())
    return _BY_WORD.get(w.lower(), _BY_WORD.get(w))


def cue_pattern(ops: tuple[str, ...] = ("<=", ">=", "<", ">")) -> str:
    """A regex alternation of the cue words of `ops` (longest first, so 不大于 wins over 大于)."""
    words = {w for op in ops for w in LEXICON[op] if w}
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


def cue_comparator(word: str) -> str | None:
    """The comparator of a cue word found by `cue_pattern` (case- and spacing-insensitive)."""
    op = comparator_of(word)
    return op if op in ("<=", ">=", "<", ">") and word.strip().lower() not in ABBREVIATIONS else None
