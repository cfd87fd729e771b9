"""The application layer: load every input, prepare each document once, then run one stage on it.

Loading covers standard files (parsed by `zmdocs.parse`, batches in isolated workers), saved
zmdocs JSON, product CSV/YAML and documents found in a store. `prepare` runs parse → indicators →
keys once per document with one error policy and stamps `Document.extractor_version`; align,
compare, check, diff and the index writer take prepared documents and never parse or extract.
The CLI calls this module; progress bars are drawn here only when the caller asks.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from zmdocs.errors import AlignError, ParseError, ZmdocsError
from zmdocs.model import Document

log = logging.getLogger(__name__)

__all__ = ["align_files", "check_files", "compare_files", "diff_files", "index_paths", "is_prepared", "load_document",
           "load_prepared", "load_reference", "parse_many", "prepare", "prepare_many", "refresh", "repair_store",
           "store_counterparts", "walk"]

# Test hook: "N:SECONDS" sleeps SECONDS after the N-th committed document (lets a test kill the run mid-way).
PAUSE_ENV = "ZMDOCS_TEST_PAUSE_AFTER"


# -- preparing -----------------------------------------------------------------
def _stamp(embed_keys: bool = False, model: str | None = None) -> str:
    from zmdocs.indicators import EXTRACTOR_VERSION

    return f"{EXTRACTOR_VERSION}+embed:{model or 'default'}" if embed_keys else EXTRACTOR_VERSION


def is_prepared(doc: Any) -> bool:
    """True when the document's indicators come from the current extractor (its stamp matches)."""
    return getattr(doc, "extractor_version", "") == _stamp()


def prepare(doc: Any, embed_keys: bool = False, model: str | None = None) -> Any:
    """Extract the document's indicators and keys once and stamp it; returns the same document.

    Kept as they are: a product spec, a document stamped by this extractor, and indicators a
    caller or a saved JSON supplied without any stamp. A stale stamp is extracted again.
    The one error policy: a ZmdocsError (e.g. a model that cannot load) propagates; any other
    failure of the extractor costs this document its indicators (a warning), never the run.
    """
    if not isinstance(doc, Document):  # a product spec: its indicators are the product file's rows
        return doc
    stamp = _stamp(embed_keys, model)
    if doc.extractor_version == stamp or (doc.indicators and not doc.extractor_version and not embed_keys):
        return doc
    if doc.extractor_version:
        log.info("%s: indicators from extractor %s, this is %s: extracting again", doc.id, doc.extractor_version, stamp)
    from zmdocs.indicators import extract_document

    try:
        doc.indicators = list(extract_document(doc, embed=embed_keys, model=model) or [])
    except ZmdocsError:
        raise
    except Exception as e:  # the extractor's bug on an unseen document: keep the document, say why it has no indicators
        log.warning("%s: indicator extraction failed: %s: %s", doc.source or doc.id, type(e).__name__, e)
        doc.warnings.append(f"indicator extraction failed: {type(e).__name__}: {e}")
        doc.indicators = []
    doc.extractor_version = stamp
    return doc


def refresh(doc: Document) -> Document:
    """Prepare a document whose stored indicators may come from another extractor (a store's copy)."""
    if not is_prepared(doc):
        if doc.indicators:
            log.info("%s: stored indicators are stamped %r, not %r: extracting them again",
                     doc.id, doc.extractor_version, _stamp())
        doc.indicators, doc.extractor_version = [], ""
    return prepare(doc)


def _prepare_in_worker(doc: Document) -> None:
    """`then` hook of the parser workers: prepare under the worker's time and memory limits."""
    prepare(doc)


def _warm_for_fork(then: Callable | None) -> None:
    """Before forking workers that prepare documents: load the extractor once in the parent.

    Forked children share it; with threads alive the workers are spawned and load it
    themselves, so the parent does not pay for nothing.
    """
    import threading

    if then is not None and hasattr(os, "fork") and threading.active_count() == 1:
        from zmdocs.indicators import warm

        warm()


def _prepare_timed(doc: Document) -> tuple[Document, float]:
    """`then` hook for indexing: prepare; (document, the worker's CPU seconds) for the run summary."""
    prepare(doc)
    return doc, time.process_time()


