"""Numbers as standards write them: decimal commas and digit grouping, Chinese numerals, Roman numerals.

The one home of number reading: `parse_number("1,250")` is 1250, `"4,0"` is 4.0, `"0,5"` is 0.5 (a comma
before exactly three digits groups thousands unless the language writes decimal commas).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

# a group of three is whole: 0.0075 is not 0.007|5; a comma before digits and a CJK character is a zh list comma
# ("1~10,1表示最优": 10, then 1), never a decimal comma (zh writes decimal points)
NUM = r"\d+(?:[ ,.]\d{3}(?!\d))*(?:\.\d+|,\d+(?![\d\u3400-\u9fff]))?"
NUM_RE = re.compile(NUM)

_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
# A Chinese numeral directly followed by a unit word or 次/倍/级 (not inside words like 一般, 十分).
_CN_NUM_RE = re.compile(
    rf"(?<![{_CN_DIGITS}第])([{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
    r"(?=(?:个月|分钟|秒钟|秒|小时|天|年|次|倍|级|毫安|微安|安培|千瓦|瓦|兆欧|欧姆|千伏|伏|摄氏度|毫米|厘米|米|千克|公斤|克|升|毫升|牛"
    r"|个|组|对|层|种|项))"
)


_WORD_AFTER_ONE = set("次个组对层种项")
_WAN_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*万(?=\s*(?:次|小时|h|转|个|件|台|km|公里))")


def convert_cn_numerals(text: str) -> str:
    """Turn Chinese numerals that quantify a unit into digits (五分钟 -> 5分钟, 一点五兆欧 -> 1.5兆欧, 10万次 -> 100000次)."""
    if "万" in text:
        text = _WAN_RE.sub(lambda m: _fmt(round(float(m.group(1)) * 10000, 6)), text)
    if not any(c in _CN_DIGITS for c in text):
        return text

    def repl(m: re.Match) -> str:
        s = m.group(1)
        if s == "一" and text[m.end():m.end() + 1] in _WORD_AFTER_ONE:
            return s  # 一次, 一个, 一种 are words (一次性, 一个样品, 一种方法), not "1 time", "1 piece"
        if s in ("万",) or (len(s) == 1 and s in "百千"):
            return s
        v = cn_value(s)
        return s if v is None else _fmt(v)

    return _CN_NUM_RE.sub(repl, text)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def parse_number(s: str, lang: str = "en") -> float | None:
    """Parse a number with the language's decimal mark; grouping by spaces, or by the other mark."""
    s = s.strip().replace(" ", "")
    if not s:
        return None
    neg = s[0] in "-+"
    if neg:
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    else:
        sign = 1.0
    decimal_comma = lang in ("de", "fr", "es", "it", "nl", "ru", "pt")
    if "," in s and "." in s:
        # the later mark is the decimal mark
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if not decimal_comma and re.fullmatch(r"[1-9]\d{0,2}(,\d{3})+", s):
            s = s.replace(",", "")
        else:
            if s.count(",") > 1:
                return None
            s = s.replace(",", ".")
    elif "." in s and decimal_comma and re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+", s) and s.count(".") >= 1 and lang == "de":
        s = s.replace(".", "")
    if s.count(".") > 1:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    if v in (float("inf"), float("-inf")):  # 309+ digits: beyond any float, not a value to compare
        return None
    v *= sign
    return int(v) if v == int(v) and "." not in s else v


def number_out(v: float | int) -> float | int:
    """A value for output: ints stay ints (1250), floats stay floats (0.75)."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


# --------------------------------------------------------------------------- Chinese and Roman numerals (legal numbering)


def cn_number(s: str) -> int | None:
    """'十二' -> 12, '一百零三' -> 103, '一万零五' -> 10005, '12' -> 12; None if not a positive whole number."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    v = cn_value(s)
    return int(v) if v is not None and v == int(v) and v > 0 else None


_CN_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "兩": 2}


