"""Rules added for real documents (issue #11), on passages and tables written for these tests (no corpus text):
roles, comparators implied by captions and headers, grade/class columns, lead-in lists, paired bounds,
chained inequalities, caption units, junk masks, the one sentence splitter."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.lists import restate_lists
from zmdocs.indicators.tables import caption_unit, header_unit
from zmdocs.model import Clause, Document, Indicator, Table
from zmdocs.text.sentences import sentence_spans


def tuples(inds):
    return sorted((gold_tuple(i) for i in inds), key=str)


def doc_of(clauses, tables=(), lang="zh"):
    return Document(id="D", lang=lang, clauses=list(clauses), tables=list(tables))


def test_role_field_round_trips():
    ind = Indicator(parameter="p", comparator="<=", value=1, role="test-condition")
    assert Indicator.from_dict(ind.__dict__).role == "test-condition"
    assert Indicator(parameter="p", comparator="=").role == "requirement"


def test_roles_from_chapter_sentence_and_note():
    clauses = [
        Clause(id="D#5", number="5", heading="技术要求", kind="requirements", text="外壳温升应不大于40 K。"),
        Clause(id="D#6", number="6", heading="试验方法", kind="test-methods", text=""),
        Clause(id="D#6.1", number="6.1", heading="耐压试验", parent="D#6", kind="test-methods",
               text="将样品放置于绝缘台上，施加1500 V电压。"),
        Clause(id="D#5.2", number="5.2", heading="噪声", parent="D#5", kind="requirements",
               text="噪声应不大于60 dB(A)。\n注：示例中的样机噪声为52 dB(A)。"),
    ]
    roles = {(i.clause, i.value): i.role for i in extract_document(doc_of(clauses))}
    assert roles[("D#5", 40)] == "requirement"
    assert roles[("D#6.1", 1500)] == "test-condition"
    assert roles[("D#5.2", 60)] == "requirement"
    assert roles[("D#5.2", 52)] == "informative"


def test_roles_english_statistics_and_test_instruction():
    clauses = [
        Clause(id="E#7", number="7", heading="Requirements", kind="requirements",
               text="The leakage current shall not exceed 0.5 mA. The repeatability r of the method is 0.2 mA."),
        Clause(id="E#8", number="8", heading="Test procedure", kind="other",
               text="A force of 50 N is applied to the handle for 10 s."),
    ]
    roles = {i.value: i.role for i in extract_document(doc_of(clauses, lang="en"))}
    assert roles[0.5] == "requirement" and roles[0.2] == "informative" and roles[50] == "test-condition"


def test_caption_unit_and_implied_lower_bound():
    assert caption_unit("整机尺寸限值 单位为毫米") == "mm"
    assert caption_unit("Table 3 — Clearances (dimensions in millimetres)") == "mm"
    assert caption_unit("额定值") == ""
    t = Table(id="t", number="3", caption="照度最小值要求 单位为勒克斯", clause="D#6", header_rows=1,
              rows=[["场所", "一般照明", "局部照明"], ["门厅", "100", "200"], ["走廊", "50", "-"]])
    assert tuples(extract_table(t, lang="zh")) == [(">=", 100.0, "lx"), (">=", 200.0, "lx"), (">=", 50.0, "lx")]


def test_grade_columns_are_conditions_and_row_names_the_parameter():
    t = Table(id="t", number="2", caption="Maximum permissible errors", clause="D#5", header_rows=1,
              rows=[["Quantity", "Class A", "Class B", "Class C"], ["Zero drift mm", "0.5", "1.0", "2,0"]])
    inds = extract_table(t, lang="en")
    assert tuples(inds) == [("<=", 0.5, "mm"), ("<=", 1.0, "mm"), ("<=", 2.0, "mm")]
    assert all(i.parameter == "Zero drift" for i in inds)
    assert {c for i in inds for c in i.conditions} >= {"Class A", "Class B", "Class C"}


def test_upper_and_lower_limit_headers_and_multiples_of_g():
    assert header_unit("减速度上限(×g)") == ("减速度上限", "g")
    assert header_unit("Peak output in cd when lit") == ("Peak output when lit", "cd")
    t = Table(id="t", number="B.1", caption="", clause="D#B.1", header_rows=1,
              rows=[["点", "时间t ms", "减速度下限(×g)", "减速度上限(×g)"], ["P1", "12", "4", "9"]])
    got = tuples(extract_table(t, lang="zh"))
    assert ("<=", 9.0, "g") in got and (">=", 4.0, "g") in got and ("=", 12.0, "ms") in got


def test_band_and_trailing_grade_columns_are_not_values():
    t = Table(id="t", number="1", caption="", clause="D#4", header_rows=1,
              rows=[["类别", "整机质量", "抗倾覆能力"], ["A类", "2<整机质量≤8", "3级"], ["B类", "8<整机质量≤20", "4级"]])
    got = tuples(extract_table(t, lang="zh"))
    assert got == [(">=", "3级", ""), (">=", "4级", "")]


def test_first_body_row_is_not_a_header_row():
    t = Table(id="t", number="5", caption="尺寸限值 单位为米", clause="D#4", header_rows=2,
              rows=[["型式", "长", "宽"], ["甲型", "≤2.50", "≤1.00"], ["乙型", "≤3.00", "≤1.20"]])
    assert len(extract_table(t, lang="zh")) == 4


def test_note_and_footnote_rows_are_read_once():
    note = "注：特殊用途的样机，其长度可为3.2 m。"
    t = Table(id="t", number="6", caption="尺寸 单位为米", clause="D#4", header_rows=1,
              rows=[["型式", "长", "宽"], ["甲型", "≤2.5", "≤1.0"], [note, note, note]])
    inds = extract_table(t, lang="zh")
    assert sum(1 for i in inds if i.value == 3.2) == 1


def test_lead_in_list_items_take_the_stem_comparator():
    text = "手柄的最大转角应小于等于：\na）固定式样机：15°；\nb）移动式样机：30°。"
    assert "对于固定式样机，手柄的最大转角应小于等于15°" in restate_lists(text, "zh")
    inds = extract_text(restate_lists(text, "zh"), lang="zh")
    assert tuples(inds) == [("<=", 15.0, "°"), ("<=", 30.0, "°")]
    assert any("固定式样机" in c for c in inds[0].conditions)


def test_paired_bounds_are_one_range_in_english_only():
    assert tuples(extract_text("The height shall be not less than 300 mm nor more than 1,200 mm.", lang="en")) == [
        ("range", (300.0, 1200.0), "mm")]
    zh = tuples(extract_text("水温应不低于35℃，且不高于42℃。", lang="zh"))
    assert zh == [("<=", 42.0, "°C"), (">=", 35.0, "°C")]


def test_chained_inequality_and_spaced_signs():
    assert tuples(extract_text("The factor is chosen so that (0.4 ≤ k ≤ 0.9).", lang="en")) == [("range", (0.4, 0.9), "")]
    assert tuples(extract_text("Operating temperature: - 10 °C to + 40 °C.", lang="en")) == [("range", (-10.0, 40.0), "°C")]


def test_conditions_where_and_arbitrary_windows():
    got = tuples(extract_text("Where the lamp is fitted below 500 mm, the angle may be reduced to 5°.", lang="en"))
    assert got == [("=", 5.0, "°")]
    got = tuples(extract_text("任意1 s内的平均加速度不应大于3 m/s³。", lang="zh"))
    assert got == [("<=", 3.0, "m/s³")]


def test_junk_never_becomes_an_indicator():
    assert extract_text("按5.3.1～5.3.4的规定进行。", lang="zh") == []
    assert extract_text("试验见5.3~5.6条。", lang="zh") == []
    assert tuples(extract_text("<td>耐压应不小于1500 V</td>", lang="zh")) == [(">=", 1500.0, "V")]
    assert tuples(extract_text("Error 2 m *Ab4, Bc2", lang="en", bare_is_value=True)) == [("=", 2.0, "m")]


def test_number_groups_and_decimal_commas():
    assert tuples(extract_text("b = 0.0075", lang="en", bare_is_value=True)) == [("=", 0.0075, "")]
    assert tuples(extract_text("Der Grenzwert beträgt 0,010 mg/l.", lang="de")) == [("<=", 0.01, "mg/L")]
    assert tuples(extract_text("电压为１２．５Ｖ。", lang="zh")) == [("=", 12.5, "V")]


@pytest.mark.parametrize("text,lang,n", [
    ("The value is 5 mm. The next one is 6 mm.", "en", 2),
    ("See Fig. 3 for the set-up. It is 5 mm.", "en", 2),
    ("the lamp shall be mounted\nbelow the line. Next sentence.", "en", 2),
    ("第一句。第二句！\n第三句", "zh", 3),
])
def test_one_sentence_splitter(text, lang, n):
    assert len(sentence_spans(text, lang)) == n
