"""Indicator extraction on real standards against hand-written gold (tests/data/real/indicators/*.yaml).

Each gold file names a document under ../shared/corpus/, the clause prefixes annotated exhaustively and
a `threshold` {precision, recall} set at the honest first-run figure (see FIRST_RUN_indicators_*.md).
Documents are read in place and parsed once per session; the tests skip when the corpus is absent.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from zmdocs.indicators.real_gold import GoldError, in_scope, load_real_gold, score_real

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GOLD_DIR = Path(__file__).resolve().parent / "data" / "real" / "indicators"
GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml"))

_parsed: dict[str, tuple] = {}


def _extracted(rel: str) -> tuple:
    """(Document, indicators) of a corpus file, parsed and extracted once per session."""
    if rel not in _parsed:
        from zmdocs.indicators import extract_document
        from zmdocs.parse.registry import parse_file

        doc = parse_file(CORPUS / rel)
        _parsed[rel] = (doc, extract_document(doc))
    return _parsed[rel]


@pytest.mark.slow
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_real_indicator_gold(gold_path: Path) -> None:
    gold = load_real_gold(gold_path)
    th = gold.get("threshold")
    if not th:
        pytest.skip(f"{gold_path.name} has no threshold yet")
    if not (CORPUS / gold["file"]).exists():
        pytest.skip(f"corpus document {gold['file']} not available")
    doc, inds = _extracted(gold["file"])
    res = score_real(doc, inds, gold)
    detail = f"P={res['precision']} R={res['recall']} (tp {res['tp']}, fp {res['fp']}, fn {res['fn']})"
    assert res["precision"] >= th["precision"], detail
    assert res["recall"] >= th["recall"], detail


def _micro(select) -> tuple[int, int, int, int]:
    """(tp, predicted, gold, role hits) summed over the gold files `select(gold)` picks."""
    tp = n_pred = n_gold = role_hits = 0
    for gp in GOLD_FILES:
        gold = load_real_gold(gp)
        if not select(gold):
            continue
        if not (CORPUS / gold["file"]).exists():
            pytest.skip(f"corpus document {gold['file']} not available")
        doc, inds = _extracted(gold["file"])
        res = score_real(doc, inds, gold)
        tp, n_pred, n_gold = tp + res["tp"], n_pred + res["tp"] + res["fp"], n_gold + res["tp"] + res["fn"]
        role_hits += round((res["role_accuracy"] or 0) * res["tp"])
    return tp, n_pred, n_gold, role_hits


@pytest.mark.slow
def test_real_gold_micro_precision_recall_and_role_accuracy() -> None:
    """Issue #11 done-when: micro P and R >= 0.9 (exact clause, comparator, value, unit) and role accuracy >= 0.9
    over the tuning files; files marked `held_out: true` are measured apart (bench/indicators.py) and not asserted,
    and files marked `stage: tuning` (held out until they were moved to the tuned set) are asserted by the next test."""
    tp, n_pred, n_gold, role_hits = _micro(lambda g: not g.get("held_out") and g.get("stage") != "tuning")
    detail = f"tp {tp}, predicted {n_pred}, gold {n_gold}, role hits {role_hits}"
    assert tp / n_pred >= 0.9, detail
    assert tp / n_gold >= 0.9, detail
    assert role_hits / tp >= 0.9, detail


@pytest.mark.slow
def test_real_gold_micro_on_files_being_tuned() -> None:
    """Files moved from the held-out set to the tuned set (`stage: tuning`): their micro P and R must not fall
    below the last measured figure less 0.03. On 2026-12-07 (fifth session) the fourth held-out batch and the
    `__heldout3` files of TrinkwV and 1. BImSchV joined at their held-out figures (P 0.817 / R 0.710 over 15 files);
    after that session's rules eight files passed 0.9 and joined the test above, and the seven left (UN R24
    `__heldout2`/`__heldout3`, UN R83 `__heldout3`, S-102, S-44 and R7 `__heldout2`, TrinkwV `__heldout4`) measure
    P 0.935 / R 0.793. On 2026-12-08 (sixth session) five files of the fifth held-out batch joined (GB 7258, JT/T 808,
    UN R48, UN R24, TrinkwV `__heldout5`; GB/T 19056 and the eCall draft stay held out with their documents): the
    twelve files measured P 0.807 / R 0.701 at release; after that session's rules six files passed 0.9 and joined
    the test above (GB 7258, JT/T 808 and TrinkwV `__heldout5`, TrinkwV `__heldout4`, S-102, S-44 `__heldout2`), and
    the six left (UN R24 `__heldout2`/`__heldout3`/`__heldout5`, UN R83 `__heldout3`, R7 `__heldout2`, R48
    `__heldout5`) measure P 0.893 / R 0.790. On 2026-12-08 (seventh session) eleven files of the sixth held-out
    batch joined (GB/T 19056, the eCall draft and GM/T 0030 stay held out with their documents): the seventeen files
    measured P 0.592 / R 0.581 at release; after that session's rules three files passed 0.9 and joined the test
    above (UN R83 `__heldout6`, GB 7258 and JT/T 808 `__heldout6`), and the fourteen left measure P 0.919 / R 0.792."""
    tp, n_pred, n_gold, _ = _micro(lambda g: g.get("stage") == "tuning")
    assert n_gold, "no gold file carries `stage: tuning`"
    detail = f"tp {tp}, predicted {n_pred}, gold {n_gold}"
    assert tp / max(n_pred, 1) >= 0.88, detail
    assert tp / n_gold >= 0.76, detail


def _ind(clause: str, comparator: str, value=None, unit: str = "", vmin=None, vmax=None) -> SimpleNamespace:
    return SimpleNamespace(clause=clause, comparator=comparator, value=value, min=vmin, max=vmax, unit=unit,
                           parameter="p", text="t")


def _gold(tmp_path: Path, body: str) -> dict:
    p = tmp_path / "g.yaml"
    p.write_text(body, encoding="utf-8")
    return load_real_gold(p)


def test_scope_prefix_whole_parts() -> None:
    assert in_scope("4.1.2", ["4.1"]) and in_scope("4.1", ["4.1"]) and in_scope("B.2.1", ["B"])
    assert not in_scope("4.10", ["4.1"]) and not in_scope("41", ["4"]) and not in_scope("C.1", ["B"])


def test_score_multiset_and_scope(tmp_path: Path) -> None:
    gold = _gold(tmp_path, """
