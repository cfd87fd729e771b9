"""Damaged stores: every case gives one `the index is damaged (…) — run zmdocs index --repair` line
(no traceback, no silently wrong results), and `zmdocs index --repair` restores a store that answers
the same queries. Uses the deterministic `hash` embedder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from zmdocs.app import index_paths
from zmdocs.cli import cli
from zmdocs.index import open_store, store_info
from zmdocs.index.store import MANIFEST, VECTORS

STANDARDS = {
    "gb.md": """GB 4706.19—2024
家用和类似用途电器的安全 电热水壶的特殊要求

1 范围
本文件规定了额定电压不大于250 V的家用电热水壶的安全要求。

2 技术要求

2.1 泄漏电流
器具在工作温度下的泄漏电流不应大于0.75 mA。

2.2 电气强度
绝缘应能承受1250 V的试验电压，历时1 min，不应发生击穿。

2.3 噪声
电热水壶工作时的A计权声功率级不应大于60 dB(A)。
""",
    "iec.md": """IEC 60335-2-15:2016
Household and similar electrical appliances - Safety - Part 2-15: Particular requirements for electric kettles

1 Scope
This International Standard deals with the safety of electric kettles with a rated voltage not more than 250 V.

2 Leakage current

2.1 Leakage current at operating temperature
The leakage current at operating temperature shall not exceed 0.75 mA for class I portable appliances.

3 Abnormal operation

