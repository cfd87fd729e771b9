"""The clause builder shared by every format: one pass over paragraphs keeping the stack of open clauses.

Clause numbers are accepted only when they belong to the best numbering sequence of the document
(`sequence.best_chain`, chosen before the pass), so gaps and jumps never drop what follows and
stray numbers (terms, quantities, cross-references) stay text. Table-of-contents blocks are
skipped; cover paragraphs feed the metadata; list items and notes stay in their clause's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.model import Table
from zmdocs.parse.elements import (
    caption_of,
    header_rows,
    is_footnote,
    merge_continued,
    split_footnote_rows,
    strip_caption_row,
)
from zmdocs.parse.gridclauses import expand_grid_clauses
from zmdocs.parse.lines import Para
from zmdocs.parse.numbering import (
    PRELIM_KIND,
    TOC_HEAD_RE,
    TOC_LINE_RE,
    annex_type,
    chapter_kind,
    continuation_start,
    ends_in_page_number,
    is_heading_text,
    listed_item,
    looks_like_value,
    parse_annex,
    parse_division,
    parse_numbered_annex,
    prelim_number,
    toc_leader,
    toc_line,
)
from zmdocs.parse.sequence import Candidate
from zmdocs.parse.wrapped import bracket_wrapped, runs_on, title_goes_on, wrapped_heading
from zmdocs.text.clausenum import deep_dotted, number_tuple, quantity_start, split_number


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

    def __init__(self, paras: list[Para], allowed: set[int] | None = None) -> None:
        self.paras = expand_grid_clauses(paras)  # clause labels set as table rows: numbered paragraphs too
        self.allowed = allowed  # paragraph indices in the chosen numbering sequence; None = probing pass
        self.cands: list[Candidate] = []  # what the probing pass found
        self._page: int | None = None  # page of the paragraph being read
        self.app: _Open | None = None  # the open appendix of a numbered annex ("Appendix to Annex 10")
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
        self.annex_first_table: dict[str, str] = {}  # numbered annex -> number of its first numbered table
        self.plain_annexes = _plain_annexes(paras)  # lettered annexes whose clauses are numbered 1, 1.1 … (no "A.")
        self.divisions: list[str] = []  # lettered front divisions opened ("A. GENERAL"), see `_division`

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

    def _number_tuple(self, num: str, rest: str, nxt: Para | None, text: str = "") -> tuple | None:
        """The number as a tuple when a numbered paragraph could open a clause at all (value and reference guards)."""
        if looks_like_value(rest) and not deep_dotted(text) or (text and quantity_start(text)) or \
                continuation_start(rest) and not listed_item(num, self.last_tup, rest):
            return None
        try:
            tup = number_tuple(num)
        except ValueError:
            return None
        if any(isinstance(x, int) and x > 999 for x in tup) or (len(tup) > 1 and tup[-1] == 0):
            return None
        if len(tup) == 1 and not rest and (nxt is None or nxt.page != self._page or self._starts_other(nxt.text)):
            return None  # a bare number at a page edge or before another heading: a page number
        if self.in_annex and self.in_annex.startswith("#") and isinstance(tup[0], int):
            scope = (self.in_annex, self.app.tup[1]) if self.app is not None else (self.in_annex,)
            return (*scope, *tup)  # paragraphs restart inside a numbered annex and inside its appendix
        if self.in_annex and self.in_annex[:1] == "!" and tup[0] == self.in_annex[1:]:
            return (self.in_annex, *tup[1:])  # A.1 of front division "A." (its key "!A" sorts before the body)
        if self.in_annex in self.plain_annexes and isinstance(tup[0], int) and self.stack and self.stack[0].tup == (self.in_annex,):
            return (self.in_annex, *tup)  # "1 Engine" inside "APPENDIX (A)" is clause A.1
        if len(tup) == 1 and not is_heading_text(rest or (nxt.text if nxt is not None and nxt.kind == "para" else "")):
            return None  # a chapter has a title
        return tup

    def _numbered_annex(self, na: tuple[str, str], p: Para, paras: list[Para], i: int) -> int:
        """Open "Annex N" (regulations number their annexes; paragraphs restart at 1 inside); drop its running heads."""
        n, title = na
        digits = n.rstrip("abcdefghijklmnopqrstuvwxyz")
        word = p.text.strip().split()[0].capitalize()
        # appendices to the regulation itself come before its annexes and are numbered apart ("!" sorts before digits)
        key = f"#{'!' if word == 'Appendix' else ''}{int(digits):03d}{n[len(digits):]}"
        if self.in_annex == key and not title:
            return 1  # "Annex 2" repeated at the top of every page of that annex
        used = 1
        while i + used < len(paras) and paras[i + used].kind == "para" and paras[i + used].page == p.page:
            nt = paras[i + used].text.strip()
            if parse_numbered_annex(nt) and parse_numbered_annex(nt)[0] == n:
                used += 1
                continue
            long_title = not title and len(nt.split()) <= 30 and is_heading_text(" ".join(nt.split()[:12]))
            if self._starts_other(nt) or not is_heading_text(nt) and len(nt.split()) > 12 and not (
                    long_title and nt.rstrip()[-1:] not in ".;:。") or len(title.split()) > 30:
                break  # the title of "Annex 1" may run to two or three lines set as one paragraph
            if title and not title_goes_on(title, nt):
                break
            title = f"{title} {nt}".strip()
            used += 1
        if self.allowed is None:
            self.cands.append(Candidate(i, (key,), 1.0 if title else 0.6, annex=True))
        elif i not in self.allowed or key in self.annexes:
            return 0
        self.annexes.add(key)
        self.in_annex, self.app = key, None
        self.stack, self.last_tup, self.last_top = [], (key,), key
        kind = "annex-informative" if re.search(r"\binformative\b", title, re.I) else "annex-normative"
        c = self._open(f"{word} {n}", (key,), re.sub(r"[¹²³⁴-⁹]+$", "", title).strip(), kind, 1, p.page)
        c.page_end = paras[i + used - 1].page_end or p.page
        return used

    def _appendix(self, am: re.Match, p: Para, nxt: Para | None, i: int) -> int:
        """"Appendix" / "Appendix 2" inside a numbered annex: a level-2 part whose paragraphs restart at 1."""
        n = int(am.group("n") or 0)
        annex = self.stack[0]
        tup = (annex.tup[0], ("app", n))
        if self.allowed is None:
            self.cands.append(Candidate(i, tup, 1.0, annex=True))
        elif i not in self.allowed:
            return 0
        used, title = 1, ""
        while i + used < len(self.paras) and used <= 3 and (q := self.paras[i + used]).kind == "para" and q.page == p.page \
                and is_heading_text(q.text) and not self._starts_other(q.text) and (not title or title_goes_on(title, q.text.strip())):
            title, used = f"{title} {q.text.strip()}".strip(), used + 1  # a title set over two or three lines
        self.stack = [annex]
        self.last_tup = tup
        self.app = self._open(f"{annex.number}.app{n or ''}", tup, title, annex.kind, 2, p.page)
        return used

    def _accept_number(self, num: str, rest: str, nxt: Para | None, i: int | None = None, text: str = "") -> bool:
        """Is this numbered paragraph a clause? Locally plausible, and in the document's numbering sequence."""
        tup = self._number_tuple(num, rest, nxt, text)
        if tup is None:
            return False
        if isinstance(tup[0], str) and self.in_annex != tup[0]:
            return False  # annex clause A.1: annex A must be open
        if self.allowed is None:
            return True  # the probing pass: every plausible number is a candidate
        return i is not None and i in self.allowed

    def _weight(self, p: Para, rest: str, nxt: Para | None) -> float:
        """How heading-like a numbered paragraph is (its worth in the numbering sequence)."""
        if rest:
            w = 1.0 if is_heading_text(rest) else 0.85
        else:
            w = 1.0 if nxt is not None and nxt.kind == "para" and is_heading_text(nxt.text) and not self._starts_other(nxt.text) else 0.7
        if p.style.lower().startswith(("heading", "title", "überschrift", "titre")):
            w += 0.3
        return w

    # ------------------------------------------------------------------ main loop
    def run(self) -> None:
        paras = self.paras
        i = 0
        toc = False
        while i < len(paras):
            p = paras[i]
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            self._page = p.page
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
                if self._is_toc_line(t) or not self._structural(t, nxt, i) or (
                        nxt is not None and nxt.kind == "para" and self._is_toc_line(nxt.text.strip()) and not prelim_number(t)):
                    i += 1
                    continue
                toc = False
            if toc_leader(t) and toc_line(t):
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
            if not p.meta.get("grid_row"):  # a table's row label the numbering did not take is in the table already
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
        return toc_leader(t) or (ends_in_page_number(t) and bool(
            TOC_LINE_RE.search(t) or re.search(r"\s(?:\d{1,3}|[IVXivx\u2160-\u217f]{1,5})$", t)))

    def _structural(self, t: str, nxt: Para | None, i: int | None = None) -> bool:
        if prelim_number(t) or parse_annex(t) or parse_division(t):
            return True
        sn = split_number(t)
        return bool(sn and self._accept_number(sn[0], sn[1], nxt, i, t))

    def _structure(self, p: Para, nxt: Para | None, paras: list[Para], i: int) -> int:
        """Open a clause if `p` is a heading; returns how many paragraphs it consumed (0 = not a heading)."""
        t = p.text.strip()
        pre = prelim_number(t)
        if pre and not (self.current and self.current.number == pre and not self.current.lines):
            return self._prelim(pre, p, t)
        ax = parse_annex(t)
        if ax:
            used, nxt = self._annex(ax, p, nxt, paras, i)
            if used:
                return used
        am = _APPENDIX.match(t)
        if am and self.in_annex and self.in_annex.startswith("#") and self.stack and _same_annex(am, self.in_annex):
            return self._appendix(am, p, nxt, i)
        na = parse_numbered_annex(t)
        if na:
            return self._numbered_annex(na, p, paras, i)
        dv = parse_division(t)
        if dv and self._division_ok(*dv, i):
            return self._division(dv[0], dv[1], p, i)
        sn = split_number(t)
        if sn and not p.meta.get("small") and self._accept_number(sn[0], sn[1], nxt, i, t):  # small type: a label
            return self._numbered(sn[0], sn[1], p, nxt, paras, i, t)
        return 0

    def _division_ok(self, letter: str, title: str, i: int) -> bool:
        """A lettered front division: the letters run A, B, C …; an upper-case title, or its X.1 follows."""
        prev = self.divisions[-1] if self.divisions else None
        if letter in self.annexes or (letter != "A" if prev is None else ord(letter) != ord(prev) + 1):
            return False
        if title.isupper():
            return True
        nums = [split_number(q.text) for q in self.paras[i + 1: i + 4] if q.kind == "para"]
        return any(sn and sn[0] == f"{letter}.1" for sn in nums)

    def _division(self, letter: str, title: str, p: Para, i: int) -> int:
        """Open front division "A." (key "!A": numbered like an annex, but the numbered body follows it)."""
        key = f"!{letter}"
        if self.allowed is None:
            self.cands.append(Candidate(i, (key,), 1.0, annex=True))
        elif i not in self.allowed:
            return 0
        self.divisions.append(letter)
        self.in_annex = key
        self.stack = []
        self.last_tup, self.last_top = (key,), key
        self._open(letter, (key,), title, chapter_kind(title), 1, p.page)
        return 1

    def _prelim(self, pre: str, p: Para, t: str) -> int:
        """Open a preliminary element (foreword, introduction, bibliography, index …)."""
        n = self.used_prelim.get(pre, 0) + 1
        self.used_prelim[pre] = n
        number = pre if n == 1 else f"{pre}-{n}"
        heading = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", t)
        self._open(number, (), heading, PRELIM_KIND[pre], 1, p.page)
        if pre != "bibliography":
            self.in_annex = None if pre != "index" else self.in_annex
        return 1

    def _annex(self, ax: tuple, p: Para, nxt: Para | None, paras: list[Para], i: int) -> tuple[int, Para | None]:
        """Open an annex heading (its type and title may follow on the next paragraphs).

        Returns (paragraphs consumed, 0 when it is no annex heading; the paragraph after the type line).
        """
        letter, typ, title = ax
        used = 1
        if not typ and nxt is not None and nxt.kind == "para" and annex_type(nxt.text):
            typ = annex_type(nxt.text) or ""
            used += 1
            nxt = paras[i + used] if i + used < len(paras) else None
        if not title and nxt is not None and nxt.kind == "para" and _annex_title(nxt.text) and not split_number(nxt.text) and not caption_of(nxt.text):
            title = _annex_title(nxt.text)
            used += 1
        clean = not title or is_heading_text(title) or _capitals_title(title)  # "Annex A (normative) gives …": a sentence
        in_prelim = self.current is not None and not self.current.tup and self.last_top is None
        # in the front matter an untyped "Annex A" is a mention, unless it heads a page under its title
        at_top = i == 0 or self.paras[i - 1].page != p.page
        ok = clean and bool(typ or title) and not (in_prelim and not typ and not (at_top and title))
        if ok and self.allowed is None:
            self.cands.append(Candidate(i, (letter,), 1.0, annex=True))
        # the probing pass reopens an annex met again (a contents list without page numbers names it first), so
        # the clauses under the real heading are candidates too; the chosen sequence keeps one of the two
        if not (ok and (self.allowed is None or letter not in self.annexes and i in self.allowed)):
            return 0, nxt
        self.annexes.add(letter)
        self.in_annex = letter
        kind = "annex-normative" if typ == "normative" else "annex-informative"
        self.stack = []
        self.last_tup = (letter,)
        self.last_top = letter
        c = self._open(letter, (letter,), title, kind, 1, p.page)
        c.page_end = paras[i + used - 1].page_end or p.page
        return used, nxt

    def _heading_and_text(self, rest: str, nxt: Para | None, in_terms: bool = False,
                          following: list[Para] | None = None) -> tuple[str, str, int]:
        """(heading, text, paragraphs consumed) of a numbered clause whose number line goes on with `rest`
        (`in_terms`: the clause is an entry of a terms chapter; `following`: the paragraphs after it)."""
        defined = _DEFINED.match(rest) or (_TERM_COLON.match(rest) if in_terms else None)
        if defined:  # '"Stop-lamp" means …', "Kerb weight: The weight …": a definition, headed by its term
            return defined.group(1).strip(), rest, 1
        if rest:
            wrapped = bracket_wrapped(rest, nxt)
            if wrapped:
                return wrapped, "", 2
            if is_heading_text(rest):
                if not runs_on(rest, nxt):
                    return rest, "", 1
                wrapped = wrapped_heading(rest, following or ([nxt] if nxt is not None else []))
                return (wrapped[0], "", wrapped[1]) if wrapped else ("", rest, 1)
            if _colon_title(rest):  # "9. Concise description:" over its sub-clauses
                return rest[:-1].strip(), "", 1
            return "", rest, 1
        if nxt is not None and nxt.kind == "para" and is_heading_text(nxt.text) and not self._starts_other(nxt.text):
            return nxt.text.strip(), "", 2
        return "", "", 1

    def _numbered(self, num: str, rest: str, p: Para, nxt: Para | None, paras: list[Para], i: int, t: str) -> int:
        """Open a numbered clause; returns the paragraphs consumed (the heading may be the next one)."""
        tup = self._number_tuple(num, rest, nxt, t) or number_tuple(num)
        if isinstance(tup[0], str) and tup[0].startswith("#"):
            holder = self.app if self.app is not None else (self.stack[0] if self.stack else None)
            num = f"{holder.number if holder else 'Annex ' + tup[0][1:].lstrip('0')}.{num}"
        elif isinstance(tup[0], str) and isinstance(number_tuple(num)[0], int):
            num = f"{tup[0]}.{num}"  # a plainly numbered clause of a lettered annex
        if self.allowed is None:
            self.cands.append(Candidate(i, tup, self._weight(p, rest, nxt)))
        in_terms = len(tup) > 1 and bool(self.stack) and self.stack[0].tup[:1] == tup[:1] and self.stack[0].kind == "terms"
        heading, text, used = self._heading_and_text(rest, nxt, in_terms, paras[i + 1: i + 4])
        if len(tup) == 1 or self.last_top != tup[0]:
            self.last_top = tup[0]
            kind = chapter_kind(heading) if len(tup) == 1 else "other"
            self.stack = [] if len(tup) == 1 else [c for c in self.stack if c.tup[:1] == tup[:1]]
        else:
            kind = self.stack[0].kind if self.stack and self.stack[0].tup[:1] == tup[:1] else "other"
        self.last_tup = tup
        c = self._open(num, tup, heading, kind, len(tup), p.page)
        c.page_end = paras[i + used - 1].page_end or p.page
        if text:
            c.lines.append(text)
        return used

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
        rows, notes = split_footnote_rows(rows)
        cap = self.pending_caption or (caption_of(inner_cap) if inner_cap else None)
        self.pending_caption = None
        clause_no = self.current.number if self.current else ""
        if cap and cap[2] or (cap is None and self.last_was_table and self.tables and self._same_shape(rows, p.page)):
            # continued table: merge into the previous table with that number
            prev = self._find_table(self._annex_table_number(cap[0], clause_no) if cap else None)
            if prev is not None:
                prev.rows = merge_continued(prev.rows, prev.header_rows, rows)
                prev.footnotes.extend(notes)
                self.after_table = prev
                self.last_was_table = True
                return
        num, caption = (cap[0], cap[1]) if cap else ("", "")
        if num and (annex := _NUMBERED_ANNEX.match(clause_no)) and num.isdigit():
            self.annex_first_table.setdefault(annex.group(1), num)
        num = self._annex_table_number(num, clause_no)
        h = header_rows(rows, p.header_rows or 1)
        tbl = Table(id="", number=num, caption=caption, clause=clause_no, header_rows=h, rows=rows, page=p.page,
                    footnotes=notes)
        self.tables.append((clause_no, tbl))
        self.after_table = tbl
        self.last_was_table = True
        if p.page is not None and self.current is not None:
            self.current.page_end = max(self.current.page_end or p.page, p.page)

    def _same_shape(self, rows: list[list[str]], page: int | None) -> bool:
        """A caption-less table right after a table, on the next page, with as many columns: its continuation."""
        prev = self.tables[-1][1]
        return bool(prev.rows) and len(prev.rows[0]) == len(rows[0]) and prev.page is not None and page is not None and page > prev.page

    def _annex_table_number(self, num: str, clause_no: str) -> str:
        """A table number qualified by its numbered annex when tables restart at 1 there (UNECE/OJ regulations
        print "Table 1" in Annex 1 and again in Annex 10): "Annex 10.1", which the gold writes ann10.1."""
        annex = _NUMBERED_ANNEX.match(clause_no or "")
        if not num or not num.isdigit() or not annex or self.annex_first_table.get(annex.group(1)) != "1":
            return num
        return f"{annex.group(1)}.{num}"

    def _find_table(self, number: str | None) -> Table | None:
        for _, t in reversed(self.tables):
            if number is None or t.number == number:
                return t
        return None


