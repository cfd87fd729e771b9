"""Clause-number grammar: GB/T 1.1 and ISO/IEC numbers (5.2.1, A.1), articles and chapters of laws,
and the language-independent ids of legal numbering.

Legal ids (built by `legal_id`, read back by `norm_number`): article 第十二条 / Article 12 -> "12",
第十二条之一 / Article 12-1 / Article 12a / Article 12 bis -> "12-1", chapter 第一章 / Chapter I -> "ch1",
section 2 of chapter 3 -> "ch3.s2", part I -> "pt1". `norm_number` is the comparison key: the same id
upper-cased ("CH1"), so a parsed "ch1" and a written "Chapter I" compare equal.
"""

from __future__ import annotations

import re

from zmdocs.text.numbers import cn_number, roman

_CJK = r"\u3400-\u9fff\uf900-\ufaff"

# "5", "5.2.3", "A.1", "NA.2" then a space, a CJK char, or the end of the paragraph.
# A trailing dot ("3.6.3.", "1.") is how UNECE and many regulations print their numbers.
# A dash after the number ("1- SCOPE", "4.1- Heading", "3.2 - Heading") is how Gulf (GSO), several Arab and
# Asian national and older standards print theirs: the dash is followed by a space and then a letter, so
# "5-10 mm" (a range), "2000-05-15" (a date) and "1- 2" (a table cell) never read as a number and a heading.
_DASH_SEP = r"[ \t]?[-\u2010-\u2013\u2212][ \t]+(?=[^\W\d_])"
CLAUSE_RE = re.compile(
    rf"^(?P<num>(?:\d{{1,3}}|[A-Z]{{1,2}}\.\d{{1,3}})(?:\.\d{{1,3}}){{0,6}})"
    rf"(?:(?P<dash>{_DASH_SEP})|\.?(?:\s+|(?=[{_CJK}])|$))(?P<rest>.*)$",
    re.S,
)

# "8位值", "2个", "3次": a number glued to a measure word is a quantity, never a clause number.
_QUANTITY = re.compile(r"^\d{1,3}(?:位|个|字节|次|项|种|倍|名|只|台|块|路|层|年|月|日|天|周|小时|分钟|秒|克|千克|公斤|米|厘米|毫米|伏|安|瓦|元|份|帧|比特|片|张|根|条|组|级|档|挡)")

# A whole clause number as GB/T 1.1 and ISO/IEC Part 2 write them: 5, 5.2.1, A, A.1, A.1.2.
NUMBER_RE = re.compile(r"^(?:\d+(?:\.\d+)*|[A-Z]{1,2}(?:\.\d+)*)$")
# A clause number written alone in a table cell or a method column ("13.2", "A.1"; never "0.5", a value).
CLAUSE_NO = re.compile(r"^(?:[A-Z]{1,2}\.)?[1-9]\d{0,2}(?:\.\d{1,3}){0,5}$")
# A clause number cited inside running text ("13.2", "A.1.2").
CITED_NUMBER = r"(?:\d{1,3}(?:\.\d{1,3})*|[A-Z]{1,2}\.\d{1,3}(?:\.\d{1,3})*)"
# Articles and sections of regulations: 第十二条, Article 12, Art. 12, § 12, Section 12.
ARTICLE_RE = re.compile(
    r"^(?:第\s*(?P<zh>[零〇一二两三四五六七八九十百千\d]+)\s*[条章节款]|(?:Article|Art\.?|Artikel|Section|Sec\.?|§)\s*(?P<n>\d+[a-z]?))$",
    re.I,
)
CHAPTER_RE = re.compile(r"^(?:第\s*(?P<zh>[零〇一二两三四五六七八九十百千\d]+)\s*章|(?:Chapter|CHAPTER|Kapitel|Chapitre)\s+(?P<n>[IVXLC]+|\d+))$")
# A line that starts an article, section or chapter, with the text after it.
ARTICLE_LINE_RE = re.compile(
    r"^(?P<num>第\s*[零〇一二两三四五六七八九十百千\d]+\s*[条章节]|(?:Article|Art\.|Artikel|Section|§)\s*\d+[a-z]?"
    r"|(?:Chapter|CHAPTER|Kapitel|Chapitre)\s+(?:[IVXLC]+|\d+))(?=[\s.:：、]|$)\s*[.:：]?\s*(?P<rest>.*)$"
)
# The ids `legal_id` writes: "12", "12-1", "ch1", "ch3.s2", "s2", "pt1".
LEGAL_ID_RE = re.compile(r"^(?:\d+-\d+|(?:pt\d+\.)?(?:ch\d+)(?:\.s\d+)?|pt\d+|s\d+)$", re.I)
LEGAL_PREFIX = {"part": "pt", "chapter": "ch", "section": "s"}
SUB_ARTICLE = {"bis": 1, "ter": 2, "quater": 3}


