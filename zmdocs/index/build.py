"""`index_paths`: walk folders, parse changed files in worker processes, embed, commit, publish.

Incremental by sha256 (unchanged files are skipped, changed ones replaced, files gone from an
indexed folder deleted); every document is committed on its own, so a killed run resumes
where it stopped; bad files are skipped with their reason and never stop the run.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from zmdocs.errors import ZmdocsError

log = logging.getLogger(__name__)

# Test hook: "N:SECONDS" sleeps SECONDS after the N-th committed document (lets a test kill the run mid-way).
PAUSE_ENV = "ZMDOCS_TEST_PAUSE_AFTER"


def walk(paths: list[str | Path]) -> tuple[list[Path], list[Path], list[dict[str, str]]]:
    """(files to index, roots they came from, skipped arguments) for files and folders given."""
    from zmdocs.parse.limits import inside
    from zmdocs.parse.registry import supported_extensions

    exts = supported_extensions()
    files: list[Path] = []
    roots: list[Path] = []
    skipped: list[dict[str, str]] = []
    for p in paths:
        path = Path(p).expanduser().resolve()
        roots.append(path)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path).parts
                if (f.is_file() and f.suffix.lower() in exts and not any(x.startswith((".", "~$")) for x in rel)
                        and inside(path, f)):  # a symlink out of the folder (to a system file) is not followed
                    files.append(f)
        elif path.is_file():
            files.append(path)
        elif not path.exists():
            skipped.append({"path": str(p), "reason": "no such file or folder"})
    seen: set[Path] = set()
    return [f for f in files if not (f in seen or seen.add(f))], roots, skipped


def _under(source: str, roots: list[Path]) -> bool:
    s = Path(source)
    return any(s == r or r in s.parents for r in roots)


def _with_indicators(doc: Any) -> None:
    """Run in the parser worker after parsing: extract indicators when the reader gave none, and
    note the worker's CPU seconds (for the run summary)."""
    if not doc.indicators:
        try:
            from zmdocs.indicators import extract_document

            doc.indicators = list(extract_document(doc) or [])
        except ImportError:
            pass
        except Exception as e:  # indicators are optional for search: never lose the document over them
            doc.warnings.append(f"indicator extraction failed: {type(e).__name__}: {e}")
    doc.__dict__["_parse_seconds"] = time.process_time()


def _store_model(store_dir: str | Path) -> str | None:
    """The model an existing store was built with (so `zmdocs index` without --model keeps it)."""
    from zmdocs.index.store import DB_NAME, connect, is_store, meta_get

    p = Path(store_dir).expanduser()
    if not is_store(p):
        return None
    con = connect(p / DB_NAME, readonly=True)
    try:
        return meta_get(con, "model")
    finally:
        con.close()


def _pause_hook(done: int) -> None:
    spec = os.environ.get(PAUSE_ENV)
    if spec:
        n, _, secs = spec.partition(":")
        if done == int(n):
            time.sleep(float(secs or 60))


