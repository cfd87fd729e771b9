"""Indicators of parallel text (a translation printed beside a clause) and "N or more" / "N ou plus" bounds.

Every text is written by the test itself; no corpus text.
"""

from __future__ import annotations

from zmdocs.indicators import extract_document
from zmdocs.indicators.or_more import or_more
from zmdocs.model import Clause, Document


def _bounds(found) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in found]


def test_or_more_en():
    """ "two or more", "one km or more", "(10 years or longer)" are lower bounds; "one or more of" is a choice."""
    assert _bounds(or_more("A trench bounded by two or more walls.", "en")) == [(">=", 2, "")]
    assert _bounds(or_more("A cone, one km or more in diameter.", "en")) == [(">=", 1, "km")]
    assert _bounds(or_more("Names in use for a long time (10 years or longer).", "en")) == [(">=", 10, "a")]
    assert or_more("The panel shall comprise four or more members.", "en")[0].parameter == "members"
    assert or_more("Apply one or more of the following measures.", "en") == []
    assert or_more("The group contains one or more items.", "en") == []  # "some": no bound
    assert or_more("If two or more lamps are fitted, the sum is used.", "en") == []  # a condition
    assert or_more("For an assembly of two or more lamps the sum is used.", "en") == []
    assert or_more("It is 5 or more than 6.", "en") == []


def test_or_more_fr():
    """ "une ou plusieurs", "d'un km ou plus", "10 ans ou plus" are lower bounds; "ou plus de" is not."""
    assert _bounds(or_more("Une fosse bordée par deux ou plusieurs parois.", "fr")) == [(">=", 2, "")]
    assert or_more("Une fosse bordée par une ou plusieurs parois.", "fr") == []  # "some": no bound
    assert _bounds(or_more("Un cône d’un km ou plus de diamètre.", "fr")) == []  # "ou plus de": a comparison
    assert _bounds(or_more("Un cône d’un km ou plus, de forme ronde.", "fr")) == [(">=", 1, "km")]
    assert _bounds(or_more("Des noms en usage depuis 10 ans ou plus.", "fr")) == [(">=", 10, "a")]
    assert or_more("two or more", "de") == []


def _doc() -> Document:
    doc = Document(id="d", lang="en")
    doc.clauses = [Clause(id="d#4.1", number="4.1", heading="Test voltage", page=3,
                          text="The test voltage shall not be less than 250 V.",
                          parallel={"fr": {"heading": "Tension d'essai",
                                           "text": "La tension d'essai ne doit pas être inférieure à 250 V. "
                                                   "Le comité est formé de deux ou plusieurs membres."}})]
    return doc


def test_parallel_text_indicators_carry_their_language():
    """The French twin's values are read in French, in the clause they translate, with origin lang fr."""
    found = extract_document(_doc())
    own = [i for i in found if not (i.origin or {}).get("lang")]
    fr = [i for i in found if (i.origin or {}).get("lang") == "fr"]
    assert _bounds(own) == [(">=", 250, "V")]
    assert sorted(_bounds(fr)) == [(">=", 2, ""), (">=", 250, "V")]
    assert all(i.clause == "d#4.1" for i in found)


def test_no_parallel_text_no_extra_indicators():
    """A clause without parallel text gives what it gave before."""
    doc = _doc()
    doc.clauses[0].parallel = {}
    assert _bounds(extract_document(doc)) == [(">=", 250, "V")]


def test_count_per_period():
    """ "no more than 50 names per year" is a rate (<= 50 /a), en and fr; a count without a period is left alone."""
    from zmdocs.indicators import extract_text
    from zmdocs.indicators.per_period import per_period

    assert _bounds(per_period(extract_text("Maximum: no more than 40 entries per year.", lang="en"))) == [("<=", 40, "/a")]
    assert _bounds(per_period(extract_text("Maximum : pas plus de 40 demandes par an.", lang="fr"))) == [("<=", 40, "/a")]
    assert _bounds(per_period(extract_text("The lamp shall flash no more than 3 times.", lang="en"))) == [("<=", 3, "")]


def test_translation_indicators_count_once_in_compare_check_and_diff():
    """Regression: a bilingual PDF's translation column restates each limit; comparison, check and the edition
    diff must see it once (zmdocs.indicators.parallel_text.own_text), the indicator list keeps both."""
    from zmdocs.check import limits_of
    from zmdocs.diff.indicators import items
    from zmdocs.indicators.parallel_text import is_translation, own_text

    doc = _doc()
    doc.indicators = extract_document(doc)
    assert any(is_translation(i) for i in doc.indicators) and any(not is_translation(i) for i in doc.indicators)
    own = own_text(doc)
    assert own is not doc and not any(is_translation(i) for i in own.indicators)
    assert len(doc.indicators) > len(own.indicators)
    assert len(limits_of(doc)) == len([i for i in own.indicators if i.role == "requirement"])
    assert len(items(doc, ("requirement",))) == len(items(own, ("requirement",)))
    plain = Document(id="p", lang="en")
    assert own_text(plain) is plain


def test_per_year_unit_is_known():
    """Regression: "times per year" and "N … per year" give the unit /a, which normalises as itself (no
    'unknown unit' warning for an event rate)."""
    from zmdocs.indicators.units import normalize

    assert normalize("/a", 2)["unit"] == "/a"
    assert normalize("/min", 2)["unit"] == "/min"
