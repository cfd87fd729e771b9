"""NISO STS XML reader (zmdocs/parse/sts.py) on a sample written for these tests."""

from __future__ import annotations

import json

import pytest

import zmdocs
from zmdocs.errors import ParseError
from zmdocs.parse.registry import detect_format


@pytest.fixture(scope="module")
def sts_doc(data_dir):
    return zmdocs.parse(data_dir / "parse" / "sts-sample.xml")


def test_detected_by_content(data_dir, tmp_path):
    assert detect_format(data_dir / "parse" / "sts-sample.xml") == "sts"
    renamed = tmp_path / "standard.txt"
    renamed.write_bytes((data_dir / "parse" / "sts-sample.xml").read_bytes())
    assert detect_format(renamed) == "sts"


def test_metadata(sts_doc):
    assert sts_doc.id == "ISO 99999-1:2025"
    assert sts_doc.family == "ISO"
    assert sts_doc.titles["en"].endswith("Part 1: Safety") and "fr" in sts_doc.titles
    assert sts_doc.published == "2025-03-14"
    assert sts_doc.ics == "97.040.50"
    assert sts_doc.replaces == ["ISO 99999-1:2019"]


def test_sections_terms_annex(sts_doc):
    nums = [c.number for c in sts_doc.clauses]
    assert nums == ["1", "2", "3", "3.1", "3.2", "4", "4.1", "4.2", "A", "A.1"]
    c = sts_doc.clause("4.1")
    assert c.heading == "Leakage current" and c.parent.endswith("#4")
    assert [t.terms["en"] for t in sts_doc.terms] == ["kettle", "rated capacity"]
    annex = sts_doc.clause("A")
    assert annex.kind == "annex-normative" and annex.heading == "Test for boiling-dry"
    assert "IEC 60335-1:2020" in sts_doc.references


def test_lists_and_notes(sts_doc):
    hit = sts_doc.item("4.1 b)")
    assert hit is not None and hit[1].text.startswith("for class II")
    assert "NOTE The values are invented" in sts_doc.clause("4.1").text


def test_table_spans(sts_doc):
    (t,) = sts_doc.tables
    assert t.number == "1" and t.caption == "Maximum temperature rises"
    assert t.header_rows == 2
    assert t.rows[0] == ["Part", "Temperature rise K", "Temperature rise K"]
    assert t.rows[1] == ["Part", "Class I", "Class II"]
    assert len(t.body) == 2


def test_entities_not_expanded(sts_doc):
    text = sts_doc.clause("1").text
    assert "lollol" not in text
    host = open("/etc/hostname").read().strip() if __import__("os").path.exists("/etc/hostname") else ""
    assert not host or host not in text.replace("&secret;", "")
    json.loads(sts_doc.to_json())


def test_not_sts_xml(tmp_path):
    p = tmp_path / "other.xml"
    p.write_text("<?xml version='1.0'?><note><p>hello</p></note>", encoding="utf-8")
    with pytest.raises(ParseError):
        zmdocs.parse(p)
