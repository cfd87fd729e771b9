"""A test chapter's pass-criteria clause sets requirements; a condition that reads unlike the draft's is no evidence."""

from __future__ import annotations

import pytest

from zmdocs.compare import compare_documents
from zmdocs.compare.pairing import is_requirement
from zmdocs.compare.select import CONDITION_CHANCE, affinity, condition_evidence
from zmdocs.model import Clause, Document, Indicator


def _ind(did, clause, value, param, role="requirement", conditions=()) -> Indicator:
    return Indicator(parameter=param, comparator="<=", value=value, unit="m", clause=f"{did}#{clause}", doc=did,
                     direction="lower-is-stricter", role=role, conditions=list(conditions), text=f"{param}≤{value}m")


def _tested(did: str, criteria: str) -> Document:
    """A reference whose limits sit in its test chapter: a pass-criteria clause and an equipment clause."""
    clauses = [Clause(id=f"{did}#4", number="4", heading="分类", kind="other"),
               Clause(id=f"{did}#6", number="6", heading="试验方法", kind="test-methods"),
               Clause(id=f"{did}#6.1", number="6.1", heading="试验设备", kind="test-methods", parent=f"{did}#6", level=2),
               Clause(id=f"{did}#6.4", number="6.4", heading=criteria, kind="test-methods", parent=f"{did}#6", level=2),
               Clause(id=f"{did}#6.4.2", number="6.4.2", heading="悬停精度", kind="test-methods", parent=f"{did}#6.4",
                      level=3)]
    inds = [_ind(did, "6.1", 0.1, "测量系统的水平精度"), _ind(did, "6.4.2", 2.5, "最大偏移量"),
            _ind(did, "6.4.2", 5, "风速", role="test-condition")]
    return Document(id=did, family="GB/T", lang="zh", clauses=clauses, indicators=inds)


@pytest.mark.parametrize("criteria", ["合格判据", "判定准则", "Pass criteria", "Acceptance criteria"])
def test_pass_criteria_of_a_test_chapter_are_requirements(criteria):
    ref = _tested("GB/T 1—2020", criteria)
    got = [is_requirement(ref, i) for i in ref.indicators]
    assert got == [False, True, False]  # the equipment's accuracy and a test condition stay out


def test_a_draft_limit_pairs_with_the_pass_criterion():
    did = "T/ZZB 0007—2026"
    draft = Document(id=did, family="T/ZZB", lang="zh", indicators=[_ind(did, "5.1", 2, "最大偏移量")],
                     clauses=[Clause(id=f"{did}#5", number="5", heading="技术要求", kind="requirements"),
                              Clause(id=f"{did}#5.1", number="5.1", heading="悬停", kind="requirements",
                                     parent=f"{did}#5", level=2)])
    c = compare_documents(draft, [_tested("GB/T 1—2020", "合格判据")])
    (row,) = c.rows
    assert [(cp.evidence.clause, cp.value.value, cp.result) for cp in row.counterparts] == [("6.4.2", 2.5, "stricter")]


def test_condition_evidence_counts_only_above_chance():
    assert condition_evidence(None) == 0.0
    assert condition_evidence(CONDITION_CHANCE - 0.05) == 0.0  # two unrelated '在…时' phrases
    assert condition_evidence(1.0) == pytest.approx(1.0)
    assert 0.0 < condition_evidence(0.7) < condition_evidence(0.9) < 1.0


def test_a_limit_with_an_unrelated_condition_does_not_outrank_one_without():
    """The draft's 'under wind of the stated grade' is not '(not judged) during take-off': the bare limit of the
    same parameter stays the better fit once the condition's chance similarity is discounted."""
    did, rid = "T/ZZB 0008—2026", "GB/T 2—2020"
    d = _ind(did, "5.1", 1, "最大水平偏移量", conditions=["在规定风速下"])
    same = _ind(rid, "6.4.2", 1.5, "最大水平偏移量")
    other = _ind(rid, "6.4.2", 3, "最大垂直偏移量", conditions=["在起飞降落时"])
    chance = 0.46  # what a multilingual model gives such a pair of unrelated phrases
    a_same = affinity(d, same, sim=0.80 + condition_evidence(None))
    a_other = affinity(d, other, sim=0.78 + condition_evidence(chance))
    assert a_same > a_other


def _ms(did, clause, value, param, role="requirement") -> Indicator:
    return Indicator(parameter=param, comparator="<=", value=value, unit="m/s", clause=f"{did}#{clause}", doc=did,
                     direction="lower-is-stricter", role=role, text=f"{param}不大于{value}m/s")


@pytest.mark.parametrize("heading, paired", [("试验环境", True), ("Test conditions", True), ("飞行性能", False)])
def test_a_test_environment_limit_pairs_with_the_references_test_condition(heading, paired):
    did, rid = "T/ZZB 0009—2026", "GB/T 3—2020"
    draft = Document(id=did, family="T/ZZB", lang="zh", indicators=[_ms(did, "5.3", 2, "环境风速")],
                     clauses=[Clause(id=f"{did}#5", number="5", heading="技术要求", kind="requirements"),
                              Clause(id=f"{did}#5.3", number="5.3", heading=heading, kind="requirements",
                                     parent=f"{did}#5", level=2)])
    ref = Document(id=rid, family="GB/T", lang="zh", indicators=[_ms(rid, "6.2", 3, "环境风速", role="test-condition")],
                   clauses=[Clause(id=f"{rid}#6", number="6", heading="试验方法", kind="test-methods"),
                            Clause(id=f"{rid}#6.2", number="6.2", heading="试验环境", kind="test-methods",
                                   parent=f"{rid}#6", level=2)])
    (row,) = compare_documents(draft, [ref]).rows
    got = [(cp.evidence.clause, cp.result) for cp in row.counterparts]
    assert got == ([("6.2", "stricter")] if paired else [])  # a flight limit never pairs with a test condition
