"""German limit lead-ins over numbered lists and flattened tables, unit-only header cells (issue #11)."""

from __future__ import annotations

from zmdocs.indicators import extract_document
from zmdocs.indicators.de_lists import drop_unit_header_cells, restate_de_lists
from zmdocs.model import Clause, Document, Indicator, Table


def _doc(text: str, tables: list[Table] | None = None) -> list[Indicator]:
    c = Clause(id="V#7", number="7", heading="Übergangsregelung", text=text)
    return extract_document(Document(id="V", lang="de", clauses=[c], tables=tables or []))


def test_numbered_items_under_a_limit_lead_in_are_upper_bounds():
    text = ("(1) Kessel dürfen nur weiterbetrieben werden, wenn nachfolgende Grenzwerte nicht überschritten werden:\n"
            "1. Ruß: 0,25 Gramm je Kubikmeter,\n2. Stickoxid: 3 Gramm je Kubikmeter.")
    got = {(i.comparator, i.value) for i in _doc(text)}
    assert got == {("<=", 0.25), ("<=", 3)}


def test_lower_lead_ins_and_items_with_a_bound_of_their_own():
    text = "Die Anlage muss folgende Mindestwerte erreichen:\na) Wirkungsgrad: 82 Prozent,\nb) Laufzeit: höchstens 9 Stunden."
    out = restate_de_lists(text).split("\n")
    assert out[1] == "a) Wirkungsgrad: mindestens 82 Prozent," and out[2] == "b) Laufzeit: höchstens 9 Stunden."
    plain = "Es gelten die Begriffe:\n1. Kessel: 4 Bauteile,"
    assert restate_de_lists(plain) == plain  # no bound in the lead-in


def _table(rows: list[list[str]]) -> Table:
    return Table(id="V#table-u1", number="", clause="V#7", rows=rows, header_rows=1)


def test_the_one_table_under_folgende_grenzwerte_holds_upper_bounds():
    lead = "(2) Für bestehende Kessel gelten folgende Grenzwerte, die nach Anlage 9 zu ermitteln sind:\n."
    rows = [["Leistung in kW", "Ruß [g/m 3 ]"], ["* 20* 60", "0,35"], ["* 60", "0,2"]]
    got = sorted((i.comparator, i.value) for i in _doc(lead, [_table(rows)]))
    assert got == [("<=", 0.2), ("<=", 0.35)]
    plain = sorted((i.comparator, i.value) for i in _doc("(2) Es gelten die Werte der Tabelle.\n.", [_table(rows)]))
    assert plain == [("=", 0.2), ("=", 0.35)]  # no lead-in naming limit values


def test_a_repeated_header_cell_with_a_unit_bracket_gives_no_value():
    cell = Indicator(text="Ruß [g/m 3 ]", parameter="Ruß", comparator="=", value=3, unit="g/m³",
                     origin={"type": "table", "table": "", "row": 4, "col": 1})
    value = Indicator(text="0,35", parameter="Ruß", comparator="=", value=0.35, unit="g/m³",
                      origin={"type": "table", "table": "", "row": 5, "col": 1})
    prose = Indicator(text="Ruß (höchstens 3 g)", parameter="Ruß", comparator="<=", value=3, unit="g", origin={"type": "prose"})
    assert drop_unit_header_cells([cell, value, prose]) == [value, prose]


# --- counts of tests per period, units, settings ---------------------------------------------------------------

_COUNT_ROWS = [["Menge in Kubikmeter pro Tag", "Anzahl der Messungen"],
               ["* 5", "2 pro 4 Jahre"], ["* 5 bis* 500", "2 pro Jahr"],
               ["* 500", "6 pro Jahr zuzüglich jeweils 1 pro weitere 800 Kubikmeter pro Tag"]]


def test_a_count_column_takes_the_period_its_cells_state():
    from zmdocs.indicators.de_counts import count_columns

    t = count_columns(Table(id="V#table-1", number="1", clause="V#7", rows=_COUNT_ROWS, header_rows=1))
    assert t.rows[0][1] == "Anzahl der Messungen pro Jahr"
    assert [r[1] for r in t.body] == ["", "2", "6 zuzüglich jeweils 1 pro weitere 800 Kubikmeter pro Tag"]
    assert _COUNT_ROWS[2][1] == "2 pro Jahr"  # the document's table is left as it is


def test_counts_under_a_frequency_heading_are_minimums():
    c = Clause(id="V#7", number="7", heading="Häufigkeit der Messungen", text="")
    t = Table(id="V#table-1", number="1", clause="V#7", rows=_COUNT_ROWS, header_rows=1)
    got = sorted((i.comparator, i.value, i.unit) for i in extract_document(Document(id="V", lang="de", clauses=[c], tables=[t])))
    assert got == [(">=", 2, "/a"), (">=", 6, "/a")]
    c.heading = "Umfang der Messungen"
    got = sorted((i.comparator, i.value) for i in extract_document(Document(id="V", lang="de", clauses=[c], tables=[t])))
    assert got == [("=", 2), ("=", 6)]


