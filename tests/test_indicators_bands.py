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


def test_en_de_product_bands_are_found():
    from zmdocs.indicators.bands import _bands_europe

    assert [v for v, _, _ in _bands_europe("Required on trailers not exceeding 4 m in length.")] == [4.0]
    assert [v for v, _, _ in _bands_europe("Optional on vehicles between 1.50 and 1.90 m in width.")] == [1.5, 1.9]
    assert [v for v, _, _ in _bands_europe("For machines with a mass not exceeding 2,500 kg only.")] == [2500.0]
    assert [v for v, _, _ in _bands_europe("Heizanlagen mit einer Nennleistung von mehr als 7 kW sind zu prüfen.")] == [7.0]
    # a test lamp's setting and a stated value without a bound word are not bands
    assert _bands_europe("Use a lamp with a colour temperature between 2 500 and 3 000 K.") == []
    assert _bands_europe("Kesselanlagen mit einer Nennleistung von 20 kW und mehr") == []


def test_en_band_dropped_from_prose_indicators():
    inds = drop_bands(extract_text("On trailers not exceeding 4 m in length, the lamp shall be at least 300 mm above the ground.",
                                   lang="en"), "en")
    assert not [i for i in inds if i.unit == "m" and i.value == 4.0]
    assert [i for i in inds if i.unit == "mm" and i.value == 300.0]


def test_regulation_numbers_and_amendment_series_are_masked():
    from zmdocs.indicators.masks import mask

    m = mask("Lamps approved under the 05 and subsequent series of amendments to Regulation No. 37 apply.")
    assert "05" not in m and "37" not in m
    assert "6" not in mask("as amended by Supplement 6 to the 02 series of amendments")
    inds = extract_text("Lamps complying with the 04 series of amendments to Regulation No. 87 shall be fitted.", lang="en")
    assert not [i for i in inds if i.value in (4.0, 87.0)]


def test_protocol_codes_bit_fields_and_resolutions_are_masked():
    from zmdocs.indicators.masks import mask

    m = mask("串口速率：0x00:2400；0x01:4800；0x02:7200(默认值)")
    assert "2400" not in m and "4800" not in m and "7200" in m  # an option is masked, the default stays
    assert "12" not in mask("b12-b9 为电平时间") and "7" not in mask("bit 7 置位")
    assert "10" not in mask("油量读数，单位为1/10L")
    assert "0x1A2B" not in mask("消息ID 0x1A2B 表示心跳")
