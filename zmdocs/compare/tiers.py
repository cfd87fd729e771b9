"""Classify a reference by its family into a benchmarking tier: domestic, international, foreign, product."""

from __future__ import annotations

import re

TIERS = ("domestic", "international", "foreign", "product")

TIER_LABELS = {
    "domestic": {"zh": "国内标准", "en": "Domestic standards"},
    "international": {"zh": "国际标准", "en": "International standards"},
    "foreign": {"zh": "国外先进标准", "en": "Foreign standards"},
    "product": {"zh": "国外先进产品", "en": "Foreign advanced products"},
}

# Column headers of the benchmarking table (编制说明 layout).
TIER_COLUMNS = {
    "domestic": {"zh": "GB/行业/团体标准", "en": "GB / industry"},
    "international": {"zh": "ISO/IEC", "en": "ISO/IEC"},
    "foreign": {"zh": "EN/DIN/ASTM/JIS…", "en": "EN/DIN/ASTM/JIS…"},
    "product": {"zh": "国外先进产品", "en": "Foreign products"},
}

_FAMILY_RE = [
    # order matters: longest / most specific first
    (r"^(?:DIN\s+EN\s+ISO|DIN\s+EN\s+IEC|DIN\s+EN)\b", "DIN EN"),
    (r"^(?:BS\s+EN|NF\s+EN|ÖNORM\s+EN|SN\s+EN|UNE\s+EN|CSN\s+EN)\b", "EN"),
    (r"^ISO/IEC\b", "ISO/IEC"),
    (r"^ISO\b", "ISO"),
    (r"^IEC\b", "IEC"),
    (r"^CISPR\b", "IEC"),
    (r"^EN\b", "EN"),
    (r"^DIN\b", "DIN"),
    (r"^VDE\b", "DIN"),
    (r"^ASTM\b", "ASTM"),
    (r"^ANSI\b", "ANSI"),
    (r"^UL\b", "UL"),
    (r"^IEEE\b", "IEEE"),
    (r"^JIS\b", "JIS"),
    (r"^BS\b", "BS"),
    (r"^NF\b", "NF"),
    (r"^AS/NZS\b", "AS/NZS"),
    (r"^CSA\b", "CSA"),
    (r"^KS\b", "KS"),
    (r"^GOST\b", "GOST"),
    (r"^GB/T\b", "GB/T"),
    (r"^GB/Z\b", "GB/Z"),
    (r"^GB\b", "GB"),
    (r"^T/[A-Z]+\b", None),  # group standards: family "T/<org>"
    (r"^DB\d+(?:/T)?\b", None),
    (r"^[A-Z]{2}/T\b", None),  # industry standards QB/T, JB/T, SJ/T...
    (r"^[A-Z]{2}\s", None),
]

_DOMESTIC_PREFIX = ("GB", "T/", "DB")
_INTERNATIONAL = {"ISO", "IEC", "ISO/IEC", "ITU", "CISPR"}
_FOREIGN = {"EN", "DIN", "DIN EN", "ASTM", "ANSI", "UL", "IEEE", "JIS", "BS", "NF", "AS/NZS", "CSA", "KS", "GOST"}


def family_of(doc_id: str) -> str:
    """The family of a standard id (GB, GB/T, T/ZZB, QB/T, ISO, IEC, EN, DIN EN, ASTM, …); '' if unknown."""
    try:  # the structure helper's normaliser knows more spellings
        from zmdocs.stdnum import family_of as _fam

        fam = _fam(doc_id)
        if fam:
            return fam
    except Exception:  # not there yet or cannot tell: fall back to our own table
        pass
    s = re.sub(r"\s+", " ", (doc_id or "").strip().upper().replace("／", "/"))
    for pat, fam in _FAMILY_RE:
        m = re.match(pat, s)
        if m:
            return fam or m.group(0).strip()
    return ""


def tier_of_family(family: str) -> str:
    """domestic | international | foreign for a family ('' when it cannot tell)."""
    f = (family or "").upper()
    if not f:
        return ""
    if f == "PRODUCT":
        return "product"
    try:
        from zmdocs.stdnum import tier_of as _tier

        t = _tier(family)
        if t in TIERS:
            return t
    except Exception:
        pass
    if f in _INTERNATIONAL:
        return "international"
    if f in _FOREIGN or f.startswith("DIN") or f.endswith(" EN"):
        return "foreign"
    if f.startswith(_DOMESTIC_PREFIX) or re.match(r"^[A-Z]{2}/T$", f) or re.match(r"^[A-Z]{2}$", f):
        return "domestic"
    return ""


def tier_of(doc) -> str:
    """The tier of a Document or ProductSpec (by its family, else its id); unknown ids count as foreign."""
    if getattr(doc, "tier", None) == "product":
        return "product"
    fam = getattr(doc, "family", "") or family_of(getattr(doc, "id", "") or getattr(doc, "number", ""))
    return tier_of_family(fam) or tier_of_family(family_of(getattr(doc, "id", ""))) or "foreign"
