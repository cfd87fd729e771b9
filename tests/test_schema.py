"""The one validation layer (zmdocs.schema): saved JSON of schema 1 and 2, rules, glossary, product YAML.

Every failure is one line naming the file and the field, as the caller's ZmdocsError subclass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from zmdocs.cli import cli
from zmdocs.compare.product import load_product
from zmdocs.compare.rules import load_rules
from zmdocs.errors import CompareError, SchemaError
from zmdocs.model import SCHEMA_VERSION, Document
from zmdocs.schema import document_from_data, glossary_from_data, load_document

DATA = Path(__file__).resolve().parents[1] / "zmdocs" / "data"

# A document as zmdocs 0.1 saved it (schema 1: no status, no clause items, no indicator role).
V01 = {
    "schema_version": 1, "id": "GB 1—2020", "title": "示例", "titles": {"zh": "示例"}, "lang": "zh", "family": "GB",
    "number": "1", "year": 2020, "ics": "", "ccs": "", "published": "", "implemented": "", "replaces": [],
    "adoption": {"relation": "MOD", "standard": "IEC 1:2016", "text": ""}, "source": "a.pdf", "format": "pdf",
    "sha256": "", "pages": 2,
    "clauses": [{"id": "GB 1—2020#5", "number": "5", "heading": "要求", "text": "泄漏电流应不大于0.25 mA。", "level": 1,
                 "parent": None, "kind": "requirements", "page": 2, "page_end": None,
                 "provisions": [{"text": "泄漏电流应不大于0.25 mA。", "form": "requirement", "negated": False,
                                 "start": 0, "end": 14}]}],
    "tables": [], "terms": [], "references": [],
    "indicators": [{"parameter": "泄漏电流", "comparator": "<=", "value": 0.25, "min": None, "max": None, "unit": "mA",
                    "key": "leakage_current", "normalized": {"value": 0.00025, "min": None, "max": None, "unit": "A"},
                    "conditions": [], "method": None, "direction": "lower-is-stricter", "clause": "GB 1—2020#5",
                    "page": 2, "text": "", "origin": {"type": "prose"}, "ordinal": None, "doc": None}],
    "warnings": [],
}


def _one_line(msg: str) -> None:
    assert "\n" not in msg and "pydantic" not in msg and "Traceback" not in msg


def test_reads_a_zmdocs_0_1_file(tmp_path):
    f = tmp_path / "old.json"
    f.write_text(json.dumps(V01, ensure_ascii=False), encoding="utf-8")
    doc = load_document(f)
    assert doc.status == "final" and doc.clauses[0].items == [] and doc.indicators[0].role == "requirement"
    assert doc.indicators[0].normalized.unit == "A" and doc.schema_version == SCHEMA_VERSION
    assert json.loads(doc.to_json())["schema_version"] == SCHEMA_VERSION


def test_current_file_round_trips(tmp_path):
    doc = Document.from_dict(V01)
    f = tmp_path / "now.json"
    f.write_text(doc.to_json(), encoding="utf-8")
    assert load_document(f).to_json() == doc.to_json()


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), ["upgrade zmdocs"]),
    (lambda d: d.update(schema_version="two"), ["schema_version", "not a zmdocs schema"]),
    (lambda d: d["clauses"][0].update(kind="annexe"), ["clauses[1]", "`kind`", "'annexe'"]),
    (lambda d: d["indicators"][0].update(comparator="≤"), ["indicators[1]", "`comparator`"]),
    (lambda d: d["indicators"][0].update(page="2"), ["indicators[1]", "`page`", "whole number"]),
    (lambda d: d.update(clauses={"a": 1}), ["`clauses`", "must be a list"]),
    (lambda d: d["clauses"][0].pop("id"), ["clauses[1]", "`id` is required"]),
])
def test_bad_saved_json_is_one_line_naming_file_and_field(change, words):
    d = json.loads(json.dumps(V01))
    change(d)
    with pytest.raises(SchemaError) as e:
        document_from_data(d, "bad.json")
    msg = str(e.value)
    _one_line(msg)
    assert msg.startswith("bad.json: ") and all(w in msg for w in words), msg


def test_cli_bad_saved_json_exit_1(tmp_path):
    d = json.loads(json.dumps(V01))
    d["indicators"][0]["direction"] = "up"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(d), encoding="utf-8")
    res = CliRunner().invoke(cli, ["align", str(bad), str(bad), "--format", "json"])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.json" in lines[0] and "`direction`" in lines[0] and "Traceback" not in res.output


@pytest.mark.parametrize("text, words", [
    ("levels:\n  - id: a\n    against: [domestic]\n    min_stricer: 1\n", ["unknown field `min_stricer`", "levels[1]",
                                                                          "min_stricter"]),
    ("levels:\n  - id: a\n    against: [domestic]\nevidnce: {}\n", ["unknown field `evidnce`"]),
    ("levels:\n  - id: a\n    against: domestic\n    not_comparable: skip\n", ["`not_comparable`", "'skip'"]),
    ("levels:\n  - id: a\n    against: [domestic]\n  - id: a\n    against: [foreign]\n", ["appears twice"]),
    ("levels:\n  - id: a b\n    against: [domestic]\n", ["`id`", "letters, digits and dashes"]),
    ("levels:\n  - id: a\n    against: [domestic]\n    min_stricter: -1\n", ["`min_stricter`", "≥ 0"]),
    ("levels:\n  - id: a\n    against: [domestic]\n    all_at_least_equal: 'yes'\n", ["`all_at_least_equal`",
                                                                                    "true or false"]),
    ("levels:\n  - id: a\n    against: [domestic]\nevidence: {min_key_share: 1.5}\n", ["evidence", "`min_key_share`"]),
    ("- a\n- b\n", ["must be a mapping"]),
])
def test_bad_rules_file(tmp_path, text, words):
    f = tmp_path / "myrules.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(CompareError) as e:
        load_rules(f)
    msg = str(e.value)
    _one_line(msg)
    assert msg.startswith(f"{f}: ") and all(w in msg for w in words), msg


def test_good_rules_file_reads_as_before(tmp_path):
    f = tmp_path / "r.yaml"
    f.write_text("levels:\n  - id: ok\n    label: fine\n    against: international\n    not_looser_than: domestic\n"
                 "not_reached: nope\n", encoding="utf-8")
    r = load_rules(f)
    lv = r.levels[0]
    assert (lv.label, lv.against, lv.not_looser_than, lv.min_compared) == ({"zh": "fine", "en": "fine"},
                                                                          ["international"], ["domestic"], 1)
    assert r.not_reached == {"zh": "nope", "en": "nope"} and (r.min_key_compared, r.min_key_share) == (1, 0.0)
    assert [lv.id for lv in load_rules().levels][0] == "international-leading"


def test_builtin_glossary_is_valid():
    from zmdocs.indicators.keys import glossary

    data = yaml.safe_load((DATA / "glossary.yaml").read_text(encoding="utf-8"))
    assert glossary() == data["keys"]


@pytest.mark.parametrize("entry, words", [
    ({"zh": ["泄漏电流"], "untis": "A"}, ["keys.leakage_current", "unknown field `untis`", "known: zh, en"]),
    ({"zh": ["泄漏电流"], "kind": "delat"}, ["`kind`", "'delat'"]),
    ({"zh": "泄漏电流"}, ["`zh`", "must be a list"]),
])
def test_glossary_typo(entry, words):
    with pytest.raises(SchemaError) as e:
        glossary_from_data({"schema_version": 1, "keys": {"leakage_current": entry}}, "glossary.yaml")
    msg = str(e.value)
    _one_line(msg)
    assert msg.startswith("glossary.yaml: ") and all(w in msg for w in words), msg


def test_product_yaml_unknown_key(tmp_path):
    f = tmp_path / "acme.yaml"
    f.write_text("product: ACME K1\nparameters:\n  - parameter: leakage current\n    comparator: <=\n"
                 "    value: 0.1\n    unti: mA\n", encoding="utf-8")
    with pytest.raises(CompareError) as e:
        load_product(f)
    msg = str(e.value)
    _one_line(msg)
    assert str(f) in msg and "parameters[1]" in msg and "unknown field `unti`" in msg, msg
    f.write_text("prodcut: ACME K1\nparameters: []\n", encoding="utf-8")
    with pytest.raises(CompareError, match="unknown field `prodcut`"):
        load_product(f)


def test_product_yaml_reads_as_before(tmp_path):
    f = tmp_path / "acme.yaml"
    f.write_text("product: ACME K1\nparameters:\n  - {parameter: leakage current, comparator: <=, value: 0.1, unit: mA,"
                 " source: catalogue, conditions: [cold]}\n", encoding="utf-8")
    spec = load_product(f)
    ind = spec.indicators[0]
    assert spec.id == "ACME K1" and (ind.comparator, ind.value, ind.unit, ind.conditions) == ("<=", 0.1, "mA", ["cold"])
    assert ind.origin.type == "product" and ind.origin.row == 1 and ind.origin.source == "catalogue"
    f.write_text("- {parameter: power, comparator: '>=', value: 2000, unit: W}\n", encoding="utf-8")
    assert load_product(f).indicators[0].value == 2000.0
