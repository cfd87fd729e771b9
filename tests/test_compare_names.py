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
