from __future__ import annotations

from zmdocs.indicators.bands import _bands, drop_bands
from zmdocs.indicators.prose import extract_text


def _run(text: str):
    return drop_bands(extract_text(text, lang="zh"))


def test_zh_product_band_is_a_condition_not_an_indicator():
    inds = _run("轴距大于 4m 的拖车应装备辅助灯，其照度应不小于 20lx。")
    got = {(i.comparator, i.value, i.unit) for i in inds}
    assert (">", 4.0, "m") not in got
    lx = [i for i in inds if i.unit == "lx"]
    assert lx and lx[0].comparator == ">=" and any("4m" in c.replace(" ", "") for c in lx[0].conditions)


def test_zh_band_in_an_exception_is_dropped():
    inds = _run("拖车(自重不大于 600kg 的拖车除外)应设置停放装置。")
    assert not [i for i in inds if i.unit == "kg"]


def test_zh_requirement_written_as_a_modifier_is_kept():
    inds = _run("装置应能发出不低于 8min 的提示信号。")
    assert [i for i in inds if i.unit == "min"]
    assert _bands("试验应在摩擦系数大于等于 0.6 的干燥路面上进行。") == []  # a test surface, not products
    assert _bands("车身长度不大于 5m 的托架为矩形时也可。") == []
