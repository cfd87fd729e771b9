"""Symbols a passage defines ("if D is the diameter of the exhaust pipe"): a number before such a symbol ("6 D")
is a multiple of the defined quantity, not a value in a unit."""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=512)
def _definition(sym: str) -> re.Pattern:
    return re.compile(r"(?<![\w])" + re.escape(sym) + r"\s+(?:is|denotes|represents|being|=)\s+(?:the|a|an)\b")


def defined_symbol(sym: str, text: str) -> bool:
    """Whether `text` (the passage) defines `sym`, a symbol of one to three letters, as a named quantity."""
    return 0 < len(sym) <= 3 and sym.isalpha() and bool(_definition(sym).search(text))
