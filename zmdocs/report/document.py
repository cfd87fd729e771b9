"""Renderers for parsed documents: json, jsonl, tree (indented outline) and md (Markdown)."""

from __future__ import annotations

from zmdocs.model import Document, Table
from zmdocs.report import dumps


def render_documents(docs: list[Document], fmt: str = "json") -> str:
    """Render documents as json (one object, or an array for several), jsonl, tree or md."""
    if fmt == "json":
        if len(docs) == 1:
            return dumps(docs[0].to_dict(), indent=2)
        return dumps([d.to_dict() for d in docs], indent=2)
    if fmt == "jsonl":
        return "\n".join(dumps(d.to_dict()) for d in docs)
    if fmt == "tree":
        return "\n\n".join(render_tree(d) for d in docs)
    if fmt == "md":
        return "\n\n---\n\n".join(render_markdown(d) for d in docs)
    raise ValueError(f"unknown document format {fmt!r}")


def _meta_lines(doc: Document) -> list[str]:
    out = []
    if doc.ics or doc.ccs:
        out.append("ICS " + (doc.ics or "-") + (f"  CCS {doc.ccs}" if doc.ccs else ""))
    if doc.published or doc.implemented:
        out.append(f"published {doc.published or '-'}  implemented {doc.implemented or '-'}")
    if doc.replaces:
        out.append("replaces " + ", ".join(doc.replaces))
    if doc.adoption:
        out.append(f"adoption {doc.adoption.relation} {doc.adoption.standard}")
    if doc.references:
        out.append(f"normative references {len(doc.references)}")
    return out


def render_tree(doc: Document) -> str:
    """An indented outline: number heading [kind] p.page, with table and term counts."""
    tables: dict[str | None, int] = {}
    for t in doc.tables:
        tables[t.clause] = tables.get(t.clause, 0) + 1
    terms: dict[str | None, int] = {}
    for t in doc.terms:
        terms[t.clause] = terms.get(t.clause, 0) + 1
    head = f"{doc.id}  {doc.title}".rstrip()
    lines = [head, f"  family {doc.family or '-'}  lang {doc.lang}  clauses {len(doc.clauses)}  tables {len(doc.tables)}  terms {len(doc.terms)}"]
    lines += ["  " + m for m in _meta_lines(doc)]
    for c in doc.clauses:
        indent = "  " * c.level
        label = c.number if c.number[:1].isdigit() or "." in c.number else (f"Annex {c.number}" if c.kind.startswith("annex") else c.number)
        extra = []
        if c.id in tables:
            extra.append(f"{tables[c.id]} table{'s' if tables[c.id] > 1 else ''}")
        if c.id in terms:
            extra.append("term")
        page = f" p.{c.page}" if c.page else ""
        more = f" ({', '.join(extra)})" if extra else ""
        heading = c.heading or _first(c.text)
        lines.append(f"{indent}{label} {heading} [{c.kind}]{page}{more}".rstrip())
    for w in doc.warnings:
        lines.append(f"  warning: {w}")
    return "\n".join(lines)


def _first(text: str, n: int = 40) -> str:
    t = text.split("\n", 1)[0] if text else ""
    return ("“" + t[:n] + ("…" if len(t) > n else "") + "”") if t else ""


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", "<br>")


def render_table_md(t: Table) -> str:
    """A table as a Markdown pipe table with its caption and footnotes."""
    out = []
    if t.number or t.caption:
        out.append(f"**{('Table ' + t.number) if t.number else 'Table'}** {t.caption}".rstrip())
        out.append("")
    if t.rows:
        width = max(len(r) for r in t.rows)
        rows = [r + [""] * (width - len(r)) for r in t.rows]
        h = max(1, min(t.header_rows, len(rows)))
        head = [" / ".join(dict.fromkeys(rows[i][j] for i in range(h) if rows[i][j])) for j in range(width)]
        out.append("| " + " | ".join(_md_cell(c) for c in head) + " |")
        out.append("|" + "---|" * width)
        for r in rows[h:]:
            out.append("| " + " | ".join(_md_cell(c) for c in r) + " |")
    for f in t.footnotes:
        out.append("")
        out.append(f"> {f}")
    return "\n".join(out)


def render_markdown(doc: Document) -> str:
    """The clause tree as Markdown headings with text and tables."""
    by_clause: dict[str | None, list[Table]] = {}
    for t in doc.tables:
        by_clause.setdefault(t.clause, []).append(t)
    out = [f"# {doc.id} {doc.title}".rstrip(), ""]
    for m in _meta_lines(doc):
        out.append(f"- {m}")
    out.append("")
    for c in doc.clauses:
        hashes = "#" * min(6, c.level + 1)
        label = c.number if (c.number[:1].isdigit() or "." in c.number) else ("Annex " + c.number if c.kind.startswith("annex") else "")
        out.append(f"{hashes} {label} {c.heading}".replace("  ", " ").rstrip())
        out.append("")
        if c.text:
            out.append(c.text.replace("\n", "\n\n"))
            out.append("")
        for t in by_clause.get(c.id, []):
            out.append(render_table_md(t))
            out.append("")
    return "\n".join(out).rstrip() + "\n"
