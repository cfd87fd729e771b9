"""Alignment units: the numbered clauses of a document and how each is shown to the embedder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.model import Clause, Document
from zmdocs.text.clausenum import ARTICLE_LINE_RE, CHAPTER_RE, CITED_NUMBER, is_clause_number
from zmdocs.text.sentences import FACET_SPLIT
from zmdocs.text.stdnum import find_standards

SKIP_KINDS = {"cover", "foreword", "introduction"}
# Kinds that may pair with each other in free mode (everything else pairs with its own kind).
KIND_GROUPS = {
    "requirements": "req",
    "test-methods": "test",
    "inspection-rules": "insp",
    "terms": "terms",
    "scope": "scope",
    "normative-references": "refs",
    "marking-packaging": "mark",
    "bibliography": "refs",
}
TEXT_CHARS = 500


@dataclass
class Unit:
    """One numbered clause ready for alignment."""

    index: int
    number: str
    heading: str
    text: str
    kind: str
    level: int
    parent: str | None  # number of the parent clause, if numbered
    clause_id: str
    indicators: list[int] = field(default_factory=list)  # indices into doc.indicators
    facets: list[str] = field(default_factory=list)  # sentences and table rows, for many-to-many matching
    grp: str = ""  # chapter kind read from the chapter heading when it refines `kind`

    @property
    def group(self) -> str:
        return self.grp or KIND_GROUPS.get(self.kind, "other")

    @property
    def top(self) -> str:
        return self.number.split(".")[0]


def segment_articles(doc: Document) -> list[Clause]:
    """Clauses cut from running text at article/section/chapter lines (regulations, laws)."""
    out: list[Clause] = []
    chapter: str | None = None
    for c in doc.clauses:
        if c.kind in SKIP_KINDS:
            continue
        for line in (c.text or "").split("\n"):
            line = line.strip()
            m = ARTICLE_LINE_RE.match(line)
            if m:
                num = re.sub(r"\s+", " ", m.group("num")).strip()
                is_ch = bool(CHAPTER_RE.match(num))
                rest = m.group("rest").strip()
                cl = Clause(id=f"{doc.id}#{num}", number=num, kind=c.kind, level=1 if is_ch else 2,
                            parent=None if is_ch else chapter)
                if is_ch:
                    cl.heading = rest
                    chapter = cl.id
                else:
                    cl.text = rest
                out.append(cl)
            elif out and line:
                out[-1].text = (out[-1].text + "\n" + line).strip()
    return out


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def clause_units(doc: Document) -> list[Unit]:
    """The numbered clauses of a document in order (cover, foreword, introduction left out)."""
    units: list[Unit] = []
    seen: set[str] = set()
    numbered = [c for c in doc.clauses if is_clause_number(c.number) and c.kind not in SKIP_KINDS]
    clauses = doc.clauses
    fallback = len(numbered) < 2
    if fallback:
        # a regulation the parser left as running text: cut it at 第N条 / Article N / Chapter N lines
        articles = segment_articles(doc)
        if len(articles) >= 2:
            clauses, fallback = articles, False
    by_id = {c.id: c for c in clauses}
    # a document without recognisable clause numbers still aligns, paragraph by paragraph
    for k, c in enumerate(clauses):
        num = (c.number or "").strip()
        if fallback:
            if c.kind in SKIP_KINDS or not (c.heading or c.text).strip():
                continue
            num = num or f"¶{k + 1}"
        elif not is_clause_number(num) or c.kind in SKIP_KINDS:
            continue
        if num in seen:
            continue
        seen.add(num)
        parent = by_id.get(c.parent) if c.parent else None
        units.append(
            Unit(
                index=len(units),
                number=num,
                heading=_clean(c.heading),
                text=_clean(c.text),
                kind=c.kind or "other",
                level=c.level or num.count(".") + 1,
                parent=parent.number if parent is not None and parent.number else _parent_number(num),
                clause_id=c.id,
            )
        )
    _refine_groups(units)
    _attach_indicators(doc, units)
    _attach_facets(doc, units)
    return units


# Chapter headings whose kind the parser's generic kinds miss: an annex of routine tests is the
# factory inspection (出厂检验) of a B-standard; an annex of test methods is a test method; a
# B-standard's 基本要求 (design, materials, process equipment, inspection capability) describes the
# enterprise, not the product, and has no counterpart in a product safety standard.
_CHAPTER_GROUPS = [
    ("insp", re.compile(r"routine tests?|production tests?|出厂检验|例行试验|型式检验|inspection rules|检验规则|stückprüfung|essais individuels", re.I)),
    ("test", re.compile(r"试验方法|测试方法|test methods?|methods? of (?:test|measurement)|prüfverfahren|méthodes? d'essai", re.I)),
    ("basic", re.compile(r"^(?:基本要求|basic requirements)$", re.I)),
]


def _refine_groups(units: list[Unit]) -> None:
    """Chapter kinds from chapter headings where they say more than the parsed kind."""
    head = {u.number: u.heading for u in units if u.parent is None}
    for u in units:
        h = head.get(u.top, "")
        for grp, rx in _CHAPTER_GROUPS:
            if h and rx.search(h) and (grp == "basic" or u.kind.startswith("annex") or KIND_GROUPS.get(u.kind) is None):
                u.grp = grp
                break


MAX_FACETS = 12


def _attach_facets(doc: Document, units: list[Unit]) -> None:
    """Each clause's sentences and table rows: a clause that covers several topics (a table of
    electrical-safety limits) can then pair with each clause of B that covers one of them."""
    pos = {u.clause_id: u for u in units}
    num = {u.number: u for u in units}
    for u in units:
        parts = [p.strip(" \t-—–") for p in FACET_SPLIT.split(u.text)]
        u.facets = [p for p in parts if len(p) >= 6][:MAX_FACETS]
    for t in doc.tables:
        ref = t.clause or ""
        u = pos.get(ref) or num.get(ref.split("#")[-1])
        if u is None:
            continue
        seen: set[str] = set()
        for row in t.body:
            cells = [c.strip() for c in row if c and c.strip()]
            if not cells or cells[0] in seen:
                continue
            seen.add(cells[0])
            label = " ".join(dict.fromkeys(cells))[:120]
            if t.caption:
                label = f"{t.caption}: {label}"
            if len(u.facets) < 3 * MAX_FACETS:
                u.facets.append(label)


def _parent_number(num: str) -> str | None:
    return num.rsplit(".", 1)[0] if "." in num else None


def _attach_indicators(doc: Document, units: list[Unit]) -> None:
    pos = {u.clause_id: u.index for u in units}
    num = {u.number: u.index for u in units}
    for i, ind in enumerate(doc.indicators):
        ref = ind.clause or ""
        j = pos.get(ref)
        if j is None:
            j = num.get(ref.split("#")[-1])
        if j is not None:
            units[j].indicators.append(i)


def unit_text(u: Unit, chars: int = TEXT_CHARS) -> str:
    """Heading + the first `chars` characters of text: what the embedder sees for a clause."""
    body = u.text[:chars]
    if u.heading and body:
        return f"{u.heading}. {body}"
    return u.heading or body or u.number


_AFTER = re.compile(
    rf"^\s*(?:[,，]\s*)?(?:中|的|之|clause|subclause|Abschnitt|article|article\s)?\s*(?:第\s*)?"
    rf"(?P<nums>{CITED_NUMBER}(?:\s*(?:和|、|及|与|或|至|,|，|and|or|und|et)\s*{CITED_NUMBER})*)\s*(?P<chap>章)?"
)
_ITS = re.compile(rf"其\s*(?:第\s*)?(?P<nums>{CITED_NUMBER}(?:\s*(?:和|、|及|与|或)\s*{CITED_NUMBER})*)")
_BEFORE = re.compile(rf"(?:clause|subclause|Abschnitt|article|paragraphe)\s+(?P<nums>{CITED_NUMBER})\s+(?:of|der|de\s+la|de\s+l')\s*$", re.I)


def cited_clauses(text: str) -> list[tuple[str, str]]:
    """(standard id, clause number) for every clause of another standard the text cites:
    'GB 4706.19—2024中13.2和16.2', 'GB 4706.19—2024第7章', 'clause 13.2 of IEC 60335-2-15'."""
    out: list[tuple[str, str]] = []
    for ref in find_standards(text):
        start, end = ref.span
        m = _AFTER.match(text[end : end + 60])
        if m:
            out += [(ref.id, n) for n in re.findall(CITED_NUMBER, m.group("nums"))]
        # '稳定性按其20.1进行试验': 其 ('its') refers back to the standard just named
        nxt = [r.span[0] for r in find_standards(text[end:])]
        tail = text[end : end + nxt[0]] if nxt else text[end:]
        out += [(ref.id, n) for m2 in _ITS.finditer(tail) for n in re.findall(CITED_NUMBER, m2.group("nums"))]
        m = _BEFORE.search(text[max(0, start - 40) : start])
        if m:
            out.append((ref.id, m.group("nums")))
    return out


def clause_by_unit(doc: Document) -> dict[str, Clause]:
    return {c.number: c for c in doc.clauses if c.number}
