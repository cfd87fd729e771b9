"""Log units of EMC and acoustics (dBµV/m, dB(µV/m), dBµA, dBm, dB(A)), emission rates, and table bands (issue #11)."""

from __future__ import annotations

import pytest

from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.units import conversion, normalize, unit_symbol


@pytest.mark.parametrize("written, canon", [
    ("dBµV/m", "dBµV/m"), ("dBμV/m", "dBµV/m"), ("dB(µV/m)", "dBµV/m"), ("dB(μV/m)", "dBµV/m"), ("dBuV/m", "dBµV/m"),
    ("dB (µV/m)", "dBµV/m"), ("dBµV", "dBµV"), ("dBμA", "dBµA"), ("dB(µA)", "dBµA"), ("dBm", "dBm"), ("dBpW", "dBpW"),
    ("dB(A)", "dB(A)"), ("dB", "dB"),
])
def test_log_units_have_one_canonical_spelling(written: str, canon: str) -> None:
    assert unit_symbol(written) == canon
    assert conversion(canon) == (canon, 1.0, 0.0)  # its own unit: never converted


def test_log_units_stay_apart() -> None:
    """dBµV/m is not dBµV, not dBµA and not a plain dB: normalised units differ, so they never compare."""
    units = {normalize(unit_symbol(u), 40)["unit"] for u in ("dBµV/m", "dBµV", "dBµA", "dB", "dBm", "dB(A)")}
    assert len(units) == 6


@pytest.mark.parametrize("text, value, canon", [
    ("The radiated field strength shall not exceed 40 dBµV/m.", 40, "dBµV/m"),
    ("辐射骚扰限值应不大于 54 dB(μV/m)。", 54, "dBµV/m"),
    ("The conducted current shall not exceed 30 dBμA.", 30, "dBµA"),
    ("骚扰电压不大于 60 dBμV。", 60, "dBµV"),
    ("The output power shall not exceed 20 dBm.", 20, "dBm"),
])
def test_log_unit_limits_read_whole(text: str, value: float, canon: str) -> None:
    ind = next(i for i in extract_text(text) if i.comparator == "<=")
    assert ind.value == value and ind.normalized["unit"] == canon


def test_emission_rate_unit_in_header() -> None:
    """"L1 (g/km)": the header's unit is g/km (was read as km), and a symbol like L1 is not a band's number."""
    from zmdocs.indicators.tables import _sub_header, header_unit

    assert header_unit("L1 (g/km)") == ("L1", "g/km")
    assert _sub_header("L1 (g/km)") == ("L1", "g/km")
    assert _sub_header("Rated voltage ≤ 150 V")[1] == ""
    assert normalize("g/km", 0.5)["unit"] == "kg/m"


def _table(rows: list[list[str]], header_rows: int = 2, caption: str = "") -> object:
    from zmdocs.model import Table

    return Table(id="t", number="9", caption=caption, clause="X#4", header_rows=header_rows, rows=rows)


def _got(inds: list) -> list[tuple]:
    from zmdocs.indicators.common import gold_tuple

    return sorted(gold_tuple(i) for i in inds)


def test_band_cells_give_the_row_labels_value() -> None:
    """Bands of the column's own variable fill the body; the value sits in the row label (an MPE table)."""
    from zmdocs.indicators.tables import extract_table

    rows = [["MPE", "Load, w", "Load, w", "Load, w"], ["MPE", "Class X", "Class Y", "Class Z"],
            ["k × 0.4 e", "0 ≤ w ≤ 8 000 e", "0 ≤ w ≤ 800 e", "0 ≤ w ≤ 80 e"],
            ["k × 0.8 e", "8 000 e < w", "800 e < w ≤ 3 000 e", "80 e < w ≤ 300 e"]]
    inds = extract_table(_table(rows, caption="Maximum permissible errors"), lang="en")
    assert _got(inds) == [("<=", 0.4, "e")] * 3 + [("<=", 0.8, "e")] * 3
    assert {"0 ≤ w ≤ 800 e", "Class Y"} <= set(next(i for i in inds if i.origin["col"] == 2).conditions)


