"""English international-standard kinds (ISO/IEC/IHO/OIML drafting, issue #11): bounds implied by a defined
abbreviation or an examined share, descriptive sub-headers that name no bound, a bound shared across a semicolon
of a cell, required shares and assumed values. Texts and tables written here."""

from __future__ import annotations

from zmdocs.indicators import extract_document, extract_text
from zmdocs.indicators.implied_bounds import defined_abbreviations
from zmdocs.indicators.required_values import required_values
from zmdocs.model import Clause, Document, Table


def _doc(text: str, rows: list[list[str]], heading: str = "Minimum standards for surveys") -> Document:
    c = Clause(id="X#4.2", number="4.2", heading=heading, text=text, kind="requirements")
    t = Table(id="X#T1", number="1", clause=c.id, header_rows=1, rows=rows)
    return Document(id="X", lang="en", clauses=[c], tables=[t])


def _got(inds) -> list[tuple]:
    return sorted((i.comparator, i.value, i.unit, i.conditions[-1] if i.conditions else "") for i in inds)


def test_abbreviations_defined_by_their_initials():
    got = defined_abbreviations(["The position has a total lateral error (TLE) and a mean time (MT) of note (X)."])
    assert got == {"TLE": "total lateral error", "MT": "mean time"}


ROWS = [["Criteria", "Grade A", "Grade B"],
        ["Position TLU [m]", "10 m", "3 m"],
        ["Inspection [%]", "50%", "100%"],
        ["Size of holes [mm]", "12 mm", "8 mm"]]


def test_defined_uncertainty_abbreviation_and_examined_share_imply_bounds():
    doc = _doc("Each point has a total lateral uncertainty (TLU) that is reported.", ROWS)
    got = {(i.comparator, i.value, i.unit) for i in extract_document(doc)}
    assert {("<=", 10, "m"), ("<=", 3, "m"), (">=", 50, "%"), (">=", 100, "%"), ("=", 12, "mm"), ("=", 8, "mm")} <= got


def test_undefined_abbreviation_implies_nothing():
    got = {(i.comparator, i.value, i.unit) for i in extract_document(_doc("Points are reported.", ROWS))}
    assert ("=", 10, "m") in got and ("<=", 10, "m") not in got


def test_descriptive_sub_header_names_no_bound():
    rows = [["Criteria", "Grade A", "Grade B"],
            ["Use", "Sites where a general view is adequate", "Sites with a strict minimum clearance and tight turning room"],
            ["Drift [m]", "4 m", "2 m"]]
    got = {(i.comparator, i.value, i.unit) for i in extract_document(_doc("Sites are graded.", rows))}
    assert ("=", 2, "m") in got and (">=", 2, "m") not in got


def test_bound_shared_across_a_semicolon_of_a_cell():
    rows = [["Criteria", "Grade A"], ["Gap size [m] or [% of depth]", "Gaps > 3 m, in depths down to 50 m; 8% of depth beyond 50 m"]]
    got = {(i.comparator, i.value, i.unit) for i in extract_document(_doc("Gaps are found.", rows))}
    assert {(">", 3, "m"), (">", 8, "%")} <= got


def test_required_shares_are_least_shares():
    text = "For this grade, a 150% visual search and 120% echo coverage are required. A 5% flow reduction is required."
    assert _got(required_values(text, extract_text)) == [(">=", 120, "%", ""), (">=", 150, "%", "")]


def test_value_to_be_assumed():
    text = "If no ratio is declared on the label, the value 0.4 shall be assumed."
    assert [(i.comparator, i.value) for i in required_values(text, extract_text)] == [("=", 0.4)]


def test_required_share_in_a_document_once():
    doc = Document(id="Y", lang="en", clauses=[Clause(id="Y#2", number="2", heading="Grade B", kind="requirements",
                                                      text="A 100% sonar search is required in such sites.")])
    got = [(i.comparator, i.value, i.unit) for i in extract_document(doc)]
    assert got == [(">=", 100, "%")]


def _prose(text: str) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, "en")]


def test_once_opens_a_condition():
    assert _prose("Once the wind speed exceeds 20 m/s, the crane is unlikely to be used.") == []
    assert _prose("The current shall not exceed 5 mA once the test is over.") == [("<=", 5, "mA")]


def test_relative_clause_of_possibility_is_no_limit():
    assert _prose("Gusts which may exceed 15 m/s should be recorded at each mast.") == []
    assert _prose("The gust speed may not exceed 15 m/s.") == [("<=", 15, "m/s")]


def test_definition_factor_and_defined_level():
    text = "In this guide, the 90% interval for a length (e.g. a span) is defined as 1.64 x standard deviation."
    got = required_values(text, extract_text)
    assert [(i.comparator, i.value, i.unit) for i in got] == [("=", 1.64, "")]
    doc = Document(id="Z", lang="en", clauses=[Clause(id="Z#2", number="2", heading="Intervals", kind="requirements", text=text)])
    assert {(i.comparator, i.value, i.unit) for i in extract_document(doc)} == {("=", 1.64, "")}


def test_example_value_in_parentheses():
    got = required_values("Such levels (e.g. 90%) depend on the spread of the data.", extract_text)
    assert [(i.comparator, i.value, i.unit) for i in got] == [("=", 90, "%")]


