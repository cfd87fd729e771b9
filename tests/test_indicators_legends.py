"""Figure dimension legends and lost comparison glyphs (zmdocs.indicators.legends), on text written for these tests."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.legends import lost_comparison_glyphs

_LOST = "\ufffd"


def tuples(text: str) -> list:
    return sorted((gold_tuple(i) for i in extract_text(text, lang="en")), key=str)


def test_dimension_legend_lines_are_limits_in_the_lead_in_unit():
    text = "Sizes of the mirror frame:\nHorizontal dimensions in mm:\nP ≤ 300\nQ ≥ 150\nR ≤ 2,400\n12"
    assert sorted(tuples(text)) == [("<=", 300, "mm"), ("<=", 2400, "mm"), (">=", 150, "mm")]


def test_band_line_without_legend_lead_in_stays_a_band():
    assert all(t[1] != 0.8 for t in tuples("h ≤ 0.8\nThe aim shall be at least 2 mm."))


def test_lost_glyph_read_from_the_bound_in_words():
    text = f"The gap shall be not less than 700 mm.\nP {_LOST} 700, or, {_LOST} 500 for narrow frames\nQ {_LOST} 90"
    got = lost_comparison_glyphs(text)
    assert "P ≥ 700, or, ≥ 500" in got and len(got) == len(text)
    assert f"Q {_LOST} 90" in got  # nothing tells its sign: no guess


def test_lost_glyph_after_prose_on_the_same_line():
    assert "is a maximum d ≤ 3.50 m" in lost_comparison_glyphs(f"The angle is a maximum d {_LOST} 3.50 m")
    assert lost_comparison_glyphs("no lost glyph here") == "no lost glyph here"


def test_number_opening_an_expression_is_no_value():
    assert tuples("The alert is given when T ≤ 2.5 / 40 × Vs.") == []
