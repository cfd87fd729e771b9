"""zh drafting kinds of issue #11 (fourth zh session): counts of fitted parts, the distance a function must work at,
a×b sizes, seat layouts, bounds tied to an act or a failure, bands written as when-spans. Texts written here."""

from __future__ import annotations

import re

import pytest

from zmdocs.indicators import extract_text
from zmdocs.indicators.bands import drop_bands
from zmdocs.indicators.zh_counts import count_numerals
from zmdocs.indicators.zh_sizes import size_sides
from zmdocs.text.numbers import NUM


def _got(text: str) -> list[tuple]:
    return [(i.comparator, i.value if i.comparator != "range" else (i.min, i.max), i.unit)
            for i in drop_bands(extract_text(text, lang="zh"))]


@pytest.mark.parametrize("text, want", [
    ("每台设备应至少各设置一面观察镜。", (">=", 1, "面")),
    ("箱体上应至少有两条独立的供电线路。", (">=", 2, "条")),
    ("底板上应设有 6 个固定孔。", ("=", 6, "个")),
    ("控制柜还应设置一块铭牌。", ("=", 1, "块")),
    ("启动至少应经过两次确认操作。", (">=", 2, "次")),
    ("操作者至少能从两个方向进入工作区。", (">=", 2, "个")),
    ("大型机组应设置两个或三个急停按钮。", ("range", (2, 3), "个")),
])
def test_counts_of_fitted_parts(text, want):
    assert want in _got(text)


def test_a_count_in_words_without_a_bound_or_fitting_verb_stays_a_word():
    assert count_numerals("取一个样品进行试验") == "取一个样品进行试验"
    assert _got("操作者至少用1只手扶住把手。") == []  # a manner, not a fitted count


def test_setting_one_is_not_a_bit_flag():
    assert ("=", 1, "个") in _got("面板上应设置1个指示灯。")
    assert _got("该标志位置1表示故障。") == []


@pytest.mark.parametrize("text, want", [
    ("指示灯在距其 50m 处应能看清其状态。", ("=", 50, "m")),
    ("反光片应保证在正前方 80m 处，用手电照射时，就能看见反光。", ("=", 80, "m")),
    ("在距地面 1.5 m 的位置应有挡块。", ("=", 1.5, "m")),
])
def test_the_distance_a_function_must_work_at_is_stated(text, want):
    assert want in _got(text)


def test_a_distance_qualifying_a_place_is_not_stated():
    assert ("=", 3, "m") not in _got("自顶端向下至 3m 处的管壁，应涂防锈层。")


def test_sizes_give_one_value_per_distinct_side():
    assert size_sides("孔径100mm×100mm") == "孔径100mm"
    assert size_sides("一块300mm×20mm的标签") == "一块300mm、20mm的标签"
    assert size_sides("采用2×3排列") == "采用2×3排列"
    assert _got("筛网的孔尺寸应小于等于 20mm×20mm。") == [("<=", 20, "mm")]
    assert _got("应粘贴一块 300mm×20mm 的警示带。") == [("=", 300, "mm"), ("=", 20, "mm")]
    assert _got("检修口应能内接一个 400mm×600mm 的矩形。") == [(">=", 400, "mm"), (">=", 600, "mm")]


def test_seat_layouts_are_not_counts():
    assert _got("座椅最多采用“2+2”布置。") == []


@pytest.mark.parametrize("text, want", [
    ("应具有超温报警功能，当油温大于等于 90℃时，能发出声光报警信号。", (">=", 90, "℃")),
    ("且复位后 3 min 内箱体外部不应冒烟。", (">=", 3, "min")),
    ("失效判据：断电 5 s后仍不能自动重启。", (">", 5, "s")),
])
def test_bounds_tied_to_an_act_or_a_failure(text, want):
    assert want in _got(text)


def test_a_when_span_without_an_act_stays_a_condition():
    assert _got("当油温大于 90℃时，风扇应运转。") == []
    assert ("<=", 5, "s") in _got("断电后 5 s 内应断开电源。")


def test_bands_written_as_when_spans_or_double_bounds_are_conditions():
    got = _got("机组，功率大于 9kW 时两侧应至少各设置 2 个散热口，功率大于 5kW 且小于等于 9kW 时应至少设置 1 个散热口。")
    assert got == [(">=", 2, "个"), (">=", 1, "个")]
    assert _got("壳体的质量大于 30kg 且小于等于 60kg 的机组还应设置 2 个吊环。") == [("=", 2, "个")]


def test_a_zh_list_comma_is_not_a_decimal_comma():
    assert re.findall(NUM, "等级为1~10,1表示最好") == ["1", "10", "1"]
    assert re.findall(NUM, "4,5 mm; 1,250 V; 0,75 mA") == ["4,5", "1,250", "0,75"]
    assert ("range", (1, 10), "") in _got("图像质量，设置范围为1~10,1表示最优质量。")


def test_the_extents_of_an_area_a_function_must_cover_are_stated():
    assert _got("应保证操作者能看清机身后方地面上长 2.4m、宽 1.2m 范围内的情况。") == [("=", 2.4, "m"), ("=", 1.2, "m")]
    assert _got("应能照亮向前 3m 宽范围内的路面。") == [("=", 3, "m")]
    assert _got("机身长 2.4m 的机型应设置 1 个灭火器。") == [("=", 1, "个")]  # a size without 范围内: a band
