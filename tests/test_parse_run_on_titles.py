"""Numbered lines that look like headings but run on into the next paragraph, annex titles set over two
lines in capitals, and plural defined terms ('"Stop lamps" are …'). Samples written here, not corpus text."""

from __future__ import annotations

from zmdocs.parse.blocks import Block
from zmdocs.parse.lines import Para
from zmdocs.parse.structure import build_document
from zmdocs.parse.wrapped import runs_on, title_goes_on, wrapped_heading


def _p(text: str) -> Para:
    return Para("para", text, 1, 1)


def test_a_heading_shaped_line_whose_sentence_goes_on_is_text():
    assert runs_on("For rotary engines, twice the nominal volume of a", _p("combustion chamber per piston;"))
    assert runs_on("the need for the device is justified in terms of protecting the engine", _p("against damage;"))
    assert not runs_on("Position of the lamp", _p("The lamp is fitted at the rear."))  # a body paragraph starts anew
    assert not runs_on("Tank losses", _p("a) the tank is filled;"))  # a list item under a heading
    assert not runs_on("General requirements of the", _p("5.2. Next clause"))


def test_a_capitalised_heading_wrapped_into_the_next_line():
    assert wrapped_heading("Changes and extensions of approval of the", [_p("vehicle type or of its lamps"), _p("7.1. Next")]) \
        == ("Changes and extensions of approval of the vehicle type or of its lamps", 2)
    assert wrapped_heading("The list of papers held by the authority which has", [_p("granted approval is annexed")]) is None
    assert wrapped_heading("For engines, twice the volume of a", [_p("combustion chamber per piston;")]) is None
    assert wrapped_heading("the need for the device is justified by", [_p("damage to the engine")]) is None


def test_annex_titles_set_over_two_lines():
    assert title_goes_on("RULES FOR LAMPS FITTED TO A VEHICLE", "RUNNING ON GAS (NG)")
    assert title_goes_on("TEST PROCEDURE FOR A VEHICLE EQUIPPED WITH", "A Regenerating System")
    assert not title_goes_on("COMMUNICATION", "MODEL A")  # a one-word title under its own sub-heading
    assert not title_goes_on("Rules for lamps fitted to a vehicle", "Model A")


def _line(text: str, top: float, x0: float = 85, x1: float = 300) -> Block:
    return Block(kind="line", text=text, page=1,
                 meta={"x0": x0, "x1": x1, "top": top, "bottom": top + 12, "page_width": 595, "page_height": 842, "size": 12.0})


def test_run_on_clause_and_plural_term_in_a_document():
    lines = [("1. SCOPE", 85, 200), ("This rule covers the lamps fitted to the rear of vehicles and their", 85, 510),
             ("fitting.", 85, 140), ("2. DEFINITIONS", 85, 220),
             ('2.1. "Stop lamps" are lamps showing that the brakes are applied.', 85, 430),
             ("2.2. For rotary piston engines, twice the nominal volume of a", 85, 420),
             ("combustion chamber per piston;", 157, 330), ("2.3. Lamp", 85, 160),
             ("The lamp is fitted at the rear of the vehicle on its median plane, at any height", 85, 510)]
    doc = build_document([_line(t, 100 + 20 * k, x0, x1) for k, (t, x0, x1) in enumerate(lines)])
    assert doc.clause("2.1").heading == "Stop lamps"
    assert doc.clause("2.2").heading == "" and "combustion chamber per piston" in doc.clause("2.2").text
    assert doc.clause("2.3").heading == "Lamp"
