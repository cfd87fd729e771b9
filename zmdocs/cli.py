"""The zmdocs command line: thin click commands over the library.

Every command catches nothing itself: `ZmdocsGroup` turns any ZmdocsError into one line
on stderr and exit code 1. Data goes to stdout (or -o), progress and diagnostics to stderr.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from zmdocs import __version__
from zmdocs.errors import ZmdocsError

MODEL_OPTION = click.option(
    "--model", "-m", envvar="ZMDOCS_MODEL", default=None, show_envvar=True,
    help="Embedding model: use-multilingual (default), st:<name or folder>, or hash (tests).",
)
STORE_OPTION = click.option(
    "--store", "-s", envvar="ZMDOCS_STORE", type=click.Path(file_okay=False), show_envvar=True,
    help="Index store folder.",
)
OUTPUT_OPTION = click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")


class ZmdocsGroup(click.Group):
    """A click group that reports ZmdocsError as one clear line and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ZmdocsError as e:
            click.echo(f"zmdocs: error: {e}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("zmdocs: interrupted", err=True)
            sys.exit(130)


def emit(data: str | bytes, output: str | None) -> None:
    """Write text or bytes to the output file (atomically) or to stdout."""
    from zmdocs.report import write_output

    write_output(data, output)


@click.group(cls=ZmdocsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zmdocs")
@click.option("-v", "--verbose", count=True, help="More diagnostics on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """zmdocs: parse, extract, align, search and benchmark standards documents."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="zmdocs: %(levelname)s: %(message)s", stream=sys.stderr)
    for noisy in ("pdfminer", "jieba", "faiss", "sentence_transformers", "urllib3", "bm25s"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def _report_failures(failures: list[ZmdocsError]) -> None:
    for e in failures:
        click.echo(f"zmdocs: error: {e}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "tree", "md"]), default="json", show_default=True)
@OUTPUT_OPTION
def parse(files: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Parse standards (PDF, DOCX, TXT, MD) into clause trees."""
    from zmdocs.parse.registry import parse_many
    from zmdocs.report.document import render_documents

    docs, failures = parse_many(files)
    _report_failures(failures)
    if docs:
        emit(render_documents(docs, fmt), output)
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv", "xlsx"]), default="table", show_default=True)
@click.option("--embed-keys", is_flag=True, help="Give parameters the glossary does not know the nearest key by sentence embedding (loads a model).")
@MODEL_OPTION
@OUTPUT_OPTION
def indicators(files: tuple[str, ...], fmt: str, embed_keys: bool, model: str | None, output: str | None) -> None:
    """Extract technical indicators (parameter, comparator, value, unit, conditions) from standards."""
    from zmdocs.indicators import extract_document
    from zmdocs.parse.registry import parse_many
    from zmdocs.report.indicators import render_indicators

    docs, failures = parse_many(files)
    _report_failures(failures)
    for d in docs:
        d.indicators = extract_document(d, embed=embed_keys, model=model)
    if docs:
        emit(render_indicators(docs, fmt), output)
    if failures:
        sys.exit(1)


@cli.command()
@click.argument("a", type=click.Path())
@click.argument("b", type=click.Path())
@click.option("--mode", type=click.Choice(["auto", "translation", "free"]), default="auto", show_default=True,
              help="translation: monotonic (IDT/MOD adoptions); free: reorder-tolerant (B-standard vs IEC/EN).")
@click.option("--format", "fmt", type=click.Choice(["json", "table", "md", "docx"]), default="table", show_default=True)
@MODEL_OPTION
@OUTPUT_OPTION
def align(a: str, b: str, mode: str, fmt: str, model: str | None, output: str | None) -> None:
    """Align the clauses and indicators of two standards, in any two languages."""
    from zmdocs.align import align_files
    from zmdocs.report.alignment import render_alignment

    result = align_files(a, b, mode=mode, model=model)
    emit(render_alignment(result, fmt), output)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@STORE_OPTION
@MODEL_OPTION
@click.option("--workers", "-j", type=int, default=None, help="Parser processes (default: number of cores).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def index(paths: tuple[str, ...], store: str | None, model: str | None, workers: int | None, fmt: str) -> None:
    """Index folders of standards into a store (incremental, atomic)."""
    from zmdocs.index import index_paths
    from zmdocs.report.search import render_summary

    summary = index_paths(paths, _need_store(store), model=model, workers=workers, progress=True)
    click.echo(render_summary(summary, fmt))


@cli.command()
@click.argument("query", required=False)
@STORE_OPTION
@MODEL_OPTION
@click.option("--top", "-k", type=int, default=10, show_default=True)
@click.option("--lang", help="Only clauses in this language (zh, en, de, fr, ja, …).")
@click.option("--family", help="Only this family (GB, GB/T, ISO, IEC, EN, T/ZZB, …).")
@click.option("--doc", "doc_id", help="Only this document id.")
@click.option("--kind", help="Only this clause kind (requirements, terms, test-methods, …).")
@click.option("--queries", type=click.Path(exists=True, dir_okay=False), help="Run one query per line of this file; prints JSON lines.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
def search(query: str | None, store: str | None, model: str | None, top: int, lang: str | None, family: str | None,
           doc_id: str | None, kind: str | None, queries: str | None, fmt: str) -> None:
    """Semantic + lexical clause search over a store, across languages."""
    from zmdocs.index import open_store
    from zmdocs.report.search import render_results

    if not query and not queries:
        raise click.UsageError("give a QUERY or --queries FILE")
    st = open_store(_need_store(store), model=model)
    filters = {"lang": lang, "family": family, "doc": doc_id, "kind": kind}
    if queries:
        lines = [q.strip() for q in Path(queries).read_text(encoding="utf-8").splitlines() if q.strip()]
        for q, res in zip(lines, st.search_many(lines, top=top, **filters), strict=True):
            click.echo(render_results(res, "jsonl-query", query=q))
        return
    click.echo(render_results(st.search(query, top=top, **filters), fmt))


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
def remove(doc_ids: tuple[str, ...], store: str | None) -> None:
    """Remove documents (by id or source path) from a store."""
    from zmdocs.index import remove_documents

    removed = remove_documents(_need_store(store), list(doc_ids))
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
    from zmdocs.compare import compare_files
    from zmdocs.report import render_comparison

    if not refs and not store:
        raise click.UsageError("give at least one --against document or a --store to search")
    fmt = fmt or _format_from_suffix(output, ("html", "md", "json", "docx", "xlsx"), "md")
    result = compare_files(draft, list(refs), store=store, model=model, key_indicators=key_indicators, rules=rules)
    emit(render_comparison(result, fmt, lang=lang), output)
    if output:
        click.echo(f"{result.verdict_label(lang)} — report written to {output}", err=True)


def _need_store(store: str | None) -> str:
    if not store:
        raise click.UsageError("give --store DIR or set ZMDOCS_STORE")
    return store


def _format_from_suffix(output: str | None, allowed: tuple[str, ...], default: str) -> str:
    if output:
        ext = Path(output).suffix.lower().lstrip(".")
        ext = {"markdown": "md", "htm": "html"}.get(ext, ext)
        if ext in allowed:
            return ext
    return default


if __name__ == "__main__":  # pragma: no cover
    cli()
