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


def test_un_regulation_title_follows_the_regulation_line():
    d = Document(id="")
    fill_metadata(d, ["E E", "/ECE/324/Add.99/Rev.2 3 March 2015", "Agreement", "Concerning the Adoption of Example Prescriptions",
                      "_________", "Addendum 99: Regulation No. 199", "Revision 2", "Incorporating all valid text up to:",
                      "Supplement 3 to 01 series of amendments: Date of entry into force: 9 May 2014",
                      "Uniform provisions concerning the approval of example lamps", "_________", "UNITED NATIONS"], "", "x.pdf")
    assert (d.id, d.titles, d.published) == ("UN Regulation No. 199", {"en": "Uniform provisions concerning the approval of example lamps"}, "2015-03-03")


def test_official_journal_title_after_the_dash_and_date_from_the_running_head():
    d = Document(id="")
    fill_metadata(d, ["I", "(Acts whose publication is obligatory)",
                      "Regulation No 199 of the Economic Commission for Europe of the United Nations (UN/ECE) — Uniform provisions concerning:",
                      "I. The approval of example devices", "II. The installation of example devices"], "", "x.pdf",
                  running=["3.4.2010 EN Official Journal of the European Union L 99/1"])
    assert d.id == "UN Regulation No. 199" and d.published == "2010-04-03"
    assert d.titles["en"] == "Uniform provisions concerning: I. The approval of example devices II. The installation of example devices"


def test_codes_publishers_editions_and_designations_are_not_titles():
    d = Document(id="")
    fill_metadata(d, ["ICS43.020", "CCST04", "GB 12345—2025", "家用电热水壶", "Household kettle", "2025-04-25发布"], "", "x.pdf")
    assert d.titles == {"zh": "家用电热水壶", "en": "Household kettle"}
    d = Document(id="")
    fill_metadata(d, ["INTERNATIONAL OIML R 99-1", "RECOMMENDATION Edition 2020 (E)", "Example instruments",
                      "Part 1: Requirements", "Réglementation des instruments de mesure", "Partie 1 : Exigences métrologiques",
                      "ORGANISATION INTERNATIONALE DE MÉTROLOGIE LÉGALE", "INTERNATIONAL ORGANIZATION OF LEGAL METROLOGY"], "", "x.pdf")
    assert d.id == "OIML R 99-1:2020"
    assert d.titles == {"en": "Example instruments Part 1: Requirements", "fr": "Réglementation des instruments de mesure Partie 1 : Exigences métrologiques"}
    d = Document(id="")
    fill_metadata(d, ["S-199", "Published by the", "International Hydrographic Organization", "Example Product Specification"], "", "x.docx")
    assert d.id == "IHO S-199" and d.titles == {"en": "Example Product Specification"}


def test_foreword_names_the_replaced_edition_without_its_family():
    d = Document(id="")
    fill_metadata(d, ["INTERNATIONAL OIML R 99-1", "RECOMMENDATION Edition 2020 (E)", "Example instruments"],
                  "It was approved in 2020. It supersedes the previous edition of R 99 dated 2012.", "x.pdf")
    assert d.replaces == ["OIML R 99:2012"]


def test_running_head_names_the_standard_but_never_a_copyright_line():
    d = Document(id="")
    fill_metadata(d, ["家用电热水壶"], "", "/x/notes.pdf", running=["© ISO 2023", "GB/T 12345—2012"])
    assert d.id == "GB/T 12345—2012"


def test_a_month_alone_dates_an_edition_unless_labelled():
    d = Document(id="")
    front = ["S-199", "Published by the", "International Hydrographic Organization", "Example Product Specification",
             "Edition 1.0.0 – October 2019", *[f"Copyright notice paragraph {i}" for i in range(8)]]
    fill_metadata(d, [*front, "Document History", "Version Number", "Date", "1.0.0", "April 2012"], "", "x.docx")
    assert d.published == ""
    d = Document(id="")
    fill_metadata(d, ["DIN EN 12345:2020", "Ausgabe Februar 2020", "Beispielgeräte für den Hausgebrauch"], "", "x.pdf")
    assert d.published == "2020-02"


def test_ocr_noise_neither_hides_the_draft_stage_nor_becomes_a_title():
    d = Document(id="")
    fill_metadata(d, ["rH > Be, De A EB] Es] BE os", "GB XXXXX—XXXX", "家用电热水壶", "Household electric kettle",
                      "《征求 elt 意见稿 )", "| MEE La"], "", "x.pdf")
    assert (d.id, d.status, d.titles) == ("GB XXXXX—XXXX", "征求意见稿", {"zh": "家用电热水壶", "en": "Household electric kettle"})


def test_bilingual_cover_lines_split_by_language_and_status_lines_skipped():
    d = Document(id="")
    fill_metadata(d, ["INTERNATIONAL OIML R 99", "RECOMMENDATION Edition 1980 (E)", "Balances de précision",
                      "Précision électronique", "Household kettles", "(with automatic switch)"], "", "x.pdf")
    assert d.titles == {"fr": "Balances de précision Précision électronique", "en": "Household kettles (with automatic switch)"}
    d = Document(id="")
    fill_metadata(d, ["Regulation No 199 of the Economic Commission for Europe of the United Nations (UN/ECE)",
                      "– Uniform provisions concerning the approval of example lamps", "Revision 3",
                      "Covering all series including the 01 series of amendments:",
                      "Supplement 1 to the 01 series of amendments - Date of entry into force: 29 March 2001"], "", "x.pdf",
                  running=["27.12.2006 EN Official Journal of the European Union L 375/223"])
    assert (d.titles, d.published) == ({"en": "Uniform provisions concerning the approval of example lamps"}, "2006-12-27")


def test_iso_and_en_covers():
    d = Document(id="")
    fill_metadata(d, ["INTERNATIONAL STANDARD", "ISO 12345-1", "First edition", "2023-05", "Household kettles — Part 1: Safety",
                      "Bouilloires électriques — Partie 1: Sécurité", "Reference number", "ISO 12345-1:2023(E)", "© ISO 2023"], "", "x.pdf")
    assert (d.id, d.published, d.titles["en"]) == ("ISO 12345-1:2023", "2023-05", "Household kettles — Part 1: Safety")
    d = Document(id="")
    fill_metadata(d, ["EUROPEAN STANDARD", "EN 12345-2:2016", "July 2016", "ICS 97.040.50", "Supersedes EN 12345-2:2002",
                      "English Version", "Household kettles - Part 2: Particular requirements", "(IEC 12345-2:2012 , modified)"], "", "x.pdf")
    assert (d.published, d.replaces, d.adoption.relation, d.adoption.standard) == ("2016-07", ["EN 12345-2:2002"], "MOD", "IEC 12345-2:2012")
    assert d.titles == {"en": "Household kettles - Part 2: Particular requirements"}


def test_cover_dates_with_spaced_dashes():
    d = Document(id="")
    fill_metadata(d, ["GB 12345—2017", "代替 GB 12345-2012", "家用电热水壶", "2017 – 09 – 29 发布 2018 – 01 – 01 实施"], "", "x.pdf")
    assert (d.published, d.implemented, d.replaces) == ("2017-09-29", "2018-01-01", ["GB 12345—2012"])
