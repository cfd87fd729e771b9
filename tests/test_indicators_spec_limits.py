"""Specification tables (issue #11): parameter | unit | minimum | maximum | test method, product columns of bounded
cells, stacked rows, placeholders, footnote markers, separators. Every table here is written by the test."""

from __future__ import annotations

from zmdocs.indicators import stacked_rows as sr
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.roles import role_of
from zmdocs.indicators.spec_limits import spec_table
from zmdocs.indicators.tables import extract_table
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Table

_HEAD2 = [["Property", "Unit", "Limits 1/", "Limits 1/", "Test method"],
          ["Property", "Unit", "minimum", "maximum", "Test method"]]


def _inds(rows: list[list[str]], header_rows: int = 2) -> list:
    return extract_table(Table(id="t", number="", header_rows=header_rows, rows=rows), "en", clause="c")


def _got(rows: list[list[str]], header_rows: int = 2) -> list[tuple]:
    return [gold_tuple(i) for i in _inds(rows, header_rows)]


def test_minimum_and_maximum_columns_give_one_bound_per_cell() -> None:
    got = _got(_HEAD2 + [["Mass density", "kg/m3", "700", "720", "ISO 1111"],
                         ["Ignition point", "°C", "61", "-", "EN 2222"],
                         ["Ratio of elements", "", "report", "report", ""],
                         ["Sulphur content 3/", "mg/kg", "-", "40", "ISO 3333-2"],
                         ["Oxygen content", "per cent m/m", "-", "2,5", "EN 4444"],
                         ["Ash content", "per cent m/m", "-", "1 000", "EN 5555"]])
    assert (">=", 700.0, "kg/m³") in got and ("<=", 720.0, "kg/m³") in got
    assert not any(c == "range" for c, _, _ in got)  # two bounds, never one range
    assert (">=", 61.0, "°C") in got and ("<=", 40.0, "mg/kg") in got  # "-" and the footnote marker: nothing
    assert ("<=", 2.5, "% m/m") in got  # a decimal comma; "per cent m/m" as "% m/m"
    assert ("<=", 1000.0, "% m/m") in got  # a thousands space in an ordinary row
    assert not any(v in (1111.0, 2222.0, 3333.0, 3.0, 1.0) for _, v, _ in got)  # test methods, markers: no values
    assert len(got) == 6


def test_rating_class_and_unitless_rows() -> None:
    got = _got(_HEAD2 + [["Strip corrosion", "", "-", "class 1", "ISO 7"],
                         ["Knock index", "", "91.0", "-", "EN 8"],
                         ["Induction time 2/", "min.", "300", "-", "EN 9"]])
    assert ("<=", 1.0, "") in got and (">=", 91.0, "") in got
    assert (">=", 300.0, "min") in got  # "min." in the unit column is minutes


def test_row_label_setting_once_per_table_and_label() -> None:
    inds = _inds(_HEAD2 + [["Mass density at 20 °C", "kg/m3", "700", "720", "ISO 1"],
                           ["Kinematic viscosity at 50 °C", "mm2/s", "2.0", "4.0", "ISO 2"],
                           ["Water at 5C", "", "free", "free", "visual"]])
    got = [gold_tuple(i) for i in inds]
    assert got.count(("=", 20.0, "°C")) == 1 and got.count(("=", 50.0, "°C")) == 1
    assert ("=", 5.0, "°C") in got  # the degree sign lost by the text layer; the setting holds for a "free" row
    assert all(getattr(i, "_setting", False) for i in inds if i.unit == "°C")


def test_stacked_row_is_read_line_by_line() -> None:
    rows = _HEAD2 + [["Boiling: - first drop - evaporated at 80 °C - last drop", "°C per cent v/v °C",
                      "30 45.0 -", "50 55.0 200", "ISO 5 ISO 5 ISO 5"],
                     ["Make-up: Gas X Rest N2", "per cent mole per cent mole per cent mole", "90 -", "100 2", "ISO 6 ISO 6"]]
    inds = _inds(rows)
    got = [gold_tuple(i) for i in inds]
    for t in [(">=", 30.0, "°C"), ("<=", 50.0, "°C"), (">=", 45.0, "% v/v"), ("<=", 55.0, "% v/v"), ("<=", 200.0, "°C"),
              ("=", 80.0, "°C"), (">=", 90.0, "% mol"), ("<=", 100.0, "% mol"), ("<=", 2.0, "% mol")]:
        assert t in got, t
    assert not any(v in (3045.0, 55200.0, 30.45) for _, v, _ in got)
    assert {i.parameter for i in inds if i.value == 45.0} == {"Boiling: evaporated at 80 °C"}


def test_stacked_row_helpers() -> None:
    assert sr.unit_list("°C per cent v/v per cent v/v °C") == ["°C", "per cent v/v", "per cent v/v", "°C"]
    assert sr.unit_list("mg KOH/g") == [] or len(sr.unit_list("mg KOH/g")) < 2
    assert sr.stack_depth("kg/m3", ["1 000"]) == 1  # one unit: a thousands group, not two lines
    assert sr.stack_depth("°C °C", ["10 20", "-"]) == 2
    assert sr.split_cell("5 -", 3) == ["5", "-", ""]
    assert sr.split_label("Cut: - a - b", 2) == ["Cut: a", "Cut: b"]
    assert sr.split_label("Cut: a b", 2) == ["Cut: a b", "Cut: a b"]


