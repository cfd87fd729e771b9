"""The hand-annotated gold set: size requirements and micro precision/recall >= 0.95."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.indicators.evaluate import count_gold, item_lang, load_gold, parse_gold, score

GOLD = Path(__file__).resolve().parent / "data" / "indicators"


@pytest.fixture(scope="module")
def gold_items() -> list[dict]:
    return load_gold(GOLD)


def _by_lang(items: list[dict], langs: tuple[str, ...]) -> list[dict]:
    return [it for it in items if item_lang(it) in langs]


def test_gold_set_size(gold_items):
    assert count_gold(gold_items) >= 300
    assert count_gold(_by_lang(gold_items, ("zh",))) >= 150
    assert count_gold(_by_lang(gold_items, ("en",))) >= 100
    assert count_gold(_by_lang(gold_items, ("de", "fr"))) >= 50
    # prose and tables, positives and negatives
    assert any("table" in it for it in gold_items)
    assert sum(1 for it in gold_items if not it.get("gold")) >= 20


def test_gold_entries_parse(gold_items):
    for it in gold_items:
        for s in it.get("gold", []):
            comp, val, _unit = parse_gold(s)
            assert comp in ("<=", ">=", "<", ">", "=", "range", "tolerance"), (it["id"], s)
            assert val is not None, (it["id"], s)


@pytest.mark.parametrize("langs", [("zh",), ("en",), ("de", "fr")], ids=["zh", "en", "de-fr"])
def test_precision_recall_per_language(gold_items, langs):
    sc = score(_by_lang(gold_items, langs))
    assert sc.precision >= 0.95 and sc.recall >= 0.95, sc.errors


def test_precision_recall_micro(gold_items):
    sc = score(gold_items)
    assert sc.precision >= 0.95, sc.errors
    assert sc.recall >= 0.95, sc.errors
