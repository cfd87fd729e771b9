"""Tables left in clause text, sideways key/value tables, per-test units, table references that bound values,
allowances and bounded multiples (zmdocs/indicators: text_tables, key_rows, leadins, quantities, roles), on
inputs written for these tests (no corpus text)."""

from __future__ import annotations

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.indicators.key_rows import key_value_rows
from zmdocs.indicators.text_tables import split_text_tables
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Clause, Document, Table
from zmdocs.text.numbers import number_row

_FLOW = ("The smoke opacity shall not exceed the respective limits specified in Table (4).\n"
         "TABLE (4) Flow and opacity\n"
         "Gas flow (q) Opacity (k)\n"
         "litres/second m-¹\n"
         "< 30 3.10\n"
         "40 2.9 5\n"
         "50 l.80\n"
         "60 1. 65\n"
         "TABLE (4) (continued)\n"
         "Gas flow (q) Opacity (k)\n"
         "litres/second m-¹\n"
         "70 1.50\n"
         ">80 1.40\n"
         "NOTE: interpolate between rows.")


def test_number_row_repairs_ocr_slips() -> None:
    assert number_row("40 2.9 5", 2) == ["40", "2.95"]
    assert number_row("50 l.80") == ["50", "1.80"]
    assert number_row("60 1. 65") == ["60", "1.65"]
    assert number_row("< 30 3.10") == ["<30", "3.10"]
    assert number_row("Gas flow (q) Opacity (k)") is None


def test_split_text_tables_joins_continuations_and_keeps_prose() -> None:
    prose, tables = split_text_tables(_FLOW, clause="D#4.2")
    assert len(tables) == 1 and tables[0].number == "4" and tables[0].header_rows == 2
    assert [r[1] for r in tables[0].body] == ["3.10", "2.95", "1.80", "1.65", "1.50", "1.40"]
    assert "TABLE (4)" not in prose and "NOTE: interpolate" in prose and "shall not exceed" in prose
    assert split_text_tables(_FLOW, known={"4"})[1] == []  # a table the parser already found stays text


def test_text_table_values_are_upper_limits_with_header_units() -> None:
    doc = Document(id="D", clauses=[Clause(id="D#4.2", number="4.2", heading="", text=_FLOW)], tables=[])
    inds = [i for i in extract_document(doc) if (i.origin or {}).get("type") == "table"]
    assert [(i.comparator, i.value, unit_symbol(i.unit)) for i in inds][:2] == [("<=", 3.1, "m⁻¹"), ("<=", 2.95, "m⁻¹")]
    assert any("40" in c and "l/s" in c for c in inds[1].conditions)  # the row's flow


def test_alternating_key_and_value_rows() -> None:
    rows = [["n", "2", "3"], ["f", "0.91", "0.62"], ["n", "4", "5"], ["f", "0.48", "0.41"]]
    assert key_value_rows(rows)[:2] == [(1, 1, "0.91", "n = 2"), (1, 2, "0.62", "n = 3")]
    assert key_value_rows([["n", "2"], ["f", "x"]]) == [] and key_value_rows([["a", "1"], ["a", "2"]]) == []
    t = Table(id="t", number="9", caption="Sample size and statistical factor", rows=rows, header_rows=1)
    inds = extract_table(t, lang="en")
    assert [(i.comparator, i.value) for i in inds] == [("=", 0.91), ("=", 0.62), ("=", 0.48), ("=", 0.41)]
    assert inds[3].conditions[0] == "n = 5"


def test_mass_per_test_unit_and_unit_only_sub_header() -> None:
    assert unit_symbol("g/test") == "g/test" and unit_symbol("m-¹") == "m⁻¹"
    t = Table(id="t", number="1", caption="Maximum masses of pollutants",
              rows=[["Mass (kg)", "Mass of CO (g/test)", "Smoke"], ["", "", "m-1"], ["m ≤ 900", "40", "1.2"],
                    ["900 < m ≤ 1200", "45", "1.1"]], header_rows=2)
    got = [(i.comparator, i.value, unit_symbol(i.unit)) for i in extract_table(t, lang="en")]
    assert ("<=", 40, "g/test") in got and ("<=", 1.2, "m⁻¹") in got


