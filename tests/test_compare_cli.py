"""`zmdocs compare` end to end on small hand-written standards (txt) and a product CSV; error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zmdocs.cli import cli

DATA = Path(__file__).parent / "data" / "compare"
DRAFT, IEC, CSV = DATA / "draft-kettle.txt", DATA / "iec-kettle.txt", DATA / "competitor.csv"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("cmp") / "r.json"
    res = run("compare", DRAFT, "--against", IEC, "--against", CSV, "--model", "hash", "-o", out)
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_rows_and_verdict(report):
    got = {i["key"]: i["tiers"].get("international", i["result"]) for i in report["indicators"]}
    assert got == {"leakage_current": "stricter", "standby_power": "stricter", "earth_resistance": "equal",
                   "insulation_resistance": "equal", "noise": "looser", "boiling_time": "new"}
    # the overall result counts the standards (the rules' tiers); the product's 0.4 mA shows in its own column
    overall = {i["key"]: i["result"] for i in report["indicators"]}
    assert overall == got
    assert report["verdict_id"] == "not-reached"  # the looser noise limit blocks the international levels
    assert report["tiers"]["international"] == "未达到"
    adv = next(lv for lv in report["levels"] if lv["id"] == "international-advanced")
    assert any("噪声" in b for b in adv["blocking"])
    leak = next(i for i in report["indicators"] if i["key"] == "leakage_current")
    iec = next(c for c in leak["counterparts"] if c["doc"].startswith("IEC"))
    assert (iec["value"], iec["unit"], iec["clause"]) == (0.75, "mA", "4.1")
    prod = next(c for c in leak["counterparts"] if c["tier"] == "product")
    assert prod["result"] == "looser" and prod["doc"] == "ACME K1"
    assert [n["key"] for n in report["new"]] == ["boiling_time"]


@pytest.mark.parametrize("fmt", ["html", "md", "docx", "xlsx"])
def test_every_format_writes(tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    res = run("compare", DRAFT, "--against", IEC, "--model", "hash", "--lang", "en", "-o", out)
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 1000
    # only an IEC reference: the lowest level that could be judged is international advanced
    assert "The key indicators do not reach the international advanced level" in res.output


def test_errors_are_one_line(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("levels: {", encoding="utf-8")
    out = tmp_path / "r.html"
    res = CliRunner().invoke(cli, ["compare", str(DRAFT), "--against", str(IEC), "--rules", str(bad), "-o", str(out)])
    assert res.exit_code == 1 and "zmdocs: error:" in res.output and "rules.yaml" in res.output
    assert "Traceback" not in res.output and not out.exists()
    res = CliRunner().invoke(cli, ["compare", str(DRAFT), "--against", str(tmp_path / "nope.pdf"), "-o", str(out)])
    assert res.exit_code == 1 and "nope.pdf" in res.output and not out.exists()
    csv = tmp_path / "p.csv"
    csv.write_text("name,number\nx,1\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["compare", str(DRAFT), "--against", str(csv), "-o", str(out)])
    assert res.exit_code == 1 and "p.csv" in res.output and "header" in res.output
    empty = tmp_path / "empty.txt"
    empty.write_text("说明\n\n本文没有任何技术指标。\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["compare", str(empty), "--against", str(IEC), "-o", str(out)])
    assert res.exit_code == 1 and "empty.txt" in res.output and "no technical indicators" in res.output
    keys = tmp_path / "keys.txt"
    keys.write_text("flux capacitance\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["compare", str(DRAFT), "--against", str(IEC), "--key-indicators", str(keys), "-o", str(out)])
    assert res.exit_code == 1 and "keys.txt" in res.output and "flux capacitance" in res.output and not out.exists()
