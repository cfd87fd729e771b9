"""Store and indexing tests with the deterministic `hash` embedder: incremental update, removal,
model mismatch, bad files, locking, filters, IVF, and a real SIGKILL mid-run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zmdocs.app import index_paths
from zmdocs.errors import ModelError, StoreError
from zmdocs.index import open_store, remove_documents, store_info

GB = """GB 4706.19—2024
家用和类似用途电器的安全 电热水壶的特殊要求

1 范围
本文件规定了额定电压不大于250 V的家用电热水壶的安全要求。

2 规范性引用文件
下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。

3 技术要求

3.1 泄漏电流
器具在工作温度下的泄漏电流不应大于0.75 mA。

3.2 电气强度
绝缘应能承受1250 V的试验电压，历时1 min，不应发生击穿。

3.3 噪声
电热水壶工作时的A计权声功率级不应大于60 dB(A)。
"""

IEC = """IEC 60335-2-15:2016
Household and similar electrical appliances - Safety - Part 2-15: Particular requirements for electric kettles

1 Scope
This International Standard deals with the safety of electric kettles with a rated voltage not more than 250 V.

2 Leakage current and electric strength at operating temperature

2.1 Leakage current
The leakage current at operating temperature shall not exceed 0.75 mA for class I portable appliances.

3 Abnormal operation

3.1 Boil-dry protection
Kettles shall switch off automatically when operated empty, and the thermal cut-out shall not reset.
"""

DIN = """DIN EN 60335-2-15:2020
Sicherheit elektrischer Geräte für den Hausgebrauch - Teil 2-15: Besondere Anforderungen für Wasserkocher

1 Anwendungsbereich
Diese Norm gilt für die Sicherheit elektrischer Wasserkocher mit einer Bemessungsspannung von höchstens 250 V.

2 Ableitstrom

2.1 Ableitstrom bei Betriebstemperatur
Der Ableitstrom darf bei Betriebstemperatur 0,75 mA nicht überschreiten.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    write(d, "gb.txt", GB)
    write(d / "intl", "iec.txt", IEC)
    write(d / "intl", "din.txt", DIN)
    return d


def run(paths, store, **kw):
    return index_paths([str(p) for p in paths], store, model=kw.pop("model", "hash"), workers=kw.pop("workers", 1), progress=False, **kw)


def top_clauses(st, query, n=3, **filters):
    return [(r["doc"], r["clause"]) for r in st.search(query, top=n, **filters)]


