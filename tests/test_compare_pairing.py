"""Pairing rules: routine-test annexes give way to the body's type tests; unstated rated-voltage bands are all kept."""

from __future__ import annotations

import pytest

from zmdocs.compare import compare_documents
from zmdocs.compare.pairing import differ_only_unstated, is_routine_test
from zmdocs.model import Clause, Document, Indicator


def _ind(doc_id, clause, value, conditions, param="电气强度", unit="V", cmp="=") -> Indicator:
    return Indicator(parameter=param, comparator=cmp, value=value, unit=unit, key="electric_strength",
                     clause=f"{doc_id}#{clause}", doc=doc_id, conditions=list(conditions), direction="higher-is-stricter",
                     text=f"{param} {value} {unit}")


def _draft() -> Document:
    did = "T/ZZB 0001—2026"
    clauses = [Clause(id=f"{did}#5", number="5", heading="技术要求", kind="requirements"),
               Clause(id=f"{did}#5.1", number="5.1", heading="电气安全", kind="requirements", parent=f"{did}#5", level=2)]
    inds = [_ind(did, "5.1", 1500, ["Ⅰ类器具"], param="电气强度(基本绝缘，1 min)"),
            _ind(did, "5.1", 3750, ["Ⅱ类器具"], param="电气强度(加强绝缘，1 min)")]
    return Document(id=did, family="T/ZZB", lang="zh", clauses=clauses, indicators=inds)


def _ref(did: str, family: str, lang: str, annex_heading: str, body: bool = True) -> Document:
    """A reference with a type-test table per rated-voltage band (16.3) and a routine-test annex (A.3)."""
    clauses = [Clause(id=f"{did}#16", number="16", heading="泄漏电流和电气强度", kind="requirements"),
               Clause(id=f"{did}#16.3", number="16.3", heading="电气强度", kind="requirements", parent=f"{did}#16", level=2),
               Clause(id=f"{did}#A", number="A", heading=annex_heading, kind="annex-informative"),
               Clause(id=f"{did}#A.3", number="A.3", heading="电气强度试验", kind="annex-informative", parent=f"{did}#A", level=2)]
    inds = [_ind(did, "A.3", 1000, ["基本绝缘"]), _ind(did, "A.3", 2500, ["加强绝缘"])]
    if body:
        inds += [_ind(did, "16.3", 1000, ["基本绝缘", "额定电压＞60～150 V"]),
                 _ind(did, "16.3", 1250, ["基本绝缘", "额定电压＞150～250 V"]),
                 _ind(did, "16.3", 2500, ["加强绝缘", "额定电压＞60～150 V"]),
                 _ind(did, "16.3", 3000, ["加强绝缘", "额定电压＞150～250 V"])]
    return Document(id=did, family=family, lang=lang, clauses=clauses, indicators=inds)


@pytest.mark.parametrize("heading", ["例行试验", "出厂检验", "Routine tests", "Stückprüfungen"])
@pytest.mark.parametrize("model", [None, "hash"])
def test_type_test_not_routine_annex_and_strictest_band(heading, model):
    c = compare_documents(_draft(), [_ref("GB 1—2020", "GB", "zh", heading)], model=model)
    basic, reinforced = c.rows[0], c.rows[1]
    for row, kept, strictest, margin in ((basic, {1000, 1250}, 1250, 0.2), (reinforced, {2500, 3000}, 3000, 0.25)):
        assert {cp.evidence.clause for cp in row.counterparts} == {"16.3"}  # not the routine test A.3
        # one counterpart per reference: the draft states no rated voltage, so the strictest band applies;
        # the other band stays as evidence
        assert [cp.value.value for cp in row.counterparts] == [strictest]
        assert {e.clause for e in row.counterparts[0].alternatives} >= {"16.3"} and len(kept) == 2
        assert row.result == "stricter"
        assert row.counterparts[row.strictest].value.value == strictest
        assert row.margin == pytest.approx(margin)


def test_routine_annex_still_counts_when_the_body_has_nothing():
    c = compare_documents(_draft(), [_ref("GB 1—2020", "GB", "zh", "例行试验", body=False)])
    assert [cp.evidence.clause for cp in c.rows[0].counterparts] == ["A.3"]
    assert c.rows[0].counterparts[0].value.value == 1000


def test_annex_that_is_not_routine_is_kept():
    c = compare_documents(_draft(), [_ref("GB 1—2020", "GB", "zh", "电气强度的补充要求")])
    cp = c.rows[0].counterparts[0]
    assert "A.3" in {cp.evidence.clause} | {e.clause for e in cp.alternatives}


def test_is_routine_test_needs_an_annex():
    ref = _ref("IEC 1:2020", "IEC", "en", "Routine tests")
    body, annex = ref.indicators[2], ref.indicators[0]
    assert is_routine_test(ref, annex) and not is_routine_test(ref, body)
    ref.clauses[1].heading = "Routine tests"  # a body clause so named is not an annex of routine tests
    assert not is_routine_test(ref, body)


