"""Text normalisation shared by every stage (parse, indicators, search).

Pure functions, no heavy imports. `normalize` maps full-width ASCII to half-width, removes
invisible characters, collapses whitespace CJK-aware, and joins Latin words hyphenated at a
line end; `join_lines` joins wrapped lines of one paragraph the same way.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible or space-like characters.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"), " ")

# Full-width ASCII block FF01-FF5E -> 0021-007E, except signs Chinese text keeps full-width
# for meaning or typography: （）：；，。！？ stay as they are (they mark Chinese punctuation),
# ＜＞ are mapped to < > (comparators), ～ is kept as the range sign ～ (indicators read it).
_KEEP_FULLWIDTH = set("（）：；，！？～")
_FW = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_FW_TABLE = {**_ZERO_WIDTH, **_SPACES, **_FW}

_CJK = r"\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65"
CJK_CHAR = re.compile(f"[{_CJK}]")
_CJK_OR_PUNCT = f"[{_CJK}{_CJK_PUNCT}]"

# "require-\nment" -> "requirement": a lowercase Latin letter, hyphen, line break, lowercase letter.
_DEHYPHEN = re.compile(r"(?<=[a-zà-öø-ÿ])-\n(?=[a-zà-öø-ÿ])")
_CJK_BREAK = re.compile(f"(?<={_CJK_OR_PUNCT})[ \t]*\n[ \t]*(?={_CJK_OR_PUNCT})")
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ ]+(?=[{_CJK}])")


def to_halfwidth(text: str) -> str:
    """Map full-width digits, letters and ASCII signs to half-width and odd spaces to ' '."""
    text = text.translate(_FW_TABLE)
    # Full-width comma/percent/period between digits are numeric punctuation.
    text = re.sub(r"(?<=\d)，(?=\d{3}\b)", ",", text)
    return text


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph or kana."""
    return bool(CJK_CHAR.match(ch))


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among the letters of `text` (0..1)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if CJK_CHAR.match(c)) / len(letters)


def normalize(text: str, keep_newlines: bool = False) -> str:
    """Normalise text for matching and display.

    Full-width ASCII → half-width (Chinese punctuation kept), NFC, invisible chars removed,
    Latin words hyphenated across a line break joined ("60335-2-15" untouched), line breaks
    between CJK characters removed, other runs of whitespace collapsed to one space (line
    breaks kept as "\\n" when `keep_newlines`).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", to_halfwidth(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DEHYPHEN.sub("", text)
    text = re.sub(r"(?<=\d)-[ \t]*\n[ \t]*(?=\d)", "-", text)  # "60335-\n2-15" -> "60335-2-15"
    if keep_newlines:
        lines = [re.sub(r"[ ]+", " ", ln).strip() for ln in text.split("\n")]
        text = "\n".join(ln for ln in lines if ln)
        return text
    text = _CJK_BREAK.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text


def join_lines(lines: list[str]) -> str:
    """Join the wrapped lines of one paragraph: no space between CJK, one space in Latin text."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if not out:
            out = ln
        elif out.endswith("-") and len(out) > 1 and out[-2].islower() and ln[:1].islower():
            out = out[:-1] + ln
        elif out.endswith("-") and len(out) > 1 and out[-2].isdigit() and ln[:1].isdigit():
            out += ln  # a standard number broken after a hyphen: "IEC 60335-" + "2-15"
        elif re.match(_CJK_OR_PUNCT, out[-1]) or re.match(_CJK_OR_PUNCT, ln[0]):
            out += ln  # Chinese typesetting breaks anywhere; the break is not a space
        else:
            out += " " + ln
    return out


def fold(text: str) -> str:
    """A matching key: normalised, lower-cased, spaces removed between CJK characters."""
    return _CJK_GAP.sub("", normalize(text)).lower()


# --------------------------------------------------------------------------- sentences
# The one sentence splitter (indicators use it; verbal.sentence_spans, align and index still carry their own
# copies, to be moved here by their owners). A sentence ends at 。!?！？, at a line break, or in Latin text at
# ". " before a capital or "(" — never inside "e.g. A", "Fig. 3", "No. 5", "z. B." or a number "0.5".
_SENT = re.compile(r"[^。!?！？\n]+(?:[。!?！？]|(?=\n)|$)")
_LATIN_SENT_END = re.compile(r"(?<=[A-Za-z%)\]°²³])\.\s+(?=[A-Z(])")
_ABBREV_BEFORE = re.compile(r"(?i)(?:\b(?:e\.g|i\.e|cf|fig|figs|no|nos|vol|approx|ca|resp|vgl|bzw|nr|abs|art|z\.\s?b|u\.\s?a|d\.\s?h|env|réf|p)|\b[a-z])$")


# A line break inside a Latin sentence (PDF wrapping): no stop before it, a lower-case word or a number after it.
_LATIN_WRAP = re.compile(r"(?<=[^\s.;:!?。])\n(?=[ \t]*[a-z0-9(])")


def sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (offsets into `text` itself, so folded text keeps them).

    Chinese: 。!?！？ and line breaks. Other languages: line breaks only where a sentence can end (not a wrap
    before a lower-case word or a number), and ". " before a capital letter or "(" unless the word before
    the stop is an abbreviation (e.g., Fig., No., z. B., a single letter).
    """
    spans: list[tuple[int, int]] = []
    scan = text if lang == "zh" else _LATIN_WRAP.sub(" ", text)  # same length: offsets stay valid
    for m in _SENT.finditer(scan):
        s, e = m.start(), m.end()
        if e <= s:
            continue
        if lang == "zh":
            spans.append((s, e))
            continue
        last = s
        for m2 in _LATIN_SENT_END.finditer(text, s, e):
            if _ABBREV_BEFORE.search(text[max(last, m2.start() - 8):m2.start()]):
                continue
            spans.append((last, m2.start() + 1))
            last = m2.end()
        spans.append((last, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# Lone UTF-16 surrogates (broken font maps, bad decoders), private-use glyphs (symbol fonts without a
# Unicode mapping) and control characters: they break UTF-8 output or mean nothing to a reader.
_SURROGATE = re.compile("[\ud800-\udfff]")
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_odd(text: str) -> tuple[str, int]:
    """(text, count): surrogate pairs joined, lone surrogates and private-use glyphs → U+FFFD, control characters removed."""
    if not text or not (_SURROGATE.search(text) or _PRIVATE.search(text) or _CONTROL.search(text)):
        return text, 0
    n = 0
    if _SURROGATE.search(text):
        joined = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # a valid pair becomes its character
        n += len(_SURROGATE.findall(text)) - (len(text) - len(joined))  # a joined pair counts once
        text = _SURROGATE.sub("\ufffd", joined)
    text, k = _PRIVATE.subn("\ufffd", text)
    n += k
    text, k = _CONTROL.subn("", text)
    return text, n + k


def display_width(s: str) -> int:
    """Terminal columns of `s`: wide and full-width characters (CJK) count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def fit_cell(s: str, width: int) -> str:
    """`s` cut to `width` terminal columns (with "…" when cut) and padded with spaces: a table cell."""
    if display_width(s) > width:
        while s and display_width(s + "…") > width:
            s = s[:-1]
        s += "…"
    return s + " " * max(0, width - display_width(s))
