"""Document metadata from the cover and foreword: id, ICS, CCS, titles, dates, replaces, adoption.

Works on the paragraphs before the first structural element (the cover) and on the foreword;
never fails: a document without a cover gets its id from the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

from zmdocs.model import Adoption, Document
from zmdocs.text.lang import cjk_ratio, detect_lang
from zmdocs.text.stdnum import StdRef, family_of, find_standards, tier_of

_DATE = r"(?:19|20)\d{2}\s*[-./年]\s*(?:\d{1,2}|XX|xx|××)(?:\s*[-./月]\s*(?:\d{1,2}|XX|xx|××)\s*日?)?"
_PUB = re.compile(rf"({_DATE})\s*发\s*布|(?:publication\s+date|date\s+of\s+publication|published|ausgabe(?:datum)?|ausfertigungsdatum|date\s+de\s+publication)\s*[:：]?\s*({_DATE})", re.I)
_IMPL = re.compile(rf"({_DATE})\s*实\s*施|(?:implementation\s+date|date\s+of\s+implementation|effective\s+date|gültig\s+ab|date\s+de\s+mise\s+en\s+application)\s*[:：]?\s*({_DATE})", re.I)
_ANY_DATE = re.compile(rf"\b({_DATE})\b")
_MONTHS = {
    "januar": 1, "january": 1, "janvier": 1, "februar": 2, "february": 2, "février": 2, "märz": 3, "march": 3, "mars": 3,
    "april": 4, "avril": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "juin": 6, "juli": 7, "july": 7, "juillet": 7,
    "august": 8, "août": 8, "september": 9, "septembre": 9, "oktober": 10, "october": 10, "octobre": 10,
    "november": 11, "novembre": 11, "dezember": 12, "december": 12, "décembre": 12,
}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d{2})\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d{2})\b", re.I)
_ICS = re.compile(r"\bICS\s*[:：]?\s*(\d{2}\.\d{3}(?:\.\d{2})?(?:\s*[;；,，]?\s*\d{2}\.\d{3}(?:\.\d{2})?)*)")
_CCS = re.compile(r"\b(?:CCS|中国标准文献分类号)\s*[:：]?\s*([A-Z])\s?(\d{2})\b")
_OLD_CCS = re.compile(r"^([A-Z])\s?(\d{2})$")
_REPLACES = re.compile(r"(?:代替|替代|replaces?|supersedes?|ersatz\s+für|ersetzt|remplace)", re.I)
_LABEL = re.compile(
    r"(?:中华人民共和国|国家标准$|行业标准$|团体标准$|地方标准$|企业标准$|^浙江制造|征求意见稿|送审稿|报批稿|发\s*布$|实\s*施$|^ICS\b|^CCS\b|"
    r"^INTERNATIONAL\s+STANDARD|^NORME\s+INTERNATIONALE|^EUROPEAN\s+STANDARD|^EUROPÄISCHE\s+NORM|^NORME\s+EUROPÉENNE|^DEUTSCHE\s+NORM|"
    r"^Edition\s+\d|^Ausgabe|^Ersatz|^Replaces|^Supersedes|^Preisgruppe|^Price\s+code|^Gesamtumfang|^Normenausschuss|copyright|©|版权|"
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
_COVER_ADOPT = re.compile(r"[（(]\s*([^（）()]{4,60}?)\s*[,，]\s*(IDT|MOD|NEQ|idt|mod|neq|eqv|EQV)\s*[)）]")


_PLACEHOLDER = re.compile(r"^\s*(T\s*/\s*[A-Z]{2,10}|GB(?:\s*/\s*[TZ])?|DB\d+(?:/T)?|[A-Z]{2}/T)\s*([X×x]{3,6})\s*[—–\-－]{1,2}\s*((?:19|20)\d{2}|[X×x]{4})\s*$")
_STATUS = re.compile(r"(征求意见稿|送审稿|报批稿)")
# "Regulation No. 7" on a UNECE cover, "Regulation No 24 of the Economic Commission for Europe of the United Nations" in the OJ
_UN_COVER = re.compile(r"(?:^|[:：]\s*|\b)Regulation\s+No\.?\s*(\d{1,3})\b(?=\s*(?:$|of\s+the\s+Economic\s+Commission|[—–\-(]|Revision|Rev\.))", re.I)
_UN_CONTEXT = re.compile(r"E/ECE/|United\s+Nations|UN/ECE|UNECE|Economic\s+Commission\s+for\s+Europe", re.I)
_IHO_COVER = re.compile(r"^(?:IHO(?:-IOC)?\s+)?(?:Publication\s+)?([SBCMP])-\s?(\d{1,3})\b")


def _fmt_date(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    parts = re.split(r"[-./年月日]", s)
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
            rel = m.group(2).upper().replace("EQV", "MOD")
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


def _is_title_line(t: str) -> bool:
    if not t or _REPLACES.match(t) or _PLACEHOLDER.match(t) or _LABEL.search(t) or _LABEL.search(re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", t)) or _COVER_ADOPT.search(t) or re.fullmatch(r"[A-Z]{1,4}(?:\s*/\s*[A-Z]{1,8})?", t):
        return False
    if find_standards(t) and len(t) < 60 and re.match(r"^[\sA-Z/]*\d", t):
        return False
    if _ANY_DATE.search(t) or _MONTH_YEAR.search(t) or _OLD_CCS.match(t):
        return False
    if re.search(r"[。]$|\.\s*$", t) and len(t) > 60:
        return False
    if re.fullmatch(r"[\d\s.\-—:：/()（）]+", t):
        return False
    return len(t) <= 200


def _cover_date(text: str, implemented: str) -> str:
    """A cover date without a 发布/published label: "22 November 2012", "November 2012", else the first date."""
    dmy, my = _DAY_MONTH_YEAR.search(text), _MONTH_YEAR.search(text)
    if dmy and (my is None or dmy.start() <= my.start()):
        return f"{dmy.group(3)}-{_MONTHS[dmy.group(2).lower()]:02d}-{int(dmy.group(1)):02d}"
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


def _dates(text: str) -> tuple[str, str, int | None]:
    """(publication date, implementation date, publication year) printed on the cover."""
    published = implemented = ""
    m = _PUB.search(text)
    if m:
        published = _fmt_date(m.group(1) or m.group(2))
    m = _IMPL.search(text)
    if m:
        implemented = _fmt_date(m.group(1) or m.group(2))
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
            refs = [r for r in find_standards(line) if r.family != "VDE"]
            if refs:
                own = refs[0]
                break
    if own is not None and own.year is None and year is None and tier_of(own.family) == "international":
        em = re.search(r"\bEdition\s+((?:19|20)\d{2})\b", text)  # OIML/ISO covers: "Edition 2021 (E)"
        year = int(em.group(1)) if em else None
    doc.id = _with_year(own, year) if own else (placeholder or special or id_from_filename(source))
    sm = _STATUS.search(re.sub(r"\s+", "", "\n".join(cover[:40])))
    doc.status = sm.group(1) if sm else "final"
    fam = family_of(doc.id) or (doc.id.split(" ")[0] if placeholder and doc.id == placeholder else "")
    doc.family = fam
    refs = find_standards(doc.id)
    if refs:
        doc.number = refs[0].number
        doc.year = refs[0].year
    return replaces


def _foreword_replaces(foreword: str, replaces: list[str], own_id: str) -> None:
    """Add to `replaces` the standard a foreword's "本文件代替…" / "This edition replaces…" names."""
    for sent in re.split(r"(?<=[。；;])|(?<=\.)\s+", foreword):
        rm = _REPLACES.search(sent)
        if rm and (rm.start() < 20 or re.search(r"cancels\s+and\s+replaces|annule\s+et\s+remplace", sent, re.I)) and not re.search(r"历次版本|previous\s+editions?|frühere\s+Ausgaben", sent, re.I):  # "本文件代替…", "This edition replaces…"; not a mention deep in a sentence
            for r in find_standards(sent[rm.start():])[:1]:
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


