"""zh term definitions that delimit a class by thresholds (issue #11, sixth zh session). Texts written here."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document
from zmdocs.indicators.zh_definitions import definition_bounds, delimits_class
from zmdocs.model import Clause, Document


def _bounds(text: str) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in definition_bounds(text)]


@pytest.mark.parametrize("text, want", [
    ("额定载荷小于或等于 30 kg 的，具有两个轮子的手推车。", [("<=", 30, "kg")]),
    ("工作台数超过5个的实验室。", [(">", 5, "个")]),
    ("接纳 6 周岁以上儿童的 10 座以上的游览车。", [(">=", 6, "周岁"), (">=", 10, "座")]),
    ("最多承载3人（含操作者）的升降平台。", [("<=", 3, "人")]),
    ("至少有三根立柱的货架。", [(">=", 3, "根")]),
    ("作用于支架的力不超过相当于额定载荷的20%或500N的支架。", [("<=", 20, "%"), ("<=", 500, "N")]),
])
def test_class_thresholds_of_a_definition(text, want):
    assert _bounds(text) == want


@pytest.mark.parametrize("text", [
    "制造商规定的电压，例如 220V。",  # a stated example, no bound
    "具有两个轮子的手推车。",  # a count with no bound word
    "且如允许载人或超过3名乘员，其最大速度小于 10 km/h。",  # only the main clause's bound
])
def test_numbers_that_delimit_nothing(text):
    assert all(b[1] != 220 and b[1] != 2 and b[1] != 3 for b in _bounds(text))


def test_a_definition_with_a_threshold_is_read():
    assert delimits_class("最大速度小于 10 km/h 的手推车。")
    assert not delimits_class("用于搬运物品的手推车。")


def test_thresholds_of_a_definition_are_informative_and_a_rule_after_it_a_requirement():
    doc = Document(id="T/ZZB 3—2026", lang="zh", clauses=[
        Clause(id="d#3.1", number="3.1", heading="小型推车", kind="terms",
               text="额定载荷小于或等于 30 kg、最多承载3人的推车。"),
        Clause(id="d#3.2", number="3.2", heading="补报", kind="terms",
               text="终端在车辆转弯时补发位置的规则。采样间隔不大于2s。"),
    ])
    got = [(i.clause, i.comparator, i.value, i.unit, i.role) for i in extract_document(doc)]
    assert ("d#3.1", "<=", 30, "kg", "informative") in got and ("d#3.1", "<=", 3, "人", "informative") in got
    assert ("d#3.2", "<=", 2, "s", "requirement") in got
