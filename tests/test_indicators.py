"""Indicator extraction: comparators, units, conditions, keys, tables, documents (no model needed)."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_table, extract_text
from zmdocs.indicators.keys import key_for
from zmdocs.indicators.units import normalize, unit_symbol
from zmdocs.model import Clause, Document, Table
from zmdocs.text.numbers import parse_number


def one(text: str, lang: str | None = None):
    # the one limit of the text; a test setting inside its condition span ("measured at 25 °C") is, since the
    # convention of 2026-12-03, an indicator of its own besides (tests/test_indicators_settings.py)
    found = [i for i in extract_text(text, lang) if not getattr(i, "_setting", False)]
    assert len(found) == 1, [(i.comparator, i.value, i.unit) for i in found]
    return found[0]


@pytest.mark.parametrize("text,comp,value,unit", [
    ("泄漏电流不大于0.5mA", "<=", 0.5, "mA"),
    ("泄漏电流不超过0.5mA", "<=", 0.5, "mA"),
    ("漏电流不高于15mA", "<=", 15, "mA"),
    ("泄漏电流小于0.5mA", "<", 0.5, "mA"),
    ("泄漏电流低于0.5mA", "<", 0.5, "mA"),
    ("泄漏电流＜0.5mA", "<", 0.5, "mA"),
    ("绝缘电阻不小于2MΩ", ">=", 2, "MΩ"),
    ("绝缘电阻不低于2MΩ", ">=", 2, "MΩ"),
    ("绝缘电阻至少2MΩ", ">=", 2, "MΩ"),
    ("绝缘电阻大于2MΩ", ">", 2, "MΩ"),
    ("绝缘电阻＞20MΩ", ">", 20, "MΩ"),
    ("绝缘电阻超过2MΩ", ">", 2, "MΩ"),
    ("噪声在60dB(A)以下", "<=", 60, "dB(A)"),
    ("寿命在10000次以上", ">=", 10000, "次"),
    ("绝缘电阻≥１００ＭΩ", ">=", 100, "MΩ"),
    ("泄漏电流不大于零点五毫安", "<=", 0.5, "毫安"),
    ("绝缘电阻不小于一百兆欧", ">=", 100, "兆欧"),
    ("煮水时间不超过五分钟", "<=", 5, "分钟"),
    ("额定功率不大于2千瓦", "<=", 2, "千瓦"),
    ("The leakage current shall not exceed 0.75 mA.", "<=", 0.75, "mA"),
    ("The insulation resistance shall be at least 2 MΩ.", ">=", 2, "MΩ"),
    ("Leakage current: max. 0.5 mA", "<=", 0.5, "mA"),
    ("The thickness shall be not less than 0,4 mm.", ">=", 0.4, "mm"),
    ("Der Ableitstrom darf höchstens 0,75 mA betragen.", "<=", 0.75, "mA"),
    ("Der Isolationswiderstand muss mindestens 2 MΩ betragen.", ">=", 2, "MΩ"),
    ("Der Ableitstrom darf 0,75 mA nicht überschreiten.", "<=", 0.75, "mA"),
    ("Der Widerstand darf nicht größer als 0,1 Ω sein.", "<=", 0.1, "Ω"),
    ("Le courant de fuite ne doit pas dépasser 0,75 mA.", "<=", 0.75, "mA"),
    ("Le courant de fuite doit être au maximum de 0,75 mA.", "<=", 0.75, "mA"),
    ("La résistance doit être au moins de 2 MΩ.", ">=", 2, "MΩ"),
    ("La résistance ne doit pas être supérieure à 0,1 Ω.", "<=", 0.1, "Ω"),
    ("La consommation doit être inférieure ou égale à 0,5 W.", "<=", 0.5, "W"),
])
def test_comparators_and_values(text, comp, value, unit):
    ind = one(text)
    assert (ind.comparator, ind.value, ind.unit) == (comp, value, unit)


def test_conventions_range_tolerance_and_normalisation():
    r = one("工作环境温度为18℃~28℃。")
    assert (r.comparator, r.value, r.min, r.max) == ("range", None, 18, 28)
    assert r.normalized["unit"] == "°C" and r.direction == "neither"
    t = one("额定频率：(50±5)Hz")
    assert (t.comparator, t.value, t.min, t.max) == ("tolerance", 50, 45, 55)
    p = one("输出电压为 220 V ± 10 %。")
    assert (p.comparator, p.value, p.min, p.max, p.unit) == ("tolerance", 220, 198, 242, "V")
    assert one("相对湿度45%~75%范围内").comparator == "range"
    assert one("10至20 mm").max == 20


def test_normalised_units():
    assert one("泄漏电流不大于750µA").normalized == {"value": 0.00075, "min": None, "max": None, "unit": "A"}
    assert one("功率不大于2 kW").normalized["value"] == 2000
    assert one("压力不大于0.6MPa").normalized == {"value": 600000.0, "min": None, "max": None, "unit": "Pa"}
    assert one("时间不超过2min").normalized["value"] == 120
    assert one("扭矩为0.35 N·m").normalized["unit"] == "N·m"
    assert one("视在功率不小于5 kVA").normalized == {"value": 5000.0, "min": None, "max": None, "unit": "VA"}
    # temperature rise is a difference (K), surface temperature absolute (°C), even when written in ℃
    assert one("温升不超过75 K").normalized["unit"] == "K"
    assert one("手柄温升不超过50℃").normalized["unit"] == "K"
    assert one("表面温度不超过85℃").normalized["unit"] == "°C"
    assert normalize("°F", 212)["value"] == pytest.approx(100)


def test_project_units():
    assert one("转速不低于2800 r/min").unit == "r/min"
    assert one("Noise shall not exceed 65 dB(A).").normalized["unit"] == "dB(A)"
    assert one("绝缘电阻不小于1000 Ω/V").normalized["unit"] == "Ω/V"
    assert one("含量不大于50 ppm").unit == "ppm"
    assert one("The test voltage is 1 250 V (r.m.s.).").value == 1250
    assert unit_symbol("V (r.m.s.)") == "V" and unit_symbol("兆欧") == "MΩ" and unit_symbol("℃") == "°C"
    assert one("The supply voltage is 24 Vdc.").unit == "Vdc"


def test_unknown_unit_is_kept_and_reported():
    ind = one("色容差不大于5 SDCM。")
    assert ind.unit == "SDCM" and ind.normalized["unit"] is None and ind.normalized["value"] == 5


def test_ordinals():
    ip = one("防水等级不低于IPX4。")
    assert (ip.comparator, ip.value) == (">=", "IPX4")
    assert ip.ordinal == {"scale": "ip", "rank": [None, 4], "label": "IPX4"}
    assert one("The enclosure shall be IP44.").ordinal["rank"] == [4, 4]
    assert one("The appliance shall be IPX5 or better.").comparator == ">="
    g = one("能效等级不低于2级。")
    assert g.ordinal["scale"] == "grade-cn" and g.ordinal["rank"] == 2 and g.comparator == ">="
    assert one("Energy efficiency class shall be at least class A.").ordinal["rank"] == 1


def test_conditional_limits():
    a, b = extract_text("当输入功率≤5kW时，泄漏电流≤10mA；＞5kW时，≤20mA。")
    assert (a.value, b.value) == (10, 20)
    assert a.key == b.key == "leakage_current"
    assert any("输入功率≤5kW" in c for c in a.conditions)
    assert any("输入功率>5kW" in c for c in b.conditions)
    c = one("在额定电压下，待机功率不大于0.5W。")
    assert "在额定电压下" in c.conditions
    d = one("The leakage current, measured at 25 °C, shall not exceed 0.25 mA.")
    assert d.key == "leakage_current" and any("25 °C" in x for x in d.conditions)
    e = one("电气强度：试验电压1250V，持续时间1min，应无击穿。")
    assert e.comparator == "=" and any("1min" in x for x in e.conditions) and e.direction == "higher-is-stricter"


def test_several_indicators_and_list_items():
    found = extract_text("（1）泄漏电流：≤0.5mA；（2）绝缘电阻：≥2MΩ；（3）接地电阻：≤0.1Ω。")
    assert [(i.key, i.comparator, i.value) for i in found] == [
        ("leakage_current", "<=", 0.5), ("insulation_resistance", ">=", 2), ("earth_resistance", "<=", 0.1)]


def test_methods():
    ind = one("按GB/T 4208—2017进行试验，防护等级不低于IPX4。")
    assert ind.method and "GB/T 4208" in ind.method
    assert "16.3" in one("Insulation resistance according to 16.3 shall be at least 2 MΩ.").method


@pytest.mark.parametrize("text", [
    "符合GB 4706.1—2005和GB/T 18384-2020的要求，见5.2和表1。",
    "IEC 61010-2-010:2019 and ISO 3744:2010 apply; see 6.3 and Table 2.",
    "本文件自2026年1月1日起实施。",
    "This edition was published in 2016-05.",
    "按6.3的规定进行试验，见图3。",
    "DIN EN 60335-1 (VDE 0700-1):2020-08 gilt.",
    "Verordnung (EU) Nr. 1275/2008",
    "a) 外观应光洁；b) 标志应清晰。",
    "5.2.3 泄漏电流",
])
def test_no_false_positives(text):
    assert extract_text(text) == []


def test_decimal_comma_and_grouping():
    assert parse_number("0,75", "fr") == 0.75
    assert parse_number("0,75", "en") == 0.75
    assert parse_number("1,250", "en") == 1250
    assert parse_number("1 250", "de") == 1250
    assert parse_number("1.250", "de") == 1250
    assert one("A test voltage of 3 000 V is applied.").value == 3000


def test_direction():
    assert one("泄漏电流不大于0.5mA").direction == "lower-is-stricter"
    assert one("绝缘电阻不小于2MΩ").direction == "higher-is-stricter"
    assert one("额定电压为220V").direction == "neither"


def test_keys_across_languages():
    for name in ("泄漏电流", "漏电流", "leakage current", "Ableitstrom", "courant de fuite"):
        assert key_for(name) == "leakage_current", name
    for name in ("电气强度", "耐电压", "electric strength", "Spannungsfestigkeit", "rigidité diélectrique"):
        assert key_for(name) == "electric_strength", name
    assert key_for("潮湿处理后的泄漏电流") == "leakage_current"
    assert key_for("Ableitstrom nach der Feuchtebehandlung") == "leakage_current"
    assert key_for("a completely unrelated phrase") == ""


def _table(rows, header_rows=1, footnotes=(), caption=""):
    return Table(id="t", number="表1", caption=caption, clause="doc#5.1", header_rows=header_rows,
                 rows=[list(r) for r in rows], footnotes=list(footnotes))


def test_table_item_layout():
    t = _table([["序号", "项目", "要求", "试验方法"],
                ["1", "泄漏电流", "≤0.25 mA", "6.3"],
                ["2", "绝缘电阻", "不小于 2 MΩ", "6.4"],
                ["3", "煮水时间/min", "≤5", "6.5"]])
    found = extract_table(t)
    assert [(i.key, i.comparator, i.value, i.unit, i.method) for i in found] == [
        ("leakage_current", "<=", 0.25, "mA", "6.3"), ("insulation_resistance", ">=", 2, "MΩ", "6.4"),
        ("boiling_time", "<=", 5, "min", "6.5")]
    assert found[0].origin == {"type": "table", "table": "表1", "row": 1, "col": 2}
    assert found[0].clause == "doc#5.1"


def test_table_matrix_with_condition_column_and_footnote():
    t = _table([["额定电压/V", "泄漏电流/mA", "绝缘电阻/MΩ"], ["≤60", "0.5a", "≥2"], ["＞60～125", "0.75", "≥7"]],
               footnotes=["a 仅适用于Ⅰ类器具。"])
    found = extract_table(t)
    assert [(i.key, i.comparator, i.value) for i in found] == [
        ("leakage_current", "=", 0.5), ("insulation_resistance", ">=", 2),
        ("leakage_current", "=", 0.75), ("insulation_resistance", ">=", 7)]
    assert "额定电压≤60V" in found[0].conditions and "仅适用于Ⅰ类器具。" in found[0].conditions
    assert "额定电压>60~125V" in found[2].conditions


def test_table_multirow_header_and_limit_hint():
    t = _table([["Working voltage V", "Test voltage V", "Test voltage V"],
                ["Working voltage V", "Basic insulation", "Reinforced insulation"],
                ["≤ 50", "500", "750"], ["> 130 and ≤ 250", "1 250", "3 000"]], header_rows=2)
    found = extract_table(t)
    assert [i.value for i in found] == [500, 750, 1250, 3000]
    assert all(i.key == "electric_strength" and i.comparator == "=" for i in found)
    assert "Reinforced insulation" in found[3].conditions
    limits = extract_table(_table([["Part", "Temperature rise K"], ["Handles, metal", "30"]], caption="Maximum temperature rises"))
    assert (limits[0].comparator, limits[0].normalized["unit"]) == ("<=", "K")


def test_table_rows_are_parameters():
    t = _table([["项目", "Ⅰ类器具", "Ⅱ类器具"], ["泄漏电流/mA", "0.75", "0.25"]], caption="泄漏电流限值")
    found = extract_table(t)
    assert [(i.key, i.value, i.conditions[-1]) for i in found] == [
        ("leakage_current", 0.75, "Ⅰ类器具"), ("leakage_current", 0.25, "Ⅱ类器具")]


def test_reference_tables_give_nothing():
    t = _table([["序号", "检验项目", "技术要求", "试验方法"], ["1", "泄漏电流", "5.1.2", "6.2.1"]])
    assert extract_table(t) == []
    t2 = _table([["本文件章条编号", "对应的IEC章条编号"], ["3.1", "3.1"]], caption="章条编号对照")
    assert extract_table(t2) == []


def test_extract_document_skips_scope_and_links_methods():
    doc = Document(id="T/ZZB 1—2026", lang="zh", clauses=[
        Clause(id="d#1", number="1", heading="范围", text="本文件适用于额定电压不超过250V的电热水壶。", kind="scope"),
        Clause(id="d#5.1", number="5.1", heading="泄漏电流", text="泄漏电流不大于0.5mA。", kind="requirements", page=3),
        Clause(id="d#6.1", number="6.1", heading="泄漏电流", text="按GB 4706.1—2005第13章进行。", kind="test-methods"),
    ], tables=[_table([["项目", "要求"], ["待机功率", "≤0.5 W"]])])
    found = extract_document(doc)
    assert [(i.clause, i.key, i.value) for i in found] == [("d#5.1", "leakage_current", 0.5), ("doc#5.1", "standby_power", 0.5)]
    assert found[0].method == "6.1" and found[0].page == 3 and found[0].doc == "T/ZZB 1—2026"


def test_speed_is_not_pathological():
    """A long passage (many sentences) is handled linearly: catches regex blow-ups, not a timing test."""
    text = "泄漏电流不大于0.5mA，绝缘电阻不小于2MΩ。" * 400
    assert len(extract_text(text)) == 800


def test_limits_per_unit_keep_their_key():
    ind = one("The leakage current shall not exceed 0,75 mA per kW of rated power input.")
    assert (ind.unit, ind.key, ind.normalized["unit"]) == ("mA/kW", "leakage_current", "A/W")
    assert ind.normalized["value"] == pytest.approx(7.5e-7)
    assert one("绝缘电阻不小于1000Ω/V").key == "insulation_resistance"


def test_key_needs_a_fitting_dimension():
    # "measured within 5 s" names the leakage current but a time cannot be one
    ind = one("The leakage current is measured within 5 s after switching on.")
    assert ind.key == "" and ind.unit == "s"


def test_protection_class_only_with_a_cue():
    ind = one("The appliance shall be of class II construction.")
    assert (ind.key, ind.comparator, ind.ordinal["rank"]) == ("protection_class", "=", 2)
    assert one("器具应为Ⅱ类器具。").ordinal["scale"] == "class"
    found = extract_text("Class II appliances shall have a leakage current of at most 0.25 mA.")
    assert [(i.key, i.value) for i in found] == [("leakage_current", 0.25)]


def test_chinese_wan_and_parenthesised_qualifiers():
    assert one("开关寿命不少于10万次。").value == 100000
    a, b = extract_text("漏电流≤0.5mA(Ⅰ类)、≤0.25mA(Ⅱ类)。")
    assert (a.conditions, b.conditions) == (["Ⅰ类"], ["Ⅱ类"])
    assert one("绝缘电阻：≥100MΩ（DC 500V）。").conditions == ["DC 500V"]