def test_band_column_beside_values_is_a_condition() -> None:
    """"1,200 < RM % 1,600" under "Reference mass (RM)": a band of the row (a lost ≤ printed as %), not a value."""
    from zmdocs.indicators.tables import extract_table

    rows = [["Group", "Reference mass (RM) (kg)", "Limit (g/km)"],
            ["I", "RM % 1,200", "1.5"], ["II", "1,200 < RM % 1,600", "2.5"], ["III", "1,600 < RM", "3.5"]]
    inds = extract_table(_table(rows, header_rows=1), lang="en")
    assert _got(inds) == [("<=", 1.5, "g/km"), ("<=", 2.5, "g/km"), ("<=", 3.5, "g/km")]
    assert "1,200 < RM % 1,600" in inds[1].conditions


def test_first_column_of_values_under_a_trailing_grade_column() -> None:
    """速度m/s | 时间s | 等级: the first column holds values too when a trailing grade column labels the rows."""
    from zmdocs.indicators.tables import extract_table

    rows = [["速度m/s", "时间s", "等级"], ["0.0～0.4", "20", "0级"], ["0.5～1.9", "20", "1级"], ["2.0～3.1", "20", "2级"]]
    got = _got(extract_table(_table(rows, header_rows=1, caption="速度分级"), lang="zh"))
    assert ("range", (0.5, 1.9), "m/s") in got and got.count(("=", 20, "s")) == 3


@pytest.mark.parametrize("text", ["7 °C for sensors of class A;", "Class C, 4 000 steps", "Class A; Class B; Class C."])
def test_class_that_names_what_a_value_is_for_is_no_indicator(text: str) -> None:
    assert not [i for i in extract_text(text, "en") if i.ordinal]


def test_required_class_still_read() -> None:
    assert [i.value for i in extract_text("The device shall be of class B.", "en") if i.ordinal] == ["class B"]
    got = extract_text("The unit shall have a noise class of at least class B.", "en")
    assert [(i.comparator, i.value) for i in got if i.ordinal] == [(">=", "class B")]


def test_unmarked_items_under_a_lead_in_take_its_bound() -> None:
    from zmdocs.indicators.lists import restate_lists

    text = ("Sensors shall meet 4.2. The width of the band shall be at least:\n7 °C for sensors of class A;\n"
            "12 °C for sensors of class B;\n20 °C for sensors of classes C and D.")
    got = [(i.comparator, i.value) for i in extract_text(restate_lists(text, "en"), "en")]
    assert got == [(">=", 7), (">=", 12), (">=", 20)]


def test_value_in_a_depth_qualifier_is_a_condition() -> None:
    got = extract_text("Objects > 3 m, in depths down to 50 m; beyond 50 m not specified", "en")
    assert [(i.comparator, i.value) for i in got] == [(">", 3)] and "in depths down to 50 m" in got[0].conditions


def test_lower_and_upper_limit_rows_make_one_range_per_column() -> None:
    from zmdocs.indicators.tables import extract_table

    rows = [["", "Type P", "Type Q", "Type R"], ["Lower limit", "20 000", "2 000", "200"], ["Upper limit", "Unlimited", "40 000", "4 000"]]
    got = _got(extract_table(_table(rows, header_rows=1, caption="Number of steps per type"), lang="en"))
    assert got == [(">=", 20000, ""), ("range", (200, 4000), ""), ("range", (2000, 40000), "")]


def test_plus_minus_band_around_a_symbol() -> None:
    """"[Δx(t)±2]km/h": a band of ±2 km/h around a curve, the unit after the bracket."""
    got = extract_text("偏差不应超过参考曲线的[Δx(t)±2]km/h的范围。", "zh")
    assert [(i.comparator, i.min, i.max, i.unit) for i in got] == [("range", -2, 2, "km/h")]


def test_share_considered_sufficient_is_a_minimum() -> None:
    got = extract_text("For lamps with two sources, 40 per cent of the minimum intensity shall be considered sufficient.", "en")
    assert [(i.comparator, i.value) for i in got] == [(">=", 40)]


@pytest.mark.parametrize("text, want", [
    ("The ratio shall be at least 4: 1 in the field bounded by lines passing through ±6° V and ±12° H.", [(">=", 4)]),
    ("An intensity of 50 cd shall be permitted below a plane forming an angle of 7° with the horizontal;", [("<=", 50)]),
    ("Vertical angle: 30° upwards to 25° downwards.", [("=", 30), ("=", 25)]),
])
def test_geometry_of_a_field_is_a_condition_and_both_directions_are_read(text: str, want: list) -> None:
    assert [(i.comparator, i.value) for i in extract_text(text, "en")] == want