def test_bands_kept_only_when_the_draft_does_not_state_them():
    ref = _ref("GB 1—2020", "GB", "zh", "例行试验")
    cands = [2, 3]  # basic insulation, two rated-voltage bands
    draft = _draft().indicators[0]
    assert differ_only_unstated(draft, ref.indicators, cands)
    draft.conditions = ["额定电压＞150～250 V"]  # the draft states its band: narrow to it
    assert not differ_only_unstated(draft, ref.indicators, cands)
    draft.conditions = ["手柄"]  # a condition read only by similarity: leave it to the embedding
    assert not differ_only_unstated(draft, ref.indicators, cands)
    assert not differ_only_unstated(_draft().indicators[0], ref.indicators, [2, 4])  # other insulation: not only bands


class _Fake:
    """Embeddings by keyword, so that similarities are known: the draft's connector, a keyless foreign
    connector limit that reads 0.45 like it, and a thermostat limit under the same key that reads unlike it."""

    def encode(self, texts):
        import numpy as np

        def vec(t):
            if "连接器" in t:
                return (1.0, 0.0, 0.0)
            if "connector" in t.lower():
                return (0.45, 0.893, 0.0)
            return (0.0, 0.0, 1.0)
        return np.array([vec(t) for t in texts], dtype=np.float32)


def test_a_shared_key_for_another_part_gives_way_to_a_far_more_similar_keyless_limit():
    did, rid = "T/ZZB 0002—2026", "IEC 1:2020"
    draft = Document(id=did, family="T/ZZB", lang="zh", clauses=[
        Clause(id=f"{did}#5", number="5", heading="技术要求", kind="requirements"),
        Clause(id=f"{did}#5.2", number="5.2", heading="连接器寿命", kind="requirements", parent=f"{did}#5", level=2)],
        indicators=[Indicator(parameter="连接器插拔次数", comparator=">=", value=20000, unit="次", key="lifetime_cycles",
                              clause=f"{did}#5.2", doc=did, direction="higher-is-stricter", text="连接器插拔次数不少于20 000次")])
    ref = Document(id=rid, family="IEC", lang="en", clauses=[
        Clause(id=f"{rid}#22", number="22", heading="Construction", kind="requirements"),
        Clause(id=f"{rid}#22.103", number="22.103", heading="Connector contacts", kind="requirements", parent=f"{rid}#22", level=2),
        Clause(id=f"{rid}#24", number="24", heading="Components", kind="requirements"),
        Clause(id=f"{rid}#24.1.4", number="24.1.4", heading="Thermostats", kind="requirements", parent=f"{rid}#24", level=2)],
        indicators=[Indicator(parameter="Thermostats that operate", comparator=">=", value=10000, unit="cycles", key="lifetime_cycles",
                              clause=f"{rid}#24.1.4", doc=rid, direction="higher-is-stricter", text="Thermostats: at least 10 000 cycles"),
                    Indicator(parameter="contacts of the connector", comparator=">=", value=10000, unit="cycles",
                              clause=f"{rid}#22.103", doc=rid, text="The connector contacts withstand at least 10 000 cycles")])
    row = compare_documents(draft, [ref], model=_Fake()).rows[0]
    assert [c.evidence.clause for c in row.counterparts] == ["22.103"]
    # the thermostat's limit is for another part (glossary subjects: connector vs thermostat), not even an alternative
    assert [e.clause for e in row.counterparts[0].alternatives] == []
    assert compare_documents(draft, [ref], model=None).rows[0].counterparts == []  # keys only: no connector limit


def _lamps(did: str, lang: str, lamps: list[tuple[str, str, str, float]]) -> Document:
    """A document with one numbered clause per lamp (heading = the lamp) holding one mounting height."""
    clauses = [Clause(id=f"{did}#5", number="5", heading="技术要求" if lang == "zh" else "Requirements", kind="requirements")]
    inds = []
    for n, (num, lamp, param, value) in enumerate(lamps):
        clauses.append(Clause(id=f"{did}#{num}", number=num, heading=lamp, kind="requirements", parent=f"{did}#5", level=2))
        clauses.append(Clause(id=f"{did}#{num}.1", number=f"{num}.1", heading="位置" if lang == "zh" else "Position",
                              kind="requirements", parent=f"{did}#{num}", level=3))
        inds.append(Indicator(parameter=param, comparator=">=", value=value, unit="mm", clause=f"{did}#{num}.1", doc=did,
                              direction="higher-is-stricter", text=f"{param} {value} mm", origin={"n": n}))
    return Document(id=did, family="T/ZZB" if did.startswith("T/") else "GB", lang=lang, clauses=clauses, indicators=inds)


