"""Numbers as standards write them: full-width forms, decimal commas, digit grouping, Chinese numerals."""

from __future__ import annotations

import re

# One-to-one character folding (keeps offsets): full-width digits/signs/letters, dashes, spaces, micro, ohm.
_FOLD = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"}
_FOLD.update({ord(a): b for a, b in {
    "．": ".", "＜": "<", "＞": ">", "＝": "=", "＋": "+", "－": "-", "−": "-", "–": "-", "‑": "-",
    "～": "~", "〜": "~", "∼": "~", "％": "%", "（": "(", "）": ")", "／": "/", "≦": "≤", "≧": "≥",
    "μ": "µ", "Ω": "Ω", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\u2002": " ",
    "\u2003": " ", "＇": "'", "·": "·", "•": "·", "⋅": "·", "∙": "·", "×": "×", "：": ":",
}.items()})
# Superscript footnote marks and exponents we fold to plain forms.
_SUP = {"²": "²", "³": "³"}


def fold(text: str) -> str:
    """Fold full-width and look-alike characters to one form, keeping every character offset."""
    return text.translate(_FOLD)


NUM = r"\d+(?:[ ,.]\d{3}(?!\d))*(?:[.,]\d+)?"  # a group of three is whole: 0.0075 is not 0.007|5
NUM_RE = re.compile(NUM)

_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
# A Chinese numeral directly followed by a unit word or 次/倍/级 (not inside words like 一般, 十分).
_CN_NUM_RE = re.compile(
    rf"(?<![{_CN_DIGITS}第])([{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
    r"(?=(?:个月|分钟|秒钟|秒|小时|天|年|次|倍|级|毫安|微安|安培|千瓦|瓦|兆欧|欧姆|千伏|伏|摄氏度|毫米|厘米|米|千克|公斤|克|升|毫升|牛))"
)


_WAN_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*万(?=\s*(?:次|小时|h|转|个|件|台|km|公里))")


def convert_cn_numerals(text: str) -> str:
    """Turn Chinese numerals that quantify a unit into digits (五分钟 -> 5分钟, 一点五兆欧 -> 1.5兆欧, 10万次 -> 100000次)."""
    if "万" in text:
        text = _WAN_RE.sub(lambda m: _fmt(round(float(m.group(1)) * 10000, 6)), text)
    if not any(c in _CN_DIGITS for c in text):
        return text

    def repl(m: re.Match) -> str:
        s = m.group(1)
        if s == "一" and text[m.end():m.end() + 1] == "次":
            return s  # 一次 is a word (一次性, 一次拉伸), not "1 time"
        if s in ("万",) or (len(s) == 1 and s in "百千"):
            return s
        try:
            import cn2an

            v = cn2an.cn2an(s, "smart")
        except Exception:
            return s
        return _fmt(float(v))

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
