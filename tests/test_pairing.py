"""The one pairing engine (zmdocs.pairing): keys, dimensions, bounds, similarity thresholds, and who uses it."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

from zmdocs import pairing
from zmdocs.model import Indicator
from zmdocs.pairing import (
    SAME_CLAUSE_BONUS,
    SIM_THRESHOLD,
    SIM_WITH_WORDS,
    bound_side,
    compatible,
    dimension,
    key_matrices,
    keys_conflict,
    same_key,
    similarity_match,
    unit_dimension,
    units_compatible,
    words,
)

ROOT = Path(__file__).resolve().parent.parent / "zmdocs"


def _ind(parameter="泄漏电流", comparator="<=", value=0.5, unit="mA", key="leakage_current", **kw) -> Indicator:
    return Indicator(parameter=parameter, comparator=comparator, value=value, unit=unit, key=key, **kw)


def test_dimensions_fold_temperature_and_keep_unknown_units_apart():
    assert unit_dimension("") == "" and unit_dimension("mA") == "A" and unit_dimension("no-such-unit") is None
    assert dimension(_ind(unit="mA")) == dimension(_ind(unit="A")) == "A"
    assert dimension(_ind(unit="K")) == dimension(_ind(unit="℃")) == "°C"  # a rise and a temperature are judged together
    assert units_compatible("°C", "K") and not units_compatible("A", "V") and not units_compatible("W", "")
    # two unknown units pair only when written alike (not merely because both are unknown)
    assert units_compatible("kW/t", "kW/t") and not units_compatible("kW/t", "foo")
    ip = _ind(comparator=">=", value="IPX4", unit="", key="ip_code", ordinal={"scale": "ip", "rank": [None, 4]})
    assert dimension(ip) == "ordinal:ip" and not pairing.same_dimension(ip, _ind(unit="", key="ip_code"))


def test_bound_sides_and_compatibility():
    assert bound_side(_ind(comparator="<")) == "upper" and bound_side(_ind(comparator=">=")) == "lower"
    level = _ind(comparator="=", value=1250, unit="V", direction="higher-is-stricter")
    assert bound_side(level) == "lower"  # a test level the product withstands bounds from below
    rng = _ind(comparator="range", value=None, min=1, max=2)
    assert compatible(_ind(), rng) and compatible(rng, _ind(comparator=">="))
    assert not compatible(_ind(), _ind(comparator=">=")) and not compatible(_ind(), _ind(unit="dB(A)"))


def test_keys_decide_when_both_have_one():
    a, b, other, bare = _ind(), _ind(parameter="leakage current"), _ind(key="noise"), _ind(key="")
    assert same_key(a, b) and not keys_conflict(a, b)
    assert keys_conflict(a, other) and not same_key(a, other)
    assert not same_key(a, bare) and not keys_conflict(a, bare) and not same_key(bare, bare)
    same, conflict = key_matrices([a, bare], [b, other, bare])
    assert same.tolist() == [[True, False, False], [False, False, False]]
    assert conflict.tolist() == [[False, True, False], [False, False, False]]
    assert same.dtype == np.bool_ and conflict.shape == (2, 3)


def test_similarity_thresholds():
    d = _ind(key="", clause="T#5.2")
    r = _ind(parameter="Ableitstrom", key="", clause="R#13.2", text="Der Ableitstrom darf 0,5 mA nicht überschreiten")
    assert similarity_match(d, r, SIM_THRESHOLD) == SIM_THRESHOLD
    assert similarity_match(d, r, SIM_THRESHOLD - 0.01) is None  # too weak, and no shared words
    assert similarity_match(d, r, SIM_WITH_WORDS - 0.01) is None
    # a weaker similarity suffices when the reference shares most of the draft parameter's words
    near = _ind(parameter="工作温度下的泄漏电流", key="", text="")
    assert similarity_match(d, near, SIM_WITH_WORDS) == SIM_WITH_WORDS
    # an adoption keeps its clause numbers
    same_num = _ind(parameter="Ableitstrom", key="", clause="R#5.2")
    assert similarity_match(d, same_num, 0.4) == 0.4 + SAME_CLAUSE_BONUS
    # two different keys never pair, however similar; another dimension never pairs
    assert similarity_match(_ind(), _ind(key="touch_current"), 0.99) is None
    assert similarity_match(d, _ind(key="", unit="V"), 0.99) is None


def test_words_are_latin_words_and_cjk_bigrams():
    assert words("Leakage current 泄漏电流") == {"leakage", "current", "泄漏", "漏电", "电流"}
    assert words("") == set() and "水" in words("a 水 b")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_the_engine_is_shared_and_neutral():
    own = _imports(ROOT / "pairing.py")
    assert not any(m.startswith(("zmdocs.align", "zmdocs.compare", "zmdocs.check", "zmdocs.diff")) for m in own)
    for user in ("align/indicators.py", "align/evidence.py", "compare/pairing.py", "compare/select.py", "check/match.py"):
        assert "zmdocs.pairing" in _imports(ROOT / user), user
    assert "zmdocs.compare" not in {m[:14] for m in _imports(ROOT / "align" / "indicators.py")}
    from zmdocs.check.match import EMBED_TAU

    assert EMBED_TAU == SIM_THRESHOLD


def test_same_parameter_by_key_else_by_name():
    assert pairing.same_parameter(_ind(), _ind(parameter="Leakage current"))
    assert not pairing.same_parameter(_ind(), _ind(key="noise"))
    bare = _ind(parameter="Hot  Water", key="")
    assert pairing.same_parameter(bare, _ind(parameter="hot water", key="x"))  # a keyless draft pairs by its name
    assert not pairing.same_parameter(_ind(parameter=" ", key=""), _ind(parameter="", key=""))


def test_clause_lookup_writes_no_cache_into_the_document():
    from zmdocs.compare.pairing import find_clause
    from zmdocs.model import Clause, Document

    doc = Document(id="X 1—2020", clauses=[Clause(id="X 1—2020#5.2", number="5.2", heading="h")])
    before = dict(doc.__dict__)
    assert find_clause(doc, "5.2") is doc.clauses[0] and find_clause(doc, "Y#5.2") is doc.clauses[0]
    assert doc.__dict__ == before
    doc.clauses.append(Clause(id="X 1—2020#6", number="6", heading="g"))
    assert find_clause(doc, "6") is doc.clauses[1]  # the index follows added clauses


def test_subjects_are_read_from_headings_leftmost_longest():
    from zmdocs.pairing import subjects_in

    assert subjects_in("位置 日间行车灯 技术要求") == {"daytime_running_lamp"}
    assert subjects_in("Position Day-time running lamp (Regulation No. 87) Individual specifications") == {"daytime_running_lamp"}
    assert subjects_in("Rear position lamps") == {"rear_position_lamp"}  # not also a front one, plural read
    assert subjects_in("Nebelschlussleuchte") == {"rear_fog_lamp"}
    assert subjects_in("Position") == subjects_in("") == frozenset()  # a generic heading names no subject
    from zmdocs.indicators.keys import glossary

    assert "rear_fog_lamp" not in glossary()  # a subject is never a parameter key


def test_a_subject_in_the_headings_decides_similarity_pairs():
    """Issue #12: the lamp name lives only in the clause heading; the height of a rear fog lamp is not the
    day-time running lamp's, however alike the parameter texts read."""
    from zmdocs.pairing import SAME_SUBJECT_BONUS, subject_agreement

    d = _ind(parameter="离地高度", comparator=">=", value=300, unit="mm", key="", clause="T#5.1.1")
    r = _ind(parameter="height", comparator=">=", value=250, unit="mm", key="", clause="R#6.19.4.2")
    drl, fog = "Position Day-time running lamp", "Position Rear fog lamp"
    assert subject_agreement(d, r, "位置 日间行车灯", drl) == 1
    assert subject_agreement(d, r, "位置 日间行车灯", fog) == -1
    assert subject_agreement(d, r, "位置", fog) == 0
    assert similarity_match(d, r, 0.45, "位置 日间行车灯", drl) == 0.45 + SAME_SUBJECT_BONUS
    assert similarity_match(d, r, 0.9, "位置 日间行车灯", fog) is None
    assert similarity_match(d, r, 0.45) is None and similarity_match(d, r, 0.9, "位置", fog) == 0.9
    # a table row's label read as a condition names the lamp too
    row = _ind(parameter="height", comparator=">=", value=250, unit="mm", key="", conditions=["Rear fog lamp"])
    assert subject_agreement(d, row, "位置 日间行车灯", "Table 3 Mounting heights") == -1


