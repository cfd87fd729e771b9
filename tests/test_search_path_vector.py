"""Vector kinds of a clause (issue #13): every kind the search weighs is one the writer makes.

A grandparent > parent > heading "path" vector was built and measured on 2026-12-02 on the judged
cross-lingual queries (`tests/data/search/real_queries.yaml`, fresh store, bench/search.py): the
tune half fell (0.731 -> 0.687 with " > ", 0.716 with spaces or without terms entries; held out
0.758 -> 0.758-0.773), so it was not kept, and the `path` kind that the writer never made was removed.
"""

from __future__ import annotations

from zmdocs.model import Clause, Document, Indicator, Provision, Table


def _doc() -> Document:
    clauses = [
        Clause(id="D#8", number="8", heading="照明和信号装置", level=1),
        Clause(id="D#8.5", number="8.5", heading="前照灯", level=2, parent="D#8"),
        Clause(id="D#8.5.1", number="8.5.1", heading="光色", level=3, parent="D#8.5",
               text="前照灯应发白光。远光灯应能调整。",
               provisions=[Provision(text="前照灯应发白光。", form="requirement"),
                           Provision(text="远光灯应能调整。", form="requirement")]),
        Clause(id="D#8.5.2", number="8.5.2", heading="远光光束发光强度的检验方法和限值要求", level=3,
               parent="D#8.5", text="每只前照灯的远光光束发光强度应符合表1。"),
        Clause(id="D#8.5.3", number="8.5.3", level=3, parent="D#8.5", text="前照灯光束高度应能调整。"),
    ]
    table = Table(id="D#t1", number="表1", caption="发光强度", clause="D#8.5.2",
                  rows=[["车型", "发光强度"], ["汽车", "≥ 18000 cd"]])
    ind = Indicator(parameter="发光强度", comparator=">=", value=18000.0, unit="cd",
                    clause="D#8.5.2", text="发光强度 ≥ 18000 cd")
    return Document(id="D", lang="zh", clauses=clauses, tables=[table], indicators=[ind])


def test_search_weighs_only_kinds_the_writer_makes():
    from zmdocs.index import search, writer

    made = {what for _, what, _ in writer.doc_records(_doc())["vectors"]}
    assert made == {"clause", *writer.VECTOR_KINDS}, made  # every configured kind is produced here
    assert set(search.VECTOR_WEIGHT) <= made
    assert "path" not in writer.VECTOR_KINDS and "path" not in search.VECTOR_WEIGHT


def test_heading_vector_takes_the_parent_heading_only_when_short():
    from zmdocs.index.writer import doc_records

    rec = doc_records(_doc())
    rows = {c["number"]: i for i, c in enumerate(rec["clauses"])}
    heading = {ci: t for ci, what, t in rec["vectors"] if what == "heading"}
    assert heading[rows["8.5.1"]] == "前照灯 光色"  # short: the parent's heading in front
    assert heading[rows["8.5.2"]] == "远光光束发光强度的检验方法和限值要求"  # long enough alone
    assert rows["8.5.3"] not in heading  # no heading, no heading vector
    # the grandparent's heading is not in any vector of the clause (no path vector)
    assert not [t for ci, _, t in rec["vectors"] if ci == rows["8.5.1"] and "照明和信号装置" in t]
