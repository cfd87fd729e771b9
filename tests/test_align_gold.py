"""Clause-pair F1 against gold alignments, with the real default model (cross-language).

Thresholds from issue 4: F1 >= 0.95 on translation-like pairs, >= 0.85 on non-translation pairs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zmdocs.align import align_documents
from zmdocs.align.evaluate import outline_document, score_alignment
from zmdocs.app import load_prepared, prepare

ALIGN = Path(__file__).resolve().parent / "data" / "align"
GOLD_SAMPLES = Path(__file__).resolve().parent / "data" / "gold" / "align"
THRESHOLD = {"translation": 0.95, "free": 0.85}
# the steam-iron free pair guards the free-mode evidence against fitting the kettle sample
OWN_FLOOR = {"iron-gold.json": 0.95}


def _outline(name: str):
    return prepare(outline_document((ALIGN / name).read_text(encoding="utf-8")))


@pytest.mark.model
@pytest.mark.parametrize("gold_name, expect_mode", [("ricecooker-gold.json", "translation"), ("iron-gold.json", "free")])
def test_own_bilingual_pairs(gold_name, expect_mode):
    gold = json.loads((ALIGN / gold_name).read_text(encoding="utf-8"))
    r = align_documents(_outline(gold["a"]), _outline(gold["b"]))
    assert r.mode == expect_mode, r.mode_reason
    f = score_alignment(r, gold)
    assert f["f1"] >= OWN_FLOOR.get(gold_name, THRESHOLD[gold["regime"]]), f
    if "unmatched_a" in gold:
        assert set(r.unmatched_a) == set(gold["unmatched_a"])
        assert set(r.unmatched_b) == set(gold["unmatched_b"])


@pytest.mark.model
def test_translation_pair_degree_and_deviations():
    gold = json.loads((ALIGN / "ricecooker-gold.json").read_text(encoding="utf-8"))
    r = align_documents(_outline(gold["a"]), _outline(gold["b"]))
    assert r.adoption["estimate"] == "MOD"  # restructured, clauses added and deleted
    added = {d["clause"] for d in r.deviations if d["type"] == "added"}
    deleted = {d["clause"] for d in r.deviations if d["type"] == "deleted"}
    assert added == {"9", "9.1", "9.2"} and deleted == {"6.8", "B", "B.1"}


def _sample_golds() -> list[Path]:
    return sorted(GOLD_SAMPLES.glob("*__*.json")) if GOLD_SAMPLES.is_dir() else []


def _sample_file(stem: str, samples_dir: Path) -> Path:
    found = [p for p in sorted(samples_dir.glob(stem + ".*")) if p.suffix.lower() in (".pdf", ".docx", ".txt", ".md")]
    if not found:
        pytest.skip(f"sample {stem} not in {samples_dir}")
    return found[0]


_DOCS: dict[str, object] = {}


def _sample_doc(stem: str, samples_dir: Path):
    if stem not in _DOCS:
        _DOCS[stem] = load_prepared(_sample_file(stem, samples_dir))
    return _DOCS[stem]


# Measured on the kettle samples (2026-11-23): GB<->IEC 0.99, DIN<->IEC 0.98, T/ZZB<->IEC 0.92
# (0.65 before the free-mode evidence of zmdocs/align/evidence.py: citations, consolidated limits,
# test method -> tested requirement, chapter kinds).


@pytest.mark.model
@pytest.mark.parametrize("gold_path", _sample_golds(), ids=lambda p: p.stem.split("__")[0])
def test_sample_gold_alignments(gold_path, samples_dir):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    stem_a, stem_b = gold_path.stem.split("__")
    a, b = _sample_doc(stem_a, samples_dir), _sample_doc(stem_b, samples_dir)
    r = align_documents(a, b)
    regime = gold.get("mode") or gold.get("regime")
    assert r.mode == regime, r.mode_reason
    f = score_alignment(r, gold)
    assert f["f1"] >= THRESHOLD[regime], (r.mode_reason, f)


@pytest.mark.model
def test_sample_free_pair_reaches_issue_target(samples_dir):
    golds = [p for p in _sample_golds() if json.loads(p.read_text(encoding="utf-8")).get("mode") == "free"]
    if not golds:
        pytest.skip("no free-mode sample gold")
    for p in golds:
        gold = json.loads(p.read_text(encoding="utf-8"))
        stem_a, stem_b = p.stem.split("__")
        r = align_documents(_sample_doc(stem_a, samples_dir), _sample_doc(stem_b, samples_dir))
        f = score_alignment(r, gold)
        assert f["f1"] >= THRESHOLD["free"], (p.name, f)
        assert f["precision"] >= 0.8 and f["recall"] >= 0.8, (p.name, f)
        # the evidence is read from both texts: the same pairs come out with the documents swapped
        r2 = align_documents(_sample_doc(stem_b, samples_dir), _sample_doc(stem_a, samples_dir), mode="free")
        swapped = {"pairs": [{"a": q["b"], "b": q["a"]} for q in gold["pairs"]]}
        assert score_alignment(r2, swapped)["f1"] >= THRESHOLD["free"], p.name
