"""One regression test per search rule of stop 21 (issue #13): the own-language quota of the top k,
hyphenated word parts, definition queries in more wordings, and ancestor headings as BM25 context."""

from __future__ import annotations

from types import SimpleNamespace

from zmdocs.index import fusion
from zmdocs.index.crossterms import asks_definition
from zmdocs.index.lexical import tokenize
from zmdocs.index.writer import _heading_context


def test_quota_keeps_room_for_other_languages_in_the_top_k():
    langs = ["zh"] * 8 + ["en", "de"]
    scores = [1.0 - 0.05 * i for i in range(10)]
    top = fusion.quota(langs, scores, 5, {"zh"}, share=0.6, min_score=0.2)
    assert [langs[i] for i in top] == ["zh", "zh", "zh", "en", "de"]
    assert top == sorted(top)  # ranking order kept


def test_quota_applies_only_to_the_capped_languages_and_to_hits_worth_showing():
    langs = ["en"] * 6 + ["zh"]
    scores = [0.9] * 6 + [0.5]
    assert fusion.quota(langs, scores, 5, {"zh"}, share=0.6, min_score=0.2) == [0, 1, 2, 3, 4]  # en not capped
    weak = [0.9] * 6 + [0.1]
    assert fusion.quota(["zh"] * 6 + ["en"], weak, 5, {"zh"}, share=0.6, min_score=0.2) == [0, 1, 2, 3, 4]
    assert fusion.quota(["zh"] * 3, [0.9] * 3, 5, {"zh"}) == [0, 1, 2]  # one language: nothing to make room for


def test_hyphenated_words_also_give_their_parts_but_numbers_stay_whole():
    toks = tokenize("The stop-lamp of IEC 60335-2-15", lang="en")
    assert "stop-lamp" in toks and "stop" in toks and "lamp" in toks
    assert "60335-2-15" in toks and "60335" not in toks


def test_definition_queries_in_several_wordings():
    for q in ("制动灯是指什么", "何谓示廓灯", "what is a semi-trailer", "Was ist ein Anhänger", "qu'est-ce qu'un feu"):
        assert asks_definition(q), q
    assert not asks_definition("leakage current after humidity treatment")


def _clause(cid: str, heading: str, parent: str | None = None):
    return SimpleNamespace(id=cid, heading=heading, parent=parent)


def test_a_short_headed_clause_gets_its_ancestors_headings_as_bm25_context():
    a = _clause("d#6.3", "Front fog lamp")
    b = _clause("d#6.3.2", "Number", "d#6.3")
    c = _clause("d#6.3.2.1", "", "d#6.3.2")
    by_id = {x.id: x for x in (a, b, c)}
    assert _heading_context(b, by_id) == "Front fog lamp"
    assert _heading_context(c, by_id) == "Front fog lamp"  # its parent's heading is in its body already
    assert _heading_context(a, by_id) == ""  # a heading that names the subject needs none
