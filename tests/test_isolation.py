"""Per-file isolation: an abort, a hang, a memory blow-up or a bug in one file is one error line."""

from __future__ import annotations

import os
import time

import pytest
from click.testing import CliRunner

from zmdocs import app
from zmdocs.cli import cli
from zmdocs.parse import registry
from zmdocs.parse.isolate import Limits, parse_isolated

GOOD = "GB/T 1—2020\n\n1 范围\n本文件规定了电热水壶的要求。\n\n2 要求\n泄漏电流应不大于0.5 mA。\n"


def read_abort(path):
    os.abort()


def read_hang(path):
    time.sleep(120)


def read_memory(path):
    hog = [bytearray(256 << 20)]  # beyond the limit at the second block, at once (no slow zero-filling)
    hog.append(bytearray(8 << 30))


def read_bug(path):
    raise KeyError("no such key")


def read_segv(path):
    import ctypes

    ctypes.string_at(0)


KINDS = ("abort", "hang", "memory", "bug", "segv")


@pytest.fixture
def crashers(tmp_path):
    """Register one reader per way of dying, each on its own extension; return a file for each."""
    files = {}
    for kind in KINDS:
        registry.register(f"crash-{kind}", (f".{kind}",), f"{__name__}:read_{kind}")
        files[kind] = tmp_path / f"bad.{kind}"
        files[kind].write_text("x", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    files["good"] = good
    yield files
    for kind in KINDS:
        registry._READERS.pop(f"crash-{kind}", None)


def test_every_failure_is_one_error_and_the_good_file_survives(crashers):
    order = ["good", *KINDS, "good"]
    t0 = time.monotonic()
    results = parse_isolated([crashers[k] for k in order], Limits(timeout=10, max_memory=768), jobs=2)
    assert time.monotonic() - t0 < 60
    got = dict(zip(order[1:-1], results[1:-1], strict=True))
    assert results[0].id == results[-1].id == "GB/T 1—2020"
    assert "crashed the parser" in str(got["abort"]) and "crashed the parser" in str(got["segv"])
    assert "longer than 10 s" in str(got["hang"]) and "--timeout" in str(got["hang"])
    assert "more than 768 MB" in str(got["memory"]) and "--max-memory" in str(got["memory"])
    assert "unexpected KeyError" in str(got["bug"])
    for kind in KINDS:
        assert str(got[kind]).startswith(str(crashers[kind]) + ": ")


def test_cli_batch_prints_good_output_and_one_line_per_bad_file(crashers):
    res = CliRunner().invoke(cli, ["parse", str(crashers["good"]), str(crashers["abort"]), str(crashers["bug"]),
                                   "--format", "jsonl", "--timeout", "20"])
    assert res.exit_code == 1
    assert '"id": "GB/T 1—2020"' in res.stdout
    errors = [line for line in res.stderr.splitlines() if line.startswith("zmdocs: error:")]
    assert len(errors) == 2 and "Traceback" not in res.stderr


def test_pdf_abort_names_the_pdf_engine(tmp_path, monkeypatch):
    from zmdocs.parse import isolate

    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    err = isolate._outcome(pdf, None, -6, Limits())
    assert str(err) == (f"{pdf}: the PDF crashed the PDF engine — it is damaged; re-save it or run with --ocr force")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    docs, failures = app.parse_many([fifo], isolate=False)
    assert not docs and "named pipe" in str(failures[0])


def test_in_process_mode_still_reports_per_file(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    docs, failures = app.parse_many([good, tmp_path / "missing.pdf"], isolate=False)
    assert len(docs) == 1 and "no such file" in str(failures[0])


def test_ocr_progress_is_a_heartbeat_to_the_parent():
    import multiprocessing

    from zmdocs.parse import isolate

    recv, send = multiprocessing.Pipe(duplex=False)
    seen = []
    kwargs = isolate._with_heartbeat(send, {"ocr": "force", "ocr_progress": lambda d, t: seen.append((d, t))})
    kwargs["ocr_progress"](1, 3)
    assert seen == [(1, 3)] and recv.recv() == ("progress", 1, 3) and kwargs["ocr"] == "force"
    assert isolate._with_heartbeat(send, {"ocr": "off"}) == {"ocr": "off"}
