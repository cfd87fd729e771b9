"""English regulation wordings (issue #11), on text written for these tests (no corpus text): alternative bounds in
a parenthesis, counts a permission names, applicability bands ("the length of which exceeds"), "not further than",
angle lines labelled with the plane only."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.indicators.bands import drop_bands
from zmdocs.indicators.common import gold_tuple


def tuples(text: str, context: str = "") -> list:
    return sorted((gold_tuple(i) for i in drop_bands(extract_text(text, lang="en", context=context), "en")), key=str)


def test_parenthesis_with_several_alternative_bounds():
    text = ("In height: above the ground, not less than 300 mm nor more than 800 mm (not more than 1,100 mm if combined "
            "with any tail lamp(s), 1,600 mm if the body shape makes it impossible to keep within 800 mm or 1,100 mm respectively).")
    assert tuples(text) == sorted([("range", (300, 800), "mm"), ("<=", 1100, "mm"), ("<=", 1600, "mm")], key=str)


def test_single_alternative_bound_still_read():
    text = "In height: not less than 300 mm nor more than 1,400 mm (2,000 mm if the body shape makes it impossible to keep within 1,400 mm)."
    assert tuples(text) == sorted([("range", (300, 1400), "mm"), ("<=", 2000, "mm")], key=str)


def test_count_named_by_a_permission_is_no_count():
    text = ("Two, the performances of which shall conform to the requirements for class B. Additional devices (including "
            "three lamps not complying with paragraph 5.1. below) are permitted provided they do not impair visibility.")
    assert ("=", 3, "") not in tuples(text, context="Number")
    assert ("=", 2, "") in tuples(text, context="Number")
    assert ("=", 2, "") in tuples("Two.", context="Number")


def test_length_of_which_names_the_vehicles_covered():
    assert tuples("Mandatory: On all motor vehicles the length of which exceeds 8 m.") == []
    assert tuples("For N1 vehicles the length of which exceeds 5 m but does not exceed 9 m, the spacing shall not exceed 2 m.") \
        == [("<=", 2, "m")]
    assert tuples("This test applies to vehicles whose maximum mass exceeds 3,000 kg.") == []


def test_not_further_than_is_an_upper_bound():
    assert tuples("In width: the point shall not be farther than 120 mm from the outer edge.") == [("<=", 120, "mm")]
    assert tuples("In length: the foremost lamp being not further than 2 m from the front.") == [("<=", 2, "m")]
    assert tuples("The lamp shall be not closer than 50 mm to the mirror.") == [(">=", 50, "mm")]


def test_plane_label_states_each_angle():
    text = "Horizontal: outwards 25° and inwards 15°.\nVertical: upwards 5° and downwards 5°."
    assert tuples(text) == sorted([("=", 25, "°"), ("=", 15, "°"), ("=", 5, "°"), ("=", 5, "°")], key=str)


def test_multiple_of_a_defined_symbol_is_no_value():
    text = ("If D is the diameter of the pipe, the end is situated in a straight portion at least 8 D in length upstream "
            "and 2 D downstream; the pipe shall be at least 20 mm long.")
    assert tuples(text) == [(">=", 20, "mm")]


def test_unsigned_tolerance_and_difference():
    text = "The power may differ by ± 2 % from the declared power, with a tolerance of 1,5 % for the speed."
    assert tuples(text) == sorted([("range", (-2, 2), "%"), ("range", (-1.5, 1.5), "%")], key=str)
    assert tuples("The power at a conformity test may differ by 5 % from the value at the approval test.") == [("<=", 5, "%")]


def test_heading_that_states_a_value():
    from zmdocs.indicators import extract_document
    from zmdocs.model import Clause, Document

    doc = Document(id="D", lang="en", clauses=[
        Clause(id="c1", number="4.1", heading="Reference temperature (Tr): 293 K (20 °C)", text="", level=2, kind="other"),
        Clause(id="c2", number="4.2", heading="Reference pressure (pr): 101 kPa", text="Note: based on a humid air model.",
               level=2, kind="other")])
    got = sorted((i.clause, *gold_tuple(i)) for i in extract_document(doc))
    assert ("c1", "=", 293, "K") in got and ("c2", "=", 101, "kPa") in got


def test_lost_symbol_glyphs():
    text = "The pressure shall be capable of being resolved to $ 0.5 kPa and time to $ 10 seconds."
    assert tuples(text) == sorted([("range", (-0.5, 0.5), "kPa"), ("range", (-10, 10), "s")], key=str)
    got = tuples("Purified air: (%2 ppm CO, %300 ppm CO2); fuel gas: (30 $ 3 per cent hydrogen).")
    assert ("<=", 2, "ppm") in got and ("<=", 300, "ppm") in got
    assert ("tolerance", 30, "%") in got
    assert tuples("The budget is $ 5 million and 20 % of it is spent.") == []


def test_time_a_prohibition_allows():
    text = "The temperature may not fall below 250 K or exceed 256 K for more than three consecutive minutes."
    assert ("<=", 3, "min") in tuples(text)
    assert tuples("The supply shall not be interrupted for longer than 5 s.") == [("<=", 5, "s")]
    assert tuples("The lamp shall flash for more than 3 s.") == [(">", 3, "s")]


def test_values_restated_in_a_parenthesis_count_once():
    text = ("When equipped with lamps at 6 V, 12 V or 24 V, the values shall be corrected. "
            "The factor is the ratio of the flux found at the voltage applied (6 V, 12 V or 24 V).")
    assert tuples(text) == sorted([("=", 6, "V"), ("=", 12, "V"), ("=", 24, "V")], key=str)
