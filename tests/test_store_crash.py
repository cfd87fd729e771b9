"""Killed and interrupted `zmdocs index` runs, and readers while a writer publishes.

The kill slice runs the seeded harness of bench/crash.py (SIGKILL at writer hooks and random
moments, SIGTERM while a new store is created, SIGINT): after every kill `info` and `search`
work on the previous state; the resuming runs end with exactly one copy of every good file.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zmdocs.app import index_paths
from zmdocs.errors import StoreError
from zmdocs.index import open_store, store_info

ROOT = Path(__file__).resolve().parents[1]


def _crash():
    spec = importlib.util.spec_from_file_location("zmdocs_bench_crash", ROOT / "bench" / "crash.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_kill_slice_loses_and_duplicates_nothing(tmp_path: Path):
    res = _crash().crash(kills=7, sigints=3, seed=20261201, out=tmp_path, complete_every=2, n_std=3)
    bad = [(t.get("phase") or t.get("at"), t["signal"], t["problems"]) for t in res["trials"] if t["problems"]]
    assert res["points"] == 10 and not bad, bad
    assert res["losses"] == 0 and res["duplicates"] == 0
    assert res["killed"] >= sum(t["kind"] == "hook" for t in res["trials"])  # every hook point kills a run
    hooks = {t["phase"] for t in res["trials"] if t["kind"] == "hook"}
    assert {"create", "embedded", "commit"} <= hooks  # the slice reaches the writer's critical points
    assert any(t["signal"] == "INT" and t["rc"] == 130 for t in res["trials"])


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, ZMDOCS_MODEL="hash", PYTHONPATH=str(ROOT), **extra)


def test_sigterm_while_creating_a_store_leaves_no_half_store(tmp_path: Path):
    """The issue's case: SIGTERM while a new store is made left `attempt to write a readonly database` forever."""
    crash = _crash()
    corpus = crash.make_corpus(tmp_path, 2, samples=False)
    store = tmp_path / "store"
    args = [sys.executable, "-m", "zmdocs.cli", "index", str(corpus), "--store", str(store), "-j", "1"]
    r = subprocess.run(args, env=_env(ZMDOCS_TEST_CRASH="create:1:TERM"), capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == -15
    assert not (store / "store.sqlite").exists()  # the database is made under a temp name and renamed whole
    with pytest.raises(StoreError, match="no zmdocs store here"):
        store_info(store)
    r = subprocess.run(args, env=_env(), capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "damaged.pdf" in r.stdout + r.stderr, r.stderr  # the damaged PDF is skipped
    assert store_info(store)["documents"] == 2
    assert not [p for p in store.iterdir() if p.name.startswith(".store.sqlite.new")]


def test_interrupt_inside_the_commit_keeps_the_previous_state(tmp_path: Path):
    crash = _crash()
    corpus = crash.make_corpus(tmp_path, 2, samples=False)
    store = tmp_path / "store"
    index_paths([str(corpus)], store, model="hash", workers=1, progress=False)
    crash.write_standard(corpus, 7)
    args = [sys.executable, "-m", "zmdocs.cli", "index", str(corpus), "--store", str(store), "-j", "1"]
    r = subprocess.run(args, env=_env(ZMDOCS_TEST_CRASH="commit:1:INT"), capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 130 and "Traceback" not in r.stderr, r.stderr
    info = store_info(store)
    assert info["documents"] == 2 and info["up_to_date"]  # rolled back: the published state is intact
    st = open_store(store)
    assert st.search(f"protection {crash.word(1)}", top=1)[0]["doc"] == "IEC 60001:2020"
    st.close()


WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from zmdocs.app import index_paths
import importlib.util
spec = importlib.util.spec_from_file_location("c", {crash!r}); c = importlib.util.module_from_spec(spec)
sys.modules["c"] = c; spec.loader.exec_module(c)
corpus, store = Path({corpus!r}), Path({store!r})
for i in range({n}):
    c.write_standard(corpus, i % 3, edit=i + 1)
    index_paths([str(corpus)], store, model="hash", workers=1, progress=False)
    print("published", i, flush=True)
"""


def test_readers_see_one_whole_generation_while_a_writer_publishes(tmp_path: Path):
    """Searches opened while `index` publishes new generations (old files deleted) never fail."""
    crash = _crash()
    corpus = crash.make_corpus(tmp_path, 3, samples=False)
    (corpus / "damaged.pdf").unlink()
    store = tmp_path / "store"
    index_paths([str(corpus)], store, model="hash", workers=1, progress=False)
    code = WRITER.format(root=str(ROOT), crash=str(ROOT / "bench" / "crash.py"), corpus=str(corpus), store=str(store), n=8)
    proc = subprocess.Popen([sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    errors, searches, generations = [], 0, set()
    deadline = time.time() + 240
    try:
        while proc.poll() is None and time.time() < deadline:
            try:
                st = open_store(store)
                generations.add(st.manifest.get("generation"))
                hits = st.search(f"protection {crash.word(searches % 3)}", top=3)
                st.search("leakage current at operating temperature", top=3, lang="en")
                st.close()
                if not hits:
                    errors.append("no hits")
            except Exception as e:  # any failure of a reader is what this test counts
                errors.append(f"{type(e).__name__}: {e}")
            searches += 1
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0, proc.stderr.read().decode()[-2000:]
    assert searches >= 5 and len(generations) >= 2, (searches, generations)
    assert not errors, errors[:5]
