"""Parse files in worker processes with a time and memory limit per file.

Native code (pdfium, pdfminer, lxml, OCR) can hang, abort the interpreter or eat all memory on a
damaged file. Each file is parsed in its own short-lived child process (forked when the parent
has a single thread, spawned otherwise) with RLIMIT_AS and a wall-clock limit; whatever happens
in the child — an abort, a kill, a hang, an unexpected exception — becomes one ParseError for
that file and the batch goes on. The child runs the readers single-process (the PDF reader sees
it is inside a worker and does not start its own page pool), so the only pool is this one.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from zmdocs.errors import ParseError, ZmdocsError

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 600.0   # seconds per file; OCR of a long scan is the slow honest case
DEFAULT_MAX_MEMORY = 4096  # MB of address space per parser process

_CRASH = {
    "pdf": ("the PDF crashed the PDF engine", "it is damaged; re-save it or run with --ocr force"),
    "docx": ("the file crashed the Word reader", "it is damaged; open and re-save it in Word"),
}
_CRASH_OTHER = ("the file crashed the parser", "it is damaged; re-save it")


@dataclass
class Limits:
    """Per-file limits: wall-clock seconds without progress (0 = none; each OCRed page is progress)
    and MB of address space (0 = none)."""

    timeout: float = DEFAULT_TIMEOUT
    max_memory: int = DEFAULT_MAX_MEMORY


def _kind(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""
    return "pdf" if head.startswith(b"%PDF") else "docx" if head.startswith(b"PK") else ""


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _set_limits(limits: Limits) -> None:
    import resource

    if limits.max_memory > 0:
        want = max(limits.max_memory << 20, _vm_bytes() + (256 << 20))
        try:
            resource.setrlimit(resource.RLIMIT_AS, (want, want))
        except (ValueError, OSError) as e:
            log.debug("cannot set the memory limit: %s", e)


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker if the parent dies (kill -9 of `zmdocs` leaves no orphan)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _with_heartbeat(conn: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Make the OCR progress callback also tell the parent that work goes on (it restarts the timeout)."""
    user = kwargs.get("ocr_progress")

    def progress(done: int, total: int) -> None:
        if user is not None:
            user(done, total)
        conn.send(("progress", done, total))
    return {**kwargs, "ocr_progress": progress} if "ocr_progress" in kwargs else kwargs


def _child(conn: Any, path: str, kwargs: dict[str, Any], limits: Limits, then: Any = None,
           readers: dict[str, tuple[tuple[str, ...], str]] | None = None) -> None:
    """Worker body: parse one file and send ("ok", doc) or an error description; never raises.

    `readers` is the parent's format registry, so readers registered at run time also work in a
    spawned (not forked) worker.
    """
    try:
        os.setpgrp()  # own process group: the parent can kill it with any helpers it starts
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if not log.isEnabledFor(logging.DEBUG):
        import faulthandler

        faulthandler.disable()  # a native crash is reported by the parent as one line, not a stack dump
    _set_limits(limits)
    _die_with_parent()
    from zmdocs.parse import registry
    from zmdocs.parse.registry import parse_file

    for fmt, (exts, target) in (readers or {}).items():
        registry.register(fmt, exts, target)

    try:
        doc = parse_file(path, **_with_heartbeat(conn, kwargs))
        out = then(doc) if then is not None else None
        msg: tuple = ("ok", doc if out is None else out)
    except ZmdocsError as e:
        msg = ("error", type(e), dict(e.__dict__), str(e))
    except MemoryError:
        msg = ("memory",)
    except RecursionError:
        msg = ("error", ParseError, {}, str(ParseError(path, "is nested too deeply to read (a damaged or "
                                                            "self-referencing structure)", "re-save it")))
    except BaseException as e:  # the isolation boundary: anything else is reported, not raised
        msg = ("internal", f"{type(e).__name__}: {e}"[:300], traceback.format_exc())
    try:
        conn.send(msg)
    except MemoryError:
        conn.send(("memory",))
    except BaseException as e:  # a result that cannot be pickled is still one error line
        conn.send(("internal", f"result not transferable ({type(e).__name__}: {e})"[:300], traceback.format_exc()))
    finally:
        conn.close()


def _rebuild(cls: type, state: dict[str, Any], text: str) -> ZmdocsError:
    err = cls.__new__(cls)
    Exception.__init__(err, text)
    err.__dict__.update(state)
    return err


def _limit_error(path: Path, what: str, limits: Limits) -> ParseError:
    if what == "timeout":
        return ParseError(str(path), f"parsing took longer than {limits.timeout:g} s and was stopped",
                          "the file is damaged or very large; re-save it, or raise --timeout")
    if what == "memory":
        return ParseError(str(path), f"parsing needed more than {limits.max_memory} MB of memory and was stopped",
                          "the file is damaged or very large; re-save it, or raise --max-memory")
    problem, hint = _CRASH.get(_kind(path), _CRASH_OTHER)
    log.info("%s: the parser process ended with %s", path, what)
    return ParseError(str(path), problem, hint)


