"""English regulation wordings that set or turn a bound (issue #11), on text written for these tests: a precision, a
one-sided tolerance, a value "being exceeded", a bound under "None of … shall" or a negated verb, and values an
if-clause or a relative clause only describes."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.indicators.common import gold_tuple


def tuples(text: str) -> list:
    return sorted((gold_tuple(i) for i in extract_text(text, lang="en")), key=str)


def test_precision_of_is_an_upper_bound():
    assert tuples("The aim of the beam shall be specified with a precision of 0.2 per cent by the maker.") == [("<=", 0.2, "%")]


def test_tolerance_to_one_side_is_one_sided():
    assert tuples("A tolerance of 2 degrees to the side of the kerb shall be allowed.") == [("<=", 2, "°")]
    assert tuples("The marks shall coincide with a tolerance of 3 mm.") == [("range", (-3, 3), "mm")]  # two-sided


def test_value_being_exceeded_is_a_lower_bound():
    got = tuples("(b) A wind speed of 5 m/s and/or a gust speed of 8 m/s being exceeded for a period;")
    assert got == [(">", 5, "m/s"), (">", 8, "m/s")]


def test_none_of_turns_the_bound():
    assert tuples("None of the extra lamps described in paragraph 4.2. above shall be mounted lower than 300 mm.") == [(">=", 300, "mm")]


def test_negated_verb_turns_a_bound_in_its_scope():
    got = tuples("The beam shall not cross the kerb line at distances from the lamp which are larger than 40 times the lamp height.")
    assert got == [("<=", 40, None)] or got == [("<=", 40, "")]
    got = tuples("The lamp shall not illuminate the road at distances which are greater than 25 m from the vehicle.")
    assert got == [("<=", 25, "m")]
    assert tuples("The lamp shall not illuminate the road unless the speed is greater than 25 km/h.") != [("<=", 25, "km/h")]


def test_if_clause_or_relative_clause_value_is_a_case():
    assert tuples("A washer shall be fitted if the total flux of the lamps of one side exceeds 3,000 lm per side.") == []
    assert tuples("Lamps having a flux which exceeds 3,000 lm shall be fitted with a washer.") == []


def test_fractions_in_words_before_a_unit():
    assert tuples("The aim may deviate by not more than one-quarter of a degree from the axis.") == [("<=", 0.25, "°")]
    got = tuples("The lamp shall light within not more than one second and go out within not more than two and one-half seconds.")
    assert got == [("<=", 1, "s"), ("<=", 2.5, "s")]
    assert tuples("One half of the lamps shall be red.") == []  # no unit after it: a share of a set, left alone


def test_reciprocal_minute_with_a_letter_l_for_the_superscript_one():
    assert tuples("The speed shall not deviate by more than ± 20 min⁻l.") == [("range", (-20, 20), "r/min")]
    assert tuples("The speed shall not deviate by more than 5 min.") == [("<=", 5, "min")]
