"""Lamp-regulation kinds (UN R-series, ADR, FMVSS-style): test-point grids in clause text, degree signs set as a raised
"o", test-point coordinates, angular fields, counts run into their heading, lead-ins continued in child clauses and
underlined "<" (zmdocs/indicators: grids, fields, masks, prose, lists; zmdocs/text/width; zmdocs/parse/underlined), on
inputs written for these tests (no corpus text)."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_text
from zmdocs.indicators.grids import grid_indicators, grid_table
from zmdocs.model import Clause, Document, Table
from zmdocs.parse.underlined import underlined_signs
from zmdocs.text.width import raised_degrees

_GRID = ("20U 3 7 3\n"
         "10U 9 12 12 12 9\n"
         "H 11 30 30 30 11\n"
         "10D 9 12 12 12 9 20L 10L V 10R 20R")


def _got(inds) -> list[tuple]:
    return [(i.comparator, i.value, i.unit) for i in inds]


def test_grid_cells_take_bound_and_unit_from_the_heading() -> None:
    rest, inds = grid_indicators(_GRID, "Table of Minimum Intensity (in candela, for degrees of angle)", clause="D#9.1")
    assert rest.strip() == ""
    assert len(inds) == 18 and {i.comparator for i in inds} == {">="} and {i.unit for i in inds} == {"cd"}
    assert [i.value for i in inds[:3]] == [3, 7, 3]
    assert inds[0].conditions == ["20U", "20L"] and inds[1].conditions == ["20U", "H"]  # 3 of 5: evenly spaced
    assert inds[-1].conditions == ["10D", "20R"] and all(i.role == "requirement" for i in inds)


def test_grid_with_column_line_above_and_maximum_heading() -> None:
    text = "Values are given below.\n5L V 5R\n5U 40 80 40\n5D 40 80 40\nOther text follows."
    rest, inds = grid_indicators(text, "Maximum intensity (in cd)")
    assert _got(inds) == [("<=", 40, "cd"), ("<=", 80, "cd"), ("<=", 40, "cd")] * 2
    assert inds[1].conditions == ["5U", "H"]
    assert rest == "Values are given below.\nOther text follows."


def test_no_grid_in_ordinary_lines() -> None:
    text = "The lamp shall be tested.\n5 mm 3 4\nV 12 volts"
    assert grid_indicators(text, "Minimum values") == (text, [])


def test_grid_in_document_is_not_read_as_prose() -> None:
    doc = Document(id="D", clauses=[Clause(id="D#9.1", number="9.1", text=_GRID,
                                           heading="Table of Minimum Intensity (in candela, for degrees of angle)")],
                   tables=[], lang="en")
    inds = extract_document(doc)
    assert len(inds) == 18 and all(i.comparator == ">=" and i.unit == "cd" for i in inds)


def _grid_table(caption: str) -> Table:
    rows = [["", "20L", "V", "20R"], ["10U", "4", "", "4"], ["H", "9", "18", "9"], ["10D", "4", "-", "4"]]
    return Table(id="D#t3", number="3", caption=caption, clause="D#9.2", header_rows=1, rows=rows)


def test_ruled_grid_takes_bound_from_caption_or_clause_heading() -> None:
    inds = grid_table(_grid_table("Minimum luminous intensity (cd)"))
    assert _got(inds) == [(">=", 4, "cd"), (">=", 4, "cd"), (">=", 9, "cd"), (">=", 18, "cd"), (">=", 9, "cd"),
                          (">=", 4, "cd"), (">=", 4, "cd")]
    assert inds[3].conditions == ["V", "H"] and inds[3].origin == {"type": "table", "table": "3", "row": 2, "col": 2}
    assert {i.comparator for i in grid_table(_grid_table(""), "Maximum intensities [cd]")} == {"<="}
    assert {i.comparator for i in grid_table(_grid_table("Minimum and maximum values"))} == {"="}
    plain = Table(id="D#t4", number="4", caption="Minimum sizes", clause="D#9.2", header_rows=1,
                  rows=[["Size", "A", "B"], ["Width", "4", "5"], ["Height", "6", "7"]])
    assert grid_table(plain) is None


def test_raised_o_is_a_degree_sign() -> None:
    assert raised_degrees("from 12o above, 0.5o radius, 30oC, 7º") == "from 12° above, 0.5° radius, 30°C, 7°"
    assert raised_degrees("Euro2o two 1oo x3o") == "Euro2o two 1oo x3o"


def test_angular_field_limits_are_stated_values() -> None:
    got = _got(extract_text("Vertical: from 12o above to 4o below the horizontal.", "en"))
    assert got == [("=", 12, "°"), ("=", 4, "°")]
    got = _got(extract_text("Horizontal: from 30° to the left to 20° to the right.", "en"))
    assert got == [("=", 30, "°"), ("=", 20, "°")]
    assert _got(extract_text("The stand is rotated from 10° to 20°.", "en")) == [("range", None, "°")]


def test_test_point_coordinates_are_not_litres() -> None:
    assert extract_text("The maximum applies within the cone from 15L to 15R and from 8U to 4D.", "en") == []
    assert _got(extract_text("The tank shall hold from 10 L to 20 L.", "en")) == [("range", None, "L")]


def test_count_run_into_its_heading() -> None:
    assert _got(extract_text("Number Three.", "en")) == [("=", 3, "")]
    assert _got(extract_text("Number: Two.", "en")) == [("=", 2, "")]


def test_child_clauses_continue_a_negated_excess_leadin() -> None:
    parent = Clause(id="D#5.2", number="5.2", heading="", text=(
        "In height: anywhere, except that no part of the window must be higher than the roof line by\nmore than:"))
    kids = [Clause(id="D#5.2.1", number="5.2.1", heading="", parent="D#5.2", text="140 mm for vans;"),
            Clause(id="D#5.2.2", number="5.2.2", heading="", parent="D#5.2", text="60 mm for other cars.")]
    inds = extract_document(Document(id="D", clauses=[parent, *kids], tables=[], lang="en"))
    assert sorted((i.clause, i.comparator, i.value, i.unit) for i in inds) == [
        ("D#5.2.1", "<=", 140, "mm"), ("D#5.2.2", "<=", 60, "mm")]


def _char(text: str, x0: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6.0, "top": 100.0, "bottom": 112.0}


def _rule(x0: float, x1: float, top: float = 110.5) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": top + 0.6, "orientation": "h"}


def test_underlined_less_than_is_less_or_equal() -> None:
    chars = [_char("<", 10), _char(">", 40), _char("<", 80), _char("<", 120)]
    edges = [_rule(10, 16), _rule(40.2, 46), _rule(70, 200), _rule(120, 126, top=130)]  # a line's underline, too low
    assert underlined_signs(chars, edges) == 2
    assert [c["text"] for c in chars] == ["≤", "≥", "<", "<"]


def test_underlined_sign_in_a_written_pdf(tmp_path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    from zmdocs.parse.registry import parse_file

    path = tmp_path / "u.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Times-Roman", 12)
    c.drawString(72, 700, "1. Colour")
    c.drawString(72, 680, "1.1. Limit towards blue: z < 0.020")
    c.drawString(72, 660, "1.2. Limit towards green: y < 0.410")
    w = c.stringWidth("1.2. Limit towards green: y ", "Times-Roman", 12)
    c.rect(72 + w, 658.6, c.stringWidth("<", "Times-Roman", 12), 0.6, stroke=0, fill=1)
    c.drawString(72, 640, "1.3. The source shall be tested as a whole.")
    c.showPage()
    c.save()
    text = "\n".join(f"{cl.heading} {cl.text}" for cl in parse_file(path).clauses)
    assert "y ≤ 0.410" in text and "z < 0.020" in text
