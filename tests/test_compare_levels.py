"""Level verdicts of the default rules, rules-file errors, key indicators, missing/new, tiers, product specs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zmdocs.compare import compare_documents
from zmdocs.compare.product import load_product
from zmdocs.compare.rules import load_rules
from zmdocs.compare.tiers import tier_of_family
from zmdocs.errors import CompareError
from zmdocs.report.reasons import why
from zmdocs.report.wording import conclusion, verdict_sentence
from zmdocs.text.stdnum import family_of

sys.path.insert(0, str(Path(__file__).parent / "data" / "compare"))
from cases import doc, ind, kettle  # noqa: E402


def _draft():
    return doc("T/ZZB 0001—2026", "T/ZZB", [
        ind("泄漏电流", "<=", 0.5, "mA", "leakage_current"),
        ind("待机功率", "<=", 0.5, "W", "standby_power"),
        ind("热效率", ">=", 85, "%", "thermal_efficiency"),
        ind("接地电阻", "<=", 0.1, "Ω", "earth_resistance"),
    ])


def _ref(doc_id, family, leak=0.75, standby=0.5, eff=85, earth=0.1):
    return doc(doc_id, family, [
        ind("leakage current", "<=", leak, "mA", "leakage_current"),
        ind("standby power", "<=", standby, "W", "standby_power"),
        ind("efficiency", ">=", eff, "%", "thermal_efficiency"),
        ind("earth resistance", "<=", earth, "Ω", "earth_resistance"),
    ], lang="en")


@pytest.mark.parametrize("gb, iec, verdict", [
    # 2 of 4 stricter than IEC (50 %), none looser -> international leading
    (dict(leak=0.75, standby=1.0), dict(leak=0.75, standby=1.0), "international-leading"),
    # 1 of 4 stricter than IEC, none looser -> international advanced
    (dict(leak=0.75, standby=1.0), dict(leak=0.75), "international-advanced"),
    # looser than IEC on standby; 2 of 4 stricter than GB -> domestic leading
    (dict(leak=0.75, standby=1.0), dict(leak=0.75, standby=0.3), "domestic-leading"),
    # looser than IEC; 1 of 4 stricter than GB -> domestic advanced
    (dict(leak=0.75), dict(leak=0.75, standby=0.3), "domestic-advanced"),
    # looser than GB on leakage -> not reached
    (dict(leak=0.3), dict(leak=0.75), "not-reached"),
    # all equal to GB and IEC: not reached (no stricter indicator)
    (dict(leak=0.5), dict(leak=0.5), "not-reached"),
])
def test_default_levels(gb, iec, verdict):
    c = compare_documents(_draft(), [_ref("GB 1—2020", "GB", **gb), _ref("IEC 1:2020", "IEC", **iec)])
    assert c.verdict == verdict, [(lv.id, lv.codes) for lv in c.levels]


def test_looser_key_indicator_blocks_and_names_itself():
    c = compare_documents(_draft(), [_ref("GB 1—2020", "GB", standby=1.0), _ref("IEC 1:2020", "IEC", standby=0.3)])
    adv = next(lv for lv in c.levels if lv.id == "international-advanced")
    assert not adv.passed
    assert any("待机功率" in b and "IEC 1:2020" in b for b in adv.blocking)
    assert "待机功率" in conclusion(c, "zh")
    assert verdict_sentence(c, "zh") == "本标准主要技术指标达到国内领先水平"
    assert verdict_sentence(c, "en") == "The key indicators reach the domestic leading level"


def test_per_tier_verdicts_and_strictest_counterpart():
    draft, refs = kettle()
    c = compare_documents(draft, refs)
    rows = {r.key: r for r in c.rows}
    assert rows["leakage_current"].result == "stricter"
    assert rows["earth_resistance"].result == "equal"
    assert rows["noise"].result == "looser"
    assert rows["boiling_time"].result == "new"
    assert rows["ip_code"].result == "equal" and not rows["ip_code"].is_key  # ordinal: not key by default
    assert "ambient_temperature" not in rows  # test-method chapter: not a requirement row
    # values shown in the draft's unit, original kept
    iec = next(cp for cp in rows["leakage_current"].counterparts if cp.doc.startswith("IEC"))
    assert (iec.value.value, iec.value.unit, iec.original.value, iec.original.unit) == (0.75, "mA", 750, "µA")
    assert c.tier_verdicts["domestic"]["id"] == "domestic-leading"
    assert c.tier_verdicts["international"]["id"] == "not-reached"  # noise looser than IEC
    assert c.tier_verdicts["foreign"]["id"] == "international-leading"
    assert c.verdict == "domestic-leading"
    assert [m.key for m in c.missing] == ["insulation_resistance"]
    assert [r.key for r in c.new] == ["boiling_time"]


def test_key_indicator_list_and_marks(tmp_path):
    draft, refs = kettle()
    f = tmp_path / "keys.txt"
    f.write_text("# key indicators\nleakage_current\n热效率\n", encoding="utf-8")
    c = compare_documents(draft, refs, key_indicators=f)
    assert {r.key for r in c.key_rows} == {"leakage_current", "thermal_efficiency"}
    assert c.key_source == "list" and c.verdict == "international-leading"
    bad = tmp_path / "bad.txt"
    bad.write_text("no_such_parameter\n", encoding="utf-8")
    with pytest.raises(CompareError, match="bad.txt.*no_such_parameter"):
        compare_documents(draft, refs, key_indicators=bad)
    draft, refs = kettle()
    draft.indicators[1].origin = {"type": "table", "key": True}
    draft.indicators[0].parameter = "★泄漏电流"
    c = compare_documents(draft, refs)
    assert c.key_source == "marked" and {r.key for r in c.key_rows} == {"leakage_current", "standby_power"}


def test_not_comparable_key_indicator_is_listed_not_counted():
    draft = _draft()
    draft.indicators[0].conditions = ["I类器具"]
    iec = _ref("IEC 1:2020", "IEC", standby=1.0)
    iec.indicators[0].conditions = ["class II"]
    c = compare_documents(draft, [iec])
    row = next(r for r in c.rows if r.key == "leakage_current")
    assert row.result == "not-comparable" and "class" in why(row.reason, "en")
    adv = next(lv for lv in c.levels if lv.id == "international-advanced")
    assert adv.not_comparable == 1 and adv.compared == 3


def test_rules_file_replaces_default(tmp_path):
    draft, refs = kettle()
    f = tmp_path / "rules.yaml"
    f.write_text("levels:\n  - id: ok\n    label: {zh: 合格, en: fine}\n    against: [international]\n"
                 "    all_at_least_equal: false\n", encoding="utf-8")
    c = compare_documents(draft, refs, rules=f)
    assert c.verdict == "ok" and verdict_sentence(c, "zh") == "本标准主要技术指标达到合格水平"


@pytest.mark.parametrize("text, problem", [
    ("levels: [", "not valid YAML"),
    ("levels: []", "non-empty list"),
    ("levels:\n  - id: a\n    against: [mars]\n", "`against`"),
    ("levels:\n  - id: a\n    against: [domestic]\n    min_stricter_share: 2\n", "min_stricter_share"),
    ("levels:\n  - id: a\n    against: [domestic]\n    colour: red\n", "unknown field"),
    ("schema_version: 9\nlevels:\n  - id: a\n    against: [domestic]\n", "schema_version"),
])
def test_bad_rules_file_names_file_and_problem(tmp_path, text, problem):
    f = tmp_path / "myrules.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(CompareError) as e:
        load_rules(f)
    assert "myrules.yaml" in str(e.value) and problem in str(e.value)


def test_default_rules_are_documented():
    rules = load_rules()
    assert [lv.id for lv in rules.levels] == ["international-leading", "international-advanced", "domestic-leading", "domestic-advanced"]
    text = (Path(__file__).parent.parent / "zmdocs" / "data" / "rules.yaml").read_text(encoding="utf-8")
    for field in ("against", "all_at_least_equal", "min_stricter", "min_stricter_share", "min_compared", "not_comparable"):
        assert f"# {field}" in text or f"#     {field}" in text or f"{field}:" in text.split("schema_version: 1\n")[0]


@pytest.mark.parametrize("ident, tier", [
    ("GB 4706.19—2024", "domestic"), ("GB/T 4208-2017", "domestic"), ("QB/T 1234-2020", "domestic"),
    ("T/ZZB 0999—2026", "domestic"), ("IEC 60335-2-15:2016", "international"), ("ISO 3744:2010", "international"),
    ("EN 60335-1:2012", "foreign"), ("DIN EN 60335-2-15:2020", "foreign"), ("ASTM D638-14", "foreign"),
    ("UL 1082", "foreign"), ("JIS C 9335-1:2014", "foreign"),
])
def test_tiers(ident, tier):
    assert tier_of_family(family_of(ident)) == tier


def test_product_csv_and_yaml(tmp_path):
    csv = tmp_path / "acme.csv"
    csv.write_text("parameter,comparator,value,unit,source,product\n"
                   "leakage current,max,0.4,mA,datasheet p.2,ACME K1\n"
                   "standby power,≤,300,mW,datasheet p.3,ACME K1\n"
                   "degree of protection,>=,IPX5,,manual,ACME K1\n"
                   "rated frequency,tolerance,50±1,Hz,label,ACME K1\n"
                   "operating pressure,range,10~20,kPa,manual,ACME K1\n", encoding="utf-8")
    spec = load_product(csv)
    assert spec.id == "ACME K1" and len(spec.indicators) == 5
    lc, sp, ip, fr, pr = spec.indicators
    assert (lc.key, lc.comparator, lc.value) == ("leakage_current", "<=", 0.4)
    assert sp.normalized["unit"] == "W" and sp.normalized["value"] == pytest.approx(0.3)
    assert ip.ordinal["scale"] == "ip" and ip.value == "IPX5"
    assert (fr.comparator, fr.value, fr.min, fr.max) == ("tolerance", 50, 49, 51)
    assert (pr.comparator, pr.min, pr.max) == ("range", 10, 20)
    draft, refs = kettle()
    c = compare_documents(draft, refs + [spec])
    row = next(r for r in c.rows if r.key == "leakage_current")
    cp = next(x for x in row.counterparts if x.tier == "product")
    assert cp.result == "looser" and cp.evidence.text == "leakage current: max 0.4 mA (datasheet p.2)"
    sb = next(r for r in c.rows if r.key == "standby_power")
    assert next(x for x in sb.counterparts if x.tier == "product").result == "equal"
    yml = tmp_path / "acme.yaml"
    yml.write_text("product: ACME K2\nparameters:\n  - {parameter: noise, comparator: '<=', value: 58, unit: dB(A), source: web}\n",
                   encoding="utf-8")
    assert load_product(yml).indicators[0].key == "noise"
    bad = tmp_path / "bad.csv"
    bad.write_text("parameter,comparator,value,unit\nleakage current,about,0.4,mA\n", encoding="utf-8")
    with pytest.raises(CompareError, match="bad.csv: row 2: unknown comparator"):
        load_product(bad)


def test_labels_and_conclusion_for_not_reached():
    c = compare_documents(_draft(), [_ref("GB 1—2020", "GB", leak=0.3)])
    assert c.verdict == "not-reached"
    assert verdict_sentence(c, "zh") == "本标准主要技术指标未达到国内先进水平"
    assert verdict_sentence(c, "en") == "The key indicators do not reach the domestic advanced level"
    zh = conclusion(c, "zh")
    # 宽于, never the ambiguous 低于; the verdict sentence, then what blocks the level
    assert "1项宽于（泄漏电流）" in zh and "本标准主要技术指标未达到国内先进水平。" in zh and "低于" not in zh
    assert "未达到国内先进水平的原因：泄漏电流宽于GB 1—2020" in zh
    assert "1 looser (泄漏电流)" in conclusion(c, "en")


def test_key_column_in_a_table_marks_key_indicators():
    from zmdocs.model import Table

    draft, refs = kettle()
    draft.tables = [Table(id="t1", number="1", caption="技术要求", header_rows=1,
                          rows=[["项目", "要求", "关键指标"], ["泄漏电流", "≤0.5 mA", "★"], ["待机功率", "≤0.3 W", ""]])]
    draft.indicators[0].origin = {"type": "table", "table": "1", "row": 1, "col": 1}
    draft.indicators[1].origin = {"type": "table", "table": "1", "row": 2, "col": 1}
    c = compare_documents(draft, refs)
    assert c.key_source == "marked" and [r.key for r in c.key_rows] == ["leakage_current"]
    assert c.key_rows[0].evidence.text == "表1 技术要求: 泄漏电流 | 要求 → ≤0.5 mA"


def test_parameters_without_keys_pair_by_similarity_within_one_dimension():
    draft = doc("T/ZZB 0002—2026", "T/ZZB", [ind("壶盖开启力", "<=", 20, "N", ""), ind("壶盖开启次数", ">=", 5000, "次", "")])
    gb = doc("GB 2—2020", "GB", [ind("壶盖的开启力", "<=", 25, "N", ""), ind("壶盖开启角度", ">=", 80, "°", "")])
    c = compare_documents(draft, [gb], model="hash")
    rows = {r.parameter: r for r in c.rows}
    assert rows["壶盖开启力"].result == "stricter"
    assert rows["壶盖开启力"].counterparts[0].score is not None  # paired by similarity, not by key
    assert rows["壶盖开启次数"].result == "new"  # the only similar text is in another dimension
    assert compare_documents(draft, [gb], model=None).rows[0].result == "new"  # no model: keys only
