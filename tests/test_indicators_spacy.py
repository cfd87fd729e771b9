"""spaCy blank pipelines at work in the indicator stage: glossary keys by phrase matcher, parameter noun phrases.

No spaCy model is used or downloaded: `spacy.blank(...)` gives tokenizers and stop words only.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from zmdocs.indicators import extract_text
from zmdocs.indicators.common import parameter_name
from zmdocs.indicators.keys import key_at_end, key_for, keys_in
from zmdocs.text.nlp import TermMatcher, inflections, is_fragment, noun_phrase


@pytest.mark.parametrize("text, key", [
    ("潮湿处理后的泄漏电流", "leakage_current"),  # the head comes last in Chinese
    ("电气强度试验电压", "electric_strength"),
    ("泄 漏 电 流", "leakage_current"),  # spaces between characters (PDF letter spacing) do not hide the term
    ("温升限值", "temperature_rise"),
    ("绕组的绝缘电阻", "insulation_resistance"),
])
def test_zh_keys_by_character_matcher(text, key):
    assert key_for(text) == key


@pytest.mark.parametrize("text, key", [
    ("leakage current after humidity treatment", "leakage_current"),  # the head comes first
    ("The leakage currents", "leakage_current"),  # regular plural
    ("Surface temperatures of accessible parts", "surface_temperature"),
    ("insulation   resistance", "insulation_resistance"),  # any spacing
    ("concurrent flow", ""),  # whole tokens only: "current" is not in "concurrent"
])
def test_en_keys_by_token_matcher(text, key):
    assert key_for(text) == key


@pytest.mark.parametrize("text, key", [
    ("Ableitstrom nach der Feuchtebehandlung", "leakage_current"),
    ("Die Prüfspannungen", "electric_strength"),  # plural of a compound
    ("des Isolationswiderstandes", "insulation_resistance"),  # genitive
    ("L'échauffement des poignées", "temperature_rise"),  # French elision
    ("les courants de fuite", "leakage_current"),
])
def test_de_fr_keys_by_token_matcher(text, key):
    assert key_for(text) == key


def test_keys_in_and_key_at_end_keep_their_meaning():
    assert key_at_end("电气强度试验电压") == "electric_strength"
    assert key_at_end("试验电压施加") == ""
    assert keys_in("耐压时间") == ["test_duration"]  # leftmost-longest: not the 耐压 inside it
    assert set(keys_in("leakage current and insulation resistance")) == {"leakage_current", "insulation_resistance"}


def test_term_matcher_offsets_and_inflections():
    m = TermMatcher([("泄漏电流", "lc", "zh"), ("test voltage", "tv", "en")])
    text = "在泄漏电流下 the test voltages"
    spans = m.find(text)
    assert [(text[a:b], label) for a, b, label, _ in spans] == [("泄漏电流", "lc"), ("test voltages", "tv")]
    assert "Prüfspannungen" in inflections("Prüfspannung", "de")
    assert "courants de fuite" in inflections("courant de fuite", "fr")


@pytest.mark.parametrize("param, lang, np", [
    ("of diameter", "en", "diameter"),
    ("until a quantity", "en", "quantity"),
    ("Exhaust system volume does", "en", "Exhaust system volume"),
    ("be such that", "en", ""),
    ("A-weighted sound power level", "en", "A-weighted sound power level"),
    ("Emissionen in", "de", "Emissionen"),
    ("但长度", "zh", "长度"),
    ("将供电电压", "zh", "供电电压"),
    ("同时", "zh", ""),
    ("判断是否", "zh", ""),
    ("使用寿命", "zh", "使用寿命"),
])
def test_noun_phrase_of_a_parameter(param, lang, np):
    assert noun_phrase(param, lang) == np


def test_whole_names_are_not_fragments():
    for p, lang in [("整车高度", "zh"), ("电气强度(基本绝缘，1 min)", "zh"), ("Nature of the Bottom", "en"),
                    ("mass fraction of moisture", "en"), ("Benzo-(a)-pyren", "de")]:
        assert not is_fragment(p, lang), p


def test_fragment_parameter_takes_the_heading_noun_phrase():
    (ind,) = extract_text("同时应小于或等于1100mm。", lang="zh", context="整车高度")
    assert (ind.parameter, ind.comparator, ind.value, ind.unit) == ("整车高度", "<=", 1100, "mm")
    (ind,) = extract_text("It shall be such that it does not exceed 10 %.", lang="en", context="Mass fraction of moisture")
    assert ind.parameter == "Mass fraction of moisture"
    # a generic heading names no quantity: the fragment's own noun phrase stays
    assert parameter_name("of diameter", "", "General requirements", "en") == "diameter"
    assert parameter_name("同时", "", "一般要求", "zh") == "同时"


def test_keys_through_the_extractor_in_three_languages():
    (zh,) = extract_text("潮湿处理后的泄漏电流不应大于0.75 mA。", lang="zh")
    (en,) = extract_text("The leakage currents shall not exceed 0.75 mA.", lang="en")
    (de,) = extract_text("Die Prüfspannungen müssen mindestens 1250 V betragen.", lang="de")
    assert (zh.key, en.key, de.key) == ("leakage_current", "leakage_current", "electric_strength")


def test_cli_startup_does_not_import_spacy():
    code = "import sys, zmdocs.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
