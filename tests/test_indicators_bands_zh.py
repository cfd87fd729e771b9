"""Chinese applicability bands are conditions, not limits (stop 21, issue #11): the products a requirement
is for (`…大于9m的客车应…`) or excludes (`(…750kg的挂车除外)`), written before the modal verb."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.indicators.bands import band_spans


def _got(text: str) -> list[tuple[str, float, str]]:
    return [(i.comparator, i.value, i.unit) for i in extract_text(text, lang="zh")]


def test_the_products_a_requirement_is_for_are_not_a_limit():
    got = _got("车长大于9m的客车应具有限速功能，限速装置调定的最大车速应小于等于100km/h。")
    assert ("<=", 100.0, "km/h") in got
    assert all(v != 9.0 for _, v, _ in got)


def test_an_excluded_band_in_parentheses_is_not_a_limit():
    got = _got("机动车（总质量小于等于750kg的挂车除外）应具有完好的行车制动系。")
    assert got == []


def test_a_band_after_the_modal_is_what_the_product_must_have():
    got = _got("防护罩应采用厚度大于等于3mm的钢板制成。")
    assert (">=", 3.0, "mm") in got
    assert band_spans("防护罩应采用厚度大于等于3mm的钢板制成。", 0, 22) == []


def test_the_band_is_kept_as_a_condition_of_the_requirement():
    inds = extract_text("总质量大于3500kg的货车，其制动距离应小于等于9.0m。", lang="zh")
    assert [(i.comparator, i.value) for i in inds] == [("<=", 9.0)]
    assert any("3500" in c for c in inds[0].conditions)
