"""Legal/regulatory numbering (第N条 / Article N) and test-report table rows as clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.parse.blocks import Block
from zmdocs.parse.legal import detect, parse_legal
from zmdocs.parse.registry import parse_file
from zmdocs.parse.structure import build_document

DATA = Path(__file__).parent / "data" / "parse"
ARTICLES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "12-1", "13", "14", "15"]


@pytest.fixture(scope="module")
def zh():
    return parse_file(DATA / "legal" / "zh-regulation.txt")


@pytest.fixture(scope="module")
def en():
    return parse_file(DATA / "legal" / "en-regulation.txt")


def test_zh_and_en_regulation_get_the_same_clause_numbers(zh, en):
    nums = [c.number for c in zh.clauses]
    assert nums == [c.number for c in en.clauses]
    assert [n for n in nums if not n.startswith("ch")] == ARTICLES
    assert [n for n in nums if n.startswith("ch")] == ["ch1", "ch2", "ch3", "ch4"]  # the 目录/Contents list is not clauses
    assert [c.parent for c in zh.clauses] == [c.parent.replace(en.id, zh.id) if c.parent else None for c in en.clauses]


def test_zh_regulation_tree(zh):
    assert zh.title == "电热器具安全监督管理条例" and "第一条" not in zh.title
    ch = zh.clause("ch3")
    assert (ch.heading, ch.level, ch.parent) == ("监督检查", 1, None)
    a = zh.clause("12")
    assert (a.heading, a.level, a.parent) == ("", 2, f"{zh.id}#ch3")
    assert a.text == "监督检查人员实施检查时，应当出示执法证件。"
    assert a.provisions[0].form == "requirement"
    # an in-sentence cross-reference at line start stays text of article 4; 款/项 items stay in their article
    assert zh.clause("4").text.endswith("依照本条例第十二条规定实施检查的，应当制作记录。")
    assert zh.clause("3").text.split("\n")[1].startswith("（一）")
    assert zh.clause("9").text.count("\n") == 2
    assert zh.clause("14").text.startswith("违反本条例第五条规定的")
    assert zh.terms == []  # articles of a regulation are not terms entries


def test_en_regulation_tree(en):
    assert en.title == "Regulations on the Safety Supervision of Electric Heating Appliances"
    assert en.clause("ch1").heading == "General Provisions"
    assert en.clause("4").text.endswith("Article 12 of these Regulations shall be recorded.")
    assert en.clause("9").text.split("\n")[1] == "1. those without a certificate of conformity;"
    assert en.clause("12-1").parent == f"{en.id}#ch3"


@pytest.mark.parametrize("text,expect", [
    ("第十二条 监督检查人员应当出示证件。", ("article", 12, 0)),
    ("第一百零三条之一　抽查结果应当公布。", ("article", 103, 1)),
    ("第 1 條　為保障消費者權益，特制定本辦法。", ("article", 1, 0)),
    ("第一章　总　则", ("chapter", 1, 0)),
    ("CHAPTER IV SUPPLEMENTARY PROVISIONS", ("chapter", 4, 0)),
    ("Art. 7 Penalties", ("article", 7, 0)),
    ("§ 3 Begriffsbestimmungen", ("article", 3, 0)),
    ("Article 12 bis Publication", ("article", 12, 1)),
    ("Article 12-1 The results shall be published.", ("article", 12, 1)),
    ("Kapitel 2 Pflichten der Hersteller", ("chapter", 2, 0)),
])
def test_parse_legal_headings(text, expect):
    h = parse_legal(text)
    assert h is not None and (h.unit, h.n, h.sub) == expect


@pytest.mark.parametrize("text", [
    "第十二条规定的检查应当记录。", "第十二条、第十三条的规定", "第五条第二款", "Article 12 of this Law applies.",
    "Article 12(1) applies to producers.", "Section 5 specifies the test method.", "article 5 of the Regulation",
    "依照本法第十二条规定", "in accordance with Article 12", "§ 1910.1 Purpose and scope.", "Artikel 5 gilt entsprechend.",
])
def test_cross_references_are_not_headings(text):
    assert parse_legal(text) is None


def test_traditional_chinese_articles_without_chapters_and_title():
    paras = ["消費性電熱器具安全管理辦法", "第 1 條　為保障消費者權益，特制定本辦法。", "第 2 條　本辦法之主管機關為經濟部。",
             "第 3 條　電熱器具之洩漏電流不得大於 0.75 mA。", "第 4 條　本辦法自發布日施行。"]
    doc = build_document([Block("para", t) for t in paras], source="tw.docx")
    assert [c.number for c in doc.clauses] == ["1", "2", "3", "4"]
    assert doc.title == "消費性電熱器具安全管理辦法"
    assert doc.clause("3").level == 1 and doc.clause("3").text.startswith("電熱器具")


def test_eu_style_articles_keep_numbered_paragraphs_as_text():
    paras = ["Regulation on kettles", "Article 1", "Subject matter", "1. This Regulation lays down rules.",
             "2. It applies to kettles.", "Article 2", "Definitions", "1. 'kettle' means an appliance.",
             "Article 3", "Entry into force", "This Regulation shall enter into force on 1 January 2027."]
    doc = build_document([Block("para", t) for t in paras], source="eu.docx")
    assert [(c.number, c.heading) for c in doc.clauses] == [("1", "Subject matter"), ("2", "Definitions"), ("3", "Entry into force")]
    assert doc.clause("1").text == "1. This Regulation lays down rules.\n2. It applies to kettles."


def test_interleaved_bilingual_regulation_is_one_clause_per_article():
    paras = ["第一章 总则", "Chapter I General Provisions", "第一条 为了保障安全，制定本条例。",
             "Article 1 These Regulations are formulated to ensure safety.", "第二条 本条例适用于本省。",
             "Article 2 These Regulations apply in this Province.", "第三条 本条例自公布之日起施行。",
             "Article 3 These Regulations come into force on promulgation."]
    doc = build_document([Block("para", t) for t in paras], source="bi.docx")
    assert [c.number for c in doc.clauses] == ["ch1", "1", "2", "3"]
    assert doc.clause("2").text.split("\n") == ["本条例适用于本省。", "These Regulations apply in this Province."]
    assert doc.clause("ch1").heading == "总则" and doc.clause("ch1").text == "General Provisions"
    toc = ["目录", "第一章 总则", "Chapter I General Provisions", "第二章 附则", "Chapter II Supplementary Provisions"]
    doc = build_document([Block("para", t) for t in toc + paras + ["第二章 附则", "第四条 附则条文。"]], source="bi.docx")
    assert [c.number for c in doc.clauses] == ["ch1", "1", "2", "3", "ch2", "4"]


def test_standards_are_not_legal():
    lines = (DATA / "zh-group-standard.txt").read_text(encoding="utf-8").splitlines()
    assert detect(lines) is None
    sentences = ["依照本法第十二条规定处理。", "第十二条规定的情形除外。", "Article 5 of the Directive applies."] * 3
    assert detect(sentences) is None


# --------------------------------------------------------------------------- test reports

def test_cb_test_report_rows_become_clauses():
    doc = parse_file(DATA / "testreport" / "cb-report.md")
    nums = [c.number for c in doc.clauses]
    assert nums == ["body", "7", "7.1", "13", "13.2", "16", "16.3", "19.101", "22.7"]
    c = doc.clause("13.2")
    assert (c.heading, c.level, c.parent, c.kind) == ("Leakage current", 2, f"{doc.id}#13", "requirements")
    assert c.text.split("\n") == ["0.12 mA", "Verdict: P", "class I portable appliance, limit 0.75 mA"]
    assert doc.clause("7.1").kind == "marking-packaging"
    assert doc.clause("22.7").text == "Verdict: N/A"
    assert len(doc.tables) == 1 and doc.tables[0].clause == f"{doc.id}#body"
    assert "13.2" not in doc.clause("body").text


def test_documents_with_a_clause_tree_keep_clause_tables_as_tables():
    rows = [["Clause", "Requirement", "Verdict"], ["5.1", "Voltage", "P"], ["5.2", "Current", "P"], ["5.3", "Power", "P"]]
    heads = ["1 Scope", "2 Normative references", "3 Terms and definitions", "4 General", "5 Requirements"]
    blocks = [Block("para", t) for t in heads] + [Block("table", rows=rows)]
    doc = build_document(blocks, source="std.docx")
    assert [c.number for c in doc.clauses] == ["1", "2", "3", "4", "5"]
    assert len(doc.tables) == 1
    # a clause correspondence table (no verdict/result column) in a short document stays a table
    corr = [["本文件章条编号", "对应的国际文件章条编号"], ["5.1", "5.2"], ["5.2", "5.3"], ["5.3", "5.4"], ["6.1", "6.1"]]
    doc = build_document([Block("para", "附录A"), Block("para", "本文件与IEC 60335-2-15的章条编号对照"), Block("table", rows=corr)], source="x.docx")
    assert not any(c.number in ("5.1", "5.2", "6.1") for c in doc.clauses)


def test_pdf_lines_of_a_regulation_split_at_articles():
    """PDF-like lines: an article starting right after a full line ending in 。 opens a new clause."""
    from zmdocs.parse.lines import width

    def line(t, x0=72.0, full=False):
        x1 = 523.0 if full else x0 + width(t) * 5.25
        return Block("line", t, 1, meta={"x0": x0, "x1": x1, "top": 0, "bottom": 0, "page_width": 595, "size": 10.5})

    blocks = [line("家用电器安全管理条例", x0=240), line("第一章　总则", x0=260)]
    arts = ["第一条　为了加强家用电器安全管理，保障消费者人身和财产安全，根据有关法律，制定本条例。本条例适用于全省。",
            "第二条　生产者应当对其生产的家用电器的安全负责，建立健全质量管理制度，保证产品符合标准。",
            "第三条　销售者应当执行进货检查验收制度。依照本条例第二条规定，销售者应当核对产品合格证明。",
            "第四条　本条例自发布之日起施行。"]
    for a in arts:
        parts = [a[i:i + 42] for i in range(0, len(a), 42)]
        blocks += [line(p, full=len(p) == 42) for p in parts]
    doc = build_document(blocks, source="reg.pdf")
    assert doc.title == "家用电器安全管理条例"
    assert [c.number for c in doc.clauses] == ["ch1", "1", "2", "3", "4"]
    assert doc.clause("3").text == "销售者应当执行进货检查验收制度。依照本条例第二条规定，销售者应当核对产品合格证明。"


def test_chapters_sections_articles_levels_and_numbers():
    zh = ["第一章 总则", "第一条 为了安全，制定本办法。", "第二章 生产", "第一节 一般规定", "第二条 生产者应当建立制度。",
          "第三条 生产者应当检验。", "第二节 特别规定", "第四条 电热水壶应当有防干烧保护。", "第三章 附则", "第五条 本办法自公布之日起施行。"]
    en = ["Chapter I General Provisions", "Article 1 (Purpose) These Measures are formulated for safety.", "Chapter II Production",
          "Section 1 General Rules", "Article 2 Producers shall establish a system.", "Article 3 Producers shall inspect.",
          "Section 2 Special Rules", "Article 4 Kettles shall have boil-dry protection.", "Chapter III Supplementary Provisions",
          "Article 5 These Measures come into force on promulgation."]
    dz = build_document([Block("para", t) for t in zh], source="zh.docx")
    de = build_document([Block("para", t) for t in en], source="en.docx")
    expect = [("ch1", 1), ("1", 3), ("ch2", 1), ("ch2.s1", 2), ("2", 3), ("3", 3), ("ch2.s2", 2), ("4", 3), ("ch3", 1), ("5", 3)]
    assert [(c.number, c.level) for c in dz.clauses] == expect
    assert [(c.number, c.level) for c in de.clauses] == expect
    assert dz.clause("4").parent == "zh#ch2.s2" and de.clause("4").parent == "en#ch2.s2"
    assert de.clause("ch2.s1").heading == "General Rules"
    assert (de.clause("1").heading, de.clause("1").text) == ("Purpose", "These Measures are formulated for safety.")


def test_bilingual_regulation_one_language_after_the_other(zh, en):
    """An official bilingual text (the whole zh version, then the whole en version): one clause per article, both languages."""
    zh_lines = (DATA / "legal" / "zh-regulation.txt").read_text(encoding="utf-8").splitlines()
    en_lines = (DATA / "legal" / "en-regulation.txt").read_text(encoding="utf-8").splitlines()
    doc = build_document([Block("para", t) for t in zh_lines + en_lines if t.strip()], source="bi.pdf")
    assert [c.number for c in doc.clauses] == [c.number for c in zh.clauses]
    text = doc.clause("12-1").text.split("\n")
    assert text == ["抽查结果应当依法向社会公布。", "The results of sampling inspections shall be published in accordance with the law."]
    assert doc.clause("15").text.endswith("These Regulations shall come into force on 1 January 2027.")
    assert doc.clause("ch3").text == "Supervision and Inspection"
