"""The cross-lingual lexical channel: query terms said in the other languages (zmdocs.index.crossterms)."""

from __future__ import annotations

from zmdocs.index import crossterms, fusion
from zmdocs.index.crossterms import TermList, name_tokens, names_heading, translated_names


def _list() -> TermList:
    return TermList({
        "a": {"zh": ("泄漏电流",), "en": ("leakage current",), "de": ("Ableitstrom",)},
        "b": {"zh": ("电流",), "en": ("current",)},
        "c": {"zh": ("一氧化碳", "CO"), "en": ("carbon monoxide", "CO")},
        "d": {"zh": ("示廓灯",), "en": ("end-outline marker lamp",)},
    })


def test_terms_are_found_leftmost_longest_in_both_scripts():
    tl = _list()
    assert tl.find("潮湿处理后的泄漏电流") == [("a", "zh")]  # the longer term claims 电流
    assert tl.find("潮濕處理後的泄漏電流") == [("a", "zh")]  # traditional characters
    assert tl.find("Leakage currents after humidity treatment") == [("a", "en")]  # case and plural
    assert tl.find("end outline marker lamps") == [("d", "en")]  # hyphens and spaces alike
    assert tl.find("materials in contact with food") == []  # a Latin symbol matches whole words only
    assert tl.find("CO排放") == [] and tl.find("一氧化碳排放") == [("c", "zh")]  # a two-letter symbol alone is too ambiguous


def test_translations_leave_out_the_language_the_term_is_written_in():
    names = translated_names("泄漏电流的限值", ["zh", "en", "de"], [_list()])
    assert names == {"en": ["leakage current"], "de": ["Ableitstrom"]}
    assert translated_names("leakage current", ["zh", "en"], [_list()]) == {"zh": ["泄漏电流"]}
    assert translated_names("nothing known here", ["zh", "en"], [_list()]) == {}


def test_name_tokens_follow_the_clause_language():
    assert name_tokens(["Ableitströme"], "de") == name_tokens(["Ableitstrom"], "de")  # stemmed as German clauses are
    assert name_tokens(["leakage current"], "en") == ["leakage", "current"]
    toks = name_tokens(["漏电流"], "zh", vocab={"电流": 0, "漏": 1})
    assert toks == ["电流"]  # a lone character says nothing of the term


def test_definition_queries_and_headings():
    assert crossterms.asks_definition("示廓灯的定义") and crossterms.asks_definition("輪廓燈的定義")
    assert crossterms.asks_definition("definition of semi-trailer")
    assert not crossterms.asks_definition("leakage current after humidity treatment")
    assert names_heading("End-outline marker lamps", ["end-outline marker lamp"])
    assert names_heading("示廓灯", ["示廓燈"])
    assert not names_heading("Leakage current after humidity treatment", ["leakage current"])


def test_translated_terms_rank_as_a_third_signal():
    dense, lex = [(1, 0.5), (2, 0.4), (3, 0.3)], []
    plain = fusion.language_scores(dense, lex)
    with_terms = fusion.language_scores(dense, lex, xlex=[(3, 7.0)])
    assert max(plain, key=plain.get) == 1
    assert with_terms[3] > plain[3] and with_terms[3] > with_terms[2]
    hits = fusion.merge({"zh": [(10, 0.8)], "en": dense}, {}, top=4, xlex={"en": [(3, 7.0)]})
    assert [h.row for h in hits].index(3) < [h.row for h in fusion.merge({"zh": [(10, 0.8)], "en": dense}, {}, top=4)].index(3)


def test_terms_that_found_nothing_in_a_language_lower_its_best():
    """The query's terms said in German found no German clause: the best German clause by cosine alone is
    no full match, so it falls below an English clause that both signals found."""
    dense = [(1, 0.5), (2, 0.4)]
    assert fusion.language_scores(dense, [])[1] == 1.0
    assert fusion.language_scores(dense, [], xlex=[])[1] == 0.5
    hits = fusion.merge({"de": dense, "en": [(5, 0.5), (6, 0.45)]}, {}, top=3, xlex={"de": [], "en": [(5, 3.0)]})
    assert hits[0].row == 5
    # a German clause nearer by cosine alone no longer damps the English language whose clauses name the terms
    near = {"de": [(1, 0.7)], "en": [(5, 0.5)]}
    assert fusion.merge(near, {}, top=2, xlex={"de": [], "en": [(5, 3.0)]})[0].row == 5
    assert fusion.merge(near, {}, top=2, xlex={"en": [(5, 3.0)]})[0].row == 1


