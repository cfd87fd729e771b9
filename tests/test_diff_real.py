"""`zmdocs diff` on a real 征求意见稿 and its final GB against a hand comparison written first.

tests/data/diff/gb45672_draft_vs_final.yaml lists the changes a careful reading of both PDFs finds
(written before the diff code). A hand change counts as found when the diff reports a change of
the same kind at the same clause(s) (and, for indicators, with the same value). Skipped when
../shared/corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from zmdocs.diff import Change, diff_documents
from zmdocs.diff.text import key, ratio
from zmdocs.report.diff import foreword_lines, render_diff

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GOLD = Path(__file__).resolve().parent / "data" / "diff" / "gb45672_draft_vs_final.yaml"
# measured on 2026-12-01: the first run of the code found 59 of 63 hand changes (0.937); after work on
# merged clauses and on limits the extractor reads in one edition only, 63 of 63. The code was developed
# watching this pair, so the threshold stays near the first run.
MIN_RECALL = 0.93


def _num(x) -> str:
    f = float(x)
    return str(int(f)) if f == int(f) else str(f)


def _clauses(h: dict, side: str) -> set[str]:
    v = h.get(side)
    return ({v} | set(h.get("alt", []))) if v else set()


def _values_ok(h: dict, c: Change) -> bool:
    if h.get("new_value") is not None and h["kind"] != "indicator-deleted":
        if _num(h["new_value"]) not in c.new_value:
            return False
    if h["kind"] == "indicator-deleted" and h.get("old_value") is not None:
        vals = h["old_value"] if isinstance(h["old_value"], list) else [h["old_value"]]
        if not any(_num(v) in c.old_value for v in vals):
            return False
    if h.get("old_comparator") and h.get("old_comparator") != h.get("new_comparator"):
        return "comparator" in c.aspects
    return True


def matches(h: dict, c: Change) -> bool:
    """Whether the reported change `c` is the hand change `h`."""
    olds, news, kind = _clauses(h, "old"), _clauses(h, "new"), h["kind"]
    if kind == "clause-added":
        return c.kind == kind and (c.new_clause in news or bool(news & set(c.children)))
    if kind == "clause-deleted":  # a clause merged into another is deleted as a clause of its own
        merged = c.kind == "clause-changed" and "merged" in c.aspects and c.old_clause in olds
        return merged or (c.kind == kind and (c.old_clause in olds or bool(olds & set(c.children))))
    if kind == "clause-renumbered":
        return c.kind == kind and c.old_clause == h["old"] and c.new_clause == h["new"]
    if kind == "clause-changed":
        return c.kind == kind and c.old_clause in olds and c.new_clause in news
    if kind == "indicator-moved":
        return (c.kind in ("indicator-moved", "indicator-changed") and c.old_clause in olds and c.new_clause in news
                and _values_ok(h, c))
    if kind.startswith("indicator-"):
        return (c.kind == kind and (not olds or c.old_clause in olds) and (not news or c.new_clause in news)
                and _values_ok(h, c))
    if kind.startswith("row-"):
        same_row = ratio(key(h["row"]), key(c.parameter.split(" / ")[0])) >= 0.8
        return (c.kind == kind and same_row and (not olds or c.old_clause in olds)
                and (not news or c.new_clause in news))
    raise AssertionError(f"unknown hand kind {kind}")


@pytest.fixture(scope="module")
def ecall_diff():
    old, new = CORPUS / "cn-draft" / "gb-aecs-draft-zqyj.pdf", CORPUS / "cn-product" / "gb45672-2025-aecs.pdf"
    if not (old.exists() and new.exists()):
        pytest.skip("../shared/corpus is absent")
    from zmdocs.app import prepare
    from zmdocs.parse.registry import parse_file

    return diff_documents(prepare(parse_file(old, ocr="off")), prepare(parse_file(new, ocr="off")))


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def test_hand_list_is_well_formed(gold):
    kinds = {"clause-added", "clause-deleted", "clause-renumbered", "clause-changed", "indicator-changed",
             "indicator-added", "indicator-deleted", "indicator-moved", "row-added", "row-deleted", "row-changed"}
    ids = [h["id"] for h in gold["changes"]]
    assert len(ids) == len(set(ids)) >= 60
    assert {h["kind"] for h in gold["changes"]} <= kinds


@pytest.mark.slow
def test_diff_recalls_the_hand_list(ecall_diff, gold):
    missed = [h for h in gold["changes"] if not any(matches(h, c) for c in ecall_diff.changes)]
    recall = 1 - len(missed) / len(gold["changes"])
    print(f"recall {recall:.3f} ({len(gold['changes']) - len(missed)}/{len(gold['changes'])}); missed:",
          [f"{h['id']} {h['kind']} {h.get('old')}→{h.get('new')}" for h in missed])
    assert recall >= MIN_RECALL


@pytest.mark.slow
def test_every_changed_value_is_found(ecall_diff, gold):
    """The changed limits are what a reviewer checks first: all of them, with old and new values."""
    for h in gold["changes"]:
        if h["kind"] == "indicator-changed" and h.get("old_value") != h.get("new_value"):
            hits = [c for c in ecall_diff.changes if matches(h, c)]
            assert hits, h["id"]
            assert _num(h["old_value"]) in hits[0].old_value, (h["id"], hits[0].old_value)


@pytest.mark.slow
def test_unchanged_limits_are_not_reported(ecall_diff, gold):
    for u in gold["unchanged"]:
        v = _num(u["value"])
        bad = [c for c in ecall_diff.of_kind("indicator-changed", "indicator-added", "indicator-deleted")
               if u["clause"] in (c.old_clause, c.new_clause) and (v in c.old_value.split() or v in c.new_value.split())]
        assert not bad, (u, bad)


@pytest.mark.slow
def test_foreword_wording_on_the_real_pair(ecall_diff):
    lines = foreword_lines(ecall_diff, "zh")
    assert lines[0] == f"与{ecall_diff.old_id}相比，除结构调整和编辑性改动外，主要技术变化如下："
    assert lines[1].startswith("a) ") and lines[-1].endswith("。")
    assert all(ln.endswith("；") for ln in lines[1:-1])
    frontal = [ln for ln in lines if "26.6" in ln]
    assert frontal and "25 ± 1 km/h" in frontal[0] and "见B.2.1.1.2" in frontal[0] and "原文件的B.2.1.1" in frontal[0]
    en = render_diff(ecall_diff, "md", "en")
    assert "Compared with" in en and "main technical changes are as follows:" in en
