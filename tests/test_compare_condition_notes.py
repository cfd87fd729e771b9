"""A condition quantity only one side states is reported as that side writes it ('本标准 1.7 L'), not as the bare
canonical unit ('m³', 's') a reviewer cannot place (issue #12, samples report). Conditions written for the test."""

from __future__ import annotations

from zmdocs.compare.conditions import compare_conditions, signature
from zmdocs.report.reasons import why


def test_signature_keeps_the_quantity_as_written():
    sg = signature(["额定功率≥1 800 W，额定容量1.7 L"])
    assert sg.written["m³"] == "1.7 L"


def test_one_side_quantity_named_by_side_and_as_written():
    v = compare_conditions(["额定容量1.7 L"], [])
    [note] = v.notes
    assert note.code == "note.one-side-quantities"
    assert why(note, "zh") == "仅一方给出条件量值: 本标准 1.7 L"
    assert why(note, "en") == "condition quantities given on one side only: the draft 1.7 L"
    back = compare_conditions([], ["test duration 1 min"]).notes[0]
    assert why(back, "en") == "condition quantities given on one side only: the reference 1 min"


def test_older_json_without_the_written_forms_still_reads():
    assert why({"code": "note.one-side-quantities", "units": ["s"]}, "en") == \
        "condition quantities given on one side only: s"
