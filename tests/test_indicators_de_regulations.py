"""German regulation wordings and layouts (issue #11), on text these tests write themselves (no corpus text):
list tables left in clause text, counts of tests, check values and detection limits, lost comparison signs,
verdicts before their if-span, and the roles of measurement settings, reference values and assumed values."""

from __future__ import annotations

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.indicators.counts import count_of_tests, count_words
from zmdocs.indicators.limit_tables import cell_text, time_unit
from zmdocs.indicators.list_tables import split_list_tables
from zmdocs.indicators.lost_signs import restore_lost_signs
from zmdocs.indicators.roles import assign_roles
from zmdocs.indicators.table_cells import unitless_value_column
from zmdocs.model import Clause, Document, Indicator, Table


def _got(text: str) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, lang="de")]


# --- list tables ("* cell" rows) -------------------------------------------------------------------------------

_LIST_TABLE = "\n".join([
    "Die Proben sind nach der folgenden Tabelle zu nehmen.",
    "Probenzahl je Anlage ##",
    "* Laufende Nummer", "Leistung der Anlage in Kilowatt", "Anzahl der Probenahmen pro Jahr",
    "* 1", "bis 50", "2",
    "* 2", "über 50", "4 zuzüglich je 1 pro weitere 100 Kilowatt",
    "Anmerkung 1: Die Leistung ist als Jahresmittel anzugeben.",
])


def test_list_rows_become_a_table_with_the_caption_line_above():
    text, tables = split_list_tables(_LIST_TABLE, clause="D#1")
    assert len(tables) == 1
    t = tables[0]
    assert t.caption == "Probenzahl je Anlage"
    assert t.rows[0] == ["Laufende Nummer", "Leistung der Anlage in Kilowatt", "Anzahl der Probenahmen pro Jahr"]
    assert t.rows[2] == ["2", "über 50", "4 zuzüglich je 1 pro weitere 100 Kilowatt"]
    assert "Anmerkung 1" in text and "zuzüglich" not in text  # the last row keeps its three cells, the rest is text


def test_list_rows_without_numbers_or_of_uneven_length_stay_text():
    text = "* a =\nerste Größe\n* b =\nzweite Größe\n* c =\ndritte Größe"
    assert split_list_tables(text)[1] == []  # a formula key, no values
    assert split_list_tables("* 1\nnur eine Zeile")[1] == []
    assert split_list_tables("Fußnote*) und 5 * 3 = 15") == ("Fußnote*) und 5 * 3 = 15", [])  # a star, no rows


def test_a_factor_table_with_symbols_down_the_first_column_is_turned():
    text = "*\nErdgas\nHeizöl\n* K =\n0,40\n0,55\n* M =\n0,010\n0,012\n."
    (t,) = split_list_tables(text)[1]
    assert t.rows[0] == ["", "K =", "M ="] and t.rows[1] == ["Erdgas", "0,40", "0,010"]
    got = {(i.value, i.parameter, tuple(i.conditions)) for i in extract_table(t, lang="de")}
    assert (0.4, "K =", ("Erdgas",)) in got and (0.012, "M =", ("Heizöl",)) in got
    assert unitless_value_column("K =") and not unitless_value_column("Kokerei")


def test_counts_per_year_in_a_header_and_an_allowance_after_the_value():
    assert time_unit("Anzahl der Probenahmen pro Jahr (Anmerkung 2)") == ("Anzahl der Probenahmen pro Jahr (Anmerkung 2)", "/a")
    assert time_unit("Leistung pro Jahr") is None  # no count named
    assert cell_text("4 zuzüglich je 1 pro weitere 100 Kilowatt", "", False) == ("4", ["zuzüglich je 1 pro weitere 100 Kilowatt"])
    (t,) = split_list_tables(_LIST_TABLE)[1]
    got = [(i.comparator, i.value, i.unit) for i in extract_table(t, lang="de")]
    assert ("=", 4, "/a") in got and ("=", 2, "/a") in got
    assert not any(i[1] in (100, 1) for i in got)  # the allowance states no values


# --- prose ------------------------------------------------------------------------------------------------------

