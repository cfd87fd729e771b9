"""Rules for English regulation wording: a lost "±" glyph, negated disjunct bounds, min./max. list cells."""

from __future__ import annotations

from zmdocs.indicators import extract_table, extract_text
from zmdocs.indicators.common import gold_tuple
from zmdocs.model import Table
from zmdocs.text.width import drop_equivalent_before_tolerance, lost_plus_minus


def _tuples(text: str) -> list[tuple]:
    return [gold_tuple(i) for i in extract_text(text, "en")]


def test_lost_plus_minus_keeps_offsets_and_spares_prices():
    s = "The bath is held at 350 K (77 °C) $ 4 K."
    assert lost_plus_minus(s) == s.replace("$", "±")
    assert lost_plus_minus("The fee is $ 20 per sample.") == "The fee is $ 20 per sample."
    t = drop_equivalent_before_tolerance("held at 350 K (77 °C) ± 4 K")
    assert t == "held at 350 K         ± 4 K" and len(t) == len("held at 350 K (77 °C) ± 4 K")


def test_tolerance_after_bracketed_equivalent_and_lost_glyph():
    inds = extract_text("The bath shall be held at 350 K (77 °C) $ 4 K.", "en")
    assert [(i.comparator, i.min, i.max, i.unit) for i in inds] == [("tolerance", 346, 354, "K")]
    assert _tuples("The belt speed shall be within $ 2 m/s of the drum speed.") == [("range", (-2.0, 2.0), "m/s")]


def test_strict_bound_after_negated_one_reads_inclusive():
    got = _tuples("The oil temperature may not fall below 310 K (37 °C), or exceed 330 K (57 °C) at any time.")
    assert got == [("range", (310.0, 330.0), "K")]  # ">= 310 K" and "<= 330 K", paired into one range
    got = _tuples("The speed shall not be less than 20 km/h, or more than 60 km/h when the belt is loaded.")
    assert (">", 60.0, "km/h") not in got
    # without a negation "or more than" stays strict
    assert (">", 9.0, "V") in _tuples("The alarm sounds when the supply is less than 4 V or more than 9 V.")


def test_minmax_list_cell_one_bound_per_entry():
    t = Table(id="t1", header_rows=1, rows=[
        ["Property", "Limits", "Method"],
        ["Density Hardness Acid number Water",
         "min. 1,20 kg/l max. 1,30 kg/1 min. 40 max. 60 min. 110 °C max. 140 max. 0,40 mg KOH/g max. 0,08 % mass",
         "X 1 X 2 X 3"],
    ])
    got = sorted(gold_tuple(i) for i in extract_table(t, "en"))
    want = sorted([(">=", 1.2, "kg/L"), ("<=", 1.3, "kg/L"), (">=", 40.0, ""), ("<=", 60.0, ""), (">=", 110.0, "°C"),
                   ("<=", 140.0, "°C"), ("<=", 0.4, "mg KOH/g"), ("<=", 0.08, "% mass")])
    assert got == want, got


def test_bracketed_tolerance_after_its_value():
    inds = extract_text("Samples are taken every 5 000 km (± 250 km) or more frequently.", "en")
    assert [(i.comparator, i.min, i.max, i.unit) for i in inds] == [("tolerance", 4750, 5250, "km")]


def test_no_longer_than_and_or_equal_inside_a_test_frame():
    assert _tuples("The pause shall be no longer than 8 minutes if the rig is cold.") == [("<=", 8.0, "min")]
    assert _tuples("The oil shall be at a temperature less than or equal to 310 K (37 °C).") == [("<=", 310.0, "K")]


def test_nor_for_more_than_after_a_negated_lower_bound():
    got = _tuples("The sample is conditioned for not less than 4 hours nor for more than 24 hours before the test.")
    assert got == [(">=", 4.0, "h"), ("<=", 24.0, "h")]


def test_second_alternative_of_whichever_is_greater():
    got = _tuples("The spacing should be no greater than 4 times the depth or 30 metres, whichever is greater.")
    assert got == [("<=", 4.0, ""), ("<=", 30.0, "m")]
    got = _tuples("The gap shall be at least 2 mm or 5 % of the width, whichever is greater.")
    assert got == [(">=", 2.0, "mm"), (">=", 5.0, "%")]


