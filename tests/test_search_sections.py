"""Section context in the cross-lingual term channel (zmdocs.index.sections)."""

from __future__ import annotations

from zmdocs.index import sections
from zmdocs.index.context import Tree


def test_a_heading_names_a_term_by_whole_words_or_a_chinese_substring():
    assert sections.names_in_heading("Front fog lamps (Regulation No. 99)", ["front fog lamp"])
    assert sections.names_in_heading("Front fog lamp", ["front fog lamp"])
    assert not sections.names_in_heading("Front fogging lamp", ["front fog lamp"])
    assert not sections.names_in_heading("Rear fog lamp", ["front fog lamp"])
    assert sections.names_in_heading("前雾灯的安装要求", ["前雾灯"]) and sections.names_in_heading("前霧燈", ["前雾灯"])
    assert not sections.names_in_heading("", ["front fog lamp"]) and not sections.names_in_heading("后雾灯", ["前雾灯"])


def test_descendants_follow_the_clause_tree():
    tree = Tree(None)
    tree._doc = {1: 7, 2: 7, 3: 7, 4: 7, 5: 8}
    tree._parent = {1: None, 2: 1, 3: 2, 4: None, 5: None}
    assert sections.descendants(tree, {1}) == {2, 3}
    assert sections.descendants(tree, {4}) == set()


def test_a_sections_heading_gives_its_subclauses_their_subject(tmp_path, monkeypatch):
    """A regulation's "Number" subclause under a lamp's heading: found for a query naming the lamp and the word."""
    from zmdocs.app import index_paths
    from zmdocs.index import open_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = ["IEC 99995:2020", "Example installation of lighting devices", "", "1 Scope", "This document covers example vehicles.", ""]
    for i, lamp in enumerate(["Front fog lamp", "Reversing lamp", "Rear position lamp", "Parking lamp"], 2):
        lines += [f"{i} {lamp}", f"The requirements of this clause apply to the {lamp.lower()}.", "",
                  f"{i}.1 Number", "Two or four, as the drawing shows.", "",
                  f"{i}.2 Arrangement", "No special requirement.", ""]
    lines += ["6 General", "The number of devices shall be declared by the applicant for every lamp.", ""]
    (corpus / "inst.txt").write_text("\n".join(lines), encoding="utf-8")
    index_paths([str(corpus)], str(tmp_path / "st"), model="hash", workers=1, progress=False)
    st = open_store(tmp_path / "st")
    info = {r[0]: r[1] for r in st.con.execute("SELECT row, number FROM clauses")}

    def ranked() -> list[str]:
        xl = st._xlex("前雾灯的数量", ["en"], {"lang": None, "family": None, "doc": None, "kind": None}, 5)
        return [info[r] for r, _ in xl.get("en", [])]

    with_sections = ranked()
    monkeypatch.setattr(sections, "SECTION_CONTEXT", False)
    assert with_sections[0] == "2.1" and ranked()[0] != "2.1"
