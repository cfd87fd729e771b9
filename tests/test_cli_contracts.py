"""The CLI's contracts: output format and -o, binary output, usage errors, CSV BOM, content checks,
`zmdocs.parse` as a function, non-finite numbers, terminal escapes and lone surrogates in outputs."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from zmdocs.cli import cli, output_format

ROOT = Path(__file__).resolve().parent.parent
TEXT = "GB/T 1—2020\n\n1 范围\n本文件规定了电热水壶的要求。\n\n2 要求\n泄漏电流应不大于0.5 mA。\n"


@pytest.fixture
def src(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _one_error_line(res, *words: str) -> None:
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert res.exit_code == 1, res.output
    assert len(lines) == 1 and lines[0].startswith("zmdocs: error: "), res.stderr
    for w in words:
        assert w in lines[0]


def test_format_comes_from_the_output_extension(src, tmp_path):
    out = tmp_path / "ind.xlsx"
    assert run("indicators", src, "-o", out).exit_code == 0
    assert zipfile.is_zipfile(out)  # a real workbook, not a text table
    out = tmp_path / "doc.md"
    assert run("parse", src, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_format_and_extension_that_disagree_are_refused(src, tmp_path):
    out = tmp_path / "x.md"
    _one_error_line(run("parse", src, "--format", "json", "-o", out), "--format is json")
    assert not out.exists()
    _one_error_line(run("indicators", src, "-o", tmp_path / "x.pdf"), "cannot write .pdf")


def test_compare_refuses_an_output_it_cannot_write(src, tmp_path):
    out = tmp_path / "x.pdf"
    _one_error_line(run("compare", src, "-a", src, "-o", out, "--model", "hash"), "cannot write .pdf")
    assert not out.exists()


def test_binary_formats_are_never_written_to_a_terminal(monkeypatch):
    import click

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for fmt in ("xlsx", "docx"):
        with pytest.raises(click.UsageError, match="binary"):
            output_format(fmt, None, ("table", "xlsx", "docx"), "table")
    assert output_format("xlsx", "x.xlsx", ("xlsx",), "table") == "xlsx"


def test_output_into_a_missing_folder_is_an_error(src, tmp_path):
    out = tmp_path / "nope" / "x.json"
    _one_error_line(run("parse", src, "-o", out), "does not exist")
    assert not out.parent.exists()


@pytest.mark.parametrize("args", [
    ["parse", "{src}", "--format", "xml"],
    ["search", "leakage"],
    ["compare", "{src}"],
    ["parse"],
    ["--no-such-option"],
])
def test_usage_errors_are_one_line_and_exit_1(src, args, monkeypatch):
    monkeypatch.delenv("ZMDOCS_STORE", raising=False)
    res = run(*[a.format(src=src) for a in args])
    _one_error_line(res)
    assert "Usage:" not in res.output


def test_csv_has_a_utf8_bom(src, tmp_path):
    out = tmp_path / "x.csv"
    assert run("indicators", src, "-o", out).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    assert "泄漏电流" in raw.decode("utf-8-sig")


def test_text_file_named_doc_is_refused_by_content(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"hello")
    _one_error_line(run("parse", p), "old.doc", "named .doc", "plain text")


def test_zmdocs_parse_stays_a_function_after_importing_the_subpackage():
    code = ("import zmdocs, zmdocs.parse, zmdocs.parse.registry\n"
            f"a = zmdocs.parse({str(ROOT / 'corpora/samples/src/GB-4706.19-2024-kettle.txt')!r})\n"
            "from zmdocs.parse import registry\n"
            f"b = zmdocs.parse({str(ROOT / 'corpora/samples/src/GB-4706.19-2024-kettle.txt')!r})\n"
            "assert a.id == b.id and callable(zmdocs.parse) and zmdocs.parse.registry is registry\n"
            "print('ok')\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr


def test_docx_without_page_breaks_has_no_page_numbers(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for t in ("T/ZZB 1—2026", "1 范围", "本文件规定了电热水壶的要求。", "2 要求", "泄漏电流应不大于0.5 mA。"):
        d.add_paragraph(t)
    p = tmp_path / "a.docx"
    d.save(str(p))
    res = run("parse", p, "--format", "json")
    assert res.exit_code == 0, res.output
    assert {c.get("page") for c in json.loads(res.stdout)["clauses"]} == {None}


def test_numbers_beyond_float_range_never_give_infinity(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(TEXT + "额定功率应不小于" + "9" * 309 + " W。\n电压应不大于" + "9" * 308 + " V。\n", encoding="utf-8")
    res = run("indicators", p, "--format", "json")
    assert res.exit_code == 0, res.output
    assert "Infinity" not in res.stdout and "NaN" not in res.stdout
    json.loads(res.stdout)
    res = run("indicators", p, "--format", "csv")
    assert res.exit_code == 0 and ",inf," not in res.stdout


def test_dumps_writes_null_for_non_finite_numbers():
    from zmdocs.report import dumps

    assert json.loads(dumps({"a": float("inf"), "b": [float("nan"), 1.5]})) == {"a": None, "b": [None, 1.5]}


def test_terminal_escapes_from_documents_are_stripped(tmp_path):
    p = tmp_path / "esc.txt"
    p.write_text(TEXT.replace("范围", "范围\x1b]0;owned\x07\x1b[2J\x9b31m"), encoding="utf-8")
    for fmt in ("tree", "md"):
        res = run("parse", p, "--format", fmt)
        assert res.exit_code == 0, res.output
        assert "\x1b" not in res.stdout and "\x9b" not in res.stdout and "\x07" not in res.stdout
        assert "范围" in res.stdout


def test_lone_surrogates_never_break_an_output(tmp_path, caplog):
    from zmdocs.parse.registry import parse_file
    from zmdocs.report import write_output
    from zmdocs.report.document import render_documents

    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    doc = parse_file(p)
    doc.clauses[0].heading += "\ud800"
    for fmt in ("json", "jsonl", "tree", "md"):
        out = tmp_path / f"o.{fmt}"
        write_output(render_documents([doc], fmt), str(out), fmt)
        assert "\ufffd" in out.read_text(encoding="utf-8")
    assert any("lone surrogates" in r.getMessage() for r in caplog.records)


def test_damaged_store_database_is_one_clear_line(src, tmp_path):
    store = tmp_path / "st"
    run("index", src, "--store", store, "--model", "hash")  # makes the store (the tiny file may be skipped)
    assert (store / "store.sqlite").exists()
    (store / "store.sqlite").write_bytes(b"garbage" * 500)
    for args in (["info"], ["search", "leakage", "--model", "hash"]):
        res = run(*args, "--store", store)
        _one_error_line(res, str(store), "damaged")
        assert "Traceback" not in res.output
