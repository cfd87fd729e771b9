"""Build the Document (clause tree, tables, terms, references, metadata) from any Block stream.

Clauses are found from numbering only, guarded by a sequence constraint: a new number must be a
plausible successor of an open clause (5.2 → 5.2.1, 5.3, 5.101, 6, but never 17.3 inside chapter
5, never a value like "0.75 mA" or a reference like "5.2 的规定"). Table-of-contents blocks are
skipped; cover paragraphs feed the metadata; list items and notes stay in their clause's text.
Laws and regulations (第N条 / Article N, see `legal`) get their own builder when their articles
outnumber standard-style clauses; test reports with < 5 numbered clauses get clauses from their
"Clause | Requirement | Result | Verdict" table rows (see `testreport`).
"""

from __future__ import annotations

import logging
import re

from zmdocs.model import Clause, Document
from zmdocs.parse import legal
from zmdocs.parse.blocks import Block
from zmdocs.parse.builder import _Builder, _Open
from zmdocs.parse.elements import list_items, make_term, references_in
from zmdocs.parse.legal_builder import LegalBuilder
from zmdocs.parse.lines import Para, to_paragraphs
from zmdocs.parse.meta import entry_into_force, fill_metadata
from zmdocs.parse.sequence import best_chain
from zmdocs.parse.testreport import row_clauses
from zmdocs.text.clausenum import number_tuple
from zmdocs.text.lang import detect_lang
from zmdocs.text.normalize import clean_odd
from zmdocs.verbal import provisions

__all__ = ["build_document", "_Builder", "_Open"]

log = logging.getLogger(__name__)


def _strip_titles(clauses: list[_Open], titles: list[str]) -> None:
    """Drop the document title that GB/DIN/IEC layouts repeat above chapter 1 (it is not clause text)."""
    keys = [re.sub(r"\s+", "", t) for t in titles if len(t) >= 2]
    if not keys:
        return
    for i, c in enumerate(clauses):
        if c.tup and c.level == 1 and i > 0 and not clauses[i - 1].tup:
            prev = clauses[i - 1]
            text = "\n".join(prev.lines)
            flat = re.sub(r"\s+", "", text)
            for k in sorted(keys, key=len, reverse=True):
                if flat.endswith(k) and len(flat) > len(k):
                    n, j = len(k), len(text)
                    while n and j:
                        j -= 1
                        if not text[j].isspace():
                            n -= 1
                    prev.lines = [ln for ln in text[:j].rstrip().split("\n") if ln.strip()]
                    break
            break
        for t in titles:
            if t in c.lines:
                c.lines = [ln for ln in c.lines if ln != t]


def _add_row_clauses(b: _Builder) -> None:
    """A test report's "Clause | Requirement + Test | Result | Verdict" rows become clauses after the clause holding the table."""
    taken = {c.number for c in b.clauses}
    holder = {id(t): no for no, t in b.tables}
    rows_done: set[str] = set()
    for t, rcs in row_clauses([t for _, t in b.tables]):
        at = next((k for k, c in enumerate(b.clauses) if c.number == holder[id(t)]), len(b.clauses) - 1)
        cells = {x.strip() for r in t.rows for x in r if x.strip()}
        if at >= 0:  # the table's cells are not repeated in the clause that holds it
            b.clauses[at].lines = [ln for ln in b.clauses[at].lines if ln.strip() not in cells]
        new = [_Open(rc.number, number_tuple(rc.number), rc.heading, rc.kind, rc.level, rc.page, rc.page, rc.parent, rc.lines)
               for rc in rcs if rc.number not in taken]
        taken.update(c.number for c in new)
        k = at + 1
        while k < len(b.clauses) and b.clauses[k].number in rows_done:
            k += 1  # after the rows of an earlier table
        rows_done.update(c.number for c in new)
        if new:
            msg = "no clause numbers found: the text is kept as one clause"
            b.warnings = [w for w in b.warnings if w != msg]
            if "clauses read from test-report table rows" not in b.warnings:
                b.warnings.append("clauses read from test-report table rows")
        b.clauses[k:k] = new


# footnote markers set after a heading: "EXHAUST SYSTEM (⁵)", "Emissions (²)", "Front lamps¹"
_FOOTNOTE_MARK = re.compile(r"(?:\s*[(（][⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}[)）])+$|(?<=\w)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}$")


def _apply_given(doc: Document, given: dict) -> None:
    """Metadata a structured format states outright (STS XML) wins over what the cover text suggests."""
    from zmdocs.text.stdnum import family_of, find_standards, normalize_id

    if given.get("id"):
        doc.id = normalize_id(given["id"])
        doc.family = family_of(doc.id) or doc.family
        refs = find_standards(doc.id)
        if refs:
            doc.number, doc.year = refs[0].number, refs[0].year
    if given.get("titles"):
        doc.titles = dict(given["titles"])
    for key in ("published", "implemented", "ics"):
        if given.get(key):
            setattr(doc, key, given[key])
    if given.get("replaces"):
        doc.replaces = [normalize_id(r) for r in given["replaces"]]


def _clean_blocks(blocks: list[Block]) -> int:
    """Normalise odd characters in every block's text and cells (in place); returns how many were changed."""
    n = 0
    for blk in blocks:
        blk.text, k = clean_odd(blk.text)
        n += k
        if blk.rows:
            for row in blk.rows:
                for j, cell in enumerate(row):
                    row[j], k = clean_odd(cell or "")
                    n += k
        if blk.meta.get("running"):
            blk.meta["running"] = [clean_odd(t)[0] for t in blk.meta["running"]]
    return n


