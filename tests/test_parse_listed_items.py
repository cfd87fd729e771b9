"""Regulations that split one sentence into numbered items ("2.7.1 either …", "2.7.2 or such lower …",
"…; and" + "2.7.2 in cases where …"): each item is a clause; a number wrapped out of a sentence ("2.7.2 and
2.7.3 apply") is not. Samples written here, not corpus text."""

from __future__ import annotations

from zmdocs.parse.blocks import Block
from zmdocs.parse.numbering import listed_item
from zmdocs.parse.structure import build_document


def test_the_next_sibling_going_on_with_a_joining_word_is_an_item():
    assert listed_item("4.2.2", (4, 2, 1), "or such other value as the maker declares.")
    assert listed_item("4.2.2", ("#3", 4, 2, 1), "in cases where the kettle has two spouts, both are tested.")
    assert not listed_item("4.2.3", (4, 2, 1), "or such other value")  # not the next one
    assert not listed_item("4.2.2", (4, 2, 1), "and 4.2.3 apply to every kettle.")  # a list of references
    assert not listed_item("4.2.2", (4, 2, 1), "of this Regulation.")  # a reference wrapped out of a sentence
    assert not listed_item("4.2.2", None, "or such other value")
    assert not listed_item("4", (3,), "or such other value")  # a chapter number is never a sentence's item


def _doc(texts: list[str]):
    return build_document([Block(kind="para", text=t, page=1) for t in texts])


def test_items_of_one_sentence_are_clauses_of_their_own():
    doc = _doc(["1. SCOPE", "This sample regulation applies to kettles.", "2. DEFINITIONS",
                "2.1. 'Rated time' means", "2.1.1. either the longest of the following times:",
                "three minutes", "the time the maker declares", "2.1.2. or such shorter time as the maker may request.",
                "2.2. 'Kettle' means a vessel for boiling water; the test of 2.1 is run once and",
                "2.3. in cases where the kettle has two spouts, both are tested.",
                "3. TESTS", "The tests of paragraphs 2.1 and", "2.2 and 2.3 apply to every kettle."])
    assert doc.clause("2.1.2").text.startswith("or such shorter time")
    assert "or such shorter" not in doc.clause("2.1.1").text
    assert doc.clause("2.3").text.startswith("in cases where")
    assert doc.clause("3").heading == "TESTS" and "2.2 and 2.3 apply" in doc.clause("3").text