file: x.pdf
scope: ["4.1", "B"]
indicators:
  - {clause: "4.1.2", parameter: "高", gold: "<= 1.1 m", role: requirement}
  - {clause: "4.1.2", parameter: "高", gold: "<= 1.1 m", role: requirement}
  - {clause: "B.2", parameter: "速度", gold: "range 40 60 km/h", role: test-condition}
""")
    doc = SimpleNamespace(clauses=[SimpleNamespace(id="X#4.1.2", number="4.1.2")])
    pred = [_ind("X#4.1.2", "<=", 1.1, "米"), _ind("X#4.1.2", "<=", 1.1, "m"), _ind("X#4.1.2", "<=", 1.1, "m"),
            _ind("X#B.2", "range", None, "km/h", 40, 60), _ind("X#4.10", "<=", 5, "m")]
    res = score_real(doc, pred, gold)
    assert (res["tp"], res["fp"], res["fn"]) == (3, 1, 0)  # 4.10 is out of scope, the third 1.1 m is extra
    assert res["precision"] == 0.75 and res["recall"] == 1.0
    assert res["role_accuracy"] is None and res["recall_by_role"] == {"requirement": 1.0, "test-condition": 1.0}
    assert res["false_positives"][0]["got"] == "<= 1.1 m"


def test_gold_outside_scope_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(GoldError):
        _gold(tmp_path, 'file: x.pdf\nscope: ["4"]\nindicators:\n'
                        '  - {clause: "5.1", parameter: p, gold: "<= 1 m", role: requirement}\n')
