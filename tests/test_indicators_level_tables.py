"""Test-level tables (试验条件 captions): label columns and parenthesised quantities are settings too; headers
naming a percentage give %. Every table here is written by the test (issue #11)."""

from __future__ import annotations

from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.level_tables import is_level_table, level_settings
from zmdocs.indicators.tables import extract_table, header_unit
from zmdocs.model import Table


def _settings(rows: list[list[str]], caption: str) -> list:
    t = Table(id="t", number="1", caption=caption, header_rows=1, rows=rows)
    return level_settings(t, extract_table(t, "zh"), "zh", header_unit)


def test_label_columns_of_a_test_level_table_are_settings() -> None:
    rows = [["序号", "频率 Hz", "场强 A/m", "性能判据"],
            ["1", "40,70", "5", "A"],
            ["2", "20～300", "12", "B"]]
    got = [gold_tuple(i) for i in _settings(rows, "某磁场抗扰度试验条件")]
    assert ("=", 40.0, "Hz") in got and ("=", 70.0, "Hz") in got
    assert ("range", (20.0, 300.0), "Hz") in got
    assert all(i.role == "test-condition" or getattr(i, "_setting", False) for i in _settings(rows, "某磁场抗扰度试验条件"))


def test_plus_minus_level_is_its_magnitude_and_counts_in_words() -> None:
    rows = [["序号", "放电方式", "电压 kV", "放电次数", "间隔 s"],
            ["1", "甲放电", "±6 (充电电压)", "正、负极性各20次", "≥2"]]
    inds = _settings(rows, "某放电抗扰度试验条件")
    got = [gold_tuple(i) for i in inds]
    assert ("=", 6.0, "kV") in got and ("=", 20.0, "cycles") in got
    assert not any(c == "range" for c, _, _ in got)
    assert any("正、负极性" in i.conditions for i in inds if i.value == 6.0)


def test_count_noun_header_and_parenthesised_setting() -> None:
    rows = [["序号", "剩余电压 %", "周期", "调制"],
            ["1", "30", "5", "60%(2kHz)"]]
    got = [gold_tuple(i) for i in _settings(rows, "某电压暂降试验条件")]
    assert ("=", 5.0, "周期") in got and ("=", 2.0, "kHz") in got


def test_other_tables_are_left_alone() -> None:
    rows = [["序号", "频率 MHz", "限值 dB(μV/m)"], ["1", "20～200", "31"]]
    assert not is_level_table(Table(id="t", number="1", caption="某设备辐射限值", header_rows=1, rows=rows))
    assert _settings(rows, "某设备辐射限值") == []


def test_header_naming_a_percentage_gives_percent() -> None:
    assert header_unit("制动力与车重的百分比") == ("制动力与车重的百分比", "%")
    rows = [["车型", "甲力与乙重的百分比"], ["某车", "≥45"]]
    got = [gold_tuple(i) for i in extract_table(Table(id="t", number="1", caption="某要求", header_rows=1, rows=rows), "zh")]
    assert got == [(">=", 45.0, "%")]
