"""Cover metadata of Gulf standards (issue #10, GSO 1040/2000): the id "GSO nnnn/yyyy", the publisher line
that is no title, and the approval date printed day first after its Hijri twin. Covers written by us."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.model import Document
from zmdocs.parse.meta import fill_metadata
from zmdocs.text.stdnum import family_of, find_standards, same_standard

COVER = [
    "STANDARDIZATION ORGANIZATION FOR G.C.C (GSO)",
    "GSO 9999/2005",
    "HOUSEHOLD APPLIANCES -",
    "WATER HEATERS FOR DOMESTIC USE",
    "ICS: 91.140",
    "Date of GSO Board of Directors' Approval 5- 3- 1426 (14-4-2005)",
    "ISSUING STATUS STANDARD",
]


def _meta(cover: list[str]) -> Document:
    doc = Document(id="")
    fill_metadata(doc, cover, "", "sample-cover.pdf")
    return doc


def test_gulf_cover_id_title_and_approval_date():
    doc = _meta(COVER)
    assert doc.id == "GSO 9999/2005" and doc.family == "GSO" and doc.year == 2005
    assert doc.titles == {"en": "HOUSEHOLD APPLIANCES - WATER HEATERS FOR DOMESTIC USE"}
    assert doc.published == "2005-04-14"  # the Gregorian date in brackets, day first; the Hijri 1426 is skipped
    assert doc.ics == "91.140" and doc.implemented == "" and doc.replaces == []


def test_publisher_number_and_title_run_into_one_line():
    """An OCR layer's reader may join the cover's lines: the number cut out leaves the title alone."""
    doc = _meta([" ".join(COVER[:4]), *COVER[4:]])
    assert doc.id == "GSO 9999/2005"
    assert doc.titles == {"en": "HOUSEHOLD APPLIANCES - WATER HEATERS FOR DOMESTIC USE"}


def test_publisher_and_number_on_one_line():
    doc = _meta([" ".join(COVER[:2]), *COVER[2:]])
    assert doc.id == "GSO 9999/2005"
    assert doc.titles == {"en": "HOUSEHOLD APPLIANCES - WATER HEATERS FOR DOMESTIC USE"}


def test_a_day_first_date_without_an_approval_label_is_not_the_publication_date():
    doc = _meta([c for c in COVER if not c.startswith("Date of")] + ["Printed 14-4-2005"])
    assert doc.published == ""


@pytest.mark.parametrize("text, want", [
    ("2.1 GSO 48/1984 \"Motor vehicles\"", ("GSO 48/1984", "GSO", "48", 1984)),
    ("SASO 2870:2017", ("SASO 2870:2017", "SASO", "2870", 2017)),
    ("GSO ISO 8124-1:2019 (toys)", ("GSO ISO 8124-1:2019", "GSO", "ISO 8124-1", 2019)),
    ("GSO 1040", ("GSO 1040", "GSO", "1040", None)),
])
def test_gulf_standard_numbers(text, want):
    r = find_standards(text)[0]
    assert (r.id, r.family, r.number, r.year) == want


def test_gulf_number_forms_name_one_standard():
    assert family_of("GSO 1040/2000") == "GSO"
    assert same_standard("GSO 1040/2000", "GSO 1040:2000") and not same_standard("GSO 1040/2000", "GSO 1041/2000")
    assert [r.id for r in find_standards("AGSO 12/2000 and GSOX 5")] == []  # no Gulf number inside another word


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GSO = CORPUS / "scan" / "gso1040-2000-en-acrobat-ocr.pdf"


@pytest.mark.slow
@pytest.mark.skipif(not GSO.exists(), reason="the real corpus is absent")
def test_gso1040_cover_fields():
    from zmdocs.parse.registry import parse_file

    doc = parse_file(GSO)
    assert doc.id == "GSO 1040/2000" and doc.published == "2000-09-09"
    assert doc.title.upper().startswith("MOTOR VEHICLES - ALLOW")
