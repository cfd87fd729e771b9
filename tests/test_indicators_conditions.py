"""Regressions from the comparison stage: row conditions in tables, one-indicator deviations, parts in row headers."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.model import Table


def table(rows, header_rows=1, caption="", footnotes=None, number="1"):
    return Table(id="t", number=number, caption=caption, clause="5.1", header_rows=header_rows, rows=rows,
                 footnotes=footnotes or [])


def summary(inds):
    return [(i.comparator, i.value if i.comparator != "range" else (i.min, i.max), i.unit) for i in inds]


# --- 1. condition cells are conditions, not indicators -------------------------------------------

def test_unlabelled_condition_column_in_item_table():
    t = table([["项目", "额定功率", "要求", "试验方法"],
               ["烧水时间/min", "≥1 800 W", "≤5", "6.3.4"],
               ["烧水时间/min", "＜1 800 W", "≤6", "6.3.4"],
               ["输入功率偏差", "＞1 kW", "−7 %～+5 %", "6.3.1"]])
    inds = extract_table(t, "zh")
    assert summary(inds) == [("<=", 5, "min"), ("<=", 6, "min"), ("range", (-7, 5), "%")]
    assert inds[0].conditions == ["额定功率≥1 800 W"]
    assert inds[1].conditions == ["额定功率<1 800 W"]
    assert inds[2].conditions == ["额定功率>1 kW"] and inds[2].key == "power_input_deviation"
    assert all(i.method for i in inds)


def test_condition_column_named_by_a_rating_right_of_the_requirement():
    t = table([["Parameter", "Limit", "Rated power input"],
               ["Boiling time", "≤ 5 min", "rated power input > 1 kW"],
               ["Boiling time", "≤ 7 min", "rated power input ≤ 1 kW"]])
    inds = extract_table(t, "en")
    assert summary(inds) == [("<=", 5, "min"), ("<=", 7, "min")]
    assert inds[0].conditions == ["rated power input > 1 kW"]


def test_band_in_the_item_parenthesis_is_a_condition():
    inds = extract_table(table([["项目", "指标"], ["烧水时间（额定功率≥1 800 W）/min", "≤5"]]), "zh")
    assert summary(inds) == [("<=", 5, "min")]
    assert inds[0].parameter == "烧水时间" and inds[0].key == "boiling_time"
    assert inds[0].conditions == ["额定功率≥1 800 W"]


@pytest.mark.parametrize("rows,lang,conds", [
    # a first column that names its own quantity is not prefixed with the column header
    ([["Appliance", "Leakage current mA"], ["rated power input > 1 kW", "0.75"]], "en", ["rated power input > 1 kW"]),
    ([["额定容量", "烧水时间/min"], ["额定容量1.7 L", "≤5"]], "zh", ["额定容量1.7 L"]),
    # a 条件 column is taken as written
    ([["条件", "烧水时间/min"], ["额定功率≥1 800 W，额定容量1.7 L", "≤5"]], "zh", ["额定功率≥1 800 W，额定容量1.7 L"]),
    # a bare band takes its header's name and unit
    ([["额定电压/V", "泄漏电流/mA"], ["＞60～125", "0.75"]], "zh", ["额定电压>60~125V"]),
    # a 序号 column does not shift the header names of the label columns
    ([["序号", "额定功率/W", "烧水时间/min"], ["1", "≥1 800", "≤5"]], "zh", ["额定功率≥1 800W"]),
])
def test_row_label_conditions_in_matrix_tables(rows, lang, conds):
    inds = extract_table(table(rows), lang)
    assert len(inds) == 1, summary(inds)
    assert inds[0].conditions == conds


def test_gb_table_1_and_7_conditions(samples_dir):
    from zmdocs.parse.registry import parse_file

    path = samples_dir / "GB-4706.19-2024-kettle.pdf"
    if not path.exists():
        pytest.skip("sample corpus not rendered")
    inds = [i for i in extract_document(parse_file(str(path))) if (i.origin or {}).get("type") == "table"]
    t1 = [i for i in inds if i.origin["table"] == "1"]
    assert summary(t1) == [("<=", 20, "%"), ("range", (-10, 10), "%"), ("range", (-10, 5), "%")]
    assert [i.conditions[-1] for i in t1] == ["额定输入功率≤25W", "额定输入功率>25~200W", "额定输入功率>200W"]
    t7 = [i for i in inds if i.origin["table"] == "7"]
    assert len(t7) == 7 and {i.unit for i in t7} == {"V"} and {i.key for i in t7} == {"electric_strength"}
    assert all(any(c.startswith("额定电压") for c in i.conditions) for i in t7)


# --- 2. a deviation band is one indicator ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "输入功率偏差应为+5 %/−10 %。",
    "输入功率偏差应为＋5 %／－10 %。",
    "输入功率偏差应为+5 % / -10 %。",
    "输入功率偏差应为+5 % 或 −10 %。",
    "输入功率偏差应在−10 %～+5 %以内。",
    "输入功率偏差：+5 %，−10 %。",
    "输入功率偏差应为−10 % / +5 %。",
    "The power input deviation shall not exceed +5 % / -10 %.",
    "Power input deviation: +5 % or 20 W (whichever is greater) / -10 %.",
    "Die Abweichung der Leistungsaufnahme darf +5 % oder −10 % nicht überschreiten.",
])
def test_asymmetric_deviation_is_one_range(text):
    inds = extract_text(text)
    assert summary(inds) == [("range", (-10, 5), "%")]
    assert inds[0].key == "power_input_deviation"
    assert inds[0].normalized == {"value": None, "min": -10, "max": 5, "unit": "%"}


def test_symmetric_deviation_same_representation_in_prose_and_table():
    prose = extract_text("当额定功率≤1 kW时，输入功率偏差应在±5 %以内。")
    cell = extract_table(table([["额定输入功率/W", "允许偏差"], ["＞25～200", "±5 %"]], caption="输入功率偏差"), "zh")
    assert summary(prose) == summary(cell) == [("range", (-5, 5), "%")]
    assert prose[0].key == cell[0].key == "power_input_deviation"


@pytest.mark.parametrize("cell,alt", [
    ("＋5 %或20 W（取较大值）／－10 %", "20 W"),
    ("+5 % or 20 W (whichever is greater) / –10 %", "20 W"),
])
def test_deviation_with_alternative_absolute_bound(cell, alt):
    t = table([["Rated power input W", "Deviation"], ["> 200", cell]], caption="Permissible power input deviation")
    inds = extract_table(t)
    assert summary(inds) == [("range", (-10, 5), "%")]
    assert any(alt in c for c in inds[0].conditions)


# --- 3. the part a row names qualifies the header's parameter --------------------------------------

def test_part_from_row_header_zh():
    t = table([["部位", "材料", "最高温度/℃"], ["手柄a", "金属", "55"], ["手柄a", "塑料", "70"], ["底座外壳", "塑料", "95"]],
              caption="可触及部位表面温度限值", footnotes=["a 在环境温度为（25±2）℃时测量，手柄指正常使用中连续握持的部位。"])
    inds = extract_table(t, "zh")
    assert summary(inds) == [("<=", 55, "℃"), ("<=", 70, "℃"), ("<=", 95, "℃")]
    assert [i.parameter for i in inds] == ["最高温度（手柄）", "最高温度（手柄）", "最高温度（底座外壳）"]
    assert {i.key for i in inds} == {"surface_temperature"}
    assert "手柄" in inds[0].conditions and "金属" in inds[0].conditions
    assert any("环境温度" in c for c in inds[0].conditions)  # the footnote mark after a CJK character
    assert "底座外壳" in inds[2].conditions


def test_part_from_row_header_en_multirow():
    t = table([["Part", "Temperature rise K", "Temperature rise K"],
               ["Part", "Metal", "Moulded material"],
               ["Handles held continuously in normal use", "30", "50"]], header_rows=2, caption="Maximum temperature rises")
    inds = extract_table(t, "en")
    assert summary(inds) == [("<=", 30, "K"), ("<=", 50, "K")]
    assert inds[0].parameter == "Temperature rise (Handles held continuously in normal use)"
    assert {i.key for i in inds} == {"temperature_rise"}
    assert "Handles held continuously in normal use" in inds[0].conditions and "Metal" in inds[0].conditions


def test_classes_in_row_header_are_not_parts():
    t = table([["Appliance class", "Maximum leakage current"], ["Class II appliances", "0,25 mA"]])
    inds = extract_table(t, "en")
    assert inds[0].parameter == "Maximum leakage current" and "Class II appliances" in inds[0].conditions[-1]


def test_unit_min_in_header_is_not_minimum():
    t = table([["Appliance", "Boiling time min"], ["rated power input > 1 kW", "5"]], caption="Maximum boiling times")
    assert summary(extract_table(t, "en")) == [("<=", 5, "min")]


def test_remarks_column_is_a_condition_not_a_value():
    t = table([["器具类别", "泄漏电流/mA", "备注"], ["Ⅰ类器具", "≤0.75", "在1.06倍额定电压下"], ["Ⅱ类器具", "≤0.25", ""]])
    inds = extract_table(t, "zh")
    assert summary(inds) == [("<=", 0.75, "mA"), ("<=", 0.25, "mA")]
    assert "在1.06倍额定电压下" in inds[0].conditions
