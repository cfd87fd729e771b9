"""Quantities in folded, masked text: single values, ranges, tolerances, deviation bands, IP codes and grades.

`scan` finds every quantity of a span with its unit and the comparator cue read left or right of it
(`_comparator`); the passage reader (`prose.extract_text`) then decides what each quantity is.
"""

from __future__ import annotations

import functools
import re

from zmdocs.indicators import patterns_en, patterns_zh
from zmdocs.indicators.counts import count_words
from zmdocs.indicators.deviations import run_adjectives
from zmdocs.indicators.disjuncts import negated_disjunct, sentence_bound, whichever_alternative
from zmdocs.indicators.lost_signs import restore_lost_signs
from zmdocs.indicators.quantity import Quantity
from zmdocs.indicators.symbols import defined_symbol
from zmdocs.indicators.units import UNIT_PATTERN, UNKNOWN_UNIT_RE, ZH_CLASSIFIERS, unit_symbol
from zmdocs.indicators.zh_counts import count_numerals
from zmdocs.indicators.zh_sizes import size_sides
from zmdocs.text.numbers import (
    NUM,
    convert_cn_numerals,
    fraction_words,
    number_out,
    number_words,
    parse_number,
    powers_of_ten,
    spelled_then_digits,
)
from zmdocs.text.sentences import join_zh_wraps, sentence_spans
from zmdocs.text.width import drop_equivalent_before_tolerance, lost_plus_minus, raised_degrees
from zmdocs.text.width import fold_chars as fold

_SN = r"(?<![A-Za-z0-9.,/\x00])-?" + NUM
_U = UNIT_PATTERN
QRE = re.compile(
    rf"(?P<tolp>\(\s*(?P<tpn>{_SN})\s*(?P<tpnu>{_U})?\s*±\s*(?P<tpt>{NUM})\s*(?P<tptu>{_U})?\s*\)\s*(?P<tpu>{_U})?)"
    rf"|(?P<tola>(?=[^+\n]{{1,16}}\+[^/\n]{{1,16}}/\s*-)(?P<an>{_SN})\s*(?P<anu>{_U})?\s*\+\s*(?P<aap>{NUM})\s*(?P<aapu>{_U})?\s*/\s*-\s*(?P<aam>{NUM})\s*(?P<aamu>{_U})?)"
    rf"|(?P<rng>(?P<ra>{_SN})\s*(?P<rau>{_U})?\s*(?P<sep>~|-|—|至|到|\.\.\.|…|(?<![A-Za-z])(?:to|bis|à|and|und|et)(?![A-Za-z]))\s*(?P<rb>[-+]?{NUM})\s*(?P<rbu>{_U})?)"
    rf"|(?P<tol>(?P<tn>{_SN})\s*(?P<tnu>{_U})?\s*±\s*(?P<tt>{NUM})\s*(?P<ttu>{_U})?)"
    rf"|(?P<asym>\+\s*(?P<ap>{NUM})\s*(?P<apu>{_U})?\s*(?P<alt>(?:or|oder|ou|或)\s*{NUM}\s*(?:{_U})\s*\([^()]{{0,40}}\)\s*)?"
    rf"(?:or|and|/|,|，|、|oder|ou|或|和)?\s*-\s*(?P<am>{NUM})\s*(?P<amu>{_U}))"
    rf"|(?P<asymr>(?<![A-Za-z0-9.,/\x00])-\s*(?P<rm>{NUM})\s*(?P<rmu>{_U})?\s*(?:or|and|/|,|，|、|oder|ou|或|和)\s*\+\s*(?P<rp>{NUM})\s*(?P<rpu>{_U}))"
    rf"|(?P<pmb>±\s*(?P<pmv3>{NUM})\s*[\]）)]\s*(?P<pmu3>{_U}))"  # "[Δvt(t)±1]km/h": a band around a symbol
    rf"|(?P<pm>(?<![\d)\s])±\s*(?P<pmv>{NUM})\s*(?P<pmu>{_U})?|(?<=\s)±\s*(?P<pmv2>{NUM})\s*(?P<pmu2>{_U})?)"
    rf"|(?P<one>(?P<v>{_SN})\s*(?P<vu>{_U})?)"
)
_SINGLE_RE = re.compile(rf"(?P<v>{_SN})\s*(?P<vu>{_U})?")
IP_RE = re.compile(r"(?<![A-Za-z])IP\s?([0-6X])([0-9X])([A-D])?([HMSW])?(?![A-Za-z0-9])")
GRADE_ZH = re.compile(r"(?<![\d.\x00])((?:V-?)?\d{1,2}(?:\.\d)?)\s*级")
_MODAL_AFTER = re.compile(r"(?i)^[^.;:]{0,80}?\b(?:shall|is|are|will)\s+be\s+(?:considered|deemed|regarded)\b")  # its own modal
_MODAL_BEFORE = re.compile(r"(?i)\b(?:darf|dürfen|muss|müssen|soll)\b[^\d;:.]*$")
_PER_WORD = re.compile(rf"\s*(?:per|pro|par|je)\s+(?:(?:1|one|an?|un|une|ein)\s+)?({_U})(?![A-Za-z])", re.I)
_PER_TIME = {"tag": "d", "day": "d", "jour": "d", "stunde": "h", "hour": "h", "heure": "h", "jahr": "a", "year": "a", "an": "a"}
_PER_TIME_BEFORE = re.compile(r"(?i)\b(?:pro|per|je|par)\s+(" + "|".join(_PER_TIME) + r")\s*$")
_PER_VOLUME = re.compile(r"/\s?((?:\d+\s?)?(?:ml|mL|l|L|cm³|m³|g|kg))(?![A-Za-z0-9])")  # "0/100 ml", "100/ml"
_PER_UNIT = re.compile(r"/(?:\([A-Za-zµΩ°²³·0-9]{1,8}\)|[A-Za-zµΩ°²³·]{1,6})(?![A-Za-z])")
_WORD_MULTIPLE = re.compile(r"\s*(?:times|fois|[-‑]?fache[nr]?)\s+(?:the|des?|la|les|du|den|der|die|das)\b", re.I)
# an allowance added to a limit the sentence bounds from above: "shall not exceed the respective limit …, plus 0.5 m-1"
_ALLOWANCE = re.compile(r"(?i)\b(?:shall|must|may)\s+not\s+exceed\s+the\s+[^.;]{0,200}?\bplus\s*$")
_BOUND_CMP = ("<", "<=", ">", ">=")
_MULTIPLE = re.compile(r"\s*(?:倍|times\b|fois\b|[-‑]?fache[nr]?\b|x\b|×)", re.I)
_ARITH = re.compile(r"\s*(?:减去|加上|减|加|minus\b|plus\b|moins\b)\s*\d", re.I)
PREFIX_UNIT = re.compile(r"(?<![A-Za-z])(HRC|HRA|HRB|HV\d*|HBW|HB|Shore\s?[AD])\s*$")
GRADE_EN = re.compile(r"(?i)\b(?:grade|class|Klasse|Schutzklasse|classe|Stufe|niveau)\s+([A-G]\+{0,3}|[1-5]|(?-i:[IV]{1,3}|0I))(?![A-Za-z0-9+])")
CLASS_ZH = re.compile(r"([ⅠⅡⅢ]|0Ⅰ|0)\s*类")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "0I": 0.5, "0Ⅰ": 0.5, "0": 0}
_BETWEEN_NAMED = r"(?:\s+(?:the|a|an)\s+[a-z-]{3,}(?:\s+[a-z-]{3,})?)?"  # "between the readings 20 and 80"
_BETWEEN = re.compile(r"(?i)(?:between" + _BETWEEN_NAMED + r"|zwischen|entre)\s*:?\s*$")  # "between: -1.5 and -3.5"
_RANGE_WORD = re.compile(r"(?i)(?:between" + _BETWEEN_NAMED + r"|zwischen|entre|from|von|de|在|为|within|range)\s*:?\s*$")


