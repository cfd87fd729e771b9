"""Colour boundaries of a chromaticity definition (`colour_bounds`), on a definition written for this test."""

from __future__ import annotations

from zmdocs.indicators.colour_bounds import colour_boundaries
from zmdocs.model import Clause

_TEXT = ('"Signal green" means the chromaticity coordinates (x,y) of the light emitted that lie inside the area '
         "defined by the boundaries:\n"
         "G12 yellow boundary y = 0.720 - 0.500 x G23 white boundary x = 0.280\n"
         "G34 blue boundary y = 0.400\n"
         "G41 spectral boundary y = 1.100 x\n"
         "With intersection points:\nx y\nG1 0.100 0.650\nG2 0.280 0.580\nG3 0.280 0.400\nG4 0.150 0.400\n")


def test_constant_boundaries_with_the_side_of_the_corners():
    inds = colour_boundaries(Clause(id="c1", number="3.4", heading="Signal green", text=_TEXT, kind="terms"), "en")
    got = [(i.parameter, i.comparator, i.value, i.conditions) for i in inds]
    assert got == [("white boundary (x)", "<=", 0.28, ["Signal green"]), ("blue boundary (y)", ">=", 0.4, ["Signal green"])]
    assert all(getattr(i, "_term_rule", False) and i.clause == "c1" for i in inds)  # a limit, though in a definition


def test_no_corner_points_or_no_colour_no_boundaries():
    text = _TEXT.split("With intersection")[0]
    assert colour_boundaries(Clause(id="c1", number="3.4", heading="Signal green", text=text), "en") == []
    other = "The pipe boundary x = 0.5 of the plot.\nWith intersection points:\nP1 0.1 0.2\nP2 0.3 0.4\nP3 0.2 0.1\n"
    assert colour_boundaries(Clause(id="c2", number="5", heading="Plot", text=other), "en") == []


def test_a_definitions_limit_is_a_usable_counterpart_a_definitions_value_is_not():
    from zmdocs.compare import _usable
    from zmdocs.model import Document, Indicator

    doc = Document(id="R", clauses=[Clause(id="t", number="2.1", kind="terms"), Clause(id="r", number="6", kind="requirements")])
    limit = Indicator(parameter="blue boundary (y)", comparator=">=", value=0.4, clause="t", role="requirement")
    value = Indicator(parameter="length", comparator="=", value=3, clause="t", role="informative")
    assert _usable(doc, limit) and not _usable(doc, value)
