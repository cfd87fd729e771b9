"""English regulation wordings of bounds (issue #11), on text written for these tests (no corpus text): tolerances
after "of" that look like paragraph numbers, unequal deviations around a nominal, "+/-", event rates in words,
"between:" with a colon, labelled minimum/maximum lines, classes a rule leaves out."""

from __future__ import annotations

from zmdocs.indicators import extract_document, extract_text
from zmdocs.indicators.common import gold_tuple
from zmdocs.model import Clause, Document


def tuples(text: str, context: str = "") -> list:
    return sorted((gold_tuple(i) for i in extract_text(text, lang="en", context=context)), key=str)


def test_decimal_value_with_tolerance_after_of_is_no_paragraph_reference():
    assert tuples("The beacons shall rotate at a speed of 2.5 ± 0.5 Hz.") == [("tolerance", 2.5, "Hz")]
    assert tuples("The checks specified in 7.2 shall apply.") == []


def test_unequal_deviations_around_a_nominal():
    got = extract_text("Where bulbs are used, the rate shall be 3.0 +0.0/-0.5 Hz.", lang="en")
    assert [(i.comparator, i.value, i.min, i.max, i.unit) for i in got] == [("tolerance", 3, 2.5, 3, "Hz")]
    got = extract_text("The supply shall be 200 V +5/-10 %.", lang="en")
    assert [(i.comparator, i.value, i.min, i.max, i.unit) for i in got] == [("tolerance", 200, 180, 210, "V")]
    assert tuples("The input may vary by +5 %/-10 %.") == [("range", (-10, 5), "%")]  # no nominal: a band


def test_plus_slash_minus_spells_plus_minus():
    assert tuples("The beacons shall rotate at a speed of 2.5 +/- 0.5 Hz.") == [("tolerance", 2.5, "Hz")]


def test_event_rate_in_words():
    got = extract_text("The warning shall blink 60 ± 20 times per minute.", lang="en")
    assert [(i.comparator, i.min, i.max, gold_tuple(i)[2]) for i in got] == [("tolerance", 40, 80, "/min")]


def test_between_with_a_colon():
    assert tuples("The aim shall be set between: -1 per cent and -2 per cent.") == [("range", (-2, -1), "%")]
    assert tuples("The aim shall be set between:-1 per cent and -2 per cent.") == [("range", (-2, -1), "%")]


def _doc(text: str) -> list:
    doc = Document(id="D", lang="en", clauses=[Clause(id="c1", number="5.1", heading="", text=text, level=2, kind="other")])
    return sorted(gold_tuple(i) for i in extract_document(doc))


def test_labelled_minimum_and_maximum_lines_are_one_range():
    assert _doc("In height: minimum: Not less than 300 mm above the ground;\nmaximum: Not more than 800 mm above the ground.") \
        == [("range", (300, 800), "mm")]
    assert _doc("Within the range:\nMinimum: not less than 400 mm above the ground.\nMaximum: not more than 1,200 mm above the ground.") \
        == [("range", (400, 1200), "mm")]
    assert _doc("Minimum: not less than 400 mm above the ground.\nMaximum: not more than 2 s.") == sorted(
        [(">=", 400, "mm"), ("<=", 2, "s")])  # two units: two bounds


def test_a_class_the_rule_leaves_out_is_no_indicator():
    assert tuples("Two, approved according to the lamp regulations, excluding Class B lamps.", context="Number") == [("=", 2, "")]
    assert tuples("The device shall be of class B.") == [("=", "CLASSB", "")]


def test_activation_windows_and_switch_off_thresholds():
    assert _doc("The beacon shall not be activated at road speeds above 60 km/h.") == [("<=", 60, "km/h")]
    assert _doc("The signal shall be activated only when the road speed is above 30 km/h and the brake is applied.") \
        == [(">", 30, "km/h")]
    assert _doc("The lamps shall be switched off automatically when the ambient light exceeds 5000 lx.") == [(">", 5000, "lx")]
    assert _doc("The lamps shall be switched on when the driver opens the door.") == []


def test_positions_a_test_sets():
    got = _doc("The observer moves on a vertical plane 12 m from the side of the truck and on a second plane 12 m from the rear.")
    assert got == [("=", 12, "m"), ("=", 12, "m")]


def test_raised_limits_keep_the_kind_of_the_limit_named():
    text = ("If the body does not permit these upper limits to be respected, they may be increased to 2,400 mm for "
            "lamps of kind X, and to 2,200 mm for lamps of kind Y.")
    assert _doc(text) == [("<=", 2200, "mm"), ("<=", 2400, "mm")]
    assert _doc("The angle of 20° may be reduced to 10°.") == [("=", 10, "°")]


def test_named_extreme_is_a_bound():
    assert tuples("However, a maximum lamp height of 2,700 mm may be accepted where the body prevents it.") == [("<=", 2700, "mm")]
    assert tuples("The maximum value of B is 1,900 mm (see the figure).") == [("<=", 1900, "mm")]
    assert tuples("The maximum speed is 30 km/h.") == [("=", 30, "km/h")]  # a property stated
    assert tuples("The test voltage is 230 V.") == [("=", 230, "V")]


def test_where_a_device_is_mounted_names_the_devices_covered():
    from zmdocs.indicators.bands import drop_bands

    def banded(text: str) -> list:
        return sorted(gold_tuple(i) for i in drop_bands(extract_text(text, lang="en"), "en"))
    assert banded("For the lamps of kind B mounted below 700 mm, the inward angle of 40° may be reduced to 15°.") == [("=", 15, "°")]
    assert banded("The lamp shall be mounted below 1,400 mm.") == [("<", 1400, "mm")]


def test_share_within_which_a_value_differs_from_a_reference():
    assert _doc("The intake volume is within ± 30 % of the approved unit.") == [("<=", 30, "%")]
    assert _doc("The accuracy of the reading shall be to within ± 3 % of the true value.") == [("range", (-3, 3), "%")]


def test_sentence_opening_if_span_names_a_case():
    text = ("If the reading found in the check referred to in paragraph 9.4.2 above exceeds by more than 0,4 m⁻¹ the reading "
            "recorded at approval, the unit shall be tested again.")
    assert tuples(text) == []
    assert tuples("If the gap does not exceed 1.5 mm, it is deemed to comply.") == [("<=", 1.5, "mm")]


def test_unit_with_a_letter_l_for_superscript_one():
    assert tuples("The coefficient shall not exceed 0,6 m⁻l.") == [("<=", 0.6, "m⁻¹")]
    assert tuples("The post is 5 m-long.") == [("=", 5, "m")]


def test_counts_in_words_after_a_bound():
    assert tuples("For dimming, at least one pair of beacons shall be switched on.") == [(">=", 1, "")]
    assert tuples("A maximum of four optional markers per side may be fitted.") == [("<=", 4, "")]
    assert tuples("At least one lamp is needed.") == []


def test_allowance_after_a_long_reference_to_a_limit():
    text = ("For units with a turbo the coefficient measured in the free test shall not exceed the limit given in Annex 3 for "
            "the nominal flow value matching the highest coefficient measured during the runs at steady speeds, plus 0,4 m-1.")
    assert tuples(text) == [("<=", 0.4, "m⁻¹")]


def test_prohibition_over_two_labelled_lines():
    text = ("The height of the markers shall not be:\nLess than: 300 mm for small vehicles, and 450 mm for all other vehicles, "
            "both measured from the lowest point; and\nMore than: 1,400 mm, measured from the highest point.")
    assert _doc(text) == sorted([("range", (300, 1400), "mm"), ("range", (450, 1400), "mm")])
