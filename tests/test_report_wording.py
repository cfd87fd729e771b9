"""Judgements are codes with parameters; the report layer words them from one table (zmdocs/data/wording.yaml)."""

from __future__ import annotations

import ast
import json
import re
import string
import sys
from pathlib import Path
from typing import get_args

import pytest

from zmdocs.check.result import CheckCode
from zmdocs.compare import compare_documents
from zmdocs.compare.result import LevelCheck, LevelCode, Reason
from zmdocs.diff.result import KINDS
from zmdocs.report import reasons, render_comparison
from zmdocs.report import wording as w

sys.path.insert(0, str(Path(__file__).parent / "data" / "compare"))
from cases import doc, ind, kettle  # noqa: E402

PKG = Path(__file__).resolve().parents[1] / "zmdocs"


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("stage", ["compare", "check", "diff"])
def test_stages_never_import_the_report_layer(stage):
    bad = {f"{p.relative_to(PKG)}: {m}" for p in (PKG / stage).rglob("*.py") for m in _imports(p)
           if m == "zmdocs.report" or m.startswith("zmdocs.report.")}
    assert not bad


def test_every_code_has_words_in_both_languages():
    table = reasons.table()["templates"]
    codes = [f"level.{c}" for c in get_args(LevelCode)] + [f"check.{c}" for c in get_args(CheckCode)]
    codes += [f"diff.{k}" for k in KINDS if k != "indicator-changed"] + ["diff.indicator-changed", "diff.clause-merged"]
    for code in codes:
        assert set(table[code]) == {"zh", "en"}, code
    for kind in KINDS:
        assert reasons.label("diff.kind", kind, "zh") != kind
    for code, forms in table.items():  # zh and en take the same parameters
        names = [{f for _, f, _, _ in string.Formatter().parse(forms[lang]) if f} for lang in ("zh", "en") if lang in forms]
        assert len(names) == 2 or code.startswith(("annex.", "align.")), code  # the annexes are Chinese, align English
        assert all(n == names[0] for n in names), code


def test_a_level_reason_is_data_worded_by_the_report():
    r = Reason("looser", {"indicator": "泄漏电流", "n": 1, "docs": ["GB 1—2020", "IEC 1:2020"]})
    assert r.to_dict() == {"code": "looser", "indicator": "泄漏电流", "n": 1, "docs": ["GB 1—2020", "IEC 1:2020"]}
    assert w.reason_text(r.to_dict(), "zh") == "泄漏电流宽于GB 1—2020、IEC 1:2020"
    assert w.reason_text(r.to_dict(), "en") == "泄漏电流 is looser than GB 1—2020, IEC 1:2020"
    share = Reason("too-small-share", {"share": 0.25, "needed": 0.5})
    assert w.reason_text(share.to_dict(), "zh") == "严于的指标占25%（需要50%）"
    few = Reason("too-few-compared", {"compared": 1, "needed": 3, "tiers": ["domestic", "international"]})
    assert w.reason_text(few.to_dict(), "zh") == "仅1项关键指标在国内标准、国际标准中有可比指标（需要3项）"
    assert w.reason_text(few.to_dict(), "en") == "only 1 key indicator(s) have a comparable counterpart in domestic, international (needs 3)"
    assert w.reason_text({"code": "some-future-code"}, "zh") == "some-future-code"
    chk = LevelCheck("x", {"zh": "甲", "en": "A"}, ["domestic"], False, compared=2, stricter=1, looser=1, reasons=[r])
    assert chk.codes == [r.to_dict()]
    assert w.level_reason(chk, "zh") == "泄漏电流宽于GB 1—2020、IEC 1:2020（2项可比关键指标中1项严于、0项相当、1项宽于）"


