"""Chinese limit tables (issue #11): bounds implied by a header or caption, band rows as conditions, per-row
unit columns, falling limits, graded quality tables, test levels. Every table here is written by the test."""

from __future__ import annotations

from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.limit_tables import cell_text, setting_free, split_falling, time_unit
from zmdocs.indicators.tables import extract_table, header_unit
from zmdocs.model import Table


def _got(rows: list[list[str]], caption: str = "", header_rows: int = 1) -> list[tuple]:
    t = Table(id="t", number="1", caption=caption, header_rows=header_rows, rows=rows)
    return [gold_tuple(i) for i in extract_table(t, "zh")]


def _inds(rows: list[list[str]], caption: str = "", header_rows: int = 1) -> list:
    return extract_table(Table(id="t", number="1", caption=caption, header_rows=header_rows, rows=rows), "zh")


def test_limit_header_with_unit_band_column_is_a_condition() -> None:
    rows = [["序号", "场地", "频率范围 MHz", "限值 dB(μV/m)", "测量距离 m"],
            ["1", "甲场地", "20～200", "31(准峰值)", "5"],
            ["1", "甲场地", "200～900", "38(准峰值)", "5"],
            ["2", "乙场地", "900～2 500", "61(峰值) 44(平均值)", "5"]]
    inds = _inds(rows, caption="某设备辐射限值")
    got = [gold_tuple(i) for i in inds]
    assert ("<=", 31.0, "dBµV/m") in got and ("<=", 61.0, "dBµV/m") in got and ("<=", 44.0, "dBµV/m") in got
    assert not any(c == "range" for c, _, _ in got)  # the bands are conditions, not indicators
    # the caption's bound belongs to the limit column: the distance beside it is a plain setting
    assert got.count(("=", 5.0, "m")) == 3 and not any(t == ("<=", 5.0, "m") for t in got)
    lim = next(i for i in inds if i.value == 38.0)
    assert any("200" in c and "900" in c for c in lim.conditions)


def test_unit_column_under_merged_header_and_falling_limits() -> None:
    rows = [["序号", "端口", "频率范围 MHz", "要求", "要求"],
            ["序号", "端口", "频率范围 MHz", "限值", "单位"],
            ["1", "甲端口", "0.2～0.6", "70～60(准峰值) 60～50(平均值)", "dB(μV)"],
            ["1", "甲端口", "0.6～20", "58(准峰值)", "dB(μA)"],
            ["2", "乙端口", "0～0.01", "按其他标准规定的限值", "—"]]
    got = _got(rows, caption="某传导限值", header_rows=2)
    assert sorted(got) == sorted([("<=", 70.0, "dBµV"), ("<=", 60.0, "dBµV"), ("<=", 60.0, "dBµV"),
                                  ("<=", 50.0, "dBµV"), ("<=", 58.0, "dBµA")])


def test_split_falling_keeps_rising_ranges() -> None:
    assert split_falling("70～60(准峰值)") == "70、60(准峰值)"
    assert split_falling("10～20") == "10～20"
    assert split_falling("1 200～900") == "1 200、900"


def test_graded_quality_table_bound_from_caption_and_merged_cell() -> None:
    rows = [["项目", "特级", "一级", "二级"],
            ["水分含量 %", "0.3", "0.5", "0.8"],
            ["灰分 %", "0.02", "0.02", "0.02"]]  # one merged cell over every grade, repeated by the parser
    inds = _inds(rows, caption="某产品质量指标（最大允许值）")
    got = [gold_tuple(i) for i in inds]
    assert ("<=", 0.3, "%") in got and ("<=", 0.5, "%") in got and ("<=", 0.8, "%") in got
    assert got.count(("<=", 0.02, "%")) == 1
    assert any("一级" in i.conditions for i in inds if i.value == 0.5)


def test_voltage_band_rows_are_conditions() -> None:
    rows = [["额定电压 V", "泄漏电流 mA"], ["≤60", "0.5"], ["＞60～125", "0.75"]]
    inds = _inds(rows, caption="泄漏电流限值")
    assert sorted(gold_tuple(i) for i in inds) == [("<=", 0.5, "mA"), ("<=", 0.75, "mA")]
    assert any("60" in c and "125" in c for c in next(i for i in inds if i.value == 0.75).conditions)


