"""The zmdocs command line: thin click commands over the library.

Every command catches nothing itself: `ZmdocsGroup` turns any ZmdocsError and any usage
error into one line `zmdocs: error: …` on stderr and exit code 1 (130 on Ctrl-C). Data goes
to stdout (or -o), progress and diagnostics to stderr.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import click

from zmdocs import __version__
from zmdocs.errors import ZmdocsError

log = logging.getLogger(__name__)

MODEL_OPTION = click.option(
    "--model", "-m", envvar="ZMDOCS_MODEL", default=None, show_envvar=True,
    help="Embedding model: use-multilingual (default), st:<name or folder>, or hash (tests).",
)
STORE_OPTION = click.option(
    "--store", "-s", envvar="ZMDOCS_STORE", type=click.Path(file_okay=False), show_envvar=True,
    help="Index store folder.",
)
OUTPUT_OPTION = click.option("-o", "--output", type=click.Path(dir_okay=False),
                             help="Write to this file instead of stdout; its extension gives the format when --format is absent.")
TIMEOUT_OPTION = click.option("--timeout", type=click.FloatRange(min=0), default=600, show_default=True,
                              help="Seconds one file may take to parse (each OCRed page restarts the clock) before it is stopped (0: no limit).")
OCR_OPTION = click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default="auto", show_default=True,
                          help="OCR for PDF pages: auto = pages without text or with a garbled text layer; "
                               "force = every page; off = none (garbled pages are left out).")
MEMORY_OPTION = click.option("--max-memory", type=click.IntRange(min=0), default=4096, show_default=True,
                             help="MB of memory one file's parser process may use (0: no limit).")
# -o extensions that name a format; `.txt` suits every text format
_EXT_FORMAT = {"json": "json", "jsonl": "jsonl", "ndjson": "jsonl", "md": "md", "markdown": "md", "html": "html",
               "htm": "html", "docx": "docx", "xlsx": "xlsx", "csv": "csv", "pdf": "pdf", "doc": "doc", "xls": "xls",
               "odt": "odt", "rtf": "rtf", "xml": "xml", "yaml": "yaml", "yml": "yaml"}


class ZmdocsGroup(click.Group):
    """A click group that reports ZmdocsError and usage errors as one clear line and exit code 1."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as e:
            where = f" — see `{e.ctx.command_path} --help`" if e.ctx else " — see `zmdocs --help`"
            click.echo(f"zmdocs: error: {e.format_message().rstrip('.')}{where}", err=True)
            sys.exit(1)
        except click.ClickException as e:
            click.echo(f"zmdocs: error: {e.format_message()}", err=True)
            sys.exit(1)
        except (click.Abort, KeyboardInterrupt):
            click.echo("zmdocs: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # `zmdocs … | head`: the reader left; nothing more to say
            _quiet_stdout()
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ZmdocsError as e:
            click.echo(f"zmdocs: error: {e}", err=True)
            sys.exit(1)
        except sqlite3.DatabaseError as e:  # only a store's database raises these: damaged, truncated, read-only
            store = (ctx.obj or {}).get("store") or "the store"
            log.debug("store database error", exc_info=True)
            click.echo(f"zmdocs: error: {store}: the index is damaged ({e}) — run zmdocs index --repair --store {store}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("zmdocs: interrupted", err=True)
            sys.exit(130)


def _quiet_stdout() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def emit(data: str | bytes, output: str | None, fmt: str | None = None) -> None:
    """Write text or bytes to the output file (atomically) or to stdout."""
    from zmdocs.report import write_output

    write_output(data, output, fmt)


def output_format(fmt: str | None, output: str | None, allowed: tuple[str, ...], default: str,
                  binary: tuple[str, ...] = ("xlsx", "docx")) -> str:
    """The output format: --format, else -o's extension, else `default`; refuses contradictions."""
    ext = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    named = _EXT_FORMAT.get(ext)
    if fmt is None:
        if named in allowed:
            fmt = named
        elif named:
            raise click.UsageError(f"cannot write .{ext} files; -o takes one of "
                                   + ", ".join("." + f for f in allowed if f in _EXT_FORMAT.values()))
        else:
            fmt = default
    elif named and named != fmt:
        raise click.UsageError(f"-o {output} names a .{ext} file but --format is {fmt}; give a matching extension or drop --format")
    if fmt in binary and (not output or output == "-") and sys.stdout.isatty():
        raise click.UsageError(f"{fmt} is a binary format and would garble the terminal; give -o FILE.{fmt}")
    return fmt


@click.group(cls=ZmdocsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zmdocs")
@click.option("-v", "--verbose", count=True, help="More diagnostics on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """zmdocs: parse, extract, align, search and benchmark standards documents."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="zmdocs: %(levelname)s: %(message)s", stream=sys.stderr)
    for noisy in ("pdfminer", "jieba", "faiss", "sentence_transformers", "urllib3", "bm25s"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


class PageBar:
    """Per-page OCR progress as a tqdm bar on stderr (a tty only); picklable, so parse workers draw it."""

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        from tqdm import tqdm

        if self.bar is None or done <= self.bar.n:
            tqdm.monitor_interval = 0
            self.bar = tqdm(total=total, desc="OCR", unit="page", file=sys.stderr, leave=False)
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()
            self.bar = None

    def __getstate__(self) -> dict:
        return {"bar": None}


def _report_failures(failures: list[ZmdocsError]) -> None:
    for e in failures:
        click.echo(f"zmdocs: error: {e}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "tree", "md"]), default=None,
              help="Default: from the -o extension, else json.")
@OUTPUT_OPTION
@TIMEOUT_OPTION
@MEMORY_OPTION
@OCR_OPTION
def parse(files: tuple[str, ...], fmt: str | None, output: str | None, timeout: float, max_memory: int,
          ocr: str) -> None:
    """Parse standards (PDF, DOCX, TXT, MD) into clause trees."""
    from zmdocs.app import parse_many
    from zmdocs.report.document import render_documents

    fmt = output_format(fmt, output, ("json", "jsonl", "tree", "md"), "json")
    docs, failures = parse_many(files, timeout=timeout, max_memory=max_memory, ocr=ocr, ocr_progress=PageBar())
    _report_failures(failures)
    if docs:
        emit(render_documents(docs, fmt), output, fmt)
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "xlsx"]), default=None,
              help="Default: from the -o extension, else table. CSV carries a UTF-8 BOM for Excel.")
@click.option("--embed-keys", is_flag=True, help="Give parameters the glossary does not know the nearest key by sentence embedding (loads a model).")
@MODEL_OPTION
@OUTPUT_OPTION
@TIMEOUT_OPTION
@MEMORY_OPTION
@OCR_OPTION
def indicators(files: tuple[str, ...], fmt: str | None, embed_keys: bool, model: str | None, output: str | None,
               timeout: float, max_memory: int, ocr: str) -> None:
    """Extract technical indicators (parameter, comparator, value, unit, conditions) from standards."""
    from zmdocs.app import prepare_many
    from zmdocs.report.indicators import render_indicators

    fmt = output_format(fmt, output, ("table", "json", "jsonl", "csv", "xlsx"), "table")
    docs, failures = prepare_many(files, embed_keys=embed_keys, model=model, timeout=timeout, max_memory=max_memory,
                                  ocr=ocr, ocr_progress=PageBar())
    _report_failures(failures)
    if docs:
        emit(render_indicators(docs, fmt), output, fmt)
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("a", type=click.Path())
@click.argument("b", type=click.Path())
@click.option("--mode", type=click.Choice(["auto", "translation", "free"]), default="auto", show_default=True,
              help="translation: monotonic (IDT/MOD adoptions); free: reorder-tolerant (B-standard vs IEC/EN).")
@click.option("--format", "fmt", type=click.Choice(["json", "table", "md", "docx"]), default=None,
              help="Default: from the -o extension, else table.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="en", show_default=True,
              help="zh: md/docx as the GB/T 1.1-2020 annexes (章条编号对照表, 技术性差异及其原因).")
@MODEL_OPTION
@OUTPUT_OPTION
def align(a: str, b: str, mode: str, fmt: str | None, lang: str, model: str | None, output: str | None) -> None:
    """Align the clauses and indicators of two standards, in any two languages."""
    from zmdocs.app import align_files
    from zmdocs.report.alignment import render_alignment

    fmt = output_format(fmt, output, ("json", "table", "md", "docx"), "table")
    result = align_files(a, b, mode=mode, model=model)
    emit(render_alignment(result, fmt, lang=lang), output, fmt)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@STORE_OPTION
@MODEL_OPTION
@click.option("--workers", "-j", type=int, default=None, help="Parser processes (default: number of cores).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@OCR_OPTION
@click.option("--all", "all_files", is_flag=True, help="Also index files that do not look like standards (no clause structure, no standard number).")
@click.option("--repair", is_flag=True, help="Repair a damaged store: rebuild FAISS/BM25 from the raw vectors, re-embed lost vectors, re-index lost databases from their recorded source files.")
def index(paths: tuple[str, ...], store: str | None, model: str | None, workers: int | None, fmt: str,
          ocr: str, all_files: bool, repair: bool) -> None:
    """Index folders of standards into a store (incremental, atomic).

    Files that are not standards (READMEs, notes, markup sources: no clause structure) are
    skipped with the reason in the summary, as are unreadable files; the exit code is then 1
    (the rest is indexed). Files sharing one standard id are kept apart and listed.
    """
    from zmdocs.app import index_paths, repair_store
    from zmdocs.report.search import render_summary

    if repair:
        rep = repair_store(_need_store(store), model=model)
        click.echo(__import__("json").dumps(rep, ensure_ascii=False, indent=1) if fmt == "json" else
                   "\n".join([f"repaired {rep['store']}: {rep['documents']} documents", *(f"- {a}" for a in rep["actions"])]))
        if not paths:
            return
    if not paths:
        raise click.UsageError("give the files or folders to index (or --repair)")
    summary = index_paths(paths, _need_store(store), model=model, workers=workers, progress=True, ocr=ocr,
                          all_files=all_files)
    click.echo(render_summary(summary, fmt))
    if summary["skipped"]:
        sys.exit(1)


@cli.command()
@click.argument("query", required=False)
@STORE_OPTION
@MODEL_OPTION
@click.option("--top", "-k", type=int, default=10, show_default=True)
@click.option("--lang", help="Only clauses in this language (zh, en, de, fr, ja, …).")
@click.option("--family", help="Only this family (GB, GB/T, ISO, IEC, EN, T/ZZB, …).")
@click.option("--doc", "doc_id", help="Only this document id.")
@click.option("--kind", help="Only this clause kind (requirements, terms, test-methods, …).")
@click.option("--per-lang", type=click.IntRange(min=1), default=None, metavar="K",
              help="The best K clauses of every language instead of the overall top.")
@click.option("--queries", type=click.Path(exists=True, dir_okay=False), help="Run one query per line of this file (one model load for all); prints JSON lines.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "md"]), default="table", show_default=True)
def search(query: str | None, store: str | None, model: str | None, top: int, lang: str | None, family: str | None,
           doc_id: str | None, kind: str | None, per_lang: int | None, queries: str | None, fmt: str) -> None:
    """Semantic + lexical clause search over a store, across languages.

    Every language is ranked on its own (dense similarity and BM25 fused), then merged, so a
    query's counterparts in other languages reach the top results. SCORE (0-1, the same in
    every format): 1 = ranked first in its language by every signal that matched there;
    languages without a close match are damped. Each hit: standard, clause, heading, language,
    score and a snippet of the match.
    """
    from zmdocs.index import open_store
    from zmdocs.report.search import render_results

    if not query and not queries:
        raise click.UsageError("give a QUERY or --queries FILE")
    st = open_store(_need_store(store), model=model)
    filters = {"lang": lang, "family": family, "doc": doc_id, "kind": kind, "per_lang": per_lang}
    if queries:
        lines = [q.strip() for q in Path(queries).read_text(encoding="utf-8").splitlines() if q.strip()]
        for q, res in zip(lines, st.search_many(lines, top=top, **filters), strict=True):
            emit(render_results(res, "jsonl-query", query=q), None)
        return
    emit(render_results(st.search(query, top=top, **filters), fmt, query=query), None)


@cli.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def info(store: str | None, fmt: str) -> None:
    """Describe a store: documents, clauses, indicators, model, index type, size."""
    from zmdocs.index import store_info
    from zmdocs.report.search import render_info

    click.echo(render_info(store_info(_need_store(store)), fmt))


@cli.command()
@click.argument("doc_ids", nargs=-1, required=True)
@STORE_OPTION
@click.option("--all", "all_matches", is_flag=True, help="Remove every document an ambiguous id names.")
def remove(doc_ids: tuple[str, ...], store: str | None, all_matches: bool) -> None:
    """Remove documents (by id or source path) from a store.

    An id held by several files is refused with the list of their paths: give a path, or --all.
    """
    from zmdocs.index import remove_documents

    removed = remove_documents(_need_store(store), list(doc_ids), all_matches=all_matches)
    click.echo(f"removed {len(removed)} document(s): {', '.join(removed) or '-'}")


@cli.command()
@click.argument("draft", type=click.Path())
@click.option("--against", "-a", "refs", multiple=True, type=click.Path(), help="A benchmark document (repeat), or a CSV/YAML of a foreign product's parameters.")
@STORE_OPTION
@MODEL_OPTION
@click.option("--key-indicators", type=click.Path(exists=True, dir_okay=False), help="File listing the key indicators (parameter keys or names, one per line).")
@click.option("--rules", type=click.Path(exists=True, dir_okay=False), help="YAML rules file for the level verdict (default: the built-in rules).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json", "docx", "xlsx"]), default=None, help="Default: from the -o extension, else md.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@OUTPUT_OPTION
def compare(draft: str, refs: tuple[str, ...], store: str | None, model: str | None, key_indicators: str | None,
            rules: str | None, fmt: str | None, lang: str, output: str | None) -> None:
    """Benchmark a B-standard's key indicators against references and judge its level."""
    from zmdocs.app import compare_files
    from zmdocs.report import render_comparison
    from zmdocs.report.wording import verdict_sentence

    if not refs and not store:
        raise click.UsageError("give at least one --against document or a --store to search")
    fmt = output_format(fmt, output, ("html", "md", "json", "docx", "xlsx"), "md")
    result = compare_files(draft, list(refs), store=store, model=model, key_indicators=key_indicators, rules=rules,
                           progress=True)
    emit(render_comparison(result, fmt, lang=lang), output, fmt)
    if output:
        click.echo(f"{verdict_sentence(result, lang)} — report written to {output}", err=True)


def _need_store(store: str | None) -> str:
    if not store:
        raise click.UsageError("give --store DIR or set ZMDOCS_STORE")
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.parent is not None:  # named in a damaged-store message
        ctx.parent.obj = {**(ctx.parent.obj or {}), "store": store}
    return store



@cli.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["md", "json", "docx", "table"]), default=None,
              help="Default: from the -o extension, else md.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--old-label", help="How the list names the old text (default: 2018年版 from its year, else 原文件).")
@click.option("--model", "-m", default=None, help="Blend clause matching with this embedding model (default: text similarity only).")
@OUTPUT_OPTION
def diff(old: str, new: str, fmt: str | None, lang: str, old_label: str | None, model: str | None, output: str | None) -> None:
    """List the technical changes from OLD to NEW, as a foreword's list of main technical changes."""
    from zmdocs.app import diff_files
    from zmdocs.report.diff import render_diff

    fmt = output_format(fmt, output, ("md", "json", "docx", "table"), "md")
    emit(render_diff(diff_files(old, new, model=model), fmt, lang=lang, label=old_label), output, fmt)


@cli.command()
@click.argument("spec", type=click.Path())
@click.option("--against", "-a", "standards", multiple=True, required=True, type=click.Path(),
              help="A standard whose limits the product must meet (repeat).")
@click.option("--format", "fmt", type=click.Choice(["table", "md", "json"]), default=None,
              help="Default: from the -o extension, else table.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@MODEL_OPTION
@OUTPUT_OPTION
def check(spec: str, standards: tuple[str, ...], fmt: str | None, lang: str, model: str | None, output: str | None) -> None:
    """Check a product's parameters (CSV/YAML: parameter,value,unit[,conditions]) against standards' limits."""
    from zmdocs.app import check_files
    from zmdocs.report.check import render_check

    fmt = output_format(fmt, output, ("table", "md", "json"), "table")
    emit(render_check(check_files(spec, list(standards), model=model), fmt, lang=lang), output, fmt)


if __name__ == "__main__":  # pragma: no cover
    cli()
