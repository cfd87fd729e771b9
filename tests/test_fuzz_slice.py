"""A seeded slice of the fuzz harness (bench/fuzz.py): ~100 malformed files made from the samples,
each through `zmdocs parse` in its own process; none may end in a traceback, a hang, an abort,
a memory kill, an unexpected internal error or a message that does not name the file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _fuzz():
    spec = importlib.util.spec_from_file_location("zmdocs_bench_fuzz", ROOT / "bench" / "fuzz.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the file executes
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_fuzz_slice_has_no_bad_endings(tmp_path):
    fuzz = _fuzz()
    cats, results = fuzz.fuzz(n=100, seed=20261201, jobs=2, timeout=90, mem_mb=4096, use_corpus=False,
                              out=tmp_path, pythonpath=None, show=20)
    assert sum(cats.values()) == 100
    assert cats.get("ok", 0) >= 10 and cats.get("refused", 0) >= 10  # the slice exercises both endings
    bad = [(r["category"], r["path"], r["stderr"][-300:]) for r in results if r["category"] in fuzz.BAD]
    assert not bad


def test_classify_names_each_bad_ending():
    fuzz = _fuzz()
    f = "/x/a.pdf"
    assert fuzz.classify(f, 1, "Traceback (most recent call last):\n  ...\nKeyError: 1\n", False) == "traceback"
    assert fuzz.classify(f, -9, "", True) == "hang"
    assert fuzz.classify(f, -6, "Fatal Python error: Aborted", False) == "abort"
    assert fuzz.classify(f, 1, "Traceback (most recent call last):\nMemoryError\n", False) == "memory"
    assert fuzz.classify(f, 1, "zmdocs: error: something broke\n", False) == "unnamed"
    assert fuzz.classify(f, 1, f"zmdocs: error: {f}: could not be parsed: unexpected KeyError: 1 — …\n", False) == "internal"
    assert fuzz.classify(f, 1, f"zmdocs: error: {f}: is corrupt — re-save it\n", False) == "refused"
    assert fuzz.classify(f, 0, "", False) == "ok"
