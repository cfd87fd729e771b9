"""Standard numbers: finding, normalising, families, tiers, same-standard comparison."""

from __future__ import annotations

import pytest

from zmdocs.text.stdnum import family_of, find_standards, normalize_id, same_standard, tier_of


@pytest.mark.parametrize(
    "raw, norm, family, year",
    [
        ("GB4706.1-2005", "GB 4706.1—2005", "GB", 2005),
        ("GB 4706.1－2005", "GB 4706.1—2005", "GB", 2005),
        ("GB 4706.1–2005", "GB 4706.1—2005", "GB", 2005),
        ("ＧＢ／Ｔ　４２０８—２０１７", "GB/T 4208—2017", "GB/T", 2017),
        ("GB/Z 1234-2019", "GB/Z 1234—2019", "GB/Z", 2019),
        ("QB/T 1234-2010", "QB/T 1234—2010", "QB/T", 2010),
        ("T/ZZB 0001-2018", "T/ZZB 0001—2018", "T/ZZB", 2018),
        ("T/ZJSAE 012—2021", "T/ZJSAE 012—2021", "T/ZJSAE", 2021),
        ("DB33/T 1234-2019", "DB33/T 1234—2019", "DB33/T", 2019),
        ("Q/ZJXC 001-2020", "Q/ZJXC 001—2020", "Q/ZJXC", 2020),
        ("JJF 1059.1—2012", "JJF 1059.1—2012", "JJF", 2012),
        ("NB/T 10001-2015", "NB/T 10001—2015", "NB/T", 2015),
        ("GB/T 4208", "GB/T 4208", "GB/T", None),
        ("ISO 9001:2015", "ISO 9001:2015", "ISO", 2015),
        ("IEC 60335-2-15:2016", "IEC 60335-2-15:2016", "IEC", 2016),
        ("IEC 60335-1", "IEC 60335-1", "IEC", None),
        ("ISO/IEC 17025:2017", "ISO/IEC 17025:2017", "ISO/IEC", 2017),
        ("EN 60335-1:2012+A11:2014", "EN 60335-1:2012+A11:2014", "EN", 2012),
        ("DIN EN 60335-1 (VDE 0700-1):2020-08", "DIN EN 60335-1:2020-08", "DIN EN", 2020),
        ("DIN 40050-9:1993-05", "DIN 40050-9:1993-05", "DIN", 1993),
        ("BS EN 60335-2-15:2016", "BS EN 60335-2-15:2016", "BS EN", 2016),
        ("ASTM D638-14", "ASTM D638-14", "ASTM", 2014),
        ("UL 1082", "UL 1082", "UL", None),
        ("JIS C 9335-1:2014", "JIS C 9335-1:2014", "JIS", 2014),
        ("CISPR 14-1:2020", "CISPR 14-1:2020", "CISPR", 2020),
        ("IEEE 1547-2018", "IEEE 1547-2018", "IEEE", 2018),
    ],
)
def test_normalize(raw, norm, family, year):
    assert normalize_id(raw) == norm
    assert family_of(raw) == family
    refs = find_standards(raw)
    assert refs[0].year == year


def test_find_in_running_text_with_spans():
    text = "本文件代替GB 4706.19—2008，修改采用IEC 60335-2-15:2016；引用GB/T 4208（IEC 60529:2013，IDT）。"
    refs = find_standards(text)
    assert [r.id for r in refs] == ["GB 4706.19—2008", "IEC 60335-2-15:2016", "GB/T 4208", "IEC 60529:2013"]
    for r in refs:
        assert normalize_id(text[r.span[0]:r.span[1]]) == r.id


def test_no_false_positives_on_values_and_dates():
    assert find_standards("泄漏电流0.75 mA，220 V，2024-03-15发布，见5.2.1和表A.1。") == []
    assert find_standards("The ENERGY label, DIN rail, ISO-9001 certified") == []


@pytest.mark.parametrize(
    "family, tier",
    [("GB", "domestic"), ("GB/T", "domestic"), ("Q/ZJXC", "domestic"), ("JJF", "domestic"), ("T/ZZB", "domestic"), ("QB/T", "domestic"), ("DB33/T", "domestic"),
     ("ISO", "international"), ("IEC", "international"), ("ISO/IEC", "international"), ("CISPR", "international"),
     ("EN", "foreign"), ("DIN EN", "foreign"), ("SAE", "foreign"), ("API", "foreign"), ("ASTM", "foreign"), ("UL", "foreign"), ("JIS", "foreign")],
)
def test_tiers(family, tier):
    assert tier_of(family) == tier


def test_same_standard():
    assert same_standard("GB 4706.1-2005", "GB4706.1—1998")
    assert same_standard("IEC 60335-2-15", "IEC 60335-2-15:2016")
    assert not same_standard("EN 60335-2-15:2016", "IEC 60335-2-15:2016")
    assert not same_standard("GB 4706.1—2005", "GB 4706.19—2005")
    assert not same_standard("not a standard", "not a standard")