# -- loading -------------------------------------------------------------------
def load_document(path: str | Path, ocr: str = "auto") -> Document:
    """A parsed document from a standard file, or from zmdocs' own JSON (`zmdocs parse` output); not prepared."""
    p = Path(path)
    if p.suffix.lower() == ".json" and p.is_file():
        import json

        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise AlignError(f"{p}: not a readable zmdocs JSON document ({e}); give the standard file instead") from None
        if isinstance(data, list) and len(data) == 1:
            data = data[0]
        if not isinstance(data, dict) or "clauses" not in data:
            raise AlignError(f"{p}: JSON without 'clauses' is not a zmdocs document; run `zmdocs parse` on the standard first")
        from zmdocs.schema import document_from_data

        return document_from_data(data, str(p))  # checked: a wrong shape is one line naming the file and field
    from zmdocs.parse.registry import parse_file

    return parse_file(p, ocr=ocr)


def load_prepared(path: str | Path) -> Document:
    """`load_document`, prepared."""
    return prepare(load_document(path))


def load_reference(path: str | Path) -> Any:
    """A benchmark reference: a product's parameters (CSV/YAML) or a prepared standard."""
    from zmdocs.compare.product import is_product_file, load_product

    if is_product_file(str(path)):
        return load_product(str(path))
    return load_prepared(path)


