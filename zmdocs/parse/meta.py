"""Document metadata from the cover and foreword: id, ICS, CCS, titles, dates, replaces, adoption.

Works on the paragraphs before the first structural element (the cover) and on the foreword;
never fails: a document without a cover gets its id from the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

from zmdocs.model import Adoption, Document
from zmdocs.text.lang import cjk_ratio, detect_lang
from zmdocs.text.stdnum import StdRef, family_of, find_standards, same_standard, tier_of

# "2017-09-29", "2017年9月29日", and the spaced dashes of some covers "2017 – 09 – 29"
_DATE = (r"(?:19|20)\d{2}(?:\s*[-./年]\s*|\s+[–—]\s+)(?:\d{1,2}(?!\d)|XX|xx|××)"
         r"(?:(?:\s*[-./月]\s*|\s+[–—]\s+)(?:\d{1,2}(?!\d)|XX|xx|××)\s*日?)?")
_PUB = re.compile(rf"({_DATE})\s*发\s*布|(?:publication\s+date|date\s+of\s+publication|published|ausgabe(?:datum)?|ausfertigungsdatum|date\s+de\s+publication)\s*[:：]?\s*({_DATE})", re.I)
_IMPL = re.compile(rf"({_DATE})\s*实\s*施|(?:implementation\s+date|date\s+of\s+implementation|effective\s+date|gültig\s+ab|date\s+de\s+mise\s+en\s+application)\s*[:：]?\s*({_DATE})", re.I)
# Gulf and other national covers date a standard by its approval, day first, the Hijri date before the Gregorian one:
# "Date of GSO Board of Directors' Approval 11- 6- 1421 (9-9-2000)", "Approved on 12/03/2017"
_APPROVED = re.compile(r"(?:\bDate\s+of\b[^\n]{0,60}?\bApproval\b|\bApprov(?:al\s+date|ed\s+(?:on|in))\b)[^\n]{0,40}?"
                       r"(?<![\d/.-])(0?[1-9]|[12]\d|3[01])\s*[-/.]\s*(0?[1-9]|1[0-2])\s*[-/.]\s*((?:19|20)\d{2})(?!\d)", re.I)
_ANY_DATE = re.compile(rf"\b({_DATE})\b")
_MONTHS = {
    "januar": 1, "january": 1, "janvier": 1, "februar": 2, "february": 2, "février": 2, "märz": 3, "march": 3, "mars": 3,
    "april": 4, "avril": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "juin": 6, "juli": 7, "july": 7, "juillet": 7,
    "august": 8, "août": 8, "september": 9, "septembre": 9, "oktober": 10, "october": 10, "octobre": 10,
    "november": 11, "novembre": 11, "dezember": 12, "december": 12, "décembre": 12,
}
_DAY_MONTH_YEAR = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.?[ \t]+(" + "|".join(_MONTHS) + r")[ \t]+((?:19|20)\d{2})\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d{2})\b", re.I)
# a labelled month: DIN's "Ausgabe Februar 2020", "Published: March 2020"
_PUB_MONTH = re.compile(r"(?:\bausgabe|\bpublished|publication\s+date|date\s+of\s+publication|date\s+de\s+publication)\s*[:：]?\s*"
                        r"(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d{2})\b", re.I)
_ICS = re.compile(r"\bICS\s*[:：]?\s*(\d{2}\.\d{3}(?:\.\d{2})?(?:\s*[;；,，]?\s*\d{2}\.\d{3}(?:\.\d{2})?)*)")
_CCS = re.compile(r"\b(?:CCS|中国标准文献分类号)\s*[:：]?\s*([A-Z])\s?(\d{2})\b")
_OLD_CCS = re.compile(r"^([A-Z])\s?(\d{2})$")
_REPLACES = re.compile(r"(?:代替|替代|replaces?|supersedes?|ersatz\s+für|ersetzt|remplace)", re.I)
_LABEL = re.compile(
    r"(?:中华人民共和国|国家标准$|行业标准$|团体标准$|地方标准$|企业标准$|^浙江制造|征求意见稿|送审稿|报批稿|发\s*布$|实\s*施$|^ICS\b|^CCS\b|"
    r"ICS\s*[:：]?\s*\d{1,2}[.\s]|^CCS\s*[:：]?\s*[A-Z]\s?\d{2}\b|"  # "ICS43.020", "CCST04" set without a space
    r"^INTERNATIONAL\s+STANDARD|^NORME\s+INTERNATIONALE|^EUROPEAN\s+STANDARD|^EUROPÄISCHE\s+NORM|^NORME\s+EUROPÉENNE|^DEUTSCHE\s+NORM|"
    r"^(?:INTERNATIONAL\s+)?(?:RECOMMENDATION|DOCUMENT|GUIDE)$|^RECOMMANDATION\s+INTERNATIONALE$|"
    r"^(?:ORGANISATION|INTERNATIONAL\s+ORGANI[SZ]ATION|Commission)\b|\b(?:Organi[sz]ation|Commission|Committee|Institute|Association|Council|Federation)$|"  # publisher lines (OIML, IHO)
    r"\bOrgani[sz]ation(?:\s+for\s+(?:the\s+)?[\w.]+)?\s*\([A-Z][A-Za-z.]{1,7}\)$|"  # "STANDARDIZATION ORGANIZATION FOR G.C.C (GSO)"
    r"^UNITED\s+NATIONS$|^NATIONS\s+UNIES$|^Revision\s+\d+$|^(?:Incorporating|Covering)\s+all\b|^(?:Addendum|Supplement|Corrigendum|Amendment)\s+\d|series\s+of\s+amendments|"  # UN regulation status lines
    r"\bEdition\s+\d|^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th))\s+edition\b|"
    r"^(?:Première|Deuxième|Troisième|Quatrième|Cinquième|\d+e)\s+édition\b|^Ausgabe|^Ersatz|^Replaces|^Supersedes|^Preisgruppe|^Price\s+code|^Gesamtumfang|^Normenausschuss|copyright|©|版权|"
    r"示例|示范|sample|illustrative|beispiel|exemple|^DKE\b|^DIN\s+Deutsches|^VDE\b|^Vervielfältigung|^Reference\s+number|^Numéro\s+de\s+référence|"
    r"发布$|联合会|委员会|管理局|Deutsche\s+Fassung|English\s+version|Version\s+française|备\s*案\s*号|出版|印刷|^Published\s+by|^Publisher|"
    r"^\d+[a-z]?\s+(?:quai|rue|avenue|street|road)\b|^Tel\b|^Fax\b|^E-?mail\b|^www\.|https?://|@)",
    re.I,
)

# Adoption statements: (regex, relation). The standard is the first international/foreign ref after the match.
_ADOPT = [
    (r"等同采用", "IDT"), (r"修改采用", "MOD"), (r"非等效采用", "NEQ"), (r"等效采用", "MOD"), (r"参照采用|参考采用", "NEQ"),
    (r"is\s+identical\s+(?:to|with)|identical\s+adoption\s+of|adopts?\s+\S*\s*identically", "IDT"),
    (r"modified\s+adoption\s+of|is\s+(?:a\s+)?modified\s+(?:from|version\s+of)|modified\s+from", "MOD"),
    (r"not\s+equivalent\s+(?:to|with)", "NEQ"),
    (r"identisch\s+mit|unverändert|ohne\s+(?:jede\s+)?Abänderung", "IDT"), (r"modifiziert", "MOD"),
    (r"identique\s+à|sans\s+modification", "IDT"), (r"modifiée?", "MOD"),
]
_ADOPT_RE = [(re.compile(p, re.I), r) for p, r in _ADOPT]
_COVER_ADOPT = re.compile(r"[（(]\s*([^（）()]{4,60}?)\s*[,，]\s*(IDT|MOD|NEQ|idt|mod|neq|eqv|EQV|modified|identical)\s*[)）]")


_PLACEHOLDER = re.compile(r"^\s*(T\s*/\s*[A-Z]{2,10}|GB(?:\s*/\s*[TZ])?|DB\d+(?:/T)?|[A-Z]{2}/T)\s*([X×x]{3,6})\s*[—–\-－]{1,2}\s*((?:19|20)\d{2}|[X×x]{4})\s*$")
_STATUS = re.compile(r"(征求(?:[a-z]{1,3})?意见稿|送审稿|报批稿)")  # an OCR layer may slip a few letters in: "征求elt意见稿"
# "Regulation No. 7" on a UNECE cover, "Regulation No 24 of the Economic Commission for Europe of the United Nations" in the OJ
_UN_COVER = re.compile(r"(?:^|[:：]\s*|\b)Regulation\s+No\.?\s*(\d{1,3})\b(?=\s*(?:$|of\s+the\s+Economic\s+Commission|[—–\-(]|Revision|Rev\.))", re.I)
_UN_CONTEXT = re.compile(r"E/ECE/|United\s+Nations|UN/ECE|UNECE|Economic\s+Commission\s+for\s+Europe", re.I)
_JOURNAL = re.compile(r"Official\s+Journal\s+of\s+the\s+European\s+(?:Union|Communities)|Journal\s+officiel\s+de\s+l.Union|Amtsblatt\s+der\s+Europäischen", re.I)
_IHO_COVER = re.compile(r"^(?:IHO(?:-IOC)?\s+)?(?:Publication\s+)?([SBCMP])-\s?(\d{1,3})\b")


def _fmt_date(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    parts = re.split(r"[-./年月日–—]", s)
    parts = [p for p in parts if p]
    out = [parts[0]] + [p.zfill(2) if p.isdigit() else p for p in parts[1:3]]
    return "-".join(out)


def id_from_filename(path: str) -> str:
    """A standard number guessed from a file name ('GB-4706.19-2024-kettle.pdf' -> 'GB 4706.19—2024'), else the stem."""
    stem = Path(path).stem if path else ""
    s = stem.replace("_", " ")
    s = re.sub(r"^T-([A-Za-z]+)-", r"T/\1 ", s)
    s = re.sub(r"^(GB|DB\d+|[A-Z]{2})-?([TZ])-", r"\1/\2 ", s)
    s = re.sub(r"^(GB|DB\d+|[A-Z]{2})T-", r"\1/T ", s)
    s = re.sub(r"^(GB|DB\d+|[A-Z]{2})-(?=\d)", r"\1 ", s)
    s = re.sub(r"^((?:DIN|BS|NF)-EN|DIN|BS|NF|EN|ISO-IEC|ISO|IEC|ASTM|UL|JIS|CISPR|IEEE)-", lambda m: m.group(1).replace("-", " ").replace("ISO IEC", "ISO/IEC") + " ", s)
    refs = find_standards(s)
    if refs and refs[0].span[0] == 0:
        r = refs[0]
        if r.year is None:
            m = re.match(r"(.*\d)-((?:19|20)\d{2})$", r.number)
            if m:
                sep = "—" if tier_of(r.family) == "domestic" else ":"
                return f"{r.family} {m.group(1)}{sep}{m.group(2)}"
        return r.id
    return stem


def _with_year(ref: StdRef, year: int | None) -> str:
    if ref.year or not year:
        return ref.id
    sep = "—" if tier_of(ref.family) == "domestic" else ":"
    return f"{ref.id}{sep}{year}"


def find_adoption(text: str) -> Adoption | None:
    """The adoption statement (IDT/MOD/NEQ + international standard) in a cover or foreword text."""
    for m in _COVER_ADOPT.finditer(text):
        refs = [r for r in find_standards(m.group(1)) if tier_of(r.family) != "domestic"]
        if refs:
            rel = {"EQV": "MOD", "MODIFIED": "MOD", "IDENTICAL": "IDT"}.get(m.group(2).upper(), m.group(2).upper())
            return Adoption(relation=rel, standard=refs[0].id, text=m.group(0))
    for sent in re.split(r"(?<=[。；;！？])|(?<=[.!?])\s+", text):
        for rx, rel in _ADOPT_RE:
            m = rx.search(sent)
            if not m:
                continue
            refs = [r for r in find_standards(sent) if tier_of(r.family) != "domestic"]
            if not refs:
                continue
            after = [r for r in refs if r.span[0] >= m.start()] or refs
            return Adoption(relation=rel, standard=after[0].id, text=sent.strip()[:300])
    return None


def _ocr_junk(t: str) -> bool:
    """An OCR layer's reading of a logo or seal, a garbled code line: "rH > Be, De A EB] Es]", "| MEE La",
    "LIC S0 649.020 GB" (stray brackets and bars, short fragments, no real word)."""
    if cjk_ratio(t) > 0.3:
        return False
    stray = re.search(r"[|{}]", t) or t.count("]") > t.count("[")
    words = re.findall(r"[A-Za-z]+", t)
    return bool(stray) or not any(len(w) >= 4 for w in words) or (
        len(words) >= 4 and not any(len(w) >= 6 for w in words) and sum(len(w) <= 2 for w in words) >= 0.6 * len(words))


def _is_title_line(t: str) -> bool:
    if not t or _REPLACES.match(t) or _PLACEHOLDER.match(t) or _LABEL.search(t) or _LABEL.search(re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", t)) or _COVER_ADOPT.search(t) or re.fullmatch(r"[A-Z]{1,4}(?:\s*/\s*[A-Z]{1,8})?", t):
        return False
    if find_standards(t) and len(t) < 60 and re.match(r"^[\sA-Z/]*\d", t):
        return False
    if _ANY_DATE.search(t) or _MONTH_YEAR.search(t) or _OLD_CCS.match(t):
        return False
    if re.search(r"[。]$|\.\s*$", t) and len(t) > 60 or _ocr_junk(t):
        return False
    if re.fullmatch(r"[\d\s.\-—:：/()（）]+|[\W_]+|(?:[A-Z]\s+){1,3}[A-Z]|[A-Z]{1,4}-\s?\d[\d.\-]*", t):
        return False  # numbers, rules "_____", split logo letters "E E", a bare designation "S-102"
    return len(t) <= 200


_NOT_PUBLISHED = re.compile(r"entry\s+into\s+force|\bdated\s+\d|Depositary\s+Notification|entered\s+into\s+force", re.I)


def _cover_date(text: str, implemented: str) -> str:
    """A cover date without a 发布/published label: "22 November 2012", a month on a line of its own at the top,
    else the first numeric date. A month in an edition line ("Edition 2.0.0 – October 2019") or deep in the front
    matter (a document-history row "May 2017") dates an edition, not a publication."""
    text = "\n".join(ln for ln in text.splitlines() if not _NOT_PUBLISHED.search(ln))
    dmy = _DAY_MONTH_YEAR.search(text)
    if dmy:
        return f"{dmy.group(3)}-{_MONTHS[dmy.group(2).lower()]:02d}-{int(dmy.group(1)):02d}"
    for line in text.splitlines()[:12]:  # a month standing alone at the top of the cover: "July 2016" (EN)
        my = _MONTH_YEAR.fullmatch(line.strip())
        if my:
            return f"{my.group(2)}-{_MONTHS[my.group(1).lower()]:02d}"
    cands = [d for d in _ANY_DATE.findall(text) if d != implemented]
    return _fmt_date(cands[0]) if cands else ""


def _copyright_ref(line: str, r: StdRef) -> bool:
    """"© ISO 2023", "Copyright IEC 2019": a publisher and a year, not a standard number."""
    before = line[: r.span[0]]
    return bool(re.search(r"(?:©|\(c\)|copyright)\s*$", before, re.I)) or (
        bool(re.fullmatch(r"(?:19|20)\d{2}", r.number)) and bool(re.search(r"©|copyright|all\s+rights", line, re.I)))


def _special_id(cover: list[str]) -> str | None:
    """Ids a cover prints without a standard-number prefix: UN regulations and IHO publications."""
    head = cover[:60]
    text = "\n".join(head)
    if _UN_CONTEXT.search(text):
        for line in head:
            m = _UN_COVER.search(line.strip())
            if m:
                return f"UN Regulation No. {m.group(1)}"
    if re.search(r"International\s+Hydrographic|\bIHO\b", text):
        for line in head:
            m = _IHO_COVER.match(line.strip())
            if m:
                return f"IHO {m.group(1)}-{m.group(2)}"
    return None


def _journal_date(running: list[str]) -> str:
    """The issue date an Official Journal prints in its running head ("24.11.2006 EN Official Journal of the
    European Union L 326/1"): the publication date of an act that has no dated cover."""
    for line in running:
        if _JOURNAL.search(line):
            m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b", line)
            if m:
                return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return ""


def _dates(text: str, running: list[str] | None = None) -> tuple[str, str, int | None]:
    """(publication date, implementation date, publication year) printed on the cover."""
    published = implemented = ""
    m = _PUB.search(text)
    if m:
        published = _fmt_date(m.group(1) or m.group(2))
    m = _IMPL.search(text)
    if m:
        implemented = _fmt_date(m.group(1) or m.group(2))
    if not published and (am := _APPROVED.search(text)):
        published = f"{am.group(3)}-{int(am.group(2)):02d}-{int(am.group(1)):02d}"
    if not published:
        pm = _PUB_MONTH.search(text)
        published = f"{pm.group(2)}-{_MONTHS[pm.group(1).lower()]:02d}" if pm else _journal_date([*(running or []), *text.splitlines()])
    if not published:
        published = _cover_date(text, implemented)
    ym = re.match(r"((?:19|20)\d{2})", published)
    return published, implemented, int(ym.group(1)) if ym else None


def _cover_numbers(cover: list[str]) -> tuple[StdRef | None, list[str]]:
    """The document's own number (the first standard number on the cover not after 代替/Replaces)
    and the numbers it replaces."""
    own: StdRef | None = None
    replaces: list[str] = []
    for line in cover[:60]:  # only the cover gives the id, never a reference deep in a garbled text
        rm = _REPLACES.search(line)
        for r in find_standards(line):
            if rm and r.span[0] >= rm.start():
                replaces.append(r.id)
            elif own is None and r.family != "VDE" and not _copyright_ref(line, r) and not re.search(r"(?:Fassung|version|Version|Reference\s+number)\s*$", line[: r.span[0]]) and not re.search(r"[（(]\s*$", line[: r.span[0]]) and not _COVER_ADOPT.search(line):
                own = r
    return own, replaces


def _placeholder(cover: list[str]) -> str | None:
    """A draft's placeholder number: "T/ZZB XXXX—2026"."""
    for line in cover:
        m = _PLACEHOLDER.search(line)
        if m:
            fam_txt = re.sub(r"\s+", "", m.group(1))
            return f"{fam_txt} {m.group(2).upper().replace('×', 'X')}—{m.group(3).upper().replace('×', 'X')}"
    return None


def _set_id(doc: Document, cover: list[str], text: str, source: str, running: list[str] | None,
            year: int | None) -> list[str]:
    """Set id, status, family, number and year on `doc`; return the numbers the cover says it replaces."""
    own, replaces = _cover_numbers(cover)
    placeholder = _placeholder(cover) if own is None else None
    special = None if own is not None or placeholder is not None else _special_id(cover)
    if own is None and placeholder is None and special is None:
        for line in running or []:
            refs = [r for r in find_standards(line) if r.family != "VDE" and not _copyright_ref(line, r)]
            if refs:
                own = refs[0]
                break
    if own is not None and own.year is None and year is None and tier_of(own.family) == "international":
        em = re.search(r"\bEdition\s+((?:19|20)\d{2})\b", text)  # OIML/ISO covers: "Edition 2021 (E)"
        year = int(em.group(1)) if em else None
    doc.id = _with_year(own, year) if own else (placeholder or special or id_from_filename(source))
    sm = _STATUS.search(re.sub(r"\s+", "", "\n".join(cover[:40])))
    doc.status = re.sub(r"[a-z]", "", sm.group(1)) if sm else "final"
    fam = family_of(doc.id) or (doc.id.split(" ")[0] if placeholder and doc.id == placeholder else "")
    doc.family = fam
    refs = find_standards(doc.id)
    if refs:
        doc.number = refs[0].number
        doc.year = refs[0].year
    return replaces


_BARE_EDITION = re.compile(r"\bedition\s+of\s+(?:the\s+)?((?:[A-Z]{1,2}\s?)?\d{1,6}(?:-\d{1,3})*)\s+(?:dated|of|from)\s+((?:19|20)\d{2})\b", re.I)


def _foreword_replaces(foreword: str, replaces: list[str], own_id: str) -> None:
    """Add to `replaces` the standard a foreword's "本文件代替…" / "This edition replaces…" names; "It supersedes
    the previous edition of R 60 dated 2017" names it without its family, which is the document's own."""
    for sent in re.split(r"(?<=[。；;])|(?<=\.)\s+", foreword):
        rm = _REPLACES.search(sent)
        if rm and (rm.start() < 20 or re.search(r"cancels\s+and\s+replaces|annule\s+et\s+remplace", sent, re.I)) and not re.search(r"历次版本|previous\s+editions\b|frühere\s+Ausgaben", sent, re.I):  # "本文件代替…", "This edition replaces…"; not a mention deep in a sentence
            refs = find_standards(sent[rm.start():])[:1]
            bare = _BARE_EDITION.search(sent, rm.end())
            if not refs and bare and family_of(own_id):
                refs = find_standards(f"{family_of(own_id)} {bare.group(1)}:{bare.group(2)}")[:1]
            for r in refs:
                if r.id not in replaces and r.id != own_id:
                    replaces.append(r.id)


def _set_codes(doc: Document, cover: list[str], text: str) -> None:
    """ICS and CCS codes from the cover."""
    m = _ICS.search(text)
    if m:
        doc.ics = re.sub(r"\s*[;；,，]\s*|\s+", "; ", m.group(1).strip())
    m = _CCS.search(text)
    if m:
        doc.ccs = f"{m.group(1)} {m.group(2)}"
        return
    for line in cover[:8]:
        mm = _OLD_CCS.match(line.strip())
        if mm:
            doc.ccs = f"{mm.group(1)} {mm.group(2)}"
            break


_PART_WORD = re.compile(r"^(Part|Partie|Teil)\s+\d", re.I)
_PART_LANG = {"part": "en", "partie": "fr", "teil": "de"}


def _line_lang(t: str) -> str:
    """The language of one cover line: by script, by its part word ("Partie 1 : …"), by function words, and
    for a line without them by its accents ("Thermomètres médicaux")."""
    if cjk_ratio(t) > 0.3:
        return "zh"
    pm = _PART_WORD.match(t)
    if pm:
        return _PART_LANG[pm.group(1).lower()]
    lang = detect_lang(t, default="")
    if not lang:
        if re.search(r"[éèêàâçùûîôœ]", t, re.I):
            return "fr"
        if re.search(r"[äöüß]", t, re.I):
            return "de"
    return lang or "en"


def _split_at_id(cover: list[str], own_id: str) -> list[str]:
    """Cover lines with the document's own number cut out where a reader ran the publisher, the number and
    the title into one line ("STANDARDIZATION ORGANIZATION … (GSO) GSO 1040/2000 MOTOR VEHICLES - …")."""
    out: list[str] = []
    for k, line in enumerate(cover):
        r = next((r for r in find_standards(line) if r.id == own_id), None) if k < 60 and own_id else None
        before, after = (line[: r.span[0]].strip(), line[r.span[1]:].strip()) if r else ("", "")
        words = [part for part in (before, after) if re.search(r"[^\W\d_]{3}", part)]
        if r is None or not words or _COVER_ADOPT.search(line):
            out.append(line)
            continue
        out.extend(part for part in (before, line[r.span[0]:r.span[1]], after) if part)
    return out


def _title_groups(cover: list[str]) -> list[tuple[str, list[str]]]:
    """Runs of consecutive title lines on the cover, by language."""
    groups: list[tuple[str, list[str]]] = []
    for line in cover:
        t = line.strip()
        if not _is_title_line(t):
            if groups and groups[-1][1]:
                groups.append(("", []))
            continue
        lang = _line_lang(t)
        if lang == "zh" and re.search(r"[\u3040-\u30ff]", t):
            lang = "ja"
        if groups and groups[-1][0] == lang:
            groups[-1][1].append(t)
        else:
            groups.append((lang, [t]))
    return groups


def _join_title(lang: str, ls: list[str]) -> str:
    """Wrapped title lines as one title; GB/T 1.1 elements of a Chinese title keep their space."""
    joined = ls[0]
    for part in ls[1:]:
        if lang in ("zh", "ja"):
            joined += part  # a wrapped Chinese title; element breaks are restored below
        else:
            joined += ("" if joined.endswith("—") else " ") + part
    if lang in ("zh", "ja"):  # "…的安全 第2部分：…"
        joined = re.sub(r"(?<=\S)\s*(第\s*\d+(?:-\d+)?\s*部分)", r" \1", joined)
    return re.sub(r"\s+", " ", joined).strip()


def _titles(cover: list[str]) -> dict[str, str]:
    """The first title of each language on the cover, wrapped lines joined, draft stage removed."""
    titles: dict[str, str] = {}
    for lang, ls in _title_groups(cover):
        if lang and ls and lang not in titles:
            titles[lang] = _join_title(lang, ls)
    return {k: re.sub(r"\s*[（(]\s*(?:征求意见稿|送审稿|报批稿)\s*[)）]\s*", "", v).strip() for k, v in titles.items()}


def _un_title(cover: list[str]) -> str:
    """A UN regulation's title: what follows "Regulation No. N" on the cover — the rest of that line after
    a dash (the Official Journal's "Regulation No 24 of the … (UN/ECE) — Uniform provisions …") or the
    next run of title lines (a UNECE cover's "Regulation No. 7", then revision and supplement lines)."""
    for i, line in enumerate(cover[:60]):
        m = _UN_COVER.search(line.strip())
        if not m:
            continue
        rest = re.split(r"\s[—–-]\s", line.strip()[m.end():], maxsplit=1)
        lines = [rest[1].strip()] if len(rest) == 2 and rest[1].strip() else []
        for nxt in cover[i + 1:i + 40]:
            t = nxt.strip()
            if _is_title_line(t):
                lines.append(t.lstrip("—–- ") if not lines else t)  # "– Uniform provisions …" continues the line
            elif lines:
                break
        return re.sub(r"\s+Revision\s+\d+$", "", _join_title("en", lines)) if lines else ""
    return ""


def _adoption(text: str, foreword: str, own_id: str) -> Adoption | None:
    """IDT/MOD/NEQ adoption from the cover or foreword; a DIN/BS/NF EN names its IEC/ISO original."""
    adoption = find_adoption(text) or (find_adoption(foreword) if foreword else None)
    if adoption is None and re.match(r"(DIN|BS|NF)\s+EN", own_id):
        # a national adoption of a European standard names the IEC/ISO original on its cover
        for r in find_standards(text):
            if tier_of(r.family) == "international":
                return Adoption("IDT", r.id, text=f"({r.id})")
    return adoption


def fill_metadata(doc: Document, cover: list[str], foreword: str, source: str, running: list[str] | None = None) -> None:
    """Set id, family, number, year, ics, ccs, titles, dates, replaces and adoption on `doc`.

    `running`: running-header texts a reader removed; they name the standard when the cover does not.
    """
    text = "\n".join(cover)
    published, implemented, year = _dates(text, running)
    replaces = _set_id(doc, cover, text, source, running, year)
    if foreword:
        _foreword_replaces(foreword, replaces, doc.id)
    replaces = list(dict.fromkeys(replaces))  # a yearless mention of a replaced standard also named with its year
    doc.replaces = [r for r in replaces if find_standards(r) and find_standards(r)[0].year
                    or not any(o != r and same_standard(o, r) for o in replaces)]
    _set_codes(doc, cover, text)
    doc.published, doc.implemented = published, implemented
    doc.titles = _titles(_split_at_id(cover, doc.id))
    if doc.family == "UN":
        title = _un_title(cover)
        if title:
            doc.titles[detect_lang(title, default="en")] = title
    doc.adoption = _adoption(text, foreword, doc.id)


_IN_FORCE_HEAD = re.compile(r"^(?:Inkrafttreten|Entry\s+into\s+force|Entrée\s+en\s+vigueur)\b", re.I)
_IN_FORCE = re.compile(r"\b(?:tritt|treten)\s+am\s+(?P<d>[^\n]{6,25}?)\s+in\s+Kraft|\benters?\s+into\s+force\s+on\s+(?P<e>[^\n]{6,25}?)[.,;]"
                       r"|\bentre(?:nt)?\s+en\s+vigueur\s+le\s+(?P<f>[^\n]{6,25}?)[.,;]", re.I)


def entry_into_force(headed: list[tuple[str, str]]) -> str:
    """The date a regulation's entry-into-force article names ("§ 28 Inkrafttreten, Außerkrafttreten": "Diese
    Verordnung tritt am 22. März 2010 in Kraft"), from (heading, text) pairs; "" when none names a date."""
    for heading, text in headed:
        if not _IN_FORCE_HEAD.match(heading.strip()):
            continue
        m = _IN_FORCE.search(text)
        dm = _DAY_MONTH_YEAR.search(next(g for g in m.groups() if g)) if m else None
        if dm:
            return f"{dm.group(3)}-{_MONTHS[dm.group(2).lower()]:02d}-{int(dm.group(1)):02d}"
    return ""