def test_a_count_of_tests_per_year_in_prose_takes_its_unit():
    got = [(i.comparator, i.value, i.unit) for i in _doc("Die Zahl der Prüfungen wird auf höchstens 40 Prüfungen pro Jahr begrenzt.")]
    assert got == [("<=", 40, "/a")]


def test_per_mille_and_hectopascal():
    from zmdocs.indicators.units import unit_symbol

    assert unit_symbol("Promille") == "‰" and unit_symbol("Hektopascal") == "hPa"
    got = [(i.comparator, i.value, i.unit) for i in _doc("Gas mit einem Schwefelgehalt bis zu 2 Promille darf eingesetzt werden.")]
    assert got == [("<=", 2, "Promille")]


def test_two_settings_joined_by_und_and_incubation_values_are_test_conditions():
    got = [(i.comparator, i.value, i.role) for i in _doc("Die Keimzahl wird bei 20 °C und 37 °C bestimmt.")]
    assert ("=", 20, "test-condition") in got and ("=", 37, "test-condition") in got
    got = [(i.comparator, i.value, i.role) for i in _doc("1. Blutagar, Bebrütungstemperatur (30 ± 1) °C, Bebrütungsdauer (48 ± 2) Stunden.")]
    assert got == [("tolerance", 30, "test-condition"), ("tolerance", 48, "test-condition")]


# --- bands at the head of list items, exemptions, administrative periods, compound lengths ----------------------

def _kept(text: str) -> list[tuple]:
    return sorted((i.comparator, i.value, i.min, i.max) for i in _doc(text))


def test_list_items_opening_with_their_band_state_only_the_requirement():
    text = ("Der Abzug ist so zu bauen, dass er bei einer Leistung der Anlage\n"
            "1. bis 30 Kilowatt das Dach um mindestens 1 Meter überragt,\n"
            "2. von mehr als 30 bis 90 Kilowatt das Dach um mindestens 2 Meter überragt,\n"
            "3. von mehr als 90 Kilowatt das Dach um mindestens 4 Meter überragt.")
    assert _kept(text) == [(">=", 1, None, None), (">=", 2, None, None), (">=", 4, None, None)]
    assert _kept("Der Feuchtegehalt muss\na) unter 20 Prozent liegen.") == [("<", 20, None, None)]  # a value alone is a limit


def test_exemptions_with_mit_ausnahme_von_and_a_second_attribute():
    text = ("Die Prüfung entfällt für Kessel mit Ausnahme von\n1. Kesseln für Holz mit einer Leistung über 30 Kilowatt.")
    assert _kept(text) == []
    text = "Dies gilt nicht für Brennereien mit einer Erzeugung von 5 Hektoliter und einer jährlichen Laufzeit von nicht mehr als 9 Tagen."
    assert _kept(text) == []


def test_deadlines_retention_and_age_periods_are_no_indicators():
    assert _kept("Die Behörde hat den Betreiber spätestens drei Jahre vor dem Zeitpunkt der Stilllegung zu informieren.") == []
    assert _kept("Das Protokoll ist mindestens fünf Jahre lang verfügbar zu halten.") == []
    assert _kept("Die Messung ist bei Anlagen, deren Errichtung mehr als acht Jahre zurückliegt, jährlich durchzuführen.") == []
    assert _kept("Die Lagerdauer der Probe darf höchstens drei Monate betragen.") == [("<=", 3, None, None)]


def test_a_length_in_metres_and_centimetres_is_one_length():
    from zmdocs.indicators.de_lists import compound_lengths

    assert compound_lengths("mindestens 3 Meter und 45 Zentimeter") == "mindestens 3,45 Meter"
    assert [(i.comparator, i.value) for i in _doc("Der Abstand muss mindestens 1 Meter und 5 Zentimeter betragen.")] == [(">=", 1.05)]


# --- remarks columns -----------------------------------------------------------------------------------------------

def test_remarks_in_sentences_limits_and_levels_are_read():
    rows = [["Nr.", "Parameter", "Messunsicherheit in % des Grenzwertes", "Bemerkungen"],
            ["1", "Zink", "20", "Die Kennwerte gelten für Zink bei 40 Prozent des Grenzwertes in der Tabelle."],
            ["2", "Zinn", "35", "Bestimmungsgrenze 0,0020 mg/l"],
            ["3", "Leitwert", "0,3", "Die Werte für die Messunsicherheit werden in pH-Einheiten ausgedrückt."],
            ["4", "Kobalt", "25", "Ist dies nicht erreichbar, darf die Messunsicherheit bis zu 45 Prozent des Grenzwertes betragen."]]
    t = Table(id="V#table-2", number="2", clause="V#7", rows=rows, header_rows=1)
    got = {(i.comparator, i.value, i.unit, i.role) for i in _doc("Die Kennwerte der Tabelle sind einzuhalten.", [t])}
    assert ("=", 40, "%", "test-condition") in got  # the level the row's figures apply at
    assert ("<=", 0.002, "mg/l", "requirement") in got
    assert ("<=", 0.3, "", "requirement") in got  # pH units: no per cent
    assert ("<=", 45, "Prozent", "requirement") in got


