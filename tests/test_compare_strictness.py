"""Pairwise strictness on hand-made indicators: comparators, directions, bounds, ranges, tolerances, units, ordinals, conditions."""

from __future__ import annotations

import pytest

from zmdocs.compare.strictness import judge, worst
from zmdocs.model import Indicator
from zmdocs.report.reasons import why as words


def I(cmp, value=None, unit="", **kw) -> Indicator:  # noqa: E743 - short constructor for tables of cases
    direction = {"<=": "lower-is-stricter", "<": "lower-is-stricter", ">=": "higher-is-stricter", ">": "higher-is-stricter"}
    kw.setdefault("direction", direction.get(cmp, "neither"))
    return Indicator(parameter=kw.pop("parameter", "p"), comparator=cmp, value=value, unit=unit, key="k", **kw)


IP = lambda label, a, b: I(">=", label, ordinal={"scale": "ip", "rank": [a, b], "label": label})  # noqa: E731


@pytest.mark.parametrize("draft, ref, expected", [
    # upper limits: a lower value is stricter
    (I("<=", 0.5, "mA"), I("<=", 0.75, "mA"), "stricter"),
    (I("<=", 0.75, "mA"), I("<=", 0.75, "mA"), "equal"),
    (I("<=", 1.0, "mA"), I("<=", 0.75, "mA"), "looser"),
    # lower limits: a higher value is stricter
    (I(">=", 88, "%"), I(">=", 85, "%"), "stricter"),
    (I(">=", 85, "%"), I(">=", 85, "%"), "equal"),
    (I(">=", 80, "%"), I(">=", 85, "%"), "looser"),
    # exclusive bound stricter than inclusive at the same value, both directions
    (I("<", 0.75, "mA"), I("<=", 0.75, "mA"), "stricter"),
    (I("<=", 0.75, "mA"), I("<", 0.75, "mA"), "looser"),
    (I(">", 2, "MΩ"), I(">=", 2, "MΩ"), "stricter"),
    (I(">=", 2, "MΩ"), I(">", 2, "MΩ"), "looser"),
    (I("<", 0.75, "mA"), I("<", 0.75, "mA"), "equal"),
    # exclusive at a looser value is still looser
    (I("<", 0.8, "mA"), I("<=", 0.75, "mA"), "looser"),
    # ranges: narrower inside wider is stricter
    (I("range", min=12, max=18, unit="kPa"), I("range", min=10, max=20, unit="kPa"), "stricter"),
    (I("range", min=10, max=20, unit="kPa"), I("range", min=10, max=20, unit="kPa"), "equal"),
    (I("range", min=5, max=25, unit="kPa"), I("range", min=10, max=20, unit="kPa"), "looser"),
    (I("range", min=5, max=15, unit="kPa"), I("range", min=10, max=20, unit="kPa"), "not-comparable"),
    # tolerances: smaller is stricter (nominal ∓ tol in min/max, or bare ±)
    (I("tolerance", 50, "Hz", min=49, max=51), I("tolerance", 50, "Hz", min=48, max=52), "stricter"),
    (I("tolerance", 50, "Hz", min=48, max=52), I("tolerance", 50, "Hz", min=49, max=51), "looser"),
    (I("tolerance", None, "%", min=-5, max=5), I("tolerance", None, "%", min=-10, max=10), "stricter"),
    (I("tolerance", None, "%", min=-5, max=5), I("tolerance", None, "%", min=-5, max=5), "equal"),
    (I("tolerance", None, "%", min=-10, max=5), I("tolerance", None, "%", min=-5, max=10), "not-comparable"),
    (I("tolerance", 50, "Hz", min=49, max=51), I("tolerance", 60, "Hz", min=58, max=62), "not-comparable"),
    # units: mA vs µA, kPa vs MPa, min vs s, W vs kW, MΩ vs kΩ
    (I("<=", 0.5, "mA"), I("<=", 750, "µA"), "stricter"),
    (I("<=", 0.75, "mA"), I("<=", 750, "µA"), "equal"),
    (I("<=", 800, "µA"), I("<=", 0.75, "mA"), "looser"),
    (I("<=", 120, "kPa"), I("<=", 0.12, "MPa"), "equal"),
    (I(">=", 150, "kPa"), I(">=", 0.12, "MPa"), "stricter"),
    (I("<=", 4, "min"), I("<=", 300, "s"), "stricter"),
    (I("<=", 6, "min"), I("<=", 300, "s"), "looser"),
    (I("<=", 2.2, "kW"), I("<=", 2200, "W"), "equal"),
    (I(">=", 2000, "kΩ"), I(">=", 2, "MΩ"), "equal"),
    # temperature rises: °C steps written for a rise count as K
    (I("<=", 60, "K", parameter="温升"), I("<=", 65, "°C", parameter="temperature rise"), "stricter"),
    # ordinals compare by rank
    (IP("IPX5", None, 5), IP("IPX4", None, 4), "stricter"),
    (IP("IPX4", None, 4), IP("IPX4", None, 4), "equal"),
    (IP("IPX4", None, 4), IP("IPX7", None, 7), "looser"),
    (IP("IP24", 2, 4), IP("IPX4", None, 4), "stricter"),
    (IP("IP54", 5, 4), IP("IP45", 4, 5), "not-comparable"),
    # Chinese energy-efficiency grades: grade 1 is the best
    (I("<=", "1级", ordinal={"scale": "grade-cn", "rank": 1, "label": "1级"}),
     I("<=", "2级", ordinal={"scale": "grade-cn", "rank": 2, "label": "2级"}), "stricter"),
    # test levels ("=" with higher-is-stricter): higher is stricter
    (I("=", 1500, "V", direction="higher-is-stricter"), I("=", 1250, "V", direction="higher-is-stricter"), "stricter"),
    (I("=", 1000, "V", direction="higher-is-stricter"), I("=", 1250, "V", direction="higher-is-stricter"), "looser"),
    (I("=", 1250, "V", direction="higher-is-stricter"), I("=", 1.25, "kV", direction="higher-is-stricter"), "equal"),
])
def test_strictness(draft, ref, expected):
    j = judge(draft, ref)
    assert j.result == expected, j.reason