def test_test_setting_is_not_a_bound() -> None:
    assert setting_free("最高测试频率") == "测试频率" and setting_free("最高温度") == "最高温度"
    rows = [["内部源频率 MHz", "最高测试频率 GHz"], ["f≤100", "1"], ["100<f≤400", "2"]]
    assert sorted(_got(rows, caption="某最高测试频率")) == [("=", 1.0, "GHz"), ("=", 2.0, "GHz")]


def test_header_units_rates_and_capital_s_after_a_duration() -> None:
    assert header_unit("电压 kV") == ("电压", "kV")
    assert time_unit("驻留时间 S") == ("驻留时间", "s") and time_unit("电导 S") is None
    rows = [["序号", "频率 MHz", "电压 kV", "驻留时间 S"], ["1", "50～500", "7", "≥2"]]
    got = _got(rows, caption="某抗扰度试验条件")
    assert ("=", 7.0, "kV") in got and (">=", 2.0, "s") in got


def test_plus_minus_test_level_and_two_quantity_pairs() -> None:
    assert cell_text("±6 (充电电压)", "电压 kV", False) == ("6 (充电电压)", ["正、负极性"])
    assert cell_text("±0.2", "尺寸偏差 mm", False) == ("±0.2", [])
    assert cell_text("3/40(6/30)", "波前时间/半峰值时间 μs", False) == ("3、40、6、30", [])
    rows = [["序号", "端口", "电压 kV", "上升时间/持续时间 ms"], ["1", "甲端口", "±3", "4/60"]]
    inds = _inds(rows, caption="某脉冲试验条件")
    got = [gold_tuple(i) for i in inds]
    assert ("=", 3.0, "kV") in got and ("=", 4.0, "ms") in got and ("=", 60.0, "ms") in got
    assert "正、负极性" in next(i for i in inds if i.value == 3.0).conditions


def test_footnote_row_with_a_lost_mark_is_read_once() -> None:
    note = "”如果满足表中序号1的限值要求，则认为该产品符合2GHz以下要求。"
    rows = [["序号", "频率范围 MHz", "限值 dB(μV/m)", "环境"],
            ["1", "20～200", "31", "甲环境"],
            [note, note, note, note]]
    got = _got(rows, caption="某辐射限值")
    assert got.count(("<=", 2.0, "GHz")) == 1 and ("<=", 31.0, "dBµV/m") in got


def test_parametric_value_column_is_an_upper_bound() -> None:
    rows = [["Parameter", "Parameterwert", "Einheit"], ["Stoff A", "12", "mg/l"], ["Stoff B", "0,5", "mg/l"]]
    t = Table(id="t", number="1", caption="Teil I", header_rows=1, rows=rows)
    got = sorted(gold_tuple(i) for i in extract_table(t, "de"))
    assert got == [("<=", 0.5, "mg/L"), ("<=", 12.0, "mg/L")]


def test_detection_limit_table_with_running_number_and_units_in_cells() -> None:
    from zmdocs.indicators.limit_tables import cell_unit
    assert cell_unit("3 Xq/l") == "Xq/l" and cell_unit("0,2 Xq/l (Anmerkung 1)") == "Xq/l"
    assert cell_unit("3 Tage") == "" and cell_unit("12") == ""
    rows = [["Laufende Nummer", "Parameter", "Nachweisgrenze (Anmerkung 1)"],
            ["1", "Stoff A", "3 Xq/l"], ["2", "Stoff B", "0,2 Xq/l (Anmerkung 1)"]]
    t = Table(id="t", number="", caption="", header_rows=1, rows=rows)
    inds = extract_table(t, "de")
    assert sorted(gold_tuple(i) for i in inds) == [("<=", 0.2, "Xq/l"), ("<=", 3.0, "Xq/l")]


def test_band_in_a_column_head_is_no_bound_of_the_column() -> None:
    # "≤ 50 V" in the head of one column names the band it holds for: the caption's bound covers every column
    rows = [["部位", "间隙 mm", "间隙 mm", "间隙 mm"],
            ["部位", "电压 ≤ 30 V", "电压 > 30 V 且 ≤ 200 V", "电压 > 200 V"],
            ["甲部位", "0.3", "1.2", "2.5"]]
    got = _got(rows, caption="最小间隙", header_rows=2)
    assert got == [(">=", 0.3, "mm"), (">=", 1.2, "mm"), (">=", 2.5, "mm")]
