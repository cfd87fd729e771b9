"""Recognisers for the numbering of standards: clause numbers, annexes, preliminary elements,
list items, notes, captions, table-of-contents lines, and chapter kinds from heading words.

Structure is found from numbering and keywords only, never from fonts.
"""

from __future__ import annotations

import re

ANNEX_RE = re.compile(
    r"^(?:附\s*录\s*(?P<l1>[A-Z]{1,2})(?![A-Za-z])|(?:(?:Nationaler|National)\s+)?(?:Annex|ANNEX|Anhang|ANHANG|Annexe|ANNEXE|Appendix|APPENDIX|Appendice|APPENDICE)\s+(?:(?P<l2>[A-Z]{1,2})(?![A-Za-z])|[(（](?P<l3>[A-Z]{1,2})[)）]))"
    r"\s*(?P<rest>.*)$",
    re.S,
)
_ANNEX_TYPE = re.compile(
    r"^[（(]\s*(?P<t>规范性附录|资料性附录|规范性|资料性|标准的附录|提示的附录|normative|informative|normativ|informativ|normative|informative)\s*[)）]\s*",
    re.I,
)

# Preliminary/supplementary unnumbered elements -> clause number.
_PRELIM = [
    (r"前\s*言|foreword|european\s+foreword|vorwort|nationales\s+vorwort|europäisches\s+vorwort|avant[-\s]propos(?:\s+européen)?", "foreword"),
    (r"引\s*言|introduction|einleitung|einführung", "introduction"),
    (r"参\s*考\s*文\s*献|bibliography|literaturhinweise|bibliographie", "bibliography"),
    (r"索\s*引|index|stichwortverzeichnis", "index"),
]
_PRELIM_RE = [(re.compile(rf"^(?:{p})$", re.I), n) for p, n in _PRELIM]
PRELIM_KIND = {"foreword": "foreword", "introduction": "introduction", "bibliography": "bibliography", "index": "other"}

TOC_HEAD_RE = re.compile(r"^(?:目\s*次|目\s*录|contents|table\s+of\s+contents|inhalt|inhaltsverzeichnis|sommaire|table\s+des\s+matières)$", re.I)
TOC_LINE_RE = re.compile(r"(?:\.{3,}|…{1,}|·{3,}|_{3,}|\s{2,}|\t)\s*(?:[IVXivx\u2160-\u217f]+|\d{1,4})$")
TOC_LEADER_RE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|(?:\. ){3,})")


def ends_in_page_number(t: str) -> bool:
    """Does t end (before one final newline) in a digit or roman numeral? Necessary for TOC_LINE_RE and any
    `(digits|roman)$` test: checked first, as those unanchored searches are slow on long paragraphs."""
    last = t[-2:-1] if t.endswith("\n") else t[-1:]
    return bool(last) and (last.isdigit() or last in "IVXivx" or "\u2160" <= last <= "\u217f")


def toc_line(t: str) -> bool:
    """TOC_LINE_RE.search(t), skipped when t cannot end in a page number."""
    return ends_in_page_number(t) and TOC_LINE_RE.search(t) is not None


def toc_leader(t: str) -> bool:
    """TOC_LEADER_RE.search(t), skipped when none of its runs (...., ……, ····, . . . ) is in t."""
    if not ("...." in t or "……" in t or "····" in t or ". . . " in t):
        return False
    return TOC_LEADER_RE.search(t) is not None

