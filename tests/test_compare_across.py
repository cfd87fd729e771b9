"""Across languages: a row left alone takes its clearly most similar free limit; a limit's own multiple is no test."""

from __future__ import annotations

from zmdocs.compare.conditions import without_own_multiple
from zmdocs.compare.leftovers import MARGIN_ACROSS, SIM_ACROSS, pair_leftovers
from zmdocs.compare.strictness import judge
from zmdocs.model import Indicator


def _ind(param, value, unit="", cmp="<=", role="requirement", conditions=(), key="") -> Indicator:
    return Indicator(parameter=param, comparator=cmp, value=value, unit=unit, role=role, key=key, conditions=list(conditions),
                     direction="lower-is-stricter" if cmp == "<=" else "higher-is-stricter", text=f"{param} {value}")


def test_leftovers_one_to_one_best_first_with_a_margin():
    dinds = [_ind("读数变化", 0.5), _ind("读数之差", 0.2), _ind("跨度", 40, "°C", ">=")]
    req = [_ind("reading change", 0.7), _ind("difference of readings", 0.15), _ind("span", 30, "°C", ">=")]
    sims = {(0, 0): 0.50, (0, 1): 0.36, (1, 0): 0.44, (1, 1): 0.42, (2, 2): 0.45}
    got = pair_leftovers(dinds, [0, 1, 2], req, lambda i, j: sims.get((i, j), 0.1), {}, {}, set())
    # row 0 takes limit 0 (best overall); row 1 then takes limit 1 (0 is no longer free); row 2 its span
    assert [(i, j) for i, j, _ in got] == [(0, 0), (2, 2), (1, 1)]


def test_leftovers_leave_ties_weak_and_taken_limits_alone():
    dinds = [_ind("a", 1.0), _ind("b", 2.0)]
    req = [_ind("x", 1.5), _ind("y", 2.5), _ind("z", 3.0, "m")]
    tie = {(0, 0): 0.45, (0, 1): 0.45 - MARGIN_ACROSS / 2, (1, 2): 0.9}  # row 1 vs z: another dimension
    assert pair_leftovers(dinds, [0, 1], req, lambda i, j: tie.get((i, j), 0.0), {}, {}, set()) == []
    weak = {(0, 0): SIM_ACROSS - 0.01}
    assert pair_leftovers(dinds, [0], req, lambda i, j: weak.get((i, j), 0.0), {}, {}, set()) == []
    strong = {(0, 0): 0.6}
    assert pair_leftovers(dinds, [0], req, lambda i, j: strong.get((i, j), 0.0), {}, {}, {0}) == []  # already paired


def test_leftovers_keep_roles_and_bounds_apart():
    dinds = [_ind("时间", 30, "min", role="test-condition"), _ind("偏移", 1.0, "m")]
    req = [_ind("duration", 30, "min", role="requirement"), _ind("offset", 2.0, "m", cmp=">=")]
    sims = {(0, 0): 0.7, (1, 1): 0.7}
    assert pair_leftovers(dinds, [0, 1], req, lambda i, j: sims.get((i, j), 0.0), {}, {}, set()) == []


def test_a_limit_stated_as_a_multiple_is_not_a_test_at_that_multiple():
    assert without_own_multiple(["允许误差绝对值的0.5倍"], 0.5) == ["允许误差绝对值的 "]
    assert without_own_multiple(["0.7 times the absolute value of the error"], 0.7)[0].startswith(" ")
    assert without_own_multiple(["1.1倍额定电压下"], 0.5) == ["1.1倍额定电压下"]  # a real test multiple stays
    d = _ind("变化", 0.5, conditions=["最大允许误差绝对值的0.5倍"])
    r = _ind("change", 0.7, conditions=["0.7 times the absolute value of the error"])
    assert judge(d, r).result == "stricter"
    loose = _ind("差", 0.2, conditions=["允许误差绝对值的0.2倍"])
    assert judge(loose, _ind("difference", 0.15, conditions=["0.15 times the error"])).result == "looser"