def _bar(total: int, desc: str, leave: bool = True):
    """A tqdm bar on stderr (the caller decides whether to draw one)."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers are forked from a single-threaded parent
    return tqdm(total=total, desc=desc, unit="file", file=sys.stderr, leave=leave)


def parse_many(paths: Iterable[str | Path], workers: int | None = None, progress: bool = True, isolate: bool = True,
               timeout: float | None = None, max_memory: int | None = None, then: Callable | None = None,
               **kwargs: Any) -> tuple[list[Document], list[ParseError]]:
    """Parse several files; bad ones are returned as errors, the good ones still parsed.

    With `isolate` (the default) every file is parsed in a worker process with a time limit
    (`timeout` seconds) and a memory limit (`max_memory` MB), so a hang, an abort inside a
    native library or a memory blow-up is one error for that file; `workers` files run at once.
    `then(doc)` runs on each parsed Document, in the worker when isolated (see `parse_isolated`).
    """
    from zmdocs.parse.isolate import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Limits, parse_isolated
    from zmdocs.parse.registry import parse_file

    paths = [Path(p) for p in paths]
    bar = _bar(len(paths), "parsing") if progress and len(paths) > 1 and sys.stderr.isatty() else None
    try:
        if isolate:
            limits = Limits(DEFAULT_TIMEOUT if timeout is None else timeout,
                            DEFAULT_MAX_MEMORY if max_memory is None else max_memory)
            _warm_for_fork(then)
            results = parse_isolated(paths, limits, jobs=workers, on_done=(lambda _i: bar.update(1)) if bar else None,
                                     then=then, **kwargs)
        else:
            results = []
            for p in paths:
                try:
                    doc = parse_file(p, **kwargs)
                    if then is not None:
                        then(doc)
                    results.append(doc)
                except ZmdocsError as e:
                    results.append(e)
                if bar:
                    bar.update(1)
    finally:
        if bar:
            bar.close()
    docs = [r for r in results if isinstance(r, Document)]
    failures = [r if isinstance(r, ParseError) else ParseError(str(p), str(r))
                for p, r in zip(paths, results, strict=True) if not isinstance(r, Document)]
    return docs, failures


def prepare_many(paths: Iterable[str | Path], embed_keys: bool = False, model: str | None = None,
                 **kwargs: Any) -> tuple[list[Document], list[ParseError]]:
    """Parse and prepare several files (`parse_many` keywords); without a model, extraction runs in
    the parse worker under the same per-file limits, with `embed_keys` in this process."""
    docs, failures = parse_many(paths, then=None if embed_keys else _prepare_in_worker, **kwargs)
    for d in docs if embed_keys else ():
        prepare(d, embed_keys=True, model=model)
    return docs, failures


# -- stages on files -----------------------------------------------------------
def align_files(path_a: str | Path, path_b: str | Path, mode: str = "auto", model: Any = None):
    """Load and prepare two files (or zmdocs JSON) and align them."""
    from zmdocs.align import align_documents

    return align_documents(load_prepared(path_a), load_prepared(path_b), mode=mode, model=model)


def check_files(spec_path: str | Path, standard_paths: list[str | Path], model: Any = None):
    """Read the product data and the standards (files or zmdocs JSON) and check."""
    from zmdocs.check import check_documents, load_spec

    product = load_spec(spec_path)
    return check_documents(product, [load_prepared(p) for p in standard_paths], model=model)


def diff_files(old_path: str | Path, new_path: str | Path, model: Any = None):
    """Load and prepare two editions (files or zmdocs JSON) and diff them."""
    from zmdocs.diff import diff_documents

    return diff_documents(load_prepared(old_path), load_prepared(new_path), model=model)


def compare_files(draft_path, ref_paths, store=None, model=None, key_indicators=None, rules=None,
                  progress: bool = False):
    """Prepare the draft and references (standards or product CSV/YAML), optionally find more in a store, compare."""
    from zmdocs.compare import compare_documents, load_rules
    from zmdocs.compare.pairing import read_key_list

    rules_obj = load_rules(rules)  # a bad rules file fails before any parsing
    if key_indicators:
        read_key_list(key_indicators)  # an unreadable or empty list fails before any parsing
    draft = load_prepared(draft_path)
    paths = [str(p) for p in ref_paths]
    bar = _bar(len(paths), "parsing references", leave=False) if progress and len(paths) > 1 else None
    refs = []
    for p in paths:
        refs.append(load_reference(p))
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    found: set[str] = set()
    if store:
        extra = store_counterparts(store, draft, refs, model=model)
        found = {d.id for d in extra}
        refs.extend(extra)
    return compare_documents(draft, refs, key_indicators=key_indicators, rules=rules_obj,
                             model=model if model else "use-multilingual", found=found)


def store_counterparts(store: str | Path, draft: Document, refs: list, model: Any = None) -> list[Document]:
    """Prepared documents of a store that share the draft's scope and parameters (see zmdocs.compare.store).

    The store's copy is used when it has one: its indicators only when stamped by this extractor,
    else they are extracted again from the stored document; without a copy the source file is parsed.
    """
    from zmdocs.compare.store import find_counterparts
    from zmdocs.index import open_store

    st = open_store(store, model=model)
    try:
        picked = [(c, st.load_document(c.doc)) for c in find_counterparts(st, draft, refs)]
    finally:
        st.close()
    out = []
    for c, stored in picked:
        stored = stored if stored is not None else _parse_source(c.doc, c.source)
        if stored is not None:
            log.info("found counterpart %s in the store (%d parameter matches)", c.doc, c.votes)
            out.append(refresh(stored))
    return out


def _parse_source(doc_id: str, src: str) -> Document | None:
    if not src or not Path(src).exists():
        log.warning("found %s in the store but not its source file; skipped", doc_id)
        return None
    try:
        return load_document(src)
    except ZmdocsError as e:
        log.warning("found %s in the store but cannot parse it: %s", doc_id, e)
        return None


# -- indexing ------------------------------------------------------------------
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


def _pause_hook(done: int) -> None:
    spec = os.environ.get(PAUSE_ENV)
    if spec:
        n, _, secs = spec.partition(":")
        if done == int(n):
            time.sleep(float(secs or 60))


def _parse_all(todo: list[tuple[str, str, str]], workers: int | None, ocr: str = "auto"):
    """Yield (source, sha, status, parse result) as files finish, each file in its own worker process.

    zmdocs.parse.isolate gives every file its own process under time and memory limits, so an
    abort in native code (pdfium) costs that one file, never the files still waiting.
    """
    from zmdocs.parse.isolate import iter_isolated

    jobs = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    _warm_for_fork(_prepare_timed)
    for i, res in iter_isolated([Path(t[0]) for t in todo], None, jobs, then=_prepare_timed, ocr=ocr):
        src, sha, status = todo[i]
        if isinstance(res, ZmdocsError):
            yield src, sha, status, ("error", None, str(res), 0.0)
        else:
            doc, secs = res
            yield src, sha, status, ("ok", doc, "", float(secs))


def _plan(w, files: list[Path], roots: list[Path], summary: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(source, sha256, added|updated) of the files to parse; deletes documents whose files are gone."""
    from zmdocs.parse.registry import sha256_of

    known = w.sources()
    todo: list[tuple[str, str, str]] = []
    current = set()
    for f in files:
        src = str(f)
        current.add(src)
        try:
            sha = sha256_of(f)
        except OSError as e:
            summary["skipped"].append({"path": src, "reason": f"cannot be read ({e.strerror})"})
            continue
        if src in known and known[src][1] == sha:
            summary["unchanged"] += 1
        else:
            todo.append((src, sha, "updated" if src in known else "added"))
    gone = [(src, v) for src, v in known.items() if src not in current and _under(src, roots) and not Path(src).exists()]
    if gone:
        w.delete([v[0] for _, v in gone])
        summary["removed"] = [{"doc": v[2], "path": src} for src, v in gone]
    return todo


