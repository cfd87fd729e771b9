"""zmdocs.text.numbers: the one reading of numbers, and the product CSV that used to read 1,250 as 1.25."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zmdocs.compare import compare_documents
from zmdocs.compare.conditions import _quantities, signature
from zmdocs.compare.product import load_product
from zmdocs.compare.strictness import ambient_of
from zmdocs.text.numbers import cn_number, convert_cn_numerals, number_out, parse_number, roman, to_roman

sys.path.insert(0, str(Path(__file__).parent / "data" / "compare"))
from cases import doc, ind  # noqa: E402


@pytest.mark.parametrize("text, lang, value", [
    ("1,250", "en", 1250), ("4,0", "en", 4.0), ("0,5", "en", 0.5), ("1,25", "en", 1.25), ("1 250", "en", 1250),
    ("12,345,678", "en", 12345678), ("-0,5", "en", -0.5), ("+3", "en", 3), ("1.250", "de", 1250), ("1.250", "en", 1.25),
    ("1,250", "de", 1.25), ("1.250,5", "de", 1250.5), ("1,250.5", "en", 1250.5), ("0.75", "fr", 0.75),
])
def test_parse_number_decimal_comma_and_grouping(text, lang, value):
    got = parse_number(text, lang)
    assert got == pytest.approx(value) and type(got) is type(value)


@pytest.mark.parametrize("text", ["", "   ", "abc", "1,2,3", "1.2.3", "9" * 400, "-"])
def test_parse_number_refuses_what_is_not_one_number(text):
    assert parse_number(text) is None


def test_number_out_keeps_ints_and_floats():
    assert number_out(1250.0) == 1250 and isinstance(number_out(1250.0), int)
    assert number_out(0.75) == 0.75


def test_chinese_numerals():
    assert convert_cn_numerals("五分钟") == "5分钟"
    assert convert_cn_numerals("一点五兆欧") == "1.5兆欧"
    assert convert_cn_numerals("10万次") == "100000次"
    assert convert_cn_numerals("一次性") == "一次性" and convert_cn_numerals("一般") == "一般"
    assert cn_number("十二") == 12 and cn_number("一百零三") == 103 and cn_number("兩") == 2 and cn_number("12") == 12
    assert cn_number("零") is None and cn_number("abc") is None


def test_roman_numerals_are_validated():
    assert roman("XIV") == 14 and roman("xiv") == 14 and roman("MCMXCIV") == 1994
    assert roman("IIII") is None and roman("VX") is None and roman("IC") is None and roman("") is None
    assert to_roman(14) == "XIV" and to_roman(1994) == "MCMXCIV" and to_roman(0) == "0"


def test_product_csv_thousands_comma_compares_as_1250(tmp_path):
    """Regression: the product reader replaced "," with "." and read 1,250 W as 1.25 W."""
    csv = tmp_path / "acme.csv"
    csv.write_text('parameter,comparator,value,unit,source,key\n'
                   'rated power input,>=,"1,250",W,datasheet,rated_power\n'
                   'cord length,>=,"1,250",mm,datasheet,cord_length\n'
                   'standby power,<=,"0,5",W,datasheet,standby_power\n', encoding="utf-8")
    power, cord, standby = load_product(csv).indicators
    assert power.value == 1250 and power.normalized["value"] == pytest.approx(1250) and power.normalized["unit"] == "W"
    assert cord.value == 1250 and cord.normalized["value"] == pytest.approx(1.25)  # 1 250 mm in metres
    assert standby.value == 0.5
    draft = doc("T/ZZB 0001—2026", "T/ZZB", [ind("额定输入功率", ">=", 1000, "W", "rated_power"),
                                            ind("电源线长度", ">=", 1.5, "m", "cord_length")])
    c = compare_documents(draft, [load_product(csv)])
    result = {r.key: next(x for x in r.counterparts if x.tier == "product").result for r in c.rows}
    assert result["rated_power"] == "looser"  # 1000 W against a product's 1 250 W (not 1.25 W)
    assert result["cord_length"] == "stricter"  # 1.5 m against 1 250 mm (not 1.25 mm)


def test_condition_quantities_read_numbers_the_same_way():
    assert [(u, v) for u, v, _ in _quantities("at 1,250 V")] == [("V", 1250.0)]
    assert [(u, v) for u, v, _ in _quantities("bei 0,5 mA")] == [("A", pytest.approx(0.0005))]
    assert ambient_of(["在环境温度为(25±2)℃时测量"]) == 25.0 and ambient_of(["ambient 23,5 °C"]) == 23.5


def test_a_multiplier_of_the_rated_value_reads_a_decimal_comma():
    assert signature(["bei 1,06facher Bemessungsspannung"]).quantities["×rated"] == pytest.approx(1.06)
    assert signature(["at 1.15 times rated voltage"]).quantities["×rated"] == pytest.approx(1.15)
    assert signature(["à 1,150 fois la tension assignée"]).quantities["×rated"] == pytest.approx(1.15)  # not 1150


def test_chinese_numerals_without_a_third_party_reader():
    """One reader for Chinese numerals (cn2an dropped): decimals, digit-by-digit years, 万."""
    from zmdocs.text.numbers import cn_value

    assert cn_value("一点五") == 1.5 and cn_value("二〇二三") == 2023 and cn_value("十二万三千") == 123000
    assert cn_value("万") is None and cn_value("十百") is None and cn_value("abc") is None
    assert convert_cn_numerals("五分钟后绝缘电阻不小于一点五兆欧") == "5分钟后绝缘电阻不小于1.5兆欧"


def test_a_zh_list_comma_before_digits_and_a_cjk_character_is_no_decimal_comma():
    """"1~10,1表示最优": the number is 10, then the list item 1 (NUM stops before a comma that a CJK word follows)."""
    import re

    from zmdocs.text.numbers import NUM

    nums = re.findall(NUM, "取值1~10,1表示最优,10表示最差")
    assert nums == ["1", "10", "1", "10"] and [parse_number(n, "zh") for n in nums] == [1, 10, 1, 10]
    assert re.findall(NUM, "4,5 mm") == ["4,5"] and parse_number("4,5", "de") == 4.5
