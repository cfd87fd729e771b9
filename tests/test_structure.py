"""The clause-tree builder on hand-written inputs: Chinese group standard, ISO-style English, German,
PDF-like line geometry, DOCX-like paragraphs, tables, terms, references, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.parse.blocks import Block
from zmdocs.parse.registry import parse_file
from zmdocs.parse.structure import build_document

DATA = Path(__file__).parent / "data" / "parse"


@pytest.fixture(scope="module")
def zh():
    return parse_file(DATA / "zh-group-standard.txt")


def test_zh_metadata(zh):
    assert (zh.id, zh.family, zh.number, zh.year) == ("T/ZZB 0123—2025", "T/ZZB", "0123", 2025)
    assert (zh.ics, zh.ccs, zh.published, zh.implemented) == ("97.040.50", "Y 68", "2025-06-01", "2025-07-01")
    assert zh.titles == {"zh": "电热水壶", "en": "Electric kettle"} and zh.title == "电热水壶"
    assert zh.replaces == ["T/ZZB 0123—2018"]
    assert zh.adoption is None and zh.lang == "zh"


def test_zh_clause_tree(zh):
    nums = [c.number for c in zh.clauses]
    # the 目次 block is skipped; "17.3 …", "220 V …" and "5.2 的规定…" are text, not clauses
    assert nums == ["foreword", "1", "2", "3", "3.1", "3.2", "4", "4.1", "4.1.1", "4.1.2", "5", "5.1", "5.1.1", "5.1.2",
                    "5.2", "5.2.1", "5.2.2", "6", "6.1", "A", "A.1", "A.2", "bibliography"]
    c = zh.clause("4.1.1")
    assert (c.heading, c.text, c.level, c.parent, c.kind) == ("", "应采用三维设计软件进行产品设计。", 3, "T/ZZB 0123—2025#4.1", "requirements")
    assert zh.clause("5.1.2").provisions[0].negated
    assert zh.clause("5.2.1").text.endswith("17.3 这个数字不是条款号。")
    text = zh.clause("5.2.2").text.split("\n")
    assert text[1:3] == ["a) 无保温功能时不大于0.3 W；", "b) 有保温功能时不大于0.5 W。"]
    assert "220 V 电源下测量。" in text and "5.2 的规定同样适用于无绳电热水壶。" in text
    assert [p.form for p in zh.clause("5.2.2").provisions][:1] == ["requirement"]
    assert zh.clause("注1：待机功率按6.3.2测量。") is None
    kinds = {c.number: c.kind for c in zh.clauses}
    assert kinds["1"] == "scope" and kinds["2"] == "normative-references" and kinds["3"] == "terms"
    assert kinds["6.1"] == "test-methods" and kinds["A.2"] == "annex-normative" and kinds["bibliography"] == "bibliography"
    assert zh.clause("A").heading == "热效率试验方法" and zh.clause("A.1").parent == "T/ZZB 0123—2025#A"
    assert zh.clause("foreword").heading == "前言"


def test_zh_terms_and_references(zh):
    assert [(t.number, t.terms) for t in zh.terms] == [("3.1", {"zh": "电热水壶", "en": "electric kettle"}),
                                                      ("3.2", {"zh": "热效率", "en": "thermal efficiency"})]
    assert zh.terms[1].definition == "水吸收的热量与器具消耗电能之比。"  # the note is not the definition
    assert zh.references == ["GB 4706.1—2005", "GB 4706.19—2008", "GB/T 4208"]


def test_en_iso_wrapped_text():
    doc = parse_file(DATA / "en-iso-wrapped.txt")
    assert doc.id == "IEC 60335-2-99:2019" and doc.lang == "en" and doc.published == "2019-05"
    assert doc.titles["en"].startswith("Household and similar electrical appliances – Safety – Part 2-99")
    assert [c.number for c in doc.clauses] == ["foreword", "1", "2", "3", "3.1", "3.2", "5", "5.2", "5.2.1", "13", "13.2", "A", "A.1", "bibliography"]
    assert doc.clause("1").text.startswith("This part of IEC 60335 deals with the safety of example appliances, their rated voltage")
    assert "shall not exceed 0.75 mA for class I appliances." in doc.clause("5.2").text
    assert doc.clause("5.2.1").heading == "" and doc.clause("5.2.1").text.startswith("The test may be made")
    assert doc.clause("13").kind == "requirements" and doc.clause("A").kind == "annex-informative"
    assert doc.references == ["IEC 60335-1:2010", "IEC 60529", "ISO 3744:2010"]
    assert [(t.number, t.terms, t.definition[:9]) for t in doc.terms] == [("3.1", {"en": "kettle"}, "appliance"), ("3.2", {"en": "rated capacity"}, "volume of")]
    forms = [p.form for p in doc.clause("5.2").provisions]
    assert forms == ["statement", "requirement", "requirement"]


def test_german_din_text():
    doc = parse_file(DATA / "de-din.txt")
    assert doc.id == "DIN EN 60335-2-99:2021-03" and doc.family == "DIN EN" and doc.lang == "de"
    assert doc.replaces == ["DIN EN 60335-2-99:2015-01"]
    assert doc.adoption is not None and (doc.adoption.relation, doc.adoption.standard) == ("IDT", "IEC 60335-2-99:2019")
    assert [c.number for c in doc.clauses] == ["foreword", "1", "2", "3", "3.1", "13", "13.2", "A", "A.1", "bibliography"]
    assert doc.clause("1").kind == "scope" and doc.clause("3").kind == "terms"
    assert doc.terms[0].terms == {"de": "Wasserkocher"}
    assert doc.references == ["EN 60335-1:2012+A11:2014", "DIN EN 60529:2014-09"]
    assert [(p.form, p.negated) for p in doc.clause("13.2").provisions] == [("requirement", True), ("statement", False)]
    assert doc.clause("A").heading == "Stückprüfungen"
    assert doc.clause("A.1").provisions[0].form == "requirement"


# --------------------------------------------------------------------------- PDF-like lines
L, R, CW = 72.0, 523.0, 10.5


def _line(text: str, page: int, indent: float = 0, full: bool = False, x0: float | None = None) -> Block:
    a = x0 if x0 is not None else L + indent * CW
    b = R if full else a + sum(CW if ord(c) > 0x2e80 else CW / 2 for c in text)
    return Block(kind="line", text=text, page=page, meta={"x0": a, "x1": b, "top": 0, "bottom": 0, "page_width": 595, "size": 10.5})


def _pdf_blocks() -> list[Block]:
    return [
        _line("GB 4706.19—2024", 1, x0=420), _line("代替 GB 4706.19—2008", 1, x0=400),
        _line("家用和类似用途电器的安全", 1, x0=170), _line("第2部分：电热水壶的特殊要求", 1, x0=160),
        _line("Household and similar electrical appliances—Safety—", 1, x0=140),
        _line("Part 2: Particular requirements for kettles", 1, x0=150),
        _line("（IEC 60335-2-15:2016，MOD）", 1, x0=200), _line("2024-03-15 发布", 1), _line("2025-04-01 实施", 1, x0=400),
        _line("目次", 2, x0=280), _line("前言 ........................................ II", 2, full=True),
        _line("1 范围 ...................................... 1", 2, full=True),
        _line("前言", 3, x0=280),
        _line("本文件按照GB/T 1.1—2020的规定起草。本文件修改采用IEC 60335-2-15:2016《家用和类似用途", 3, 2, True),
        _line("电器的安全》。", 3),
        _line("1 范围", 4),
        _line("本文件规定了额定电压不超过250 V的电热水壶的安全要求，适用于家用和类似用途的电热水", 4, 2, True),
        # a paragraph broken across a page: the page boundary alone never splits it
        _line("壶，也适用于", 4, full=True), _line("商店中使用的器具。", 5),
        _line("本文件不适用于：", 5, 2), _line("a) 工业用器具；", 5, 2), _line("b) 商用电开水器。", 5, 2),
        _line("2 泄漏电流", 5),
        _line("器具以1.06倍额定电压供电，在施加试验电压后5 s内测量泄漏电流，其值不应超过表4的规", 5, 2, True),
        _line("定，泄漏电流应不大于", 5, full=True), _line("0.75 mA。", 5),
        _line("表4 泄漏电流限值", 5, x0=240),
        Block(kind="table", rows=[["器具类别", "泄漏电流"], ["Ⅱ类器具", "0.25 mA"], ["Ⅰ类便携式器具", "0.75 mA"]], page=5),
        _line("注：Ⅲ类器具不测量。", 5),
        _line("表4（续）", 6, x0=240),
        Block(kind="table", rows=[["器具类别", "泄漏电流"], ["Ⅰ类驻立式器具", "3.5 mA"]], page=6),
        _line("测量后立即进行电气强度试验。", 6, 2),
        _line("表5 电气强度", 6, x0=240),
        Block(kind="table", rows=[["绝缘", "试验电压/V", "试验电压/V"], ["绝缘", "基本", "加强"], ["器具", "1 250", "3 000"]], page=6),
    ]


def test_pdf_lines_geometry_cover_toc_and_tables():
    doc = build_document(_pdf_blocks(), source="GB-4706.19-2024.pdf")
    assert doc.id == "GB 4706.19—2024" and doc.replaces == ["GB 4706.19—2008"]
    assert doc.titles == {"zh": "家用和类似用途电器的安全 第2部分：电热水壶的特殊要求",
                          "en": "Household and similar electrical appliances—Safety—Part 2: Particular requirements for kettles"}
    assert (doc.adoption.relation, doc.adoption.standard) == ("MOD", "IEC 60335-2-15:2016")
    assert [c.number for c in doc.clauses] == ["foreword", "1", "2"]
    assert doc.clause("foreword").text == "本文件按照GB/T 1.1—2020的规定起草。本文件修改采用IEC 60335-2-15:2016《家用和类似用途电器的安全》。"
    scope = doc.clause("1")
    assert scope.text.split("\n")[0].endswith("适用于家用和类似用途的电热水壶，也适用于商店中使用的器具。")
    assert (scope.page, scope.page_end) == (4, 5)
    assert scope.text.split("\n")[1:] == ["本文件不适用于：", "a) 工业用器具；", "b) 商用电开水器。"]
    c2 = doc.clause("2")
    assert c2.text.split("\n") == ["器具以1.06倍额定电压供电，在施加试验电压后5 s内测量泄漏电流，其值不应超过表4的规定，泄漏电流应不大于0.75 mA。",
                                   "测量后立即进行电气强度试验。"]
    assert len(doc.tables) == 2
    t4, t5 = doc.tables
    assert (t4.number, t4.caption, t4.clause, t4.page) == ("4", "泄漏电流限值", c2.id, 5)
    assert t4.rows == [["器具类别", "泄漏电流"], ["Ⅱ类器具", "0.25 mA"], ["Ⅰ类便携式器具", "0.75 mA"], ["Ⅰ类驻立式器具", "3.5 mA"]]
    assert t4.footnotes == ["注：Ⅲ类器具不测量。"]
    assert (t5.number, t5.header_rows) == ("5", 2)
    assert t4.id != t5.id


def test_docx_like_paragraphs_with_word_numbers():
    blocks = [
        Block(kind="para", text="T/ZZB 0999—2026", style="Normal"),
        Block(kind="para", text="电热水壶", style="Normal"),
        Block(kind="para", text="前　　言", style="Heading 1"),
        Block(kind="para", text="本文件由浙江省品牌建设联合会提出。", style="Normal"),
        Block(kind="para", text="技术要求", style="Heading 1", number="5"),
        Block(kind="para", text="安全要求", style="Heading 2", number="5.1"),
        Block(kind="para", text="泄漏电流应不大于0.50 mA。", style="Normal", number="5.1.1"),
        Block(kind="para", text="表1　电气安全指标", style="Caption"),
        Block(kind="table", rows=[["表1 电气安全指标"] * 2, ["项目", "指标"], ["泄漏电流", "≤0.50 mA"]]),
    ]
    doc = build_document(blocks, source="T-ZZB-0999-2026-kettle.docx")
    assert [(c.number, c.heading, c.level) for c in doc.clauses] == [("foreword", "前言", 1), ("5", "技术要求", 1), ("5.1", "安全要求", 2), ("5.1.1", "", 3)]
    assert doc.clause("5.1.1").text == "泄漏电流应不大于0.50 mA。"
    t = doc.tables[0]
    assert (t.number, t.caption, t.rows[0]) == ("1", "电气安全指标", ["项目", "指标"])


def test_no_cover_id_from_filename_and_unstructured_text():
    doc = build_document([Block(kind="line", text="5.2 样品数量"), Block(kind="line", text="应使用三台样品。")], source="/x/GB-T-4208-2017-ip.txt")
    assert doc.id == "GB/T 4208—2017" and doc.clause("5.2").id == "GB/T 4208—2017#5.2"
    doc = build_document([Block(kind="line", text="Just a memo with no numbering."), Block(kind="line", text="Second line.")], source="memo.txt")
    assert doc.id == "memo" and len(doc.clauses) == 1 and doc.clauses[0].number == "body"
    assert doc.warnings
    assert build_document([Block(kind="line", text="IEC 60335-2-15-2016-kettle.pdf")], source="IEC-60335-2-15-2016-kettle.pdf").id == "IEC 60335-2-15:2016"


def test_toc_without_heading_and_values_at_line_start():
    lines = ["1 范围 1", "2 规范性引用文件 1", "3 技术要求 2", "1 范围", "本文件规定了要求。", "2 规范性引用文件", "GB 4706.1—2005 通用要求",
             "3 技术要求", "3.1 输入功率", "输入功率偏差为", "220 V 时不大于5 %。", "3.2 待机功率", "30 min 内测量。", "3.1 的规定不适用。"]
    doc = build_document([Block(kind="line", text=t) for t in lines], source="x.txt")
    assert [c.number for c in doc.clauses] == ["1", "2", "3", "3.1", "3.2"]
    assert [c.heading for c in doc.clauses] == ["范围", "规范性引用文件", "技术要求", "输入功率", "待机功率"]
    assert doc.clause("1").text == "本文件规定了要求。"
    assert doc.clause("3.1").text == "输入功率偏差为220 V 时不大于5 %。"  # a value never starts a paragraph
    assert doc.clause("3.2").text == "30 min 内测量。\n3.1 的规定不适用。"


def test_toc_with_wrapped_entry_is_skipped():
    lines = ["CONTENTS", "FOREWORD .......... 3", "13 Leakage current and electric strength at operating",
             "temperature .......... 12", "14 Transient overvoltages .......... 13", "FOREWORD", "Text of the foreword.",
             "1 Scope", "This part deals with kettles."]
    doc = build_document([Block(kind="line", text=t) for t in lines], source="x.txt")
    assert [c.number for c in doc.clauses] == ["foreword", "1"]
    assert doc.clause("foreword").text == "Text of the foreword."


def _at(text: str, x0: float, page: int = 1, size: float = 10.0) -> Block:
    return Block(kind="line", text=text, page=page, meta={"x0": x0, "x1": x0 + len(text) * 5.0, "top": 0, "bottom": 0, "size": size})


def test_two_column_ragged_right_lines():
    left = ["1 Scope", "This document specifies safety", "requirements for electric kettles", "with a rated voltage not more",
            "than 250 V.", "2 Normative references", "The following documents are", "referred to in the text."]
    right = ["3 Terms and definitions", "For the purposes of this", "document the following terms", "apply to every appliance.",
             "4 Leakage current", "The leakage current shall not", "exceed 0.25 mA for class II", "appliances."]
    blocks = [_at("HOUSEHOLD APPLIANCES – SAFETY – KETTLES", 135, size=14)] + [_at(t, 60) for t in left] + [_at(t, 308) for t in right]
    doc = build_document(blocks, source="two-col.pdf")
    assert doc.titles == {"en": "HOUSEHOLD APPLIANCES – SAFETY – KETTLES"}
    assert [c.number for c in doc.clauses] == ["1", "2", "3", "4"]
    assert doc.clause("1").text == "This document specifies safety requirements for electric kettles with a rated voltage not more than 250 V."
    assert doc.clause("3").text == "For the purposes of this document the following terms apply to every appliance."
    assert doc.clause("4").provisions[0].form == "requirement"


@pytest.mark.parametrize(
    "heading, kind",
    [("范围", "scope"), ("Scope", "scope"), ("Anwendungsbereich", "scope"), ("Domaine d'application", "scope"),
     ("规范性引用文件", "normative-references"), ("Normative references", "normative-references"), ("Références normatives", "normative-references"),
     ("术语和定义", "terms"), ("Terms and definitions", "terms"), ("Begriffe", "terms"),
     ("技术要求", "requirements"), ("基本要求", "requirements"), ("Requirements", "requirements"), ("Anforderungen", "requirements"),
     ("Protection against access to live parts", "requirements"), ("Leakage current and electric strength", "requirements"),
     ("试验方法", "test-methods"), ("General conditions for the tests", "test-methods"), ("Prüfverfahren", "test-methods"),
     ("检验规则", "inspection-rules"), ("标志、包装、运输和贮存", "marking-packaging"), ("Marking and instructions", "marking-packaging"),
     ("Aufschriften und Anweisungen", "marking-packaging"), ("质量承诺", "other"), ("Void", "other"), ("引言", "introduction")],
)
def test_chapter_kinds(heading, kind):
    from zmdocs.parse.numbering import chapter_kind

    assert chapter_kind(heading) == kind


def test_headless_limit_without_full_stop_terms_with_colon_and_continued_table():
    lines = ["3 术语和定义", "3.1 电热水壶 electric kettle：带有壶盖、手柄和壶嘴的器具。", "5 技术要求", "5.1 电源线", "5.1.1 电源线长度不小于0.75 m",
             "5.1.2 插头", "表1 插头参数"]
    blocks = [Block(kind="line", text=t) for t in lines]
    blocks += [Block(kind="table", rows=[["参数", "值"], ["拔出力", "≥40 N"]], page=1), Block(kind="line", text="续表1", page=2),
               Block(kind="table", rows=[["参数", "值"], ["插入力", "≤60 N"]], page=2)]
    doc = build_document(blocks, source="x.txt")
    assert (doc.clause("5.1.1").heading, doc.clause("5.1.1").text) == ("", "电源线长度不小于0.75 m")
    assert doc.terms[0].terms == {"zh": "电热水壶", "en": "electric kettle"}
    assert doc.terms[0].definition == "带有壶盖、手柄和壶嘴的器具。"
    assert len(doc.tables) == 1 and doc.tables[0].rows[-1] == ["插入力", "≤60 N"] and len(doc.tables[0].rows) == 3


def test_cover_layout_table_feeds_metadata():
    blocks = [Block(kind="table", rows=[["ICS 97.040.50", "T/ZZB 0999—2026"], ["CCS Y 68", "T/ZZB 0999—2026"]]),
              Block(kind="para", text="电热水壶"), Block(kind="para", text="1 范围"), Block(kind="para", text="本文件适用于电热水壶。")]
    doc = build_document(blocks, source="cover.docx")
    assert (doc.id, doc.ics, doc.ccs, doc.titles) == ("T/ZZB 0999—2026", "97.040.50", "Y 68", {"zh": "电热水壶"})
    assert [c.number for c in doc.clauses] == ["1"] and doc.tables == []


def test_unstructured_document_keeps_its_tables():
    blocks = [Block(kind="para", text="Kettle data sheet"), Block(kind="table", rows=[["Parameter", "Value"], ["Standby", "0.25 W"]])]
    doc = build_document(blocks, source="sheet.docx")
    assert [c.number for c in doc.clauses] == ["body"]
    assert len(doc.tables) == 1 and doc.tables[0].clause == doc.clauses[0].id and doc.tables[0].rows[1] == ["Standby", "0.25 W"]


def test_references_wrapped_to_line_start_continue_the_sentence():
    blocks = [
        _line("5 Requirements", 1),
        _line("The leakage current measured as described in this clause shall not exceed the values given in", 1, full=True),
        _line("Table 4 for the appliance class concerned and the routine test is described in", 1, full=True),
        _line("Annex A of this document, with the sample of", 1, full=True),
        _line("5.2 kept at 20 °C.", 1),
        _line("5.1 General", 1),
        _line("Text.", 1),
    ]
    doc = build_document(blocks, source="x.pdf")
    assert [c.number for c in doc.clauses] == ["5", "5.1"]
    assert doc.clause("5").text.count("\n") == 0 and doc.clause("5").text.endswith("with the sample of 5.2 kept at 20 °C.")


def test_toc_with_unicode_roman_page_numbers_and_ellipsis_leaders():
    lines = ["目　　次", "前言…………………………………………Ⅲ", "1　范围……………………………………1", "2　要求……………………………………1",
             "前　　言", "本文件由示例协会提出。", "1　范围", "本文件适用于电热水壶。", "2　要求", "应安全。"]
    doc = build_document([Block(kind="line", text=t) for t in lines], source="x.txt")
    assert [(c.number, c.heading) for c in doc.clauses] == [("foreword", "前言"), ("1", "范围"), ("2", "要求")]
    assert doc.clause("foreword").text == "本文件由示例协会提出。"


def test_caption_below_table_and_fullwidth_numbers():
    blocks = [Block(kind="para", text="５.２　样品数量"), Block(kind="para", text="样品数量见下表。"),
              Block(kind="table", rows=[["项目", "数量"], ["型式检验", "3台"]]), Block(kind="para", text="表1　样品数量"),
              Block(kind="para", text="样品应随机抽取。")]
    doc = build_document(blocks, source="x.docx")
    assert [c.number for c in doc.clauses] == ["5.2"]
    assert (doc.tables[0].number, doc.tables[0].caption) == ("1", "样品数量")
    assert doc.clause("5.2").text == "样品数量见下表。\n样品应随机抽取。"


def test_annex_mentions_in_running_text_are_not_annexes():
    lines = ["Foreword", "Annex A (informative) gives examples of routine tests.", "Annex B lists the changes.", "1 Scope", "Text.",
             "Annex A", "(informative)", "Routine tests", "A.1 General", "Text."]
    doc = build_document([Block(kind="line", text=t) for t in lines], source="x.txt")
    assert [c.number for c in doc.clauses] == ["foreword", "1", "A", "A.1"]
    assert doc.clause("foreword").text.split("\n") == ["Annex A (informative) gives examples of routine tests.", "Annex B lists the changes."]


def test_headings_that_start_like_units_or_counters():
    lines = ["5 技术要求", "5.1 条款标题", "正文。", "5.2 A-weighted sound power level", "Text.", "5.3 次级绕组", "正文。",
             "5.4 温升", "5 K 以内。", "0.75 mA 以下。"]
    doc = build_document([Block(kind="line", text=t) for t in lines], source="x.txt")
    assert [c.number for c in doc.clauses] == ["5", "5.1", "5.2", "5.3", "5.4"]
    assert doc.clause("5.4").text == "5 K 以内。\n0.75 mA 以下。"