3.1 Boil-dry protection
Kettles shall switch off automatically when operated empty, and the thermal cut-out shall not reset.
""",
}
QUERIES = ["泄漏电流不应大于0.75 mA", "boil-dry protection thermal cut-out", "电气强度 试验电压"]


def answers(store: Path) -> list[list[tuple[str, str]]]:
    st = open_store(store)
    try:
        return [[(r["doc"], r["clause"]) for r in st.search(q, top=3)] for q in QUERIES]
    finally:
        st.close()


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> tuple[Path, Path, list]:
    root = tmp_path_factory.mktemp("damage")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in STANDARDS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    store = root / "store"
    index_paths([str(corpus)], store, model="hash", workers=1, progress=False)
    return corpus, store, answers(store)


@pytest.fixture()
def store(good_store, tmp_path: Path) -> Path:
    dst = tmp_path / "store"
    shutil.copytree(good_store[1], dst)
    return dst


def zm(*args) -> tuple[int, str]:
    r = CliRunner().invoke(cli, [str(a) for a in args], env={"ZMDOCS_MODEL": "hash"})
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.output  # stdout and stderr


def assert_damaged(store: Path, *commands: str) -> None:
    for cmd in commands:
        args = {"info": ["info"], "search": ["search", "leakage current"], "index": ["index", store.parent / "nothing"]}[cmd]
        code, err = zm(*args, "--store", store)
        assert code == 1, (cmd, err)
        assert "Traceback" not in err
        line = [ln for ln in err.splitlines() if ln.startswith("zmdocs: error:")]
        assert len(line) == 1 and "the index is damaged" in line[0], (cmd, err)
        assert f"zmdocs index --repair --store {store}" in line[0]


def repair_restores(store: Path, good: list) -> str:
    code, out = zm("index", "--repair", "--store", store)
    assert code == 0, out
    assert answers(store) == good
    code, _ = zm("info", "--store", store)
    assert code == 0
    return out


def _files(store: Path, prefix: str) -> list[Path]:
    return [p for p in store.iterdir() if p.name.startswith(prefix)]


def _truncate(p: Path, keep: float) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * keep)])


def _checkpoint(store: Path) -> None:
    import sqlite3

    con = sqlite3.connect(store / "store.sqlite")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


@pytest.mark.parametrize("how", ["garbage", "truncated", "empty"])
def test_damaged_database(good_store, store: Path, how: str):
    _checkpoint(store)
    db = store / "store.sqlite"
    if how == "garbage":
        db.write_bytes(np.random.default_rng(0).bytes(db.stat().st_size))
    elif how == "truncated":
        _truncate(db, 0.5)
    else:
        db.write_bytes(b"")
    for extra in ("store.sqlite-wal", "store.sqlite-shm"):
        (store / extra).unlink(missing_ok=True)
    assert_damaged(store, "info", "search", "index")
    out = repair_restores(store, good_store[2])  # re-indexed from the sources recorded in sources.json
    assert "database lost" in out and store_info(store)["documents"] == len(STANDARDS)


@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_damaged_faiss(good_store, store: Path, how: str, monkeypatch):
    monkeypatch.setenv("ZMDOCS_NUMPY_MAX", "0")  # make search load FAISS (small stores skip it)
    (f,) = _files(store, "faiss-")
    if how == "garbage":
        f.write_bytes(b"\x00garbage" * 100)
    else:
        _truncate(f, 0.6)
    with pytest.raises(Exception, match="the index is damaged"):
        open_store(store)
    repair_restores(store, good_store[2])


def test_missing_faiss_file(good_store, store: Path, monkeypatch):
    for f in _files(store, "faiss-"):
        f.unlink()
    assert_damaged(store, "search")
    repair_restores(store, good_store[2])


@pytest.mark.parametrize("part", ["vocab.index.json", "data.csc.index.npy", "rows.npy"])
def test_garbage_bm25(good_store, store: Path, part: str):
    (d,) = _files(store, "bm25-")
    p = d / part
    p.write_bytes(b"\xffnot an index" * (3 if part != "rows.npy" else 1))
    assert_damaged(store, "search")
    repair_restores(store, good_store[2])


def test_lock_path_is_a_folder(good_store, store: Path):
    lock = store / "write.lock"
    lock.unlink()
    lock.mkdir()
    (lock / "x").write_text("x")
    assert_damaged(store, "index")
    out = repair_restores(store, good_store[2])
    assert "write.lock" in out and lock.is_file()


@pytest.mark.parametrize("how", ["not-a-row-multiple", "short", "garbage"])
def test_damaged_vectors(good_store, store: Path, how: str):
    v = store / VECTORS
    data = v.read_bytes()
    dim = store_info(store)["dim"]
    if how == "not-a-row-multiple":  # cut inside a committed row: fewer rows than the database references
        v.write_bytes(data[: len(data) - dim * 4 - 6])
    elif how == "short":
        v.write_bytes(data[: len(data) // 2])
    else:
        v.write_bytes(np.random.default_rng(1).bytes(len(data)))
    assert_damaged(store, "search", "index")
    out = repair_restores(store, good_store[2])
    assert "re-embedded" in out


def test_torn_vector_tail_is_not_damage(good_store, store: Path):
    """A partial row after the committed ones is what a killed writer leaves: no error, trimmed by the next writer."""
    v = store / VECTORS
    with v.open("ab") as fh:
        fh.write(b"\x01" * 10)
    assert answers(store) == good_store[2]
    code, _ = zm("index", good_store[0], "--store", store)
    assert code == 0 and v.stat().st_size % (4 * store_info(store)["dim"]) == 0


def test_garbage_manifest(good_store, store: Path):
    (store / MANIFEST).write_text("{not json", encoding="utf-8")
    assert_damaged(store, "search")
    repair_restores(store, good_store[2])
    assert json.loads((store / MANIFEST).read_text(encoding="utf-8"))["format"] == "zmdocs-store"


def test_count_mismatch_vectors_table(good_store, store: Path):
    """The database references more vectors than the file holds (a lost tail)."""
    import sqlite3

    con = sqlite3.connect(store / "store.sqlite")
    n = con.execute("SELECT max(vid) FROM vectors").fetchone()[0]
    con.execute("INSERT INTO vectors SELECT vid + ? + 5, clause_row, doc_pk, what FROM vectors LIMIT 3", (n,))
    con.commit()
    con.close()
    assert_damaged(store, "search", "index")
    repair_restores(store, good_store[2])


def test_repair_of_a_healthy_store_changes_nothing(good_store, store: Path):
    out = repair_restores(store, good_store[2])
    assert "rebuilt the FAISS index" in out and "re-embedded" not in out


def test_half_created_database_of_an_older_run(good_store, tmp_path: Path):
    """A 0-byte store.sqlite (an older zmdocs killed while creating the store): damaged, repaired to empty, indexable."""
    store = tmp_path / "half"
    store.mkdir()
    (store / "store.sqlite").write_bytes(b"")
    (store / "write.lock").write_text("")
    assert_damaged(store, "info", "search", "index")
    code, out = zm("index", "--repair", "--store", store)
    assert code == 0 and "the store is empty" in out, out
    code, out = zm("index", good_store[0], "--store", store)
    assert code == 0, out
    assert answers(store) == good_store[2]
