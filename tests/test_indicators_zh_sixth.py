"""zh drafting kinds of issue #11 (sixth zh session): listed counts, levels a test reaches, clause references after a
bound, bands after a condition span. Texts written here."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_text
from zmdocs.indicators.bands import drop_bands


def _got(text: str) -> list[tuple]:
    return [(i.comparator, i.value if i.comparator not in ("range", "tolerance") else (i.min, i.max), i.unit)
            for i in drop_bands(extract_text(text, lang="zh"), "zh")]


def test_a_count_listed_after_a_stated_count_is_stated_too():
    assert _got("货车应配备 2 套随车工具和 1 个符合规定的灭火器。") == [("=", 2, "套"), ("=", 1, "个")]


def test_the_level_a_test_reaches_before_a_limit_is_a_setting():
    got = _got("推杆传到踏板的压力达到 400N 时，手柄的压力应小于等于 250N。")
    assert ("<=", 250, "N") in got and ("=", 400, "N") in got and (">=", 400, "N") not in got


def test_a_clause_number_a_bound_refers_to_is_no_value():
    assert _got("当绝缘电阻值低于 7.3.2 规定的数值时，应通过信号装置提示驾驶人。") == []


def test_a_band_right_after_a_condition_span_with_a_value():
    got = _got("在环境温度为(20±2)℃下表面温度大于60℃ 的部件应有防护罩。")
    assert (">", 60, "℃") not in got


@pytest.mark.parametrize("text, want", [
    ("表面温度大于 60℃ 的部件应有防护罩，防护罩的厚度应大于等于 2mm。", [(">=", 2, "mm")]),
])
def test_a_band_in_celsius_scopes_the_limit(text, want):
    assert _got(text) == want


@pytest.mark.parametrize("text, want", [
    ("舱口的面积应大于等于（3×10⁵）mm²。", (">=", 300000, "mm²")),
    ("容腔的容积应大于等于(2.5×10⁴)mm³。", (">=", 25000, "mm³")),
])
def test_a_power_of_ten_in_parentheses_before_its_unit(text, want):
    assert want in _got(text)


def test_both_sides_of_an_inscribed_rectangle_in_a_when_span_that_grants_a_count():
    got = _got("车厢之间有能内接一个 400 mm×600 mm 矩形的通道时，车厢可核定乘坐人数。")
    assert (">=", 400, "mm") in got and (">=", 600, "mm") in got


@pytest.mark.parametrize("text, want", [
    ("应保证车辆行驶速度大于 8km/h 时车门能自动锁止。", (">", 8, "km/h")),
    ("在车辆倒车且车速低于 5km/h 时，应能向车后发出提示音。", ("<", 5, "km/h")),
])
def test_a_function_threshold_in_a_when_span_without_dang(text, want):
    assert want in _got(text)


def test_a_band_before_a_limit_of_its_own_stays_a_condition():
    assert _got("车速大于 10km/h 时，制动力应大于 50N。") == [(">", 50, "N")]
