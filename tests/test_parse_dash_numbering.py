"""Dash numbering ("1- SCOPE", "4.1- GENERAL", "4.2 - LABEL CONTENT") as Gulf (GSO) and older national
standards print it, read from a sample written by us (tests/data/parse/gulf-dash-numbering.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.parse.registry import parse_file

SAMPLE = Path(__file__).parent / "data" / "parse" / "gulf-dash-numbering.txt"


@pytest.fixture(scope="module")
def doc():
    return parse_file(SAMPLE)


def test_dash_numbered_clauses_and_nothing_else(doc):
    got = [c.number for c in doc.clauses]
    assert got == ["1", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2", "4.3", "5", "5.1",
                   "A", "A.1", "A.1.1", "A.1.2", "A.2"]
    assert doc.clause("1").heading == "SCOPE" and doc.clause("4.1").heading == "GENERAL"
    assert doc.clause("4.2").heading == "LABEL CONTENT" and doc.clause("4.2").parent.endswith("#4")


def test_list_items_dates_ranges_and_cells_stay_text(doc):
    text = doc.clause("4.2").text
    assert "1- Rated capacity" in text and "3- Name of the manufacturer" in text
    assert "5-10 mm is the height" in text and "1- 2" in text
    assert "2000-05-15 is the date" in doc.clause("4.1").text


def test_terms_set_with_a_colon_are_headed_by_the_term(doc):
    assert doc.clause("3.1").heading == "Rated capacity"
    assert doc.clause("3.2").heading == "Energy label (EL)"


def test_plainly_numbered_items_of_a_lettered_appendix(doc):
    """"APPENDIX (A)" over "1 Heater", "1.1 Make": the appendix's own numbering is clause A.1, A.1.1."""
    assert doc.clause("A").heading == "Data to be supplied by the manufacturer"
    assert doc.clause("A.1").heading == "Heater" and doc.clause("A.1.1").parent.endswith("#A.1")
    assert doc.clause("A.2").text == "Description of the heating element."


def test_dash_numbered_contents_lines_are_skipped(doc):
    """"1- SCOPE 1" (a contents entry with its page number) is no cover line: the title stays the title."""
    assert doc.title == "HOUSEHOLD WATER HEATERS - MARKING OF ENERGY LABELS"


@pytest.mark.parametrize("text, want", [
    ("TABLE (1)", ("1", "", False)),
    ("TABLE (2) ( continued)", ("2", "", True)),
    ("Table (3) Sample size", ("3", "Sample size", False)),
    ("Table (1 gives the limits", None),  # an unclosed bracket is no caption
])
def test_table_numbers_in_parentheses(text, want):
    from zmdocs.parse.elements import caption_of

    assert caption_of(text) == want
