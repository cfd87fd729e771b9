"""Fractions in words before a unit (zmdocs.text.numbers.fraction_words), on text written for the test."""

from __future__ import annotations

import re

from zmdocs.text.numbers import fraction_words

_UNITS = re.compile(r"(?i)(?:degrees?|seconds?|hours?)\b")


def test_fraction_words():
    assert fraction_words("within one and one-half seconds", _UNITS) == "within 1.5 seconds"
    assert fraction_words("by one-quarter of a degree", _UNITS) == "by 0.25 degree"
    assert fraction_words("one half of the lamps", _UNITS) == "one half of the lamps"
