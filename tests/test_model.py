"""The typed model: closed sets as Literal types, read-only records, JSON round-trip, no caches in instances."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import asdict, fields
from typing import get_args

import pytest

from zmdocs.errors import SchemaError
from zmdocs.model import (
    CLAUSE_KINDS,
    COMPARATORS,
    DIRECTIONS,
    INDICATOR_ROLES,
    SCHEMA_VERSION,
    Adoption,
    Clause,
    Comparator,
    Direction,
    Document,
    Indicator,
    Item,
    Normalized,
    Ordinal,
    Origin,
    Provision,
    Role,
    Table,
    Term,
    check_schema_version,
)


def _doc() -> Document:
    """A small document with every part filled in."""
    doc = Document(id="GB 1—2020", title="示例", titles={"zh": "示例", "en": "Example"}, family="GB", year=2020,
                   adoption=Adoption("MOD", "IEC 1:2016", "修改采用"), status="征求意见稿", pages=3,
                   references=["GB/T 2—2019"], warnings=["w"])
    doc.clauses = [
        Clause(id="GB 1—2020#1", number="1", heading="范围", kind="scope", page=1),
        Clause(id="GB 1—2020#5", number="5", heading="要求", kind="requirements", page=2,
               provisions=[Provision("泄漏电流应不大于0.25 mA。", "requirement", start=0, end=14)],
               items=[Item("a)", "第一项", 15, 18)]),
    ]
    doc.tables = [Table(id="t1", number="1", caption="参数", clause="GB 1—2020#5", rows=[["参数", "值"], ["功率", "2 kW"]])]
    doc.terms = [Term("3.1", {"zh": "电热水壶", "en": "kettle"}, "烧水的器具", "GB 1—2020#3")]
    doc.indicators = [
        Indicator(parameter="泄漏电流", comparator="<=", value=0.25, unit="mA", key="leakage_current",
                  normalized={"value": 0.00025, "min": None, "max": None, "unit": "A"},
                  direction="lower-is-stricter", clause="GB 1—2020#5", page=2, text="泄漏电流应不大于0.25 mA"),
        Indicator(parameter="防护等级", comparator=">=", value="IPX4", key="ip_code",
                  origin={"type": "table", "table": "1", "row": 1, "col": 1},
                  ordinal={"scale": "ip", "rank": [None, 4], "label": "IPX4"}, role="test-condition"),
    ]
    return doc


def test_closed_sets_are_literal_types():
    assert COMPARATORS == get_args(Comparator) == ("<=", ">=", "<", ">", "=", "range", "tolerance")
    assert DIRECTIONS == get_args(Direction) and INDICATOR_ROLES == get_args(Role)
    assert "requirements" in CLAUSE_KINDS and "annex-normative" in CLAUSE_KINDS and len(CLAUSE_KINDS) == 14


def test_records_from_dicts_keep_dict_reads_and_add_attributes():
    ind = _doc().indicators[1]
    assert type(ind.origin) is Origin and type(ind.ordinal) is Ordinal
    assert ind.origin.row == 1 and ind.origin["col"] == 1 and ind.origin.get("note") is None and ind.origin.note is None
    assert ind.origin == {"type": "table", "table": "1", "row": 1, "col": 1} and {**ind.origin, "x": 1}["x"] == 1
    assert ind.ordinal.rank == [None, 4] and ind.ordinal["label"] == "IPX4"
    assert Indicator(parameter="p", comparator="=").origin.type == "prose"
    ind.normalized = {"value": 1.0, "min": None, "max": None, "unit": "K"}  # a later assignment is coerced too
    assert type(ind.normalized) is Normalized and ind.normalized.unit == "K"


def test_records_are_read_only_and_copy_cleanly():
    o = Origin(type="table", table="1", row=2)
    for change in (lambda: o.__setitem__("row", 3), lambda: o.update(row=3), lambda: o.pop("row"), o.clear):
        with pytest.raises(TypeError, match="read-only"):
            change()
    assert o.replace(row=3).row == 3 and o.row == 2
    assert pickle.loads(pickle.dumps(o)) == o and type(pickle.loads(pickle.dumps(o))) is Origin
    assert type(copy.deepcopy(o)) is Origin and copy.deepcopy(o) == o


def test_json_is_the_same_as_with_plain_dicts():
    ind = _doc().indicators[1]
    d = asdict(ind)
    assert d["origin"] == {"type": "table", "table": "1", "row": 1, "col": 1}
    assert json.loads(json.dumps(d)) == {**d, "origin": dict(ind.origin), "ordinal": dict(ind.ordinal)}
    assert ind.to_dict() == d


def test_document_round_trip():
    doc = _doc()
    text = doc.to_json()
    again = Document.from_dict(json.loads(text))
    assert again.to_json() == text and again == doc
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION and list(json.loads(text))[0] == "schema_version"


def test_scratch_attributes_never_reach_json():
    from zmdocs.compare.values import canonical

    doc = _doc()
    ind = doc.indicators[0]
    canonical(ind)  # caches outside the instance
    assert set(ind.__dict__) == {f.name for f in fields(Indicator)}
    ind._scratch = True  # a stage's scratch attribute is not a field: never saved
    d = json.loads(doc.to_json())
    assert "_scratch" not in d["indicators"][0] and "_scratch" not in ind.to_dict()
    assert set(d["indicators"][0]) == {f.name for f in fields(Indicator)}


def test_schema_versions():
    assert check_schema_version(1) == 1 and check_schema_version(SCHEMA_VERSION) == SCHEMA_VERSION
    with pytest.raises(SchemaError, match="upgrade zmdocs"):
        check_schema_version(SCHEMA_VERSION + 1, "x.json")
    for bad in ("2", 0, None, True):
        with pytest.raises(SchemaError, match="not a zmdocs schema"):
            check_schema_version(bad, "x.json")
    with pytest.raises(SchemaError, match="upgrade"):
        Document.from_dict({"schema_version": 99, "id": "x", "clauses": []})
