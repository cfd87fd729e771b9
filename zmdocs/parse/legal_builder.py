"""The clause-tree builder for laws and regulations (numbering rules in `legal`)."""

from __future__ import annotations

import re

from zmdocs.parse import legal
from zmdocs.parse.builder import _Builder, _Open
from zmdocs.parse.lines import LIST_RE, Para
from zmdocs.parse.numbering import is_heading_text, parse_annex, prelim_number


class LegalBuilder(_Builder):
    """The builder for laws and regulations: 章/节/条 and Chapter/Section/Article headings (see `legal`).

    GB-style numbers are off ("1. …", "(一) …" are items of an article). In a bilingual text (interleaved,
    by page or one version after the other) a heading in the other language joins the clause of its number.
    """

    def __init__(self, paras: list[Para], ranks: dict[str, str]) -> None:
        heads = [legal.parse_legal(p.text) if p.kind == "para" else None for p in paras]
        self.ranks = ranks
        self.lang0: str | None = None  # language of the first heading; headings in another language are translations
        self.opened: dict[str, _Open] = {}
        self.path2: list[tuple[str, str]] = []  # open containers of the translation
        self.target: _Open | None = None  # the clause a translation's text goes to
        self.path: list[tuple[str, str, int]] = []  # open containers: (unit, number, n)
        self.last_n: dict[str, int] = {}  # last number per unit (articles across the document, others per container)
        self.used: set[str] = set()
        super().__init__(_drop_legal_toc(paras, heads, ranks))

    def _accept_number(self, num: str, rest: str, nxt: Para | None, i: int | None = None, text: str = "") -> bool:
        """Inside an Anlage (a numbered annex) its titled sections ("1. Allgemeine Anforderungen") and the
        decimal numbers under them ("1.1", "2.4.1") are clauses; elsewhere, and for an ordered list item
        ("1.  Die Messöffnung ist …"), a number is an item of its article."""
        if not (self.in_annex and self.in_annex.startswith("#")):
            return False
        para = self.paras[i] if i is not None and i < len(self.paras) else None
        if para is not None and para.meta.get("list_item"):
            return False
        titled = is_heading_text(rest) and re.search(r"[^\W\d_]{3,}", rest)  # "21 – O 2B" (a formula) is no title
        if "." not in num.strip(".") and not (titled or _bold_title(rest, para)):
            return False
        return self._number_tuple(num, rest, nxt, text) is not None

    def _numbered(self, num: str, rest: str, p: Para, nxt: Para | None, paras: list[Para], i: int, t: str) -> int:
        used = super()._numbered(num, rest, p, nxt, paras, i, t)
        c = self.clauses[-1]
        if not c.heading and _bold_title(rest, p):  # a long title set in bold ("**2.** **Grenzwerte für … (…)**")
            c.heading = rest.rstrip(": ").strip()
            c.lines = [ln for ln in c.lines if ln != rest]
        return used

    def run(self) -> None:
        super().run()
        # levels from the units actually opened (a stray "Section 3 …" line never shifts them)
        ranks = sorted({c.tup[-1][1] for c in self.clauses if c.tup and isinstance(c.tup[0], tuple)})
        for c in self.clauses:
            if c.tup and isinstance(c.tup[0], tuple):
                c.level = ranks.index(c.tup[-1][1]) + 1

    def _structural(self, t: str, nxt: Para | None, i: int | None = None) -> bool:
        return bool(prelim_number(t) or parse_annex(t) or self._accept(legal.parse_legal(t)))

    def _accept(self, h: legal.LegalHead | None) -> bool:
        if h is None or self.in_annex:
            return False
        unit = legal.effective_unit(h, self.ranks)
        last = self.last_n.get(unit)
        if unit != "article" and h.rest and not is_heading_text(h.rest):
            return False  # "第二章规定了…" / "Chapter 3 sets out …": a sentence, not a chapter title
        if last is None:
            return True
        if h.n == last and (h.sub or 0) >= 0:
            return True  # the same unit again: a translation line or an article suffix (第十二条之一)
        if h.n == 1 and unit == "article" and self.path:
            return True  # articles restart in each chapter
        return last < h.n <= last + 30

    @property
    def current(self) -> _Open | None:
        return self.target or (self.clauses[-1] if self.clauses else None)

    def _open(self, *args, **kwargs) -> _Open:
        self.target = None  # a new clause in the main language ends a translation's text
        return super()._open(*args, **kwargs)

    def _translated(self, h: legal.LegalHead, p: Para) -> int:
        """A heading in the other language of a bilingual text (interleaved, by page or one after the other): join its clause."""
        unit = legal.effective_unit(h, self.ranks)
        rank = legal.RANK[unit]
        path = [x for x in self.path2 if legal.RANK[x[0]] < rank]
        number = legal.number_of(unit, h.n, h.sub, path)
        if unit != "article":
            self.path2 = path + [(unit, number)]
        target = self.opened.get(f"{path[-1][1]}.{number}" if path else "") or self.opened.get(number)
        if target is None:
            return 0
        target.lines.append(h.rest or p.text.strip())
        self.target = target
        return 1

    def _annex_part(self, h: legal.LegalHead, p: Para, nxt: Para | None) -> int:
        """"Teil II" inside "Anlage 3": a part of that annex (number "Anlage 3.pt2")."""
        annex = self.stack[0]
        heading, used = _part_heading(h, nxt)
        c = self._open(f"{annex.number}.pt{h.n}", (annex.tup[0], ("pt", h.n)), heading, annex.kind, 2, p.page)
        c.page_end = p.page_end or p.page
        return used

    def _structure(self, p: Para, nxt: Para | None, paras: list[Para], i: int) -> int:
        h = legal.parse_legal(p.text)
        if h is not None and self.lang0 and h.lang != self.lang0 and not self.in_annex:
            used = self._translated(h, p)
            if used:
                return used
        if h is not None and h.unit == "part" and self.in_annex and self.in_annex.startswith("#") and self.stack:
            return self._annex_part(h, p, nxt)
        if not self._accept(h):
            return super()._structure(p, nxt, paras, i)
        self.lang0 = self.lang0 or h.lang
        unit = legal.effective_unit(h, self.ranks)
        rank = legal.RANK[unit]
        path = [x for x in self.path if legal.RANK[x[0]] < rank]
        number = legal.number_of(unit, h.n, h.sub, [(u, num) for u, num, _ in path])
        cur = self.current
        if cur is not None and (cur.number == number or (h.n == self.last_n.get(unit) and number in self.used)):
            # the same heading again (an interleaved bilingual text): a translation line of the open clause
            cur.lines.append(h.rest if cur.number == number and h.rest else p.text.strip())
            return 1
        if number in self.used and path:
            number = f"{path[-1][1]}.{number}"  # numbering restarts per chapter: qualify by the chapter
        used = 1
        heading, text = "", h.rest
        bm = re.match(r"^[【\[(（]([^】\]()（）\d一二三四五六七八九十]{1,30})[】\])）]\s*(.*)$", h.rest, re.S)
        if bm:  # "第一条【立法目的】为了…", "Article 1 (Purpose) These …"
            heading, text = bm.group(1).strip(), bm.group(2).strip()
        elif h.rest and (unit != "article" or h.lang != "zh") and (is_heading_text(h.rest) or _styled_heading(p, h.rest)):
            heading, text = re.sub(r"^[(（]([^()（）]+)[)）]$", r"\1", h.rest), ""  # "Article 1 Purpose", "第一章 总则"; a Chinese article's rest is its text
        elif not h.rest and nxt is not None and nxt.kind == "para" and is_heading_text(nxt.text) and not self._starts_other(nxt.text) \
                and legal.parse_legal(nxt.text) is None and not LIST_RE.match(nxt.text.strip()):
            heading = nxt.text.strip()
            used = 2
        heading = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", heading)
        if unit == "article":
            kind = path[-1][2] if path else "other"
        else:
            kind = "terms" if re.search(r"用语|用語|定义|定義|术语|definitions?|interpretation", heading, re.I) else "other"
        self.path = path + ([(unit, number, kind)] if unit != "article" else [])
        self.last_n[unit] = h.n
        for u in list(self.last_n):
            if legal.RANK[u] > rank and u != "article":
                del self.last_n[u]  # sections restart in each chapter
        self.used.add(number)
        tup = tuple(("L", legal.RANK[u], num) for u, num, _ in path) + (("L", rank, number),)
        self.stack = [c for c in self.stack if c.tup and c.tup[0][0] == "L"]
        c = self._open(number, tup, heading, kind, rank + 1, p.page)
        self.opened[number] = c
        c.page_end = paras[i + used - 1].page_end or p.page
        if text:
            c.lines.append(text)
        return used


