"""Markdown tables flattened into nested lists (legal-text converters) and table lead-ins."""

from __future__ import annotations

from zmdocs.parse.text import markdown_to_blocks

FLAT = """Die Anlagen dürfen die folgenden Werte nicht überschreiten:

*    *   Nr.

    *   Stoff

    *[^1]
   Grenzwert
        mg/l


*    *   1

    *   Stoff A

    *   0,50


*    *   2

    *   Stoff B
        (gelöst)

    *   1,5

Danach folgt Text.
"""

SPANNED = """*    *
    *   Leistung (kW)

    *   Wert (g/m3)


*    *   Gruppe 1

    *   *   4*   50

    *   0,20


*    *   *   50

    *   0,10
"""


def test_nested_list_becomes_table() -> None:
    blocks = markdown_to_blocks(FLAT)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    t = tables[0]
    assert t.header_rows == 1
    assert t.rows[0] == ["Nr.", "Stoff", "Grenzwert mg/l"]
    assert t.rows[2] == ["2", "Stoff B (gelöst)", "1,5"]
    assert blocks[-1].kind == "para" and blocks[-1].text == "Danach folgt Text."


def test_short_rows_carry_spanned_cells_down() -> None:
    t = next(b for b in markdown_to_blocks(SPANNED) if b.kind == "table")
    assert t.rows[0][0] == "" and len(t.rows[0]) == 3
    assert t.rows[2][0] == "Gruppe 1" and t.rows[2][-1] == "0,10"


def test_ordinary_list_stays_text() -> None:
    blocks = markdown_to_blocks("*   erstens\n*   zweitens\n\n1. drittens\n")
    assert all(b.kind == "para" for b in blocks)


def _table_indicators(md: str, lead_in: str) -> list:
    from types import SimpleNamespace

    from zmdocs.indicators import extract_table
    from zmdocs.indicators.leadins import apply_table_leadins
    from zmdocs.model import Table

    b = next(b for b in markdown_to_blocks(md) if b.kind == "table")
    t = Table(id="d#table-1", clause="d#5", header_rows=b.header_rows, rows=b.rows)
    inds = extract_table(t, lang="de", clause="d#5")
    doc = SimpleNamespace(clauses=[SimpleNamespace(id="d#5", text=lead_in + "\n. Weiter.")], tables=[t])
    return apply_table_leadins(doc, inds)


def test_flattened_limits_table_is_read_as_upper_limits() -> None:
    got = {(i.comparator, i.value, (i.unit or "").lower()) for i in _table_indicators(FLAT, "Text:")}
    assert ("<=", 0.5, "mg/l") in got and ("<=", 1.5, "mg/l") in got  # header "Grenzwert", decimal commas


def test_lead_in_makes_bare_values_upper_limits_and_lost_sign_bands_give_nothing() -> None:
    inds = _table_indicators(SPANNED, "(1) Die Massenkonzentrationen dürfen die folgenden Werte nicht überschreiten:")
    got = {(i.comparator, i.value) for i in inds}
    assert ("<=", 0.2) in got and ("<=", 0.1) in got
    assert not any(i.value in (4, 50) for i in inds)  # "* 4* 50": a band whose signs were lost
    plain = _table_indicators(SPANNED, "(1) Es gelten die folgenden Werte:")
    assert {i.comparator for i in plain} == {"="}


def test_text_after_table_is_not_swallowed_by_last_cell() -> None:
    blocks = markdown_to_blocks(FLAT.replace("Danach folgt Text.", "   **Teil II**\nNächster Teil"))
    assert next(b for b in blocks if b.kind == "table").rows[-1] == ["2", "Stoff B (gelöst)", "1,5"]
    assert any(b.kind == "para" and "Teil II" in b.text for b in blocks)


def test_less_than_the_limits_in_the_table_makes_the_implied_bound_strict() -> None:
    """Regression (UN R83 kind): "… shall be less than the limits shown in the table below" over a "Grenzwert"
    table: the header implies an upper bound and the lead-in says it is strict; without the lead-in it stays `<=`."""
    strict = _table_indicators(FLAT, "The mass obtained in each test shall be less than the limits shown in the table below:")
    assert {(i.comparator, i.value) for i in strict} >= {("<", 0.5), ("<", 1.5)}
    plain = _table_indicators(FLAT, "Text:")
    assert {i.comparator for i in plain if i.value in (0.5, 1.5)} == {"<="}


STACKED = """Es gelten folgende Werte:

*    *   Gerät nach
        Nummer

    *   Gruppe A

    *   Gruppe B


*    *   Rauch
        [mg]

    *   Rauch
        [mg]

    *   Ruß
        [mg]


*    *   *   10*   20

    *   0,5

    *   0,6

    *   7




*    *   Gerät nach
        Nummer

    *   Gruppe C


*    *   Rauch
        [mg]

    *   Ruß
        [mg]


*    *   *   20

    *   0,4

    *   3

Danach folgt Text.
"""


def test_stacked_list_tables_with_a_stub_over_two_head_rows() -> None:
    """Tables stacked in one list run, each re-printing its head: a stub cell spanning both head rows, group
    labels over sub-labels ("Gruppe B" over "Rauch | Ruß": a group never names one quantity twice)."""
    blocks = markdown_to_blocks(STACKED)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 2 and [t.header_rows for t in tables] == [2, 2]
    a, c = (t.rows for t in tables)
    assert a[0] == ["Gerät nach Nummer", "Gruppe A", "Gruppe B", "Gruppe B"]
    assert a[1] == ["Gerät nach Nummer", "Rauch [mg]", "Rauch [mg]", "Ruß [mg]"]
    assert [" ".join(x.split()) for x in a[2]] == ["* 10* 20", "0,5", "0,6", "7"]
    assert c[:2] == [["Gerät nach Nummer", "Gruppe C", "Gruppe C"], ["Gerät nach Nummer", "Rauch [mg]", "Ruß [mg]"]]
    assert c[2][1:] == ["0,4", "3"]
    assert not any(b.kind == "para" and "Gruppe" in b.text for b in blocks)  # no head row left in the text
    assert blocks[-1].text == "Danach folgt Text."
