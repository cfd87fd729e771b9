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
from dataclasses import dataclass, field

from zmdocs.model import Clause, Document, Table
from zmdocs.parse import legal
from zmdocs.parse.blocks import Block
from zmdocs.parse.elements import (
    caption_of,
    header_rows,
    is_footnote,
    make_term,
    merge_continued,
    references_in,
    strip_caption_row,
)
from zmdocs.parse.lines import Para, to_paragraphs
from zmdocs.parse.meta import fill_metadata
from zmdocs.parse.numbering import (
    PRELIM_KIND,
    TOC_HEAD_RE,
    TOC_LEADER_RE,
    TOC_LINE_RE,
    annex_type,
    chapter_kind,
    continuation_start,
    is_heading_text,
    looks_like_value,
    number_tuple,
    parse_annex,
    prelim_number,
    split_number,
)
from zmdocs.parse.testreport import row_clauses
from zmdocs.verbal import detect_lang, provisions

log = logging.getLogger(__name__)


@dataclass
class _Open:
    """A clause being built."""

    number: str
    tup: tuple
    heading: str
    kind: str
    level: int
    page: int | None
    page_end: int | None = None
    parent: str | None = None
    lines: list[str] = field(default_factory=list)


class _Builder:
    """One pass over the paragraphs, keeping the stack of open clauses."""

    def __init__(self, paras: list[Para]) -> None:
        self.paras = paras
        self.clauses: list[_Open] = []
        self.stack: list[_Open] = []  # open numbered ancestors (chapter first)
        self.cover: list[str] = []
        self.tables: list[tuple[str, Table]] = []  # (clause number, table)
        self.last_top: int | None = None
        self.last_tup: tuple | None = None
        self.annexes: set[str] = set()
        self.in_annex: str | None = None
        self.used_prelim: dict[str, int] = {}
        self.started = False
        self.pending_caption: tuple[str, str, bool] | None = None
        self.after_table: Table | None = None
        self.last_was_table = False
        self.warnings: list[str] = []
        self.cover_tables: list[Table] = []  # tables met before any clause (kept only if no clause is ever found)

    # ------------------------------------------------------------------ helpers
    @property
    def current(self) -> _Open | None:
        return self.clauses[-1] if self.clauses else None

    def _open(self, number: str, tup: tuple, heading: str, kind: str, level: int, page: int | None) -> _Open:
        if self.pending_caption:
            self._flush_caption()
        parent = None
        while self.stack and not (len(self.stack[-1].tup) < len(tup) and tup[: len(self.stack[-1].tup)] == self.stack[-1].tup):
            self.stack.pop()
        if self.stack and tup:
            parent = self.stack[-1].number
        c = _Open(number, tup, heading, kind, level, page, page, parent)
        self.clauses.append(c)
        if tup:
            self.stack.append(c)
        else:
            self.stack = []
        self.started = True
        self.pending_caption = None
        self.after_table = None
        self.last_was_table = False
        return c

    def _add_text(self, p: Para) -> None:
        if not self.started:
            self.cover.append(p.text)
            return
        c = self.current
        c.lines.append(p.text)
        if p.page_end is not None:
            c.page_end = max(c.page_end or p.page_end, p.page_end)

    def _accept_number(self, num: str, rest: str, nxt: Para | None) -> bool:
        """The sequence constraint and value guards for a numbered paragraph."""
        if looks_like_value(rest) or continuation_start(rest):
            return False
        try:
            tup = number_tuple(num)
        except ValueError:
            return False
        if any(isinstance(x, int) and x > 999 for x in tup):
            return False
        if isinstance(tup[0], str):  # annex clause A.1: the annex must be open
            return self.in_annex == tup[0] and (self.last_tup is None or _gt(tup, self.last_tup) or self.last_tup[0] != tup[0])
        if self.in_annex:
            return False
        if len(tup) == 1:
            head = rest or (nxt.text if nxt is not None and nxt.kind == "para" else "")
            if not is_heading_text(head):
                return False
            if self.last_top is None:
                return 0 <= tup[0] <= 20  # excerpts may start at any chapter
            return self.last_top < tup[0] <= self.last_top + 10
        if self.last_top is None:
            # an excerpt that starts inside a chapter ("5.2 样品数量"): accept a headed first number
            return len(tup) <= 4 and is_heading_text(rest or (nxt.text if nxt is not None and nxt.kind == "para" else ""))
        if tup[0] != self.last_top:
            return False
        if len(tup) > 1 and tup[-1] == 0:
            return False
        return self.last_tup is None or _gt(tup, self.last_tup)

    # ------------------------------------------------------------------ main loop
    def run(self) -> None:
        paras = self.paras
        i = 0
        toc = False
        while i < len(paras):
            p = paras[i]
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if p.kind == "table":
                self._table(p)
                i += 1
                continue
            t = p.text.strip()
            if p.style.lower().startswith("toc") and not TOC_HEAD_RE.match(t.replace(" ", "")):
                i += 1  # a Word table-of-contents entry (style "TOC 1", "toc 2")
                continue
            if TOC_HEAD_RE.match(t.replace(" ", "").replace("\u3000", "")):
                toc = True
                i += 1
                continue
            if toc:
                # stay in the contents until a heading that is not followed by more contents lines
                if self._is_toc_line(t) or not self._structural(t, nxt) or (
                        nxt is not None and nxt.kind == "para" and self._is_toc_line(nxt.text.strip()) and not prelim_number(t)):
                    i += 1
                    continue
                toc = False
            if TOC_LEADER_RE.search(t) and TOC_LINE_RE.search(t):
                i += 1  # a stray table-of-contents line
                continue
            run = self._toc_run(i)
            if run >= 3:  # a table of contents without a title: numbered lines ending in page numbers
                i += run
                continue
            consumed = self._structure(p, nxt, paras, i)
            if consumed:
                i += consumed
                continue
            self._text(p, nxt)
            i += 1

    def _toc_run(self, i: int) -> int:
        """How many paragraphs from i look like table-of-contents entries ("5.2 样品数量 3", "Annex A … 12")."""
        n = 0
        while i + n < len(self.paras):
            p = self.paras[i + n]
            t = p.text.strip()
            if p.kind != "para" or not _TOC_ENTRY.match(t):
                break
            n += 1
        return n

    def _is_toc_line(self, t: str) -> bool:
        return bool(TOC_LINE_RE.search(t) or TOC_LEADER_RE.search(t) or re.search(r"\s(?:\d{1,3}|[IVXivx\u2160-\u217f]{1,5})$", t))

    def _structural(self, t: str, nxt: Para | None) -> bool:
        if prelim_number(t) or parse_annex(t):
            return True
        sn = split_number(t)
        return bool(sn and self._accept_number(sn[0], sn[1], nxt))

    def _structure(self, p: Para, nxt: Para | None, paras: list[Para], i: int) -> int:
        """Open a clause if `p` is a heading; returns how many paragraphs it consumed (0 = not a heading)."""
        t = p.text.strip()
        pre = prelim_number(t)
        if pre and not (self.current and self.current.number == pre and not self.current.lines):
            n = self.used_prelim.get(pre, 0) + 1
            self.used_prelim[pre] = n
            number = pre if n == 1 else f"{pre}-{n}"
            heading = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", t)
            self._open(number, (), heading, PRELIM_KIND[pre], 1, p.page)
            if pre != "bibliography":
                self.in_annex = None if pre != "index" else self.in_annex
            return 1
        ax = parse_annex(t)
        if ax:
            letter, typ, title = ax
            used = 1
            if not typ and nxt is not None and nxt.kind == "para" and annex_type(nxt.text):
                typ = annex_type(nxt.text) or ""
                used += 1
                nxt = paras[i + used] if i + used < len(paras) else None
            if not title and nxt is not None and nxt.kind == "para" and is_heading_text(nxt.text) and not split_number(nxt.text) and not caption_of(nxt.text):
                title = nxt.text.strip()
                used += 1
            clean = not title or is_heading_text(title)  # "Annex A (normative) gives …" is a sentence, not a heading
            in_prelim = self.current is not None and not self.current.tup and self.last_top is None
            if letter not in self.annexes and clean and (typ or title) and not (in_prelim and not typ):
                self.annexes.add(letter)
                self.in_annex = letter
                kind = "annex-normative" if typ == "normative" else "annex-informative"
                self.stack = []
                self.last_tup = (letter,)
                c = self._open(letter, (letter,), title, kind, 1, p.page)
                c.page_end = paras[i + used - 1].page_end or p.page
                return used
        sn = split_number(t)
        if sn and self._accept_number(sn[0], sn[1], nxt):
            num, rest = sn
            tup = number_tuple(num)
            used = 1
            heading, text = "", ""
            if rest:
                if is_heading_text(rest):
                    heading = rest
                else:
                    text = rest
            elif nxt is not None and nxt.kind == "para" and is_heading_text(nxt.text) and not self._starts_other(nxt.text):
                heading = nxt.text.strip()
                used = 2
            if len(tup) == 1 or self.last_top is None:
                self.last_top = tup[0]
                kind = chapter_kind(heading) if len(tup) == 1 else "other"
                self.stack = [] if len(tup) == 1 else self.stack
            else:
                kind = self.stack[0].kind if self.stack else "other"
            self.last_tup = tup
            c = self._open(num, tup, heading, kind, len(tup), p.page)
            c.page_end = paras[i + used - 1].page_end or p.page
            if text:
                c.lines.append(text)
            return used
        return 0

    def _starts_other(self, t: str) -> bool:
        return bool(split_number(t) or parse_annex(t) or prelim_number(t) or caption_of(t))

    def _text(self, p: Para, nxt: Para | None = None) -> None:
        t = p.text.strip()
        cap = caption_of(t) if self.started else None
        if cap and self.after_table is not None and not self.after_table.number and not cap[2] \
                and (nxt is None or nxt.kind != "table"):
            self.after_table.number, self.after_table.caption = cap[0], cap[1]  # a caption set below its table
            return
        if cap:
            if self.pending_caption:
                self._flush_caption()
            self.pending_caption = (*cap, t)
            self.after_table = None
            return
        if self.after_table is not None and is_footnote(t):
            self.after_table.footnotes.append(t)
            return
        if self.pending_caption:  # a caption not followed by a table (e.g. a figure list): keep as text
            self._flush_caption()
        self.after_table = None
        self.last_was_table = False
        self._add_text(p)

    def _flush_caption(self) -> None:
        text = self.pending_caption[3]
        self.pending_caption = None
        if self.current is not None:
            self.current.lines.append(text)

    def _table(self, p: Para) -> None:
        rows = [list(r) for r in (p.rows or []) if any(c.strip() for c in r)]
        if not rows:
            return
        if not self.started:
            # a layout table on the cover (Word covers box the ICS/number/title): its cells are cover lines
            self.cover_tables.append(Table(id="", clause="body", header_rows=header_rows(rows, p.header_rows or 1), rows=rows, page=p.page))
            for row in rows:
                for cell in dict.fromkeys(c.strip() for c in row):
                    self.cover.extend(ln for ln in cell.split("\n") if ln.strip())
            return
        inner_cap, rows = strip_caption_row(rows)
        cap = self.pending_caption or (caption_of(inner_cap) if inner_cap else None)
        self.pending_caption = None
        clause_no = self.current.number if self.current else ""
        if cap and cap[2] or (cap is None and self.last_was_table and self.tables and self._same_shape(rows, p.page)):
            # continued table: merge into the previous table with that number
            prev = self._find_table(cap[0] if cap else None)
            if prev is not None:
                prev.rows = merge_continued(prev.rows, prev.header_rows, rows)
                self.after_table = prev
                self.last_was_table = True
                return
        num, caption = (cap[0], cap[1]) if cap else ("", "")
        h = header_rows(rows, p.header_rows or 1)
        tbl = Table(id="", number=num, caption=caption, clause=clause_no, header_rows=h, rows=rows, page=p.page)
        self.tables.append((clause_no, tbl))
        self.after_table = tbl
        self.last_was_table = True
        if p.page is not None and self.current is not None:
            self.current.page_end = max(self.current.page_end or p.page, p.page)

    def _same_shape(self, rows: list[list[str]], page: int | None) -> bool:
        """A caption-less table right after a table, on the next page, with as many columns: its continuation."""
        prev = self.tables[-1][1]
        return bool(prev.rows) and len(prev.rows[0]) == len(rows[0]) and prev.page is not None and page is not None and page > prev.page

    def _find_table(self, number: str | None) -> Table | None:
        for _, t in reversed(self.tables):
            if number is None or t.number == number:
                return t
        return None


