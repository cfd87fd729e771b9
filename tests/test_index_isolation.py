"""`zmdocs index` parses each file in its own worker: one native abort costs one file, not the batch."""

from __future__ import annotations

import os

import pytest

from zmdocs.app import index_paths
from zmdocs.parse import registry

GOOD = ("GB/T {n}—2020\n\n1 范围\n本文件规定了电热水壶的要求。\n\n2 要求\n泄漏电流应不大于0.5 mA。\n"
        "\n3 试验方法\n按第2章进行试验。\n")


def read_abort(path):
    os.abort()


@pytest.fixture
def abort_reader():
    registry.register("crash-abort-index", (".abortidx",), f"{__name__}:read_abort")
    yield
    registry._READERS.pop("crash-abort-index", None)


@pytest.mark.parametrize("workers", [1, 2])
def test_one_abort_costs_one_file(abort_reader, tmp_path, workers):
    src = tmp_path / "in"
    src.mkdir()
    for n in range(1, 4):
        (src / f"good{n}.txt").write_text(GOOD.format(n=n), encoding="utf-8")
    (src / "bad.abortidx").write_text("x", encoding="utf-8")
    (src / "good0.txt").write_text(GOOD.format(n=9), encoding="utf-8")  # sorted before the bad file too
    summary = index_paths([src], tmp_path / "store", model="hash", workers=workers, progress=False)
    assert sorted(d["doc"] for d in summary["added"]) == [f"GB/T {n}—2020" for n in (1, 2, 3, 9)]
    assert all(d["clauses"] > 0 for d in summary["added"])
    assert len(summary["skipped"]) == 1, summary["skipped"]
    bad = summary["skipped"][0]
    assert bad["path"] == str((src / "bad.abortidx").resolve()) and "crashed the parser" in bad["reason"]
    assert summary["documents_total"] == 4
