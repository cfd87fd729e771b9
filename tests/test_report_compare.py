"""Comparison reports: JSON contract, Markdown, DOCX (fonts, borders, repeated header), XLSX sheets, HTML (+ headless chromium)."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from zmdocs.compare import compare_documents
from zmdocs.report import render_comparison
from zmdocs.report.wording import conclusion, verdict_sentence

sys.path.insert(0, str(Path(__file__).parent / "data" / "compare"))
from browser import CHROMIUM, check_in_browser  # noqa: E402
from cases import kettle  # noqa: E402


@pytest.fixture(scope="module")
def comparison():
    draft, refs = kettle()
    refs[1].indicators[3].text = 'noise <script>alert("x")</script> & 60 dB(A)'
    return compare_documents(draft, refs)


def test_json_contract(comparison):
    d = json.loads(render_comparison(comparison, "json", "zh"))
    assert d["verdict"] == "国内领先" and d["verdict_id"] == "domestic-leading"
    assert d["tiers"] == {"domestic": "国内领先", "international": "未达到", "foreign": "国际领先"}
    for item in d["indicators"]:
        assert {"parameter", "key", "draft", "counterparts", "result"} <= set(item)
        assert {"comparator", "value", "min", "max", "unit", "clause"} <= set(item["draft"])
        for cp in item["counterparts"]:
            assert {"doc", "clause", "comparator", "value", "min", "max", "unit", "result", "reason"} <= set(cp)
    assert [m["key"] for m in d["missing"]] == ["insulation_resistance"]
    assert [n["key"] for n in d["new"]] == ["boiling_time"]
    en = json.loads(render_comparison(comparison, "json", "en"))
    assert en["verdict"] == "domestic leading"


def test_markdown(comparison):
    md = render_comparison(comparison, "md", "zh")
    assert "本标准主要技术指标达到国内领先水平" in md
    assert "| 序号 | 指标 | 本标准 | GB/行业/团体标准 | ISO/IEC | EN/DIN/ASTM/JIS… | 结果 | 裕量 | 原因 |" in md
    for r in comparison.rows:
        assert f"| {r.n} | " in md
    assert "≤0.75 mA (≤750 µA)" in md


def test_docx_table_fonts_borders_header(comparison):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(io.BytesIO(render_comparison(comparison, "docx", "zh")))
    table = d.tables[0]
    assert len(table.rows) == len(comparison.rows) + 1
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "指标", "本标准"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and borders.find(qn("w:insideH")).get(qn("w:val")) == "single"
    run = table.rows[1].cells[1].paragraphs[0].runs[0]
    rf = run._element.rPr.find(qn("w:rFonts"))
    assert rf.get(qn("w:eastAsia")) == "宋体" and rf.get(qn("w:ascii")) == "Times New Roman"
    texts = [p.text for p in d.paragraphs]
    assert conclusion(comparison, "zh") in texts


def test_xlsx_sheet_per_tier(comparison):
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(render_comparison(comparison, "xlsx", "en")))
    assert wb.sheetnames[:4] == ["Summary", "Domestic standards", "International standards", "Foreign standards"]
    ws = wb["International standards"]
    docs = {row[3] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert docs == {"IEC 60335-2-15:2016"}


def test_html_self_contained_escaped_linked(comparison):
    html = render_comparison(comparison, "html", "zh")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing external
    assert "<svg" in html and "本标准主要技术指标达到国内领先水平" in html
    for target in re.findall(r'href="#(ev-[^"]+)"', html):
        assert f'id="{target}"' in html
    en = render_comparison(comparison, "html", "en")
    assert "Indicator comparison" in en and "The key indicators reach the domestic leading level" in en


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI installs Debian's chromium)")
def test_html_in_headless_chromium(comparison, tmp_path):
    p = tmp_path / "report.html"
    p.write_text(render_comparison(comparison, "html", "zh"), encoding="utf-8")
    dom = check_in_browser(p, tmp_path / "report.png", tmp_path, verdict_sentence(comparison, "zh"),
                           [f'id="row-{r.n}"' for r in comparison.rows])
    for r in comparison.rows:
        assert r.parameter in dom
