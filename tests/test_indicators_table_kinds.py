"""Table kinds found in the misses of the real gold (issue #11, UN R83 / OIML R 60-1 / TrinkwV), on tables and
passages written for these tests (no corpus text): a strict lead-in over bare cells, unitless values under a
factor or symbol header, counts in description cells, a cell merged down a column, reciprocal-minute units,
a unit named in the parameter, pH units and a range whose two signs were lost."""

from __future__ import annotations

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.table_cells import (
    counted_values,
    lost_sign_range,
    unit_as,
    unit_cell,
    vertical_repeats,
)
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Clause, Document, Table


def tuples(inds):
    return sorted((gold_tuple(i) for i in inds), key=str)


def test_strict_leadin_makes_bare_cells_strict():
    """"… shall be less than the limits shown in the table below:" over a table whose cells carry no sign and whose
    header implies no bound: each bare value is a strict upper bound, not "="."""
    clause = Clause(id="D#5.4", number="5.4", text="The test shall be performed twice. The resulting mass of soot "
                    "shall be less than the limits shown in the table below:")
    table = Table(id="t1", clause="D#5.4", header_rows=1,
                  rows=[["Test temperature", "Soot S1 (g/km)", "Ash S2 (g/km)"], ["250 K", "12", "0.9"]])
    inds = extract_document(Document(id="D", lang="en", clauses=[clause], tables=[table]))
    got = tuples(i for i in inds if (i.origin or {}).get("type") == "table" and not getattr(i, "_setting", False))
    assert got == [("<", 0.9, "g/km"), ("<", 12.0, "g/km")]
    # the "Test temperature" column names a setting (convention of 2026-12-07, tests/data/indicators/README.md)
    assert [(i.comparator, i.value, i.role) for i in inds if getattr(i, "_setting", False)] == [("=", 250, "test-condition")]


def test_unitless_values_under_a_factor_header_are_kept():
    table = Table(id="t2", header_rows=2, rows=[
        ["Engine kind", "Ageing factors", "Ageing factors", "Ageing factors"],
        ["Pollutant", "AA", "BB", "CC"],
        ["Spark engine", "1.3", "1.1", "-"],
        ["Glow engine", "1.05", "-", "1"],
    ])
    assert tuples(extract_table(table, lang="en")) == [("=", 1.0, ""), ("=", 1.05, ""), ("=", 1.1, ""), ("=", 1.3, "")]


def test_unitless_values_under_a_plain_header_stay_dropped():
    table = Table(id="t3", header_rows=1, rows=[
        ["Test", "Subclause of part 2"], ["Warm-up", "3.4.1"], ["Surge", "3.4.2"], ["Bursts", "3.4.3"]])
    assert extract_table(table, lang="en") == []


def test_counts_in_description_cells():
    assert counted_values("Grade K, 4 000 steps, tension") == {4000.0}
    assert counted_values("3 times the value") == set()
    table = Table(id="t4", header_rows=1, rows=[
        ["Symbol", "Description"], ["K4", "Grade K, 4 000 steps"], ["K2 X", "Grade K, 2 500 steps, not for damp rooms"]])
    assert tuples(extract_table(table, lang="en")) == [("=", 2500.0, ""), ("=", 4000.0, "")]


def test_a_value_merged_down_a_symbol_column_is_read_once():
    rows = [["Test", "Clause", "kQ*", "Kind"]] + [[f"Test {n}", f"4.{n}", "1.0", "Disturbance"] for n in range(1, 6)]
    assert vertical_repeats(rows[1:], 1, 4) == {(k, 2) for k in range(1, 5)}
    got = tuples(extract_table(Table(id="t5", header_rows=1, rows=rows), lang="en"))
    assert got == [("=", 1.0, "")]


def test_a_column_with_a_unit_keeps_its_repeated_values():
    rows = [["Step", "Duration min"]] + [[f"Step {n}", "5"] for n in range(1, 5)]
    assert len(extract_table(Table(id="t6", header_rows=1, rows=rows), lang="en")) == 4


def test_reciprocal_minutes_are_a_speed_not_a_range():
    for text in ("The engine speed shall exceed 2,000 min-1.", "at high idle speed (i. e. > 2,000 min.-1)"):
        assert tuples(extract_text(text, lang="en", clause="x")) == [(">", 2000.0, "r/min")]
    assert unit_symbol("revolutions per minute") == "r/min"
    assert tuples(extract_text("the time shall be 5 min-10 min", lang="en", clause="x")) == [("range", (5.0, 10.0), "min")]


def test_unit_named_in_the_parameter_and_ph_units():
    assert unit_as("Geruch (als TON)") == "TON"
    assert unit_as("Aluminium") == ""
    assert unit_cell("pH-Einheiten") == ""
    assert lost_sign_range("* 6,5 und* 9,5") == "6,5 ~ 9,5"
    assert lost_sign_range("* 4* 500") == "* 4* 500"
    table = Table(id="t7", header_rows=1, rows=[
        ["Nr.", "Parameter", "Einheit, als", "Grenzwert/ Anforderung"],
        ["1", "Trübheit (als XTU)", "", "2"],
        ["2", "Säuregrad", "pH-Einheiten", "* 6,0 und* 9,0"],
    ])
    assert tuples(extract_table(table, lang="de")) == [("<=", 2.0, "XTU"), ("range", (6.0, 9.0), "")]


def test_a_table_printed_in_two_halves_reads_a_row_of_the_second_half_alone():
    """"点 | 时间t ms | 下限 | 点 | 时间t ms | 上限": the last row only fills the second half; its label is there."""
    table = Table(id="t8", header_rows=1, rows=[
        ["点", "时间t ms", "速度下限 km/h", "点", "时间t ms", "速度上限 km/h"],
        ["A", "5", "0", "C", "0", "4"],
        ["B", "50", "0", "D", "30", "20"],
        ["", "", "", "E", "70", "0"],
    ])
    got = [gold_tuple(i) for i in extract_table(table, lang="zh") if (i.origin or {}).get("row") == 3]
    assert sorted(got, key=str) == [("<=", 0.0, "km/h"), ("=", 70.0, "ms")]


def test_a_dollar_between_two_numbers_is_a_lost_plus_minus():
    table = Table(id="t9", header_rows=1, rows=[
        ["Condition", "Roller speed (km/h)"], ["1", "Idle"], ["2", "40 $ 3 (in 2nd gear)"]])
    assert tuples(extract_table(table, lang="en")) == [("tolerance", 40.0, "km/h")]


def test_symbol_headers_are_symbols_not_words():
    from zmdocs.indicators.table_cells import unitless_value_column

    assert unitless_value_column("pLC*") and unitless_value_column("kH") and unitless_value_column("Deterioration factors CO")
    assert not any(unitless_value_column(h) for h in ("Item", "Test", "No", "Type", "Subclause"))