def _add_all(w, todo, summary: dict[str, Any], workers: int | None, progress: bool, ocr: str,
             all_files: bool) -> dict[str, float]:
    """Parse, prepare and commit every planned file; returns clause count and timings."""
    from zmdocs.index.build import not_a_standard

    t = {"clauses": 0, "embed": 0.0, "parse_cpu": 0.0}
    bar = _bar(len(todo), "indexing") if progress and todo else None
    done = 0
    for src, sha, status, (kind, doc, reason, secs) in _parse_all(todo, workers, ocr):
        t["parse_cpu"] += secs
        if kind == "ok" and not all_files:
            reason = not_a_standard(doc) or ""
            kind = "skip" if reason else kind
        if kind != "ok":
            summary["skipped"].append({"path": src, "reason": reason.removeprefix(f"{src}: ")})
        else:
            t1 = time.time()
            n = w.add_document(doc, src, sha)
            t["clauses"] += n
            t["embed"] += time.time() - t1
            summary[status].append({"doc": doc.id, "path": src, "clauses": n})
            done += 1
            _pause_hook(done)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    return t


def index_paths(paths, store_dir: str | Path, model: str | None = None, workers: int | None = None,
                progress: bool = True, ocr: str = "auto", all_files: bool = False) -> dict[str, Any]:
    """Index files and folders into a store; returns the run summary (see `render_summary`).

    Incremental by sha256 (unchanged files skipped, changed ones replaced, files gone from an
    indexed folder deleted); each document is parsed and prepared in its own worker process and
    committed on its own. `ocr` is the PDF OCR mode; a file that does not look like a standard
    (`zmdocs.index.build.not_a_standard`) is skipped with its reason unless `all_files`.
    """
    from zmdocs.embed import get_embedder
    from zmdocs.index.build import duplicate_ids, store_model, store_totals
    from zmdocs.index.writer import Writer

    t0 = time.time()
    files, roots, skipped = walk(list(paths))
    embedder = get_embedder(model or store_model(store_dir))
    summary: dict[str, Any] = {"store": str(Path(store_dir).expanduser()), "model": embedder.name,
                               "added": [], "updated": [], "removed": [], "unchanged": 0, "skipped": skipped}
    with Writer(store_dir, embedder) as w:
        todo = _plan(w, files, roots, summary)
        t = _add_all(w, todo, summary, workers, progress, ocr, all_files)
        t_loop = time.time() - t0
        t2 = time.time()
        man = w.finalize()
        t_publish = time.time() - t2
        summary["duplicates"] = duplicate_ids(w.con)
        totals = store_totals(w.con)
    summary.update({
        "clauses": t["clauses"], **totals, "index": {k: v for k, v in man["faiss"].items() if k != "file"},
        "seconds": round(time.time() - t0, 3), "seconds_embed_commit": round(t["embed"], 3),
        # parsing runs in worker processes while the main process embeds: waiting time is what it adds
        "seconds_waiting_for_parse": round(max(0.0, t_loop - t["embed"]), 3), "seconds_parse_cpu": round(t["parse_cpu"], 3),
        "seconds_publish": round(t_publish, 3),
    })
    return summary


def repair_store(store_dir: str | Path, model: str | None = None) -> dict[str, Any]:
    """Repair a damaged store (zmdocs.index.repair); a lost database is re-indexed by `index_paths`."""
    from zmdocs.index.repair import repair_store as repair

    return repair(store_dir, model=model, reindex=index_paths)
