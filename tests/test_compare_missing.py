"""The `missing` list holds requirements only: no test conditions (test voltages, distances, sample masses),
no fixed test settings or declared ratings, no informative values, and an IDT adoption's copies once."""

from __future__ import annotations

import sys
from pathlib import Path

from zmdocs.compare import compare_documents
from zmdocs.model import Adoption

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "compare"))
from cases import doc, ind  # noqa: E402


def _draft():
    return doc("T/ZZB 0998—2026", "T/ZZB", [ind("泄漏电流", "<=", 0.5, "mA", "leakage_current")])


def _missing(refs):
    return [(m.doc, m.key, m.value.comparator, m.value.value) for m in compare_documents(_draft(), refs, model=None).missing]


def test_missing_lists_requirements_not_test_conditions():
    gb = doc("GB 4706.19—2024", "GB", [
        ind("泄漏电流", "<=", 0.75, "mA", "leakage_current"),
        ind("绝缘电阻", ">=", 2, "MΩ", "insulation_resistance"),                       # a requirement the draft lacks
        ind("试验电压", "=", 1250, "V", "electric_strength", role="test-condition"),  # a test voltage
        ind("测量距离", "<=", 1, "m", "noise", role="test-condition"),               # a measuring distance
        ind("样品质量", ">=", 500, "g", "mass", role="test-condition"),              # a sample mass
        ind("示例温升", "<=", 40, "K", "temperature_rise", role="informative"),      # an example
    ])
    assert _missing([gb]) == [("GB 4706.19—2024", "insulation_resistance", ">=", 2)]


def test_missing_skips_fixed_settings_and_ratings():
    iec = doc("IEC 60335-2-15:2016", "IEC", [
        ind("pull force", "=", 30, "N", "cord_anchorage_pull"),        # the force a test applies (a table of settings)
        ind("rated power", "=", 2.2, "kW", "rated_power"),             # a declared rating
        ind("protection class", "=", "class I", "", "protection_class"),  # a grade is a requirement
        ind("cord displacement", "<=", 2, "mm", "cord_anchorage_pull"),
    ], lang="en")
    assert sorted(_missing([iec])) == [("IEC 60335-2-15:2016", "cord_anchorage_pull", "<=", 2),
                                       ("IEC 60335-2-15:2016", "protection_class", "=", "class I")]


def test_missing_lists_an_idt_copy_once_under_the_adopted_standard():
    iec = doc("IEC 60335-2-15:2016", "IEC", [
        ind("temperature rise", "<=", 60, "K", "temperature_rise"),
        ind("interval", "<=", 30, "s", "test_duration", role="test-condition"),
    ], lang="en")
    din = doc("DIN EN 60335-2-15:2020", "DIN EN", [
        ind("Übertemperatur", "<=", 60, "K", "temperature_rise"),
        ind("Nachfüllen", "<=", 30, "s", "test_duration"),   # the IEC reads this provision as a test condition
        ind("Standby", "<=", 0.5, "W", "standby_power"),     # a national addition
    ], lang="de")
    din.adoption = Adoption(relation="IDT", standard="IEC 60335-2-15:2016")
    assert _missing([din, iec]) == [("DIN EN 60335-2-15:2020", "standby_power", "<=", 0.5),
                                    ("IEC 60335-2-15:2016", "temperature_rise", "<=", 60)]
