"""Prose kinds and general role rules of the indicator extractor, on sentences written for these tests
(no corpus text): one regression per fix of the issue #11 prose pass."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.indicators.roles import assign_roles, role_of
from zmdocs.model import Clause, Document, Indicator


def _found(text: str, lang: str) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, lang=lang)]


def _ind(text: str, value: float, comparator: str = "=", unit: str = "", parameter: str = "p") -> Indicator:
    return Indicator(parameter=parameter, comparator=comparator, value=value, unit=unit, clause="D#1", text=text)


def test_zh_per_case_bounds_after_a_comma_are_not_conditions():
    # "对…的X应≤a，对…的Y应≤b": every case keeps its bound (the 对 frame holds no modal)
    got = _found("开启时间对甲型设备应小于等于 0.35s，对乙型设备应小于等于 0.60s，对丙型设备应小于等于 0.80s。", "zh")
    assert [v for _c, v, _u in got] == [0.35, 0.6, 0.8]
    assert all(c == "<=" for c, _v, _u in got)


def test_zh_test_setting_values_are_stated():
    assert ("=", 20, "km/h") in _found("样车在干燥路面上行驶，以 20 km/h 的速度驶过标线。", "zh")
    assert ("=", 5, "m") in _found("将光源照射在距离 5m 的屏幕上，光斑的偏移量应小于等于 30mm。", "zh")
    assert _found("所以5 V的电压不作要求。", "zh") == []  # 以 inside a word is no setting


def test_confidence_level_is_a_stated_test_condition():
    inds = extract_text("d = depth, all uncertainties at 95 % confidence level.", lang="en")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("=", 95, "%")]
    doc = Document(id="D", clauses=[Clause(id="D#1", number="1", heading="Accuracy", text=inds[0].text)])
    assign_roles(doc, inds)
    assert inds[0].role == "test-condition"


def test_bound_across_a_line_break_after_the_modal_is_a_result():
    c = Clause(id="D#1", number="1", heading="Leak rate", text="")
    text = "When tested in accordance with Annex 3, the leak rate shall be\nless than 4 g/h."
    assert role_of(_ind(text, 4, "<", "g/h", "leak rate"), [c]) == "requirement"
    # the same frame over a value without a modal is the test's setting
    assert role_of(_ind("When tested, apply a pressure of 4 kPa.", 4, "=", "kPa", "pressure"), [c]) == "test-condition"


def test_imperative_test_instruction_is_a_test_condition_in_en_de_fr():
    c = Clause(id="D#1", number="1", heading="Stability", text="")
    assert role_of(_ind("Place the specimen on a plane inclined at 10°.", 10, "=", "°"), [c]) == "test-condition"
    assert role_of(_ind("Bei der Prüfung beträgt die Wassertemperatur 20 °C.", 20, "=", "°C"), [c]) == "test-condition"
    assert role_of(_ind("Lors de l'essai, la tension est de 230 V.", 230, "=", "V"), [c]) == "test-condition"
    # a capitalised verb inside a sentence is no instruction
    assert role_of(_ind("The Set value is 10 V.", 10, "=", "V"), [c]) == "requirement"


def test_general_test_inputs_by_grammar():
    c = Clause(id="D#1", number="1", heading="Brightness", text="")
    assert role_of(_ind("测量距离为 3 m，亮度应大于等于 200 cd/m2。", 3, "=", "m", "测量距离"), [c]) == "test-condition"
    assert role_of(_ind("Die Messung erfolgt bei einer Umgebungstemperatur von 23 °C.", 23, "=", "°C"), [c]) == "test-condition"
    assert role_of(_ind("The generator is set to 50 Hz.", 50, "=", "Hz"), [c]) == "test-condition"


def test_permitted_error_in_a_test_chapter_is_a_requirement():
    tests = Clause(id="D#1", number="1", heading="Test procedure", text="")
    text = "The maximum permissible error of the indication is ± 0.1 °C."
    ind = Indicator(parameter="maximum permissible error", comparator="range", min=-0.1, max=0.1, unit="°C",
                    clause="D#1", text=text)
    assert role_of(ind, [tests]) == "requirement"
    # without the permitted-error wording the same chapter makes the value a test setting
    assert role_of(_ind("The water bath is kept at 37 °C.", 37, "=", "°C", "bath temperature"), [tests]) == "test-condition"


def test_modal_should_governs_a_bound():
    tests = Clause(id="D#1", number="1", heading="Test conditions", text="")
    ind = _ind("During the test, the drift should not exceed 2 mV.", 2, "<=", "mV", "drift")
    assert role_of(ind, [tests]) == "requirement"


def test_equal_to_or_bound_keeps_the_equality():
    assert _found("The reduction shall be equal to or greater than 5 kg.", "en") == [(">=", 5, "kg")]
    assert _found("The mass shall be equal to or less than 5 kg.", "en") == [("<=", 5, "kg")]


def test_equivalent_to_states_a_test_input():
    text = "The reading shall not change by more than one interval for any change in supply pressure equivalent to 2 kPa."
    inds = extract_text(text, lang="en")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("=", 2, "kPa")]
    c = Clause(id="D#1", number="1", heading="Pressure effect", text=text)
    assert role_of(inds[0], [c]) == "test-condition"
