"""Multi-row headers: a value cell's conditions come from its own column's header path and its row header,
never from sibling value cells; a band in a header keeps its unit."""

from __future__ import annotations

import re

import pytest

from zmdocs.indicators import extract_document, extract_table
from zmdocs.model import Table
from zmdocs.text.width import fold_chars as fold


def table(rows, header_rows=2, caption="", number="7"):
    return Table(id="t", number=number, caption=caption, clause="16.3", header_rows=header_rows, rows=rows)


IEC_16_3 = [
    ["Insulation", "Test voltage V", "Test voltage V", "Test voltage V"],
    ["Insulation", "SELV", "Rated voltage ≤ 150 V", "Rated voltage > 150 V and ≤ 250 V"],
    ["Basic insulation", "500", "1 000", "1 250"],
    ["Supplementary insulation", "–", "1 250", "1 750"],
    ["Reinforced insulation", "–", "2 500", "3 000"],
]
DIN_16_3 = [
    ["Isolierung", "Prüfspannung V", "Prüfspannung V", "Prüfspannung V"],
    ["Isolierung", "SELV", "Bemessungsspannung ≤ 150 V", "Bemessungsspannung > 150 V und ≤ 250 V"],
    ["Basisisolierung", "500", "1 000", "1 250"],
    ["Zusätzliche Isolierung", "—", "1 250", "1 750"],
    ["Verstärkte Isolierung", "—", "2 500", "3 000"],
]


def _cells(inds):
    return {(i.origin["row"], i.origin["col"]): i for i in inds}


@pytest.mark.parametrize("rows,lang", [(IEC_16_3, "en"), (DIN_16_3, "de")])
def test_spanning_header_columns_are_value_columns(rows, lang):
    inds = extract_table(table(rows), lang)
    got = _cells(inds)
    # the SELV column is a column of values (mostly dashes), not a second row-label column
    assert sorted(got) == [(2, 1), (2, 2), (2, 3), (3, 2), (3, 3), (4, 2), (4, 3)]
    assert {i.unit for i in inds} == {"V"} and {i.key for i in inds} == {"electric_strength"}
    assert [got[(2, j)].value for j in (1, 2, 3)] == [500, 1000, 1250]
    for (r, c), ind in got.items():
        # own column path + own row header, in that order, and nothing else
        assert ind.conditions == [rows[1][c], rows[r][0]], ind.conditions


@pytest.mark.parametrize("rows,lang", [(IEC_16_3, "en"), (DIN_16_3, "de")])
def test_no_sibling_value_cell_in_conditions(rows, lang):
    for ind in extract_table(table(rows), lang):
        r, c = ind.origin["row"], ind.origin["col"]
        siblings = {fold(x).strip() for k, x in enumerate(rows[r]) if k not in (0, c)}
        for cond in ind.conditions:
            assert not any(cond == s or cond.endswith(" " + s) for s in siblings if s), (cond, siblings)


def test_band_in_sub_header_keeps_its_unit_and_is_not_the_value_unit():
    # the spanning header has no unit: the V after a band number must not become the clearance's unit
    rows = [["Insulation", "Clearance mm", "Clearance mm"],
            ["Insulation", "Working voltage ≤ 50 V", "Working voltage > 50 V"],
            ["Basic insulation", "0,2", "1,5"]]
    inds = extract_table(table(rows), "en")
    assert [(i.value, i.unit) for i in inds] == [(0.2, "mm"), (1.5, "mm")]
    assert inds[0].conditions[0] == "Working voltage ≤ 50 V"
    assert inds[1].conditions[0] == "Working voltage > 50 V"


def test_two_text_label_columns_still_label_the_row():
    rows = [["Part", "Material", "Temperature rise K"],
            ["Part", "Material", "Temperature rise K"],
            ["Handles", "Metal", "30"],
            ["Handles", "Glass", "40"]]
    inds = extract_table(table(rows), "en")
    assert [(i.value, i.unit) for i in inds] == [(30, "K"), (40, "K")]
    assert all(i.origin["col"] == 2 for i in inds)
    assert "Metal" in inds[0].conditions and "Glass" in inds[1].conditions


def test_zh_band_with_note_keeps_unit_after_number():
    rows = [["额定电压/V", "试验电压/V", "试验电压/V"],
            ["额定电压/V", "基本绝缘", "加强绝缘"],
            ["≤60（安全特低电压）", "500", "—"],
            [">60～150", "1 000", "2 500"]]
    inds = extract_table(table(rows), "zh")
    assert [(i.value, i.unit) for i in inds] == [(500, "V"), (1000, "V"), (2500, "V")]
    assert inds[0].conditions == ["基本绝缘", "额定电压≤60V(安全特低电压)"]
    assert inds[2].conditions == ["加强绝缘", "额定电压>60~150V"]


@pytest.mark.parametrize("name,band", [
    ("IEC-60335-2-15-2016-kettle.pdf", "Rated voltage ≤ 150 V"),
    ("DIN-EN-60335-2-15-2020-kettle.pdf", "Bemessungsspannung ≤ 150 V"),
    ("GB-4706.19-2024-kettle.pdf", "额定电压>60~150V"),
])
def test_sample_table_7_conditions(samples_dir, name, band):
    from zmdocs.parse.registry import parse_file

    path = samples_dir / name
    if not path.exists():
        pytest.skip("sample corpus not rendered")
    t7 = [i for i in extract_document(parse_file(str(path)))
          if (i.origin or {}).get("type") == "table" and i.origin["table"] == "7"]
    assert len(t7) == 7 and {i.key for i in t7} == {"electric_strength"} and {i.unit for i in t7} == {"V"}
    assert any(band in i.conditions for i in t7)
    assert not any(re.search(r"\d\s*$", c) for i in t7 for c in i.conditions), [i.conditions for i in t7]


def test_numeric_key_column_is_the_rows_condition():
    """A column of bare numbers under a named header (a flow, a speed) is the independent variable: each limit
    cell holds for the row's value ("Nominal flow G = 45 l/s"); decimal commas stay decimals ("1,985")."""
    rows = [["Nominal flow G litres/second", "Limit values k m-1"], ["42", "2,26"], ["45", "2,19"], ["55", "1,985"]]
    inds = extract_table(table(rows, header_rows=1), "en")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("<=", 2.26, "m-1"), ("<=", 2.19, "m-1"), ("<=", 1.985, "m-1")]
    assert inds[1].conditions == ["Nominal flow G = 45 l/s"]


def test_list_numbers_in_first_column_are_no_condition():
    """1, 2, 3 … down the first column are row numbers, not an independent variable."""
    rows = [["No", "Leakage current mA"], ["1", "0,75"], ["2", "0,5"], ["3", "0,25"]]
    conds = [c for i in extract_table(table(rows, header_rows=1), "en") for c in i.conditions]
    assert not any("=" in c for c in conds)


def test_annex_header_unit_split_superscript():
    from zmdocs.indicators.tables import header_unit

    assert header_unit("Absorption coefficient k m-1 m-2") == ("Absorption coefficient k", "m-1")
    assert header_unit("Speed kilometres per hour") == ("Speed", "km/h")