def test_reference_oxygen_content_and_assumed_values_are_test_conditions():
    got = [(i.value, i.role) for i in _doc("Die Emissionsbegrenzungen für Holz nach Absatz 2 beziehen sich dann auf einen Volumengehalt an Sauerstoff im Abgas von 11 Prozent.")]
    assert got == [(11, "test-condition")]
    got = [(i.value, i.role) for i in _doc("Die Höhe ist unter Zugrundelegung einer Neigung von 30 Grad zu berechnen.")]
    assert got == [(30, "test-condition")]


def test_a_reference_state_in_parentheses_and_programme_lengths_are_test_conditions():
    got = [(i.comparator, i.value, i.unit, i.role) for i in
           _doc("Die Angaben beziehen sich auf das Volumen im Normzustand (293 Kelvin, 1 020 Hektopascal) nach Trocknung.")]
    assert got == [("=", 293, "Kelvin", "test-condition"), ("=", 1020, "Hektopascal", "test-condition")]
    got = [(i.comparator, i.value, i.unit, i.role) for i in _doc("Dies ist durch eine mindestens zweijährige Messreihe nachzuweisen.")]
    assert got == [(">=", 2, "Jahre", "test-condition")]
    assert _doc("Die Anlage ist einer halbjährlichen Prüfung zu unterziehen.") == []  # a frequency, not a length


def test_magnification_ranges_and_sample_volumes_of_a_method():
    got = [(i.comparator, i.value, i.min, i.max, i.unit, i.role) for i in
           _doc("Die Kolonien werden mit 10- bis 12-facher Vergrößerung in 5 Milliliter der zu untersuchenden Probe gezählt.")]
    assert ("range", None, 10, 12, "", "test-condition") in got
    assert ("=", 5, None, None, "Milliliter", "test-condition") in got


def test_a_minimum_lowered_to_a_value_is_a_lower_bound():
    got = [(i.comparator, i.value, i.unit) for i in _doc("Für Quellwasser kann der Mindestwert auf 5,5 pH-Einheiten herabgesetzt werden.")]
    assert got == [(">=", 5.5, "")]
    got = [(i.comparator, i.value, i.unit) for i in _doc("Im Einzelfall wird der Höchstwert auf 30 mg/l festgesetzt.")]
    assert got == [("<=", 30, "mg/l")]


def test_values_carried_down_into_a_repeated_sub_table_header_are_dropped():
    from zmdocs.indicators.de_lists import drop_carried_cells

    rows = [["Leistung", "Ruß [g/m 3 ]", "NOx [g/m 3 ]"], ["* 10", "0,2", "0,7"], ["* 10", "0,2", "Brennstoff Gruppe B"],
            ["* 10", "0,2", "Ruß [g/m 3 ]"], ["* 10", "0,3", "0,6"], ["* 20", "0,3", "0,6"]]
    t = Table(id="V#table-3", number="3", clause="V#7", rows=rows, header_rows=1)

    def at(r: int, c: int) -> Indicator:
        return Indicator(text=rows[r][c], parameter="Ruß", comparator="<=", value=1, origin={"type": "table", "table": "3", "row": r, "col": c})
    found = [at(1, 1), at(2, 1), at(3, 1), at(4, 1), at(5, 1), at(5, 2)]
    kept = [((i.origin or {}).get("row"), (i.origin or {}).get("col")) for i in drop_carried_cells(t, found)]
    assert kept == [(1, 1), (4, 1), (5, 1), (5, 2)]  # rows 2 and 3 head the second sub-table; 5 repeats a real value


def test_a_setting_in_the_label_of_an_unnumbered_table_is_read_once():
    rows = [["Nr.", "Parameter", "Grenzwert", "Bemerkungen"],
            ["1", "Keimzahl bei 30 °C", "", "Für Flaschenwasser gilt der Grenzwert von 50/ml am Abfüllort der Anlage."]]
    t = Table(id="V#table-u4", number="", clause="V#7", rows=rows, header_rows=1)
    got = [(i.comparator, i.value, i.unit, i.role) for i in _doc("Es gelten die Werte.", [t])]
    assert ("=", 30, "°C", "test-condition") in got


def test_the_coverage_factor_of_an_expanded_uncertainty():
    got = [(i.comparator, i.value, i.role) for i in _doc("Die erweiterte Messunsicherheit (k = 3) ist anzugeben.")]
    assert got == [("=", 3, "test-condition")]
