"""zh drafting kinds of issue #11 (fifth zh session): count classifiers as units, graded scales of when-spans,
test-procedure quantities. Texts written here."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_text
from zmdocs.indicators.bands import drop_bands
from zmdocs.indicators.units import normalize, unit_symbol
from zmdocs.model import Clause, Document


def _got(text: str) -> list[tuple]:
    return [(i.comparator, i.value if i.comparator != "range" else (i.min, i.max), i.unit)
            for i in drop_bands(extract_text(text, lang="zh"))]


@pytest.mark.parametrize("cls", ["层", "面", "块", "人", "台", "辆", "个", "组"])
def test_count_classifiers_are_known_units(cls):
    assert normalize(cls, value=3)["unit"] == cls  # kept as written, but known: no "unknown unit" warning


@pytest.mark.parametrize("text, want", [
    ("观光车的额定载客人数应小于等于 11 人。", ("<=", 11, "人")),
    ("货架的层数应不大于 8 层。", ("<=", 8, "层")),
    ("每个工位应配备不少于 2 名操作人员。", (">=", 2, "名")),
])
def test_a_count_keeps_its_classifier(text, want):
    assert want in _got(text)


def test_a_classifier_starting_a_word_is_no_unit():
    assert all(u != "人" for _c, _v, u in _got("电压应不大于 36 V，3人员以上同时操作时除外。"))


@pytest.mark.parametrize("text, want", [
    ("工位按操作台宽度大于等于 900mm 时核定 2 人。", (">=", 900, "mm")),
    ("在能保证通道宽度大于等于 500mm 且净高大于等于 1900mm 时，每 300mm 核定 1 人。", (">=", 1900, "mm")),
    ("货台长度大于等于 2 m 时方可加装护栏。", (">=", 2, "m")),
])
def test_a_bound_for_an_assigned_count_is_a_requirement(text, want):
    assert want in _got(text)


def test_a_when_span_before_a_duty_stays_a_band():
    assert (">", 9, "m") not in _got("车长大于 9m 时，车身两侧应设置标志灯。")


@pytest.mark.parametrize("text, want", [
    ("长凳按座面宽每 450mm 核定 1 人。", ("=", 450, "mm")),
    ("站立区每 0.2 m² 核定站立乘客 1 人。", ("=", 0.2, "m²")),
    ("对儿童座椅按 300mm 核定1 人。", ("=", 300, "mm")),
])
def test_the_size_per_assigned_count_is_stated(text, want):
    assert want in _got(text)


def test_the_assigned_count_itself_is_no_indicator():
    assert all(u != "人" for _c, _v, u in _got("长凳按座面宽每 450mm 核定 1 人。"))


def test_a_superlative_before_a_noun_is_no_cue():
    assert (">=", 5, "%") in _got("支撑载荷应大于等于整车最大允许总质量的5%。")
    assert ("<=", 60, "dB(A)") in _got("噪声最大值为 60 dB(A)。")


def test_squared_unit_signs_of_one_character():
    assert [(c, v, unit_symbol(u)) for c, v, u in _got("站立区每 0.2 ㎡核定站立乘客 1 人。")] == [("=", 0.2, "m²")]
    assert [(c, v, unit_symbol(u)) for c, v, u in _got("厚度应大于等于 3 ㎜。")] == [(">=", 3, "mm")]


def test_at_least_on_n_parts():
    assert (">=", 4, "个") in _got("编号应至少在 4 个部件上标示。")


def test_a_height_span_of_a_measurement_is_no_stated_extent():
    assert _got("注：间距是在地面上方 500mm 高度范围内测量所得的数值。") == []
    assert ("=", 3, "m") in _got("摄像头应能看清地面上长3m、宽2m范围内的情况。")


def _params(text: str) -> list[tuple]:
    return [(i.parameter, i.comparator, i.value) for i in drop_bands(extract_text(text, lang="zh"))]


def test_a_bound_each_listed_parameter_meets_is_one_per_parameter():
    assert _params("但每个踏板的宽度和深度均应大于等于 120mm。") == [
        ("每个踏板的宽度", ">=", 120), ("每个踏板的深度", ">=", 120)]


def test_cases_of_one_parameter_stay_one_indicator():
    assert len(_params("向前和向后倾斜的稳定角均应大于等于 20°。")) == 1
    assert len(_params("电压和电流的比值应小于等于 5。")) == 1


def test_positions_listed_in_a_measuring_frame_are_settings():
    got = [(i.comparator, i.value, i.unit, i.role) for i in extract_text(
        "噪声在距门前 3m、离地高 1.5m 处测量时应小于等于 70 dB(A)。", lang="zh")]
    assert ("=", 3, "m") in [g[:3] for g in got] and ("=", 1.5, "m") in [g[:3] for g in got]
    assert ("<=", 70, "dB(A)") in [g[:3] for g in got]


def test_a_cut_comparator_over_a_wrapped_heading():
    got = extract_text("等于 60%。", lang="zh", context="车窗玻璃的透射比应大于")
    assert [(i.comparator, i.value, i.unit) for i in got] == [(">=", 60, "%")]


def test_the_band_of_a_sub_kind_in_parentheses_is_a_band_too():
    assert _got("车宽大于 2m 的货车（对罐式货车为车宽大于 1.8m）应装备侧灯。") == []
    assert (">=", 400, "mm") in _got("车长大于 9m 的客车（座椅宽度应大于等于 400mm）应设扶手。")


def test_a_bound_a_when_span_says_must_be_met_is_a_requirement():
    assert (">=", 2000, "mm") in _got("但车厢高度无法满足灯具离地高度大于等于 2000mm 时，不应设置顶灯。")


def test_extents_listed_before_their_area():
    got = _got("摄像头应能看清车后长2m、左侧车身外缘，右侧为车身外缘向右 1m 宽范围内的情况。")
    assert ("=", 2, "m") in got and ("=", 1, "m") in got


def test_a_term_entry_stating_a_rule_in_words_gives_its_bounds():
    doc = Document(id="T/ZZB 2—2026", lang="zh", clauses=[
        Clause(id="d#3.1", number="3.1", heading="转弯补报", kind="terms",
               text="终端在车辆转弯时补发位置的规则。采样间隔不大于2s，角速度至少持续5s以上。"),
        Clause(id="d#3.2", number="3.2", heading="额定电压", kind="terms", text="制造商规定的电压，例如 220V。"),
    ])
    got = [(i.clause, i.comparator, i.value, i.unit, i.role) for i in extract_document(doc)]
    assert got == [("d#3.1", "<=", 2, "s", "requirement"), ("d#3.1", ">=", 5, "s", "requirement")]


@pytest.mark.parametrize("text", [
    "本条（总质量大于 3 500 kg 的 N2类车辆不适用）规定车门的开启力。",
    "或车长小于 6m 的其他客车装备记录装置，应视为满足要求。",
])
def test_bands_zh_more_kinds(text):
    assert _got(text) == []


def test_a_verb_before_a_bound_in_a_modifier_states_a_requirement():
    assert (">=", 600, "mm") in _got("如在车门打开时能提供大于等于 600 mm 的通道，则可不设扶手。")


def test_emergency_is_no_modal_before_a_band():
    got = _got("客车两侧至少各有 2 个应急窗（车身两侧应急窗总数小于等于 4 个时为全部应急窗）具有破窗功能。")
    assert got == [(">=", 2, "个")]


def test_a_capability_level_is_a_lower_bound():
    got = _got("该型机组的抗震能力为7级，抗风能力8级。")
    assert (">=", "7级", "") in got and (">=", "8级", "") in got


def test_a_grade_a_when_span_uses_is_a_condition():
    got = _got("采用2级反光材料时，标识面积应大于等于 0.2m²。")
    assert all(c != "=" for c, _v, _u in got) and (">=", 0.2, "m²") in got


def test_the_range_a_function_must_work_over_is_a_requirement():
    assert ("range", (198, 242), "V") in _got("当电源电压在 198V～242V 范围内时，控制器应能正常工作。")


def test_the_setting_of_a_measuring_instrument():
    got = [(i.parameter, i.comparator, i.value, i.unit) for i in extract_text("使用 500V 兆欧表测量时绝缘电阻应大于等于 2 MΩ。", lang="zh")]
    assert ("试验电压", "=", 500, "V") in got and ("绝缘电阻", ">=", 2, "MΩ") in got


def test_a_value_reduced_to_keeps_the_bound_before():
    got = _params("踏板宽应大于等于 400mm；若有凸台，则凸台处踏板宽可减至 250mm。")
    assert ("凸台处踏板宽", ">=", 250) in got


def test_a_mark_with_a_bound_in_its_modifier_is_a_requirement():
    assert (">=", 40, "mm") in _got("或在玻璃上方中部标记有直径不小于 40mm 的圆形标志。")