def _outcome(path: Path, msg: tuple | None, exitcode: int | None, limits: Limits) -> Any:
    """A Document, or the ZmdocsError to report for this file."""
    if msg is None:
        if exitcode is not None and exitcode < 0:
            sig = -exitcode
            if sig == signal.SIGKILL and limits.max_memory > 0:
                return _limit_error(path, "memory", limits)  # the kernel's OOM killer, most likely
            if sig == signal.SIGXCPU:
                return _limit_error(path, "timeout", limits)
            return _limit_error(path, signal.Signals(sig).name, limits)
        return _limit_error(path, f"exit code {exitcode}", limits)
    tag = msg[0]
    if tag == "ok":
        return msg[1]
    if tag == "memory":
        return _limit_error(path, "memory", limits)
    if tag == "error":
        return _rebuild(msg[1], msg[2], msg[3])
    log.debug("unexpected error parsing %s:\n%s", path, msg[2])
    return ParseError(str(path), f"could not be parsed: unexpected {msg[1]}",
                      "the file may be damaged; re-save it, and please report this file to the zmdocs maintainers")


class _Job:
    def __init__(self, index: int, path: Path, ctx: Any, kwargs: dict[str, Any], limits: Limits, then: Any) -> None:
        self.index, self.path = index, path
        recv, send = ctx.Pipe(duplex=False)
        self.conn = recv
        from zmdocs.parse.registry import _READERS

        self.proc = ctx.Process(target=_child, args=(send, str(path), kwargs, limits, then, dict(_READERS)),
                                daemon=False)
        self.proc.start()
        send.close()
        self.started = time.monotonic()
        self.msg: tuple | None = None

    def kill(self) -> None:
        for target in (lambda: os.killpg(self.proc.pid, signal.SIGKILL), self.proc.kill):
            try:
                target()
            except (OSError, ProcessLookupError, AttributeError):
                pass
        self.proc.join(5)
        self.conn.close()


def _context() -> Any:
    # fork is cheap and safe while the parent has one thread; with threads alive (a model) spawn
    if hasattr(os, "fork") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def parse_isolated(paths: list[Path], limits: Limits | None = None, jobs: int | None = None,
                   on_done: Any = None, then: Any = None, **kwargs: Any) -> list[Any]:
    """Parse each path in its own worker process; returns, in order, a Document or a ZmdocsError per path.

    `then(doc)`, a module-level function, runs on each parsed Document inside the worker (e.g.
    indicator extraction), under the same limits; what it returns, unless None, is the result in
    place of the document (so a worker's figures travel beside the document, not in it); `kwargs`
    go to `parse_file`.
    """
    results: list[Any] = [None] * len(paths)
    for i, res in iter_isolated(paths, limits, jobs, then=then, **kwargs):
        results[i] = res
        if on_done:
            on_done(i)
    return results


def iter_isolated(paths: list[Path], limits: Limits | None = None, jobs: int | None = None, then: Any = None,
                  **kwargs: Any) -> Iterator[tuple[int, Any]]:
    """Yield (index in `paths`, Document or ZmdocsError) as files finish; at most `jobs` workers at once."""
    limits = limits or Limits()
    jobs = max(1, jobs or min(2, os.cpu_count() or 1))
    ctx = _context()
    queue = list(enumerate(Path(p) for p in paths))
    running: list[_Job] = []
    try:
        while queue or running:
            while queue and len(running) < jobs:
                i, p = queue.pop(0)
                running.append(_Job(i, p, ctx, kwargs, limits, then))
            yield from _step(running, limits)
    finally:
        for job in running:
            job.kill()


def _step(running: list[_Job], limits: Limits) -> Iterator[tuple[int, Any]]:
    """Wait for one event (a result, a worker exit, a deadline) and settle finished jobs."""
    now = time.monotonic()
    wait_for = 1.0
    if limits.timeout > 0:
        wait_for = max(0.01, min(j.started + limits.timeout for j in running) - now)
    ready = wait([x for j in running for x in (j.conn, j.proc.sentinel)], timeout=min(wait_for, 5.0))
    for job in list(running):
        if job.msg is None and job.conn in ready:
            try:
                job.msg = job.conn.recv()
            except (EOFError, OSError):
                job.msg = None
            if job.msg and job.msg[0] == "progress":  # a page done: the time limit starts again
                job.msg, job.started = None, time.monotonic()
                continue
        done = job.msg is not None or job.proc.sentinel in ready
        late = limits.timeout > 0 and time.monotonic() - job.started > limits.timeout
        if not done and not late:
            continue
        if done:
            job.proc.join(10 if job.msg is not None else 5)
            if job.proc.exitcode is None:
                job.kill()
            result = _outcome(job.path, job.msg, job.proc.exitcode, limits)
            job.conn.close()
        else:
            job.kill()
            result = _limit_error(job.path, "timeout", limits)
        running.remove(job)
        yield job.index, result
