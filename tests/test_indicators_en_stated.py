"""English values stated without a requirement verb, and glued bound words of a PDF text layer (issue #11)."""

from __future__ import annotations

from zmdocs.indicators import extract_document
from zmdocs.indicators.en_stated import unglue
from zmdocs.model import Clause, Document


def _got(text: str) -> list[tuple]:
    c = Clause(id="S#3.2", number="3.2", heading="Coverage", text=text)
    return sorted((i.comparator, i.value, i.min, i.max, i.unit, i.role)
                  for i in extract_document(Document(id="S", lang="en", clauses=[c])))


def test_glued_bound_words_are_spaced_again():
    assert unglue("the sweep mustnotbelower than7% of the area") == "the sweep must not be lower than 7% of the area"
    assert unglue("it shall not be less than 2 m") == "it shall not be less than 2 m"
    assert [g[:2] for g in _got("The overlap mustnotbelower than7%.")] == [(">=", 7)]


def test_a_value_first_statement_is_the_value_of_its_parameter():
    got = _got("A narrow fan was the reference. 12% is therefore the appropriate value for the overlap of the sweeps.")
    assert ("=", 12, None, None, "%", "informative") in got


def test_an_angle_written_as_an_attribute_after_with():
    assert ("=", 6, None, None, "°", "informative") in _got("A transducer with a 6° opening angle was used in the trial.")
    assert ("range", None, 4, 9, "°", "informative") in _got("A sonar with 4-9° opening angle served as the reference.")
    assert _got("It is recommended to sweep the area in conjunction with a 50% overlap.") == []  # a share names a level


def test_the_share_a_scale_value_stands_for():
    got = _got("The opacity is given by the value beta. A value of 1 represents full opacity. A value of 0 represents 40% opacity.")
    assert ("=", 40, None, None, "%", "informative") in got
