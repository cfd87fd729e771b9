"""`zmdocs check` on a hand-made standard (Markdown in tmp_path) and product data in CSV/YAML."""

from __future__ import annotations

import json

import pytest

from zmdocs.app import check_files
from zmdocs.check import check_documents, load_spec
from zmdocs.report.check import reason, render_check

STANDARD = """# GB 99999—2025 电动自行车 示例

## 1 范围

本文件规定了示例电动自行车的技术要求。

## 4 技术要求

### 4.1 整车质量

整车质量应不大于 55 kg。

### 4.2 最高车速

最高车速应不大于 25 km/h。

### 4.3 续行里程

续行里程应不小于 50 km。

### 4.4 充电器输出电压

充电器输出电压应为 48 V±2 V。

### 4.5 制动距离

在干态条件下，制动距离应不大于 7 m；在湿态条件下，制动距离应不大于 9 m。
"""

SPEC = """parameter,value,unit,conditions
整车质量,60,kg,
最高车速,24,km/h,
续行里程,"1,250",km,
充电器输出电压,49.5,V,
制动距离,8,m,湿态条件
电池容量,12,Ah,
"""


@pytest.fixture()
def files(tmp_path):
    std, spec = tmp_path / "gb99999.md", tmp_path / "bike.csv"
    std.write_text(STANDARD, encoding="utf-8")
    spec.write_text(SPEC, encoding="utf-8")
    return spec, std


def _by(result, parameter):
    return [c for c in result.checks if c.parameter == parameter]


def test_ebike_against_hand_made_standard(files):
    r = check_files(files[0], [files[1]], model=False)
    mass = _by(r, "整车质量")
    assert [(c.result, c.limit.clause, c.limit.value, c.limit.unit) for c in mass] == [("fail", "4.1", 55, "kg")]
    assert mass[0].args["margin"] == 5
    assert [c.result for c in _by(r, "最高车速")] == ["pass"]
    assert [(c.value, c.result) for c in _by(r, "续行里程")] == [(1250, "pass")]  # 1,250 is 1250
    volt = _by(r, "充电器输出电压")
    assert [(c.result, c.limit.comparator) for c in volt] == [("pass", "tolerance")]
    brake = {c.limit.value: c.result for c in _by(r, "制动距离")}
    assert brake == {7: "not-comparable", 9: "pass"}  # the wet-road limit is the one the data state
    assert [(c.result, c.limit) for c in _by(r, "电池容量")] == [("not-covered", None)]
    assert r.counts() == {"pass": 4, "fail": 1, "not-comparable": 1, "not-covered": 1}


def test_units_are_converted_and_checked(tmp_path, files):
    spec = tmp_path / "bike.yaml"
    spec.write_text("product: 示例车\nparameters:\n"
                    "  - {parameter: 整车质量, value: 54000, unit: g}\n"
                    "  - {parameter: 最高车速, value: 7, unit: m/s}\n"
                    "  - {parameter: 续行里程, value: 40, unit: kg}\n"
                    "  - {parameter: 充电器输出电压, value: 51, unit: ''}\n", encoding="utf-8")
    r = check_files(spec, [files[1]], model=False)
    assert r.product == "示例车"
    assert [c.result for c in _by(r, "整车质量")] == ["pass"]  # 54 kg
    assert [c.result for c in _by(r, "最高车速")] == ["fail"]  # 25.2 km/h
    assert [(c.result, c.reason) for c in _by(r, "续行里程")] == [("not-comparable", "unit-mismatch")]
    assert [(c.result, c.reason) for c in _by(r, "充电器输出电压")] == [("not-comparable", "no-unit")]
    # limits the data do not state are not covered, with the limit and no value
    missing = [c for c in r.checks if c.result == "not-covered"]
    assert {c.limit.clause for c in missing} == {"4.5"} and all(c.value is None for c in missing)


