"""The application layer: each document is prepared once, with one error policy and a stamp the store checks."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from zmdocs import app
from zmdocs.indicators import EXTRACTOR_VERSION
from zmdocs.model import Clause, Document, Indicator

DATA = Path(__file__).parent / "data" / "compare"
GB = "GB 4706.98—2024"


def _doc() -> Document:
    return Document(id="X 1—2020", clauses=[
        Clause(id="X 1—2020#5", number="5", heading="要求", kind="requirements", text="泄漏电流应不大于0.5 mA。")])


@pytest.fixture(scope="module")
def store(build_kettle_store) -> Path:
    return build_kettle_store()


def _stored_json(store: Path, doc_id: str) -> dict:
    con = sqlite3.connect(store / "store.sqlite")
    try:
        return json.loads(con.execute("SELECT json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0])
    finally:
        con.close()


def _restamp(store: Path, doc_id: str, stamp: str) -> Path:
    """A copy of the store whose document `doc_id` carries `stamp` and one made-up indicator."""
    copy = store.parent / f"st-{stamp or 'none'}"
    if not copy.exists():
        shutil.copytree(store, copy)
    d = _stored_json(copy, doc_id)
    d["extractor_version"] = stamp
    d["indicators"] = [Indicator(parameter="made-up", comparator="<=", value=1.0, unit="mA", key="made_up").__dict__]
    con = sqlite3.connect(copy / "store.sqlite")
    with con:
        con.execute("UPDATE documents SET json = ? WHERE doc_id = ?", (json.dumps(d, ensure_ascii=False, default=str), doc_id))
    con.close()
    return copy


def _found(store: Path) -> Document:
    draft = app.load_prepared(DATA / "draft-kettle.txt")
    found = {d.id: d for d in app.store_counterparts(store, draft, [], model="hash")}
    assert GB in found, list(found)
    return found[GB]


def test_prepare_extracts_once_and_stamps(monkeypatch):
    import zmdocs.indicators as ind

    calls = []
    real = ind.extract_document
    monkeypatch.setattr(ind, "extract_document", lambda d, **kw: calls.append(d.id) or real(d, **kw))
    doc = app.prepare(_doc())
    app.prepare(doc)
    assert calls == ["X 1—2020"] and doc.extractor_version == EXTRACTOR_VERSION and app.is_prepared(doc)
    assert any(i.key == "leakage_current" for i in doc.indicators)
    assert doc.to_dict()["extractor_version"] == EXTRACTOR_VERSION
    assert "extractor_version" not in _doc().to_dict()  # an unprepared document serialises as before


def test_prepare_keeps_given_indicators_and_redoes_stale_ones():
    given = Document(id="Y", indicators=[Indicator(parameter="p", comparator="<=", value=1.0)])
    assert app.prepare(given).indicators[0].parameter == "p"  # supplied by the caller, no stamp: kept
    stale = _doc()
    stale.indicators, stale.extractor_version = [Indicator(parameter="old", comparator="<=", value=9.0)], "0"
    assert all(i.parameter != "old" for i in app.prepare(stale).indicators)


def test_one_error_policy(monkeypatch):
    import zmdocs.indicators as ind

    def boom(doc, **kw):
        raise RuntimeError("unexpected cell")

    monkeypatch.setattr(ind, "extract_document", boom)
    doc = app.prepare(_doc())
    assert doc.indicators == [] and doc.extractor_version == EXTRACTOR_VERSION
    assert doc.warnings == ["indicator extraction failed: RuntimeError: unexpected cell"]


def test_the_store_records_the_stamp(store):
    assert _stored_json(store, GB)["extractor_version"] == EXTRACTOR_VERSION


def test_store_indicators_reused_when_the_stamp_matches(store):
    doc = _found(_restamp(store, GB, EXTRACTOR_VERSION))
    assert [i.parameter for i in doc.indicators] == ["made-up"]


@pytest.mark.parametrize("stamp", ["0.1", ""])
def test_stale_store_indicators_are_extracted_again(store, stamp, caplog):
    with caplog.at_level(logging.INFO, logger="zmdocs.app"):
        doc = _found(_restamp(store, GB, stamp))
    assert "made-up" not in [i.parameter for i in doc.indicators]
    assert any(i.key == "leakage_current" for i in doc.indicators)
    assert doc.extractor_version == EXTRACTOR_VERSION
    assert any("extracting them again" in r.getMessage() and GB in r.getMessage() for r in caplog.records)


def test_stage_packages_do_not_extract():
    from zmdocs.check import limits_of

    doc = _doc()
    assert limits_of(doc) == [] and doc.extractor_version == "" and doc.indicators == []


def test_compare_files_prepares_each_document_once(monkeypatch):
    import zmdocs.indicators as ind

    calls = []
    real = ind.extract_document
    monkeypatch.setattr(ind, "extract_document", lambda d, **kw: calls.append(d.id) or real(d, **kw))
    c = app.compare_files(DATA / "draft-kettle.txt", [DATA / "gb-kettle.txt", DATA / "iec-kettle.txt"], model="hash")
    assert sorted(calls) == sorted({c.draft.id, *(r.id for r in c.refs)}) and len(calls) == 3


def test_extractor_is_loaded_once_before_forking_workers(monkeypatch, tmp_path):
    """Regression: every forked parser worker imported spaCy again (seconds per file, 47 s vs
    19 s for indexing the samples); the parent now loads the extractor once and the workers
    inherit it."""
    import threading

    import zmdocs.indicators

    calls = []
    monkeypatch.setattr(zmdocs.indicators, "warm", lambda: calls.append(1))
    files = []
    for i in range(2):
        p = tmp_path / f"s{i}.txt"
        p.write_text(f"GB {i}—2024\n标准\n\n1 范围\n本文件适用于电热水壶。\n\n2 要求\n泄漏电流不应大于0.{i + 5} mA。\n",
                     encoding="utf-8")
        files.append(p)
    docs, failures = app.parse_many(files, workers=1, progress=False, then=app._prepare_in_worker)
    assert not failures and len(docs) == 2
    assert all(d.extractor_version == EXTRACTOR_VERSION for d in docs)
    assert calls == ([1] if threading.active_count() == 1 else [])
