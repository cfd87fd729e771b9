"""Kinds of real-document constructs (issue 11): counts per volume, unit words, remarks in sentences,
alternative bounds, counts in words, value lists, limit titles over tables. Synthetic text, no corpus needed."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Clause, Document, Table
from zmdocs.parse.text import markdown_to_blocks


def _tuples(inds) -> list[tuple]:
    return [gold_tuple(i) for i in inds]


def test_quotient_units_compose_from_their_sides() -> None:
    assert unit_symbol("Litern/Kilowatt") == "L/kW" and unit_symbol("Milligramm/Kilowattstunde") == "mg/kWh"
    assert unit_symbol("Anzahl/ 100 ml") == unit_symbol("/100 ml") == "/100 mL"
    assert unit_symbol("µS/cm") == "µS/cm"  # an unknown side keeps the unit as written


def test_count_per_volume_under_a_limit_header() -> None:
    t = Table(id="t", clause="D#anl1", header_rows=1, rows=[
        ["Laufende Nummer", "Parameter", "Grenzwert/ Anforderung"], ["1", "Stoff-Keime", "0/100 ml"], ["2", "Andere Keime", "20/ml"]])
    assert _tuples(extract_table(t, lang="de")) == [("<=", 0.0, "/100 mL"), ("<=", 20.0, "/mL")]


def test_unit_column_with_a_substance_or_an_abbreviation() -> None:
    t = Table(id="t", clause="D#anl3", header_rows=1, rows=[
        ["Nr.", "Parameter", "Einheit, als", "Grenzwert"], ["1", "Oxidierbarkeit", "mg/l O 2", "5,0"],
        ["2", "Trübung", "Nephelometrische Trübungseinheiten (NTU)", "1,0"], ["3", "Keime", "Anzahl/100 ml", "0"]])
    assert _tuples(extract_table(t, lang="de")) == [("<=", 5.0, "mg/L"), ("<=", 1.0, "NTU"), ("<=", 0.0, "/100 mL")]


def test_remarks_written_in_sentences_are_read_as_prose() -> None:
    t = Table(id="t", clause="D#anl2", header_rows=1, rows=[
        ["Nr.", "Parameter", "Grenzwert mg/l", "Bemerkungen"],
        ["1", "Stoff X", "0,50", "Am Ausgang der Anlage darf der Wert von 0,10 mg/l für Stoff X nicht überschritten werden."]])
    assert sorted(_tuples(extract_table(t, lang="de"))) == [("<=", 0.1, "mg/L"), ("<=", 0.5, "mg/L")]


def test_german_unit_words_per_word_and_verb_after_the_unit() -> None:
    got = _tuples(extract_text("Die Anlagen sind so zu betreiben, dass die Emissionen einen Wert von 1 300 Milligramm je "
                               "Kilowattstunde nicht überschreiten.", "de"))
    assert got == [("<=", 1300.0, "mg/kWh")]
    got = _tuples(extract_text("Es ist mindestens ein Speichervolumen von 55 Litern pro Kilowatt Nennleistung zu verwenden.", "de"))
    assert got == [(">=", 55.0, "L/kW")]
    assert _tuples(extract_text("Sie sind so zu betreiben, dass die Rußzahl 2 nicht überschreitet.", "de")) == [("<=", 2.0, "")]


def test_alternative_bound_in_parentheses() -> None:
    inds = extract_text("In height: not less than 350 mm nor more than 1,500 mm (2,100 mm if the shape of the body makes "
                        "it impossible to keep within 1,500 mm).", "en")
    assert _tuples(inds) == [("range", (350.0, 1500.0), "mm"), ("<=", 2100.0, "mm")]
    assert any("shape of the body" in c for c in inds[1].conditions)


def test_stated_values_joined_by_and_and_lists_read_respectively() -> None:
    assert _tuples(extract_text("Horizontal angle: 45° inwards and 80° outwards.", "en")) == [("=", 45.0, "°"), ("=", 80.0, "°")]
    got = _tuples(extract_text("For lamps with non-replaceable sources, at 6.75 V, 13.5 V or 28.0 V respectively.", "en"))
    assert got == [("=", 6.75, "V"), ("=", 13.5, "V"), ("=", 28.0, "V")]
    assert _tuples(extract_text("An intensity of 60 cd shall be permitted below the plane.", "en"))[0] == ("<=", 60.0, "cd")


def test_a_count_in_words_under_a_number_heading() -> None:
    assert _tuples(extract_text("Two.", "en", context="Number")) == [("=", 2.0, "")]
    assert _tuples(extract_text("Two devices of one kind and one of the other.", "en", context="Number")) == [("=", 2.0, ""), ("=", 1.0, ""), ("=", 1.0, "")]
    assert extract_text("Two devices of one kind.", "en", context="Installation") == []


MD = """### Anlage 9 Anforderungen bei der Prüfung

**1.** **Emissionsgrenzwerte und Mindestwirkungsgrade für Öfen**

    *        *
        *   Stufe 1

        *   Errichtung ab 2010


    *        *   Art

        *   CO [g/m3]

        *   Staub [g/m3]

        *   Mindest- wirkungsgrad [%]


    *        *   Kaminofen

        *   2,0

        *   0,075

        *   73

    Sonstige Öfen müssen die Anforderungen der Kaminofen einhalten.