def test_the_lamp_of_the_heading_decides_the_counterpart(fake_embedder):
    """Issue #12 (UN R48 case): the draft's heights differ only by the lamp named in their headings; the
    reference's fog-lamp height reads exactly like the draft's parameter, the running-lamp one does not."""
    draft = _lamps("T/ZZB 0003—2026", "zh", [("5.1", "日间行车灯", "离地高度", 300), ("5.2", "后雾灯", "离地高度", 250)])
    ref = _lamps("GB 2—2020", "zh", [("6.11", "后雾灯", "离地高度", 250), ("6.19", "日间行车灯", "发光面离地的高度", 250)])
    rows = {r.evidence.clause: r for r in compare_documents(draft, [ref], model=fake_embedder).rows}
    assert [c.evidence.clause for c in rows["5.1.1"].counterparts] == ["6.19.1"]
    assert [c.evidence.clause for c in rows["5.2.1"].counterparts] == ["6.11.1"]
    assert all(e.clause != "6.11.1" for e in rows["5.1.1"].counterparts[0].alternatives)  # another lamp: not even evidence


def test_same_key_limits_of_another_subject_are_dropped():
    from zmdocs.compare.pairing import key_counterparts

    d = Indicator(parameter="离地高度", comparator=">=", value=300, unit="mm", key="mounting_height")
    refs = [Indicator(parameter="height", comparator=">=", value=v, unit="mm", key="mounting_height") for v in (250, 350, 400)]
    ctx = {0: "Position Rear fog lamp", 1: "Position Day-time running lamp", 2: "Position"}
    assert key_counterparts(d, refs, ctx, "位置 日间行车灯") == [1]
    assert key_counterparts(d, refs, ctx, "位置") == [0, 1, 2]  # the draft names no lamp: all stay
    assert key_counterparts(d, refs, {**ctx, 1: ctx[0]}, "位置 日间行车灯") == [2]  # another lamp never; no lamp may


def test_a_similar_other_parameter_does_not_win_by_being_stricter():
    """Regression (stop 21): 踏板力 ≤ 250 N paired with 手握力 ≤ 200 N of the same sentence, found by similarity
    only, because among "equally fitting" candidates the strictest wins; that rule is for one parameter."""
    from types import SimpleNamespace

    from zmdocs.compare.select import choose

    def cand(j, aff, score, result, margin):
        return {"j": j, "affinity": aff, "score": score,
                "judgement": SimpleNamespace(result=result, margin=margin)}

    same = cand(0, 1.415, None, "stricter", 0.17)
    other = cand(2, 1.386, 0.71, "looser", -0.25)
    chosen, others = choose([same, other])
    assert chosen is same and others == [other]
    # a similarity-only candidate that fits clearly better still wins
    better = cand(3, 1.8, 0.9, "looser", -0.1)
    assert choose([same, better])[0] is better


def test_regulation_without_requirements_chapter_has_key_indicators():
    """A regulation (§§ and a normative annex, no 'Requirements' chapter): its limits are the key indicators."""
    from zmdocs.compare.pairing import select_keys

    did = "Test-VO 2026"
    clauses = [Clause(id=f"{did}#1", number="1", heading="Allgemeines", kind="other"),
               Clause(id=f"{did}#Anlage 1", number="Anlage 1", heading="Grenzwerte", kind="annex-normative")]
    inds = [Indicator(parameter="Stoff A", comparator="<=", value=0.5, unit="mg/l", clause=f"{did}#Anlage 1", doc=did),
            Indicator(parameter="Frist", comparator="<=", value=3, unit="Jahre", clause=f"{did}#1", doc=did),
            Indicator(parameter="Prüftemperatur", comparator="=", value=22, unit="°C", clause=f"{did}#1", doc=did,
                      role="test-condition")]
    doc = Document(id=did, lang="de", clauses=clauses, indicators=inds)
    keys, how = select_keys(doc, inds, [0, 1, 2], None)
    assert keys == {0, 1} and how == "default"  # the test condition is not a key indicator


def test_unchanged_list_sentence_pairs_slot_by_slot():
    """A sentence kept word for word (three limits for places no condition names): the k-th pairs with the k-th."""
    did, rid = "E-VO 2026", "VO 2001"
    text = "Es gelten folgende Grenzwerte: 100/ml am Hahn, 20/ml nach der Aufbereitung, 1000/ml im Speicher."

    def doc(i, vals):
        cl = [Clause(id=f"{i}#Anlage 3", number="Anlage 3", heading="Grenzwerte", kind="annex-normative")]
        inds = [Indicator(parameter="Koloniezahl", comparator="<=", value=v, unit="/ml", clause=f"{i}#Anlage 3", doc=i,
                          text=text) for v in vals]
        return Document(id=i, lang="de", clauses=cl, indicators=inds)

    c = compare_documents(doc(did, [100, 20, 1000]), [doc(rid, [100, 20, 1000])])
    assert [(r.draft.value, r.counterparts[0].value.value, r.result) for r in c.rows] == \
        [(100, 100, "equal"), (20, 20, "equal"), (1000, 1000, "equal")]
