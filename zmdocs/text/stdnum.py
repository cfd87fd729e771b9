"""Standard numbers: find them in text and normalise them (GB, industry, group, local, ISO, IEC, EN, DIN, …).

Chinese families are written with an em dash before the year (`GB 4706.1—2005`); OCR and typing
give `-`, `－`, `–`: we normalise to the em dash. ISO/IEC/EN keep the colon (`IEC 60335-1:2010`),
DIN keeps a `YYYY-MM` date, ASTM keeps its `-YY` suffix (`ASTM D638-14`), IEEE its `-YYYY`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zmdocs.text.width import to_halfwidth

_DASH = "-‐‑‒–—―－−"
_D = f"[{_DASH}]"
_YEAR4 = r"(?:19|20)\d{2}"

# Domestic (Chinese) families: GB, GB/T, GB/Z, industry XX/T (and mandatory XX), group T/ORG, local DB33(/T).
_CN_CODES = frozenset(
    "JB QB SJ HG YY SN JG JJF JJG CJ DL NB YD FZ GA HJ JT QC SB SH TB WS GY LY NY SY YB YS MH BB CB CH DZ EJ GH HB HY "
    "JC JR JY KA LD LS MT MZ QJ QX SC SL TD TY WB WH WJ WM XB XF YC YZ ZY GM RB SF WW JGJ CJJ".split()
)
_CN_PREFIX = (
    r"(?P<cnfam>GB\s*/\s*[TZ]|GB|T\s*/\s*[A-Z]{2,10}|Q\s*/\s*[A-Z0-9]{2,12}|DB\s*\d{2,6}(?:\s*/\s*T)?"
    rf"|(?:{'|'.join(sorted(_CN_CODES, key=len, reverse=True))})(?:\s*/\s*[TZ])?)"
)
_CN = re.compile(
    rf"(?<![A-Za-z/]){_CN_PREFIX}\s*(?P<cnnum>\d{{1,6}}(?:\.\d{{1,4}}){{0,3}})"
    rf"(?:\s*{_D}{{1,2}}\s*(?P<cnyear>{_YEAR4}|\d{{2}})(?!\d))?"
)

# International / foreign families with a number of digits and -parts.
_INTL_PREFIX = (
    r"(?P<fam>(?:DIN\s+EN\s+ISO/IEC|DIN\s+EN\s+ISO|DIN\s+EN\s+IEC|DIN\s+EN|DIN\s+ISO|DIN\s+IEC|DIN\s+VDE|DIN"
    r"|BS\s+EN\s+ISO|BS\s+EN\s+IEC|BS\s+EN|BS\s+ISO|BS|NF\s+EN\s+ISO|NF\s+EN|NF"
    r"|ÖNORM\s+EN|UNE\s+EN|SN\s+EN|CSN\s+EN|EN\s+ISO/IEC|EN\s+ISO|EN\s+IEC|EN"
    r"|ISO/IEC(?:\s+Guide|\s+TR|\s+TS)?|ISO(?:/TR|/TS|/PAS|\s+TR|\s+TS|\s+Guide)?|IEC(?:/TR|/TS|/PAS|\s+TR|\s+TS|\s+Guide)?"
    r"|CISPR|ANSI/UL|ANSI|UL|IEEE|AS/NZS|CSA|KS|GOST|VDE|ITU-T))"
)
_INTL = re.compile(
    rf"(?<![A-Za-z/]){_INTL_PREFIX}\s+(?:(?P<letter>[A-Z])\s?)?(?P<num>\d{{1,6}}(?:[.-]\d{{1,4}}){{0,4}})"
    rf"(?P<vde>\s*\(VDE\s*[\d.\-\s]+\))?"
    rf"(?:\s*:\s*(?P<year>{_YEAR4})(?P<month>-\d{{2}})?)?"
    rf"(?P<amd>(?:\s*[+/]\s*(?:A|AMD|AC|Amd)\s*\d{{1,2}}(?:\s*:\s*{_YEAR4})?)*)"
    rf"(?![\d])"
)
# ASTM D638-14 / ASTM E 84-21a, JIS C 9335-1:2014 handled above via `letter`.
_ASTM = re.compile(rf"(?<![A-Za-z/])ASTM\s*(?P<letter>[A-G])\s?(?P<num>\d{{1,5}}(?:/[A-Z]?\d{{1,5}}M?)?M?)(?:\s*{_D}\s*(?P<year>\d{{2}}[a-z]?(?:\(\d{{4}}\))?))?(?![\d])")
_JIS = re.compile(rf"(?<![A-Za-z/])JIS\s*(?P<letter>[A-Z])\s?(?P<num>\d{{4,5}}(?:-\d{{1,3}}){{0,3}})(?:\s*[:{_DASH}]\s*(?P<year>{_YEAR4}))?(?![\d])")

# OIML R 60-1:2021 / OIML D 11:2013, IHO S-44 / IHO S-102, UN Regulation No. 48 (UNECE regulations).
_OIML = re.compile(rf"(?<![A-Za-z/])OIML\s+(?P<letter>[RDBVGP])\s*(?P<num>\d{{1,3}}(?:-\d{{1,2}}){{0,2}})(?:\s*:\s*(?P<year>{_YEAR4}))?(?![\d])")
_IHO = re.compile(r"(?<![A-Za-z/])IHO(?:[-/]IOC)?\s+(?P<letter>[SBCMP])-\s?(?P<num>\d{1,3})(?![\d])")
# Gulf standards: "GSO 1040/2000" (GCC Standardization Organization, year after a slash), "SASO 2870:2017", adoptions "GSO ISO 8124-1:2019"
_GULF = re.compile(rf"(?<![A-Za-z/])(?P<fam>GSO|SASO)\s+(?P<pre>(?:ISO/IEC|ISO|IEC|EN)\s+)?(?P<num>\d{{1,5}}(?:-\d{{1,3}}){{0,3}})"
                   rf"(?:\s*(?P<sep>[/:])\s*(?P<year>{_YEAR4}))?(?![\d])")
_UNR = re.compile(r"(?<![A-Za-z/])(?:(?:UN|U\.N\.)\s*/?\s*(?:ECE\s+)?|ECE\s+)Regulation\s+No\.?\s*(?P<num>\d{1,3})(?![\d])", re.I)

_DOMESTIC_PREFIX = ("GB", "T/", "DB", "Q/")
_INTERNATIONAL = {"OIML", "IHO", "UN", "ISO", "IEC", "ISO/IEC", "CISPR", "ITU-T", "ISO/TR", "ISO/TS", "IEC/TR", "IEC/TS", "ISO/PAS", "IEC/PAS"}


@dataclass
class StdRef:
    """A standard number found in text."""

    id: str
    family: str
    number: str
    year: int | None
    span: tuple[int, int]


def _cn_family(raw: str) -> str:
    f = re.sub(r"\s+", "", raw.upper())
    return f


def _intl_family(raw: str) -> str:
    f = re.sub(r"\s+", " ", raw.strip())
    f = f.replace("ISO TR", "ISO/TR").replace("ISO TS", "ISO/TS").replace("IEC TR", "IEC/TR").replace("IEC TS", "IEC/TS")
    return f


def _year(y: str | None) -> int | None:
    if not y:
        return None
    m = re.match(r"\d+", y)
    if not m:
        return None
    v = int(m.group(0))
    if v < 100:  # two-digit year: ASTM -14, old GB -92
        v += 2000 if v < 50 else 1900
    return v


def _scan(text: str) -> list[StdRef]:
    """All matches (possibly overlapping) in a half-width text."""
    found: list[StdRef] = []
    for m in _CN.finditer(text):
        fam = _cn_family(m.group("cnfam"))
        num = m.group("cnnum")
        # "T/ZZB" must have an org of letters; a bare 2-letter industry code needs a number of 3+ digits
        if "/" not in fam and fam not in ("GB",) and not fam.startswith("DB") and len(num.split(".")[0]) < 3:
            continue
        y = m.group("cnyear")
        ident = f"{fam} {num}" + (f"—{y}" if y else "")
        found.append(StdRef(ident, fam, num, _year(y), m.span()))
    for m in _OIML.finditer(text):
        num = f"{m.group('letter')} {m.group('num')}"
        y = m.group("year")
        found.append(StdRef(f"OIML {num}" + (f":{y}" if y else ""), "OIML", num, _year(y), m.span()))
    for m in _IHO.finditer(text):
        num = f"{m.group('letter')}-{m.group('num')}"
        found.append(StdRef(f"IHO {num}", "IHO", num, None, m.span()))
    for m in _GULF.finditer(text):
        num = f"{m.group('pre') or ''}{m.group('num')}"
        y = m.group("year")
        found.append(StdRef(f"{m.group('fam')} {num}" + (f"{m.group('sep')}{y}" if y else ""), m.group("fam"), num, _year(y), m.span()))
    for m in _UNR.finditer(text):
        num = m.group("num")
        found.append(StdRef(f"UN Regulation No. {num}", "UN", num, None, m.span()))
    for m in _ASTM.finditer(text):
        num = f"{m.group('letter')}{m.group('num')}"
        y = m.group("year")
        ident = f"ASTM {num}" + (f"-{y}" if y else "")
        found.append(StdRef(ident, "ASTM", num, _year(y), m.span()))
    for m in _JIS.finditer(text):
        num = f"{m.group('letter')} {m.group('num')}"
        y = m.group("year")
        ident = f"JIS {num}" + (f":{y}" if y else "")
        found.append(StdRef(ident, "JIS", num, _year(y), m.span()))
    for m in _INTL.finditer(text):
        fam = _intl_family(m.group("fam"))
        if fam in ("JIS", "ASTM"):
            continue
        num = m.group("num")
        if m.group("letter"):
            num = f"{m.group('letter')}{num}" if fam != "JIS" else f"{m.group('letter')} {num}"
        y = m.group("year")
        ident = f"{fam} {num}"
        # IEEE writes its year with a hyphen (IEEE 1547-2018); typing gives "IEC 60335-2-15-2016" for ":2016"
        if not y:
            mm = re.match(r"(.*\d)-((?:19[5-9]|20[0-3])\d)$", num)
            if mm:
                num, y = mm.group(1), mm.group(2)
                ident = f"{fam} {num}-{y}" if fam == "IEEE" else f"{fam} {num}"
        # the VDE classification "(VDE 0700-1)" is a second label of the same DIN document: not part of the id
        if y and not (fam == "IEEE" and ident.endswith(y)):
            ident += f":{y}{m.group('month') or ''}"
        amd = m.group("amd") or ""
        for a in re.finditer(rf"([+/])\s*(A|AMD|AC|Amd)\s*(\d{{1,2}})(?:\s*:\s*({_YEAR4}))?", amd):
            ident += f"{a.group(1)}{a.group(2).upper()}{a.group(3)}" + (f":{a.group(4)}" if a.group(4) else "")
        found.append(StdRef(ident, fam, num, _year(y), m.span()))
    return found


def find_standards(text: str) -> list[StdRef]:
    """Standard numbers in `text`, normalised, in order, longest match winning where they overlap.

    Spans index the original text (full-width chars map 1:1 to half-width).
    """
    if not text:
        return []
    t = to_halfwidth(text)
    if len(t) != len(text):  # translation must be 1:1 for spans to hold
        t = text
    cands = sorted(_scan(t), key=lambda r: (r.span[0], -(r.span[1] - r.span[0])))
    out: list[StdRef] = []
    end = -1
    for r in cands:
        if r.span[0] >= end:
            out.append(r)
            end = r.span[1]
    return out


def normalize_id(s: str) -> str:
    """The canonical spelling of one standard number ('GB4706.1-2005' -> 'GB 4706.1—2005'); input unchanged if not one."""
    s = (s or "").strip()
    refs = find_standards(s)
    if refs and refs[0].span[0] <= 1:
        return refs[0].id
    return re.sub(r"\s+", " ", to_halfwidth(s))


def family_of(ident: str) -> str:
    """The family of a standard id: GB, GB/T, QB/T, T/ZZB, DB33/T, ISO, IEC, ISO/IEC, EN, DIN EN, ASTM, …; '' if none."""
    refs = find_standards(ident or "")
    if not refs:
        return ""
    fam = refs[0].family
    for pre in ("DIN EN", "BS EN", "NF EN"):
        if fam.startswith(pre):
            return pre
    if fam.startswith("EN "):
        return "EN"
    if fam in ("ANSI/UL",):
        return "UL"
    return fam


def tier_of(family: str) -> str:
    """domestic | international | foreign for a family name."""
    f = (family or "").upper().strip()
    if not f:
        return "foreign"
    if f in _INTERNATIONAL or f.startswith(("ISO", "IEC")):
        return "international"
    if f.startswith(_DOMESTIC_PREFIX) or f.split("/")[0] in _CN_CODES:
        return "domestic"
    return "foreign"


def _key(ident: str) -> tuple[str, str] | None:
    refs = find_standards(ident or "")
    if not refs:
        return None
    r = refs[0]
    return (r.family.upper(), r.number.upper().replace(" ", ""))


def same_standard(a: str, b: str) -> bool:
    """Do `a` and `b` name the same standard (ignoring the year, amendments and dash/space style)?"""
    ka, kb = _key(a), _key(b)
    return ka is not None and ka == kb