def test_limit_value_named_before_its_substance() -> None:
    """"ein Emissionsgrenzwert für Kohlenmonoxid von 300 Milligramm je Kilowattstunde": the cue is the limit value."""
    got = extract_text("Es gilt ein Emissionsgrenzwert für Kohlenmonoxid von 300 Milligramm je Kilowattstunde.", "de")
    assert [(i.comparator, i.value, i.normalized["unit"]) for i in got] == [("<=", 300, "mg/kWh")]
    got = extract_text("The limit value for nickel of 20 µg/l applies.", "en")
    assert [(i.comparator, i.value, i.unit) for i in got] == [("<=", 20, "µg/l")]


def test_split_superscript_of_a_compound_unit() -> None:
    assert unit_symbol("ng/m 3") == "ng/m³" and unit_symbol("cd/m 2") == "cd/m²" and unit_symbol("Nanogramm") == "ng"
    got = extract_text("Der Grenzwert von 0,2 ng/m 3 darf nicht überschritten werden.", "de")
    assert [(i.value, unit_symbol(i.unit)) for i in got] == [(0.2, "ng/m³")]


@pytest.mark.parametrize("text, lang, want", [
    ("系统应在触发后不早于2 s进入执行阶段。", "zh", (">=", 2)), ("报警信号应不晚于4 s发出。", "zh", ("<=", 4)),
    ("The warning shall be given not later than 4 s after the failure.", "en", ("<=", 4)),
    ("The phase shall start not earlier than 2 s after triggering.", "en", (">=", 2)),
])
def test_not_earlier_and_not_later_than(text: str, lang: str, want: tuple) -> None:
    assert [(i.comparator, i.value) for i in extract_text(text, lang)] == [want]


def test_share_of_a_symbol_written_with_markup() -> None:
    """"不应低于V<sub>set</sub>的80%": the index markup belongs to the symbol, the share is the bound."""
    got = extract_text("试验车辆行驶速度不应低于V<sub>set</sub>的80%。", "zh")
    assert [(i.comparator, i.value, i.unit) for i in got] == [(">=", 80, "%")]


def test_merged_cell_over_sibling_columns_is_read_once() -> None:
    """"空载检验距离要求 m" / "满载检验距离要求 m" with the same text: the parser repeated one merged cell."""
    from zmdocs.indicators.tables import extract_table

    rows = [["车型", "空载检验距离要求 m", "满载检验距离要求 m"], ["甲类车", "≤6.0", "≤6.0"], ["乙类车", "≤18.0", "≤19.0"]]
    got = _got(extract_table(_table(rows, header_rows=1), lang="zh"))
    assert got == [("<=", 6, "m"), ("<=", 18, "m"), ("<=", 19, "m")]


def test_footnote_mark_of_a_footnote_row_is_no_unit() -> None:
    """"3.5a" where a body row "a 对…" is the table's footnote: the mark is a condition, the value keeps the header unit."""
    from zmdocs.indicators.tables import extract_table

    note = "a 对车宽大于 2.6m 的车辆，其宽度另行规定为车宽加0.4。"
    rows = [["车型", "通道宽度 m"], ["甲类车", "2.4"], ["乙类车", "3.5a"], [note, note]]
    inds = extract_table(_table(rows, header_rows=1), lang="zh")
    got = [(i.comparator, i.value, i.unit) for i in inds if i.origin.get("row") in (1, 2)]
    assert got == [("=", 2.4, "m"), ("=", 3.5, "m")]
    assert any("车宽大于" in c for c in inds[1].conditions)


def test_multiple_of_a_defined_symbol_is_no_limit() -> None:
    got = extract_text("中点的垂直位置应小于等于 0.8K(K 为透光面中心的高度)，水平偏移应小于等于 300mm。", "zh")
    assert [(i.comparator, i.value, i.unit) for i in got] == [("<=", 300, "mm")]


def test_at_least_needs_a_count() -> None:
    assert [(i.comparator, i.value) for i in extract_text("一般至少需要3套试验样品。", "zh")] == [(">=", 3)]