LIST_RE = re.compile(r"^(?:[a-z]\)|[a-z]\s*）|\d{1,2}\)|\d{1,2}）|[（(]\d{1,2}[）)]|[①-⑳]|[—–-]{1,2}\s?|——|•|·|\*\s)")
NOTE_RE = re.compile(r"^(?:注\s*\d*\s*[：:]|注\s*\d+\s|NOTE\b|Note\s+\d|ANMERKUNG\b|Anmerkung\s+\d|示例\s*\d*|EXAMPLE\b|BEISPIEL\b|EXEMPLE\b)")
# "TABLE (2)": Gulf (GSO) and older standards put the table number in parentheses.
TABLE_CAPTION_RE = re.compile(
    r"^(?:表\s*(?P<n1>[A-Z]{0,2}\.?\d{1,3}(?:\.\d{1,3})?)(?![\d.])|(?:Table|TABLE|Tabelle|TABELLE|Tableau|TABLEAU)\s+(?P<po>[(（])?(?P<n2>[A-Z]{0,2}[.\-]?\d{1,3}(?:[.\-]\d{1,3})?)(?![\d.])(?(po)[)）]))"
    r"\s*(?P<cont>[（(]\s*(?:续|continued|fortgesetzt|suite)\s*[)）])?\s*(?:[—–\-:：]\s*)?(?P<cap>.*)$"
)
FIGURE_CAPTION_RE = re.compile(r"^(?:图\s*[A-Z]{0,2}\.?\d{1,3}|(?:Figure|Bild|Figure)\s+[A-Z]{0,2}\.?\d{1,3})(?![\d.])")

# A number at paragraph start that is a value, not a clause: a unit follows.
_UNIT_AFTER = re.compile(
    r"^(?:mA|µA|μA|kA|A|mV|kV|V|mW|kW|W|MW|Hz|kHz|%|‰|℃|°C|°|K|mm|cm|km|m|m2|m3|s|ms|min|h|d|Ω|MΩ|kΩ|kPa|MPa|Pa|bar|dB|dB\(A\)|N|kN|Nm|N·m|kg|g|mg|L|mL|ml|l|J|kJ|lx|cd|r/min|rpm|mmol/L)(?![A-Za-zÀ-ÿ\-])"
)

_SENT_END = "。；;：:！？!?"


def prelim_number(text: str) -> str | None:
    """'foreword'/'introduction'/'bibliography'/'index' when the paragraph is that element's title."""
    t = re.sub(r"\s+", " ", text.strip())
    if len(t) > 40:
        return None
    for rx, n in _PRELIM_RE:
        if rx.match(t):
            return n
    return None


def parse_annex(text: str) -> tuple[str, str, str] | None:
    """(letter, type 'normative'|'informative'|'', rest-title) for an annex heading paragraph."""
    m = ANNEX_RE.match(text.strip())
    if not m:
        return None
    letter = m.group("l1") or m.group("l2") or m.group("l3")  # "APPENDIX (A)", as Gulf and older standards print it
    rest = m.group("rest").strip()
    typ = ""
    tm = _ANNEX_TYPE.match(rest)
    if tm:
        t = tm.group("t").lower()
        typ = "normative" if t.startswith(("规范", "normativ", "标准的")) else "informative"
        rest = rest[tm.end():].strip()
    elif rest and not re.match(r"^(?:[—–\-:：]|\.\s)", rest) and not _ANNEX_TYPE.match(rest) and len(rest) > 80:
        return None  # "Annex A specifies ..." inside running text
    if rest.startswith(("gives", "specifies", "describes", "给出", "规定")):
        return None
    rest = re.sub(r"^(?:[—–\-:：]|\.(?=\s))\s*", "", rest)  # "Annex A – Title", "Annex A. Title"
    return letter, typ, rest


_NUM_ANNEX_RE = re.compile(r"^(?:Annex|ANNEX|Anhang|ANHANG|Anlage|ANLAGE|Annexe|ANNEXE|Appendix|APPENDIX)\s+(?P<n>\d{1,2}[a-z]?)(?![\w.,])\s*(?:[—–\-:]\s*)?(?P<rest>.*)$", re.S)


