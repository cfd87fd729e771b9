"""Rendering indicators (table, json, jsonl, csv, xlsx) and the `zmdocs indicators` command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from zmdocs.cli import cli
from zmdocs.indicators import extract_text
from zmdocs.model import Document
from zmdocs.report.indicators import render_indicators

CONTRACT = {"clause", "parameter", "key", "comparator", "value", "min", "max", "unit", "normalized", "conditions",
            "method", "direction", "text", "page", "origin"}


@pytest.fixture()
def docs() -> list[Document]:
    d = Document(id="T/ZZB 9—2026", lang="zh")
    d.indicators = extract_text("在额定电压下，泄漏电流不大于0.5mA，出水温度应在85℃～95℃之间。", clause="T/ZZB 9—2026#5.1", page=4)
    for i in d.indicators:
        i.doc = d.id
    return [d]


def test_json_contract(docs):
    data = json.loads(render_indicators(docs, "json"))
    assert len(data) == 2
    assert CONTRACT <= set(data[0])
    assert set(data[0]["normalized"]) == {"value", "min", "max", "unit"}
    assert data[0]["normalized"]["unit"] == "A" and data[0]["conditions"] == ["在额定电压下"]
    assert data[1]["comparator"] == "range" and (data[1]["min"], data[1]["max"]) == (85, 95)
    lines = render_indicators(docs, "jsonl").splitlines()
    assert [json.loads(x)["value"] for x in lines] == [0.5, None]


def test_csv_table_xlsx(docs):
    rows = list(csv.DictReader(io.StringIO(render_indicators(docs, "csv"))))
    assert rows[0]["key"] == "leakage_current" and rows[0]["normalized_value"] == "0.0005"
    table = render_indicators(docs, "table")
    assert "泄漏电流" in table and "85~95" in table and "2 indicator(s)" in table
    from openpyxl import load_workbook

    data = render_indicators(docs, "xlsx")
    assert isinstance(data, bytes)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["C2"].value == "泄漏电流" and ws["F2"].value == 0.5


def test_cli_indicators_on_text_file(tmp_path):
    src = tmp_path / "std.txt"
    src.write_text("T/ZZB 9999—2026\n电热水壶\n5 技术要求\n5.1 泄漏电流\n泄漏电流不大于0.5 mA。\n"
                   "5.2 绝缘电阻\n绝缘电阻不小于 10 MΩ。\n", encoding="utf-8")
    out = tmp_path / "ind.json"
    res = CliRunner().invoke(cli, ["indicators", str(src), "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    got = {(d["key"], d["comparator"], d["value"], d["unit"]) for d in data}
    assert {("leakage_current", "<=", 0.5, "mA"), ("insulation_resistance", ">=", 10, "MΩ")} <= got


def test_cli_bad_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")
    res = CliRunner().invoke(cli, ["indicators", str(bad), "--format", "json"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