"""


def test_indented_list_table_with_group_header_under_a_limit_title() -> None:
    tables = [b for b in markdown_to_blocks(MD) if b.kind == "table"]
    assert len(tables) == 1 and tables[0].header_rows == 2
    assert tables[0].rows[0] == ["", "Stufe 1", "Stufe 1", "Errichtung ab 2010"]  # the group label spans its share
    rows = tables[0].rows
    doc = Document(id="D", lang="de", clauses=[
        Clause(id="D#A9", number="Anlage 9", heading="Anforderungen bei der Prüfung", kind="annex-normative",
               text="1. Emissionsgrenzwerte und Mindestwirkungsgrade für Öfen\nSonstige Öfen müssen die Anforderungen einhalten.")],
        tables=[Table(id="t", clause="D#A9", header_rows=2, rows=rows)])
    inds = extract_document(doc)
    assert sorted(_tuples(inds)) == [("<=", 0.075, "g/m³"), ("<=", 2.0, "g/m³"), (">=", 73.0, "%")]
    assert {i.role for i in inds} == {"requirement"}  # a heading naming requirements: limits, not test conditions


def test_values_listed_under_limit_values_are_upper_limits() -> None:
    text = ("2. Grenzwerte für Anlagen mit besonderen Brennstoffen\nDioxine: 0,1 ng/m3\nStaub: 0,02 g/m3\n"
            "3. Durchführung der Messungen\nDie Probenahmedauer beträgt 6 h.")
    assert _tuples(extract_text(text, "de")) == [("<=", 0.1, "ng/m³"), ("<=", 0.02, "g/m³"), ("=", 6.0, "h")]
    got = _tuples(extract_text("Es gelten folgende Grenzwerte: 100/ml am Hahn; 20/ml nach der Aufbereitung.", "de"))
    assert got == [("<=", 100.0, "/mL"), ("<=", 20.0, "/mL")]
    assert _tuples(extract_text("Für Wasser in Flaschen gilt der Grenzwert 20/ml.", "de")) == [("<=", 20.0, "/mL")]


def test_a_rate_whose_time_unit_comes_first_and_test_points_in_a_list() -> None:
    got = _tuples(extract_text("Anlagen, aus denen pro Tag weniger als 10 Kubikmeter Wasser entnommen werden.", "de"))
    assert got == [("<", 10.0, "m³/d")]
    got = _tuples(extract_text("Tests shall also be carried out with the engine reset to give 90 %, 80 % and 70 % of the full power.", "en"))
    assert got == [("=", 90.0, "%"), ("=", 80.0, "%"), ("=", 70.0, "%")]


def test_english_area_words_not_be_less_than_and_a_comparison_inside_an_if_clause() -> None:
    got = _tuples(extract_text("The lamp shall provide an unobstructed view of at least 12.5 square centimetres.", "en"))
    assert got == [(">=", 12.5, "cm²")]
    assert _tuples(extract_text("The plane shall not be less than 850 mm above the ground.", "en")) == [(">=", 850.0, "mm")]
    inds = extract_text("This distance may be reduced to 400 mm if the overall width of the vehicle is less than 1,300 mm.", "en")
    assert _tuples(inds) == [("=", 400.0, "mm")] and inds[0].conditions == ["if the overall width of the vehicle is less than 1,300 mm"]


def test_a_header_unit_written_in_the_cell_is_not_given_to_its_neighbours() -> None:
    got = _tuples(extract_text("a = 0.25 m b = 0.0075", "en", default_unit="m", bare_is_value=True))
    assert got == [("=", 0.25, "m"), ("=", 0.0075, "")]
    assert _tuples(extract_text("0.25 0.5", "en", default_unit="m", bare_is_value=True)) == [("=", 0.25, "m"), ("=", 0.5, "m")]


def test_small_numbers_in_words_before_a_unit_or_after_a_bound() -> None:
    got = _tuples(extract_text("Die Probenahmedauer beträgt eine halbe Stunde; es sind mindestens drei Bestimmungen durchzuführen.", "de"))
    assert got == [("=", 0.5, "h"), (">=", 3.0, "")]
    assert _tuples(extract_text("ein Speicher mit einem Volumen von zwölf Litern je Liter Füllraum", "de")) == [("=", 12.0, "L/L")]
    assert _tuples(extract_text("The conditioning period shall be at least two hours.", "en")) == [(">=", 2.0, "h")]
    assert extract_text("Two lamps and three reflectors are fitted.", "en") == []  # a count of things, not a quantity


@pytest.mark.parametrize("text,lang", [("连接器应能承受10 000次插拔循环。", "zh"),
                                       ("The connector shall withstand 10 000 cycles of operation.", "en")])
def test_endurance_count_is_a_minimum(text, lang):
    """Regression (kettle connector row): "withstand 10 000 cycles" was read as "= 10000", so a
    reference asking for 5 000 cycles could not be judged; the count is a minimum."""
    (ind,) = extract_text(text, lang=lang)
    assert (ind.comparator, ind.value, ind.direction) == (">=", 10000, "higher-is-stricter")


def test_withstood_test_level_stays_a_stated_value():
    (ind,) = extract_text("绝缘应能承受1250 V的试验电压。", lang="zh")
    assert ind.comparator == "="