def test_counts_of_tests_in_words():
    assert count_words("Es sind fünf Einzelmessungen vorzunehmen.", "de") == "Es sind 5 Einzelmessungen vorzunehmen."
    assert _got("Es sind fünf Einzelmessungen vorzunehmen.") == [("=", 5, "")]
    assert ("=", 6, "") in _got("Die Prüfung umfasst sechs Untersuchungen innerhalb von zwei Jahren.")
    t = "in 6 verschiedenen Quartalen"
    assert count_of_tests(t, 3, 4, "de") is None  # after a preposition the count places the tests
    assert _got("Der Wert gilt als eingehalten, wenn die Konzentration gemittelt über drei Quartale den Wert nicht überschreitet.") == [("=", 3, "")]
    assert _got("Es wird an keiner der drei Proben ein Befund festgestellt.") == []


def test_check_values_and_detection_limits_are_upper_bounds():
    assert _got("Für die Beta-Aktivität ist dabei ein Prüfwert von 0,2 Becquerel pro Liter vorzusehen.") == [("<=", 0.2, "Becquerel pro Liter")]
    assert _got("Es kann ein Verfahren mit einer Nachweisgrenze von bis zu 0,06 Becquerel pro Liter angewandt werden.") == [
        ("<=", 0.06, "Becquerel pro Liter")]
    # the check value named in the genitive refers to one stated elsewhere
    assert _got("Für die Verwendung des Prüfwertes von 0,3 Becquerel pro Liter gilt die Nachweisgrenze von 0,015 Becquerel pro Liter.") == [
        ("<=", 0.015, "Becquerel pro Liter")]
    assert _got("Die Anlage mit einer Leistung von 5 kW ist zu prüfen.") == []  # "mit einer Leistung von": a scope


def test_equal_or_less_and_a_verdict_before_its_if_span():
    got = _got("Der Grenzwert gilt ebenfalls als eingehalten, wenn die Konzentration gleich oder weniger als 0,3 Becquerel pro Liter beträgt.")
    assert got == [("<=", 0.3, "Becquerel pro Liter")]
    assert _got("Die Spannung muss gleich oder größer als 12 V sein.") == [(">=", 12, "V")]
    assert _got("Wenn die Leistung weniger als 5 kW beträgt, ist der Kessel jährlich zu prüfen.") == []  # a scope


def test_lost_comparison_signs_come_back_from_a_limit_word_on_the_line():
    assert restore_lost_signs("mit Prüfwert für C beta* 0,2 Becquerel pro Liter") == "mit Prüfwert für C beta ≤ 0,2 Becquerel pro Liter"
    assert restore_lost_signs("Einhaltung folgender Bedingung:\nC gamma* 2,0 Bq/l") == "Einhaltung folgender Bedingung:\nC gamma ≤ 2,0 Bq/l"
    assert restore_lost_signs("Menge* 1 000") == "Menge* 1 000"  # no word tells the sign
    assert _got("bb) Verfahren mit Prüfwert für C beta* 0,2 Becquerel pro Liter") == [("<=", 0.2, "Becquerel pro Liter")]
    assert _got("Der Grenzwert für Geräte ≤ 60 V beträgt 3 mA.") == [("<=", 3, "mA")]  # a band on products stays a band


def test_settings_of_a_measurement_procedure():
    got = _got("Bei Geräten ohne Lüfter ist in den ersten drei Minuten bei offener und in den restlichen sieben Minuten bei geschlossener Klappe zu messen.")
    assert ("=", 3, "Minuten") in got and ("=", 7, "Minuten") in got
    assert _got("Bei Heizkesseln soll die Vorlauftemperatur bei Beginn der Prüfung wenigstens 50 Grad Celsius betragen.") == [(">=", 50, "Grad Celsius")]
    assert ("=", 0.3, "mSv") in _got("Eine Dosis von 0,3 mSv ist anzusetzen.")


# --- roles ------------------------------------------------------------------------------------------------------

def _ind(text: str, value: float, comparator: str = "=", unit: str = "", clause: str = "D#2.1", **kw) -> Indicator:
    return Indicator(parameter="p", comparator=comparator, value=value, unit=unit, clause=clause, text=text, **kw)


def _roles(clauses: list[Clause], inds: list[Indicator], tables: list[Table] | None = None) -> list[str]:
    assign_roles(Document(id="D", clauses=clauses, tables=tables or []), inds)
    return [i.role for i in inds]


def test_how_measurements_are_carried_out_is_a_test_heading():
    top = Clause(id="D#2", number="2", heading="Anforderungen an die Durchführung der Messungen")
    c = Clause(id="D#2.1", number="2.1", heading="", parent="D#2",
               text="Mit den Messungen soll frühestens 3 Minuten nach dem Einschalten begonnen werden.")
    assert _roles([top, c], [_ind(c.text, 3, ">=", "min")]) == ["test-condition"]
    judged = Clause(id="D#3", number="3", heading="Anforderungen bei der Abnahme")
    c2 = Clause(id="D#3.1", number="3.1", heading="", parent="D#3", text="Die Abgastemperatur soll 3 Minuten betragen.")
    assert _roles([judged, c2], [_ind(c2.text, 3, "=", "min", clause=c2.id)]) == ["requirement"]