def test_starred_note_under_a_table_is_read():
    rows = [["Test", "Factor*"], ["Warm-up", "1.0"], ["Surge", "1.0"]]
    t = Table(id="W#T5", number="5", clause="W#3", header_rows=1, rows=rows,
              footnotes=["*Note: pQ = 0.4 shall be used for passive cells during these tests."])
    from zmdocs.indicators import extract_table

    assert ("=", 0.4) in {(i.comparator, i.value) for i in extract_table(t, lang="en")}


def test_counts_of_repeated_tests_in_words():
    text = "The spread of the results of four identical weighings... "  # no counted noun: nothing
    assert _prose(text) == []
    text = ("The range of the results of six identical load applications for grade 1 and of two identical load "
            "applications for grade 2 shall not be greater than the limit.")
    assert sorted(_prose(text)) == [("=", 2, ""), ("=", 6, "")]
    assert _prose("The mean of the three readings is reported.") == []


def test_count_of_repeated_tests_is_a_test_condition():
    doc = Document(id="C", lang="en", clauses=[Clause(id="C#5", number="5", heading="Repeatability", kind="requirements",
                                                      text="The results of six identical load applications shall agree.")])
    assert [(i.value, i.role) for i in extract_document(doc)] == [(6, "test-condition")]


def test_variation_to_withstand_in_an_if_span_is_the_range():
    text = "The meter shall operate correctly if the battery supply varies in voltage from -20 % to +5 % of its rating."
    got = [(i.comparator, i.min, i.max, i.unit) for i in extract_text(text, "en")]
    assert got == [("range", -20, 5, "%")]
    scoped = "The limit of 3 mA applies if the supply varies from -20 % to +5 %."
    assert ("range", -20, 5, "%") not in [(i.comparator, i.min, i.max, i.unit) for i in extract_text(scoped, "en")]


def test_bound_in_the_subject_of_an_activity_is_scope():
    assert _prose("A sonar sweep greater than or equal to 150% must be planned with care.") == []
    assert _prose("Echo coverage of less than 100% must follow a regular pattern.") == []
    assert _prose("A gap of at least 5 mm shall be provided.") == [(">=", 5, "mm")]
    assert _prose("The sweep shall be greater than 150%.") == [(">", 150, "%")]


def test_share_required_in_a_case_is_no_requirement():
    assert required_values("Where more than 100% sonar search is required, overlapping lines are used.", extract_text) == []


def test_plus_between_operands_is_no_deviation_limit():
    assert _prose("The share is found as 4*(1/5+1/(5*10)) of the area.") == []
    assert _prose("The power input deviation shall be +20 %.") == [("<=", 20, "%")]


def test_two_timed_settings_joined_by_and():
    text = ("The drift between readings taken after 10 minutes of loading to 80 % to 95 % of the capacity and at 40 minutes "
            "of loading to 80 % to 95 % of the capacity shall not exceed 0.2 times the limit.")
    got = {(i.comparator, i.value, i.unit) for i in extract_text(text, "en")}
    assert {("=", 10, "minutes"), ("=", 40, "minutes")} <= got


def test_items_under_an_of_lead_in_state_values():
    from zmdocs.indicators.lists import restate_lists

    text = "The zero shall not drift by more than one step for any change in cabinet temperature of:\n3 °C for grade 1;\n6 °C for grades 2 and 3."
    assert restate_lists(text, "en").split("\n")[1:] == ["of 3 °C for grade 1;", "of 6 °C for grades 2 and 3."]
    got = {(i.comparator, i.value, i.unit) for i in extract_text(restate_lists(text, "en"), "en", context="Zero drift")}
    assert {("=", 3, "°C"), ("=", 6, "°C")} <= got


def test_deeper_and_shallower_than_are_bounds():
    assert _prose("Wrecks with least depths deeper than 30m would not likely be a danger.") == [(">", 30, "m")]
    assert _prose("The channel shall be shallower than 12 m.") == [("<", 12, "m")]


def _doc_prose(text: str) -> set[tuple]:
    doc = Document(id="P", lang="en", clauses=[Clause(id="P#3", number="3", heading="Errors", kind="requirements", text=text)])
    return {(i.comparator, i.value, i.unit) for i in extract_document(doc)}


def test_permitted_extremes_stated_are_bounds():
    assert _doc_prose("The maximum permissible error is 0.4 mm.") == {("<=", 0.4, "mm")}
    assert _doc_prose("The minimum required overlap is 20 %.") == {(">=", 20, "%")}
    assert _doc_prose("The maximum speed is 30 km/h.") == {("=", 30, "km/h")}


def test_mpe_cells_keep_their_interval_unit():
    rows = [["Load m", "MPE"], ["0 ≤ m ≤ 400 e", "± 0.5 e"], ["400 e < m ≤ 1 600 e", "± 1.5 e"]]
    t = Table(id="M#T2", number="2", caption="Maximum permissible errors", header_rows=1, rows=rows)
    from zmdocs.indicators import extract_table

    assert {(i.min, i.max, i.unit) for i in extract_table(t, lang="en")} == {(-0.5, 0.5, "e"), (-1.5, 1.5, "e")}