def test_a_chinese_query_reaches_the_english_clause_through_the_glossary(tmp_path, monkeypatch):
    """Hash embedder (same-language only): the English clause is found by its translated term alone."""
    from zmdocs.app import index_paths
    from zmdocs.index import open_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    en = ["IEC 99999:2020", "Example appliances (test input)", "", "1 Scope", "This document covers example appliances.", ""]
    for i, topic in enumerate(["Marking", "Stability", "Heating", "Moisture", "Endurance", "Leakage current"], 2):
        en += [f"{i} {topic}", f"The {topic.lower()} of the appliance is checked by inspection and by the tests of this clause.", ""]
    (corpus / "en.txt").write_text("\n".join(en), encoding="utf-8")
    zh = ["GB 99999—2020", "示例器具（测试用）", "", "1 范围", "本文件适用于示例器具。", "",
          "2 结构", "器具的结构应通过视检确认。", ""]
    (corpus / "zh.txt").write_text("\n".join(zh), encoding="utf-8")
    store = tmp_path / "st"
    index_paths([str(corpus)], str(store), model="hash", workers=1, progress=False)
    st = open_store(store)
    q = "泄漏电流"
    top = [(r["lang"], r["clause"]) for r in st.search(q, top=3)]
    assert ("en", "7") in top
    res = st.search(q, top=3)
    assert next(r for r in res if r["clause"] == "7")["doc"] == "IEC 99999:2020"
    assert st.search(q, top=1, lang="en")[0]["clause"] == "7"  # a language filter keeps the channel
    monkeypatch.setattr(fusion, "XLEX", 0.0)
    assert ("en", "7") not in [(r["lang"], r["clause"]) for r in st.search(q, top=3)]


def test_the_glossary_writes_chinese_in_simplified_characters():
    """`glossary_terms` folds its names without OpenCC (a traditional query is converted instead)."""
    from zmdocs.index import lexical

    conv = lexical._t2s()
    tl = crossterms.glossary_terms()
    assert tl.cjk and [k for k in tl.cjk if conv.convert(k) != k] == []
    assert ("subjects:cornering_lamp", "zh") in tl.find("轉彎燈的定義")


def test_general_terms_are_search_vocabulary_only():
    """The glossary's `terms:` (general words of standards) feed the search channel, not indicator keys."""
    from zmdocs.indicators.keys import glossary

    tl = crossterms.glossary_terms()
    assert ("terms:drinking_water", "zh") in tl.find("飲用水的微生物要求")
    assert ("terms:microbiological", "zh") in tl.find("饮用水的微生物要求")
    assert "drinking_water" not in glossary() and "warm_up_time" not in glossary()
    assert crossterms.title_entries("Front fog lamps for example vehicles") == {"subjects:front_fog_lamp"}
    assert crossterms.title_entries("") == frozenset()


def test_a_documents_title_gives_its_clauses_their_subject(tmp_path, monkeypatch):
    """A clause of a regulation on one lamp says "the lamp": the title names the subject for it."""
    from zmdocs.app import index_paths
    from zmdocs.index import open_store, search

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lamp = ["IEC 99997:2020", "Front fog lamps for example vehicles", "", "1 Scope", "This document covers lamps of this kind.", "",
            "2 Photometry", "The luminous intensity of the lamp shall not exceed the maximum.", "",
            "3 Mounting", "The lamp shall be mounted on the front of the vehicle.", ""]
    other = ["IEC 99996:2020", "Example vehicles and their equipment", "", "1 Scope", "This document covers example vehicles.", ""]
    for i, what in enumerate(["mounted", "switched", "aimed", "connected"], 2):
        other += [f"{i} Item {i}", f"The luminous intensity of the front position lamp shall be {what} as the drawing shows.", ""]
    (corpus / "lamp.txt").write_text("\n".join(lamp), encoding="utf-8")
    (corpus / "other.txt").write_text("\n".join(other), encoding="utf-8")
    index_paths([str(corpus)], str(tmp_path / "st"), model="hash", workers=1, progress=False)
    st = open_store(tmp_path / "st")
    q = "前雾灯的发光强度"

    def rank_of_photometry() -> int:
        ranked = st._xlex(q, ["en"], {"lang": None, "family": None, "doc": None, "kind": None}, 5)["en"]
        info = {r[0]: (r[1], r[2]) for r in st.con.execute("SELECT row, doc_id, number FROM clauses")}
        return [info[r] for r, _ in ranked].index(("IEC 99997:2020", "2"))

    with_title = rank_of_photometry()
    monkeypatch.setattr(search, "TITLE_CONTEXT", False)
    assert with_title <= 1 < rank_of_photometry()
