"""Free-mode evidence: citations, consolidated limits, test method -> tested requirement, chapter kinds."""

from __future__ import annotations

import numpy as np

from zmdocs.align.evaluate import outline_document
from zmdocs.align.evidence import (
    apply_evidence,
    chapter_links,
    cited_targets,
    concept_matrix,
    key_conflicts,
    key_targets,
    method_targets,
    verified_requirements,
)
from zmdocs.align.units import cited_clauses, clause_units
from zmdocs.model import Indicator

ZH = """# doc: T/ZZB 9999—2026
1 范围
本文件规定了产品的要求。
4 基本要求
4.1 设计研发
应具备设计能力。
5 技术要求
5.1 电气安全
电气安全指标应符合表1的规定。
5.2 寿命
5.2.1 开关寿命
开关应能承受不少于10 000次通断。
6 试验方法
6.1 泄漏电流
按GB 4706.99—2024中13.2和16.2规定的方法进行试验。
6.2 压力和稳定性
压力按GB 4706.99—2024中22.102进行试验；稳定性按其20.1进行试验。
6.3 表面温度
按GB 4706.99—2024第11章的规定进行试验。
6.4 寿命
开关按每分钟6次的频率进行通断循环。
6.5 湿热
按GB/T 2423.3—2016中5.101进行试验。
7 检验规则
7.1 出厂检验
每台产品应检验合格。
7.2 型式检验
新产品投产时应进行型式检验。
8 标志、包装、运输和贮存
8.1 标志
产品标志应符合GB 4706.99—2024第7章的规定。
"""

EN = """# doc: IEC 60335-2-99:2016
1 Scope
This standard deals with appliances.
5 General conditions for the tests
5.101 Water used for the tests
Tap water is used.
7 Marking and instructions
7.1 Marking of the appliance
Appliances shall be marked with the rated capacity.
7.12 Instructions
The instructions shall state the maximum level.
11 Heating
11.2 Test arrangement
Appliances are placed in the test corner.
11.8 Temperature rise limits
Temperature rises shall not exceed the values of Table 3.
13 Leakage current at operating temperature
13.2 Leakage current
The leakage current shall not exceed 0,75 mA.
16 Leakage current and electric strength
16.2 Leakage current after humidity treatment
The leakage current shall not exceed 0,75 mA.
16.3 Electric strength after humidity treatment
No breakdown shall occur at 1 250 V.
20 Stability
20.1 Stability
The appliance shall not overturn.
22 Construction
22.102 Pressure inside the appliance
The pressure shall not exceed 5 kPa.
24 Components
24.1.3 Switches
Switches shall be tested for 10 000 cycles.
Annex A Routine tests
A.1 General
Routine tests are carried out on every appliance.
"""


def _units():
    a, b = outline_document(ZH), outline_document(EN)
    return a, b, clause_units(a), clause_units(b)


def _idx(units, num):
    return next(u.index for u in units if u.number == num)


def _ind(key, unit, clause, method=None):
    return Indicator(parameter=key, comparator="<=", value=1.0, unit=unit, key=key, clause=clause, method=method,
                     normalized={"value": 1.0, "unit": unit})


def test_citations_resolve_its_and_chapters():
    assert ("GB 4706.99—2024", "20.1") in cited_clauses("压力按GB 4706.99—2024中22.102进行试验；稳定性按其20.1进行试验。")
    a, b, ua, ub = _units()
    score = np.full((len(ua), len(ub)), 0.3)
    score[_idx(ua, "8.1"), _idx(ub, "7.1")] = 0.5
    t = cited_targets(ua, ub, a.id, b.id, score)
    num = lambda js: {ub[j].number for j in js}  # noqa: E731
    assert num(t[_idx(ua, "6.1")]) == {"13.2", "16.2"}
    assert num(t[_idx(ua, "6.2")]) == {"22.102", "20.1"}
    assert num(t[_idx(ua, "6.3")]) == {"11.2"}  # a test method citing Clause 11: its test procedure, not the limits
    assert num(t[_idx(ua, "8.1")]) == {"7.1"}  # a marking leaf citing Clause 7: the subclause it speaks of
    assert _idx(ua, "6.5") not in t  # one clause number of an unrelated standard says nothing about B


def test_chapter_kinds_and_unique_chapters():
    _, _, ua, ub = _units()
    groups = {u.number: u.group for u in ua + ub}
    assert groups["4.1"] == "basic" and groups["A.1"] == "insp" and groups["7.1"] in ("insp", "mark")
    pairs = {(ua[i].number, ub[j].number) for i, j in chapter_links(ua, ub)}
    assert ("8", "7") in pairs and ("1", "1") in pairs
    assert not any(a in ("5", "6") for a, _ in pairs)  # requirements and tests never pair as whole chapters
    c = concept_matrix(ua, ub)
    assert c[_idx(ua, "7.1"), _idx(ub, "A.1")] > 0 > c[_idx(ua, "7.2"), _idx(ub, "A.1")]


def test_limits_methods_and_tested_requirements():
    a, b, ua, ub = _units()
    ia = [_ind("leakage_current", "A", f"{a.id}#5.1", "6.1"), _ind("electric_strength", "V", f"{a.id}#5.1", "6.9"),
          _ind("noise", "dB(A)", f"{a.id}#5.2.1")]
    ib = [_ind("leakage_current", "A", f"{b.id}#13.2"), _ind("leakage_current", "A", f"{b.id}#16.2"),
          _ind("electric_strength", "V", f"{b.id}#16.3"), _ind("temperature_rise", "K", f"{b.id}#11.8")]
    a.indicators, b.indicators = ia, ib
    ua, ub = clause_units(a), clause_units(b)
    num = lambda js: {ub[j].number for j in js}  # noqa: E731
    assert num(key_targets(ua, ub, ia, ib)[_idx(ua, "5.1")]) == {"13.2", "16.2", "16.3"}
    assert num(method_targets(ua, ub, ia, ib)[_idx(ua, "6.1")]) == {"13.2", "16.2"}
    assert key_conflicts(ua, ub, ia, ib)[_idx(ua, "5.2.1"), _idx(ub, "11.8")]
    ver = {ua[t].number: {ua[r].number for r in rs} for t, rs in verified_requirements(ua).items()}
    assert ver["6.4"] >= {"5.2"}
    # 6.4 寿命 takes over what 5.2.1 开关寿命 (under 5.2 寿命) pairs with, where the texts are close enough
    score = np.full((len(ua), len(ub)), 0.05)
    score[_idx(ua, "5.2.1"), _idx(ub, "24.1.3")] = 0.6
    score[_idx(ua, "6.4"), _idx(ub, "24.1.3")] = 0.3
    links = apply_evidence([(_idx(ua, "5.2.1"), _idx(ub, "24.1.3"), 0.6)], score, ua, ub, a.id, b.id, ia, ib,
                           inherit_tau=0.15)
    got = {(ua[i].number, ub[j].number) for i, j, _ in links}
    assert ("6.4", "24.1.3") in got and ("5.2.1", "24.1.3") in got
    assert ("6.3", "11.2") not in got  # the citation holds, but the texts must clear evidence_tau (0.05 < 0.2)
