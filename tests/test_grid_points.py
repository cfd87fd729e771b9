"""Angular light-distribution grids: test points in one form (zmdocs/text/gridpoints), a grid of percentages of the
axis minimum read through the stated minimum (zmdocs/indicators/grid_shares) and grid points as conditions in compare
(zmdocs/compare/conditions), on text written for these tests."""

from __future__ import annotations

from zmdocs.compare.conditions import compare_conditions, signature
from zmdocs.indicators.common import make
from zmdocs.indicators.grid_shares import resolve_shares, share_of_minimum
from zmdocs.indicators.grids import grid_indicators
from zmdocs.text.gridpoints import canonical_axis, point_tag

_BARE = ("Table of light distribution for category K7 tail-lamp\n"
         "15° 40 - 60 - 40\n"
         "0° 60 100 100 100 60\n"
         "15° 40 - 60 - 40\n"
         "20° 10° 0° 10° 20°")
_SAYS = "The values shown in the table give the minimum intensities as a percentage of the minimum required in the axis."


def test_bare_angles_take_their_direction_from_the_zero_line() -> None:
    assert canonical_axis(["15°", "5°", "0°", "5°"], row=True) == ["15U", "5U", "V", "5D"]
    assert canonical_axis(["20°", "10°", "0°", "10°", "20°"], row=False) == ["20L", "10L", "H", "10R", "20R"]
    assert canonical_axis(["H", "2,5 °D"], row=True) == ["V", "2.5D"]
    assert canonical_axis(["V", "10 R"], row=False) == ["H", "10R"]
    assert canonical_axis(["15°", "5°"], row=True) == ["15°", "5°"]  # no 0° line: the side is unknown


def test_bare_angle_grid_cells_are_canonical_points() -> None:
    rest, inds = grid_indicators(_BARE, "Standard light distribution", clause="D#A.2", after=_SAYS)
    assert rest.strip() == "Table of light distribution for category K7 tail-lamp"
    assert [i.conditions for i in inds[:3]] == [["15U", "20L"], ["15U", "H"], ["15U", "20R"]]
    assert inds[3].conditions == ["V", "20L"] and inds[-1].conditions == ["15D", "20R"]
    assert {i.unit for i in inds} == {"%"} and {i.comparator for i in inds} == {">="}


def test_share_of_minimum_wording() -> None:
    assert share_of_minimum("minimum values as a percentage of the minimum required in the axis; category K7") == "K7"
    assert share_of_minimum("per cent of the minimum intensity in the reference axis") == ""
    assert share_of_minimum("Minimum intensities (in cd)") is None


def _minimum(value: float, cond: str):
    return make(parameter="Minimum luminous intensity", comparator=">=", unit="cd", value=value, conditions=[cond])


def test_percent_grid_is_read_through_the_category_minimum() -> None:
    _, inds = grid_indicators(_BARE, "Standard light distribution", clause="D#A.2", after=_SAYS)
    found = [*inds, _minimum(50, "5.1.3. K7 (steady)"), _minimum(80, "5.1.4. K8 (variable)")]
    resolve_shares(found)
    assert (inds[0].value, inds[0].unit) == (40, "%") and inds[0].normalized["value"] == 20.0
    assert inds[0].normalized["unit"] == found[-1].normalized["unit"]
    assert inds[4].value == 100 and inds[4].normalized["unit"] == "%"  # 100 %: the minimum itself, left to it


def test_percent_grid_without_one_minimum_is_left_as_percent() -> None:
    _, inds = grid_indicators(_BARE, "Standard light distribution", clause="D#A.2", after=_SAYS)
    found = [*inds, _minimum(50, "5.1.3. K7 (steady)"), _minimum(70, "5.1.5. K7 lamps marked D")]
    resolve_shares(found)
    assert {i.normalized["unit"] for i in inds} == {"%"}


def test_grid_point_is_a_condition_not_a_quantity() -> None:
    assert point_tag(["10U", "10L"]) == ("10U 10L", []) and point_tag(["V", "H", "cold"]) == ("V H", ["cold"])
    assert point_tag(["H"]) == (None, ["H"]) and point_tag(["10L"]) == (None, ["10L"]) and point_tag(["5U"])[0] == "5U"
    sig = signature(["10U", "10L"])
    assert sig.quantities == {} and sig.tags["point"] == frozenset({"10U 10L"})
    assert compare_conditions(["10U", "10L"], ["10U", "10L"]).relation == "same"
    assert compare_conditions(["10U", "10L"], ["10U", "H"]).relation == "different"
    assert signature(["10 L tank"]).quantities  # a volume is still a quantity
