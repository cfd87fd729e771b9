"""NISO STS (ISO STS) XML reader: the XML in which ISO and national bodies publish standards.

Metadata from `<nat-meta>` (a national adoption), else `<iso-meta>` / `<reg-meta>` / `<std-meta>`:
identifier (`<std-ref type="dated">` or `<std-ident>`), titles (`<title-wrap xml:lang>`), dates
(`<release-date>`, `<pub-date>`), ICS, replaced standards. The body becomes Blocks for the shared
clause builder: `<sec>`/`<app>` with `<label>` and `<title>` as headings, `<term-sec>` with TBX terms,
`<table-wrap>` as tables (col/rowspans resolved), `<list>` items, `<non-normative-note>` and
`<non-normative-example>`. Parsed with entity expansion, DTD loading and network access disabled.
"""

from __future__ import annotations

import re
from pathlib import Path

from zmdocs.errors import ParseError
from zmdocs.parse.blocks import Block, RawDocument

_META_ORDER = ("nat-meta", "reg-meta", "iso-meta", "std-meta")
_SKIP = {"label", "title", "caption", "annex-type", "table-wrap", "fig", "sec", "term-sec", "app", "list",
         "non-normative-note", "non-normative-example", "ref-list", "fn-group", "table-wrap-foot"}


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el) -> str:
    """All text inside an element, whitespace collapsed."""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def _child(el, name: str):
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _parse_xml(path: Path):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False)
    try:
        return etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as e:
        raise ParseError(str(path), f"is not well-formed STS XML ({e})", "check the file or export it again") from None


def _meta(root) -> dict:
    """Document metadata from the first meta block present."""
    blocks = {(_local(el.tag)): el for el in root.iter() if _local(el.tag) in _META_ORDER}
    meta = next((blocks[k] for k in _META_ORDER if k in blocks), None)
    out: dict = {"titles": {}, "replaces": []}
    if meta is None:
        return out
    ref = next((_text(r) for r in meta.iter() if _local(r.tag) == "std-ref" and r.get("type") == "dated"), "") or \
        next((_text(r) for r in meta if _local(r.tag) == "std-ref"), "")
    if not ref:
        ident = _child(meta, "std-ident")
        if ident is not None:
            parts = {(_local(c.tag)): _text(c) for c in ident}
            ref = f"{parts.get('originator', '')} {parts.get('doc-number', '')}".strip()
            if parts.get("part-number"):
                ref += f"-{parts['part-number']}"
            if parts.get("version") and re.fullmatch(r"(?:19|20)\d{2}", parts["version"]):
                ref += f":{parts['version']}"
    out["id"] = ref
    for tw in meta.iter():
        if _local(tw.tag) != "title-wrap":
            continue
        lang = tw.get("{http://www.w3.org/XML/1998/namespace}lang") or "en"
        full = _child(tw, "full")
        title = _text(full) if full is not None else " — ".join(_text(c) for c in tw if _local(c.tag) in ("intro", "main", "compl") and _text(c))
        if title and lang not in out["titles"]:
            out["titles"][lang] = title
    for name, key in (("release-date", "published"), ("pub-date", "published")):
        el = next((e for e in meta.iter() if _local(e.tag) == name), None)
        if el is not None and key not in out:
            out[key] = el.get("iso-8601-date") or _text(el)
    out["ics"] = "; ".join(_text(e) for e in meta.iter() if _local(e.tag) == "ics" and _text(e))
    for x in meta.iter():
        if _local(x.tag) == "std-xref" and (x.get("type") or "").lower() in ("replaces", "supersedes", "revises"):
            out["replaces"].extend(_text(r) for r in x.iter() if _local(r.tag) == "std-ref" and _text(r))
    return out


def _grid(table) -> tuple[list[list[str]], int]:
    """Rows of a table (colspan/rowspan repeated into every covered cell) and the number of head rows."""
    rows: list[list[str]] = []
    heads = 0
    pending: dict[tuple[int, int], str] = {}
    trs = [(tr, _local(tr.getparent().tag) == "thead") for tr in table.iter() if _local(tr.tag) == "tr"]
    for r, (tr, is_head) in enumerate(trs):
        row: list[str] = []
        col = 0
        for cell in (c for c in tr if _local(c.tag) in ("td", "th")):
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = _text(cell)
            cs, rs = int(cell.get("colspan") or 1), int(cell.get("rowspan") or 1)
            for k in range(cs):
                row.append(text)
                for d in range(1, rs):
                    pending[(r + d, col + k)] = text
            col += cs
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        rows.append(row)
        heads += 1 if is_head and heads == r else 0
    width = max((len(x) for x in rows), default=0)
    return [x + [""] * (width - len(x)) for x in rows], max(heads, 1)


