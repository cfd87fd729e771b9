"""Unit tests of the search building blocks: tokeniser, chunking, clause language, FAISS helpers, rendering."""

from __future__ import annotations

import json

import numpy as np

from zmdocs.index import faissidx
from zmdocs.index.lexical import tokenize
from zmdocs.index.writer import chunks, doc_records
from zmdocs.model import Clause, Document, Indicator, Provision, Table
from zmdocs.report.search import render_results, render_summary
from zmdocs.text.lang import clause_lang


def test_tokenize_languages():
    zh = tokenize("器具的泄漏电流不应大于0.75 mA")
    assert "泄漏" in zh and "电流" in zh and "0.75" in zh and "ma" in zh and "的" not in zh
    assert set(tokenize("漏電電流")) == set(tokenize("漏电电流"))  # traditional folded to simplified
    de = tokenize("Der Ableitstrom darf 0,75 mA nicht überschreiten")
    assert "ableitstrom" in de and "0.75" in de and "der" not in de
    assert "60335-2-15" in tokenize("IEC 60335-2-15:2016") and "1,250" in tokenize("1,250 V")
    assert all(" " not in t for t in tokenize("额定 电压 rated voltage 250 V"))


def test_chunks_and_lang():
    long = "。".join(f"第{i}句话说明了电热水壶的某一项技术要求和试验方法" for i in range(60)) + "。"
    parts = chunks(long, 200)
    assert len(parts) > 3 and all(len(p) <= 300 for p in parts) and "".join(parts) == long
    assert chunks("short", 200) == ["short"]
    assert clause_lang("器具的泄漏电流不应大于0.75 mA。", "en") == "zh"
    assert clause_lang("Der Ableitstrom darf bei der Prüfung nicht überschreiten und muss", "zh") == "de"
    assert clause_lang("The leakage current shall not exceed 0.75 mA.", "zh") == "en"
    assert clause_lang("Leakage current limits", "de") == "de"  # Latin text keeps its document's language


def test_doc_records_vectors_point_at_clauses():
    doc = Document(id="GB 1—2020", lang="zh", clauses=[
        Clause(id="GB 1—2020#5", number="5", heading="技术要求", kind="requirements"),
        Clause(id="GB 1—2020#5.1", number="5.1", heading="", text="泄漏电流不应大于0.75 mA。绝缘电阻不应小于2 MΩ。",
               parent="GB 1—2020#5", kind="requirements",
               provisions=[Provision("泄漏电流不应大于0.75 mA。", "requirement"), Provision("绝缘电阻不应小于2 MΩ。", "requirement")]),
    ], tables=[Table(id="t1", number="表1", caption="指标", clause="GB 1—2020#5.1", rows=[["项目", "指标"], ["噪声/dB(A)", "≤60"]])],
        indicators=[Indicator(parameter="泄漏电流", comparator="<=", value=0.75, unit="mA", clause="GB 1—2020#5.1", text="泄漏电流不应大于0.75 mA")])
    rec = doc_records(doc)
    assert rec["family"] == "GB" and [c["number"] for c in rec["clauses"]] == ["5", "5.1"]
    kinds = {(ci, what) for ci, what, _ in rec["vectors"]}
    assert {(1, "clause"), (1, "provision"), (1, "table-row"), (1, "indicator")} <= kinds
    headless = next(t for ci, w, t in rec["vectors"] if ci == 1 and w == "clause")
    assert headless.startswith("技术要求")  # borrows the parent's heading
    assert "噪声" in rec["clauses"][1]["tokens"]  # table rows are searchable lexically


def test_exact_topk_and_tie_aware_recall():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(500, 16)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    q = x[:5]
    s, ids = faissidx.exact_topk(x, np.arange(500), q, 10)
    assert (ids[:, 0] == np.arange(5)).all() and np.all(np.diff(s, axis=1) <= 1e-6)
    brute = np.argsort(-(q @ x.T), axis=1)[:, :10]
    assert (ids == brute).all()
    assert faissidx.recall_at(s, s) == 1.0
    worse = s.copy()
    worse[:, 5:] = -1
    assert abs(faissidx.recall_at(worse, s) - 0.5) < 1e-9


def test_render_results_formats():
    res = [{"doc": "GB 4706.19—2024", "clause": "13.2", "heading": "泄漏电流", "text": "器具以1.06倍额定电压供电" * 10,
            "lang": "zh", "score": 0.0328, "match": "器具以1.06倍额定电压供电"}]
    table = render_results(res, "table")
    assert "GB 4706.19—2024" in table and "13.2" in table and "泄漏电流" in table
    assert json.loads(render_results(res, "json"))[0]["clause"] == "13.2"
    assert json.loads(render_results(res, "jsonl").splitlines()[0])["doc"] == "GB 4706.19—2024"
    assert json.loads(render_results(res, "jsonl-query", query="q")) == {"query": "q", "results": res}
    assert render_results([], "table") == "no matching clauses"
    s = {"store": "s", "model": "hash", "added": [], "updated": [], "removed": [], "unchanged": 2,
         "skipped": [{"path": "a.pdf", "reason": "is encrypted"}], "clauses": 0, "seconds": 0.1}
    text = render_summary(s, "text")
    assert "skipped 1" in text and "a.pdf: is encrypted" in text
    assert json.loads(render_summary(s, "json"))["unchanged"] == 2


def test_query_tokens_from_vocabulary():
    vocab = {"泄漏", "电流", "泄漏电流", "器具", "水", "ma", "0.75"}
    toks = tokenize("器具的泄漏電流不应大于0.75 mA，水", vocab=vocab)
    assert {"器具", "泄漏", "电流", "泄漏电流", "水", "0.75", "ma"} <= set(toks)
    assert "的" not in toks and "大" not in toks  # single characters only when indexed and uncovered


def test_test_report_rows_become_clauses():
    """A test report parsed as one body clause with a "Clause | Requirement | Result | Verdict" table."""
    rows = [["Clause", "Requirement + Test", "Result - Remark", "Verdict"],
            ["13", "LEAKAGE CURRENT AND ELECTRIC STRENGTH", "", "P"],
            ["13.2", "Leakage current at 1.06 times rated voltage", "0.12 mA", "P"],
            ["", "", "class I portable", ""],
            ["19.101", "Boil-dry operation", "35 s", "P"],
            ["A.2", "Earth continuity test", "0.05 Ω", "P"]]
    body = "\n".join(c for r in rows for c in r if c)
    doc = Document(id="IEC 60335-2-15", lang="en", clauses=[Clause(id="IEC 60335-2-15#body", number="body", text=body)],
                   tables=[Table(id="t", clause="IEC 60335-2-15#body", rows=rows)])
    rec = doc_records(doc)
    got = {c["number"]: c for c in rec["clauses"]}
    assert {"13", "13.2", "19.101", "A.2"} <= set(got)
    assert got["13.2"]["heading"].startswith("Leakage current") and "class I portable" in got["13.2"]["text"]
    assert got["body"]["tokens"] == ""  # the table's text is not repeated in the body clause
    # a document with its own clause tree keeps tables as rows of their clause
    doc.clauses += [Clause(id=f"x#{n}", number=n) for n in ("1", "2", "3", "3.1", "3.2")]
    assert "13.2" not in {c["number"] for c in doc_records(doc)["clauses"]}