def patterns_for(lang: str):
    return patterns_zh if lang == "zh" else patterns_en


_PAREN_NUMBER = re.compile(r"[(（]\s*(\d[\d.]*)\s*[)）](?=\s*(?:mm|cm|m|km|kg|g|N|kPa|MPa|Pa|V|A|W|s|min|h)(?:²|³|/|(?![A-Za-z])))")
_CLASSIFIED_MEASURE = re.compile(r"(\d)\s*个\s*(字节|比特)")
_SPACED_SIGN = re.compile(r"(?<![\w)\]%°.,])([-+]) (?=\d)")
_RANGE_SLASH = re.compile(r"(?i)(\bin\s+the\s+range\s+(?:of\s+)?-?\d[\d.,]*)\s*/\s*(?=-?\d)")  # "in the range 550/570 nm"


# number words read before a unit or after a bound (2 and up: "one" is too often a pronoun or an article)
_WORD_NUMBERS = {lang: number_words(lang, 2) for lang in ("en", "de", "fr")}
_BOUND_WORD = {"en": r"at\s+least|at\s+most|up\s+to|an?\s+maximum\s+of|(?:not|no)\s+(?:more|less|fewer)\s+than|(?:shall|must|may|does|do)\s+not\s+exceed",
               "de": r"mindestens|höchstens|nicht\s+(?:mehr|weniger)\s+als",
               "fr": r"au\s+moins|au\s+plus|pas\s+(?:plus|moins)\s+de"}
# "does not exceed one unit", "not more than one lamp", "at least one pair": "one" after a bound is a count (not an article)
_AT_MOST_ONE = re.compile(r"(?i)(\b(?:(?:not|no)\s+more\s+than|at\s+most|(?:shall|must|may|does|do)\s+not\s+exceed)\s+)one(?![\w-])(?!\s+(?:of|and)\b)|(\bat\s+least\s+)one(?=\s+(?:pair|set)\b|\s+of\s+these\b)")
_UNIT_AT = re.compile(rf"(?i)(?:{UNIT_PATTERN})(?![A-Za-zÀ-ÿ0-9])")
_HALF = re.compile(r"(?i)\b(?:eine\s+)?halbe\s+(?=(?:Stunde|Minute)\b)")


