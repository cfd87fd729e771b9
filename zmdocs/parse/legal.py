"""Legal/regulatory numbering: 第一章 / 第一节 / 第一条 (第 1 條), Chapter I / Section 1 / Article 1 / Art. 1 / § 1
(German Kapitel / Abschnitt / Artikel too).

Laws, regulations and their translations number articles instead of clauses. A document is
treated as legal when it has a run of at least three line-initial articles with increasing
numbers; in-sentence cross-references ("依照本法第十二条规定", "in accordance with Article 12")
never count, and neither do line-initial ones that continue a sentence ("第十二条规定的…",
"Article 12 of this Law …"). 款/项 items ((一), 1., (a)) stay text of their article.

Clause numbers are language-independent so the zh and en versions of one regulation align:
  article 第十二条 / 第 12 條 / Article 12 / Art. 12 / § 12  -> "12"
          (第十二条之一 / Article 12-1 / Article 12a / Article 12 bis -> "12-1")
  chapter 第一章 / Chapter I / CHAPTER 1                   -> "ch1"
  section 第二节 (in chapter 3) / Section 2 (when articles exist) -> "ch3.s2"
  part    第一编 / Part I                                   -> "pt1"
An English "Section N" is an article when the document has no "Article" headings (HK/US style).
Levels follow the units present: chapter 1, section 2, article 3 (article 2 without sections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zmdocs.text.clausenum import SUB_ARTICLE, legal_id
from zmdocs.text.numbers import cn_number, roman

_CN_DIGITS = "零〇一二两兩三四五六七八九十百千"
_ZH_UNITS = {"编": "part", "編": "part", "章": "chapter", "节": "section", "節": "section", "条": "article", "條": "article"}
_EN_UNITS = {"part": "part", "chapter": "chapter", "section": "section", "article": "article", "art.": "article", "§": "article",
             "teil": "part", "kapitel": "chapter", "abschnitt": "section", "artikel": "article"}
RANK = {"part": 0, "chapter": 1, "section": 2, "article": 3}

_ZH_HEAD = re.compile(
    rf"^第\s*(?P<n>\d{{1,4}}|[{_CN_DIGITS}]{{1,8}})\s*(?P<u>[编編章节節条條])"
    rf"(?:\s*之\s*(?P<sub>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}))?(?P<sp>\s*)(?P<rest>.*)$",
    re.S,
)
_WORDS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_EN_HEAD = re.compile(
    r"^(?P<u>part|chapter|section|article|art\.|§|teil|kapitel|abschnitt|artikel)\s*(?P<n>\d{1,4}|[IVXLC]{1,7}|" + "|".join(_WORDS) + r")(?:-(?P<subn>\d{1,2})|(?P<sub>[a-z])|\s+(?P<lat>bis|ter|quater)\b)?"
    r"(?=\s|$|[.:：—–])(?P<rest>.*)$",
    re.S | re.I,
)
# what follows a line-initial number when it is a cross-reference continuing a sentence, not a heading
_ZH_CONT = re.compile(r"^(?:的|规定|規定|款|项|項|[、，,。；;）)])")  # also after a space
_ZH_CONT_TIGHT = re.compile(r"^(?:所|中的|和|或|及|与|至|到|第|之|条|條|等|以外|以及)")  # only right after the number
_EN_CONT = re.compile(r"^(?:,|;|\)|and\b|or\b|of\b|to\b|in\b|shall\b|must\b|may\b|does\b|applies\b|apply\b|above\b|below\b|hereof\b|is\b|are\b)", re.I)


@dataclass
class LegalHead:
    """A line-initial legal heading: unit (part/chapter/section/article), number, suffix, text after it."""

    unit: str
    n: int
    sub: int = 0
    rest: str = ""
    lang: str = "zh"


# German ordinal headings: "1. Abschnitt - Allgemeine Vorschriften", "2. Kapitel Überwachung"
_DE_ORD = re.compile(r"^(?P<n>\d{1,3})\.\s*(?P<u>Abschnitt|Kapitel|Teil|Unterabschnitt)\b\s*(?:[-–—:]\s*)?(?P<rest>.*)$", re.S)
_DE_UNITS = {"abschnitt": "section", "unterabschnitt": "section", "kapitel": "chapter", "teil": "part"}


def parse_legal(text: str) -> LegalHead | None:
    """The legal heading at the start of a paragraph, or None (also for sentence-continuing cross-references)."""
    t = text.strip()
    m = _ZH_HEAD.match(t)
    if m:
        n = cn_number(m.group("n"))
        if n is None:
            return None
        rest = m.group("rest").strip()
        if _ZH_CONT.match(rest) or (not m.group("sp") and _ZH_CONT_TIGHT.match(rest)):
            return None
        sub = cn_number(m.group("sub")) if m.group("sub") else 0
        return LegalHead(_ZH_UNITS[m.group("u")], n, sub or 0, rest.lstrip("　:：、.—– "), "zh")
    m = _DE_ORD.match(t)
    if m and not m.group("rest")[:1].islower():
        return LegalHead(_DE_UNITS[m.group("u").lower()], int(m.group("n")), 0, m.group("rest").strip(), "de")
    m = _EN_HEAD.match(t)
    if not m:
        return None
    u = m.group("u")
    if u != "§" and not (u[0].isupper()):
        return None  # "article 5" in lower case is running text
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else (_WORDS.get(raw.lower()) or roman(raw))
    if not n:
        return None
    rest = m.group("rest")
    if rest[:1] == "(" or re.match(r"^[.:]\d", rest) or _EN_CONT.match(rest.strip()):  # "§ 1910.1": a dotted number
        return None  # "Article 12(1) applies", "Article 12 of this Law"
    rest = rest.strip()
    rest = re.sub(r"^[.:：—–\-]\s*", "", rest)
    if rest[:1].islower():
        return None  # "Section 5 specifies …" continues a sentence
    # "Article 12-1" / "Article 12a" / "Article 12 bis" all render 第十二条之一 -> "12-1"
    sub = int(m.group("subn")) if m.group("subn") else ord(m.group("sub").lower()) - 96 if m.group("sub") else \
        SUB_ARTICLE.get((m.group("lat") or "").lower(), 0)
    unit = _EN_UNITS[u.lower()]
    lang = "de" if u.lower() in ("teil", "kapitel", "abschnitt", "artikel") else "en"
    return LegalHead(unit, n, sub, rest, lang)


def unit_ranks(heads: list[LegalHead]) -> dict[str, str]:
    """Map each written unit to its rank unit: an English 'section' is an article when no 'article' exists."""
    has_article = any(h.unit == "article" and h.lang == "en" for h in heads)
    has_en = any(h.lang == "en" for h in heads)
    return {"section_en": "section" if has_article or not has_en else "article"}


def effective_unit(h: LegalHead, ranks: dict[str, str]) -> str:
    """The rank unit of a heading after the document-wide Section rule."""
    if h.unit == "section" and h.lang == "en":
        return ranks.get("section_en", "section")
    return h.unit


def detect(texts: list[str]) -> dict[str, str] | None:
    """The unit map when the paragraphs use legal numbering consistently (≥3 increasing articles), else None."""
    heads = [h for h in (parse_legal(t) for t in texts) if h is not None]
    if not heads:
        return None
    ranks = unit_ranks(heads)
    arts = [h.n for h in heads if effective_unit(h, ranks) == "article"]
    arts = [a for i, a in enumerate(arts) if i == 0 or a != arts[i - 1]]  # a bilingual text repeats each number
    if len(set(arts)) < 3:
        return None
    ups = sum(1 for a, b in zip(arts, arts[1:], strict=False) if b > a)
    if ups < 2 or ups < 0.5 * (len(arts) - 1):
        return None
    return ranks


def number_of(unit: str, n: int, sub: int, path: list[tuple[str, str]]) -> str:
    """The language-independent clause number (see the module docstring); `path` holds open (unit, number) containers."""
    above = [num for u, num in path if RANK[u] < RANK["section"]] if unit == "section" else []
    return legal_id(unit, n, sub, above[-1] if above else None)
