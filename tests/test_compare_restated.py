"""Similarity rules of issue #12 on sentences written for these tests: a sentence restated word for word, a value
stated as a share of another limit, and an allowance over a limit at the far end of a long sentence."""

from __future__ import annotations

from zmdocs.indicators import extract_text
from zmdocs.model import Indicator
from zmdocs.pairing import RESTATED_BONUS, of_a_limit, restated_bonus, similarity_match
from zmdocs.text.runs import shared_run


def _ind(text: str, value: float, unit: str = "", parameter: str = "value") -> Indicator:
    return Indicator(parameter=parameter, comparator="<=", value=value, unit=unit, text=text)


def test_shared_run_counts_words_and_lets_numbers_differ():
    a = "A pump passes if the flow measured at the outlet does not drop by more than 2,5 l/min after the run."
    b = "The batch passes where the flow measured at the outlet does not drop by more than 3.0 l/min in total."
    assert shared_run(a, b) == 15  # "the flow measured at the outlet does not drop by more than # l min"
    assert shared_run(a, "Something else entirely.") == 0
    assert shared_run("", b) == 0


def test_a_restated_sentence_lifts_a_weak_similarity():
    a = _ind("The sample passes if the mass loss determined does not exceed by more than 0.4 g the value declared.", 0.4, "g",
             "sample")
    b = _ind("A unit is accepted if the mass loss determined does not exceed by more than 0,4 g the value on its label.", 0.4, "g",
             "be accepted")
    c = _ind("The heater is switched on and the mass is noted every hour.", 0.4, "g", "be accepted")
    assert restated_bonus(a, b) == RESTATED_BONUS and restated_bonus(a, c) == 0.0
    assert similarity_match(a, b, 0.45) is not None  # 0.45 alone is under the threshold and shares no words
    assert similarity_match(a, c, 0.45) is None


def test_a_share_of_another_limit_pairs_only_with_a_share():
    share = _ind("The run is repeated if each reading is at most 0.90 of its allowable limit and one is above 0.60 of it.", 0.9)
    times = _ind("A reading above 1.2 times the limit value fails the lot.", 1.2)
    plain = Indicator(parameter="ratio", comparator="range", min=0.95, max=1.05, text="The ratio r shall be such that 0,95 ≤ r ≤ 1,05.")
    assert of_a_limit(share) and of_a_limit(times) and not of_a_limit(plain)
    assert not of_a_limit(_ind("The reading shall be at most 0.90 of its allowable limit.", 0.5))  # another number
    assert similarity_match(share, plain, 0.7) is None
    assert similarity_match(share, _ind("A lot is rejected when a reading exceeds 0.90 of its allowable limit.", 0.9), 0.7) is not None


def test_an_allowance_over_a_limit_after_a_long_qualifier():
    text = ("For pumps with a booster stage the noise measured at full speed shall not exceed the limit given in Annex 3 for "
            "the rated flow corresponding to the highest noise level measured during the runs at constant speed, plus 2 dB.")
    inds = extract_text(text, lang="en")
    assert [(i.comparator, i.value, i.unit) for i in inds] == [("<=", 2, "dB")]


def test_an_ocr_l_for_the_superscript_one_of_a_reciprocal_metre():
    for unit in ("m⁻l", "m⁻ ¹", "m·¹"):
        inds = extract_text(f"The opacity shall not exceed 1,6 {unit}.", lang="en")
        assert [(i.value, i.normalized.unit) for i in inds] == [(1.6, "m⁻¹")], unit
