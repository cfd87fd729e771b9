"""`zmdocs diff` on small hand-made editions: clause, indicator and table-row changes, wording, CLI."""

from __future__ import annotations

import json

import pytest

from zmdocs.app import prepare
from zmdocs.diff import diff_documents
from zmdocs.model import Clause, Document, Table
from zmdocs.report.diff import clause_ref, foreword_lines, render_diff

OLD_MD = """# GB 99999—2018 电动自行车 示例

## 1 范围

本文件规定了示例电动自行车的技术要求。

## 2 术语和定义

### 2.1 整车

由车架和电驱动系统组成的车辆。

### 2.2 蓄电池

为电机提供能量的装置。

## 3 技术要求

### 3.1 整车质量

整车质量应不大于 55 kg。

### 3.2 最高车速

最高车速应不大于 25 km/h。

### 3.3 制动距离

干态制动距离应不大于 7 m。

### 3.4 续行里程

续行里程应不小于 50 km。

### 3.5 充电器

充电器应有过充保护功能。
"""

NEW_MD = """# GB 99999—2025 电动自行车 示例

## 1 范围

本文件规定了示例电动自行车的技术要求。

## 2 术语和定义

### 2.1 整车

由车架和电驱动系统组成的车辆。

## 3 技术要求

### 3.1 整车质量

整车质量应不大于 63 kg。

### 3.2 最高车速

最高车速应小于 25 km/h。

### 3.3 续行里程

续行里程应不小于 50 km。

### 3.4 脚踏骑行能力

30 min 的脚踏骑行距离应不小于 7 km。

## 4 说明书

说明书应给出充电方法。
"""


