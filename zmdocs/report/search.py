"""Rendering for `zmdocs index`, `search` and `info`: terminal tables, JSON and JSON lines."""

from __future__ import annotations

import json
import shutil
import unicodedata
from typing import Any

CONTRACT = ("doc", "clause", "heading", "text", "lang", "score")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _fit(s: str, width: int) -> str:
    """Cut `s` to `width` terminal columns (CJK counts 2) and pad it."""
    s = " ".join((s or "").split())
    out, w = "", 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > width - (1 if _width(s) > width else 0):
            out += "…"
            w += 1
            break
        out += c
        w += cw
    return out + " " * max(0, width - w)


def render_summary(summary: dict[str, Any], fmt: str = "text") -> str:
    """The end-of-run summary of `zmdocs index` (text for people, json for scripts)."""
    if fmt == "json":
        return json.dumps(summary, ensure_ascii=False, indent=2)
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
    for d in summary["skipped"]:
        lines.append(f"  skipped: {d['path']}: {d['reason']}")
    return "\n".join(lines)


def _index_desc(ix: dict[str, Any]) -> str:
    if ix.get("type") == "ivf":
        return f"IVF nlist={ix.get('nlist')} nprobe={ix.get('nprobe')}, recall@10 {ix.get('recall_at_10')}"
    return "exact flat index" if ix.get("type") == "flat" else "no index yet"


def render_results(results: list[dict[str, Any]], fmt: str = "table", query: str | None = None) -> str:
    """Search results as a terminal table, a JSON list, JSON lines, or one {"query","results"} line."""
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in results)
    if fmt == "jsonl-query":
        return json.dumps({"query": query, "results": results}, ensure_ascii=False)
    if not results:
        return "no matching clauses"
    cols = max(80, shutil.get_terminal_size((120, 24)).columns)
    w_doc = min(24, max(_width(r["doc"] or "") for r in results))
    w_cl = min(8, max(6, max(_width(r["clause"] or "") for r in results)))
    w_head = 22
    fixed = 3 + 1 + w_doc + 1 + w_cl + 1 + 3 + 1 + 6 + 1 + w_head + 1
    w_text = max(30, cols - fixed - 1)
    out = [f"{'#':>3} {_fit('standard', w_doc)} {_fit('clause', w_cl)} {'lng'} {'score':>6} {_fit('heading', w_head)} match"]
    for i, r in enumerate(results, 1):
        out.append(
            f"{i:>3} {_fit(r['doc'], w_doc)} {_fit(r['clause'], w_cl)} {_fit(r['lang'] or '', 3)} "
            f"{r['score'] * 100:6.2f} {_fit(r['heading'], w_head)} {_fit(r.get('match') or r['text'], w_text).rstrip()}"
        )
    return "\n".join(out)


def render_info(info: dict[str, Any], fmt: str = "text") -> str:
    """`zmdocs info`: what a store holds."""
    if fmt == "json":
        return json.dumps(info, ensure_ascii=False, indent=2)
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
