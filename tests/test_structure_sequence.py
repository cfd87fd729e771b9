"""Numbering grammar on real-document shapes: jumps, part-2 additions, title-less clauses, stray numbers,
trailing dots, numbered annexes, list items; odd characters; cover metadata of more families."""

from __future__ import annotations

import json

from zmdocs.model import Document
from zmdocs.parse.blocks import Block
from zmdocs.parse.meta import fill_metadata
from zmdocs.parse.sequence import Candidate, best_chain, transition
from zmdocs.parse.structure import build_document
from zmdocs.parse.text import markdown_to_blocks


def _doc(*paras: str) -> Document:
    return build_document([Block(kind="para", text=t, page=1) for t in paras])


def _nums(doc: Document) -> list[str]:
    return [c.number for c in doc.clauses]


def test_jump_in_numbering_keeps_what_follows():
    paras = []
    for n in (78, 79, 100, 101, 200):
        paras += [f"{n} Section {n} title", f"{n}.1 Subsection", "Text of the subsection."]
    doc = _doc(*paras)
    assert [n for n in _nums(doc) if "." not in n] == ["78", "79", "100", "101", "200"]
    assert "200.1" in _nums(doc)


def test_part2_additions_and_gaps():
    doc = _doc("19 Abnormal operation", "19.1 General", "Text.", "19.13 Result", "Text.", "19.101 Added test", "Text.",
               "20 Stability", "20.1 Test", "Text.")
    assert _nums(doc) == ["19", "19.1", "19.13", "19.101", "20", "20.1"]


def test_title_less_clause_is_body_text():
    doc = _doc("6 整车要求", "6.1 质量", "6.1.3 装配完整的电动自行车的整车质量应当小于或等于55kg。", "6.1.4 前照灯应为白色。")
    c = doc.clause("6.1.3")
    assert c.heading == "" and c.text.startswith("装配完整") and c.parent.endswith("#6.1")


def test_stray_term_and_quantity_never_open_a_chapter():
    paras = ["4 技术要求", "4.1 总体要求"]
    paras += [f"4.1.{k} 系统应满足第{k}项要求。" for k in range(1, 4)]
    paras += ["8位值", "表示一个字节。", "2 kg 的砝码放在台面上。"]
    paras += [f"4.1.{k} 系统应满足第{k}项要求。" for k in range(4, 9)]
    paras += ["5 试验方法", "5.1 一般条件"]
    doc = _doc(*paras)
    assert "8" not in _nums(doc) and "2" not in _nums(doc)
    assert "4.1.8" in _nums(doc) and "5.1" in _nums(doc)
    assert "8位值" in doc.clause("4.1.3").text


def test_trailing_dots_and_numbered_annexes():
    doc = _doc("1. Definitions", "1.1. \"Lamp\" means a device.", "2. Application", "2.1. The application shall be submitted.",
               "2.1.1. Drawings in triplicate.", "Annex 1", "Communication form", "1. Trade name: ........",
               "2. Manufacturer: ........", "Annex 2", "Examples of approval marks", "1. Front lamp", "Text.")
    assert _nums(doc) == ["1", "1.1", "2", "2.1", "2.1.1", "Annex 1", "Annex 1.1", "Annex 1.2", "Annex 2", "Annex 2.1"]
    assert doc.clause("1.1").heading == "Lamp"
    assert doc.clause("Annex 1").heading == "Communication form"
    assert doc.clause("Annex 2.1").parent.endswith("#Annex 2")


def test_list_items_addressable():
    doc = _doc("6 要求", "6.1.5 应符合下列要求：\na) 第一项；\nb) 第二项。")
    hit = doc.item("6.1.5 b)")
    assert hit is not None and hit[1].text == "第二项。"
    assert all(c.kind != "list-item" for c in doc.clauses) and "6.1.5 b)" not in _nums(doc)


def test_transition_rules():
    assert transition((5, 2), (5, 2, 1)) == 0.0
    assert transition((5, 2), (5, 3)) == 0.0
    assert transition((5, 3), (5, 2)) is None
    assert transition(("A", 1), (5,)) is None
    assert transition((8,), ("A",)) == 0.0
    cands = [Candidate(0, (4,)), Candidate(1, (4, 1)), Candidate(2, (8,)), Candidate(3, (4, 2)), Candidate(4, (4, 3))]
    assert best_chain(cands) == {0, 1, 3, 4}


def test_odd_characters_normalised_and_counted():
    doc = _doc("1 范围", "本文件\ud835规定\x07了\ue000内容。", "2 术语 \ud835\udc00")
    assert any("odd character" in w for w in doc.warnings)
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
    doc.to_json().encode("utf-8")
    assert "\ud835" not in doc.clause("1").text