@pytest.fixture()
def editions(tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(OLD_MD, encoding="utf-8")
    new.write_text(NEW_MD, encoding="utf-8")
    return old, new


def _kinds(d, kind):
    return [(c.old_clause, c.new_clause) for c in d.of_kind(kind)]


def test_markdown_editions(editions):
    from zmdocs.app import diff_files

    d = diff_files(*editions)
    assert d.old_id == "GB 99999—2018" and d.old_year == 2018
    changed = {c.new_clause: c for c in d.of_kind("indicator-changed")}
    assert set(changed) == {"3.1", "3.2"}
    assert changed["3.1"].aspects == ["value"]
    assert (changed["3.1"].old_value, changed["3.1"].new_value) == ("≤ 55 kg", "≤ 63 kg")
    assert changed["3.2"].aspects == ["comparator"]
    assert _kinds(d, "clause-renumbered") == [("3.4", "3.3")]
    assert sorted(_kinds(d, "clause-deleted")) == [("2.2", None), ("3.3", None), ("3.5", None)]
    assert sorted(_kinds(d, "clause-added")) == [(None, "3.4"), (None, "4")]
    assert [(c.old_clause, c.old_value) for c in d.of_kind("indicator-deleted")] == [("3.3", "≤ 7 m")]
    assert [(c.new_clause, c.new_value) for c in d.of_kind("indicator-added")] == [("3.4", "≥ 7 km")]
    # unchanged clauses and the unchanged 50 km limit are not listed
    listed = {c.new_clause for c in d.changes} | {c.old_clause for c in d.changes}
    assert "1" not in listed and "2.1" not in listed
    assert not [c for c in d.changes if "50 km" in c.old_value + c.new_value]


def test_foreword_wording_zh_and_en(editions):
    from zmdocs.app import diff_files

    d = diff_files(*editions)
    zh = foreword_lines(d, "zh")
    assert zh[0] == "与GB 99999—2018相比，除结构调整和编辑性改动外，主要技术变化如下："
    assert zh[1].startswith("a) ") and zh[-1].endswith("。") and all(x.endswith("；") for x in zh[1:-1])
    assert "b) 更改了“整车质量”的要求，由“≤ 55 kg”改为“≤ 63 kg”（见3.1，2018年版的3.1）；" in zh
    assert any(x.endswith("增加了“说明书”（见第4章）。") for x in zh)
    # a limit of a deleted clause is listed with the clause, not on its own line
    assert any("删除了“制动距离”（干态制动距离 ≤ 7 m）（2018年版的3.3）" in x for x in zh)
    assert not any("删除了“干态制动距离”" in x for x in zh)
    en = foreword_lines(d, "en", label="the 2018 edition")
    assert en[0].startswith("Compared with GB 99999—2018,") and en[0].endswith("the main technical changes are as follows:")
    assert any('changed the requirement for "整车质量" from "≤ 55 kg" to "≤ 63 kg" (see 3.1; 3.1 of the 2018 edition)' in x
               for x in en)
    md = render_diff(d, "md", "zh")
    assert "条款编号变化" in md and "3.4 → 3.3" in md


def test_formats(editions):
    from zmdocs.app import diff_files

    d = diff_files(*editions)
    data = json.loads(render_diff(d, "json"))
    assert data["old"]["id"] == "GB 99999—2018" and data["counts"]["indicator-changed"] == 2
    assert {"kind", "old_clause", "new_clause", "old_value", "new_value", "aspects"} <= set(data["changes"][0])
    table = render_diff(d, "table", "en")
    assert "indicator changed" in table and "≤ 63 kg" in table
    docx = render_diff(d, "docx", "zh")
    assert isinstance(docx, bytes) and docx[:2] == b"PK"
    import io

    from docx import Document as Docx

    paras = [p.text for p in Docx(io.BytesIO(docx)).paragraphs]
    assert paras[1].startswith("与GB 99999—2018相比") and any("63 kg" in p for p in paras)


def test_clause_refs():
    assert clause_ref("5", "zh") == "第5章" and clause_ref("A", "zh") == "附录A" and clause_ref("5.2", "zh") == "5.2"
    assert clause_ref("5", "en") == "Clause 5" and clause_ref("B", "en") == "Annex B"


def _doc(did: str, clauses: list[tuple[str, str, str]], tables: list[Table] = ()) -> Document:
    cs = []
    for num, heading, text in clauses:
        parent = f"{did}#{num.rsplit('.', 1)[0]}" if "." in num else None
        cs.append(Clause(id=f"{did}#{num}", number=num, heading=heading, text=text, level=num.count(".") + 1,
                         parent=parent, kind="requirements"))
    return prepare(Document(id=did, clauses=cs, tables=list(tables)))


def test_document_objects_tables_and_moves():
    """Built Document objects: a moved limit, a changed tolerance and table rows added/deleted/changed."""
    rows_old = [["字段", "说明"], ["版本信息", "整数，范围 1 至 255"], ["联系电话", "回呼号码"], ["翻滚事故", "1 为发生翻滚"]]
    rows_new = [["字段", "说明"], ["版本信息", "整数，范围 1 至 255"], ["测试呼叫", "1 为测试呼叫"], ["翻滚事故", "1 为发生翻滚，255 为无效值"]]
    old = _doc("OLD", [("4", "要求", ""), ("4.1", "供电", "电源应能供电。"),
                       ("4.2", "碰撞试验", "速度变化量应为 26.6 km/h±1 km/h。"),
                       ("5", "数据", "数据见表1。"), ("6", "试验", ""), ("6.1", "续航", "回拨模式应不低于 60 min。")],
               [Table(id="OLD#t1", number="1", caption="最小数据集", clause="OLD#5", rows=rows_old)])
    new = _doc("NEW", [("4", "要求", ""), ("4.1", "供电", "电源应能供电。待机模式应不低于 60 min。"),
                       ("4.2", "碰撞试验", "速度变化量应为 25 km/h±1 km/h。"),
                       ("5", "数据", "数据见表1。"), ("6", "试验", "")],
               [Table(id="NEW#t1", number="1", caption="最小数据集", clause="NEW#5", rows=rows_new)])
    d = diff_documents(old, new)
    ch = d.of_kind("indicator-changed")
    assert [(c.old_clause, c.new_clause, c.old_value, c.new_value) for c in ch] == [("4.2", "4.2", "26.6 ± 1 km/h", "25 ± 1 km/h")]
    moved = d.of_kind("indicator-moved")
    assert [(c.old_clause, c.new_clause, c.new_value) for c in moved] == [("6.1", "4.1", "≥ 60 min")]
    assert [c.parameter for c in d.of_kind("row-added")] == ["测试呼叫"]
    assert [c.parameter for c in d.of_kind("row-deleted")] == ["联系电话"]
    assert [c.parameter for c in d.of_kind("row-changed")] == ["翻滚事故"]
    assert ("6.1", None) in _kinds(d, "clause-deleted")
    lines = foreword_lines(d, "zh")
    assert any("增加了表1中“测试呼叫”的内容（见第5章）" in x for x in lines)
    assert any("将" in x and "移至4.1" in x for x in lines)


def test_identical_documents_have_no_changes():
    doc = _doc("X", [("1", "范围", "本文件适用于示例。"), ("2", "要求", "质量应不大于 5 kg。")])
    d = diff_documents(doc, doc)
    assert d.changes == []
    assert foreword_lines(d, "zh") == ["与X相比，未发现技术变化。"]


def test_cli_diff(editions, tmp_path):
    from click.testing import CliRunner

    from zmdocs.cli import cli

    res = CliRunner().invoke(cli, ["diff", str(editions[0]), str(editions[1]), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["counts"]["clause-added"] == 2
    res = CliRunner().invoke(cli, ["diff", str(editions[0]), str(editions[1]), "--lang", "en"])
    assert res.exit_code == 0 and "Compared with GB 99999—2018" in res.output
    out = tmp_path / "changes.docx"
    res = CliRunner().invoke(cli, ["diff", str(editions[0]), str(editions[1]), "-o", str(out)])
    assert res.exit_code == 0 and out.read_bytes()[:2] == b"PK"
    res = CliRunner().invoke(cli, ["diff", str(tmp_path / "missing.md"), str(editions[1])])
    assert res.exit_code == 1 and "missing.md" in res.output and len(res.output.strip().splitlines()) == 1


def test_embeddings_can_join_the_clause_matching(editions, fake_embedder):
    from zmdocs.app import diff_files

    plain, blended = diff_files(*editions), diff_files(*editions, model=fake_embedder)
    assert [(c.kind, c.old_clause, c.new_clause) for c in blended.changes] == \
        [(c.kind, c.old_clause, c.new_clause) for c in plain.changes]


def test_a_limit_read_in_one_edition_only_is_found_in_the_other_text():
    from zmdocs.diff.indicators import in_text
    from zmdocs.model import Indicator

    new = Indicator(parameter="试验速度", comparator="tolerance", value=30, min=29, max=31, unit="km/h")
    was = in_text(new, "在碰撞速度不高于 30 km/h 的条件下进行试验")
    assert was is not None and (was.comparator, was.value) == ("<=", 30)
    assert in_text(new, "at least 30 km/h").comparator == ">="
    assert in_text(new, "速度为 130 km/h") is None and in_text(new, "速度为 30 m/s") is None


def test_a_clause_merged_into_another():
    old = _doc("OLD", [("4", "要求", ""), ("4.1", "", "控制模块应能自检并记录失效类型。"),
                       ("4.2", "", "备用电源应具备充电功能并由车辆网络充电。"),
                       ("5", "功能试验", ""), ("5.1", "", "电源及备用电源应支持车辆首先自主进行语音通话模式，其后进入待机模式。")])
    new = _doc("NEW", [("4", "要求", ""), ("4.1", "", "控制模块应能自检并记录失效类型。"),
                       ("4.2", "", "备用电源应具备充电功能。电源及备用电源应支持车辆首先自主进行语音通话模式，其后进入待机模式。"),
                       ("5", "功能试验", "")])
    d = diff_documents(old, new)
    assert ("5.1", "4.2") in _kinds(d, "clause-renumbered")
    merged = [c for c in d.of_kind("clause-changed") if "merged" in c.aspects]
    assert [(c.old_clause, c.new_clause) for c in merged] == [("4.2", "4.2")]
    assert ("4.2", None) not in _kinds(d, "clause-deleted")
    assert any("将原4.2的内容并入" in x for x in foreword_lines(d, "zh"))


def test_two_glossary_keys_never_pair_across_editions():
    """diff pairs through zmdocs.pairing: two different keys (leakage vs touch current) in one clause are a
    deleted and an added limit, not one limit whose value changed; one key pairs even when reworded."""
    from zmdocs.diff.indicators import indicator_changes
    from zmdocs.model import Indicator

    def doc(did: str, *inds: Indicator) -> Document:
        for i in inds:
            i.clause, i.normalized = f"{did}#5.1", {"value": i.value / 1000, "unit": "A"}
        return Document(id=did, clauses=[Clause(id=f"{did}#5.1", number="5.1", heading="电流")], indicators=list(inds))

    old = doc("OLD", Indicator(parameter="泄漏电流", comparator="<=", value=0.75, unit="mA", key="leakage_current"))
    new = doc("NEW", Indicator(parameter="接触电流", comparator="<=", value=0.5, unit="mA", key="touch_current"))
    got = indicator_changes(old, new, {"5.1": "5.1"}, {"5.1": 0}, {"5.1": 0.0})
    assert sorted(c.kind for c in got) == ["indicator-added", "indicator-deleted"]
    renamed = doc("NEW", Indicator(parameter="工作温度下的泄漏电流", comparator="<=", value=0.5, unit="mA", key="leakage_current"))
    got = indicator_changes(old, renamed, {"5.1": "5.1"}, {"5.1": 0}, {"5.1": 0.0})
    assert [(c.kind, c.old_value, c.new_value) for c in got] == [("indicator-changed", "≤ 0.75 mA", "≤ 0.5 mA")]
