"""Plain-text and Markdown readers, and `zmdocs parse` end to end on text files."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zmdocs.cli import cli
from zmdocs.errors import ParseError
from zmdocs.parse.registry import parse_file
from zmdocs.parse.text import read_markdown, read_text

ZH = "前言\n本文件由示例协会提出。\n1 范围\n本文件适用于电热水壶。\n2 规范性引用文件\nGB 4706.1—2005 家用和类似用途电器的安全\n"


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_encodings(tmp_path: Path, encoding: str, bom: bytes):
    p = tmp_path / "s.txt"
    p.write_bytes(bom + ZH.replace("\n", "\r\n").encode(encoding))
    doc = parse_file(p)
    assert [c.number for c in doc.clauses] == ["foreword", "1", "2"]
    assert doc.clause("1").text == "本文件适用于电热水壶。"
    assert doc.references == ["GB 4706.1—2005"]


def test_form_feed_pages_and_blank_lines(tmp_path: Path):
    p = tmp_path / "p.txt"
    p.write_text("1 Scope\n\nThis document covers kettles.\n\f2 Normative references\n\nIEC 60335-1:2010, General requirements\n", encoding="utf-8")
    raw = read_text(p)
    assert raw.pages == 2
    assert [b.page for b in raw.blocks] == [1, 1, 2, 2]
    doc = parse_file(p)
    assert (doc.clause("1").page, doc.clause("2").page) == (1, 2)


def test_hard_wrapped_text_is_rejoined(tmp_path: Path):
    para = ("The appliance shall be constructed so that in normal use it functions safely and causes no danger to "
            "persons or surroundings, even in the event of carelessness that might occur in normal use, and the "
            "leakage current shall not exceed 0.75 mA for portable class I appliances and 0.25 mA for class II.")
    import textwrap

    wrapped = "\n".join(textwrap.wrap(para, 60))
    other = "\n".join(textwrap.wrap("Compliance is checked by inspection and by the tests of the relevant clauses of this document, carried out in order.", 60))
    p = tmp_path / "w.txt"
    p.write_text(f"4 General requirement\n\n{wrapped}\n\n{other}\n\n5 General conditions for the tests\n\nText.\n", encoding="utf-8")
    doc = parse_file(p)
    assert doc.clause("4").text.split("\n") == [para, " ".join(textwrap.wrap("Compliance is checked by inspection and by the tests of the relevant clauses of this document, carried out in order.", 60))]
    assert [p.form for p in doc.clause("4").provisions] == ["requirement", "statement"]


def test_binary_and_empty_files_give_one_clear_error(tmp_path: Path):
    e = tmp_path / "empty.txt"
    e.write_text("   \n\n", encoding="utf-8")
    with pytest.raises(ParseError, match="contains no text"):
        parse_file(e)


def test_markdown_headings_lists_and_tables(tmp_path: Path):
    md = tmp_path / "s.md"
    md.write_text(
        "# T/ZZB 0123—2025 电热水壶\n\n## 前言\n\n本文件由示例协会提出。\n\n## 5 技术要求\n\n### 5.1 泄漏电流\n\n"
        "泄漏电流应不大于\n0.25 mA。\n\n- a) 无保温功能；\n- b) 有保温功能。\n\n表1 泄漏电流限值\n\n| 类别 | 限值 |\n|---|---|\n| Ⅱ类 | 0.25 mA |\n| Ⅰ类 | 0.75 mA |\n",
        encoding="utf-8",
    )
    raw = read_markdown(md)
    assert [b.kind for b in raw.blocks].count("table") == 1
    doc = parse_file(md)
    assert [c.number for c in doc.clauses] == ["foreword", "5", "5.1"]
    assert doc.clause("5.1").text.split("\n") == ["泄漏电流应不大于0.25 mA。", "a) 无保温功能；", "b) 有保温功能。"]
    t = doc.tables[0]
    assert (t.number, t.caption, t.header_rows, t.clause) == ("1", "泄漏电流限值", 1, doc.clause("5.1").id)
    assert t.rows[2] == ["Ⅰ类", "0.75 mA"]


def test_cli_parse_tree_and_formats(tmp_path: Path):
    p = Path(__file__).parent / "data" / "parse" / "zh-group-standard.txt"
    runner = CliRunner()
    r = runner.invoke(cli, ["parse", str(p), "--format", "tree"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("T/ZZB 0123—2025")
    assert any(ln.strip().startswith("5.1.1 泄漏电流 [requirements]") for ln in lines)
    assert any("Annex A 热效率试验方法 [annex-normative]" in ln for ln in lines)
    r = runner.invoke(cli, ["parse", str(p), str(p), "--format", "json"])
    data = json.loads(r.output)
    assert isinstance(data, list) and len(data) == 2
    for key in ("schema_version", "id", "title", "titles", "lang", "family", "adoption", "clauses", "tables", "terms", "references"):
        assert key in data[0]
    c = data[0]["clauses"][1]
    for key in ("id", "number", "heading", "text", "level", "parent", "kind", "page", "provisions"):
        assert key in c
    r = runner.invoke(cli, ["parse", str(p), "--format", "jsonl"])
    assert len(r.output.strip().splitlines()) == 1
    out = tmp_path / "o.md"
    r = runner.invoke(cli, ["parse", str(p), "--format", "md", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# T/ZZB 0123—2025")


def test_cli_bad_file_one_line_error(tmp_path: Path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"")
    r = CliRunner().invoke(cli, ["parse", str(bad)])
    assert r.exit_code == 1
    assert "Traceback" not in r.output


def test_pdftotext_output_running_headers_and_page_numbers(tmp_path: Path):
    body = [
        ["T/ZZB 0123—2025", "", "前言", "本文件由示例协会提出。", "", "I"],
        ["T/ZZB 0123—2025", "", "1 范围", "本文件规定了电热水壶的技术要求，适用于额定容量不大于", "", "1"],
        ["T/ZZB 0123—2025", "", "2.5 L的家用电热水壶。", "2 规范性引用文件", "GB 4706.1—2005 通用要求", "", "2"],
        ["T/ZZB 0123—2025", "", "3 术语和定义", "本文件没有需要界定的术语和定义。", "", "3"],
    ]
    p = tmp_path / "pdftotext.txt"
    p.write_text("\f".join("\n".join(lines) for lines in body), encoding="utf-8")
    doc = parse_file(p)
    assert [c.number for c in doc.clauses] == ["foreword", "1", "2", "3"]
    assert doc.clause("1").text == "本文件规定了电热水壶的技术要求，适用于额定容量不大于2.5 L的家用电热水壶。"
    assert doc.clause("1").page_end == 3
    assert all("T/ZZB" not in c.text for c in doc.clauses)
    assert doc.id == "T/ZZB 0123—2025"
