"""Glossary subjects beyond lighting: parts, systems, test kinds, pollutants, EMC ports (issue #12, stop 18).

Unit tests of `zmdocs.pairing.subjects_in` / `subject_agreement` on the generalised vocabulary, the
heading paths align and check now pass into pairing, and the real cases of
tests/data/compare/subject_cases.yaml (written before the code; skipped without ../shared/corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "compare"))
import realcases  # noqa: E402


def _cases() -> list[dict]:
    import yaml

    return yaml.safe_load((realcases.HERE / "subject_cases.yaml").read_text(encoding="utf-8"))["cases"]


CASES = _cases()


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_subject_case(case, tmp_path):
    if not realcases.available(case):
        pytest.skip("../shared/corpus not available")
    cmp = realcases.run_case(case, tmp_path)
    assert realcases.check_case(case, cmp) == []


# --- the vocabulary ----------------------------------------------------------------------------


@pytest.mark.parametrize("texts, key", [
    (["一氧化碳排放限值", "carbon monoxide", "Kohlenmonoxid", "monoxyde de carbone", "CO (g/km)"], "carbon_monoxide"),
    (["氮氧化物", "oxides of nitrogen", "Stickstoffoxide", "oxydes d'azote", "NOx"], "nitrogen_oxides"),
    (["手柄", "Handles", "Griffe", "poignées"], "handle"),
    (["绕组", "windings", "Wicklungen", "enroulements"], "winding"),
    (["行车制动", "service braking", "Betriebsbremse", "freinage de service"], "service_brake"),
    (["接触电流", "touch current", "Berührungsstrom", "courant de contact"], "touch_current_test"),
    (["静电放电抗扰度", "electrostatic discharge immunity", "elektrostatische Entladung"], "electrostatic_discharge"),
    (["交流电源端口", "AC power port"], "mains_port"),
    (["乘用车", "passenger cars", "Personenkraftwagen", "voitures particulières"], "passenger_car"),
])
def test_subjects_in_four_languages(texts, key):
    from zmdocs.pairing import subjects_in

    for t in texts:
        assert key in subjects_in(t), t


def test_a_longer_subject_wins_and_an_exception_names_nothing():
    from zmdocs.pairing import subjects_in

    assert subjects_in("泄漏电流") == {"leakage_current_test"}  # not also 漏电流 twice
    assert subjects_in("外壳端口 辐射骚扰") == {"enclosure_port", "radiated_emission"}  # a port, not the enclosure part
    assert subjects_in("HC+NOx") == {"hc_plus_nox"} and subjects_in("NOx") == {"nitrogen_oxides"}
    assert subjects_in("对于—摩托车(正三轮摩托车除外)") == {"motorcycle"}
    assert subjects_in("其他汽车、乘用车列车") == {"vehicle_combination"}  # the combination, not the passenger car
    assert subjects_in("CO2") == {"carbon_dioxide"}  # a token, not CO inside it
    assert subjects_in("最高温度") == frozenset()  # no part named


def _ind(parameter, text="", conditions=(), **kw):
    from zmdocs.model import Indicator

    return Indicator(parameter=parameter, comparator="<=", value=kw.pop("value", 1), unit=kw.pop("unit", "N"),
                     text=text or parameter, conditions=list(conditions), **kw)


def test_agreement_is_per_group():
    from zmdocs.pairing import subject_agreement

    d, r = _ind("踏板力"), _ind("踏板力")
    assert subject_agreement(d, r, "操纵力 行车制动", "踏板力 离合器 传动系") == -1  # two systems
    assert subject_agreement(d, r, "操纵力 行车制动", "行车制动 制动系") == 1
    assert subject_agreement(d, r, "手柄", "乘用车") == 0  # a part and a vehicle class do not exclude each other
    # a shared system does not outweigh two vehicle classes
    assert subject_agreement(d, r, "行车制动 乘用车", "行车制动 摩托车") == -1


def test_the_sentence_start_names_the_subject_and_an_own_limit_condition_does_not():
    from zmdocs.pairing import subject_agreement

    car = _ind("踏板力", "乘用车在产生最大制动效能时，踏板力应不大于450 N。", ["在产生最大制动效能时"])
    moto = _ind("踏板力或手握力", "—对于—摩托车(正三轮摩托车除外)，行车制动在产生最大制动效能时的踏板力或手握力应小于等于350N；",
                ["对于—摩托车(正三轮摩托车除外)"])
    both = _ind("踏板力或手握力", "—对于—乘用车和正三轮摩托车，行车制动在产生最大制动效能时的踏板力或手握力应小于等于500N；",
                ["对于—乘用车和正三轮摩托车"])
    assert subject_agreement(car, moto) == -1 and subject_agreement(car, both) == 1
    clutch = _ind("踏板力", "离合器彻底分离时，踏板力应小于等于 300N(拖拉机运输机组应小于等于 350N)",
                  ["拖拉机运输机组应小于等于 350N", "离合器彻底分离时"])
    assert subject_agreement(_ind("踏板力", "乘用车离合器踏板力应不大于250 N。"), clutch, "离合器", "离合器") == 1


# --- heading paths with table captions, in compare, align and check ------------------------------


def _docs():
    from zmdocs.model import Clause, Document, Indicator, Table

    did, rid = "T/ZZB 9100—2026", "IEC 9100:2020"
    draft = Document(id=did, family="T/ZZB", lang="zh", clauses=[
        Clause(id=f"{did}#5", number="5", heading="技术要求", kind="requirements"),
        Clause(id=f"{did}#5.3", number="5.3", heading="绕组", kind="requirements", parent=f"{did}#5", level=2)],
        indicators=[Indicator(parameter="温升", comparator="<=", value=70, unit="K", key="temperature_rise",
                              clause=f"{did}#5.3", doc=did, text="温升应不大于70 K。")])
    rows = [Indicator(parameter="temperature rise", comparator="<=", value=v, unit="K", key="temperature_rise",
                      clause=f"{rid}#11.8", doc=rid, text=f"temperature rise {v} K", conditions=[],
                      origin={"type": "table", "table": n, "row": 1, "col": 1}) for v, n in ((75, "3"), (35, "4"))]
    ref = Document(id=rid, family="IEC", lang="en", clauses=[
        Clause(id=f"{rid}#11", number="11", heading="Heating", kind="requirements"),
        Clause(id=f"{rid}#11.8", number="11.8", heading="", kind="requirements", parent=f"{rid}#11", level=2)],
        tables=[Table(id="t3", number="3", caption="Temperature rises of windings", clause=f"{rid}#11.8"),
                Table(id="t4", number="4", caption="Temperature rises of handles", clause=f"{rid}#11.8")],
        indicators=rows)
    return draft, ref


def test_heading_context_carries_the_table_caption():
    from zmdocs.compare.pairing import heading_context
    from zmdocs.pairing import heading_paths

    _, ref = _docs()
    assert heading_context(ref, ref.indicators[1]) == "Temperature rises of handles Heating"
    assert heading_paths(ref, ref.indicators) == ["Temperature rises of windings Heating", "Temperature rises of handles Heating"]


def test_compare_pairs_the_limit_of_the_same_part_by_table_caption():
    from zmdocs.compare import compare_documents

    draft, ref = _docs()  # the draft's windings at 70 K: stricter than the windings' 75 K, not looser than the handles' 35 K
    row = compare_documents(draft, [ref], model=None).rows[0]
    assert [(c.evidence.clause, c.original.value) for c in row.counterparts] == [("11.8", 75)]
    assert row.result == "stricter"


def test_align_rules_out_indicators_of_another_part():
    from zmdocs.align.indicators import Side, indicator_scores
    from zmdocs.pairing import heading_paths

    draft, ref = _docs()
    a = Side(draft.indicators, ctx=heading_paths(draft, draft.indicators))
    b = Side(ref.indicators, ctx=heading_paths(ref, ref.indicators))
    sc = indicator_scores(a, b, set())
    assert sc[0, 1] == -1.0 and sc[0, 0] > 0.45  # the handles ruled out; the windings: same key and subject
    blind = indicator_scores(Side(draft.indicators), Side(ref.indicators), set())
    assert blind[0, 0] > 0 and blind[0, 1] > 0  # without heading paths neither is ruled out


def test_check_takes_the_limit_of_the_part_the_product_row_names():
    from zmdocs.check import check_documents
    from zmdocs.check.spec import Param, ProductData

    _, ref = _docs()
    product = ProductData(name="kettle", source="kettle.csv", params=[Param("手柄温升", 33, "K")])
    res = check_documents(product, [ref], model=False)
    judged = [(c.limit.value, c.result) for c in res.checks if c.value is not None]
    assert judged == [(35, "pass")]


def test_a_shared_subject_stands_in_for_shared_words_across_languages():
    from zmdocs.pairing import similarity_match

    dust = _ind("烟气中颗粒物的质量浓度", value=0.015, unit="g/m³")
    staub, co = _ind("Staub", value=0.09, unit="g/m³"), _ind("CO", value=1.0, unit="g/m³")
    assert similarity_match(dust, staub, 0.17, "颗粒物 排放", "§ 5 Feuerungsanlagen") is not None
    assert similarity_match(dust, staub, 0.17) is None  # no context: the words share nothing
    assert similarity_match(dust, co, 0.25, "颗粒物 排放", "§ 5 Feuerungsanlagen") is None  # another pollutant
