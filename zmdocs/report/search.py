"""Rendering for `zmdocs index`, `search` and `info`: terminal tables, JSON and JSON lines."""

from __future__ import annotations

import shutil
from typing import Any

from zmdocs.report import dumps
from zmdocs.text.width import display_width, fit_cell

CONTRACT = ("doc", "clause", "heading", "score", "lang", "match", "text")


def _fit(s: str, width: int) -> str:
    """`s` on one line, cut to `width` terminal columns (CJK counts 2) and padded."""
    return fit_cell(" ".join((s or "").split()), width)


def render_summary(summary: dict[str, Any], fmt: str = "text") -> str:
    """The end-of-run summary of `zmdocs index` (text for people, json for scripts)."""
    if fmt == "json":
        return dumps(summary, indent=2)
    lines = [
        f"store {summary['store']} (model {summary['model']})",
        f"added {len(summary['added'])}, updated {len(summary['updated'])}, removed {len(summary['removed'])}, "
        f"unchanged {summary['unchanged']}, skipped {len(summary['skipped'])}; "
        f"{summary.get('clauses', 0)} clauses indexed in {summary.get('seconds', 0):.1f} s",
        f"store now holds {summary.get('documents_total', 0)} documents, {summary.get('clauses_total', 0)} clauses, "
        f"{summary.get('indicators_total', 0)} indicators, {summary.get('vectors_total', 0)} vectors "
        f"({_index_desc(summary.get('index') or {})})",
    ]
    for label in ("added", "updated"):
        for d in summary[label]:
            lines.append(f"  {label}: {d['doc']} ({d['clauses']} clauses) {d['path']}")
    for d in summary["removed"]:
        lines.append(f"  removed: {d['doc']} {d['path']}")
    for d in summary.get("duplicates") or []:
        lines.append(f"  same id in {len(d['paths'])} files (kept apart; search shows the source, "
                     f"`zmdocs remove` asks which): {d['doc']}: {', '.join(d['paths'])}")
    for d in summary["skipped"]:
        lines.append(f"  skipped: {d['path']}: {d['reason']}")
    return "\n".join(lines)


def _index_desc(ix: dict[str, Any]) -> str:
    if ix.get("type") == "ivf":
        return f"IVF nlist={ix.get('nlist')} nprobe={ix.get('nprobe')}, recall@10 {ix.get('recall_at_10')}"
    return "exact flat index" if ix.get("type") == "flat" else "no index yet"


def render_results(results: list[dict[str, Any]], fmt: str = "table", query: str | None = None) -> str:
    """Search results as a terminal table, Markdown, a JSON list, JSON lines, or one {"query","results"} line.

    Every format shows the same `score` (0-1, 4 decimals; see `zmdocs.index.fusion`).
    """
    if fmt == "json":
        return dumps(results, indent=2)
    if fmt == "jsonl":
        return "\n".join(dumps(r) for r in results)
    if fmt == "jsonl-query":
        return dumps({"query": query, "results": results})
    if fmt == "md":
        return _markdown(results, query)
    if not results:
        return "no matching clauses"
    cols = max(80, shutil.get_terminal_size((120, 24)).columns)
    w_doc = min(24, max(display_width(r["doc"] or "") for r in results))
    w_cl = min(10, max(6, max(display_width(r["clause"] or "") for r in results)))
    w_head = 24
    fixed = 3 + 1 + w_doc + 1 + w_cl + 1 + w_head + 1 + 3 + 1 + 6 + 1
    w_text = max(30, cols - fixed - 1)
    out = [f"{'#':>3} {_fit('standard', w_doc)} {_fit('clause', w_cl)} {_fit('heading', w_head)} lng {'score':>6} match"]
    for i, r in enumerate(results, 1):
        out.append(
            f"{i:>3} {_fit(r['doc'], w_doc)} {_fit(r['clause'], w_cl)} {_fit(r['heading'], w_head)} "
            f"{_fit(r['lang'] or '', 3)} {r['score']:6.4f} {_fit(r.get('match') or r['text'], w_text).rstrip()}"
        )
    dup = _duplicate_ids(results)
    for doc, sources in dup.items():
        out.append(f"    {doc} is held by {len(sources)} files: {'; '.join(sources)}")
    return "\n".join(out)


def _duplicate_ids(results: list[dict[str, Any]]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for r in results:
        src = r.get("source") or ""
        if src and src not in seen.setdefault(r["doc"], []):
            seen[r["doc"]].append(src)
    return {d: s for d, s in seen.items() if len(s) > 1}


def _md_cell(s: Any) -> str:
    return " ".join(str(s if s is not None else "").split()).replace("|", "\\|")


def _markdown(results: list[dict[str, Any]], query: str | None) -> str:
    out = [f"**Query:** {_md_cell(query)}", ""] if query else []
    if not results:
        return "\n".join([*out, "no matching clauses"])
    out += ["| # | standard | clause | heading | lang | score | match |", "|---|---|---|---|---|---|---|"]
    for i, r in enumerate(results, 1):
        out.append(f"| {i} | {_md_cell(r['doc'])} | {_md_cell(r['clause'])} | {_md_cell(r['heading'])} | "
                   f"{_md_cell(r['lang'])} | {r['score']:.4f} | {_md_cell(r.get('match') or r['text'])} |")
    return "\n".join(out)


def render_info(info: dict[str, Any], fmt: str = "text") -> str:
    """`zmdocs info`: what a store holds."""
    if fmt == "json":
        return dumps(info, indent=2)
    size = info["size_bytes"]
    human = f"{size / 1e9:.2f} GB" if size > 1e9 else f"{size / 1e6:.1f} MB"
    lines = [
        f"store       {info['store']}",
        f"model       {info['model']} ({info['dim']}-d)",
        f"index       {_index_desc(info.get('index') or {})}",
        f"documents   {info['documents']}",
        f"clauses     {info['clauses']}  (vectors {info['vectors']}, provisions {info['provisions']}, terms {info['terms']})",
        f"indicators  {info['indicators']}",
        f"size        {human}",
        f"state       {'up to date' if info['up_to_date'] else 'index behind the database (an interrupted run): run zmdocs index again'}",
    ]
    for d in info.get("document_list", [])[:50]:
        lines.append(f"  {d['id']:<28} {d['lang'] or '':<3} {d['family'] or '':<8} {d['clauses']:>5} clauses  {d['source']}")
    if len(info.get("document_list", [])) > 50:
        lines.append(f"  … and {len(info['document_list']) - 50} more")
    return "\n".join(lines)