_TOC_ENTRY = re.compile(
    r"^(?:(?:\d{1,3}|[A-Z]{1,2}\.\d{1,3})(?:\.\d{1,3})*\s+\S.*?|(?:附\s*录|Annex|Anhang|Annexe)\s*[A-Z]{1,2}.*?|"
    r"(?:前\s*言|引\s*言|参考文献|Foreword|Introduction|Bibliography|Vorwort|Einleitung|Literaturhinweise|Avant-propos|Bibliographie).*?)"
    r"(?:\s|\.{2,}|…+)(?:\d{1,3}|[IVX\u2160-\u217f]{1,5}|[ivx]{1,5})$"
)


def _gt(a: tuple, b: tuple) -> bool:
    """Tuple order where letters and numbers compare within their own kind."""
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if isinstance(x, int) and isinstance(y, int):
            return x > y
        return str(x) > str(y)
    return len(a) > len(b)


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


def build_document(blocks: list[Block], source: str = "") -> Document:
    """Turn a Block stream into a Document: metadata, clause tree, tables, terms, references, provisions."""
    paras = to_paragraphs(blocks)
    b = _Builder(paras)
    b.run()
    ranks = legal.detect([p.text for p in paras if p.kind == "para"])
    if ranks is not None:
        from zmdocs.parse.legal_builder import LegalBuilder  # it subclasses _Builder (import cycle)

        lb = LegalBuilder(paras, ranks)
        lb.run()
        n_legal = sum(1 for c in lb.clauses if c.tup)
        if n_legal > sum(1 for c in b.clauses if c.tup):
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
    all_text = "\n".join(b.cover + [ln for c in b.clauses for ln in [c.heading, *c.lines]])
    lang = detect_lang(all_text, default="zh")
    doc = Document(id="", lang=lang, source=source)
    foreword = "\n".join(ln for c in b.clauses if c.kind in ("foreword", "introduction") for ln in c.lines)
    running = [t for blk in blocks for t in (blk.meta.get("running") or [])]
    fill_metadata(doc, b.cover, foreword, source, running)
    doc.title = doc.titles.get(lang) or next(iter(doc.titles.values()), "")
    clause_kind = {c.number: c.kind for c in b.clauses}
    _strip_titles(b.clauses, [t for t in doc.titles.values() if len(t) >= 2])
    for c in b.clauses:
        text = "\n".join(c.lines).strip()
        cl = Clause(id=doc.clause_id(c.number), number=c.number, heading=c.heading, text=text, level=c.level,
                    parent=doc.clause_id(c.parent) if c.parent else None, kind=c.kind, page=c.page,
                    page_end=c.page_end, provisions=provisions(text, lang) if text else [])
        doc.clauses.append(cl)
        if c.kind == "terms" and c.level >= 2 and (c.heading or c.lines) and not (c.tup and isinstance(c.tup[0], tuple)):
            doc.terms.append(make_term(c.number, c.heading, text, cl.id, lang))
        if c.kind == "normative-references" and c.level == 1:
            doc.references.extend(r for r in references_in(text) if r not in doc.references)
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
    doc.warnings.extend(b.warnings)
    return doc
