"""What names a limit its sentence does not name (issue #12): the reference clause's heading ('Number' over
'Two … devices and one … device'), and for a limit read without a parameter the lead label of its clause and
the headings above it. Documents written for these tests, no corpus text."""

from __future__ import annotations

from zmdocs.compare import compare_documents
from zmdocs.compare.names import heading_named, named_from_headings, own_heading
from zmdocs.compare.pairing import find_clause, key_counterparts
from zmdocs.model import Clause, Document, Indicator


def _count(did: str, clause: str, param: str, value: int, text: str) -> Indicator:
    return Indicator(parameter=param, comparator="=", value=value, clause=f"{did}#{clause}", doc=did, text=text)


def _counts_ref() -> Document:
    """A reference whose 'Number' clause of the signal lamp writes two counts in one sentence, and another lamp's."""
    did = "REG 9"
    cl = [Clause(id=f"{did}#6.3", number="6.3", heading="Rear fog lamp", kind="other"),
          Clause(id=f"{did}#6.3.2", number="6.3.2", heading="Number", kind="other", parent=f"{did}#6.3", level=3),
          Clause(id=f"{did}#6.9", number="6.9", heading="Reversing lamp", kind="other"),
          Clause(id=f"{did}#6.9.2", number="6.9.2", heading="Number", kind="other", parent=f"{did}#6.9", level=3)]
    text = "Two units on wide vehicles and one unit on all other vehicles."
    inds = [_count(did, "6.3.2", "Number", 2, text), _count(did, "6.3.2", "unit on all other vehicles", 1, text),
            _count(did, "6.9.2", "Number", 1, "One or two.")]
    return Document(id=did, family="UN", lang="en", title="Installation of lamps", clauses=cl, indicators=inds)


def _counts_draft() -> Document:
    did = "ADR 99/00"
    cl = [Clause(id=f"{did}#9", number="9", heading="Specification", kind="other"),
          Clause(id=f"{did}#9.2", number="9.2", heading="", text="Number One.", kind="other", parent=f"{did}#9", level=2)]
    return Document(id=did, family="ADR", lang="en", title="Vehicle Standard – Rear Fog Lamp", clauses=cl,
                    indicators=[_count(did, "9.2", "Number", 1, "Number One.")])


def test_heading_named():
    d = Indicator(parameter="Number", comparator="=", value=1)
    assert heading_named(d, "Number") and heading_named(d, "number:")
    assert not heading_named(d, "Number of lamps per side")
    assert not heading_named(Indicator(parameter="Number", comparator="=", value=1, key="count"), "Number")  # a key decides


def test_the_heading_names_a_fragment_parameter_as_a_counterpart():
    ref = _counts_ref()
    heads = {j: own_heading(lambda c: find_clause(ref, c), r) for j, r in enumerate(ref.indicators)}
    d = _counts_draft().indicators[0]
    assert key_counterparts(d, ref.indicators) == [0, 2]  # the parameter text alone: 'unit on all other vehicles' is lost
    assert key_counterparts(d, ref.indicators, headings=heads) == [0, 1, 2]


def test_the_count_of_the_titled_lamp_pairs():
    row = compare_documents(_counts_draft(), [_counts_ref()], model=None).rows[0]
    [c] = row.counterparts
    assert (c.evidence.clause, c.original.value, c.result) == ("6.3.2", 1, "equal")  # not the reversing lamp's 'One'


def test_a_limit_without_a_parameter_is_named_by_its_label_and_headings():
    did = "D"
    cl = [Clause(id=f"{did}#4", number="4", heading="Light output", kind="other"),
          Clause(id=f"{did}#4.1", number="4.1", heading="", text="Maximum: 90 cd in any direction.", kind="other",
                 parent=f"{did}#4", level=2)]
    doc = Document(id=did, lang="en", clauses=cl)
    ind = Indicator(parameter="", comparator="<=", value=90, unit="cd", clause=f"{did}#4.1")
    named = named_from_headings(lambda c: find_clause(doc, c), ind)
    assert named.parameter == "Maximum Light output" and ind.parameter == ""  # a copy; the document is untouched
    kept = Indicator(parameter="luminous intensity", comparator="<=", value=90, unit="cd", clause=f"{did}#4.1")
    assert named_from_headings(lambda c: find_clause(doc, c), kept) is kept


def test_a_nameless_limit_takes_the_key_its_headings_name():
    did = "D"
    cl = [Clause(id=f"{did}#4", number="4", heading="Intensity of light emitted", kind="other"),
          Clause(id=f"{did}#4.2", number="4.2", text="Maximum: 90 cd in any direction.", kind="other", parent=f"{did}#4", level=2)]
    doc = Document(id=did, lang="en", clauses=cl)
    named = named_from_headings(lambda c: find_clause(doc, c),
                                Indicator(parameter="", comparator="<=", value=90, unit="cd", clause=f"{did}#4.2"))
    assert named.key == "luminous_intensity"
    in_mm = named_from_headings(lambda c: find_clause(doc, c),
                                Indicator(parameter="", comparator="<=", value=90, unit="mm", clause=f"{did}#4.2"))
    assert in_mm.key == ""  # the key's unit does not fit a length


def test_a_marked_variant_the_draft_never_names_is_not_applicable():
    from zmdocs.compare.select import MARKED_VARIANT, affinity, unnamed_variant

    d = Indicator(parameter="maximum intensity", comparator="<=", value=90, unit="cd")
    plain = Indicator(parameter="maximum intensity", comparator="<=", value=70, unit="cd", conditions=["Single lamp"])
    marked = Indicator(parameter="maximum intensity", comparator="<=", value=35, unit="cd",
                       conditions=['Lamp (single) marked "D" (paragraph 9.9.)'])
    assert unnamed_variant(d, marked) and not unnamed_variant(d, plain)
    assert not unnamed_variant(d, marked, 'two lamps marked "D"')  # the draft names the variant: it applies
    assert unnamed_variant(Indicator(parameter="x", comparator="<=", value=1, conditions=["5D 10L"]), marked)  # 5° down
    assert affinity(d, marked) <= affinity(d, plain) - MARKED_VARIANT + 1e-9


def test_a_parameter_named_twice_leaves_the_sentence_subject_unsaid():
    from zmdocs.pairing import subject_groups

    both = Indicator(parameter="category devices", comparator="=", value=1,
                     text="Two S1 or S2 category devices and one S3 or S4 category device on all vehicles.")
    assert subject_groups(both) == {}  # the start of the sentence is the other count's
    one = Indicator(parameter="height", comparator=">=", value=1, text="For the S3 category the height shall be 1 m.")
    assert subject_groups(one) == {"lamp": frozenset({"high_mounted_stop_lamp"})}


def test_lamp_category_codes_name_their_lamps():
    from zmdocs.pairing import subjects_in

    assert subjects_in("9.1.3. S3 (steady)") == {"high_mounted_stop_lamp"}
    assert subjects_in("9.1.2. S2 (variable)") == {"main_stop_lamp"}