def test_reference_columns_count_columns_and_assumed_values_are_test_conditions():
    c = Clause(id="D#4", number="4", heading="Bewertung", text="Die Dosis wird mit einem Verbrauch von 500 Litern berechnet.")
    assumed = _ind(c.text, 500, "=", "L", clause=c.id)
    t = Table(id="D#table-1", number="1", clause="D#4", rows=[["Stoff", "Referenzkonzentration", "Anzahl der Messungen pro Jahr"],
                                                              ["X-1", "2,0 Bq/l", "4"]])
    ref = _ind("2,0 Bq/l", 2.0, "=", "Bq/L", clause=c.id, origin={"type": "table", "table": "1", "row": 1, "col": 1})
    ref._table_text = ("Referenzkonzentration", "Stoff Referenzkonzentration")
    cnt = _ind("4", 4, ">=", "/a", clause=c.id, origin={"type": "table", "table": "1", "row": 1, "col": 2})
    cnt._table_text = ("Anzahl der Messungen pro Jahr", "")
    assert _roles([c], [assumed, ref, cnt], [t]) == ["test-condition"] * 3


def test_a_numbered_table_note_that_lays_down_a_rule_is_normative():
    c = Clause(id="D#5", number="5", heading="Verfahrenskennwerte")
    note = {"type": "table", "table": "2", "note": True}
    rule = _ind("Anmerkung 2: Für das Verfahren B gilt die Nachweisgrenze von 0,02 Bq/l.", 0.02, "<=", "Bq/L", clause=c.id, origin=note)
    info = _ind("Anmerkung 1: Hierbei handelt es sich um Werte für eine Dosis von 0,2 mSv.", 0.2, "=", "mSv", clause=c.id, origin=note)
    assert _roles([c], [rule, info]) == ["requirement", "informative"]


def test_list_tables_are_read_by_extract_document():
    c = Clause(id="D#6", number="6", heading="Probenahme", text=_LIST_TABLE)
    got = [(i.value, i.unit, i.role) for i in extract_document(Document(id="D", lang="de", clauses=[c]))]
    assert (4, "/a", "test-condition") in got


# --- applicability bands, exemptions and scoping relative clauses -----------------------------------------------

def _kept(text: str) -> list[tuple]:
    from zmdocs.indicators.bands import drop_bands

    return [(i.comparator, i.value, i.unit) for i in drop_bands(extract_text(text, lang="de"), "de")]


def test_german_bands_without_mit_are_conditions():
    assert _kept("Kessel über 50 kW bis 100 kW dürfen 0,1 g/m3 nicht überschreiten.") == [("<=", 0.1, "g/m3")]
    assert _kept("Heizkessel mit Wasser als Wärmeträger und einer Feuerungswärmeleistung unter 2 Megawatt dürfen "
                 "0,1 g/m3 nicht überschreiten.") == [("<=", 0.1, "g/m3")]
    assert _kept("Feuerungsanlagen für feste Brennstoffe ab 4 kW Nennwärmeleistung dürfen nur betrieben werden, "
                 "wenn ein Staubgehalt von 0,02 g/m3 nicht überschritten wird.") == [("<=", 0.02, "g/m3")]
    assert _kept("(2) Für Anlagen mit einer Leistung bis einschließlich 50 kW gilt ein Grenzwert von 0,1 g/m3.") == [("<=", 0.1, "g/m3")]


def test_exemptions_and_for_which_clauses_scope_the_rule():
    text = ("(3) Absatz 1 gilt nicht für\n1. Kessel mit einer Leistung von 8 Kilowatt oder weniger und\n"
            "2. Anlagen, die bei einer Leistung von 30 Kilowatt oder weniger ausschließlich der Trocknung dienen.")
    assert _kept(text) == []
    assert _kept("(1) Für Anlagen, die während höchstens 200 Stunden im Jahr mit Heizöl betrieben werden, gilt ein "
                 "Grenzwert von 150 Milligramm je Kilowattstunde.") == [("<=", 150, "Milligramm/Kilowattstunde")]
    assert _kept("Die Anlage darf höchstens 200 Stunden im Jahr betrieben werden.") == [("<=", 200, "Stunden")]
