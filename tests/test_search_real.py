"""Cross-lingual recall over a mixed store: the kettle samples plus real documents of ../shared/corpus.

`tests/data/search/real_queries.yaml` holds 96 queries (zh, zh-Hant -> en/de; en -> zh) with
the relevant (document, clause) pairs judged by hand before the search was tuned. The store
is built once per code version and checkout (incremental index into a folder under the temp dir keyed by
the source of zmdocs and the query file), so a re-run of an unchanged tree is fast.

Figures (default model, 133 cross-lingual pairs): recall@5 0.226 with the search of zmdocs 0.1,
0.556 with the language-aware fusion (2026-12-01), 0.564 -> 0.752 on 2026-12-02 with heading-path
vectors, adoption/draft echo, script-weighted BM25 and damping from the best language down.
Those changes were tuned on the even-numbered queries only (`gold.halves`); the odd half, not
looked at, went 0.667 -> 0.773 (the tune half 0.463 -> 0.731). After the later parse changes of
that day the fresh store measures 0.737 (tune 0.716, held out 0.758; bench/search.py).
2026-12-03: the cross-lingual term channel (`zmdocs.index.crossterms`: the query's glossary terms
said in each other language, BM25 there) takes it to 0.789 (tune 0.806, held out 0.773); the
threshold sits about 0.02 below that. Later that day: the glossary's general `terms:`, a document
title's terms lent to its clauses, and damping after the same-language cosine bonus is taken off
(`fusion.SCRIPT_OFFSET`): 0.850 (tune 0.910; the held-out half was read once, in aggregate).

The odd half had been read in aggregate too often to stay clean evidence, so on 2026-12-03 (second
session) a fresh held-out set, `real_queries_heldout2.yaml` (70 queries, 117 cross-lingual pairs over
the same store, Chinese queries whose foreign counterparts sit beside Chinese standards saying nearly
the same, English and German queries with Chinese counterparts), was judged by hand and measured once
before that session's changes: 0.530. 2026-12-07: the old set measured 0.925 and that set 0.564 on
a fresh store; it became a tuning file (its misses read by kind) and a third set,
`real_queries_heldout3.yaml` (50 queries, 77 cross-lingual pairs, other topics), was judged by hand
and measured once before any change: 0.649. The clause context in the dense ranking
(`zmdocs.index.context`: parent heading and document title) took the tuning set to 0.615, the old
set stayed at 0.925, and the third set stayed at 0.649 (measured only; its test prints no misses).
Later on 2026-12-07 (the second set measured 0.607 on a fresh store at the start): term entries damped
for queries that ask no definition (`fusion.TERMS_DAMP`) and the store's own bilingual term names in the
cross-lingual channel (`zmdocs.index.mined`): old set 0.925 -> 0.932, second set 0.607 -> 0.641; the
third set, measured once before (0.649) and once after (0.727), measured only.
2026-12-08: a fourth set, `real_queries_heldout4.yaml` (67 queries, 85 cross-lingual pairs, new topics), was
judged by hand and measured once before any change: 0.659; the third set was released for tuning. General
requirement words of the tuning files' misses in the glossary's `terms:`, the section context of the term
channel (`zmdocs.index.sections`) and the fusion of a language where the query's terms found nothing
(`fusion.EMPTY_XLEX`): old set 0.932 -> 0.947, second set 0.641 -> 0.769, third 0.727 -> 0.805; the fourth,
measured only, 0.659 -> 0.694.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
QUERIES = ROOT / "tests" / "data" / "search" / "real_queries.yaml"
# a second set (written 2026-12-03 before that session's search changes; held out until 2026-12-07, a tuning file since)
HELDOUT2 = ROOT / "tests" / "data" / "search" / "real_queries_heldout2.yaml"
# the third set (written 2026-12-07 before that session's search changes; held out until 2026-12-08, a tuning file since)
HELDOUT3 = ROOT / "tests" / "data" / "search" / "real_queries_heldout3.yaml"
# the fourth set (written 2026-12-08 before that session's search changes; held out: measured only)
HELDOUT4 = ROOT / "tests" / "data" / "search" / "real_queries_heldout4.yaml"
HELDOUT3_MEASURED = 0.805  # 2026-12-08, tuned on since that day (first run 0.649, 0.727 while held out); asserted minus 0.03


def _code_key() -> str:
    h = hashlib.sha1()
    for p in sorted((ROOT / "zmdocs").rglob("*.py")):
        h.update(p.read_bytes())
    h.update(QUERIES.read_bytes())
    # the store keys documents by absolute path: a checkout elsewhere must not reuse it
    h.update(f"{ROOT}\0{SHARED.resolve()}".encode())
    return h.hexdigest()[:12]


@pytest.fixture(scope="session")
def gold_set():
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is absent")
    from zmdocs.index import gold

    data = gold.load(QUERIES, ROOT, SHARED)
    missing = [str(d["path"]) for d in data["documents"].values() if not d["path"].exists()]
    if missing:
        pytest.skip(f"corpus files absent: {missing}")
    return data


@pytest.fixture(scope="session")
def mixed_store(gold_set):
    from zmdocs.app import index_paths
    from zmdocs.index import open_store

    # ZMDOCS_TEST_MIXED_STORE: a store folder to reuse while developing (indexed incrementally)
    store = Path(os.environ.get("ZMDOCS_TEST_MIXED_STORE") or Path(tempfile.gettempdir()) / f"zmdocs-test-mixed-store-{_code_key()}")
    paths = [str(d["path"]) for d in gold_set["documents"].values()]
    summary = index_paths(paths, store, model=None, workers=2, progress=False)
    assert not summary["skipped"], summary["skipped"]
    return open_store(store)


def test_query_file_shape():
    from zmdocs.index import gold

    data = gold.load(QUERIES, ROOT, SHARED)
    qs = data["queries"]
    assert len(qs) >= 60
    langs = {q["lang"] for q in qs}
    assert {"zh", "zh-Hant", "en"} <= langs
    assert sum(q["lang"] == "en" for q in qs) >= 15 and sum(q["lang"] == "zh-Hant" for q in qs) >= 10
    assert all(q["relevant"] and all(d in data["documents"] for d, _ in q["relevant"]) for q in qs)


@pytest.mark.model
@pytest.mark.slow
def test_judged_pairs_exist(mixed_store, gold_set):
    from zmdocs.index import gold

    assert gold.check_pairs(mixed_store, gold_set) == []


@pytest.mark.model
@pytest.mark.slow
def test_cross_lingual_recall_at_5(mixed_store, gold_set):
    from zmdocs.index import gold

    r, n, misses = gold.recall(mixed_store, gold_set, 5)
    tune, held = (gold.recall(mixed_store, half, 5)[0] for half in gold.halves(gold_set))
    print(f"cross-lingual recall@5 = {r:.3f} over {n} pairs (tune half {tune:.3f}, held-out half {held:.3f})")
    assert n >= 120
    assert r >= 0.90, "\n".join(misses)  # issue #13 done-when; measured 0.925 (tune half 0.940, held-out half 0.909), 2026-12-03


@pytest.mark.parametrize("path", [HELDOUT2, HELDOUT3, HELDOUT4], ids=["heldout2", "heldout3", "heldout4"])
def test_fresh_heldout_file_shape(gold_set, path):
    """The later sets judge clauses of the same store (same documents), so one build serves all four."""
    from zmdocs.index import gold

    data = gold.load(path, ROOT, SHARED)
    qs = data["queries"]
    assert len(qs) >= 30 and isinstance(data["first_run"], float)
    assert {d["file"] for d in data["documents"].values()} == {d["file"] for d in gold_set["documents"].values()}
    assert {"zh", "zh-Hant", "en", "de"} <= {q["lang"] for q in qs}
    assert all(q["relevant"] and all(d in data["documents"] for d, _ in q["relevant"]) for q in qs)
    assert data.get("stage") == "tuning" if path != HELDOUT4 else data.get("held_out") is True


@pytest.mark.model
@pytest.mark.slow
def test_fresh_heldout_recall_at_5(mixed_store):
    """The second set, a tuning file since 2026-12-07: measured 0.769 (first run 0.530, 0.564 on the store of
    2026-12-07 before that day's changes, 0.615 after the first, 0.641 after the second, 0.769 on 2026-12-08)."""
    from zmdocs.index import gold

    data = gold.load(HELDOUT2, ROOT, SHARED)
    assert gold.check_pairs(mixed_store, data) == []
    r, n, misses = gold.recall(mixed_store, data, 5)
    print(f"second set (tuning) cross-lingual recall@5 = {r:.3f} over {n} pairs (first run {data['first_run']:.3f})")
    assert n >= 100
    assert r >= 0.739, "\n".join(misses)  # measured 0.769 on 2026-12-08, minus 0.03


@pytest.mark.model
@pytest.mark.slow
def test_third_heldout_recall_at_5(mixed_store):
    """The third set, a tuning file since 2026-12-08 (held out before: 0.649 first run, 0.727 measured)."""
    from zmdocs.index import gold

    data = gold.load(HELDOUT3, ROOT, SHARED)
    assert gold.check_pairs(mixed_store, data) == []
    r, n, misses = gold.recall(mixed_store, data, 5)
    print(f"third set (tuning) cross-lingual recall@5 = {r:.3f} over {n} pairs (first run {data['first_run']:.3f})")
    assert n >= 70
    assert r >= HELDOUT3_MEASURED - 0.03, "\n".join(misses)


@pytest.mark.model
@pytest.mark.slow
def test_fourth_heldout_recall_at_5(mixed_store):
    """Measure only, like the third set: the misses are not printed."""
    from zmdocs.index import gold

    data = gold.load(HELDOUT4, ROOT, SHARED)
    assert gold.check_pairs(mixed_store, data) == []
    r, n, _ = gold.recall(mixed_store, data, 5)
    print(f"fourth held-out cross-lingual recall@5 = {r:.3f} over {n} pairs (first run {data['first_run']:.3f})")
    assert n >= 80
    assert r >= data["first_run"] - 0.03


@pytest.mark.model
@pytest.mark.slow
def test_counterparts_in_other_languages_reach_the_top(mixed_store):
    """The issue's example: an English query finds the GB and DIN clauses that say the same, not only the IEC one."""
    res = mixed_store.search("leakage current after humidity treatment", top=5)
    assert {r["lang"] for r in res} >= {"en", "de", "zh"}
    got = {(r["doc"], r["clause"]) for r in res}
    assert ("IEC 60335-2-15:2016", "16.2") in got and ("DIN EN 60335-2-15:2020", "16.2") in got
    zh = mixed_store.search("潮湿处理后的泄漏电流", top=5)
    assert {r["lang"] for r in zh} != {"zh"}
    per = mixed_store.search("潮湿处理后的泄漏电流", top=5, per_lang=2)
    assert {r["lang"] for r in per} == set(mixed_store.languages()) and len(per) == 2 * len(mixed_store.languages())