def parse_numbered_annex(text: str) -> tuple[str, str] | None:
    """(n, title-on-the-line) for a numbered annex heading ("Annex 3", "Annex 3 – Test procedure"), as regulations number them."""
    m = _NUM_ANNEX_RE.match(text.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    if rest and (rest[0].islower() or not is_heading_text(rest) and len(rest.split()) > 40):
        return None  # "Annex 4 to this Regulation …" inside running text
    if rest.startswith(("to ", "of ", "in ", "gives", "specifies", "describes")):
        return None
    return m.group("n"), rest


# "A. LEGISLATIVE PROVISIONS", "B. FUNCTION AND SCOPE": lettered divisions in front of the numbered body, as
# Australian Design Rules and other legislative compilations set them (their clauses are numbered A.1, A.1.1 …).
_DIVISION_RE = re.compile(r"^(?P<l>[A-Z])\.\s+(?P<rest>[^\W\d_].*)$")


def parse_division(text: str) -> tuple[str, str] | None:
    """(letter, title) when a paragraph is a lettered division heading ("A. GENERAL"): one capital letter,
    a dot, a short heading text (the builder asks more: the letter sequence, an upper-case title or a child)."""
    m = _DIVISION_RE.match(text.strip())
    if not m or not is_heading_text(m.group("rest")) or TOC_LEADER_RE.search(text):
        return None
    return m.group("l"), m.group("rest").strip()


def annex_type(text: str) -> str | None:
    """'normative'/'informative' when a paragraph is just an annex type line like '（规范性）'."""
    m = _ANNEX_TYPE.match(text.strip())
    if m and not text.strip()[m.end():].strip():
        t = m.group("t").lower()
        return "normative" if t.startswith(("规范", "normativ", "标准的")) else "informative"
    return None


# a multi-level clause number (three or more parts) followed by CJK words: a cited clause, never a value
_CITED_CLAUSE = re.compile(r"^\d{1,2}(?:\.\d{1,3}){2,}\s*[\u4e00-\u9fff]")


def looks_like_value(rest: str) -> bool:
    """True when the text after a leading number is a unit or another number (a value, not a heading)."""
    r = rest.lstrip()
    if not r:
        return False
    if re.match(r"^[234]D\s+[a-z]{2,}", r):
        return False  # "3.6. 3D bathymetric image …": a dimension adjective, not a value
    if _CITED_CLAUSE.match(r):
        return False  # "15.3 7.8.1 储气筒…的要求，…": a title-less clause that opens by citing another clause
    if r[0].isdigit() or r[0] in "×x*/+-=~～<>≤≥±%,，、。）)]":
        return True
    if re.match(r"^A\s+[a-z]{2,}", r):
        return False  # "5.6.3. A light source module …": the English article, not amperes
    return bool(_UNIT_AFTER.match(r))


_CONT = re.compile(r"^(?:[的至、，。；：）)\]～~]|中的|[条章节]\s*(?:[的中和或及、，。；）)]|规定|要求)|(?:and|or|of|to|in|for|with|is|are|shall|und|oder|bis|et|ou|à|de|du|des)\b)")


def continuation_start(rest: str) -> bool:
    """True when the text after a leading number continues a sentence ('5.2 的规定', '5.2 and 5.3'): a reference, not a clause."""
    return bool(_CONT.match(rest.strip()))


_LIST_JOIN = re.compile(r"(?:and|or|in|for|with|und|oder|et|ou)\s+(?![\d§(]|[A-Z]\.\d)")


def listed_item(num: str, last: tuple | None, rest: str) -> bool:
    """A numbered item of a sentence split into clauses ("2.7.1 either the highest of …" then "2.7.2 or such
    lower speed …", "…; and" then "2.7.2 in cases where …"): the next sibling of the last clause, its text
    going on with a joining word but no second number (unlike the reference "2.7.2 and 2.7.3 …")."""
    parts = num.split(".")
    if last is None or len(parts) < 2 or not all(x.isdigit() for x in parts) or not _LIST_JOIN.match(rest.strip()):
        return False
    tup = tuple(int(x) for x in parts)
    tail = last[-len(tup):]
    return len(last) >= len(tup) and all(isinstance(x, int) for x in tail) and tail[:-1] == tup[:-1] \
        and tail[-1] + 1 == tup[-1]


_LIMIT_WORDS = re.compile(
    r"不大于|不小于|不超过|不低于|不高于|不少于|不多于|应不|不应|不得|应[为在当符具有能满足采使进按]|[≤≥]|\bshall\b|\bmust\b|\bmuss\b|\bdoit\b|\bnot\s+(?:more|less|exceed)"
)


# a closing full-width parenthetical that qualifies a CJK heading: "（摩托车除外）", "（适用于…）"
_QUALIFIER = re.compile(r"[（][^（）]*[）]$")


def is_heading_text(rest: str, lang_cjk: bool | None = None) -> bool:
    """Short text without sentence-final punctuation: a clause heading."""
    r = rest.strip()
    if not r:
        return False
    if r[-1] in _SENT_END or "。" in r or (r[-1] == "." and not re.search(r"\b(?:etc|e\.g|i\.e|approx|Nr|No)\.$", r)):
        return False
    if "\n" in r:
        return False
    core = _QUALIFIER.sub("", r).strip() or r  # "车速表指示误差（…不大于 40 km/h 的…除外）": the qualifier is no provision
    if _LIMIT_WORDS.search(core):
        return False  # "5.3.4 电源线长度不小于0.75 m" is a headless provision missing its 。, not a heading
    cjk = sum(1 for c in core if "\u3400" <= c <= "\u9fff")
    if cjk > len(core) / 3:
        return len(core) <= 40 and len(r) <= 80
    return len(r) <= 120 and len(r.split()) <= 18


# --------------------------------------------------------------------------- kinds

_KINDS: list[tuple[str, str]] = [
    ("scope", r"^(?:范\s*围|scope|anwendungsbereich|domaine\s+d['’]application|適用範囲)$"),
    ("introduction", r"^(?:引\s*言|introduction|einleitung|序文)$"),
    ("normative-references", r"规范性引用文件|引用标准|normative\s+references|normative\s+verweisungen|références\s+normatives|引用規格"),
    ("terms", r"术语|定义|terms\s+and\s+definitions|^definitions$|definitions|begriffe|termes\s+et\s+définitions|用語"),
    ("test-methods", r"试验方法|检验方法|测试方法|检测方法|^testing$|^tests?$|^prüfungen$|^essais$|试验的一般条件|试验条件|test\s+methods?|methods?\s+of\s+test|general\s+conditions\s+for\s+the\s+tests|prüfverfahren|prüfbedingungen|méthodes?\s+d['’]essai|conditions\s+générales\s+d['’]essais|試験方法"),
    ("inspection-rules", r"检验规则|检验|抽样|inspection|sampling|prüfregeln|konformitätsbewertung|règles\s+de\s+contrôle|検査"),
    ("marking-packaging", r"标志|包装|运输|贮存|marking|packaging|labelling|aufschriften|kennzeichnung|verpackung|marquage|emballage|表示|包装"),
    ("other", r"^(?:空章|void|frei|vacant|libre)$|质量承诺|quality\s+commitment"),
    ("requirements", r"要求|分类|防护|功率|发热|泄漏|电气强度|过电压|潮湿|非正常|稳定|机械|结构|布线|元件|电源连接|端子|接地|螺钉|间隙|耐热|防锈|辐射|耐久|启动|过载"
     r"|requirement|classification|protection|power\s+input|heating|leakage|electric\s+strength|overvoltage|moisture|abnormal|stability|mechanical|construction|wiring|components|supply\s+connection|terminals|earthing|screws|clearances|resistance\s+to|radiation|endurance|starting|overload|performance"
     r"|anforderung|einteilung|schutz|leistungsaufnahme|erwärmung|ableitstrom|spannungsfestigkeit|überspannung|feuchtigkeit|anormal|standfestigkeit|mechanisch|aufbau|leitungen|bauteile|netzanschluss|anschlussklemmen|schutzleiter|schrauben|luftstrecken|wärme|rostschutz|strahlung|dauerhaftigkeit|anlauf|überlast"
     r"|exigence|protection|puissance|échauffement|courant\s+de\s+fuite|rigidité|surtension|humidité|anormal|stabilité|résistance|construction|conducteurs|composants|raccordement|bornes|terre|vis\b|distances|rouille|rayonnement|endurance|démarrage|surcharge|要求事項"),
]
_KINDS_RE = [(k, re.compile(p, re.I)) for k, p in _KINDS]


def chapter_kind(heading: str) -> str:
    """The kind of a chapter from its heading words (zh/en/de/fr/ja); 'other' if none matches."""
    h = re.sub(r"\s+", " ", heading.strip())
    if not h:
        return "other"
    for kind, rx in _KINDS_RE:
        if rx.search(h):
            return kind
    return "other"
