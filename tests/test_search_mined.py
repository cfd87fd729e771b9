"""The store's own term bridge (zmdocs.index.mined) and the damping of term entries (fusion.damp_kind)."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

from zmdocs.index import crossterms, fusion, mined


def test_a_bilingual_heading_gives_its_chinese_and_english_names():
    assert mined.heading_pair("无绳电热水壶 cordless kettle") == ("无绳电热水壶", ["cordless kettle"])
    assert mined.heading_pair("人机界面 human/machine interface；HMI") == ("人机界面", ["human/machine interface", "HMI"])
    assert mined.heading_pair("控 制 模 块 control module") == ("控制模块", ["control module"])  # spaced characters


def test_headings_that_are_no_term_pair_give_nothing():
    assert mined.heading_pair("术语和定义") is None  # Chinese only
    assert mined.heading_pair("Scope") is None  # English only
    assert mined.heading_pair("车速表指示误差（最大设计车速不大于 40 km/h 的机动车除外）") is None  # Chinese around the Latin
    assert mined.heading_pair("试验 A") is None  # no English word
    assert mined.heading_pair("灯" + " x" * 3) is None  # a one-character name


def test_pairs_merge_headings_and_cover_titles():
    pairs = mined.pairs_from(["电热水壶 electric kettle", "电热水壶 kettle", "电热水壶 Electric Kettle"],
                             [{"zh": "液体加热器", "en": "Liquid heater"}, {"zh": "只有中文"}])
    assert pairs == {"液体加热器": ["Liquid heater"], "电热水壶": ["electric kettle", "kettle"]}


def test_the_mined_list_translates_a_query_both_ways():
    tl = mined.term_list({"待机功率": ["standby power"], "人机界面": ["human/machine interface", "HMI"]})
    assert crossterms.translated_names("电热水壶的待机功率", ["zh", "en"], [tl]) == {"en": ["standby power"]}
    assert crossterms.translated_names("must not be switched off through the HMI", ["zh", "en"], [tl]) == {"zh": ["人机界面"]}


def test_store_terms_are_read_from_chinese_headings_and_titles_once():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE clauses (heading TEXT, lang TEXT)")
    con.execute("CREATE TABLE documents (json TEXT, lang TEXT)")
    con.executemany("INSERT INTO clauses VALUES (?, ?)", [("备用电源 back-up power supply", "zh"), ("Number", "en"),
                                                          ("防护等级 degree of protection", "en")])
    con.execute("INSERT INTO documents VALUES (?, 'zh')", ('{"titles": {"zh": "通信模块", "en": "Communication module"}}',))
    store = SimpleNamespace(con=con)
    tl = mined.store_terms(store)
    assert sorted(tl.entries) == ["mined:备用电源", "mined:通信模块"]  # an English clause's heading is not read
    assert mined.store_terms(store) is tl


def test_term_entries_fall_below_the_clauses_about_their_term():
    hits = [fusion.Hit(1, "zh", 0.9, 1, 0.8, None), fusion.Hit(2, "zh", 0.8, 2, 0.7, None), fusion.Hit(3, "en", 0.5, 1, 0.4, None)]
    out = fusion.damp_kind(hits, {1: "terms", 2: "requirements"}, "terms", 0.7)
    assert [h.row for h in out] == [2, 1, 3] and abs(out[1].score - 0.63) < 1e-9


def test_damped_hits_show_their_rank_after_the_damping():
    """Regression: `rank_in_lang` showed the rank from before the damping, so a damped entry kept rank 1."""
    hits = [fusion.Hit(1, "zh", 0.9, 1, 0.8, None), fusion.Hit(2, "zh", 0.8, 2, 0.7, None), fusion.Hit(3, "en", 0.5, 1, 0.4, None)]
    out = fusion.damp_kind(hits, {1: "terms"}, "terms", 0.7)
    assert [(h.row, h.rank) for h in out] == [(2, 1), (1, 2), (3, 1)]
