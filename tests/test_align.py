"""Alignment building blocks on hand-made inputs (hash fake or synthetic similarity matrices)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from zmdocs.align import align_documents
from zmdocs.align.degree import choose_mode, declared_adoption, same_standard
from zmdocs.align.evaluate import links, outline_document, prf
from zmdocs.align.indicators import align_indicators, indicator_deviations
from zmdocs.align.monotonic import diagonal_strength, merged_sims, monotonic_align, recover_moved
from zmdocs.errors import AlignError
from zmdocs.model import Adoption, Document, Indicator
from zmdocs.pairing import units_compatible
from zmdocs.report.alignment import render_alignment


def _unit_vectors(k: int, d: int = 32, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(k, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_monotonic_finds_split_merge_and_skips():
    base = _unit_vectors(8)
    # A: 0 1 2 3 4 5 6 ; B: 0 1 (2a 2b) 3 X (4+5) 6  where 2 is split, 4 and 5 merged, X inserted, nothing deleted
    va = base[:7]
    b2a = base[2] + 0.9 * _unit_vectors(1, seed=5)[0]
    b2b = base[2] + 0.9 * _unit_vectors(1, seed=6)[0]
    vb = np.stack([base[0], base[1], b2a, b2b, base[3], base[7], base[4] + base[5], base[6]])
    vb /= np.linalg.norm(vb, axis=1, keepdims=True)
    s = va @ vb.T
    s12, s21 = merged_sims(va, vb)
    beads = monotonic_align(s, s12, s21, tau=0.35)
    assert beads == [([0], [0]), ([1], [1]), ([2], [2, 3]), ([3], [4]), ([4, 5], [6]), ([6], [7])]
    assert diagonal_strength(s, beads) > 0.8


def test_recover_moved_pairs_swapped_clauses():
    base = _unit_vectors(6, seed=3)
    va, vb = base[[0, 1, 2, 3, 4]], base[[0, 1, 3, 2, 4]]  # 2 and 3 swapped
    s = va @ vb.T
    s12, s21 = merged_sims(va, vb)
    beads = monotonic_align(s, s12, s21)
    got = beads + recover_moved(s, beads, 0.5)
    assert sorted(links([(list(map(str, a)), list(map(str, b))) for a, b in got])) == [
        ("0", "0"), ("1", "1"), ("2", "3"), ("3", "2"), ("4", "4")]


def test_f1_on_expanded_links():
    gold = [{"a": ["5.2"], "b": ["5.3", "5.4"]}, {"a": ["6"], "b": ["6"]}]
    assert links(gold) == {("5.2", "5.3"), ("5.2", "5.4"), ("6", "6")}
    r = prf({("5.2", "5.3"), ("6", "7")}, links(gold))
    assert r["precision"] == 0.5 and abs(r["recall"] - 1 / 3) < 1e-9


def test_same_standard_and_declared_adoption():
    assert same_standard("IEC 60335-2-15:2016", "IEC 60335-2-15:2012")
    assert same_standard("GB 4706.19—2024", "GB 4706.19-2008")
    assert not same_standard("IEC 60335-2-15:2016", "IEC 60335-2-9:2016")
    a = Document(id="GB 4706.19—2024", adoption=Adoption("MOD", "IEC 60335-2-15:2016"))
    b = Document(id="IEC 60335-2-15:2016")
    d = declared_adoption(a, b)
    assert d and d["relation"] == "MOD" and d["by"] == "a"
    assert choose_mode(d, 40, 80, None)[0] == "translation"
    assert choose_mode(None, 40, 100, 0.9)[0] == "free"
    assert choose_mode(None, 40, 45, 0.9)[0] == "translation"
    assert choose_mode(None, 40, 45, 0.3)[0] == "free"


def _ind(param, comp, value, unit, canon, key="", clause=None, conditions=()):
    return Indicator(parameter=param, comparator=comp, value=value, unit=unit, key=key, clause=clause,
                     normalized={"value": value, "unit": canon}, conditions=list(conditions))


def test_units_compatibility():
    assert units_compatible("A", "A") and units_compatible("°C", "K")
    assert not units_compatible("A", "dB_A") and not units_compatible("W", "")


def test_indicator_alignment_respects_units_and_keys(fake_embedder):
    a = [_ind("leakage current", "<=", 0.00025, "mA", "A", key="leakage_current"),
         _ind("noise", "<=", 40, "dB(A)", "dB(A)", key="noise")]
    b = [_ind("noise level", "<=", 45, "dB(A)", "dB(A)", key="noise"),
         _ind("leakage current", "<=", 0.00075, "mA", "A", key="leakage_current"),
         _ind("leakage current", "<=", 0.00025, "dB", "dB", key="")]  # wrong dimension: never paired
    texts = [i.parameter for i in a + b]
    v = fake_embedder.encode(texts)
    pairs = align_indicators(a, b, v[:2], v[2:], set())
    got = {(p.a, p.b) for p in pairs}
    assert got == {(0, 1), (1, 0)}
    assert all(0 < p.score <= 1 for p in pairs)
    devs = indicator_deviations(a, b, pairs)
    assert {(d["a"], d["b"]) for d in devs} == {(0, 1), (1, 0)} and all("value" in d["differs_in"] for d in devs)


ZH = """# doc: T/ZZB 1—2026
1 范围
本文件规定了电热水壶的要求。
5 技术要求
5.1 泄漏电流
泄漏电流应不大于0.25 mA。
5.2 噪声
噪声应不大于50 dB(A)。
5.3 待机功率
待机功率应不大于0.5 W。
"""


def test_align_same_language_with_hash(fake_embedder):
    a = outline_document(ZH)
    b = outline_document(ZH.replace("5.2 噪声\n噪声应不大于50 dB(A)。\n", "").replace("T/ZZB 1", "T/ZZB 2")
                         + "5.4 噪声\n噪声应不大于45 dB(A)。\n")
    r = align_documents(a, b, mode="translation", model=fake_embedder)
    assert ("5.1", "5.1") in links(r.pairs) and ("5.3", "5.3") in links(r.pairs)
    assert ("5.2", "5.4") in links(r.pairs)  # moved clause recovered
    rf = align_documents(a, b, mode="free", model=fake_embedder)
    assert ("5.2", "5.4") in links(rf.pairs) and rf.mode == "free"
    assert r.adoption["estimate"] in ("IDT", "MOD", "NEQ") and r.adoption["evidence"]


def test_align_rejects_documents_without_clauses(fake_embedder):
    with pytest.raises(AlignError, match="no numbered clauses"):
        align_documents(Document(id="x"), outline_document(ZH), model=fake_embedder)
    with pytest.raises(AlignError, match="mode"):
        align_documents(outline_document(ZH), outline_document(ZH), mode="sideways", model=fake_embedder)


def test_render_formats(fake_embedder):
    a, b = outline_document(ZH), outline_document(ZH.replace("T/ZZB 1", "T/ZZB 3"))
    r = align_documents(a, b, model=fake_embedder)
    d = json.loads(render_alignment(r, "json"))
    for k in ("pairs", "unmatched_a", "unmatched_b", "indicator_pairs", "adoption", "mode", "mode_reason"):
        assert k in d
    assert {"a", "b", "score"} <= set(d["pairs"][0])
    assert d["adoption"]["estimate"] == "IDT"
    md = render_alignment(r, "md")
    assert "| 5.1 泄漏电流 | 5.1 泄漏电流 |" in md
    assert "5.2 噪声" in render_alignment(r, "table")
    docx = render_alignment(r, "docx")
    assert isinstance(docx, bytes) and docx[:2] == b"PK"


def test_cli_align_json_documents(tmp_path):
    from click.testing import CliRunner

    from zmdocs.cli import cli

    pa, pb = tmp_path / "a.json", tmp_path / "b.json"
    pa.write_text(outline_document(ZH).to_json(), encoding="utf-8")
    pb.write_text(outline_document(ZH.replace("T/ZZB 1", "T/ZZB 4")).to_json(), encoding="utf-8")
    res = CliRunner().invoke(cli, ["align", str(pa), str(pb), "--format", "json", "--model", "hash"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["pairs"]
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    res = CliRunner().invoke(cli, ["align", str(bad), str(pb), "--model", "hash"])
    assert res.exit_code == 1 and "bad.json" in res.output


def test_regulation_articles_and_unnumbered_fallback(fake_embedder):
    from zmdocs.align.units import clause_units
    from zmdocs.model import Clause
    from zmdocs.text.clausenum import norm_number

    assert norm_number("第十二条") == norm_number("Article 12") == norm_number("§ 12") == "12"
    assert norm_number("a.1") == "A.1" and norm_number("5.2.") == "5.2"
    reg = Document(id="reg", clauses=[Clause(id=f"reg#{k}", number=f"第{n}条", text=t) for k, (n, t) in
                                      enumerate([("一", "本条例适用于电器。"), ("二", "生产者应当标明额定电压。")])])
    assert [u.number for u in clause_units(reg)] == ["第一条", "第二条"]
    loose = Document(id="loose", clauses=[Clause(id="loose#p1", number="", text="本条例适用于电器。"),
                                          Clause(id="loose#p2", number="", kind="foreword", text="前言"),
                                          Clause(id="loose#p3", number="", text="生产者应当标明额定电压。")])
    units = clause_units(loose)
    assert [u.number for u in units] == ["¶1", "¶3"]
    r = align_documents(reg, loose, mode="translation", model=fake_embedder)
    assert links(r.pairs) == {("第一条", "¶1"), ("第二条", "¶3")}


def test_running_text_regulation_is_cut_into_articles(fake_embedder):
    from zmdocs.align.units import clause_units
    from zmdocs.model import Clause
    from zmdocs.text.clausenum import norm_number

    assert norm_number("第二章") == norm_number("Chapter II") == "CH2"
    text = "第一章 总则\n第一条 为了加强产品质量监督，制定本法。\n第二条 生产者应当遵守本法。\n第二章 监督\n第三条 国家实行抽查制度。"
    doc = Document(id="law", clauses=[Clause(id="law#body", number="body", text=text)])
    units = clause_units(doc)
    assert [u.number for u in units] == ["第一章", "第一条", "第二条", "第二章", "第三条"]
    assert units[0].heading == "总则" and units[2].text == "生产者应当遵守本法。"
    assert units[4].parent == "第二章"
    r = align_documents(doc, doc, mode="translation", model=fake_embedder)
    assert links(r.pairs) == {(u.number, u.number) for u in units}


def test_indicator_one_to_one_follows_conditions(fake_embedder):
    from zmdocs.align.indicators import condition_vectors

    a = [_ind("leakage current", "<=", 0.00075, "mA", "A", key="leakage_current", clause="A#13.2", conditions=["class I appliances"]),
         _ind("leakage current", "<=", 0.00025, "mA", "A", key="leakage_current", clause="A#13.2", conditions=["class II appliances"])]
    b = [_ind("leakage current", "<=", 0.00025, "mA", "A", key="leakage_current", clause="B#13.2", conditions=["class II appliances"]),
         _ind("leakage current", "<=", 0.0005, "mA", "A", key="leakage_current", clause="B#13.2", conditions=["class I appliances"])]
    v = fake_embedder.encode([i.parameter for i in a + b])
    ca, cb = condition_vectors(a, fake_embedder), condition_vectors(b, fake_embedder)
    pairs = align_indicators(a, b, v[:2], v[2:], {("A#13.2", "B#13.2")}, cond_a=ca, cond_b=cb, one_to_one=True)
    assert {(p.a, p.b) for p in pairs} == {(0, 1), (1, 0)}
    devs = indicator_deviations(a, b, pairs, ca, cb)
    assert [(d["a"], d["differs_in"]) for d in devs] == [(0, ["value"])]
