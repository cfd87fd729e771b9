"""Kinds of wording and table layout of data/product specifications and regulations (issue #11), on text and tables
written for these tests (no corpus text): symbol and attribute columns, phrase sub-header rows, title-cased units,
informative tables, counts under a "Number" clause, stated scale values, lead-ins and band lines, settings named by
a property of the test medium, positions on a scale, deviations and ranges of several spellings."""

from __future__ import annotations

from zmdocs.indicators import extract_document
from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.spec_tables import dot_decimal, promote_subheader, symbol_columns, text_value_columns
from zmdocs.indicators.tables import extract_table
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Clause, Document, Table


def tuples(inds) -> list[tuple]:
    return sorted((i.comparator, i.value if i.comparator != "range" else (i.min, i.max), unit_symbol(i.unit or "")) for i in inds)


def test_symbol_columns_hold_unitless_values_and_leading_dot_decimals():
    table = Table(id="t1", header_rows=1, rows=[
        ["Zone", "Hue", "u", "v", "Alpha"], ["Lake", "Grey", ".41", ".52", "0.5"], ["Sea", "Green", ".12", ".33", "1"]])
    assert dot_decimal(".41") == "0.41" and dot_decimal("-.5") == "-0.5" and dot_decimal("1.5") == "1.5"
    assert symbol_columns(table.body, ["Zone", "Hue", "u", "v", "Alpha"], 2) == {2, 3, 4}
    assert symbol_columns(table.body, ["Zone", "Hue", "Year", "No", "L"], 2) == {4}  # years and list numbers are not
    assert tuples(extract_table(table, lang="en")) == [
        ("=", 0.12, ""), ("=", 0.33, ""), ("=", 0.41, ""), ("=", 0.5, ""), ("=", 0.52, ""), ("=", 1.0, "")]


def test_numbers_among_text_values_of_an_attribute_table_are_values():
    table = Table(id="t2", header_rows=1, rows=[
        ["Key", "Meaning", "Field 1"], ["unit", "Unit of the field", "metres"], ["kind", "Storage kind", "FLOAT32"],
        ["nodata", "Missing value marker", "9999"], ["low", "Least value allowed", "-50"]])
    assert text_value_columns(table.body, 2, 3) == {2}
    assert tuples(extract_table(table, lang="en")) == [("=", -50.0, ""), ("=", 9999.0, "")]
    plain = Table(id="t3", header_rows=1, rows=[["Key", "Meaning", "Field 1"], ["a", "x", "3"], ["b", "y", "4"]])
    assert text_value_columns(plain.body, 2, 3) == set()  # no text values: an ordinary column


def test_phrase_row_under_the_header_is_a_sub_header_with_the_unit():
    table = Table(id="t4", header_rows=1, rows=[
        ["Scale", "Cell size", "Block @ 5 MB", "Block @ 50 MB"],
        ["(any)", "", "Approximate side length in Nautical Miles for a 400 X 400 grid", "Approximate side length in Nautical Miles for a 900 X 900 grid"],
        ["1:50,000", "20 metres", "4 X 4", "9 X 9"], ["1:20,000", "10 metres", "2 X 2", "4.5 X 4.5"],
        ["1:10,000", "5 metres", "1 X 1", "2.2 X 2.2"], ["1:5,000", "2 metres", "0.5 X 0.5", "1.1 X 1.1"]])
    assert promote_subheader(table).header_rows == 2
    got = [t for t in tuples(extract_table(table, lang="en")) if t[2] == "M"]
    assert got == sorted(("=", v, "M") for v in (4.0, 9.0, 2.0, 4.5, 1.0, 2.2, 0.5, 1.1))  # no MB, one value a square
    short = Table(id="t5", header_rows=1, rows=[["Item", "A", "B"], ["x", "1", "2"], ["y", "3", "4"], ["z", "5", "6"], ["w", "7", "8"]])
    assert promote_subheader(short).header_rows == 1


def test_units_in_words_capitalised_in_a_column():
    assert unit_symbol("Degrees") == "°" and unit_symbol("Nautical Miles") == "M" and unit_symbol("lumens") == "lm"
    table = Table(id="t6", header_rows=1, rows=[["Setting", "Angle"], ["Left", "120 Degrees"], ["Right", "60 Degrees"]])
    assert tuples(extract_table(table, lang="en")) == [("=", 60.0, "°"), ("=", 120.0, "°")]


def test_a_table_the_caption_or_its_clause_calls_informative_is_informative():
    c = Clause(id="D#3", number="3", heading="Display", text="Informative values for the lamp angles are given in Table 3-1.")
    t1 = Table(id="t", number="3-1", clause="D#3", caption="Lamp angles", header_rows=1,
               rows=[["Lamp", "Angle (°)"], ["Left", "30"], ["Right", "45"]])
    t2 = Table(id="u", number="3-2", clause="D#3", caption="Sample contents of the record", header_rows=1,
               rows=[["Field", "Size (mm)"], ["a", "10"], ["b", "20"]])
    inds = extract_document(Document(id="D", lang="en", clauses=[c], tables=[t1, t2]))
    assert len(inds) == 4 and {i.role for i in inds} == {"informative"}