def _plain_annexes(paras: list[Para]) -> set[str]:
    """Letters of the annexes whose clauses carry no letter ("APPENDIX (A)" over "1 Engine", "1.1 Make"):
    annexes with a heading in the document and no paragraph numbered "A.1" anywhere."""
    letters, prefixed = set(), set()
    for p in paras:
        if p.kind != "para":
            continue
        t = p.text.strip()
        ax = parse_annex(t) if len(t) < 200 else None
        if ax:
            letters.add(ax[0])
        sn = split_number(t)
        if sn and sn[0][:1].isalpha():
            prefixed.add(sn[0].split(".")[0])
    return letters - prefixed


def _annex_title(text: str) -> str:
    """The title line under an annex heading: a heading text, or a short one closed by a full stop
    ("Essential technical data of the engine.", as older standards set it); "" when it is neither."""
    t = text.strip()
    if is_heading_text(t) or _capitals_title(t):
        return t
    body = t[:-1].rstrip() if t.endswith(".") else ""
    ok = body and body[:1].isupper() and "." not in body and len(body.split()) <= 12 and is_heading_text(body)
    return body if ok else ""


def _capitals_title(t: str) -> bool:
    """A long annex title set in capitals ("USER'S GUIDE FOR … (SCUFN)", up to 30 words): no sentence."""
    letters = [ch for ch in t if ch.isalpha()]
    return len(letters) >= 20 and all(ch.isupper() for ch in letters) and len(t.split()) <= 30 \
        and len(t) <= 250 and t[-1:] not in ".;:"