def test_allowance_over_a_limit_and_bounded_multiples() -> None:
    t = "The opacity shall not exceed the respective limit for k, specified in Table 3, plus 0.4 m-1, at any flow."
    assert [(i.comparator, i.value) for i in extract_text(t, "en")] == [("<=", 0.4)]
    t2 = "The mean of the results shall not exceed 1.2 times the allowable limit."
    assert [(i.comparator, i.value) for i in extract_text(t2, "en")] == [("<=", 1.2)]
    assert extract_text("The current shall be 1.5 times the rated current.", "en") == []  # no bound: a multiple


def test_roles_of_factor_tables_and_result_bounds_after_a_test_cue() -> None:
    c = Clause(id="D#7", number="7", heading="Conformity", text="k is the factor given in Table 9.")
    t = Table(id="t", number="9", clause="D#7", caption="Sample size and statistical factor",
              rows=[["n", "2", "3"], ["f", "0.91", "0.62"]], header_rows=1)
    doc = Document(id="D", clauses=[c], tables=[t])
    assert {i.role for i in extract_document(doc) if (i.origin or {}).get("type") == "table"} == {"test-condition"}
    c2 = Clause(id="D#8", number="8", heading="Acceptance", text=(
        "The unit is subjected to the test under full load and if the reading does not exceed by more than 0.3 m-1 "
        "the limits, the unit complies."))
    doc2 = Document(id="D", clauses=[c2], tables=[])
    assert [i.role for i in extract_document(doc2)] == ["requirement"]


def test_ocr_word_splits_in_captions_and_lead_ins() -> None:
    """Regression (GSO scan through PP-OCR): "TA BLE (4) (continued)" continues the table, and a lead-in whose
    word spaces moved ("the a mounts given in Table (2)") still bounds the table's bare values."""
    prose, tables = split_text_tables(_FLOW.replace("TABLE (4) (continued)", "TA BLE (4) (continued)"), clause="D#4.2")
    assert len(tables) == 1 and [r[1] for r in tables[0].body][-2:] == ["1.50", "1.40"]
    from zmdocs.indicators.leadins import upper_table_refs

    assert upper_table_refs(["The mass shallnot exceed the a mounts given in Table (2) when tested."]) == {"2"}


def test_unnumbered_table_takes_number_and_caption_from_its_clause_text() -> None:
    """Regression (GSO scan): the parser kept the table but neither its number nor caption; the caption line left
    in the clause text names it, so the lead-in's table reference and the caption's role reach its cells."""
    from zmdocs.indicators.text_tables import caption_in_text

    text = ("The masses shall not exceed the amounts given in Table (1) when tested.\nTABLE (1)\n"
            "Maximum masses of pollutants")
    assert caption_in_text(text) == ("1", "Maximum masses of pollutants")
    assert caption_in_text(text + "\nTABLE (2) Other") is None
    c = Clause(id="D#4.1", number="4.1", heading="", text=text)
    t = Table(id="D#table-u1", number="", clause="D#4.1", caption="",
              rows=[["Mass (rw) kg", "Carbon monoxide (g/test)"], ["rw ≤ 1000", "58"], ["1000 < rw ≤ 1200", "67"]],
              header_rows=1)
    inds = [i for i in extract_document(Document(id="D", clauses=[c], tables=[t])) if i.unit]
    assert [(i.comparator, i.value) for i in inds if unit_symbol(i.unit) == "g/test"] == [("<=", 58), ("<=", 67)]
    factor = Clause(id="D#7", number="7", heading="", text="k is given in Table (3).\nTABLE (3)\nSample Size andStatistical Factor")
    kt = Table(id="D#table-u2", number="", clause="D#7", caption="", rows=[["n", "2", "3"], ["k", "0.91", "0.62"]],
               header_rows=1)
    roles = {i.role for i in extract_document(Document(id="D", clauses=[factor], tables=[kt])) if (i.origin or {}).get("type") == "table"}
    assert roles == {"test-condition"}
