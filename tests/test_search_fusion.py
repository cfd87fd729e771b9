"""Unit tests of the language-aware fusion: adoption echo, script-weighted BM25, de/fr stemming."""

from __future__ import annotations

from zmdocs.index import fusion
from zmdocs.index.lexical import query_tokens, script_weights, tokenize


def test_german_and_french_words_are_stemmed_for_their_language_only():
    assert tokenize("Ableitströme", lang="de") == tokenize("Ableitstrom", lang="de")
    assert tokenize("Prüfungen", lang="de") == tokenize("Prüfung", lang="de")
    assert tokenize("les courants", lang="fr") == tokenize("le courant", lang="fr")
    assert tokenize("leakage currents", lang="en") == ["leakage", "currents"]  # English is not stemmed
    assert "60335-2-15" in tokenize("EN 60335-2-15 Prüfungen", lang="de")  # codes and numbers kept whole
    assert tokenize("泄漏电流", lang="de") == tokenize("泄漏电流")


def test_query_adds_the_stems_the_index_holds():
    vocab = {"ableitstrom": 0, "ableitströme": 1}
    toks = query_tokens("Ableitströme", vocab=vocab)
    assert toks[0] == "ableitströme" and "ableitstrom" in toks
    assert query_tokens("leakage", vocab={"leakage": 0}) == ["leakage"]  # no stem outside the vocabulary


def test_bm25_counts_only_in_the_script_of_the_query():
    assert script_weights("leakage current after humidity treatment", ["zh", "en", "de"]) == {"zh": 0.0, "en": 1.0, "de": 1.0}
    assert script_weights("潮湿处理后的泄漏电流", ["zh", "en"]) == {"zh": 1.0, "en": 0.0}
    mixed = script_weights("USB接口电压", ["zh", "en"])
    assert 0 < mixed["en"] < mixed["zh"] < 1
    assert script_weights("0.75", ["zh", "en"]) == {}


def test_lexical_weight_zero_ranks_by_dense_alone():
    dense, lex = [(1, 0.5), (2, 0.4)], [(2, 9.0), (3, 5.0)]
    assert fusion.language_scores(dense, lex, 0.0) == fusion.language_scores(dense, [])
    full = fusion.language_scores(dense, lex)
    assert full[2] > full[1]


def test_adoption_echo_lifts_the_counterpart_in_a_weak_language():
    # zh: the query's own language, strong cosines; de: weak cosines, the counterpart (21) only 3rd
    dense = {"zh": [(10, 0.80), (11, 0.70)], "de": [(20, 0.45), (22, 0.44), (21, 0.43)]}
    lex: dict[str, list[tuple[int, float]]] = {"zh": [], "de": []}
    plain = [h.row for h in fusion.merge(dense, lex, top=3)]
    assert 21 not in plain
    pairs = {10: [(21, "de")], 11: [(23, "de")]}  # 23: a counterpart no signal found

    def counterparts(rows):
        return {r: pairs[r] for r in rows if r in pairs}

    hits = fusion.merge(dense, lex, top=3, echo=counterparts)
    assert [h.row for h in hits][:2] == [10, 21]
    h21 = next(h for h in hits if h.row == 21)
    assert h21.lang == "de" and h21.rank == 1 and h21.score <= 1.0
    assert hits[0].score == 1.0  # the lender keeps its score
    allh = fusion.merge(dense, lex, top=10, echo=counterparts)
    assert any(h.row == 23 and h.cosine is None for h in allh)
    per = fusion.merge(dense, lex, top=3, per_lang=1, echo=counterparts)
    assert sorted((h.lang, h.row) for h in per) == [("de", 21), ("zh", 10)]


def test_merge_is_deterministic_on_ties():
    dense = {"en": [(1, 0.5)], "de": [(2, 0.5)], "zh": [(3, 0.5)]}
    lex: dict[str, list[tuple[int, float]]] = {}
    first = [h.row for h in fusion.merge(dense, lex, top=3)]
    assert all([h.row for h in fusion.merge(dict(reversed(dense.items())), lex, top=3)] == first for _ in range(3))


def test_the_query_scripts_cosine_bonus_is_taken_off_before_damping(monkeypatch):
    """A Chinese query: the zh near-matches score 0.8, the English clause that translates it 0.6."""
    dense = {"zh": [(10, 0.80), (11, 0.78), (12, 0.76)], "en": [(20, 0.60)]}
    lex: dict[str, list[tuple[int, float]]] = {"zh": [], "en": []}
    weights = {"zh": 1.0, "en": 0.0}
    monkeypatch.setattr(fusion, "SCRIPT_OFFSET", 0.0)
    plain = [h.row for h in fusion.merge(dense, lex, top=2, lex_weight=weights)]
    monkeypatch.setattr(fusion, "SCRIPT_OFFSET", 0.2)
    fair = [h.row for h in fusion.merge(dense, lex, top=2, lex_weight=weights)]
    assert 20 not in plain and 20 in fair
    # a store of one script, or no weights given: nothing changes
    assert [h.row for h in fusion.merge(dense, lex, top=2)] == plain
    assert fusion.damping({"zh": 0.6, "en": 0.6}) == {"zh": 1.0, "en": 1.0}
