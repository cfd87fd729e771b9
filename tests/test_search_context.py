"""Unit tests of the clause context in the dense ranking (`zmdocs.index.context`), on texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.index import context


def test_combine_mixes_the_own_cosine_with_the_mean_of_the_context():
    assert context.combine(0.5, []) == 0.5  # no context: the own cosine unchanged
    assert context.combine(0.5, [0.9, 0.7], weight=0.25) == pytest.approx(0.75 * 0.5 + 0.25 * 0.8)
    assert context.combine(0.5, [0.9], weight=0.0) == 0.5


def _lamp_store(tmp_path: Path) -> Path:
    """Two regulations whose sub-clauses say their subject only through their section heading or title."""
    from zmdocs.app import index_paths

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    a = ["IEC 99991:2020", "Installation of example signalling lamps", "", "1 Scope", "This document covers example lamps.", "",
         "6 Requirements", "", "6.3 Front fog lamp", "", "6.3.2 Number of devices", "Two devices on every vehicle.", "",
         "6.4 Reversing lamp", "", "6.4.2 Number of devices", "Two devices on every vehicle.", ""]
    b = ["IEC 99992:2020", "Centre high mounted stop lamp", "", "1 Scope", "This document covers one lamp.", "",
         "5 Installation", "5.1 Grouping", "The device may not be grouped with any other lamp.", ""]
    c = ["IEC 99993:2020", "Rear fog lamp", "", "1 Scope", "This document covers one lamp.", "",
         "5 Installation", "5.1 Grouping", "The device may not be grouped with any other lamp.", ""]
    for name, lines in (("a.txt", a), ("b.txt", b), ("c.txt", c)):
        (corpus / name).write_text("\n".join(lines), encoding="utf-8")
    store = tmp_path / "st"
    index_paths([str(corpus)], str(store), model="hash", workers=1, progress=False)
    return store


def _scores(st, q: str, weight: float, monkeypatch) -> dict[tuple[str, str], float]:
    """(document, clause) -> dense score after the context re-ranking, for one query."""
    monkeypatch.setattr(context, "CONTEXT_WEIGHT", weight)
    v = st.embedder.encode([q])[0]
    dense = context.rerank(st, v, st._by_lang(st._dense(v, 50, None), st.languages()))
    info = {r[0]: (r[1], r[2]) for r in st.con.execute("SELECT row, doc_id, number FROM clauses")}
    return {info[r]: x for r, x in dense["en"]}


def test_a_sub_clause_is_read_under_its_parent_heading(tmp_path, monkeypatch):
    """Two "Number of devices" clauses with the same words: the one under the section the query names scores higher."""
    from zmdocs.index import open_store

    st = open_store(_lamp_store(tmp_path))
    q = "number of reversing lamp devices"
    plain = _scores(st, q, 0.0, monkeypatch)
    assert plain[("IEC 99991:2020", "6.4.2")] == pytest.approx(plain[("IEC 99991:2020", "6.3.2")])  # same words
    got = _scores(st, q, 0.3, monkeypatch)
    assert got[("IEC 99991:2020", "6.4.2")] > got[("IEC 99991:2020", "6.3.2")]


def test_a_documents_title_is_the_context_of_its_clauses(tmp_path, monkeypatch):
    """The same clause in two regulations: the one whose title names the query's lamp scores higher."""
    from zmdocs.index import open_store

    st = open_store(_lamp_store(tmp_path))
    q = "stop lamp may not be grouped with any other lamp"
    got = _scores(st, q, 0.3, monkeypatch)
    assert got[("IEC 99992:2020", "5.1")] > got[("IEC 99993:2020", "5.1")]
    monkeypatch.setattr(context, "TITLE", False)
    plain = _scores(st, q, 0.3, monkeypatch)
    assert plain[("IEC 99992:2020", "5.1")] == pytest.approx(plain[("IEC 99993:2020", "5.1")])  # parents alike


def test_the_tree_follows_parents_within_a_document(tmp_path):
    from zmdocs.index import open_store

    st = open_store(_lamp_store(tmp_path))
    row = {(d, n): r for r, d, n in st.con.execute("SELECT row, doc_id, number FROM clauses")}
    tree = context.Tree(st.con)
    tree.load([row[("IEC 99991:2020", "6.4.2")]])
    assert tree.ancestors(row[("IEC 99991:2020", "6.4.2")], 2) == [row[("IEC 99991:2020", "6.4")], row[("IEC 99991:2020", "6")]]
    assert tree.ancestors(row[("IEC 99991:2020", "6.4.2")], 1) == [row[("IEC 99991:2020", "6.4")]]
    assert tree.doc(row[("IEC 99991:2020", "6.4.2")]) == tree.doc(row[("IEC 99991:2020", "1")])