def test_subject_kinds_and_title_subject():
    """A limit for stop lamps applies to the high-mounted one; two kinds of stop lamp exclude each other; a title
    names the subject of a document whose headings name none; 'co-ordinates' is no CO."""
    from zmdocs.pairing import _kinds_agree, subjects_in, title_subject

    hm, main, stop = "high_mounted_stop_lamp", "main_stop_lamp", "stop_lamp"
    assert _kinds_agree(frozenset({hm}), frozenset({stop}))
    assert _kinds_agree(frozenset({hm, stop}), frozenset({hm, stop}))
    assert not _kinds_agree(frozenset({hm, stop}), frozenset({main, stop}))
    assert subjects_in("For S3 or S4 categories devices") == {hm}
    assert title_subject("Rule 99 – Centre High Mounted Stop Lamp", ["Intensity", "Position"]) == "Centre High Mounted Stop Lamp"
    assert title_subject("Rule 99 – Centre High Mounted Stop Lamp", ["Rear fog lamp"]) == ""
    assert subjects_in("trichromatic co-ordinates") == frozenset()
    assert subjects_in("CO and NOx") == {"carbon_monoxide", "nitrogen_oxides"}


def test_lead_label_of_untitled_clause():
    """An untitled clause opening with 'Label: …' has the label as its heading; a sentence with a modal has none."""
    from zmdocs.pairing import lead_label

    assert lead_label("In height: at any position on the rear") == "In height"
    assert lead_label("高度：不小于 300 mm") == "高度"
    assert lead_label("The lamp shall: emit red light") == ""
    assert lead_label("See 6.1: the table") == ""