def build_clauses(paras: list[Para]) -> _Builder:
    """Two passes: probe every plausible clause number, keep the best numbering sequence, build with it."""
    probe = _Builder(paras)
    probe.run()
    b = _Builder(paras, allowed=best_chain(probe.cands))
    b.run()
    return b


def _prefer_legal(lb: _Builder, b: _Builder) -> bool:
    """A law or regulation: its clauses outnumber the standard-style ones, or its articles (§ N, Article N)
    outnumber the standard-style chapters, which are then the numbered list items inside the articles."""
    n_legal = sum(1 for c in lb.clauses if c.tup)
    if n_legal > sum(1 for c in b.clauses if c.tup):
        return True
    articles = sum(1 for c in lb.clauses if c.tup and isinstance(c.tup[-1], tuple) and c.tup[-1][1] == legal.RANK["article"])
    chapters = sum(1 for c in b.clauses if len(c.tup) == 1)
    return articles >= 5 and articles > chapters


def _clause_builder(paras: list[Para], odd: int) -> _Builder:
    """The standard-style or, for a law or regulation, the legal clause builder, run; never without a clause."""
    b = build_clauses(paras)
    if odd:
        b.warnings.append(f"{odd} odd character(s) normalised (lone surrogates, private-use glyphs, control characters)")
    ranks = legal.detect([p.text for p in paras if p.kind == "para"])
    if ranks is not None:
        lb = LegalBuilder(paras, ranks)
        lb.run()
        if _prefer_legal(lb, b):
            b = lb  # a law or regulation: its articles outnumber any standard-style clause numbers
    if not b.clauses:  # no structure at all: one body clause, so the text is still searchable
        first = [p for p in paras if p.kind == "para"]
        head = b.cover[:3]
        b.clauses.append(_Open("body", (), "", "other", 1, first[0].page if first else None, first[-1].page_end if first else None,
                               None, b.cover[3:] if len(b.cover) > 3 else list(b.cover)))
        b.cover = head
        b.tables = [("body", t) for t in b.cover_tables]
        b.warnings.append("no clause numbers found: the text is kept as one clause")
    if sum(1 for c in b.clauses if c.tup) < 5 and b.tables:
        _add_row_clauses(b)
    return b


def _add_clauses(doc: Document, b: _Builder, lang: str) -> None:
    """The builder's clauses as Clauses of `doc`, with their provisions, list items, terms and references."""
    for c in b.clauses:
        text = "\n".join(c.lines).strip()
        cl = Clause(id=doc.clause_id(c.number), number=c.number, heading=_FOOTNOTE_MARK.sub("", c.heading).strip(), text=text, level=c.level,
                    parent=doc.clause_id(c.parent) if c.parent else None, kind=c.kind, page=c.page,
                    page_end=c.page_end, provisions=provisions(text, lang) if text else [], items=list_items(text))
        doc.clauses.append(cl)
        if c.kind == "terms" and c.level >= 2 and (c.heading or c.lines) and not (c.tup and isinstance(c.tup[0], tuple)):
            doc.terms.append(make_term(c.number, c.heading, text, cl.id, lang))
        if c.kind == "normative-references" and c.level == 1:
            doc.references.extend(r for r in references_in(text) if r not in doc.references)


def _add_tables(doc: Document, b: _Builder) -> None:
    """The builder's tables on `doc`, with unique ids and the clause that holds them."""
    clause_kind = {c.number: c.kind for c in b.clauses}
    unnamed = 0
    seen: set[str] = set()
    for clause_no, t in b.tables:
        if t.number:
            t.id = f"{doc.id}#table-{t.number}"
        else:
            unnamed += 1
            t.id = f"{doc.id}#table-u{unnamed}"
        base, k = t.id, 1
        while t.id in seen:  # two tables printed with the same number: ids stay unique
            k += 1
            t.id = f"{base}-{k}"
        seen.add(t.id)
        t.clause = doc.clause_id(clause_no) if clause_no in clause_kind else None
        doc.tables.append(t)


def build_document(blocks: list[Block], source: str = "") -> Document:
    """Turn a Block stream into a Document: metadata, clause tree, tables, terms, references, provisions."""
    odd = _clean_blocks(blocks)
    paras = to_paragraphs(blocks)
    b = _clause_builder(paras, odd)
    all_text = "\n".join(b.cover + [ln for c in b.clauses for ln in [c.heading, *c.lines]])
    lang = detect_lang(all_text, default="zh")
    doc = Document(id="", lang=lang, source=source)
    foreword = "\n".join(ln for c in b.clauses if c.kind in ("foreword", "introduction") for ln in c.lines)
    running = [t for blk in blocks for t in (blk.meta.get("running") or [])]
    fill_metadata(doc, b.cover, foreword, source, running)
    given = blocks[0].meta.get("doc_meta") if blocks else None
    if given:
        _apply_given(doc, given)
    doc.title = doc.titles.get(lang) or next(iter(doc.titles.values()), "")
    _strip_titles(b.clauses, [t for t in doc.titles.values() if len(t) >= 2])
    _add_clauses(doc, b, lang)
    if not doc.implemented:  # a regulation names the day it enters into force in its last article
        doc.implemented = entry_into_force([(c.heading, c.text) for c in doc.clauses if c.heading])
    _add_tables(doc, b)
    doc.warnings.extend(b.warnings)
    return doc