def test_list_item_taken_for_a_title_is_read_as_text():
    from zmdocs.indicators import extract_document
    from zmdocs.model import Clause, Document

    doc = Document(id="D", lang="en", clauses=[
        Clause(id="D#4.1", number="4.1", heading="the third run is carried out at a steady speed of 40 km/h,"),
        Clause(id="D#4.2", number="4.2", heading="Conveyor belts of 30 metres"),
    ])
    got = sorted(gold_tuple(i) for i in extract_document(doc))
    assert got == [("=", 40.0, "km/h")]  # a title naming a size stays a title


def test_grid_with_bare_angles_dashes_and_a_describing_sentence_after_it():
    from zmdocs.indicators.grids import grid_indicators

    text = "Table for lamp class X\n10° 40 - 80 - 40\n0° 80 100 100 100 80\n10° 40 - 80 - 40\n10° 5° 0° 5° 10°"
    after = "The values shown in the table give the minimum intensities as a percentage of the axis value."
    rest, inds = grid_indicators(text, "Light distribution", clause="C", after=after)
    assert rest.strip() == "Table for lamp class X"
    assert sorted(gold_tuple(i) for i in inds) == sorted(
        [(">=", 40.0, "%")] * 4 + [(">=", 80.0, "%")] * 4 + [(">=", 100.0, "%")] * 3)
    assert ["10U", "H"] in [i.conditions for i in inds]  # the row above 0° (U) and the middle column (H)
    _, plain = grid_indicators(text, "Light distribution", clause="C")
    assert {i.comparator for i in plain} == {"="}  # nothing says what the values are


def test_reference_axis_coordinates_are_not_indicators():
    assert _tuples("The direction H = 0° and V = 0° corresponds to the reference axis.") == []
    assert _tuples("The lamp shall be tilted by 0 ° to 5 °.") != []


def test_blank_record_sheet_and_empty_dotted_field_give_nothing():
    from zmdocs.indicators import extract_document
    from zmdocs.indicators.forms import blank_form
    from zmdocs.model import Clause, Document

    sheet = Table(id="f", clause="D#1", header_rows=0, rows=[
        ["Pump speed, min-1", "Pump speed, min-1", "", ""], ["Flow, l/min", "No 1", "", ""],
        ["Flow, l/min", "No 2", "", ""]])
    assert blank_form(sheet)
    full = Table(id="g", clause="D#1", header_rows=1, rows=[["Item", "Limit", "Note"], ["Flow", "5 l/min", ""],
                                                            ["Speed", "900 min-1", ""]])
    assert not blank_form(full)
    doc = Document(id="D", lang="en", clauses=[
        Clause(id="D#1", number="1", text="Bulk density: .................................. kg/m³ at 293 K")],
        tables=[sheet])
    assert extract_document(doc) == []
    assert _tuples("The density shall be 0,85 kg/l at 293 K.") != []


def test_sentence_opened_by_as_a_minimum_bounds_its_value():
    assert _tuples("As a minimum, an evenly spread sampling density of 4 % is required for the lot.") == [(">=", 4.0, "%")]
    assert _tuples("As a maximum, the uncovered share of the strip is 2 %.") == [("<=", 2.0, "%")]
    assert _tuples("The share is 5 %. As a minimum, the boat is manned.") == [("=", 5.0, "%")]


def test_with_a_maximum_noun_of_and_range_to_at_least():
    got = _tuples("The air temperature is taken in the stream with a maximum distance of 2 m from the rig.")
    assert got == [("<=", 2.0, "m")]
    assert _tuples("The belt runs within the operating range of 5 m/s to at least 9 m/s.") == [("range", (5.0, 9.0), "m/s")]
    assert _tuples("It lasts at least 9 min.") == [(">=", 9.0, "min")]


def test_one_before_a_singular_unit_of_time_is_a_value():
    assert _tuples("The dial shall be read within one minute of the stop.") == [("<=", 1.0, "min")]
    assert _tuples("The part is kept for at least one hour after cooling.") == [(">=", 1.0, "h")]
    assert _tuples("One lamp is fitted on each side.") == []