def test_markdown_html_table():
    blocks = markdown_to_blocks("# 4 要求\n\n<table>\n<tr><th>项目</th><th>限值</th></tr>\n<tr><td>电压</td><td>1 V</td></tr>\n</table>\n")
    tables = [b for b in blocks if b.kind == "table"]
    assert tables and tables[0].rows == [["项目", "限值"], ["电压", "1 V"]] and tables[0].header_rows == 1


def _meta(cover: list[str]) -> Document:
    d = Document(id="")
    fill_metadata(d, cover, "", "x.pdf")
    return d


def test_cover_ids_and_status():
    d = _meta(["ICS 35.040", "GM", "中华人民共和国密码行业标准", "GM/T 0059—2018", "备案号：12345—2018",
               "服务器密码机检测规范", "（报批稿）", "2018-05-02 发布"])
    assert d.id == "GM/T 0059—2018" and d.status == "报批稿" and d.title in ("", "服务器密码机检测规范")
    assert d.titles.get("zh") == "服务器密码机检测规范"
    d = _meta(["ICS 43.040", "中华人民共和国国家标准", "GB XXXXX—XXXX", "车载事故紧急呼叫系统", "（征求意见稿）"])
    assert d.id == "GB XXXXX—XXXX" and d.status == "征求意见稿"
    assert _meta(["OIML R 60-1", "Edition 2021 (E)", "Metrological regulation for load cells"]).id == "OIML R 60-1:2021"
    assert _meta(["E/ECE/324/Rev.1/Add.6/Rev.6", "Addendum 6: Regulation No. 7", "Revision 6"]).id == "UN Regulation No. 7"
    assert _meta(["DB32/T 4321—2022", "地方标准"]).family == "DB32/T"
    assert _meta(["ISO 17301-1:2023", "Cereals and pulses"]).id == "ISO 17301-1:2023"


def test_schema_1_json_still_reads():
    doc = _doc("1 范围", "本文件规定了要求。")
    d = doc.to_dict()
    assert d["schema_version"] == 2 and d["status"] == "final"
    d["schema_version"] = 1
    d.pop("status")
    for c in d["clauses"]:
        c.pop("items")
    back = Document.from_dict(d)
    assert back.status == "final" and back.clauses[0].items == [] and back.schema_version == 2


def test_framed_annex_title_is_text_not_a_table():
    blocks = [Block(kind="para", text="1 范围", page=1), Block(kind="para", text="本文件规定了要求。", page=1),
              Block(kind="table", rows=[["附 录 A"], ["（规范性）"], ["最小数据集"]], page=2),
              Block(kind="para", text="A.1 数据说明", page=2), Block(kind="para", text="数据类型见表A.1。", page=2)]
    doc = build_document(blocks)
    a = doc.clause("A")
    assert a is not None and a.kind == "annex-normative" and a.heading == "最小数据集"
    assert doc.clause("A.1").parent.endswith("#A") and not doc.tables


def test_appendix_of_numbered_annex_restarts_numbering():
    doc = _doc("1. Scope", "Text.", "Annex 10", "Method of measuring", "1. Purpose", "Text.", "2. Scope", "Text.",
               "Appendix", "Statement of the results", "1. Test conditions", "1.1. Pressures", "Text.")
    assert _nums(doc)[-3:] == ["Annex 10.app", "Annex 10.app.1", "Annex 10.app.1.1"]
    assert doc.clause("Annex 10.app").parent.endswith("#Annex 10")


def test_annex_named_first_in_a_contents_list_without_page_numbers():
    """A contents list whose page numbers were lost (a scan's OCR) names 附录A and A.1 before the body; the
    clauses under the real annex heading must still be found (regression: A.1/A.2 of a scanned GM/T were lost)."""
    doc = _doc("目次", "前言", "1 范围", "2 要求", "附录A（资料性附录）运算示例", "A.1 示例1", "A.2 示例2",
               "前言", "本标准按照GB/T 1.1给出的规则起草。", "1 范围", "本标准规定了算法。", "2 要求", "算法应正确。",
               "附录A", "（资料性附录）", "运算示例", "A.1 示例1", "本部分给出一个示例。", "A.2 示例2", "本部分给出另一个示例。")
    nums = [n for n in _nums(doc) if not n.startswith("foreword")]
    assert nums == ["1", "2", "A", "A.1", "A.2"]
    assert doc.clause("A.1").text == "本部分给出一个示例。" and doc.clause("A.2").heading == "示例2"
