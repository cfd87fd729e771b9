"""Bounded multiples, number words and other issue #11 kinds, on sentences written for these tests (no corpus
text). Convention: tests/data/indicators/README.md ("bounded multiples")."""

from __future__ import annotations

from zmdocs.indicators import extract_text


def _found(text: str, lang: str) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, lang=lang)]


def test_zh_bound_on_a_multiple_is_a_unitless_factor():
    inds = extract_text("电机的堵转电流不大于额定电流的5倍，起动时间小于4s。", lang="zh")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("<=", 5, ""), ("<", 4, "s")]
    assert inds[0].parameter == "电机的堵转电流" or inds[0].parameter.endswith("堵转电流")
    assert "额定电流的5倍" in inds[0].conditions


def test_zh_bound_cue_before_a_long_reference_quantity():
    inds = extract_text("泵的出口压力不应超过制造商规定的最高工作压力的1.3倍。", lang="zh")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("<=", 1.3, "")]
    assert "出口压力" in inds[0].parameter and "制造商" not in inds[0].parameter


def test_en_de_bound_on_a_multiple():
    assert _found("The inrush current shall not exceed 8 times the rated current.", "en") == [("<=", 8, "")]
    assert _found("The inrush current shall not exceed 8 times rated current.", "en") == [("<=", 8, "")]
    assert _found("Der Einschaltstrom darf höchstens das 8fache des Bemessungsstroms betragen.", "de") == [("<=", 8, "")]


def test_stated_and_applied_multiples_stay_out():
    assert _found("在1.2倍额定电压下，泄漏电流应不大于2mA。", "zh") == [("<=", 2, "mA")]
    assert _found("密封试验压力为额定压力的1.1倍。", "zh") == []
    assert _found("The test is repeated at 0.9 times and 1.1 times rated voltage.", "en") == []
    assert _found("The proof pressure is 1.5 times the rated pressure.", "en") == []


def test_number_words_have_one_home():
    from zmdocs.text.numbers import number_words

    assert number_words("en")["twenty"] == 20 and number_words("de")["zwölf"] == 12
    assert number_words("fr")["dix-sept"] == 17 and "one" not in number_words("en", 2)
    assert number_words("zh") == {}


def test_durations_in_words_are_settings():
    inds = extract_text("The specimen is heated for fifteen minutes.", lang="en")
    assert [(i.comparator, i.value, i.unit, i.parameter) for i in inds] == [("=", 15, "minutes", "test duration")]
    assert ("=", 17, "minutes") in _found("L'éprouvette est chauffée pendant dix-sept minutes.", "fr")


def test_german_postposed_duration_is_a_setting():
    got = _found("Die Probe wird zwanzig Minuten lang bei 40 °C gelagert.", "de")
    assert ("=", 20, "Minuten") in got and ("=", 40, "°C") in got
    assert ("=", 3, "h") in _found("Der Prüfling wird 3 h lang belastet.", "de")
    assert not [i for i in extract_text("Das Kabel ist 3 m lang.", lang="de") if getattr(i, "_setting", False)]


def test_if_span_criterion_with_a_verdict_is_an_indicator():
    inds = extract_text("若试样的挠度不大于3 mm，则判定为合格。", lang="zh")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("<=", 3, "mm")]
    assert inds[0].parameter == "试样的挠度"
    # only the last bound of the span, with a cue of its own ("在1 s内" is a counting window)
    assert _found("若在1 s内车速的降低量不超过20 km/h，则允许系统继续控制。", "zh") == [("<=", 20, "km/h")]


def test_if_span_scoping_a_limit_stays_a_condition():
    assert _found("若车速大于20 km/h，则系统应发出警告。", "zh") == []
    got = extract_text("If the overall width is less than 1 200 mm, the distance shall be at least 300 mm.", lang="en")
    assert [(i.comparator, i.value) for i in got] == [(">=", 300)]