@pytest.mark.parametrize("draft, ref, why", [
    (I("<=", 0.5, "mA"), I("<=", 60, "dB(A)"), "different dimensions"),
    (I("<=", 60, "K", parameter="温升"), I("<=", 85, "°C", parameter="surface temperature"), "°C"),
    (IP("IPX4", None, 4), I(">=", 4, ""), "ordinal vs numeric"),
    (I("<=", 0.5, "mA"), I(">=", 0.2, "mA"), "upper limit vs a lower limit"),
    (I("tolerance", 50, "Hz", min=49, max=51), I("<=", 51, "Hz"), "tolerance vs limit"),
    (I("=", 5, "mm"), I("=", 6, "mm"), "no known direction"),
    (I("<=", 0.5, "mA", conditions=["I类器具"]), I("<=", 0.75, "mA", conditions=["class II appliances"]), "class-I vs class-II"),
    (I("<=", 0.5, "mA", conditions=["在 23 °C 下"]), I("<=", 0.75, "mA", conditions=["at 40 °C"]), "cannot be judged"),
    (I("<=", 5, "mA", method="按 GB/T 4208 试验"), I("<=", 5, "mA", method="GB/T 17626.2"), "different test methods"),
])
def test_not_comparable_with_reason(draft, ref, why):
    j = judge(draft, ref)
    assert j.result == "not-comparable"
    assert why in words(j.reason, "en")


def test_harsher_condition_counts_only_when_known():
    es = lambda v, cond: I("=", v, "V", direction="higher-is-stricter", conditions=[cond])  # noqa: E731
    # same voltage for 5 min vs 1 min: harsher duration -> stricter
    assert judge(es(1250, "持续 5 min"), es(1250, "for 1 min")).result == "stricter"
    # same voltage for 1 min vs 5 min: milder -> looser
    assert judge(es(1250, "1 min"), es(1250, "5 min")).result == "looser"
    # higher voltage but shorter time: cannot tell
    j = judge(es(1500, "3 s"), es(1250, "1 min"))
    assert j.result == "not-comparable" and "cannot tell" in words(j.reason, "en")
    # limit at a higher test voltage (1.1 × rated vs 1.06 ×) with the same value: stricter
    lc = lambda v, cond: I("<=", v, "mA", conditions=[cond])  # noqa: E731
    assert judge(lc(0.75, "在1.1倍额定电压下"), lc(0.75, "at 1.06 times rated voltage")).result == "stricter"
    # a looser limit at a harsher condition: not comparable
    assert judge(lc(0.8, "在1.1倍额定电压下"), lc(0.75, "at 1.06 times rated voltage")).result == "not-comparable"
    # the same condition worded in two languages stays comparable
    assert judge(lc(0.5, "在1.06倍额定电压下"), lc(0.75, "at 1.06 times rated voltage")).result == "stricter"