def _colon_title(rest: str) -> bool:
    """A short Latin-script label ending in a colon ("Concise description:"), not a sentence introducing a list."""
    r = rest.strip()
    return r.endswith(":") and len(r.split()) <= 8 and not re.search(r"[\u3400-\u9fff]", r) and is_heading_text(r[:-1])


_NUMBERED_ANNEX = re.compile(r"^((?:Annex|Anhang|Annexe|Anlage|anl)\s*\d{1,2}[a-z]?)(?=\.|$)")


def _same_annex(am: re.Match, key: str) -> bool:
    """"Annex 4 – Appendix 2" opens an appendix only inside Annex 4 (a stale label elsewhere is not one);
    "Appendix 2" opens one inside any numbered annex."""
    ax = am.group("ax")
    if key.startswith("#!"):
        return False  # an appendix to the regulation holds no appendices: "Appendix 2" is the next one
    if not ax:
        return True
    digits = ax.rstrip("abcdefghijklmnopqrstuvwxyz")
    return key == f"#{int(digits):03d}{ax[len(digits):]}"


_APPENDIX = re.compile(r"^(?:(?:Annex|ANNEX)\s+(?P<ax>\d{1,2}[a-z]?)\s*[-–—]\s*)?(?:Appendix|APPENDIX|Anhang|Appendice)(?:\s+(?P<n>\d{1,2}))?(?:\s+(?:to|of|zu|à)\s+(?:Annex|ANNEX|Anlage|l'annexe)\s+\d{1,2}[a-z]?)?\s*$")
# "Kerb weight: The weight of …" / "Reference weight (rw): …": a term, a colon, then its definition (older
# and Gulf standards set their terms this way); only read so inside a terms chapter.
_TERM_COLON = re.compile(r"^([^\W\d_][^:：.;。；]{0,80}?)\s*[:：]\s+(?=[^\W\d_]|[(\[])")
_DEFINED = re.compile(r'^["“„«‘\']([^"“”„«»‘’\']{1,120})["”“»’\']\s*(?:,\s*)?(?:means|is|are|refers\s+to|bezeichnet|ist|désigne)\b')

_TOC_ENTRY = re.compile(
    r"^(?:(?:\d{1,3}|[A-Z]{1,2}\.\d{1,3})(?:\.\d{1,3})*(?:\s?[-–]\s+|\s+)\S.*?|(?:附\s*录|Annex|Anhang|Annexe)\s*[A-Z]{1,2}.*?|"
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