# "60.4.4.2.1. 152 mm for …": a number of three or more levels closed by a dot (regulation style) opens a clause
# even when a quantity follows; a value or a one-level list item ("1. 5 kg of sample") is never printed so.
_DEEP_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3}){2,6}\.\s")


def deep_dotted(text: str) -> bool:
    """True when a paragraph starts with a dotted number of three or more levels and its closing dot."""
    return bool(_DEEP_DOTTED.match((text or "").strip()))


def quantity_start(text: str) -> bool:
    """True when a paragraph starts with a number glued to a Chinese measure word ("8位值")."""
    return bool(_QUANTITY.match(text.strip()))


# OCR'd and loosely typeset numbers: a space on one side of an inner dot ("7 .1", "6. 1.1", "7.2. l", UNECE's
# "7. 6.") and a letter l/I read for the digit 1 next to a dot ("5.4.l"). Repaired only at the start of a
# paragraph, before a word.
_OCR_SPACED_ONE = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,5}\.) (l)(?=\s)")  # "7.2. l" -> "7.2.l"
_OCR_ONE = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,5}\.)[lI](?=\s+[^\W\d_])")
# not before a lower-case word: "1. 5 kg of sample", "3. 5 specimens" are a list item and its quantity
_OCR_GAP = re.compile(r"^(\d{1,3}(?:\s?\.\s?\d{1,3}){1,6})(?=\.?\s+(?![a-zµ])[^\W\d_])")


def repair_ocr_number(text: str) -> str:
    """'7 .1 The …' -> '7.1 The …', '5.4.l Determination …' -> '5.4.1 Determination …' (OCR artefacts)."""
    t = text.strip()
    if not t[:1].isdigit():
        return t  # every repair starts at a digit (most paragraphs: a quick exit)
    t = _OCR_ONE.sub(lambda m: m.group(1) + "1", _OCR_SPACED_ONE.sub(r"\1\2", t))
    m = _OCR_GAP.match(t)
    if m and " " in m.group(1):
        num = m.group(1)
        if re.search(r"\d \.|\. \d", num) and not re.search(r"\d \d", num):
            t = re.sub(r"\s", "", num) + t[m.end():]
    return t


def split_number(text: str) -> tuple[str, str] | None:
    """(number, rest) when the paragraph starts with a clause-number-shaped token."""
    m = CLAUSE_RE.match(repair_ocr_number(text))
    if not m:
        return None
    return m.group("num"), m.group("rest").strip()


def number_tuple(num: str) -> tuple:
    """'5.2.3' -> (5, 2, 3); 'A.1' -> ('A', 1)."""
    return tuple(int(p) if p.isdigit() else p for p in num.split("."))


def sub_article(suffix: str) -> int:
    """The sub-article number of a suffix: 'a' -> 1, 'b' -> 2, 'bis' -> 1, '2' -> 2; 0 when none."""
    s = (suffix or "").strip().lower()
    if s.isdigit():
        return int(s)
    if len(s) == 1 and "a" <= s <= "z":
        return ord(s) - 96
    return SUB_ARTICLE.get(s, 0)


def legal_id(unit: str, n: int, sub: int = 0, above: str | None = None) -> str:
    """The language-independent id of a legal unit; `above` is the id of the chapter holding a section."""
    if unit == "article":
        return f"{n}-{sub}" if sub else str(n)
    own = f"{LEGAL_PREFIX[unit]}{n}"
    return f"{above}.{own}" if unit == "section" and above else own


def _zh_int(zh: str) -> str:
    v = cn_number(zh)
    return str(v) if v is not None else zh  # not a number: keep it as written


def norm_number(num: str) -> str:
    """Comparable clause number: '5.2.' -> '5.2', '第十二条' -> '12', 'Article 12a' -> '12-1', 'Chapter II' -> 'CH2'."""
    n = re.sub(r"\s+", "", num or "").rstrip(".")
    m = CHAPTER_RE.match((num or "").strip()) or CHAPTER_RE.match(n)
    if m:
        r = m.group("n")
        if r:
            v = int(r) if r.isdigit() else roman(r)
            return legal_id("chapter", v).upper() if v else f"CH{r}"
        return f"CH{_zh_int(m.group('zh'))}"
    m = ARTICLE_RE.match(n) or ARTICLE_RE.match((num or "").strip())
    if m:
        if m.group("n"):
            a = re.fullmatch(r"(\d+)([a-z]?)", m.group("n").lower())
            return legal_id("article", int(a.group(1)), sub_article(a.group(2))) if a else m.group("n").lower()
        return _zh_int(m.group("zh"))
    return n.upper()


def is_clause_number(num: str) -> bool:
    """A clause number: 5.2.1, A.1, an article or chapter as written, or a legal id the parser gave."""
    n = (num or "").strip().rstrip(".")
    return bool(NUMBER_RE.match(n) or ARTICLE_RE.match(n) or CHAPTER_RE.match(n) or LEGAL_ID_RE.match(n))
