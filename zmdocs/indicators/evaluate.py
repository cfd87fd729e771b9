"""Scoring indicator extraction against the hand-annotated gold set (tests/data/indicators/*.yaml).

A gold item is a passage (`text`) or a table (`table`: rows, header_rows, footnotes, number,
caption) with its clause and the indicators a reader finds in it, written as strings:
"<= 0.25 mA", ">= IPX4", "range 18 28 °C", "tolerance 50 45 55 Hz", "= 1250 V", ">= 0.95".
Matching is exact on (clause, comparator, value or (min, max), unit symbol), micro-averaged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zmdocs.indicators.common import gold_tuple
from zmdocs.model import Indicator, Table
from zmdocs.text.numbers import parse_number


def parse_gold(s: str) -> tuple:
    """A gold string as the tuple `gold_tuple` gives for an indicator."""
    parts = s.split()
    comp = parts[0]
    if comp == "range":
        d = {"comparator": comp, "min": float(parts[1]), "max": float(parts[2]), "unit": " ".join(parts[3:])}
    elif comp == "tolerance":
        d = {"comparator": comp, "value": float(parts[1]), "min": float(parts[2]), "max": float(parts[3]),
             "unit": " ".join(parts[4:])}
    else:
        v: Any = parse_number(parts[1], "en")
        v = parts[1] if v is None else v
        d = {"comparator": comp, "value": float(v) if isinstance(v, (int, float)) else v, "unit": " ".join(parts[2:])}
    return gold_tuple(d)


def load_gold(folder: str | Path, pattern: str = "gold_*.yaml") -> list[dict]:
    """All gold items of a folder, each with "lang" (file default or item) and "source" (file stem)."""
    import yaml

    items = []
    for p in sorted(Path(folder).glob(pattern)):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        default_lang = p.stem.split("_", 1)[1].split("_")[0] if "_" in p.stem else None
        for it in data:
            it.setdefault("lang", default_lang if default_lang in ("zh", "en", "de", "fr") else None)
            it["source"] = p.stem
            items.append(it)
    return items


def predict(item: dict) -> list[Indicator]:
    """Run zmdocs on one gold item (passage or table)."""
    from zmdocs.indicators import extract_table, extract_text

    clause = str(item.get("clause", ""))
    if "table" in item:
        t = item["table"]
        table = Table(id=item["id"], number=t.get("number", ""), caption=t.get("caption", ""), clause=clause,
                      header_rows=t.get("header_rows", 1), rows=t["rows"], footnotes=t.get("footnotes", []))
        return extract_table(table, lang=item.get("lang"))
    return extract_text(item["text"], lang=item.get("lang"), clause=clause, context=item.get("heading", ""))


def item_lang(item: dict) -> str:
    from zmdocs.text.lang import guess_lang

    if item.get("lang"):
        return item["lang"]
    if "table" in item:
        return guess_lang(" ".join(c for r in item["table"]["rows"] for c in r))
    return guess_lang(item["text"])


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, item_id: str, gold: list[tuple], pred: list[tuple]) -> None:
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp
        if g != p:
            self.errors.append({"id": item_id, "missing": sorted(map(str, (g - p).elements())),
                                "extra": sorted(map(str, (p - g).elements()))})


def score(items: list[dict], predictor=predict) -> Score:
    """Micro precision/recall on exact (clause, comparator, value, unit)."""
    sc = Score()
    for it in items:
        clause = str(it.get("clause", ""))
        gold = [(clause, *parse_gold(s)) for s in it.get("gold", [])]
        pred = [(str(i.clause or clause), *gold_tuple(i)) for i in predictor(it)]
        sc.add(it["id"], gold, pred)
    return sc


def count_gold(items: list[dict]) -> int:
    return sum(len(it.get("gold", [])) for it in items)