def _title_groups(cover: list[str]) -> list[tuple[str, list[str]]]:
    """Runs of consecutive title lines on the cover, by language."""
    groups: list[tuple[str, list[str]]] = []
    for line in cover:
        t = line.strip()
        if not _is_title_line(t):
            if groups and groups[-1][1]:
                groups.append(("", []))
            continue
        lang = "zh" if cjk_ratio(t) > 0.3 else detect_lang(t, default="en")
        if lang == "zh" and re.search(r"[\u3040-\u30ff]", t):
            lang = "ja"
        if groups and groups[-1][0] == lang:
            groups[-1][1].append(t)
        else:
            groups.append((lang, [t]))
    return groups


def _titles(cover: list[str]) -> dict[str, str]:
    """The first title of each language on the cover, wrapped lines joined, draft stage removed."""
    titles: dict[str, str] = {}
    for lang, ls in _title_groups(cover):
        if lang and ls and lang not in titles:
            joined = ls[0]
            for part in ls[1:]:
                if lang in ("zh", "ja"):
                    joined += part  # a wrapped Chinese title; element breaks are restored below
                else:
                    joined += ("" if joined.endswith("—") else " ") + part
            if lang in ("zh", "ja"):  # GB/T 1.1 title elements are separated by a space: "…的安全 第2部分：…"
                joined = re.sub(r"(?<=\S)\s*(第\s*\d+(?:-\d+)?\s*部分)", r" \1", joined)
            titles[lang] = re.sub(r"\s+", " ", joined).strip()
    return {k: re.sub(r"\s*[（(]\s*(?:征求意见稿|送审稿|报批稿)\s*[)）]\s*", "", v).strip() for k, v in titles.items()}


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
    published, implemented, year = _dates(text)
    replaces = _set_id(doc, cover, text, source, running, year)
    if foreword:
        _foreword_replaces(foreword, replaces, doc.id)
    doc.replaces = list(dict.fromkeys(replaces))
    _set_codes(doc, cover, text)
    doc.published, doc.implemented = published, implemented
    doc.titles = _titles(cover)
    doc.adoption = _adoption(text, foreword, doc.id)