def test_json_contract(files):
    r = check_files(files[0], [files[1]], model=False)
    data = json.loads(render_check(r, "json", "en"))
    assert list(data) == ["results"]
    for row in data["results"]:
        assert list(row) == ["parameter", "value", "unit", "result", "limit", "reason"]
        assert row["result"] in ("pass", "fail", "not-comparable", "not-covered")
        if row["limit"] is not None:
            assert list(row["limit"]) == ["doc", "clause", "comparator", "value", "min", "max", "unit"]
    mass = next(x for x in data["results"] if x["parameter"] == "整车质量")
    assert mass["value"] == 60 and mass["result"] == "fail"
    assert mass["limit"] == {"doc": "GB 99999—2025", "clause": "4.1", "comparator": "<=", "value": 55, "min": None,
                             "max": None, "unit": "kg"}
    assert mass["reason"] == "60 kg does not meet ≤ 55 kg (off by 5 kg)"
    volt = next(x for x in data["results"] if x["parameter"] == "充电器输出电压")
    assert (volt["limit"]["min"], volt["limit"]["max"]) == (46, 50)


def test_table_and_markdown_wording(files):
    r = check_files(files[0], [files[1]], model=False)
    table = render_check(r, "table", "zh")
    assert "不符合" in table and "60 kg 不满足 ≤ 55 kg，相差 5 kg" in table
    md = render_check(r, "md", "en")
    assert md.startswith("# Compliance check: bike") and "| 整车质量 | 60 kg | fail | GB 99999—2025 | 4.1 |" in md
    brake7 = next(c for c in r.checks if c.parameter == "制动距离" and c.limit.value == 7)
    assert "湿态条件" in reason(brake7, "zh")


def test_english_names_through_the_hash_model(tmp_path, files):
    """Without a glossary entry or a similar name, embeddings (the hash fake here) find the limit."""
    spec = tmp_path / "en.csv"
    spec.write_text("parameter,value,unit\n整车质量 (curb mass),50,kg\nmaximum speed,30,km/h\n", encoding="utf-8")
    r = check_files(spec, [files[1]], model="hash")
    assert [c.result for c in _by(r, "整车质量 (curb mass)")] == ["pass"]
    speed = _by(r, "maximum speed")
    # the hash fake sees no likeness between "maximum speed" and 最高车速: not covered, never a guess
    assert [c.result for c in speed] == ["not-covered"]