def index_paths(paths, store_dir: str | Path, model: str | None = None, workers: int | None = None,
                progress: bool = True, ocr: str = "auto", all_files: bool = False) -> dict[str, Any]:
    """Index files and folders into a store; returns the run summary (see `render_summary`).

    `ocr` is the PDF OCR mode (auto, force, off; see zmdocs.parse.ocr). A file that does not
    look like a standard (see `not_a_standard`) is skipped with its reason unless `all_files`.
    Documents sharing one id stay apart (one per source file) and are listed in "duplicates".
    """
    from tqdm import tqdm

    from zmdocs.embed import get_embedder
    from zmdocs.index.writer import Writer
    from zmdocs.parse.registry import sha256_of

    t0 = time.time()
    files, roots, skipped = walk(list(paths))
    embedder = get_embedder(model or _store_model(store_dir))
    summary: dict[str, Any] = {"store": str(Path(store_dir).expanduser()), "model": embedder.name,
                               "added": [], "updated": [], "removed": [], "unchanged": 0, "skipped": skipped}
    t_embed = t_parse_cpu = 0.0
    with Writer(store_dir, embedder) as w:
        known = w.sources()
        todo: list[tuple[str, str, str]] = []
        current = set()
        for f in files:
            src = str(f)
            current.add(src)
            try:
                sha = sha256_of(f)
            except OSError as e:
                skipped.append({"path": src, "reason": f"cannot be read ({e.strerror})"})
                continue
            if src in known and known[src][1] == sha:
                summary["unchanged"] += 1
            else:
                todo.append((src, sha, "updated" if src in known else "added"))
        gone = [(src, v) for src, v in known.items() if src not in current and _under(src, roots) and not Path(src).exists()]
        if gone:
            w.delete([v[0] for _, v in gone])
            summary["removed"] = [{"doc": v[2], "path": src} for src, v in gone]
        n_clauses = 0
        bar = tqdm(total=len(todo), desc="indexing", unit="file", file=sys.stderr, disable=not progress or not todo)
        done = 0
        for src, sha, status, result in _parse_all(todo, workers, ocr):
            kind, doc, reason, secs = result
            t_parse_cpu += secs
            if kind == "ok" and not all_files:
                reason = not_a_standard(doc) or ""
                kind = "skip" if reason else kind
            if kind != "ok":
                skipped.append({"path": src, "reason": reason.removeprefix(f"{src}: ")})
            else:
                t1 = time.time()
                n = w.add_document(doc, src, sha)
                n_clauses += n
                t_embed += time.time() - t1
                summary[status].append({"doc": doc.id, "path": src, "clauses": n})
                done += 1
                _pause_hook(done)
            bar.update(1)
        bar.close()
        t_loop = time.time() - t0
        t2 = time.time()
        man = w.finalize()
        t_publish = time.time() - t2
        summary["duplicates"] = duplicate_ids(w.con)
        totals = w.con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM clauses),"
                               " (SELECT count(*) FROM vectors), (SELECT count(*) FROM indicators)").fetchone()
    summary.update({
        "clauses": n_clauses, "documents_total": totals[0], "clauses_total": totals[1], "vectors_total": totals[2],
        "indicators_total": totals[3], "index": {k: v for k, v in man["faiss"].items() if k != "file"},
        "seconds": round(time.time() - t0, 3), "seconds_embed_commit": round(t_embed, 3),
        # parsing runs in worker processes while the main process embeds: waiting time is what it adds
        "seconds_waiting_for_parse": round(max(0.0, t_loop - t_embed), 3), "seconds_parse_cpu": round(t_parse_cpu, 3),
        "seconds_publish": round(t_publish, 3),
    })
    return summary


_NUMBERED = re.compile(r"^(?:(?:Annex|Anhang|Anlage|附录)\s*)?(?:[A-Z]{1,2}\.)?\d{1,3}(?:\.\d{1,3})*$|^§\s*\d+[a-z]?$", re.I)


def not_a_standard(doc: Any) -> str | None:
    """Why a parsed file is not taken for a standard (None when it is one).

    A standard has a clause structure: at least 2 numbered clauses (or a test report's table of
    clause rows). Notes, READMEs and markup sources have none and parse as one "body" clause,
    often with a standard number borrowed from their text; a file without a standard number of
    its own needs a clearer structure still (10 numbered clauses).
    """
    from zmdocs.index.writer import _row_clause_tables

    numbered = sum(1 for c in doc.clauses if _NUMBERED.match((c.number or "").strip()))
    if numbered < 2 and not _row_clause_tables(doc):
        return (f"not a standard: no clause structure ({numbered} numbered clause{'s' * (numbered != 1)}; "
                "notes, READMEs and markup sources look like this); pass --all to index it anyway")
    if not getattr(doc, "number", None) and numbered < 10:
        return (f"not a standard: no standard number and only {numbered} numbered clauses; "
                "pass --all to index it anyway")
    return None


def duplicate_ids(con) -> list[dict[str, Any]]:
    """Standard ids held by more than one indexed file: [{"doc", "paths"}], for the run summary."""
    rows = con.execute("SELECT doc_id, source FROM documents WHERE doc_id IN"
                       " (SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1) ORDER BY doc_id, source")
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(r[1])
    return [{"doc": d, "paths": p} for d, p in out.items()]


def _parse_all(todo: list[tuple[str, str, str]], workers: int | None, ocr: str = "auto"):
    """Yield (source, sha, status, parse result) as files finish, each file in its own worker process.

    zmdocs.parse.isolate gives every file its own process under time and memory limits, so an
    abort in native code (pdfium) costs that one file, never the files still waiting.
    """
    from zmdocs.parse.isolate import iter_isolated

    jobs = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    for i, res in iter_isolated([Path(t[0]) for t in todo], None, jobs, then=_with_indicators, ocr=ocr):
        src, sha, status = todo[i]
        if isinstance(res, ZmdocsError):
            yield src, sha, status, ("error", None, str(res), 0.0)
        else:
            secs = float(res.__dict__.pop("_parse_seconds", 0.0))
            yield src, sha, status, ("ok", res, "", secs)