class _Walker:
    """Turns the body and back matter into Blocks in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def para(self, text: str, style: str = "") -> None:
        if text.strip():
            self.blocks.append(Block(kind="para", text=text.strip(), page=1, style=style))

    def walk(self, el, depth: int = 1) -> None:
        for c in el:
            name = _local(c.tag)
            if name in ("sec", "app"):
                self.section(c, depth)
            elif name == "term-sec":
                self.term(c)
            elif name == "table-wrap":
                self.table(c)
            elif name == "list":
                self.list(c)
            elif name in ("non-normative-note", "non-normative-example"):
                label = _text(_child(c, "label")) or ("NOTE" if name.endswith("note") else "EXAMPLE")
                self.para(f"{label} {' '.join(_text(p) for p in c if _local(p.tag) not in ('label',))}")
            elif name == "p":
                self.para(_text(c))
            elif name in ("app-group", "body", "back", "disp-quote", "boxed-text"):
                self.walk(c, depth)
            elif name not in _SKIP and name not in ("ref-list",) and len(c):
                self.walk(c, depth)

    def section(self, sec, depth: int) -> None:
        label, title = _text(_child(sec, "label")), _text(_child(sec, "title"))
        if _local(sec.tag) == "app":
            self.para(label or "Annex", style="Heading 1")
            kind = _text(_child(sec, "annex-type")) or f"({sec.get('content-type') or ''})".replace("()", "")
            self.para(kind)
            self.para(title)
        else:
            self.para(f"{label} {title}".strip(), style=f"Heading {depth}")
        self.walk(sec, depth + 1)

    def term(self, ts) -> None:
        label = _text(_child(ts, "label"))
        entry = next((e for e in ts.iter() if _local(e.tag) == "termEntry"), None)
        if entry is None:
            self.para(f"{label} {_text(_child(ts, 'title'))}".strip())
            self.walk(ts)
            return
        terms = [_text(t) for t in entry.iter() if _local(t.tag) == "term" and _text(t)]
        self.para(f"{label} {'; '.join(dict.fromkeys(terms))}".strip())
        for d in entry.iter():
            if _local(d.tag) in ("definition", "note", "example", "source"):
                prefix = {"note": "Note 1 to entry: ", "example": "EXAMPLE ", "source": "[SOURCE: "}.get(_local(d.tag), "")
                self.para(prefix + _text(d) + ("]" if prefix.startswith("[") else ""))
        for sub in ts:
            if _local(sub.tag) == "term-sec":
                self.term(sub)

    def table(self, tw) -> None:
        label = _text(_child(tw, "label"))
        cap = _child(tw, "caption")
        title = _text(_child(cap, "title")) if cap is not None and _child(cap, "title") is not None else _text(cap)
        if label or title:
            self.para(f"{label} — {title}" if label and title else label or title)
        table = next((t for t in tw.iter() if _local(t.tag) == "table"), None)
        if table is not None:
            rows, heads = _grid(table)
            if rows:
                self.blocks.append(Block(kind="table", rows=rows, header_rows=heads, page=1))
        for foot in (f for f in tw if _local(f.tag) == "table-wrap-foot"):
            for p in foot.iter():
                if _local(p.tag) in ("p", "non-normative-note"):
                    self.para(_text(p))

    def list(self, lst) -> None:
        for item in (i for i in lst if _local(i.tag) == "list-item"):
            label = _text(_child(item, "label"))
            body = " ".join(_text(p) for p in item if _local(p.tag) not in ("label", "list"))
            self.para(f"{label} {body}".strip())
            for sub in (s for s in item if _local(s.tag) == "list"):
                self.list(sub)


def read_sts(path: str | Path) -> RawDocument:
    """Read a NISO STS / ISO STS XML standard into Blocks (metadata in blocks[0].meta["doc_meta"])."""
    p = Path(path)
    root = _parse_xml(p)
    if _local(root.tag) not in ("standard", "adoption"):
        raise ParseError(str(p), f"is XML but not an STS standard (root <{_local(root.tag)}>)", "give a NISO STS <standard> file")
    meta = _meta(root)
    w = _Walker()
    for part in root:
        if _local(part.tag) in ("body", "back"):
            w.walk(part)
        elif _local(part.tag) == "adoption":  # <adoption> wraps a national front and the adopted <standard>
            w.walk(part)
    if meta.get("id"):
        w.blocks.insert(0, Block(kind="para", text=meta["id"], page=1))
    if not w.blocks:
        raise ParseError(str(p), "contains no text", "check that it is the right file")
    w.blocks[0].meta["doc_meta"] = meta
    return RawDocument(blocks=w.blocks, pages=1, format="sts")