def cn_value(s: str) -> float | None:
    """The value of a Chinese numeral: '一点五' -> 1.5, '三百五十' -> 350, '十二万三千' -> 123000,
    '二〇二三' -> 2023 (digit by digit); None when `s` is not one."""
    whole, _, frac = s.strip().partition("点")
    if not whole or any(c not in _CN_DIGIT_VALUES for c in frac):
        return None
    if all(c in _CN_DIGIT_VALUES for c in whole):
        w = int("".join(str(_CN_DIGIT_VALUES[c]) for c in whole))  # digit by digit: 二〇二三, 五
    else:
        high, _, low = whole.rpartition("万") if "万" in whole else ("", "", whole)
        hi = _cn_below_10k(high) if high else 0
        lo = _cn_below_10k(low) if low else 0
        if hi is None or lo is None or not hi and "万" in whole or not (high or low):
            return None
        w = hi * 10000 + lo
    if not frac:
        return float(w)
    return float(f"{w}.{''.join(str(_CN_DIGIT_VALUES[c]) for c in frac)}")


def _cn_below_10k(s: str) -> int | None:
    """Chinese numerals below 10,000 ('一百零三' -> 103, '十五' -> 15); None for anything else."""
    digits = _CN_DIGIT_VALUES
    places = {"十": 10, "百": 100, "千": 1000}
    total, cur, last = 0, 0, 10000
    for c in s:
        if c in digits:
            cur = digits[c]
        elif c in places:
            if places[c] >= last:  # '十百', '百千': not a numeral
                return None
            last = places[c]
            total += (cur or 1) * places[c]
            cur = 0
        else:
            return None
    return total + cur


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(s: str) -> int | None:
    """'XIV' -> 14 (either case); None for an invalid numeral ('IIII', 'VX', 'IC')."""
    s = (s or "").upper()
    if not s or any(c not in _ROMAN_VALUES for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total if 0 < total < 4000 and to_roman(total) == s else None


def to_roman(n: int) -> str:
    """14 -> 'XIV' (upper case; 1..3999, other numbers as digits)."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for v, r in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += r
            n -= v
    return out


_ROW_NUMBER = re.compile(r"^[<>≤≥]?-?\d+(?:[.,]\d+)?$")
_OCR_ONE = re.compile(r"(?<=[\d.])[lI]|[lI](?=[.]\d)|(?<=\s)[lI](?=\s|$)|^[lI](?=\s|$)")


def number_row(line: str, ncol: int | None = None) -> list[str] | None:
    """The numbers of a row of a table set as plain text ("45 2.19"), OCR slips repaired, else None.

    OCR reads the digit one as "l" or "I" ("l.30"), splits a decimal after its point ("1. 14") or before its
    last digit ("2.1 9"), and sets a comparator apart from its number ("< 42"). With `ncol`, surplus
    single-digit fragments join the decimal before them until the row has `ncol` numbers."""
    t = _OCR_ONE.sub("1", line.strip())
    t = re.sub(r"(?<=\d\.)\s+(?=\d)", "", t)
    t = re.sub(r"([<>≤≥])\s+(?=\d)", r"\1", t)
    toks = t.split()
    while ncol and len(toks) > ncol:
        k = next((i for i in range(len(toks) - 1, 0, -1) if re.fullmatch(r"\d", toks[i]) and "." in toks[i - 1]), None)
        if k is None:
            break
        toks[k - 1:k + 1] = [toks[k - 1] + toks[k]]
    if not toks or not all(_ROW_NUMBER.match(x) for x in toks):
        return None
    return toks


# Cardinal number words of en/de/fr, 1-20 and the round tens to 60 (durations, counts): the one home of them
_WORDS_EN = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
             "seventeen eighteen nineteen twenty").split()
_WORDS_DE = ("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "
             "siebzehn achtzehn neunzehn zwanzig").split()
_WORDS_FR = ("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
             "dix-huit dix-neuf vingt").split()
_TENS = {"en": {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60},
         "de": {"dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60},
         "fr": {"trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}}
NUMBER_WORDS: dict[str, dict[str, int]] = {
    lang: {w: i + 1 for i, w in enumerate(words)} | _TENS[lang]
    for lang, words in (("en", _WORDS_EN), ("de", _WORDS_DE), ("fr", _WORDS_FR))
}


def number_words(lang: str, low: int = 1, high: int = 60) -> dict[str, int]:
    """Number words of `lang` (en/de/fr; {} otherwise) whose value lies in [low, high]: {"three": 3, …}."""
    return {w: v for w, v in NUMBER_WORDS.get(lang, {}).items() if low <= v <= high}


_FRACTIONS_EN = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_WHOLE_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# "one-quarter of a degree", "one and one-half seconds", "a half": a fraction in words before its unit
_FRACTION_WORDS = re.compile(r"(?i)(?<![\w-])(?:(one|two|three|four|five)\s+and\s+)?(?:one|a)[\s-](half|quarter|third)"
                             r"(?:\s+of\s+an?)?(?=\s+[a-z]+)")


def fraction_words(text: str, units: re.Pattern) -> str:
    """`text` (en) with fractions in words before a unit `units` matches written as numbers ("one-quarter of a
    degree" -> "0.25 degree", "one and one-half seconds" -> "1.5 seconds")."""
    if "half" not in text and "quarter" not in text and "third" not in text:
        return text

    def _num(m: re.Match) -> str:
        if not units.match(text, m.end() + 1):
            return m.group()
        v = _WHOLE_EN.get((m.group(1) or "").lower(), 0) + _FRACTIONS_EN[m.group(2).lower()]
        return f"{v:.4g}"

    return _FRACTION_WORDS.sub(_num, text)


@functools.lru_cache(maxsize=4)
def _spelled_twice(lang: str) -> re.Pattern:
    words = "|".join(sorted(NUMBER_WORDS.get(lang, {}), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?:{words})\s*\((\d+)\)")


def spelled_then_digits(text: str, lang: str) -> str:
    """`text` with a number written in words then in digits ("five (5) samples") written once, in digits."""
    if "(" not in text or lang not in NUMBER_WORDS:
        return text
    return _spelled_twice(lang).sub(lambda m: m.group(1) if NUMBER_WORDS[lang].get(m.group().split("(")[0].strip().lower())
                                    == int(m.group(1)) else m.group(), text)


# --------------------------------------------------------------------------- powers of ten

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
# "10⁻⁶", "5 × 10⁻⁶", "2,5·10^3", and "50*106" (a text layer that lost the superscript of 10⁶: only after "*")
_POWER = re.compile(r"(?<![\d.,⁰¹²³⁴⁵⁶⁷⁸⁹])(?:(?P<m>\d+(?:[.,]\d+)?)\s*[×x·*]\s*)?10"
                    r"(?:\^\s*(?P<caret>[-+−]?\d{1,2})|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
_LOST_POWER = re.compile(r"(?<![\d.,])(?P<m>\d+(?:[.,]\d+)?)\s*\*\s*10(?P<e>[3-9])(?![\d.,])")
_SPACED_SUPERSCRIPT = re.compile(r"(?<=[A-Za-zµΩ]) (?=[⁻⁺]?[¹²³](?![⁰¹²³⁴⁵⁶⁷⁸⁹]))")


def powers_of_ten(text: str) -> str:
    """`text` with powers of ten written out as plain numbers ("5 × 10⁻⁶" -> "0.000005", "10⁶" -> "1000000",
    "50*106" -> "50000000") and a unit's power set apart joined to it ("m ⁻¹" -> "m⁻¹")."""
    if "10" not in text and " " not in text:
        return text
    text = _SPACED_SUPERSCRIPT.sub("", text) if any(c in text for c in "¹²³") else text
    if "10" not in text:
        return text
    text = _POWER.sub(lambda m: _power(m.group("m"), m.group("caret") or (m.group("sup") or "").translate(_SUPERSCRIPT)) or m.group(), text)
    return _LOST_POWER.sub(lambda m: _power(m.group("m"), m.group("e")) or m.group(), text) if "*" in text else text


def _power(mantissa: str | None, exponent: str) -> str | None:
    """The plain decimal of mantissa × 10^exponent, or None when it is not one."""
    try:
        v = Decimal((mantissa or "1").replace(",", ".")) * Decimal(10) ** int(exponent.replace("−", "-"))
    except (InvalidOperation, ValueError):
        return None
    out = format(v, "f")
    return out.rstrip("0").rstrip(".") if "." in out else out