def test_basis_column_is_a_stated_value_and_group_rows_are_conditions() -> None:
    rows = [["Characteristics", "Units", "Basis", "Limits", "Limits", "Test Method"],
            ["Characteristics", "Units", "Basis", "min.", "max.", "Test Method"],
            ["Test gas Q1", "Test gas Q1", "Test gas Q1", "Test gas Q1", "Test gas Q1", "Test gas Q1"],
            ["Heating index", "MJ/m3 3/", "41.0", "40.0", "42.0", ""]]
    inds = _inds(rows)
    got = {gold_tuple(i): i for i in inds}
    assert set(got) == {("=", 41.0, "MJ/m³"), (">=", 40.0, "MJ/m³"), ("<=", 42.0, "MJ/m³")}
    assert got[("=", 41.0, "MJ/m³")]._stated and not got[(">=", 40.0, "MJ/m³")]._stated
    assert all("Test gas Q1" in i.conditions for i in inds)


def test_product_columns_carry_their_own_bounds_and_the_unit_column_wins() -> None:
    rows = [["Parameter", "Unit", "Gas A", "Gas B", "Test method"],
            ["Make-up:", "", "", "", "ISO 10"],
            ["Propane", "per cent vol", "40 ± 3", "70 ± 3", ""],
            ["Butane", "per cent vol", "balance", "balance", ""],
            ["Residue", "mg/kg", "max. 40", "max. 40", "ISO 11"],
            ["Strip corrosion", "Rating", "class 1", "Class 1", "ISO 12 1/"],
            ["Odour", "", "characteristic", "characteristic", ""],
            ["Knock index", "", "min. 88", "min. 86", "EN 13"]]
    inds = _inds(rows, header_rows=1)
    got = [gold_tuple(i) for i in inds]
    assert ("tolerance", 40.0, "% vol") in got and ("tolerance", 70.0, "% vol") in got
    assert got.count(("<=", 40.0, "mg/kg")) == 2 and got.count(("=", 1.0, "")) == 2
    assert (">=", 88.0, "") in got and (">=", 86.0, "") in got
    assert not any(u == "A" for _, _, u in got)  # "Gas A" names a product, not the ampere
    tol = next(i for i in inds if i.comparator == "tolerance" and i.value == 40.0)
    assert (tol.min, tol.max) == (37.0, 43.0) and "Gas A" in tol.conditions


def test_other_layouts_are_left_to_the_table_reader() -> None:
    no_unit = Table(id="t", header_rows=2, rows=[["Property", "Limits", "Limits"], ["Property", "minimum", "maximum"],
                                                  ["Mass", "1", "2"]])
    assert spec_table(no_unit, ["param", "", ""], "en", None, None) is None
    plain = Table(id="t", header_rows=1, rows=[["Item", "Unit", "Value"], ["Mass", "kg", "5"], ["Length", "m", "2"]])
    assert spec_table(plain, ["param", "unit", ""], "en", None, None) is None


def test_method_column_head_sets_no_test_condition_role() -> None:
    ind = _inds([["Parameter", "Unit", "Gas A", "Test method"], ["Residue", "mg/kg", "max. 40", "ISO 1"],
                 ["Propane", "per cent vol", "max. 5", ""], ["Sulphur", "mg/kg", "max. 9", ""]], header_rows=1)[0]
    assert role_of(ind, [], ("Gas A", "Parameter Unit Gas A Test method"), "") == "requirement"
    assert role_of(ind, [], ("Gas A", "Parameter Unit Gas A Test voltage"), "") == "test-condition"


def test_percent_basis_units_and_calorific_units() -> None:
    assert unit_symbol("per cent v/v") == "% v/v" and unit_symbol("per cent mole") == "% mol"
    assert unit_symbol("percent mass") == "% mass" and unit_symbol("per cent") == "%"
    assert unit_symbol("MJ/m3") == "MJ/m³"


def test_footnote_lines_are_sentences_of_their_own() -> None:
    text = "____\n1/ Inerts other than X\n2/ Value to be determined at 290.0 K (17 °C) and 100 kPa\n" \
           "3/ Value to be determined at 270.0 K (-3 °C) and 100 kPa"
    got = [gold_tuple(i) for i in extract_text(text, "en") if getattr(i, "_setting", False)]
    assert ("=", 290.0, "K") in got and ("=", 270.0, "K") in got


def test_zero_distance_or_duration_is_no_setting() -> None:
    got = [gold_tuple(i) for i in extract_text("Readings are taken at the start of the run (0 km) and at 500 km; "
                                               "values at 0 h are not used.", "en") if getattr(i, "_setting", False)]
    assert ("=", 0.0, "km") not in got and ("=", 0.0, "h") not in got and ("=", 500.0, "km") in got
    assert ("=", 0.0, "°C") in [gold_tuple(i) for i in extract_text("The sample is conditioned at 0 °C.", "en")]


def test_cells_that_write_their_own_bound_or_range() -> None:
    got = _got(_HEAD2 + [["Acidity", "mg KOH/g", "-", "≤ 0.5", "ISO 1"], ["Colour", "mg/kg", "2 to 4", "-", "ISO 2"],
                         ["Haze", "", "see note", "-", ""]])
    assert ("<=", 0.5, "mg KOH/g") in got and ("range", (2.0, 4.0), "mg/kg") in got and len(got) == 2