def test_spec_reading_and_errors(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("parameter;value;unit\n质量;1.250,5;kg\n噪声;60 dB(A);\n防护等级;IPX4;\n", encoding="utf-8")
    params = load_spec(p).params
    assert [(x.parameter, x.value, x.unit) for x in params] == [("质量", 1250.5, "kg"), ("噪声", 60, "dB(A)"),
                                                                  ("防护等级", "IPX4", "")]
    from zmdocs.errors import ZmdocsError

    bad = tmp_path / "bad.csv"
    bad.write_text("name,x\na,1\n", encoding="utf-8")
    with pytest.raises(ZmdocsError, match="bad.csv"):
        load_spec(bad)
    empty = tmp_path / "e.csv"
    empty.write_text("parameter,value,unit\n,5,kg\n", encoding="utf-8")
    with pytest.raises(ZmdocsError, match="row 2"):
        load_spec(empty)


def test_check_documents_without_limits():
    from zmdocs.check.spec import Param, ProductData
    from zmdocs.model import Document

    r = check_documents(ProductData("p", "", [Param("质量", 5, "kg")]), [Document(id="X")], model=False)
    assert [(c.result, c.reason) for c in r.checks] == [("not-covered", "no-limit")]


def test_cli_check(files, tmp_path):
    from click.testing import CliRunner

    from zmdocs.cli import cli

    res = CliRunner().invoke(cli, ["check", str(files[0]), "--against", str(files[1]), "--format", "json",
                                   "--model", "hash", "--lang", "en"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)["results"]
    assert any(x["parameter"] == "整车质量" and x["result"] == "fail" and x["limit"]["clause"] == "4.1" for x in rows)
    res = CliRunner().invoke(cli, ["check", str(files[0]), "-a", str(files[1]), "--model", "hash"])
    assert res.exit_code == 0 and "不符合" in res.output
    res = CliRunner().invoke(cli, ["check", str(tmp_path / "none.csv"), "-a", str(files[1]), "--model", "hash"])
    assert res.exit_code == 1 and "none.csv" in res.output and len(res.output.strip().splitlines()) == 1
    res = CliRunner().invoke(cli, ["check", str(files[0]), "-a", str(tmp_path / "none.md"), "--model", "hash"])
    assert res.exit_code == 1 and "none.md" in res.output


@pytest.mark.model
def test_english_names_with_the_default_model(tmp_path, files):
    """The brief's e-bike, in English, against the Chinese standard: the multilingual default model pairs them."""
    spec = tmp_path / "en.csv"
    spec.write_text("parameter,value,unit\nmass of the vehicle,60,kg\nmaximum speed,24,km/h\n", encoding="utf-8")
    r = check_files(spec, [files[1]])
    assert [(c.result, c.limit.clause, c.match) for c in _by(r, "mass of the vehicle")] == [("fail", "4.1", "embedding")]
    assert [(c.result, c.limit.clause) for c in _by(r, "maximum speed")] == [("pass", "4.2")]


def test_ip_codes_and_grades(tmp_path):
    std = tmp_path / "ip.md"
    std.write_text("# GB 1—2020 示例\n\n## 4 要求\n\n### 4.1 防水\n\n外壳防护等级应不低于 IPX4。\n\n"
                   "### 4.2 能效\n\n能效等级应达到 2 级。\n", encoding="utf-8")
    spec = tmp_path / "p.csv"
    spec.write_text("parameter,value,unit\n外壳防护等级,IPX3,\n能效等级,1级,\n", encoding="utf-8")
    r = check_files(spec, [std], model=False)
    assert [(c.parameter, c.result) for c in r.checks] == [("外壳防护等级", "fail"), ("能效等级", "pass")]
    assert reason(r.checks[0], "zh") == "IPX3 未达到 ≥ IPX4"


def test_english_names_through_the_glossary(tmp_path):
    std = tmp_path / "kettle.md"
    std.write_text("# GB 2—2024 电热水壶 示例\n\n## 5 要求\n\n### 5.1 泄漏电流\n\n工作温度下的泄漏电流应不大于 0.75 mA。\n\n"
                   "### 5.2 绝缘电阻\n\n绝缘电阻应不小于 2 MΩ。\n", encoding="utf-8")
    spec = tmp_path / "kettle.yaml"
    spec.write_text("- {parameter: leakage current, value: 800, unit: µA}\n"
                    "- {parameter: insulation resistance, value: 5, unit: MΩ}\n", encoding="utf-8")
    r = check_files(spec, [std], model=False)
    got = [(c.parameter, c.result, c.limit.clause, c.match) for c in r.checks]
    assert got == [("leakage current", "fail", "5.1", "key"), ("insulation resistance", "pass", "5.2", "key")]


def test_spec_through_the_one_product_loader(tmp_path):
    """check and compare read product files through zmdocs.schema.load_product_rows: YAML keys are checked
    (a typo is one line naming it), CSV columns nobody reads are accepted, a row wider than the header is refused."""
    from zmdocs.compare.product import load_product
    from zmdocs.errors import CompareError, ParseError

    typo = tmp_path / "typo.yaml"
    typo.write_text("product: 车\nparameters:\n  - {parameter: 整车质量, value: 60, unti: kg}\n", encoding="utf-8")
    with pytest.raises(ParseError) as e:
        load_spec(typo)
    msg = str(e.value)
    assert "\n" not in msg and "typo.yaml" in msg and "parameters[1]" in msg and "unknown field `unti`" in msg
    extra = tmp_path / "extra.csv"  # the competitor sample carries comparator and source; users add notes
    extra.write_text("parameter,comparator,value,unit,source,note\n整车质量,<=,60,kg,catalogue,curb\n", encoding="utf-8")
    assert [(x.parameter, x.value, x.unit) for x in load_spec(extra).params] == [("整车质量", 60, "kg")]
    assert load_product(extra).indicators[0].value == 60.0
    wide = tmp_path / "wide.csv"  # an unquoted 1,250 shifts the unit into the next column
    wide.write_text("parameter,value,unit\n续行里程,1,250,km\n", encoding="utf-8")
    for load, err in ((load_spec, ParseError), (load_product, CompareError)):
        with pytest.raises(err, match=r"wide.csv: row 2 has 4 cells but the header names 3 columns"):
            load(wide)
    upper = tmp_path / "upper.yaml"
    upper.write_text("- {Parameter: 整车质量, Value: 60, Unit: kg}\n", encoding="utf-8")
    assert [(x.parameter, x.value, x.unit, x.row) for x in load_spec(upper).params] == [("整车质量", 60, "kg", 1)]
    named = tmp_path / "named.csv"  # a product column naming one product names the data, as for compare
    named.write_text("parameter,value,unit,product\n整车质量,60,kg,示例车\n", encoding="utf-8")
    assert load_spec(named).name == "示例车" and load_product(named).id == "示例车"
