"""German administrative prose: deadlines, periods and the bands of a relative clause are no indicators (issue #11)."""

from __future__ import annotations

from zmdocs.indicators import extract_document
from zmdocs.model import Clause, Document, Indicator


def _doc(text: str) -> list[Indicator]:
    c = Clause(id="V#9", number="9", heading="Ausnahmen", text=text)
    return extract_document(Document(id="V", lang="de", clauses=[c]))


def _got(text: str) -> list[tuple]:
    return sorted((i.comparator, i.value, i.unit) for i in _doc(text))


def test_deadlines_and_periods_in_calendar_units_are_no_indicators():
    assert _got("Die Behörde entscheidet innerhalb von höchstens 20 Tagen über den Antrag.") == []
    assert _got("Die Genehmigung ist zu befristen und darf 4 Jahre nicht überschreiten.") == []
    assert _got("Die Zeitabstände der Untersuchungen dürfen nicht mehr als 6 Jahre betragen.") == []
    assert _got("Der Betreiber zeigt die Stilllegung spätestens zwei Wochen im Voraus an.") == []
    assert _got("Dies gilt, wenn der Wert während der letzten 10 Monate über insgesamt mehr als 20 Tage überschritten wurde.") == []
    assert _got("Eine Verlängerung darf höchstens für einen Zeitraum von 2 Jahren beantragt werden.") == []


def test_a_period_beside_a_real_limit_leaves_the_limit():
    got = _got("Der Bericht weist aus, dass seit mindestens 4 Jahren die Messwerte unter 40 Prozent des Grenzwertes lagen.")
    assert got == [("<", 40, "Prozent")]


def test_technical_durations_in_calendar_units_stay():
    assert _got("Die Lagerdauer der Probe darf höchstens 5 Tage betragen.") == [("<=", 5, "Tage")]
    assert ("<=", 18, "Monaten") in _got("Die Prüfung umfasst 6 Messungen in verschiedenen Quartalen innerhalb von 18 Monaten.")
    assert [g[:2] for g in _got("Die Bebrütung dauert höchstens 3 Tage bei 22 Grad Celsius.")][:1] == [("<=", 3)]


def test_a_band_in_a_relative_clause_after_bei_scopes_the_rule():
    text = ("Bei Versorgungsgebieten, in denen mehr als 2 000 Kubikmeter pro Tag abgegeben oder mehr als 8 000 Personen "
            "versorgt werden, unterrichtet die Behörde das Ministerium.")
    assert _got(text) == []
    text = "Bei Anlagen, die mehr als 50 Kilowatt leisten, darf der Staubgehalt 20 Milligramm je Kubikmeter nicht überschreiten."
    assert [g[1] for g in _got(text)] == [20]


def test_a_medium_composition_and_an_hourly_test_interval_are_test_settings():
    text = "Die Kolonien wachsen auf Nährböden (2 Prozent Hefeextrakt, 3 Prozent Agar) bei 30 °C."
    got = {(i.comparator, i.value, i.unit, i.role) for i in _doc(text)}
    assert ("=", 2, "Prozent", "test-condition") in got and ("=", 3, "Prozent", "test-condition") in got
    got = {(i.comparator, i.value, i.unit) for i in _doc("Das Wasser im Tank ist alle 24 Stunden zu untersuchen.")}
    assert got == {("=", 24, "Stunden")}
    assert _got("Die Anlage ist alle drei Jahre zu überwachen.") == []  # a calendar interval: administrative
