"""Clauses laid out in a grid: numbered labels in a table's first column become clauses (issue #10,
UN R7 6.1.1-6.1.4.4); data tables with item numbers or clause references stay tables only."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.parse.blocks import Block
from zmdocs.parse.gridclauses import grid_labels
from zmdocs.parse.structure import build_document

# written by us in the layout of a regulation's photometric table: row labels are sub-clauses of 6.1
GRID = [
    ["", "Minimum in cd", "Maximum in cd"],
    ["6.1.1. Front lamps of type A", "4", "140"],
    ["6.1.2. Front lamps built into a headlamp", "4", "140"],
    ["6.1.3. Rear lamps 6.1.3.1. Steady type R1", "4", "17"],
    ["6.1.3.2. Variable type R2", "4", "42"],
    ["6.1.4. Stop lamps", "60", "260"],
    ["6.1.4.1. S1 (steady)", "", ""],
]


def test_grid_labels_split_a_cell_holding_two_numbered_rows():
    got = grid_labels(GRID)
    assert [n for n, _ in got] == ["6.1.1", "6.1.2", "6.1.3", "6.1.3.1", "6.1.3.2", "6.1.4", "6.1.4.1"]
    assert dict(got)["6.1.3"] == "Rear lamps" and dict(got)["6.1.3.1"] == "Steady type R1"
    assert dict(got)["6.1.4.1"] == "S1 (steady)"


@pytest.mark.parametrize("rows", [
    [["No.", "Item", "Value"], ["1", "Voltage", "230 V"], ["2", "Power", "2 kW"], ["3", "Mass", "1 kg"]],  # item numbers
    [["This document", "ISO 1234"], ["5.2.1", "4.3"], ["5.2.2", "4.4"], ["5.3", "4.5"]],  # clause correspondence
    [["Clause", "Requirement", "Verdict"], ["4.1", "Marking shall be legible", "P"], ["4.2", "Durability", "P"]],
    [["Ref.", "Note"], ["5.2 Marking", "see annex"], ["7.4 Tests", "see annex"], ["3.1 Terms", "-"]],  # no sequence
    [["Range", "Limit"], ["0.5 to 1 m", "3"], ["1.5 to 2 m", "4"]],  # values, not labels
    [["6.1.1. Front lamps"], ["6.1.2. Rear lamps"]],  # one column: a framed list, not a grid
])
def test_data_tables_hold_no_grid_clauses(rows):
    assert grid_labels(rows) == []


def _doc(rows):
    blocks = [
        Block(kind="para", text="6 Photometric requirements"),
        Block(kind="para", text="6.1 The light of each lamp shall be within the limits below:"),
        Block(kind="table", rows=rows, header_rows=1),
        Block(kind="para", text="6.1.5 For an assembly of two lamps the total shall not exceed the maximum."),
        Block(kind="para", text="6.2 The intensities are measured at the reference axis."),
    ]
    return build_document(blocks, source="grid.txt")


def test_grid_rows_become_clauses_and_the_table_stays():
    doc = _doc(GRID)
    nums = [c.number for c in doc.clauses]
    assert nums[:10] == ["6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.3.1", "6.1.3.2", "6.1.4", "6.1.4.1", "6.1.5"]
    assert doc.clause("6.1.3.1").heading == "Steady type R1" and doc.clause("6.1.3.1").parent.endswith("#6.1.3")
    assert doc.clause("6.1.5").parent.endswith("#6.1")
    assert len(doc.tables) == 1 and doc.tables[0].clause.endswith("#6.1") and doc.tables[0].rows[1][1] == "4"
    assert "Front lamps" not in doc.clause("6.1").text  # the labels are not repeated as text


def test_an_item_table_adds_no_clause():
    doc = _doc([["No.", "Item", "Value"], ["1", "Voltage", "230 V"], ["2", "Power", "2 kW"]])
    assert [c.number for c in doc.clauses] == ["6", "6.1", "6.1.5", "6.2"]


def test_a_grid_that_does_not_continue_the_open_clause_adds_no_clause():
    """A table of clause labels under 6.1 that starts at 4.1 (a list of changes, a cross-reference grid)."""
    rows = [["Clause", "Change"], ["4.1 General requirements", "added"], ["4.2 Marking", "changed"]]
    doc = _doc(rows)
    assert [c.number for c in doc.clauses] == ["6", "6.1", "6.1.5", "6.2"]
    assert len(doc.tables) == 1


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
R7 = CORPUS / "intl-reg" / "unece-r007-rev6-en.pdf"


@pytest.mark.slow
@pytest.mark.skipif(not R7.exists(), reason="the real corpus is absent")
def test_un_r7_photometric_rows_are_clauses():
    from zmdocs.parse.registry import parse_file

    doc = parse_file(R7)
    nums = [c.number for c in doc.clauses]
    want = ["6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.3.1", "6.1.3.2", "6.1.4", "6.1.4.1", "6.1.4.2", "6.1.4.3", "6.1.4.4", "6.1.5"]
    k = nums.index("6.1")
    assert nums[k:k + len(want)] == want
    assert doc.clause("6.1.4").heading == "Stop-lamps" and doc.clause("6.1.4.4").parent.endswith("#6.1.4")
    assert any(t.clause and t.clause.endswith("#6.1") for t in doc.tables)