def test_insufficient_evidence_is_worded_by_the_report_only():
    draft = doc("T/ZZB 0003—2026", "T/ZZB", [ind("壶盖开启次数", ">=", 5000, "次", "lid_cycles")])
    gb = doc("GB 3—2020", "GB", [ind("泄漏电流", "<=", 0.75, "mA", "leakage_current")])
    c = compare_documents(draft, [gb], model=None)
    assert c.verdict == "insufficient-evidence" and c.verdict_labels == {}
    assert c.tier_verdicts["domestic"] == {"id": "insufficient-evidence"}
    assert w.verdict_name(c, "zh") == "证据不足，无法判定" and w.verdict_name(c, "en") == "insufficient evidence"
    assert w.tier_verdict_name(c.tier_verdicts["domestic"], "zh") == "证据不足，无法判定"
    d = json.loads(render_comparison(c, "json", "en"))
    assert d["tiers"] == {"domestic": "insufficient evidence"} and d["tier_ids"] == {"domestic": "insufficient-evidence"}
    assert d["verdict_label"].startswith("Insufficient evidence")


def test_json_carries_codes_and_words():
    draft, refs = kettle()
    c = compare_documents(draft, refs, model="hash")
    d = json.loads(render_comparison(c, "json", "zh"))
    assert d["verdict_id"] == c.verdict and d["tier_ids"] == {t: v["id"] for t, v in c.tier_verdicts.items()}
    for lv, jl in zip(c.levels, d["levels"], strict=True):
        assert jl["codes"] == lv.codes and jl["reason_zh"] == w.level_reason(lv, "zh") and jl["reason"] == w.level_reason(lv, "en")
        assert "reasons" not in jl
    assert d["conclusion"] == w.conclusion(c, "zh") and d["verdict_label"] == w.verdict_sentence(c, "zh")
    for item in d["indicators"]:
        for cp in item["counterparts"]:
            assert {"code", "params", "deviation", "deviation_of"} <= set(cp)


def test_a_mod_deviation_is_data_until_the_report_words_it():
    from zmdocs.model import Adoption

    draft, refs = kettle()
    gb, _iec, _din = refs
    gb.indicators[1].value = 0.2  # GB earth resistance differs from the IEC it adopts
    gb.adoption = Adoption("MOD", "IEC 60335-2-15:2016")
    c = compare_documents(draft, refs, model="hash")
    cp = next(x for r in c.rows for x in r.counterparts if x.doc == gb.id and x.deviation_of)
    assert cp.deviation_of == "IEC 60335-2-15:2016" and cp.deviation_value is not None
    d = json.loads(render_comparison(c, "json", "zh"))
    devs = {x["deviation"] for i in d["indicators"] for x in i["counterparts"] if x["deviation_of"]}
    assert devs == {"IEC 60335-2-15:2016: ≤100 mΩ"}
    md = render_comparison(c, "md", "zh")
    assert "修改采用IEC 60335-2-15:2016，本次对比中1项指标与之不同" in md


def _strings(path: Path) -> list[str]:
    """The string literals of a module, without its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body and isinstance(n.body[0], ast.Expr)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_sentence_is_built_in_the_stages():
    """The words of a report (Chinese phrases of the templates) appear in no string of compare, check or diff."""
    table = reasons.table()
    words = {m for sec in ("templates", "text") for forms in table[sec].values()
             for m in re.findall(r"[\u4e00-\u9fff]{4,}", forms.get("zh", ""))}
    for stage in ("compare", "check", "diff"):
        for p in (PKG / stage).rglob("*.py"):
            found = sorted({x for lit in _strings(p) for x in words if x in lit})
            assert not found, f"{p.relative_to(PKG)}: {found}"


def test_every_check_code_is_worded_with_its_arguments():
    from zmdocs.check.result import Check, Limit
    from zmdocs.report.check import reason

    lim = Limit("GB 1—2020", "4.1", "<=", 55, None, None, "kg", parameter="整车质量", conditions=["干态"])
    args = {"margin": 5, "conditions": ["干态"], "product_conditions": ["湿态"]}
    for code in get_args(CheckCode):
        c = Check("整车质量", 60, "kg", "fail", lim, code, args)
        zh, en = reason(c, "zh"), reason(c, "en")
        assert zh and en and zh != en and "{" not in zh + en, code
    c = Check("整车质量", 60, "kg", "fail", lim, "outside", {"margin": 5})
    assert reason(c, "zh") == "60 kg 不满足 ≤ 55 kg，相差 5 kg"
    assert reason(c, "en") == "60 kg does not meet ≤ 55 kg (off by 5 kg)"
