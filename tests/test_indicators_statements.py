"""Later values and comparators of one statement (issue #11 prose and list wording), on sentences written for
these tests (no corpus text): one regression per rule."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.text.sentences import sentence_spans


def _found(text: str, lang: str, context: str = "") -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, lang=lang, context=context)]


def test_zh_heading_that_opens_the_sentence_is_read_with_the_text():
    # a layout that sets the first line of a title-less clause apart: the comparator is cut between the two
    assert ("<=", 3, "") in _found("于 3。", "zh", context="拖车与牵引车的质量比应小于等")
    assert ("<=", 0.5, "s") in _found("0.50 s，对乙型设备应小于等于 0.9 s。", "zh", context="响应时间对甲型设备应小于等于")
    assert _found("于 3。", "zh", context="一般要求") == []


def test_zh_alternative_bound_in_parentheses_keeps_the_kind_and_the_parameter():
    got = extract_text("拉动时，拉力应小于等于 200N（乙型设备应小于等于 250N），握力应小于等于 100N。", lang="zh")
    assert [(i.comparator, i.value) for i in got] == [("<=", 200), ("<=", 250), ("<=", 100)]
    assert got[1].parameter == got[0].parameter and "乙型设备" in got[1].conditions
    got = _found("倾斜角均应大于等于 25°（对乙型设备均应大于等于 30°）。", "zh")
    assert got == [(">=", 25, "°"), (">=", 30, "°")]


def test_zh_alternatives_stated_with_wei_take_the_bound_after_the_parenthesis():
    got = extract_text("电源接通后，3min（甲型设备为 5min，乙型设备为 7min）内压力应升至工作压力。", lang="zh")
    assert [(i.comparator, i.value, i.unit) for i in got] == [("<=", 3, "min"), ("<=", 5, "min"), ("<=", 7, "min")]
    assert "乙型设备" in got[2].conditions


def test_zh_values_listed_with_a_shared_comparator():
    got = _found("向左、向右、向后的倾角分别应大于等于 7°、4°、3°。", "zh")
    assert got == [(">=", 7, "°"), (">=", 4, "°"), (">=", 3, "°")]


def test_zh_prohibited_thing_described_by_a_bound_is_inverted():
    assert _found("该设备不应使用厚度小于等于 2mm规格的垫片。", "zh") == [(">", 2, "mm")]
    assert _found("外壳上不应有长度超过 10mm 或深度足以露出内层的裂纹。", "zh") == [("<=", 10, "mm")]
    assert _found("厚度应小于等于 2mm。", "zh") == [("<=", 2, "mm")]  # no prohibition: kept


def test_zh_longest_cue_before_a_multiple():
    assert _found("容器的总容积应小于等于标称容积的 1.2 倍。", "zh") == [("<=", 1.2, "")]


def test_zh_bound_on_a_share_of_another_quantity():
    assert _found("制动力的总和应大于等于该设备在空载状态下重量的 25%。", "zh") == [(">=", 25, "%")]
    assert _found("应大于等于甲与乙两者质量之比的 80%。", "zh") == [(">=", 80, "%")]
    assert _found("从开始至压力达到该设备充分建立的稳定工作压力的 75%时所需的时间。", "zh") == []  # the share a condition names


def test_zh_wrapped_line_does_not_end_a_sentence():
    text = "启动后的设备应在额定电压下连续运行，其输出电流应\n小于等于 5A。\n注：本条不适用于备用设备。"
    spans = sentence_spans(text, "zh")
    assert [text[a:b].replace("\n", "") for a, b in spans][0].endswith("小于等于 5A。")
    short = "一般要求\n电流应小于等于 5A。"
    assert len(sentence_spans(short, "zh")) == 2  # a short line (a title) ends its sentence
    listed = "启动后的设备应在额定电压下连续运行，并满足以下各项要求\na) 电流应小于等于 5A。"
    assert len(sentence_spans(listed, "zh")) == 2  # a list item opens a new sentence
