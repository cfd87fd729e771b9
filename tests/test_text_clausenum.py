"""zmdocs.text.clausenum: clause-number grammar and legal ids, one answer for parse and align."""

from __future__ import annotations

import pytest

from zmdocs.align.units import clause_units
from zmdocs.model import Clause, Document
from zmdocs.parse.legal import number_of, parse_legal
from zmdocs.text.clausenum import (
    CLAUSE_NO,
    is_clause_number,
    legal_id,
    norm_number,
    number_tuple,
    quantity_start,
    repair_ocr_number,
    split_number,
    sub_article,
)


def test_split_number_and_tuple():
    assert split_number("5.2.3 泄漏电流") == ("5.2.3", "泄漏电流")
    assert split_number("A.1 General") == ("A.1", "General")
    assert split_number("3.6.3. Light source") == ("3.6.3", "Light source")
    assert split_number("泄漏电流") is None
    assert number_tuple("5.2.3") == (5, 2, 3) and number_tuple("A.1") == ("A", 1)
    assert quantity_start("8位值") and not quantity_start("8 要求")


@pytest.mark.parametrize("written, key", [
    ("5.2.", "5.2"), ("a.1", "A.1"), ("第十二条", "12"), ("Article 12", "12"), ("§ 12", "12"), ("Art. 12", "12"),
    ("Article 12a", "12-1"), ("Article 12b", "12-2"), ("12-1", "12-1"),
    ("第二章", "CH2"), ("Chapter II", "CH2"), ("CHAPTER 2", "CH2"), ("ch2", "CH2"), ("ch3.s2", "CH3.S2"),
])
def test_norm_number(written, key):
    assert norm_number(written) == key


def test_invalid_roman_chapter_is_not_read_as_a_number():
    # the old align copy summed any I/V/X/L/C letters: "IIII" was chapter 4, "IC" chapter 99
    assert norm_number("Chapter IIII") == "CHIIII" != norm_number("Chapter IV")
    assert norm_number("Chapter IC") == "CHIC"


def test_parsed_legal_ids_and_written_numbers_share_one_key():
    """The parser's ids (legal.number_of) and align's key (norm_number) agree: 12a is 12-1, Chapter I is ch1."""
    h = parse_legal("Article 12a Scope")
    assert (h.unit, h.n, h.sub) == ("article", 12, 1)
    assert number_of("article", h.n, h.sub, []) == "12-1"
    assert norm_number(number_of("article", h.n, h.sub, [])) == norm_number("Article 12a")
    c = parse_legal("Chapter I General provisions")
    assert number_of("chapter", c.n, 0, []) == "ch1" and norm_number("ch1") == norm_number("Chapter I")
    assert number_of("section", 2, 0, [("chapter", "ch3")]) == "ch3.s2" == legal_id("section", 2, 0, "ch3")
    assert legal_id("part", 1) == "pt1" and legal_id("article", 12) == "12"
    assert sub_article("a") == 1 and sub_article("bis") == 1 and sub_article("ter") == 2 and sub_article("") == 0


def test_parsed_legal_ids_are_clause_numbers_for_alignment():
    for n in ("12-1", "ch1", "ch3.s2", "pt1", "5.2.1", "A.1", "第十二条", "Article 12"):
        assert is_clause_number(n), n
    assert not is_clause_number("body") and not is_clause_number("")
    law = Document(id="law", clauses=[Clause(id=f"law#{n}", number=n, heading=h, text=t) for n, h, t in [
        ("ch1", "General", ""), ("1", "", "This law applies to appliances."), ("1-1", "", "It also applies to parts."),
        ("2", "", "Producers shall mark the rated voltage.")]])
    assert [u.number for u in clause_units(law)] == ["ch1", "1", "1-1", "2"]


def test_clause_number_alone_in_a_cell():
    assert all(CLAUSE_NO.match(n) for n in ("13.2", "A.1", "NA.2.3", "5", "19.11.4.7"))
    assert not any(CLAUSE_NO.match(n) for n in ("0.5", "1250", "IPX4", "5.2 a)", ""))


def test_dash_numbering_gulf_style():
    """"1- SCOPE", "4.1- Heading", "3.2 - Heading" (Gulf/GSO and older national standards) are number + heading."""
    assert split_number("1- SCOPE AND FIELD OF APPLICATION") == ("1", "SCOPE AND FIELD OF APPLICATION")
    assert split_number("4.1- General") == ("4.1", "General")
    assert split_number("3.2 - Label content") == ("3.2", "Label content")
    assert split_number("2 – Normative references") == ("2", "Normative references")


@pytest.mark.parametrize("text", ["2000-05-15 is the date", "5-10 mm is the height", "1- 2", "1-2", "3.2- 5 mm", "12-1 Article"])
def test_dash_never_reads_dates_ranges_or_cells(text):
    sn = split_number(text)
    assert sn is None or sn[1][:1] in "-–"  # at most "5 - 10 mm" style: the value guard of the parser sees "- 10"


@pytest.mark.parametrize("text, want", [
    ("7 .1 The criteria", "7.1 The criteria"),
    ("7.2. l The vehicle", "7.2.1 The vehicle"),
    ("5.4.l Determination of smoke.", "5.4.1 Determination of smoke."),
    ("6. 1.1 Make", "6.1.1 Make"),
    ("1. 11 System of cooling", "1.11 System of cooling"),
    ("7. 6. In the case of", "7.6. In the case of"),  # a regulation's number with a stray inner space
    ("5. Valve timing", "5. Valve timing"),  # a trailing dot, no OCR gap
    ("5. I think so", "5. I think so"),  # the English pronoun after a numbered line is no broken digit
    ("1 2 Make", "1 2 Make"),  # two numbers, not a broken one
])
def test_repair_ocr_number(text, want):
    assert repair_ocr_number(text) == want


def test_list_item_with_a_quantity_is_not_repaired_into_a_clause_number() -> None:
    """Regression: the OCR-gap repair read "1. 5 kg of sample" as clause 1.5; a lower-case word after the
    gap is a list item's quantity, a capital or CJK word a clause heading."""
    from zmdocs.text.clausenum import repair_ocr_number, split_number

    assert repair_ocr_number("1. 5 kg of sample") == "1. 5 kg of sample"
    assert split_number("3. 5 specimens shall be taken") != ("3.5", "specimens shall be taken")
    assert repair_ocr_number("2. 1 Scope") == "2.1 Scope"
    assert repair_ocr_number("7 .1 General") == "7.1 General"
