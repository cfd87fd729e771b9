"""Issue #12: the 编制说明 DOCX, the XLSX, the zh annexes of `align`, adoption-aware tiers, evidence and products.

Fast: hand-made documents (tests/data/compare/cases.py) and the `hash` fake model.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from zmdocs.compare import compare_documents
from zmdocs.model import Adoption
from zmdocs.report import render_comparison
from zmdocs.report.wording import conclusion, level_reason, verdict_sentence

sys.path.insert(0, str(Path(__file__).parent / "data" / "compare"))
from cases import doc, ind, kettle  # noqa: E402


@pytest.fixture(scope="module")
def comparison():
    draft, refs = kettle()
    return compare_documents(draft, refs, model="hash")


def test_docx_for_the_drafting_explanation(comparison):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(io.BytesIO(render_comparison(comparison, "docx", "zh")))
    texts = [p.text for p in d.paragraphs]
    assert "表1 主要技术指标对比" in texts  # the caption
    table = d.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header row repeated on every page
    head = [c.text for c in table.rows[0].cells]
    assert head[:3] == ["序号", "指标", "本标准"] and head[-3:] == ["结果", "裕量", "原因"]
    assert table.rows[0].cells[0].width < table.rows[0].cells[1].width  # 序号 narrow
    i = texts.index("对比文件")
    assert texts[i + 1].startswith("[1] ") and any(r.id in texts[i + 1] for r in comparison.refs)  # the reference list
    assert "水平判定依据" in texts and any(t.startswith("国际领先（") for t in texts)
    assert conclusion(comparison, "zh") in texts and texts[-1] == conclusion(comparison, "zh")
    body = "\n".join(texts) + "\n".join(c.text for row in table.rows for c in row.cells)
    assert "低于" not in body and "宽于" in body  # 噪声 is looser than IEC


def test_docx_missing_grouped_and_short(comparison):
    import docx

    d = docx.Document(io.BytesIO(render_comparison(comparison, "docx", "zh")))
    texts = [p.text for p in d.paragraphs]
    k = texts.index("对比文件有而本标准未规定的指标")
    group = [t for t in texts[k + 1:k + 20] if "：" in t and not t.startswith(("本标准", "结论"))]
    assert group and len(group) <= 13 and all(len(t) < 300 for t in group)


def test_xlsx_chinese_headers_autofilter_sheets(comparison):
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(render_comparison(comparison, "xlsx", "zh")))
    assert wb.sheetnames[0] == "汇总" and "国际标准" in wb.sheetnames and "国外先进标准" in wb.sheetnames
    for name in ("汇总", "国际标准"):
        ws = wb[name]
        assert ws.auto_filter.ref, name
        head = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "序号")
        assert all(h is None or not any("a" <= ch <= "z" for ch in str(h)) for h in head), head  # no English header


def test_product_values_with_thousands_separator(tmp_path):
    from zmdocs.compare.product import load_product

    csv = tmp_path / "p.csv"
    csv.write_text('parameter,comparator,value,unit,source\nswitch endurance,>=,"1,250",cycles,x\nnoise,<=,"58,5",dB(A),x\n',
                   encoding="utf-8")
    inds = load_product(csv).indicators
    assert inds[0].value == 1250.0  # not 1.25
    assert inds[1].value == 58.5


def test_idt_adoption_counted_once_and_shown():
    draft, refs = kettle()
    gb, iec, din = refs
    din.indicators = [ind("Ableitstrom", "<=", 0.75, "mA", "leakage_current"), ind("Wirkungsgrad", ">=", 85, "%", "thermal_efficiency")]
    din.indicators[0].clause = f"{din.id}#5.1"
    din.indicators[1].clause = f"{din.id}#5.1"
    iec.indicators[0].value, iec.indicators[0].unit = 0.75, "mA"
    din.adoption = Adoption("IDT", "IEC 60335-2-15:2016")
    gb.adoption = Adoption("MOD", "IEC 60335-2-15:2016")
    c = compare_documents(draft, refs, model="hash")
    shown = [getattr(r, "display", "") or r.id for r in c.refs if not r.merged_into]
    assert "IEC 60335-2-15:2016 (= DIN EN 60335-2-15:2020, IDT)" in shown
    leak = next(r for r in c.rows if r.key == "leakage_current")
    assert [cp.doc for cp in leak.counterparts if cp.tier == "foreign"] == []  # the DIN EN limit is the IEC one
    assert next(cp for cp in leak.counterparts if cp.tier == "international").also == ["DIN EN 60335-2-15:2020"]
    eff = next(r for r in c.rows if r.key == "thermal_efficiency")
    assert [cp.doc for cp in eff.counterparts] == ["DIN EN 60335-2-15:2020"]  # a national addition stays
    earth = next(r for r in c.rows if r.key == "earth_resistance")
    assert earth.counterparts  # MOD GB kept beside the IEC


def test_unpaired_and_empty_drafts_give_insufficient_evidence():
    draft = doc("T/ZZB 0003—2026", "T/ZZB", [ind("壶盖开启次数", ">=", 5000, "次", "lid_cycles")])
    gb = doc("GB 3—2020", "GB", [ind("泄漏电流", "<=", 0.75, "mA", "leakage_current")])
    c = compare_documents(draft, [gb], model=None)
    assert c.verdict == "insufficient-evidence"
    assert verdict_sentence(c, "zh").startswith("证据不足，无法判定") and "未达到" not in conclusion(c, "zh")
    empty = doc("T/ZZB 0004—2026", "T/ZZB", [])
    c = compare_documents(empty, [gb], model=None)
    assert c.verdict == "insufficient-evidence" and c.warnings


def test_a_better_product_blocks_leading_and_the_rules_can_change_it(tmp_path):
    from zmdocs.compare.product import load_product
    from zmdocs.compare.rules import load_rules

    draft, refs = kettle()
    csv = tmp_path / "p.csv"
    csv.write_text("parameter,comparator,value,unit,source\nleakage current,<=,0.3,mA,x\n", encoding="utf-8")
    base = compare_documents(draft, [refs[0]], model="hash")
    with_product = compare_documents(draft, [refs[0], load_product(csv)], model="hash")
    lead = next(lv for lv in with_product.levels if lv.id == "international-leading")
    assert any(c["code"] == "product-better" for c in lead.codes)
    assert "国外先进产品p的泄漏电流优于本标准" in level_reason(lead, "zh")
    assert base.verdict == with_product.verdict or with_product.verdict != "international-leading"
    assert load_rules().level("international-leading").products == "block"
    text = (Path(__file__).resolve().parents[1] / "zmdocs" / "data" / "rules.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "r.yaml"
    custom.write_text(text.replace("products: block", "products: ignore"), encoding="utf-8")
    lead2 = next(lv for lv in compare_documents(draft, [refs[0], load_product(csv)], rules=custom, model="hash").levels
                 if lv.id == "international-leading")
    assert not any(c["code"] == "product-better" for c in lead2.codes)


def _alignment():
    return {"doc_a": "GB 4706.19—2024", "doc_b": "IEC 60335-2-15:2016", "mode": "translation", "mode_reason": "",
            "pairs": [{"a": ["1"], "b": ["1"], "score": 0.98}, {"a": ["16.101"], "b": [], "score": 0.0},
                      {"a": ["22.103"], "b": ["22.103"], "score": 0.9}],
            "unmatched_a": ["16.101"], "unmatched_b": ["21.101"], "indicator_pairs": [], "adoption": {},
            "headings": {"a": {"16.101": "绝缘电阻"}, "b": {"21.101": "Drop test of the base"}},
            "deviations": [{"type": "indicator", "clause_a": "GB 4706.19—2024#19.101", "parameter": "干烧保护",
                            "text_a": "干烧保护 <= 30 s", "text_b": "boil-dry <= 60 s", "differs_in": ["value"]},
                           {"type": "added", "clause": "16.101", "heading": "绝缘电阻"},
                           {"type": "deleted", "clause": "21.101", "heading": "Drop test of the base"}]}


def test_align_annexes_in_chinese():
    import docx

    from zmdocs.report.alignment import render_alignment

    md = render_alignment(_alignment(), "md", lang="zh")
    assert "| 本文件章条编号 | 对应的国际文件章条编号 |" in md and "| 22.103 | 22.103 |" in md
    assert "本文件与IEC 60335-2-15:2016的技术性差异及其原因" in md and "| 本文件的章条编号 | 技术性差异 | 原因 |" in md
    assert "删除了IEC 60335-2-15:2016的21.101" in md
    d = docx.Document(io.BytesIO(render_alignment(_alignment(), "docx", lang="zh")))
    heads = [[c.text for c in t.rows[0].cells] for t in d.tables]
    assert heads == [["本文件章条编号", "对应的国际文件章条编号"], ["本文件的章条编号", "技术性差异", "原因"]]
    assert "表A.1 本文件与IEC 60335-2-15:2016的章条编号对照" in [p.text for p in d.paragraphs]
    en = render_alignment(_alignment(), "md", lang="en")
    assert "Clause correspondence table" in en
    bullets = docx.Document(io.BytesIO(render_alignment(_alignment(), "docx", lang="en")))
    assert not any(p.text.startswith("- ") for p in bullets.paragraphs if p.style.name == "List Bullet")