def test_same_class_in_two_languages_compares():
    a = I("<=", 0.5, "mA", conditions=["Ⅰ类器具"])
    b = I("<=", 0.75, "mA", conditions=["Schutzklasse I"])
    assert judge(a, b).result == "stricter"


def test_margin_sign_and_size():
    j = judge(I("<=", 0.5, "mA"), I("<=", 0.75, "mA"))
    assert j.margin == pytest.approx(1 / 3)
    j = judge(I(">=", 80, "%"), I(">=", 85, "%"))
    assert j.margin == pytest.approx(-5 / 85)


def test_worst_picks_the_strictest_counterpart():
    assert worst(["stricter", "equal", "not-comparable"]) == "equal"
    assert worst(["stricter", "looser"]) == "looser"
    assert worst(["not-comparable"]) is None


@pytest.mark.parametrize("a, b, expected", [
    ("当额定功率≤1 kW时", "rated power up to 1 000 W", "stricter"),  # same band in two languages and units
    ("当额定功率≤1 kW时", "rated power > 1 kW", "not-comparable"),  # disjoint bands
    ("额定电压≤60 V", "额定电压＞60～125 V", "not-comparable"),
    ("当额定功率≤1 kW时", "额定输入功率>200 W", "stricter"),  # overlapping bands: comparable, noted
    ("额定电压＞60～125 V", "rated voltage > 60 V and ≤ 125 V", "stricter"),
])
def test_applicability_bands(a, b, expected):
    j = judge(I("<=", 0.3, "mA", conditions=[a]), I("<=", 0.5, "mA", conditions=[b]))
    assert j.result == expected, j.reason
    if expected == "not-comparable":
        assert "applicability" in words(j.reason, "en")


def test_reasons_are_codes_worded_by_the_report():
    """A judgement carries a code with parameters (no sentence); report/reasons.py words it in zh and en."""
    import ast
    from pathlib import Path

    from zmdocs.report import reasons

    j = judge(I("<=", 55, "°C", parameter="表面温度"), I("<=", 40, "K", parameter="temperature rise"), ambient=25.0)
    assert (j.result, j.code, j.params) == ("stricter", "lower-upper-limit", {"word": "stricter", "ambient": 25.0})
    assert words(j.reason, "en") == "stricter: lower upper limit (as a rise over the draft's ambient 25 °C)"
    assert words(j.reason, "zh") == "严于: 上限值更低 (按本标准规定的环境温度换算为温升，环境温度 25 °C)"
    j = judge(I("=", 1250, "V", direction="higher-is-stricter", conditions=["持续 5 min"]),
              I("=", 1250, "V", direction="higher-is-stricter", conditions=["for 1 min"]))
    assert words(j.reason, "zh") == "限值相同; 本标准试验条件更严酷 (持续时间: 300 对 60 s)"
    assert words(j.reason.to_dict(), "en") == "same limit; harsher test condition in the draft (duration: 300 vs 60 s)"
    assert "zh_phrases" not in reasons.table()
    # every code the stage can give has words in both languages
    pkg = Path(reasons.__file__).resolve().parents[1] / "compare"
    codes = set()
    for name in ("strictness.py", "conditions.py", "__init__.py"):
        for node in ast.walk(ast.parse((pkg / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Reason", "_nc") and node.args \
                    and isinstance(node.args[0], ast.Constant):
                codes.add(node.args[0].value)
    assert len(codes) > 25
    templates = reasons.table()["templates"]
    assert not [c for c in codes - {""} if set(templates.get(f"why.{c}", {})) != {"zh", "en"}]