def test_counts_under_a_number_clause_and_permitted_counts():
    parent = Clause(id="D#6", number="6", heading="Number", text="")
    sub1 = Clause(id="D#6.1", number="6.1", heading="", parent="D#6", text="One device mandatory and a second device optional.")
    sub2 = Clause(id="D#6.2", number="6.2", heading="", parent="D#6", text="Three devices mandatory and two devices optional.")
    own = Clause(id="D#7", number="7", heading="Number", text=(
        "Two visible from the side.\nOptional: further lamps may be fitted as follows:\n(a) Two visible from the front;"))
    inds = extract_document(Document(id="D", lang="en", clauses=[parent, sub1, sub2, own]))
    assert sorted((i.clause, i.value) for i in inds) == [("D#6.1", 1.0), ("D#6.2", 3.0), ("D#7", 2.0)]


def test_values_a_scale_or_a_fixed_attribute_states():
    assert tuples(extract_text("The value of the grid rank in this profile is 3. It is fixed.", lang="en")) == [("=", 3.0, "")]
    assert tuples(extract_text("A value of 1 represents full opacity. A value of 0 means none.", lang="en")) == [
        ("=", 0.0, ""), ("=", 1.0, "")]
    assert extract_text("The steps are: 1. Fill the tank 2. Close it", lang="en") == []  # list numbers stay masked


def test_case_lead_ins_and_band_lines_are_conditions():
    assert extract_text("When the rated power of the heater exceeds 2,000 watts:", lang="en") == []
    assert tuples(extract_text("When tested, the current shall not exceed 2 A:", lang="en")) == [("<=", 2.0, "A")]
    text = "The tilt shall stay within these values:\nd ≤ 1.2\nLimits: between -1.0 per cent and -2.0 per cent\nd > 1.2\nLimits: between -1.5 per cent and -2.5 per cent"
    assert tuples(extract_text(text, lang="en")) == [("range", (-2.5, -1.5), "%"), ("range", (-2.0, -1.0), "%")]


def test_second_bound_of_an_applicability_band_is_a_condition():
    from zmdocs.indicators.bands import drop_bands

    got = drop_bands(extract_text("On trailers not exceeding 8 m in length and not exceeding 2.5 m in width, permitted.", lang="en"), "en")
    assert got == []


def test_permitted_deviation_in_an_at_span_and_on_the_next_line():
    text = "The output may differ from the declared one as follows:\nRated output ± 3 %\nat the other speeds + 5 %\n- 3 %."
    assert tuples(extract_text(text, lang="en")) == [("range", (-3.0, 3.0), "%"), ("range", (-3.0, 5.0), "%")]


def test_range_with_a_slash_and_formula_terms():
    assert tuples(extract_text("The peak shall lie in the range 600/620 nm.", lang="en")) == [("range", (600.0, 620.0), "nm")]
    assert extract_text("R Log 2 -2N00", lang="en") == []


def test_a_test_medium_named_by_its_property_is_a_setting():
    got = extract_text("The reading shall not drift by more than 0,2 m⁻¹ when the cell is filled with a gas having a "
                       "light absorption coefficient of 2,5 m⁻¹.", lang="en")
    assert tuples(got) == [("<=", 0.2, "m⁻¹"), ("=", 2.5, "m⁻¹")]
    assert [i.parameter for i in got if i.comparator == "="] == ["light absorption coefficient"]
    near = extract_text("The stray light shall not exceed 2 units when the tube holds smoke having an opacity near 40 %.", lang="en")
    assert ("=", 40.0, "%") in tuples(near)


def test_below_and_above_after_a_limit_place_it_on_a_scale():
    got = extract_text("The sensor shall have a response of less than 3 % of its peak below 400 nm and above 700 nm.", lang="en")
    assert tuples(got) == [("<", 3.0, "%")]
    two = extract_text("The voltage shall be less than 5 V below 20 °C and the current above 3 A.", lang="en")
    assert tuples(two) == [("<", 5.0, "V"), (">", 3.0, "A")]  # a second limit with its own subject stays


def test_unitless_range_between_named_readings():
    got = extract_text("Use three gases giving readings between the readings 10 and 90 on the scale.", lang="en")
    assert ("range", (10.0, 90.0), "") in tuples(got)


def test_within_owns_its_value_inside_a_span_and_up_to_a_count_in_words():
    got = extract_text("The temperature of the air at the inlet measured within 0,2 m upstream of the filter shall be recorded.", lang="en")
    assert tuples(got) == [("<=", 0.2, "m")]
    assert tuples(extract_text("Readings shall be taken over a set of up to three other speeds.", lang="en")) == [("<=", 3.0, "")]


def test_tables_a_lead_in_names_by_range_that_may_follow_another_document_and_scale_values():
    from zmdocs.indicators.roles import _in_range

    assert _in_range("4-2", "see Tables 4-1 - 4-3 for the colours") and not _in_range("4-5", "Tables 4-1 - 4-3")
    assert _in_range("2.3", "Tables 2.1 to 2.4 list them") and not _in_range("3.2", "Tables 2.1 to 2.4")
    c = Clause(id="D#4", number="4", heading="Colours", text="Zone colours (Tables 4-1 - 4-2) may follow the ABC catalogue. "
                                                           "A value of 1 represents full opacity.")
    tabs = [Table(id=n, number=n, clause="D#4", caption="Zone colours", header_rows=1,
                  rows=[["Zone", "x", "y"], ["Deep", ".30", ".31"], ["Shallow", ".22", ".24"]]) for n in ("4-1", "4-2")]
    inds = extract_document(Document(id="D", lang="en", clauses=[c], tables=tabs))
    assert len(inds) == 9 and {i.role for i in inds} == {"informative"}
