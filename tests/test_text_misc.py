"""zmdocs.text: language, sentences, width, comparators, temperature rise, standard families and tiers."""

from __future__ import annotations

import pytest

from zmdocs.compare.product import load_product
from zmdocs.compare.tiers import tier_of, tier_of_family
from zmdocs.compare.values import canonical
from zmdocs.model import Document, Indicator
from zmdocs.text.comparators import comparator_of, cue_comparator, cue_pattern
from zmdocs.text.lang import cjk_ratio, detect_lang, guess_lang, is_cjk
from zmdocs.text.normalize import clean_odd, fold, normalize
from zmdocs.text.sentences import (
    CHUNK_SPLIT,
    FACET_SPLIT,
    line_sentence_spans,
    sentence_spans,
    split_sentences,
)
from zmdocs.text.stdnum import family_of
from zmdocs.text.temperature import is_rise, rise_unit, temperature_dimension
from zmdocs.text.width import display_width, fit_cell, fold_chars, to_halfwidth


def test_language():
    assert detect_lang("泄漏电流不大于0.75 mA。") == "zh" and detect_lang("") == "en" and detect_lang("", "zh") == "zh"
    assert detect_lang("The appliance shall be tested with the lid open.") == "en"
    assert detect_lang("Das Gerät muss mit offenem Deckel geprüft werden.") == "de"
    assert detect_lang("L'appareil doit être essayé avec le couvercle ouvert.") == "fr"
    assert guess_lang("The leakage current of 泄漏电流 shall not exceed 0.75 mA") == "zh"  # a sentence: 4 CJK suffice
    assert guess_lang("Der Ableitstrom darf höchstens 0,75 mA sein") == "de"
    assert is_cjk("电") and not is_cjk("a") and cjk_ratio("电流ab") == 0.5


def test_sentences():
    text = "See Fig. 3 and No. 5 of the table. The test voltage is 1 250 V.\nThe appliance is operated\nat 1.06 times rated voltage."
    assert [text[a:b] for a, b in sentence_spans(text, "en")] == [
        "See Fig. 3 and No. 5 of the table.", "The test voltage is 1 250 V.", "The appliance is operated\nat 1.06 times rated voltage."]
    zh = "泄漏电流不大于0.75 mA。试验电压为1250 V；持续1 min！"
    assert [zh[a:b] for a, b in sentence_spans(zh, "zh")] == ["泄漏电流不大于0.75 mA。", "试验电压为1250 V；持续1 min！"]
    assert split_sentences(zh) == ["泄漏电流不大于0.75 mA。", "试验电压为1250 V；", "持续1 min！"]
    assert [text[a:b] for a, b in line_sentence_spans(text)][-2:] == ["The appliance is operated", "at 1.06 times rated voltage."]
    assert split_sentences("Der Strom darf z. B. 0,75 mA nicht überschreiten. Siehe Bild 3.") == [
        "Der Strom darf z. B. 0,75 mA nicht überschreiten.", "Siehe Bild 3."]
    assert [p for p in FACET_SPLIT.split("温升：绕组80 K；外壳60 K. Note: x") if p] == ["温升：绕组80 K；", "外壳60 K.", "Note:", "x"]
    assert [p for p in CHUNK_SPLIT.split("一。二；三") if p] == ["一。", "二；", "三"]


def test_width_and_normalize():
    assert to_halfwidth("０．７５ｍＡ（ＡＣ）") == "0.75mA（AC）"  # Chinese brackets stay for reading
    assert fold_chars("０．７５ｍＡ（ＡＣ）～") == "0.75mA(AC)~" and len(fold_chars("（～）")) == 3  # offsets kept
    assert normalize("泄漏电流\n不大于  0.75 mA") == "泄漏电流不大于 0.75 mA" and fold("A  B 电 流") == "a b 电流"
    assert clean_odd("a\x00b") == ("ab", 1)
    assert display_width("电流A") == 5 and fit_cell("电流电流", 5) == "电流…" and fit_cell("ab", 4) == "ab  "


def test_comparators():
    assert comparator_of("max") == "<=" and comparator_of("Max.") == "<=" and comparator_of("不小于") == ">="
    assert comparator_of("at  least") == ">=" and comparator_of("±") == "tolerance" and comparator_of("") == "="
    assert comparator_of("about") is None
    assert cue_comparator("not more than") == "<=" and cue_comparator("max") is None and cue_comparator("超过") == ">"
    pattern = cue_pattern()
    assert pattern.index("不大于") < pattern.index("大于")  # longest first


def test_product_csv_takes_comparator_words_from_the_lexicon(tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("parameter,comparator,value,unit\nnoise,not more than,58,dB(A)\nlife,höchstens,3,a\n", encoding="utf-8")
    assert [i.comparator for i in load_product(csv).indicators] == ["<=", "<="]


def test_temperature_rise():
    assert is_rise("temperature_rise", "") and is_rise(None, "绕组温升") and not is_rise("surface_temperature", "表面温度")
    assert rise_unit("°C", True) == "K" and rise_unit("°C", False) == "°C" and rise_unit("W", True) == "W"
    assert temperature_dimension("K") == temperature_dimension("°C") == "°C" and temperature_dimension("W") == "W"
    rise = Indicator(parameter="绕组温升", comparator="<=", value=75, unit="°C", key="temperature_rise")
    assert canonical(rise).unit == "K"


@pytest.mark.parametrize("ident, family, tier", [
    ("GB 4706.19—2024", "GB", "domestic"), ("T/ZZB 0999—2026", "T/ZZB", "domestic"), ("CISPR 14-1", "CISPR", "international"),
    ("DIN EN 60335-2-15:2020", "DIN EN", "foreign"), ("ASTM D638-14", "ASTM", "foreign"),
])
def test_families_and_tiers_have_one_home(ident, family, tier):
    assert family_of(ident) == family and tier_of_family(family) == tier
    assert tier_of(Document(id=ident)) == tier


def test_tier_of_unknown_and_product():
    assert tier_of_family("") == "" and tier_of_family("product") == "product"
    assert tier_of(Document(id="some notes")) == "foreign"


def test_ohm_and_kelvin_signs_fold_to_the_letters_units_use():
    """Regression: the fold table mapped Greek Omega to itself, so "2 MΩ" written with the OHM SIGN
    (U+2126, as some PDF fonts emit it) lost its unit and read as "2 M"."""
    from zmdocs.indicators import extract_text
    from zmdocs.text.width import fold_chars

    assert fold_chars("2 M\u2126, 300 \u212a") == "2 M\u03a9, 300 K"
    (ind,) = extract_text("绝缘电阻不应小于2 M\u2126。", lang="zh")
    assert (ind.comparator, ind.value, ind.unit) == (">=", 2, "MΩ")
