"""Test settings inside condition spans: a test-condition indicator of their own, still a condition of the limit."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_text
from zmdocs.model import Clause, Document


def _settings(inds):
    return [i for i in inds if getattr(i, "_setting", False)]


def _limits(inds):
    return [i for i in inds if not getattr(i, "_setting", False)]


@pytest.mark.parametrize("text, lang, param, value, unit, cond", [
    ("在23 °C下，绝缘电阻应不小于2 MΩ。", "zh", "试验温度", 23, "°C", "在23 °C下"),
    ("以10 km/h的速度行驶时，制动距离应不大于5 m。", "zh", "试验速度", 10, "km/h", "以10 km/h的速度行驶时"),
    ("The leakage current at 25 °C shall not exceed 0.25 mA.", "en", "test temperature", 25, "°C", "at 25 °C"),
    ("Der Ableitstrom bei 40 °C darf 0,5 mA nicht überschreiten.", "de", "Prüftemperatur", 40, "°C", "bei 40 °C"),
    ("Le courant de fuite à 30 °C ne doit pas dépasser 0,5 mA.", "fr", "température d'essai", 30, "°C", "à 30 °C"),
])
def test_setting_is_its_own_indicator_and_stays_a_condition(text, lang, param, value, unit, cond):
    inds = extract_text(text, lang=lang, clause="5.1")
    (s,) = _settings(inds)
    assert (s.parameter, s.comparator, s.value, s.unit) == (param, "=", value, unit)
    (lim,) = _limits(inds)
    assert cond in lim.conditions  # the 0.1 convention is kept: the setting qualifies the limit


def test_span_words_name_the_setting():
    (s,) = extract_text("The test shall be carried out at an ambient test temperature of 266 K.", lang="en", clause="5.1")
    assert (s.parameter, s.value, s.unit) == ("ambient test temperature", 266, "K")
    (s,) = _settings(extract_text("At a voltage of 13.5 V the luminous intensity shall be at least 400 cd.", lang="en"))
    assert (s.parameter, s.value, s.unit) == ("voltage", 13.5, "V")


def test_tolerance_setting_keeps_its_tolerance():
    (s,) = _settings(extract_text("Specimens are held at (23 ± 2) °C; the mass loss shall not exceed 2 g.", lang="en"))
    assert (s.comparator, s.value, s.min, s.max) == ("tolerance", 23, 21, 25)


@pytest.mark.parametrize("text, lang", [
    ("当输入功率≤5 kW时，泄漏电流应不大于0.75 mA。", "zh"),  # a band scopes the limit, it sets nothing
    ("If the overall width is less than 1 300 mm, the distance shall not exceed 400 mm.", "en"),
    ("At rated voltage the input power shall not exceed 50 W.", "en"),  # no value in the span
    ("在额定电压下，泄漏电流应不大于0.75 mA。", "zh"),
    ("明暗截止线应不高于透光面中心所在水平面以下 50mm 的直线。", "zh"),  # a position, not a setting
    ("The luminous intensity shall be at least 400 cd at 5 % of the reference value.", "en"),  # a share: no test word
])
def test_no_setting(text, lang):
    assert _settings(extract_text(text, lang=lang, clause="5.1")) == []


def test_setting_role_is_test_condition_outside_a_test_chapter():
    c = Clause(id="d#5.1", number="5.1", heading="Leakage current", level=2, kind="other",
               text="The leakage current at 25 °C shall not exceed 0.25 mA.")
    inds = extract_document(Document(id="d", title="t", lang="en", clauses=[c]))
    roles = {(i.value, i.unit): i.role for i in inds}
    assert roles == {(25, "°C"): "test-condition", (0.25, "mA"): "requirement"}


@pytest.mark.parametrize("text, lang, value, unit", [
    ("A test voltage of 1 250 V is applied for 1 min.", "en", 1, "min"),
    ("After 500 h of operation, the luminous flux shall be at least 90 % of the initial value.", "en", 500, "h"),
    ("Une tension d'essai de 1 250 V est appliquée pendant 2 min.", "fr", 2, "min"),
    ("施加1000N的静载荷，保持2h，永久变形量不大于1mm。", "zh", 2, "h"),
    ("通电10min后，外壳表面温度不高于50℃。", "zh", 10, "min"),
])
def test_duration_is_a_setting(text, lang, value, unit):
    (s,) = [i for i in _settings(extract_text(text, lang=lang, clause="5.1")) if i.unit == unit]
    assert (s.comparator, s.value) == ("=", value)


def test_duration_bound_stays_a_bound():
    inds = extract_text("Specimens are conditioned for at least 48 h in the test room.", lang="en", clause="5.1")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [(">=", 48, "h")] and not _settings(inds)


def test_table_label_names_a_setting_once():
    from zmdocs.model import Table

    t = Table(id="t", number="1", caption="", clause="d#5", header_rows=1,
              rows=[["Parameter", "Unit", "Limit"], ["Conductivity at 20 °C", "µS/cm", "2500"],
                    ["Conductivity at 20 °C", "µS/cm", "2000"], ["Turbidity", "NTU", "1"]])
    c = Clause(id="d#5", number="5", heading="Limits", level=1, text="")
    inds = extract_document(Document(id="d", title="t", lang="en", clauses=[c], tables=[t]))
    got = [(i.value, i.unit, i.role) for i in _settings(inds)]
    assert got == [(20, "°C", "test-condition")]
    assert len(_limits(inds)) == 3


def test_a_value_under_a_test_head_names_a_setting():
    from zmdocs.model import Table

    t = Table(id="t", number="2", caption="", clause="d#6", header_rows=1,
              rows=[["Test temperature", "Smoke density (m-1)", "Noise (dB)"], ["250 K (-23 °C)", "0.5", "70"],
                    ["Test pressure", "", ""]])
    c = Clause(id="d#6", number="6", heading="Limits", level=1, text="The results shall be less than the limits of the table.")
    inds = extract_document(Document(id="d", title="t", lang="en", clauses=[c], tables=[t]))
    assert [(i.comparator, i.value, i.unit, i.role) for i in _settings(inds)] == [("=", 250, "K", "test-condition")]
    t2 = Table(id="t", number="3", caption="", clause="d#6", header_rows=1,
               rows=[["Number of tests", "Mass (g)"], ["4 cycles", "20"]])
    inds = extract_document(Document(id="d", title="t", lang="en", clauses=[c], tables=[t2]))
    assert _settings(inds) == []  # a count is no setting
