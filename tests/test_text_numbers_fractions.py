"""Numbers in words (zmdocs.text.numbers): fractions before a unit, a number spelled then given in digits; text written for the tests."""

from __future__ import annotations

import re

from zmdocs.text.numbers import fraction_words

_UNITS = re.compile(r"(?i)(?:degrees?|seconds?|hours?)\b")


def test_fraction_words():
    assert fraction_words("within one and one-half seconds", _UNITS) == "within 1.5 seconds"
    assert fraction_words("by one-quarter of a degree", _UNITS) == "by 0.25 degree"
    assert fraction_words("one half of the lamps", _UNITS) == "one half of the lamps"


def test_spelled_then_digits():
    from zmdocs.text.numbers import spelled_then_digits

    assert spelled_then_digits("at least five (5) samples", "en") == "at least 5 samples"
    assert spelled_then_digits("four (5) W", "en") == "four (5) W"  # the two disagree: left alone