def _bold_title(rest: str, p: Para | None) -> bool:
    """A paragraph set wholly in bold (Markdown) after its number: a section title even when long or closed
    by a colon; it needs real words ("21 – O 2B" from a formula is none)."""
    r = rest.strip()
    return bool(p is not None and p.meta.get("bold") and r and len(r) <= 250 and r[-1] not in ".;。"
                and re.search(r"[^\W\d_]{3,}", r))


def _styled_heading(p: Para, rest: str) -> bool:
    """A heading paragraph (Markdown #, Word heading style) whose text is long or ends in an abbreviation."""
    return p.style.lower().startswith("heading") and len(rest) <= 300 and not rest.rstrip().endswith(("。", "；", ";", ":"))


def _part_heading(h: legal.LegalHead, nxt: Para | None) -> tuple[str, int]:
    if h.rest:
        return h.rest, 1
    if nxt is not None and nxt.kind == "para" and is_heading_text(nxt.text) and legal.parse_legal(nxt.text) is None:
        return nxt.text.strip(), 2
    return "", 1


def _drop_legal_toc(paras: list[Para], heads: list, ranks: dict[str, str]) -> list[Para]:
    """Drop a contents list of chapters: a chapter/section heading followed by another of the same or higher rank.

    A chapter never lacks articles, so such runs are contents lists; the last heading of a run (the real
    one) stays. The same heading repeated in another language (第一章 / Chapter I) does not count.
    """
    idx = [i for i, h in enumerate(heads) if h is not None]
    drop: set[int] = set()
    for k, a in enumerate(idx):
        ua = legal.effective_unit(heads[a], ranks)
        if ua == "article":
            continue
        b = next((j for j in idx[k + 1:] if (legal.effective_unit(heads[j], ranks), heads[j].n) != (ua, heads[a].n)), None)
        if b is None or legal.RANK[legal.effective_unit(heads[b], ranks)] > legal.RANK[ua]:
            continue
        between = [p for j, p in enumerate(paras[a + 1: b], a + 1) if heads[j] is None]
        if len(between) <= 2 and all(is_heading_text(p.text) for p in between):
            drop.update(range(a, b))
    return [p for i, p in enumerate(paras) if i not in drop] if drop else paras
