"""Cover and foreword metadata: adoption statements, ids from file names, dates, ICS/CCS, replaces."""

from __future__ import annotations

import pytest

from zmdocs.model import Document
from zmdocs.parse.meta import fill_metadata, find_adoption, id_from_filename


@pytest.mark.parametrize(
    "text, relation, standard",
    [
        ("本文件等同采用ISO 9001:2015《质量管理体系 要求》。", "IDT", "ISO 9001:2015"),
        ("本文件修改采用IEC 60335-2-15:2012。", "MOD", "IEC 60335-2-15:2012"),
        ("本文件参照IEC 60335-1:2010，非等效采用IEC 60335-2-15:2016。", "NEQ", "IEC 60335-2-15:2016"),
        ("（IEC 60335-2-15:2016，MOD）", "MOD", "IEC 60335-2-15:2016"),
        ("(ISO 3744:2010, IDT)", "IDT", "ISO 3744:2010"),
        ("This standard is identical to ISO 3744:2010.", "IDT", "ISO 3744:2010"),
        ("This document is modified from IEC 60730-2-9:2015.", "MOD", "IEC 60730-2-9:2015"),
        ("Dieses Dokument ist identisch mit IEC 60335-2-15:2016.", "IDT", "IEC 60335-2-15:2016"),
        ("Diese Norm übernimmt EN 60335-2-15:2016 unverändert.", "IDT", "EN 60335-2-15:2016"),
        ("Le présent document est identique à l'IEC 60335-2-15:2016.", "IDT", "IEC 60335-2-15:2016"),
    ],
)
def test_adoption_statements(text, relation, standard):
    a = find_adoption(text)
    assert a is not None and (a.relation, a.standard) == (relation, standard)


def test_no_adoption_from_domestic_references():
    assert find_adoption("本文件按照GB/T 1.1—2020的规定起草。本文件代替GB 4706.19—2008。") is None
    assert find_adoption("GB 4706.1—2005 通用要求（GB 4706.1—1998，IDT）") is None


@pytest.mark.parametrize(
    "name, ident",
    [
        ("GB-4706.19-2024-kettle.pdf", "GB 4706.19—2024"),
        ("T-ZZB-0999-2026-kettle.docx", "T/ZZB 0999—2026"),
        ("GB-T-4208-2017.pdf", "GB/T 4208—2017"),
        ("GBT-4208-2017.pdf", "GB/T 4208—2017"),
        ("IEC-60335-2-15-2016-kettle.pdf", "IEC 60335-2-15:2016"),
        ("DIN-EN-60335-2-15-2020-kettle.pdf", "DIN EN 60335-2-15:2020"),
        ("ISO-IEC-17025-2017.pdf", "ISO/IEC 17025:2017"),
        ("my notes.txt", "my notes"),
    ],
)
def test_id_from_filename(name, ident):
    assert id_from_filename(f"/some/dir/{name}") == ident


def test_cover_fields_old_ccs_and_english_dates():
    d = Document(id="")
    fill_metadata(d, ["ICS 97.040.50", "Y 68", "GB/T 1234—2019", "代替GB/T 1234—2008", "Publication date: 2019-06-04",
                      "Implementation date 2020-01-01", "电热水壶"], "", "x.pdf")
    assert (d.id, d.ccs, d.published, d.implemented, d.replaces) == ("GB/T 1234—2019", "Y 68", "2019-06-04", "2020-01-01", ["GB/T 1234—2008"])
    assert d.titles == {"zh": "电热水壶"}


def test_cover_without_number_uses_file_name_and_never_fails():
    d = Document(id="")
    fill_metadata(d, [], "", "/x/QB-T-1234-2010.pdf")
    assert (d.id, d.family, d.year) == ("QB/T 1234—2010", "QB/T", 2010)
    d = Document(id="")
    fill_metadata(d, ["2024年3月15日发布"], "", "")
    assert d.id == "" and d.published == "2024-03-15"


def test_draft_placeholder_number():
    d = Document(id="")
    fill_metadata(d, ["浙江制造团体标准", "T/ZZB XXXX—2026", "电热水壶", "（征求意见稿）"], "", "/x/draft.docx")
    assert (d.id, d.family, d.titles) == ("T/ZZB XXXX—2026", "T/ZZB", {"zh": "电热水壶"})
