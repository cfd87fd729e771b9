"""zh parameter descriptions (issue #11): declared units, clamps, bounds on 零, protocol codes that are no values,
bands before 和/时/在 and bands in table notes. Every sentence here is written by the test."""

from __future__ import annotations

from zmdocs.indicators.bands import drop_bands
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.field_rules import apply_field_rules
from zmdocs.indicators.prose import extract_text


def _got(text: str, bare: bool = True) -> list[tuple]:
    inds = drop_bands(extract_text(text, "zh", context="说明", bare_is_value=bare), "zh")
    apply_field_rules(inds, "zh")
    return [gold_tuple(i) for i in inds]


def test_a_declared_unit_goes_to_the_unitless_value_after_it() -> None:
    assert _got("某上报间隔，单位为秒（s），值大于0") == [(">", 0.0, "s")]
    assert _got("某采样周期，单位为毫秒(ms)，默认为20") == [("=", 20.0, "ms")]
    assert _got("某设定值，单位为米，默认为7") == [("=", 7.0, "m")]


def test_the_nearest_declaration_decides_and_a_resolution_declares_none() -> None:
    got = _got("甲字段为时长,单位为毫秒(ms)；乙字段为加速度，单位为0.1g;默认为12。")
    assert ("=", 12.0, "") in got and ("=", 12.0, "ms") not in got


def test_a_clamp_is_the_least_value_that_takes_effect() -> None:
    got = _got("当数值小于50m 时，终端按 50m 处理")
    assert (">=", 50.0, "m") in got and ("=", 50.0, "m") not in got
    assert ("<=", 9.0, "s") in _got("当数值大于9s时，设备按9s计算")


def test_a_bound_on_zero_in_words() -> None:
    assert _got("某间隔,单位为秒(s),值大于零") == [(">", 0.0, "s")]


def test_bits_versions_powers_and_formula_terms_are_no_values() -> None:
    assert _got("某屏蔽字，相应位为1 则相应功能关闭") == []
    assert _got("协议版本,每次修订递增，初始版本为1") == []
    assert _got("以度为单位的角度值乘以10的6次方") == []
    assert _got("TN+1=T ×(N+1)") == []
    assert _got("输入功率偏差应为 +5 %") == [("<=", 5.0, "%")]


def test_bands_before_he_shi_zai_are_conditions() -> None:
    assert _got("甲类车和轮距小于等于 400mm 的乙类车在停放时，稳定角应大于等于 7°", bare=False) == [(">=", 7.0, "°")]
    assert _got("总质量不小于空载质量的 1.5 倍的某类车和某类机械，倾斜角应大于等于30°", bare=False) == [(">=", 30.0, "°")]
    assert _got("检验某类车、其他总质量小于等于 2000kg 的车辆时应按总和计算。", bare=False) == []


def test_bands_in_a_table_note_are_conditions() -> None:
    from zmdocs.indicators.tables import extract_table
    from zmdocs.model import Table

    rows = [["车型", "甲力与乙重的百分比"], ["某车", "≥45"],
            ["注：对总质量小于等于空载质量的 1.5 倍的某类车应大于等于 40%。"] * 2]
    inds = drop_bands(extract_table(Table(id="t", number="1", caption="某要求", header_rows=1, rows=rows), "zh"), "zh")
    got = [gold_tuple(i) for i in inds]
    assert (">=", 45.0, "%") in got and (">=", 40.0, "%") in got and not any(v == 1.5 for _, v, _ in got)


def test_volumes_a_test_collects_are_test_conditions() -> None:
    from zmdocs.indicators.roles import assign_roles
    from zmdocs.model import Clause, Document, Indicator

    c = Clause(id="D#4", number="4", heading="某功能检测", text="检测量：采集 30 比特数据，分成 6 组，每组 5 比特；设备应至少具备 2 个接口。")
    inds = [Indicator(parameter="p", comparator=cmp, value=v, unit=u, clause=c.id, text=c.text)
            for cmp, v, u in (("=", 30, "比特"), ("=", 6, "组"), ("=", 5, "比特"), (">=", 2, "个"))]
    assign_roles(Document(id="D", clauses=[c]), inds)
    assert [i.role for i in inds] == ["test-condition"] * 3 + ["requirement"]
