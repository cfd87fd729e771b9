"""zh drafting kinds of issue #11 (fifth zh session): count classifiers as units, graded scales of when-spans,
test-procedure quantities. Texts written here."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_text
from zmdocs.indicators.bands import drop_bands
from zmdocs.indicators.units import normalize


def _got(text: str) -> list[tuple]:
    return [(i.comparator, i.value if i.comparator != "range" else (i.min, i.max), i.unit)
            for i in drop_bands(extract_text(text, lang="zh"))]


@pytest.mark.parametrize("cls", ["层", "面", "块", "人", "台", "辆", "个", "组"])
def test_count_classifiers_are_known_units(cls):
    assert normalize(cls, value=3)["unit"] == cls  # kept as written, but known: no "unknown unit" warning


@pytest.mark.parametrize("text, want", [
    ("观光车的额定载客人数应小于等于 11 人。", ("<=", 11, "人")),
    ("货架的层数应不大于 8 层。", ("<=", 8, "层")),
    ("每个工位应配备不少于 2 名操作人员。", (">=", 2, "名")),
])
def test_a_count_keeps_its_classifier(text, want):
    assert want in _got(text)


def test_a_classifier_starting_a_word_is_no_unit():
    assert all(u != "人" for _c, _v, u in _got("电压应不大于 36 V，3人员以上同时操作时除外。"))