@functools.lru_cache(maxsize=4)
def _word_number_res(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """"drei Minuten", "zwölf Litern" (a number in words before a unit), "mindestens drei" (after a bound)."""
    words = "|".join(sorted(_WORD_NUMBERS[lang], key=len, reverse=True))
    before_unit = re.compile(rf"(?i)(?<![\w-])({words})(?=\s+(?:{UNIT_PATTERN})(?![A-Za-zÀ-ÿ0-9]))")
    after_bound = re.compile(rf"(?i)(\b(?:{_BOUND_WORD[lang]})\s+)({words})(?![\w-])")
    return before_unit, after_bound


# "within one hour", "after one minute", "and one degree": "one" before a singular unit of time or angle is a value
_ONE_UNIT = re.compile(r"(?i)(?<![\w-])one(?=\s+(?:minute|hour|second|degree)(?![\w-]))")
# "the operating range of 10 km/h to at least 50 km/h": the upper end of a range said to be a least value
_TO_AT_LEAST = re.compile(r"(?i)(?<=\d)(\s?[A-Za-z/°%]{0,6}\s+to)(\s+at\s+least)(?=\s+\d)")
_ZERO_BOUND = re.compile(r"(?<=大于|小于|等于|超过|低于|高于)零(?![点.])")  # "值大于零": a bound on zero, in words
_SUB_SUP = re.compile(r"<su[bp]>([^<>\d]{1,12})</su[bp]>")


def prepare(text: str, lang: str) -> str:
    """Folded text; Chinese numerals as digits for zh, small numbers in words before a unit for en/de/fr."""
    t = _SPACED_SIGN.sub(lambda m: " " + m.group(1), fold(text))  # "- 5 °C to + 30 °C": the sign belongs to the number
    t = _PAREN_NUMBER.sub(r"\1", powers_of_ten(t))  # "5 × 10⁻⁶", "50*106" (a lost superscript), "m ⁻¹"; "(4×10⁵)mm²"
    t = _RANGE_SLASH.sub(lambda m: m.group(1) + " to" + " " * (len(m.group()) - len(m.group(1)) - 3), t) if "range" in t else t
    t = raised_degrees(t) if lang != "zh" else t  # "from 10o above": a degree sign set as a raised o
    t = drop_equivalent_before_tolerance(lost_plus_minus(t))  # "266 K (-7 °C) $ 3 K": a lost "±", an equivalent
    t = _SUB_SUP.sub(r"_\1", t) if "<su" in t else t  # "V<sub>smaxset</sub>": a symbol's index, not markup around a value
    if lang == "zh":
        t = convert_cn_numerals(count_numerals(size_sides(_ZERO_BOUND.sub("0", join_zh_wraps(t)))))
        return _CLASSIFIED_MEASURE.sub(r"\1\2", t)  # "256个字节": the measure word is the unit
    t = restore_lost_signs(t)  # "Prüfwert für C alpha-ges* 0,1 Bq/l": a ≤ the converter printed as "*"
    if lang not in _WORD_NUMBERS:
        return t
    if lang == "de":
        t = _HALF.sub("0,5 ", t)  # "eine halbe Stunde"
    t = fraction_words(t, _UNIT_AT) if lang == "en" else t  # "one-quarter of a degree"
    t = spelled_then_digits(t, lang) if lang == "en" else t  # "five (5) samples"
    t = count_words(run_adjectives(t) if lang == "en" else t, lang)  # "drei Einzelmessungen": a count of tests (`counts`)
    nums = _WORD_NUMBERS[lang]
    before_unit, after_bound = _word_number_res(lang)
    t = before_unit.sub(lambda m: str(nums[m.group(1).lower()]), t)
    if lang == "en" and "at least" in t:
        t = _TO_AT_LEAST.sub(lambda m: m.group(1) + " " * len(m.group(2)), t)
    if lang == "en" and "one" in t.lower():
        t = _ONE_UNIT.sub("1", _AT_MOST_ONE.sub(r"\g<1>\g<2>1", t))
    return after_bound.sub(lambda m: m.group(1) + str(nums[m.group(2).lower()]), t)


def sentences(t: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans in folded text: the one splitter, `zmdocs.text.sentences.sentence_spans`."""
    return sentence_spans(t, lang)


def _num(s: str | None, lang: str):
    return None if s is None else parse_number(s, lang)


def scan(t: str, masked: str, lang: str, default_unit: str = "", start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in masked[start:end], with its unit and comparator cue."""
    P = patterns_for(lang)
    end = len(masked) if end is None else end
    out: list[Quantity] = []
    chains = _chains(masked, lang, start, end)
    out.extend(q for q, _ in chains)
    for m in QRE.finditer(masked, start, end):
        if any(a <= m.start() < b for _, (a, b) in chains):
            continue
        q = _match_quantity(t, masked, m, lang, default_unit)
        if isinstance(q, list):  # a dash or "and" that joins no range: the two ends as single quantities
            out.extend(q)
            continue
        if q is not None and _complete(t, masked, q, P, default_unit):
            out.append(q)
    if any(q.unit and not q.defaulted and dim_of(q.unit) == dim_of(default_unit) for q in out):
        for q in out:  # "a = 0.25 m b = 0.0075": the header's unit is written where it applies; b has none
            if q.defaulted:
                q.unit, q.defaulted = "", False
    ords = _ordinals(t, masked, lang, P, start, end)
    out = [q for q in out if not any(o.start <= q.start < o.end for o in ords)] + ords
    out.sort(key=lambda q: q.start)
    return out


def _match_quantity(t: str, masked: str, m: re.Match, lang: str, default_unit: str) -> Quantity | list[Quantity] | None:
    """The quantity of one QRE match (a list of singles when a range reading is refused)."""
    g = m.groupdict()
    if g["tolp"]:  # "(30 ± 1) km/h"
        nom, tol = _num(g["tpn"], lang), _num(g["tpt"], lang)
        unit = g["tpu"] or g["tpnu"] or (g["tptu"] if g["tptu"] != "%" else "") or ""
        return _tol(m.start(), m.end(), nom, tol, unit, g["tptu"] == "%" and bool(g["tpu"] or g["tpnu"]) and "%" not in (g["tpu"], g["tpnu"]))
    if g["tola"]:  # "4.0 +0.0/-1.0 Hz": a nominal with unequal deviations up and down
        return _asym_tol(m, lang)
    if g["rng"]:
        return _range(t, masked, m, lang, default_unit)
    if g["tol"]:
        nom, tol = _num(g["tn"], lang), _num(g["tt"], lang)
        unit = g["tnu"] or (g["ttu"] if g["ttu"] != "%" else "") or ""
        return _tol(m.start(), m.end(), nom, tol, unit, g["ttu"] == "%" and bool(g["tnu"]) and g["tnu"] != "%")
    if g["asym"]:  # "+5 % or -10 %": an asymmetric deviation band
        hi, lo = _num(g["ap"], lang), _num(g["am"], lang)
        if hi is None or lo is None:
            return None
        q = Quantity(m.start(), m.end(), "rng", None, number_out(-lo), number_out(hi), g["amu"] or g["apu"] or "")
        if g["alt"]:  # "+5 % or 20 W (whichever is greater) / -10 %": the alternative bound qualifies the band
            q.conds.append(g["alt"].strip())
        return q
    if g["asymr"]:  # "-10 % / +5 %"
        hi, lo = _num(g["rp"], lang), _num(g["rm"], lang)
        if hi is None or lo is None:
            return None
        return Quantity(m.start(), m.end(), "rng", None, number_out(-lo), number_out(hi), g["rpu"] or g["rmu"] or "")
    if g["pm"] or g["pmb"]:
        v = _num(g["pmv"] or g["pmv2"] or g["pmv3"], lang)
        unit = g["pmu"] or g["pmu2"] or g["pmu3"] or ""
        return None if v is None else Quantity(m.start(), m.end(), "rng", None, number_out(-v), number_out(v), unit)
    v = _num(g["v"], lang)
    return None if v is None else Quantity(m.start(), m.end(), "one", number_out(v), unit=g["vu"] or "")


def _range(t: str, masked: str, m: re.Match, lang: str, default_unit: str) -> Quantity | list[Quantity]:
    """A two-ended range, or its two ends as singles when the separator does not make one."""
    g = m.groupdict()
    a, b = _num(g["ra"], lang), _num(g["rb"], lang)
    sep = g["sep"].strip().lower()
    unit = g["rbu"] or g["rau"] or ""
    left = t[max(0, m.start() - 25): m.start()]
    wordy = sep in ("and", "und", "et", "to", "bis", "à")
    if (sep in ("and", "und", "et") and not _RANGE_WORD.search(left)) or (sep in ("-", "—") and not unit and not default_unit) \
            or a is None or b is None or (g["rau"] and g["rbu"] and dim_of(g["rau"]) != dim_of(g["rbu"])):
        return _singles(t, masked, m.start(), m.end(), lang)
    if wordy and not g["rbu"] and not g["rau"] and not default_unit and not _BETWEEN.search(left):
        return _singles(t, masked, m.start(), m.end(), lang)
    return Quantity(m.start(), m.end(), "rng", None, number_out(min(a, b)), number_out(max(a, b)), unit)


def _complete(t: str, masked: str, q: Quantity, P, default_unit: str) -> bool:
    """Read the comparator and finish the unit (per-unit, compound, prefix, unknown); False drops the quantity."""
    q.unit = q.unit.strip()
    if q.unit:
        per = _PER_WORD.match(masked, q.end)
        if per:  # "1 mA per kW", "0,75 mA pro kW", "每千瓦": a limit per unit
            q.unit = f"{q.unit}/{per.group(1)}"
            q.end = per.end()
    if not q.unit and q.kind == "one" and masked[q.end:q.end + 1] == "/":
        cnt = _PER_VOLUME.match(masked, q.end)
        if cnt:  # "0/100 ml", "100/ml": a count (organisms, colonies) per sample volume
            q.unit = "/" + re.sub(r"\s+", " ", cnt.group(1))
            q.end = cnt.end()
    if q.unit and masked[q.end:q.end + 1] == "/":
        ext = _PER_UNIT.match(masked, q.end)
        if ext:  # "g/(m²·d)": a compound unit the lexicon lacks, kept as written
            q.unit += ext.group()
            q.end = ext.end()
    _comparator(t, q, P)  # after the unit: "1 300 Milligramm je Kilowattstunde nicht überschreiten"
    if q.unit == "%" and q.comparator is None and _ZH_REF_END.search(t, max(0, q.start - 48), q.start) \
            and not _ZH_WHEN_AFTER.match(t, q.end):
        left = t[max(0, q.start - 48):q.start]  # "应大于等于…整车重量的20%": a bound on a share of another quantity
        cue_end = _cue_before_reference(q, P, left)
        if cue_end:
            q.conds.append(left[cue_end:].strip() + t[q.start:q.end])
    per_before = _PER_TIME_BEFORE.search(t, max(0, q.cue_start - 30), q.cue_start) if q.unit and "/" not in q.unit else None
    if per_before:  # "aus denen pro Tag mindestens 10 Kubikmeter": a rate whose time unit is written first
        q.unit = f"{unit_symbol(q.unit)}/{_PER_TIME[per_before.group(1).lower()]}"
    if q.unit and not q.defaulted and _defined_symbol(q.unit, masked[q.end:]):
        return False
    if _ARITH.match(t, q.end):
        return False  # "标称值的90%减0.1mm": an expression, not a limit of its own
    if not q.unit and _MULTIPLE.match(t, q.end) and not _bounded_multiple(t, q, P) and not _repetitions(t, q):
        return False  # "在1.06倍额定电压下", "1.5 times": a multiple of another quantity, not a limit (a bounded one is)
    if not q.unit and q.kind in ("one", "rng") and P is patterns_zh:
        cls = _ZH_CLASSIFIER.match(masked, q.end)
        if cls:  # "至少 100 组", "2 个独立的噪声源", "三层密钥结构": a count keeps its classifier as the unit
            q.unit, q.end = cls.group(1), cls.end()
    if counted(q.unit) and q.comparator in (None, "=") and P is patterns_zh \
            and _SAMPLE_SIZE.search(masked, max(0, q.start - 60), q.start):
        return False  # "样品…随机抽取，数量为3台", "样本量为5件": a sample size, no indicator of the product
    if not q.unit:
        pre = PREFIX_UNIT.search(t, max(0, q.start - 12), q.start)
        if pre:
            q.unit = pre.group(1)
    if not q.unit:
        unk = UNKNOWN_UNIT_RE.match(masked, q.end + (1 if masked[q.end:q.end + 1] == " " else 0))
        if unk and (_defined_symbol(unk.group(), masked[unk.end():]) or defined_symbol(unk.group(), masked)):
            return False  # "6 D" where "D is the diameter": a multiple of a defined quantity
        if unk and q.comparator and q.comparator not in ("=",):
            q.unit = unk.group()
            q.end = unk.end()
        elif default_unit:
            q.unit, q.defaulted = default_unit, True
    return True


# "N times the rated current", "6 times rated current", "das 6fache des …": the multiple names another quantity
_WORD_MULTIPLE_BARE = re.compile(r"\s*(?:times|fois)\s+(?!(?:in|at|per|an?|each|every|during|for|with|without|and|or|to|on|if|when|as)\b)"
                                 r"[A-Za-zÀ-ÿ]", re.I)
_ARTICLE_END = re.compile(r"(?i)\s*\b(?:das|dem|the|le|la)\s*$")
# Chinese count classifiers (and bits/bytes) right after a number with no unit; not the start of a word (对于, 组合, 层次)
# a sampling plan earlier in the same sentence (the number of samples drawn is stated, not required)
_SAMPLE_SIZE = re.compile(r"(?:样品|样本|试样|抽样|抽取|抽检)[^。；;]*$")
_ZH_CLASSIFIER = re.compile(rf"\s*({'|'.join(ZH_CLASSIFIERS)})(?!于|应|合|成|次|面|级|间|别|类|型|积|板|员|工|体|称|义|能|状|力)")


def counted(unit: str) -> bool:
    """A Chinese count classifier used as a unit ("组", "对"): counts of different things listed under one bound."""
    return bool(unit) and _ZH_CLASSIFIER.fullmatch(unit) is not None


_ZH_WHEN_AFTER = re.compile(r"\s*(?:时|后|之前|前|下)")  # "达到…的75%时": the share a condition names
_ZH_REF_END = re.compile(r"[^，,；;。:\d<>≤≥=]的\s*$")
_MULTIPLE_REF = re.compile(r"(?:(?!\s(?:betragen|nicht|sein|ist|shall|must|is|are|doit|ne)\b)(?:[^,;，；。()（）.]|\.(?=\d))){0,50}", re.I)


def _bounded_multiple(t: str, q: Quantity, P) -> bool:
    """A bound on N times another quantity is a unitless factor (convention of tests/data/indicators/README.md).

    "shall not exceed 0.15 times the MPE", "不大于额定电流的6倍", "höchstens das 6fache des Bemessungsstroms" keep
    `q` with the bound's comparator and the multiple as a condition; a stated or applied multiple ("at 1.06 times
    rated voltage", "为公称压力的1.5倍") is not a limit.
    """
    mult = _MULTIPLE.match(t, q.end)
    word = mult.group().strip().lower()
    if word in ("x", "×"):
        return False
    left = t[max(0, q.start - 48):q.start]
    if word == "倍":  # "不应大于车辆制造商声明的最大横向加速度的1.4倍": the cue comes before the reference quantity
        cue_end = _ZH_REF_END.search(left) and _cue_before_reference(q, P, left)
        if not cue_end:
            return False
        q.conds.append(left[cue_end:].strip() + t[q.start:mult.end()])
        return True
    if q.comparator not in _BOUND_CMP and _ARTICLE_END.search(left):  # "höchstens das 6fache"
        _cue_in(q, P, left[:_ARTICLE_END.search(left).start()], len(left))
    if q.comparator not in _BOUND_CMP or not (_WORD_MULTIPLE.match(t, q.end) or _WORD_MULTIPLE_BARE.match(t, q.end)):
        return False
    q.conds.append((t[q.start:mult.end()] + _MULTIPLE_REF.match(t, mult.end()).group()).strip())
    return True


_TIMES_COUNT = re.compile(r"(?i)\s*(?:times|fois|mal)\b(?=\s*(?:[,;.:)]|$|(?:in|at|per|each|every|during|for|with|without|and|or|to|on|if|when|as|before|after|until|in\s+order)\b))")


def _repetitions(t: str, q: Quantity) -> bool:
    """"repeated not less than six times in order to …": a bounded count of repetitions, not a multiple of a quantity."""
    return q.comparator in _BOUND_CMP and bool(_TIMES_COUNT.match(t, q.end))


def _cue_before_reference(q: Quantity, P, left: str) -> int:
    """End of the first bound cue of the segment before a Chinese multiple's reference quantity (不大于 … 的6倍), or 0."""
    stop = max(left.rfind(c) for c in "，,；;。")
    for k in range(stop + 2, len(left) - 1):
        if _cue_in(q, P, left[:k], len(left)):
            # the longest cue that starts there: "小于等于" over its prefix "小于"
            longer = [j for j in range(k + 1, min(k + 4, len(left))) if _cue_in(q, P, left[:j], len(left))]
            if longer:
                _cue_in(q, P, left[:longer[-1]], len(left))
            return longer[-1] if longer else k
    return 0


def _cue_in(q: Quantity, P, prefix: str, n_left: int) -> bool:
    for rx, comp in P.LEFT:
        m = rx.search(prefix)
        if m and comp in _BOUND_CMP:
            q.comparator, q.cue_start = comp, q.start - (n_left - m.start())
            return True
    return False


def _defined_symbol(unit: str, after: str) -> bool:
    """"0.7H(H 为…的高度)", "0.8 K (K is the …)": a multiple of a symbol the text defines next, not a unit."""
    return bool(_defined_symbol_re(unit).match(after))


@functools.lru_cache(maxsize=1024)
def _defined_symbol_re(unit: str) -> re.Pattern:
    return re.compile(r"\s*[(（]\s*" + re.escape(unit) + r"\s*(?:为|是|表示|is\b|=|:|ist\b|est\b)")


_CHAIN = re.compile(rf"(?P<a>{_SN})\s*(?P<au>{_U})?\s*[<≤]\s*(?P<var>[A-Za-zα-ω][A-Za-z0-9_]{{0,5}})\s*[<≤]\s*(?P<b>-?{NUM})\s*(?P<bu>{_U})?")


def _chains(masked: str, lang: str, start: int, end: int) -> list[tuple[Quantity, tuple[int, int]]]:
    """"0.3 ≤ pLC ≤ 0.8", "50 000 v < m ≤ 200 000 v": a chained inequality is one range on the named variable."""
    out: list[tuple[Quantity, tuple[int, int]]] = []
    seg = masked[start:end]
    if seg.count("<") + seg.count("≤") < 2:
        return out
    for m in _CHAIN.finditer(masked, start, end):
        a, b = _num(m.group("a"), lang), _num(m.group("b"), lang)
        if a is None or b is None or a >= b:
            continue
        q = Quantity(m.start(), m.end(), "rng", None, number_out(a), number_out(b), (m.group("bu") or m.group("au") or "").strip())
        q.comparator, q.cue_start = "range", m.start()
        out.append((q, (m.start(), m.end())))
    return out


def canon_of(q: Quantity) -> str | None:
    from zmdocs.indicators.units import conversion

    return conversion(unit_symbol(q.unit))[0] if q.unit else None


def dim_of(unit: str) -> str:
    from zmdocs.indicators.units import conversion

    sym = unit_symbol(unit)
    return conversion(sym)[0] or sym


def _singles(t: str, masked: str, s: int, e: int, lang: str) -> list[Quantity]:
    P = patterns_for(lang)
    res = []
    for m in _SINGLE_RE.finditer(masked, s, e):
        v = _num(m.group("v"), lang)
        if v is None:
            continue
        q = Quantity(m.start(), m.end(), "one", number_out(v), unit=(m.group("vu") or "").strip())
        _comparator(t, q, P)
        res.append(q)
    return res


def _asym_tol(m: re.Match, lang: str) -> Quantity | None:
    """"4.0 +0.0/-1.0 Hz", "230 V +10/-15 %": a tolerance from nominal - down to nominal + up (relative in %)."""
    g = m.groupdict()
    nom, up, down = _num(g["an"], lang), _num(g["aap"], lang), _num(g["aam"], lang)
    if nom is None or up is None or down is None:
        return None
    dev_unit = g["aamu"] or g["aapu"] or ""
    unit = g["anu"] or (dev_unit if dev_unit != "%" else "")
    rel = dev_unit == "%" and bool(g["anu"]) and g["anu"] != "%"
    lo, hi = (abs(nom) * down / 100.0, abs(nom) * up / 100.0) if rel else (down, up)
    q = Quantity(m.start(), m.end(), "tol", number_out(nom), number_out(round(nom - lo, 10)), number_out(round(nom + hi, 10)), unit)
    q.comparator = "tolerance"
    return q


def _tol(s: int, e: int, nom, tol, unit: str, relative: bool) -> Quantity | None:
    if nom is None or tol is None:
        return None
    d = abs(nom) * tol / 100.0 if relative else tol
    q = Quantity(s, e, "tol", number_out(nom), number_out(round(nom - d, 10)), number_out(round(nom + d, 10)), unit)
    q.comparator = "tolerance"
    return q


def _left_cue(t: str, q: Quantity, P, left: str) -> bool:
    """A comparator cue just left of the quantity (≤, 不大于, shall not exceed): set it and say so."""
    for rx, comp in P.LEFT:
        m = rx.search(left)
        if m:
            if comp == "range?" and q.kind != "rng":
                continue
            # "不超过±3%" keeps the range; the cue still ends the parameter
            q.comparator = "range" if q.kind == "rng" else comp
            q.cue_start = q.start - (len(left) - m.start())
            if comp == ">" and q.kind != "rng" and _BY_MORE.search(left) \
                    and _NEGATED.search(t, max(0, q.cue_start - 120), q.cue_start):
                q.comparator = "<="  # "shall not cause … to vary by more than 0,05" (a range "+5 % or -10 %" stays)
            q.comparator = negated_disjunct(t, q.cue_start, q.comparator)  # "shall not be less than 5, or more than 9"
            return True
    return False


def _comparator(t: str, q: Quantity, P) -> None:
    """Read the comparator cue left (≤, 不大于, shall not exceed) or right (以下, or less) of a quantity."""
    if q.kind == "tol":
        q.cue_start = q.start
        return
    left = t[max(0, q.start - 48): q.start]
    alt = whichever_alternative(t, q.start, q.end, P.LEFT) if q.kind == "one" else None
    if alt:  # "no greater than 3 times the depth or 25 metres, whichever is greater"
        q.comparator, q.cue_start = alt, q.start
        return
    if _left_cue(t, q, P, left):
        return
    if q.kind == "rng":
        q.comparator = "range"
        q.cue_start = q.start
        return
    if q.kind == "one" and _BETWEEN.search(left) and _AND_NO_NUMBER.match(t, q.end):
        q.comparator, q.cue_start = ">=", q.start - (len(left) - _BETWEEN.search(left).start())
        return  # "between 70 °C and a maximum temperature specified by the manufacturer": the lower end is the bound
    if _ALLOWANCE.search(t, max(0, q.start - 240), q.start):
        q.comparator = "<="  # "shall not exceed the limit for k specified in Table 2, plus 0.5 m-1": the allowance
        q.cue_start = q.start
        return
    right = t[q.end: q.end + 40]
    paren = _PAREN_AFTER.match(t, q.end, q.end + 90)
    for rx, comp in P.RIGHT:
        m = rx.match(right) or (rx.match(t[paren.end():paren.end() + 40]) if paren else None)
        if m and comp != "range?":
            q.comparator = comp
            q.cue_start = q.start
            return
    if q.kind == "ip" and _ip_cue(q, P, left):
        return
    for rx, comp in P.RIGHT_FAR:
        if rx.match(t[q.end: q.end + 120]) and (_MODAL_BEFORE.search(left) or _MODAL_AFTER.match(t[q.end: q.end + 120])):
            q.comparator = comp
            q.cue_start = q.start
            return
    if q.kind == "one" and re.search(r"(?<![\d)/*])\+\s*$", left):
        q.comparator, q.cue_start = "<=", q.start  # "+20 %": a one-sided deviation limit
        return
    m = P.EQ_CUE.search(left)
    if m:
        # "应能承受10 000次循环", "shall withstand 10 000 cycles": an endurance count is a minimum
        endures = _ENDURE.search(m.group()) and _COUNT_UNIT.match(q.unit or "")
        q.comparator = ">=" if endures else "="
        q.cue_start = q.start - (len(left) - m.start())
        q.comparator = sentence_bound(t, q.cue_start) or q.comparator  # "As a minimum, a coverage of 5 % is …"
    else:
        q.cue_start = q.start


_AND_NO_NUMBER = re.compile(r"(?i)\s+(?:and|und|et)\s+(?:a|an|the|der|die|das|une?|la|le)\s+(?![\d(])")
_BY_MORE = re.compile(r"(?i)\bby\s+more\s+than\s*$")
# a negation earlier in the same clause: "No measured value deviates unfavourably | by more than"
_NEGATED = re.compile(r"(?i)\b(?:not|no|never|nicht|kein\w*|ne)\b[^,;.:]*$")
# a parenthesis between a value and its cue: "4min（汽车列车为6min）内", "5 mm (see Figure 2) or less"
_PAREN_AFTER = re.compile(r"\s*\([^()]{1,80}\)")


def _ip_cue(q: Quantity, P, left: str) -> bool:
    """"mindestens der Schutzart IPX4", "不低于防护等级IPX4": the cue a few words before an IP code."""
    words = left
    for _ in range(3):
        words = re.sub(r"(?:\s*[^\s\d]+\s*|[\u4e00-\u9fff]{1,4})$", "", words)
        for rx, comp in P.LEFT:
            if comp != "range?" and rx.search(words):
                q.comparator, q.cue_start = comp, q.start
                return True
    return False


# "for load cells of class A", "Class C, 2 000 intervals", "Class A; Class B; Class C": a class that names what a
# value is for, describes an item, or is listed, not a class the product must have
_OF_CLASS = re.compile(r"(?i)\b(?:of|for|in|to|with|für|von|pour|de|des)\s+(?:[\w-]+\s+){0,3}$")
_LISTED = re.compile(r"^\s*(?:[,;]\s*\d|[,;]\s*(?:grade|class|Klasse|classe|Stufe)\b|\s*(?:and|or|und|oder|et|ou)\s+[A-G1-5]\b)", re.I)


def _grade_is_label(masked: str, m: re.Match, n: int) -> bool:
    left = masked[max(0, m.start() - 40):m.start()]
    if re.search(r"\b(?:shall|must|should|be|is|are|sein|ist|doit|être)\s+(?:[\w-]+\s+){0,2}$", left, re.I) or re.search(
            r"(?:at\s+least|at\s+most|not\s+(?:lower|less|worse)\s+than|minimum|maximum|mindestens|höchstens|au\s+moins)\s*$", left, re.I):
        return False  # "shall be class A", "of at least class A": a required class
    return bool(_OF_CLASS.search(left) or _LISTED.match(masked[m.end():m.end() + 12]) and n >= 1)


_ENDURE = re.compile(r"承受|经受|耐受|withstands?|endures?|survives?|aushalten|standhalten|résister|supporter", re.I)
_COUNT_UNIT = re.compile(r"^(?:次|cycles?|operations?|times|Zyklen|Schaltspiele|Betätigungen|manœuvres|manoeuvres)$", re.I)


def _ordinals(t: str, masked: str, lang: str, P, start: int = 0, end: int | None = None) -> list[Quantity]:
    out = []
    end = len(masked) if end is None else end
    for m in IP_RE.finditer(masked, start, end):
        a, b = m.group(1), m.group(2)
        label = m.group().replace(" ", "")
        q = Quantity(m.start(), m.end(), "ip", label, unit="",
               ordinal={"scale": "ip", "rank": [None if a == "X" else int(a), None if b == "X" else int(b)], "label": label})
        _comparator(t, q, P)
        out.append(q)
    if lang == "zh":
        for m in CLASS_ZH.finditer(masked, start, end):  # "应为Ⅱ类器具": a protection class, only with a cue
            q = Quantity(m.start(), m.end(), "grade", m.group().strip(), unit="",
                   ordinal={"scale": "class", "rank": _ROMAN[m.group(1)], "label": m.group().strip()})
            _comparator(t, q, P)
            if q.comparator:
                out.append(q)
    rx = GRADE_ZH if lang == "zh" else GRADE_EN
    found = list(rx.finditer(masked, start, end))
    for m in found:
        lab = m.group(1)
        if lang != "zh" and _grade_is_label(masked, m, len(found)):
            continue
        if lab in _ROMAN:  # "shall be of class II": a protection class, only with a cue
            q = Quantity(m.start(), m.end(), "grade", m.group().strip(), unit="",
                   ordinal={"scale": "class", "rank": _ROMAN[lab], "label": m.group().strip()})
            _comparator(t, q, P)
            if q.comparator:
                out.append(q)
            continue
        scale = "grade-cn" if lang == "zh" else ("grade-letter" if lab[0].isalpha() else "grade")
        digits = re.sub(r"[^\d.]", "", lab)
        rank = (float(digits) if "." in digits else int(digits)) if digits else ord(lab[0].upper()) - ord("A") + 1
        q = Quantity(m.start(), m.end(), "grade", m.group().strip(), unit="",
               ordinal={"scale": scale, "rank": rank, "label": m.group().strip(), "better": "lower"})
        _comparator(t, q, P)
        out.append(q)
    return out


