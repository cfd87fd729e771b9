"""`compare --store`: counterparts found in an indexed corpus are proposed and marked as found, not given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zmdocs.cli import cli

DATA = Path(__file__).parent / "data" / "compare"


@pytest.fixture(scope="module")
def store(build_kettle_store) -> Path:
    return build_kettle_store()


def test_found_counterparts_are_marked(store, tmp_path):
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["compare", str(DATA / "draft-kettle.txt"), "--store", str(store), "--model", "hash",
                                   "-o", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    d = json.loads(out.read_text(encoding="utf-8"))
    refs = {r["id"]: r for r in d["references"]}
    # the hash test embedder is same-language only: the Chinese GB is found by scope and parameters
    assert refs["GB 4706.98—2024"]["found"] is True and refs["GB 4706.98—2024"]["tier"] == "domestic"
    leak = next(i for i in d["indicators"] if i["key"] == "leakage_current")
    cp = next(c for c in leak["counterparts"] if c["doc"] == "GB 4706.98—2024")
    assert cp["found"] is True and cp["result"] == "stricter"
    html = tmp_path / "r.html"
    CliRunner().invoke(cli, ["compare", str(DATA / "draft-kettle.txt"), "--store", str(store), "--model", "hash",
                             "-o", str(html)], catch_exceptions=False)
    assert "检索发现，非用户指定" in html.read_text(encoding="utf-8")


def test_given_reference_is_not_found_again(store, tmp_path):
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["compare", str(DATA / "draft-kettle.txt"), "--against", str(DATA / "iec-kettle.txt"),
                                   "--store", str(store), "--model", "hash", "-o", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    refs = json.loads(out.read_text(encoding="utf-8"))["references"]
    assert ("IEC 60335-2-98:2016", False) in [(r["id"], r["found"]) for r in refs]
    assert all(r["found"] for r in refs if r["id"] != "IEC 60335-2-98:2016")
