"""Verbal forms of provisions (GB/T 1.1, ISO/IEC Part 2, DIN, NF), sentence splitting, language detection."""

from __future__ import annotations

import pytest

from zmdocs.text.lang import detect_lang
from zmdocs.text.sentences import split_sentences
from zmdocs.verbal import classify, provisions


@pytest.mark.parametrize(
    "text, form, negated",
    [
        ("泄漏电流应不大于0.75 mA。", "requirement", False),
        ("壶体不应翻倒。", "requirement", True),
        ("不得使用回收塑料。", "requirement", True),
        ("制造商应当提供说明书。", "requirement", False),
        ("宜采用不锈钢材料。", "recommendation", False),
        ("电源线长度不宜超过2 m。", "recommendation", True),
        ("可使用另一台样品。", "permission", False),
        ("不必进行本试验。", "permission", True),
        ("器具能在低温下工作。", "possibility", False),
        ("水不能进入底座。", "possibility", True),
        ("可能引起触电危险。", "possibility", False),
        # 可/应/能 inside compounds are not verbal forms
        ("可触及部件的温度为60 ℃。", "statement", False),
        ("相应的试验按GB 4706.1进行。", "statement", False),
        ("能效等级为1级。", "statement", False),
        ("温控器的响应时间为5 s。", "statement", False),
        ("产品性能和功能见表2。", "statement", False),
        ("适宜的环境温度为20 ℃。", "statement", False),
        ("The appliance shall not tip over.", "requirement", True),
        ("Kettles shall be stable.", "requirement", False),
        ("Handles should be insulated.", "recommendation", False),
        ("Handles should not become hot.", "recommendation", True),
        ("The test may be made on a separate sample.", "permission", False),
        ("The test need not be repeated.", "permission", True),
        ("Water can enter the base.", "possibility", False),
        ("The kettle cannot be opened.", "possibility", True),
        ("The leakage current is measured after 5 s.", "statement", False),
        ("Published on 5 May 2020.", "statement", False),
    ],
)
def test_forms_zh_en(text, form, negated):
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
    assert classify(text, lang) == (form, negated)


@pytest.mark.parametrize(
    "text, lang, form, negated",
    [
        ("Der Wasserkocher muss standfest sein.", "de", "requirement", False),
        ("Das Gerät darf nicht umkippen.", "de", "requirement", True),
        ("Er darf die Werte nach Tabelle 4 nicht überschreiten.", "de", "requirement", True),
        ("Die Prüfung ist an drei Geräten durchzuführen.", "de", "requirement", False),
        ("Der Griff sollte isoliert sein.", "de", "recommendation", False),
        ("Der Griff sollte nicht heiß werden.", "de", "recommendation", True),
        ("Ein weiterer Prüfling darf verwendet werden.", "de", "permission", False),
        ("Die Prüfung braucht nicht wiederholt zu werden.", "de", "permission", True),
        ("Wasser kann in den Sockel eindringen.", "de", "possibility", False),
        ("La bouilloire doit être stable.", "fr", "requirement", False),
        ("La bouilloire ne doit pas basculer.", "fr", "requirement", True),
        ("Il convient de vérifier la poignée.", "fr", "recommendation", False),
        ("Un second échantillon peut être utilisé.", "fr", "permission", False),
        ("L'eau ne peut pas pénétrer dans le socle.", "fr", "possibility", True),
        ("Le fabricant n'est pas tenu de fournir le socle.", "fr", "permission", True),
    ],
)
def test_forms_de_fr(text, lang, form, negated):
    assert classify(text, lang) == (form, negated)


def test_notes_are_statements():
    text = "泄漏电流应不大于0.75 mA。\n注：本试验可以在常温下进行，也应记录水温。\nNOTE The test shall be repeated."
    ps = provisions(text, "zh")
    assert [p.form for p in ps] == ["requirement", "statement", "statement"]
    assert all(text[p.start:p.end] == p.text for p in ps)


def test_sentence_split_latin_abbreviations_and_numbers():
    text = "See e.g. Fig. 3 and 5.2.1 for details. The limit is 0.75 mA. Die Prüfung nach Nr. 5 bzw. z. B. Bild 2 ist durchzuführen. Next."
    assert split_sentences(text) == [
        "See e.g. Fig. 3 and 5.2.1 for details.",
        "The limit is 0.75 mA.",
        "Die Prüfung nach Nr. 5 bzw. z. B. Bild 2 ist durchzuführen.",
        "Next.",
    ]


def test_sentence_split_chinese_and_list_items():
    text = "待机功率应符合下列要求：\na) 无保温功能时不大于0.3 W；\nb) 有保温功能时不大于0.5 W。电气强度试验1 min，无击穿。"
    assert split_sentences(text) == [
        "待机功率应符合下列要求：",
        "a) 无保温功能时不大于0.3 W；",
        "b) 有保温功能时不大于0.5 W。",
        "电气强度试验1 min，无击穿。",
    ]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("本文件规定了电热水壶的技术要求。", "zh"),
        ("この規格は電気ケトルの安全性について規定する。", "ja"),
        ("This part of the standard deals with the safety of kettles.", "en"),
        ("Diese Norm behandelt die Sicherheit von Wasserkochern für den Hausgebrauch.", "de"),
        ("La présente norme traite de la sécurité des bouilloires électriques pour le ménage.", "fr"),
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_verbal_gold_set_accuracy():
    """Hand-labelled sentences (80 from the sample corpus, 32 written for the tests): form accuracy ≥ 95 %."""
    from pathlib import Path

    rows = [ln.split("\t") for ln in (Path(__file__).parent / "data" / "parse" / "verbal_gold.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    assert len(rows) >= 100
    form_ok = neg_ok = neg_n = 0
    wrong = []
    for lang, form, neg, text in rows:
        ps = provisions(text, lang)
        got_form = next((p.form for p in ps if p.form != "statement"), "statement")
        got_neg = next((p.negated for p in ps if p.form != "statement"), False)
        form_ok += got_form == form
        if got_form != form:
            wrong.append((text, got_form, form))
        if neg != "-":
            neg_n += 1
            neg_ok += got_neg == (neg == "1")
    assert form_ok / len(rows) >= 0.95, wrong
    assert neg_ok / neg_n >= 0.95


@pytest.mark.parametrize(
    "text, lang, form, negated",
    [
        ("样品须经预处理。", "zh", "requirement", False),
        ("无须进行预处理。", "zh", "permission", True),
        ("The sample is to be conditioned for 24 h.", "en", "requirement", False),
        ("It is necessary that the lid be closed.", "en", "requirement", False),
        ("The use of a separate base is permitted.", "en", "permission", False),
        ("Manufacturers ought to state the capacity.", "en", "recommendation", False),
    ],
)
def test_equivalent_expressions(text, lang, form, negated):
    assert classify(text, lang) == (form, negated)


def test_list_items_inherit_the_lead_in_form():
    text = "待机功率应符合下列要求：\na) 无保温功能时不大于0.3 W；\nb) 有保温功能时不大于0.5 W。\n试验在常温下进行。\nc) 其他。"
    got = [(p.form, p.negated) for p in provisions(text, "zh")]
    assert got == [("requirement", False)] * 3 + [("statement", False)] * 2
    text = "During the test the following shall not occur:\n– flames;\n– molten metal."
    assert [(p.form, p.negated) for p in provisions(text, "en")] == [("requirement", True)] * 3