def test_index_and_search(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    s = run([corpus], store)
    assert len(s["added"]) == 3 and not s["skipped"]
    assert s["clauses"] == s["clauses_total"] > 8
    st = open_store(store)
    res = st.search("器具的泄漏电流不应大于0.75 mA", top=3)
    assert (res[0]["doc"], res[0]["clause"]) == ("GB 4706.19—2024", "3.1")
    assert {"doc", "clause", "heading", "text", "lang", "score"} <= set(res[0])
    assert res[0]["lang"] == "zh" and "0.75" in res[0]["text"]
    assert top_clauses(st, "thermal cut-out boil-dry kettle switch off", 1) == [("IEC 60335-2-15:2016", "3.1")]
    info = store_info(store)
    assert info["documents"] == 3 and info["model"] == "hash" and info["index"]["type"] == "flat"
    assert info["up_to_date"] and info["size_bytes"] > 0


def test_filters(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    run([corpus], store)
    st = open_store(store)
    q = "leakage current 0.75 mA Ableitstrom 泄漏电流"
    assert {r["lang"] for r in st.search(q, top=10, lang="de")} == {"de"}
    assert {r["doc"] for r in st.search(q, top=10, family="IEC")} == {"IEC 60335-2-15:2016"}
    assert {r["doc"] for r in st.search(q, top=10, family="DIN EN")} == {"DIN EN 60335-2-15:2020"}
    assert {r["doc"] for r in st.search(q, top=10, doc="GB 4706.19-2024")} == {"GB 4706.19—2024"}
    assert st.search(q, top=5, doc="ISO 9999:2000") == []


def test_incremental_update_and_removal(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    run([corpus], store)
    again = run([corpus], store)
    assert again["unchanged"] == 3 and not again["added"] and not again["updated"]
    # change one file: its new text is found, its old text is gone
    write(corpus, "gb.txt", GB.replace("噪声", "保温性能").replace("A计权声功率级不应大于60 dB(A)", "保温1 h后水温不应低于75 ℃"))
    upd = run([corpus], store)
    assert [d["doc"] for d in upd["updated"]] == ["GB 4706.19—2024"] and upd["unchanged"] == 2
    st = open_store(store)
    hit = st.search("保温1 h后水温不应低于75 ℃", top=1, doc="GB 4706.19—2024")[0]
    assert hit["heading"] == "保温性能"
    assert all("噪声" not in r["heading"] for r in st.search("噪声 声功率级 60 dB(A)", top=10))
    before = store_info(store)["vectors"]
    # remove a file from the folder: its document leaves the store and the search
    (corpus / "intl" / "din.txt").unlink()
    rem = run([corpus], store)
    assert [d["doc"] for d in rem["removed"]] == ["DIN EN 60335-2-15:2020"]
    st = open_store(store)
    assert all(r["doc"] != "DIN EN 60335-2-15:2020" for r in st.search("Ableitstrom Betriebstemperatur", top=10))
    assert store_info(store)["vectors"] < before
    # indexing another folder does not remove documents of the first
    other = tmp_path / "other"
    write(other, "din.txt", DIN)
    s = run([other], store)
    assert len(s["added"]) == 1 and not s["removed"] and store_info(store)["documents"] == 3


def test_remove_command(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    run([corpus], store)
    assert remove_documents(store, ["IEC 60335-2-15:2016"]) == ["IEC 60335-2-15:2016"]
    assert remove_documents(store, [str(corpus / "gb.txt")]) == ["GB 4706.19—2024"]
    assert store_info(store)["documents"] == 1
    with pytest.raises(StoreError, match="no document 'ISO 1:2000'"):
        remove_documents(store, ["ISO 1:2000"])
    assert {r["doc"] for r in open_store(store).search("leakage current", top=10)} == {"DIN EN 60335-2-15:2020"}
    # a removed file still on disk comes back on the next index run
    assert len(run([corpus], store)["added"]) == 2


def test_model_mismatch(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    run([corpus], store)
    with pytest.raises(ModelError) as e:
        open_store(store, model="hash-128")
    assert "'hash'" in str(e.value) and "'hash-128'" in str(e.value)
    with pytest.raises(ModelError, match="hash-128"):
        run([corpus], store, model="hash-128")
    assert open_store(store, model="hash").search("leakage", top=1)


def test_bad_files_skipped(tmp_path: Path, data_dir: Path):
    folder = tmp_path / "mixed"
    shutil.copytree(data_dir / "bad", folder, ignore=shutil.ignore_patterns("a-folder"))
    write(folder, "gb.txt", GB)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    store = tmp_path / "store"
    s = run([folder, tmp_path / "missing-folder"], store, workers=2, all_files=True)  # good.txt has 1 clause
    added = {Path(d["path"]).name for d in s["added"]}
    assert "gb.txt" in added and "good.txt" in added
    skipped = {Path(d["path"]).name: d["reason"] for d in s["skipped"]}
    for name in ("empty.pdf", "truncated.pdf", "not-a-zip.docx", "empty.txt", "missing-folder"):
        assert name in skipped and skipped[name], name
    assert "binary.xyz" not in skipped  # unsupported extensions in folders are not candidates
    assert open_store(store).search("泄漏电流", top=1)[0]["doc"] == "GB 4706.19—2024"


def test_store_errors(tmp_path: Path, corpus: Path):
    with pytest.raises(StoreError, match="no zmdocs store"):
        open_store(tmp_path / "nowhere")
    busy = tmp_path / "busy"
    write(busy, "notes.txt", "x")
    with pytest.raises(StoreError, match="not empty"):
        run([corpus], busy)
    store = tmp_path / "store"
    run([corpus], store)
    from zmdocs.index.store import WriteLock

    with WriteLock(store), pytest.raises(StoreError, match="another zmdocs process"):
        run([corpus], store)


def test_ivf_index_and_incremental(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ZMDOCS_FLAT_MAX", "50")
    folder = tmp_path / "many"
    for i in range(6):
        body = "\n\n".join(f"{k}.{j} Clause {i}-{k}-{j}\nThe part number {i * 100 + k * 10 + j} shall resist {j + 1} kPa for {k} min in test {i}."
                           for k in range(1, 5) for j in range(1, 6))
        write(folder, f"doc{i}.txt", f"ISO {1000 + i}:2020\nTitle {i}\n\n{body}\n")
    store = tmp_path / "store"
    s = run([folder], store)
    assert s["index"]["type"] == "ivf" and s["index"]["nprobe"] >= 1
    st = open_store(store)
    assert st.search("part number 213 shall resist 4 kPa for 1 min in test 2", top=1)[0]["doc"] == "ISO 1002:2020"
    (folder / "doc2.txt").unlink()
    s = run([folder], store)
    assert s["index"]["type"] == "ivf" and s["removed"]
    assert all(r["doc"] != "ISO 1002:2020" for r in open_store(store).search("test 2", top=20))


def _doc_count(store: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{store / 'store.sqlite'}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_interrupted_run_resumes(tmp_path: Path, corpus: Path):
    """SIGKILL `zmdocs index` after one committed document: the store stays readable, the next run finishes."""
    store = tmp_path / "store"
    run([corpus / "gb.txt"], store)
    for i in range(4):
        write(corpus / "more", f"x{i}.txt", IEC.replace("IEC 60335-2-15:2016", f"IEC 6{i}000:2016").replace("kettles", f"kettles model {i}"))
    env = dict(os.environ, ZMDOCS_TEST_PAUSE_AFTER="2:60", ZMDOCS_MODEL="hash")
    proc = subprocess.Popen([sys.executable, "-m", "zmdocs.cli", "index", str(corpus), "--store", str(store), "-j", "1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while _doc_count(store) < 3 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert _doc_count(store) == 3, proc.stderr.read().decode() if proc.poll() is not None else "timeout"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    info = store_info(store)
    assert info["documents"] == 3 and not info["up_to_date"]
    st = open_store(store)  # old manifest + two committed documents found by exact search
    assert st.search("器具的泄漏电流不应大于0.75 mA", top=1)[0]["doc"] == "GB 4706.19—2024"
    found = {r["doc"] for r in st.search("leakage current at operating temperature", top=10)}
    assert {"IEC 60335-2-15:2016", "DIN EN 60335-2-15:2020"} <= found  # committed after the published index
    s = run([corpus], store)
    assert s["unchanged"] == 3 and len(s["added"]) == 4 and not s["updated"]
    info = store_info(store)
    assert info["documents"] == 7 and info["up_to_date"]
    files = sorted(p.name for p in store.iterdir())
    assert len([f for f in files if f.startswith("faiss-")]) == 1 and not [f for f in files if f.endswith(".tmp")]


def test_cli_search_info_remove(corpus: Path, tmp_path: Path):
    from click.testing import CliRunner

    from zmdocs.cli import cli

    store = str(tmp_path / "store")
    r = CliRunner().invoke(cli, ["index", str(corpus), "--store", store, "--model", "hash", "--format", "json", "-j", "1"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert len(summary["added"]) == 3 and "seconds" in summary and "skipped" in summary
    r = CliRunner().invoke(cli, ["search", "泄漏电流 0.75 mA", "--store", store, "--format", "json", "--top", "2"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    assert len(res) == 2 and res[0]["clause"] == "3.1"
    r = CliRunner().invoke(cli, ["search", "leakage current", "--store", store])
    assert r.exit_code == 0 and "2.1" in r.stdout and "IEC 60335-2-15:2016" in r.stdout
    qfile = tmp_path / "q.txt"
    qfile.write_text("泄漏电流\nboil-dry\n\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["search", "--queries", str(qfile), "--store", store, "--top", "3"])
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["query"] for x in lines] == ["泄漏电流", "boil-dry"] and all(len(x["results"]) == 3 for x in lines)
    r = CliRunner().invoke(cli, ["search", "x", "--store", store, "--model", "hash-64"])
    assert r.exit_code == 1 and "hash-64" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli, ["info", "--store", store, "--format", "json"])
    assert json.loads(r.stdout)["documents"] == 3
    r = CliRunner().invoke(cli, ["remove", "DIN EN 60335-2-15:2020", "--store", store])
    assert r.exit_code == 0 and "removed 1" in r.stdout
    r = CliRunner().invoke(cli, ["search", "x", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and "no zmdocs store" in r.output


def test_store_without_published_index_is_searchable(corpus: Path, tmp_path: Path):
    """A first run killed before publishing leaves only SQLite + vectors: search still works, the next run publishes."""
    store = tmp_path / "store"
    run([corpus], store)
    for p in store.iterdir():
        if p.name == "manifest.json" or p.name.startswith("faiss-"):
            p.unlink()
        elif p.name.startswith("bm25-"):
            shutil.rmtree(p)
    st = open_store(store)
    assert st.search("器具的泄漏电流不应大于0.75 mA", top=1)[0]["clause"] == "3.1"
    assert not store_info(store)["up_to_date"]
    s = run([corpus], store)
    assert s["unchanged"] == 3 and store_info(store)["up_to_date"]


# -- a corpus of standards: non-standards skipped, duplicate ids kept apart, ambiguous remove ------
def test_samples_folder_stores_only_standards(tmp_path: Path, samples_dir: Path):
    """`zmdocs index corpora/samples`: README.md and the markup sources under src/ are skipped with a reason, exit 1."""
    from click.testing import CliRunner

    from zmdocs.cli import cli

    store = str(tmp_path / "store")
    r = CliRunner().invoke(cli, ["index", str(samples_dir), "--store", store, "--model", "hash", "--format", "json", "-j", "2"])
    assert r.exit_code == 1, r.output
    summary = json.loads(r.stdout)
    added = sorted(Path(d["path"]).name for d in summary["added"])
    assert added == ["DIN-EN-60335-2-15-2020-kettle.pdf", "GB-4706.19-2024-kettle.pdf", "IEC-60335-2-15-2016-kettle.pdf",
                     "T-ZZB-0999-2026-kettle.docx"]
    skipped = {Path(d["path"]).name: d["reason"] for d in summary["skipped"]}
    assert "README.md" in skipped and "not a standard" in skipped["README.md"] and "--all" in skipped["README.md"]
    assert {p.name for p in (samples_dir / "src").glob("*.txt")} <= set(skipped)
    assert not summary["duplicates"]
    assert all(r["clause"] != "body" for r in open_store(store).search("电热水壶 kettle", top=20))


def test_all_flag_indexes_non_standards(tmp_path: Path):
    notes = write(tmp_path / "c", "notes.md", "# Notes\n\nSome remarks about IEC 60335-1 and nothing else.\n")
    s = run([notes], tmp_path / "store")
    assert not s["added"] and "not a standard" in s["skipped"][0]["reason"]
    s = run([notes], tmp_path / "store", all_files=True)
    assert len(s["added"]) == 1 and not s["skipped"]


def test_duplicate_ids_kept_apart_and_reported(corpus: Path, tmp_path: Path):
    write(corpus / "old", "iec-2010.txt", IEC.replace("0.75 mA", "0.5 mA").replace("kettles", "old kettles"))
    store = tmp_path / "store"
    s = run([corpus], store)
    dup = {d["doc"]: d["paths"] for d in s["duplicates"]}
    assert len(dup.get("IEC 60335-2-15:2016", [])) == 2 and store_info(store)["documents"] == 4
    from zmdocs.report.search import render_summary

    assert "same id in 2 files" in render_summary(s)
    hits = open_store(store).search("leakage current operating temperature", top=10, lang="en")
    assert {Path(r["source"]).name for r in hits if r["doc"] == "IEC 60335-2-15:2016"} == {"iec.txt", "iec-2010.txt"}


def test_remove_refuses_ambiguous_id(corpus: Path, tmp_path: Path):
    write(corpus / "old", "iec-2010.txt", IEC.replace("kettles", "old kettles"))
    store = tmp_path / "store"
    run([corpus], store)
    with pytest.raises(StoreError) as e:
        remove_documents(store, ["IEC 60335-2-15:2016"])
    assert "2 files" in str(e.value) and "iec-2010.txt" in str(e.value) and "iec.txt" in str(e.value) and "--all" in str(e.value)
    assert store_info(store)["documents"] == 4  # nothing removed
    assert remove_documents(store, [str(corpus / "old" / "iec-2010.txt")]) == ["IEC 60335-2-15:2016"]
    write(corpus / "old", "iec-2010.txt", IEC.replace("kettles", "old kettles"))
    run([corpus], store)
    from click.testing import CliRunner

    from zmdocs.cli import cli

    r = CliRunner().invoke(cli, ["remove", "IEC 60335-2-15:2016", "--store", str(store)])
    assert r.exit_code == 1 and "iec-2010.txt" in r.output and "nothing removed" in r.output
    r = CliRunner().invoke(cli, ["remove", "IEC 60335-2-15:2016", "--all", "--store", str(store)])
    assert r.exit_code == 0 and "removed 2" in r.stdout and store_info(store)["documents"] == 2


def test_index_exit_code(corpus: Path, tmp_path: Path):
    from click.testing import CliRunner

    from zmdocs.cli import cli

    store = str(tmp_path / "store")
    args = ["index", str(corpus), "--store", store, "--model", "hash", "-j", "1"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    write(corpus, "README.md", "# About this folder\n\nStandards for kettles.\n")
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 1
    assert "skipped: " in r.stdout and "broken.pdf" in r.stdout and "README.md: not a standard" in r.stdout


def test_search_formats_share_one_score(corpus: Path, tmp_path: Path):
    from click.testing import CliRunner

    from zmdocs.cli import cli

    store = str(tmp_path / "store")
    run([corpus], store)
    out = {}
    for fmt in ("json", "jsonl", "table", "md"):
        r = CliRunner().invoke(cli, ["search", "leakage current", "--store", store, "--format", fmt, "--top", "3"])
        assert r.exit_code == 0, r.output
        out[fmt] = r.stdout
    res = json.loads(out["json"])
    assert [json.loads(x)["score"] for x in out["jsonl"].splitlines()] == [r["score"] for r in res]
    for r in res:
        assert 0 < r["score"] <= 1 and f"{r['score']:.4f}" in out["table"] and f"{r['score']:.4f}" in out["md"]
    head = out["table"].splitlines()[0].split()
    assert head[:4] == ["#", "standard", "clause", "heading"]
    assert out["md"].startswith("**Query:** leakage current") and "| # | standard | clause | heading |" in out["md"]
    assert list(res[0])[:4] == ["doc", "clause", "heading", "score"] and res[0]["match"]
    r = CliRunner().invoke(cli, ["search", "leakage current", "--store", store, "--format", "json", "--per-lang", "1"])
    assert r.exit_code == 0 and sorted(x["lang"] for x in json.loads(r.stdout)) == ["de", "en", "zh"]
    r = CliRunner().invoke(cli, ["search", "leakage current", "--store", store, "--format", "json", "--lang", "de"])
    assert r.exit_code == 0 and {x["lang"] for x in json.loads(r.stdout)} == {"de"}
    assert "--per-lang" in CliRunner().invoke(cli, ["search", "--help"]).stdout


def test_per_lang_and_lang_filter(corpus: Path, tmp_path: Path):
    store = tmp_path / "store"
    run([corpus], store)
    st = open_store(store)
    res = st.search("leakage current 0.75 mA Ableitstrom 泄漏电流", top=3, per_lang=2)
    by_lang: dict[str, int] = {}
    for r in res:
        by_lang[r["lang"]] = by_lang.get(r["lang"], 0) + 1
    assert by_lang == {"zh": 2, "en": 2, "de": 2}
    assert {r["lang"] for r in st.search("leakage current", top=5, lang="de")} == {"de"}
    # the default mixes languages (the hash fake knows no translation, so a far language may be damped)
    assert len({r["lang"] for r in st.search("leakage current 0.75 mA Ableitstrom", top=3)}) >= 2


def test_copied_folder_does_not_fill_the_top_twice(corpus: Path, tmp_path: Path):
    """Regression: a store holding the same files from two folders (a moved checkout) returned
    every clause twice, pushing real counterparts out of the top 5."""
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    store = tmp_path / "store"
    run([corpus], store)
    run([copy], store)
    assert store_info(store)["documents"] == 6
    hits = open_store(store).search("leakage current", top=5)
    keys = [(r["doc"], r["clause"]) for r in hits]
    assert len(keys) == len(set(keys)) == 5


def _make_old_format(store: Path) -> None:
    """What a store indexed before 2026-12-02 looks like: no format recorded, documents indexed before the cut."""
    from zmdocs.index.store import DB_NAME, FORMAT_2_SINCE

    con = sqlite3.connect(str(store / DB_NAME))
    with con:
        con.execute("DELETE FROM meta WHERE key IN ('format_version', 'stale_documents')")
        con.execute("UPDATE documents SET indexed_at=?", (FORMAT_2_SINCE - 86400,))
    con.close()


def test_older_store_format_is_named_and_upgraded_by_index(corpus: Path, tmp_path: Path, caplog, monkeypatch):
    """A store of an older zmdocs: info and search log one warning naming the store and `zmdocs index`; index
    re-reads the files it is given (even unchanged) and the store records the current format once none is left."""
    import zmdocs.index.store as store_mod

    store = tmp_path / "store"
    run([corpus], store)
    assert store_info(store)["format_version"] == store_mod.STORE_FORMAT
    _make_old_format(store)
    monkeypatch.setattr(store_mod, "_warned", set())
    with caplog.at_level("WARNING", logger="zmdocs.index.store"):
        info = store_info(store)
        open_store(store).search("泄漏电流", top=1)  # the same store: warned once per process
    warned = [r.getMessage() for r in caplog.records if "older zmdocs" in r.getMessage()]
    assert info["format_version"] == 1 and len(warned) == 1, warned
    assert str(store) in warned[0] and "3 of 3 documents" in warned[0] and "zmdocs index" in warned[0]
    assert "\n" not in warned[0]
    s = run([corpus / "gb.txt"], store)  # one file: only its document is upgraded
    assert [x["doc"] for x in s["updated"]] == ["GB 4706.19—2024"] and s["unchanged"] == 0
    assert store_info(store)["format_version"] == 1
    s = run([corpus], store)
    assert len(s["updated"]) == 2 and s["unchanged"] == 1
    caplog.clear()
    monkeypatch.setattr(store_mod, "_warned", set())
    with caplog.at_level("WARNING", logger="zmdocs.index.store"):
        assert store_info(store)["format_version"] == store_mod.STORE_FORMAT
    assert not [r for r in caplog.records if "older zmdocs" in r.getMessage()]
    assert run([corpus], store)["unchanged"] == 3  # upgraded: nothing to re-read any more


def test_a_recorded_older_format_rereads_every_document(corpus: Path, tmp_path: Path, monkeypatch):
    """A store that records an older format (2: before ancestor headings entered the BM25 tokens) has every
    document stale: index re-reads even unchanged files, and the store then records the current format."""
    import zmdocs.index.store as store_mod

    store = tmp_path / "store"
    run([corpus], store)
    con = sqlite3.connect(str(store / store_mod.DB_NAME))
    with con:
        con.execute("DELETE FROM meta WHERE key = 'stale_documents'")
        store_mod.meta_set(con, "format_version", store_mod.STORE_FORMAT - 1)
    con.close()
    monkeypatch.setattr(store_mod, "_warned", set())
    assert store_info(store)["format_version"] == store_mod.STORE_FORMAT - 1
    s = run([corpus], store)
    assert len(s["updated"]) == 3 and s["unchanged"] == 0
    assert store_info(store)["format_version"] == store_mod.STORE_FORMAT
    assert run([corpus], store)["unchanged"] == 3
