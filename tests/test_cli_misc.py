"""Regression tests for cross-cutting CLI behaviour (output files, log noise)."""

from __future__ import annotations

import os
import stat

from click.testing import CliRunner

from zmdocs.cli import cli


def test_output_file_gets_normal_permissions(tmp_path):
    """write_output used mkstemp, which left report files readable by their owner only (0600)."""
    from zmdocs.report import write_output

    out = tmp_path / "r.md"
    old = os.umask(0o022)
    try:
        write_output("# x", str(out))
    finally:
        os.umask(old)
    assert out.read_text(encoding="utf-8") == "# x"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_index_prints_no_debug_logs_from_bm25s(tmp_path):
    """bm25s sets its logger to DEBUG on import, which leaked 'DEBUG: Building index' lines."""
    src = tmp_path / "docs"
    src.mkdir()
    (src / "a.txt").write_text("GB/T 1—2020\n\n1 范围\n本文件规定了电热水壶的要求。\n\n2 要求\n泄漏电流应不大于0.5 mA。\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["index", str(src), "--store", str(tmp_path / "st"), "--model", "hash"])
    assert res.exit_code == 0, res.output
    assert "DEBUG" not in res.output
