"""Parse real documents of ../shared/corpus against hand-written gold (tests/data/real/parse/*.yaml).

Each gold file carries a `threshold:` block set at what zmdocs honestly reaches on it (minus a small
margin): clause precision/recall, heading accuracy, table recall and cover-field accuracy. Documents
are read in place and parsed once per session; the tests skip when the corpus folder is absent.
Scans and OCR-layer files (family scan/ocr) need the OCR reader and are marked slow, as are files
whose parse took long when measured (`threshold: {slow: true}`): `pytest -m "not slow"` leaves them out.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

from zmdocs.parse.evaluate import load_gold, score_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GOLD = sorted((Path(__file__).resolve().parent / "data" / "real" / "parse").glob("*.yaml"))
_OCR = {"scan", "ocr"}
_DEFAULTS = {"precision": 0.0, "recall": 0.0, "heading": 0.0, "tables": 0.0, "meta": 0.0}


def _params():
    out = []
    for g in GOLD:
        gold = load_gold(g) or {}
        slow = gold.get("family", "") in _OCR or (gold.get("threshold") or {}).get("slow")
        marks = [pytest.mark.slow] if slow else []
        out.append(pytest.param(g, id=g.stem, marks=marks))
    return out


@cache
def _scored(gold_path: Path) -> tuple[dict, dict]:
    from zmdocs.parse.registry import parse_file

    gold = load_gold(gold_path)
    doc = parse_file(CORPUS / gold["file"])
    return gold, score_document(doc, gold)


def _case(gold_path: Path) -> tuple[dict, dict, dict]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    gold = load_gold(gold_path)
    if not (CORPUS / gold["file"]).exists():
        pytest.skip(f"{gold['file']} is not in the corpus")
    if gold.get("family") in _OCR and importlib.util.find_spec("zmdocs.parse.ocr") is None:
        pytest.skip("needs the OCR reader (zmdocs.parse.ocr)")
    if "threshold" not in gold:
        pytest.skip("no threshold measured for this gold file yet")
    gold, score = _scored(gold_path)
    return gold, score, {**_DEFAULTS, **(gold.get("threshold") or {})}


@pytest.mark.parametrize("gold_path", _params())
def test_clauses(gold_path):
    gold, s, th = _case(gold_path)
    c = s["clauses"]
    assert c["recall"] >= th["recall"], f"recall {c['recall']} < {th['recall']}; missing {c['missing'][:20]}"
    assert c["precision"] >= th["precision"], f"precision {c['precision']} < {th['precision']}; extra {c['extra'][:20]}"
    assert c["heading_acc"] >= th["heading"], f"headings {c['heading_acc']}; wrong {c['wrong_heading'][:8]}"


@pytest.mark.parametrize("gold_path", _params())
def test_tables(gold_path):
    gold, s, th = _case(gold_path)
    t = s["tables"]
    assert t["recall"] >= th["tables"], f"table recall {t['recall']}; missing {t['missing'][:20]}"


@pytest.mark.parametrize("gold_path", _params())
def test_meta(gold_path):
    gold, s, th = _case(gold_path)
    m = s["meta"]
    assert m["accuracy"] >= th["meta"], f"cover fields wrong: {[k for k, v in m['fields'].items() if not v]}"
    for field in th.get("meta_fields", []):
        assert m["fields"].get(field), f"cover field {field} is wrong"
