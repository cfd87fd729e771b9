"""Text normalisation for matching and display: width, whitespace (CJK-aware), hyphenation, odd characters.

`normalize` maps full-width ASCII to half-width, removes invisible characters, collapses whitespace
CJK-aware and joins Latin words hyphenated at a line end; `join_lines` joins the wrapped lines of one
paragraph the same way; `fold` is a matching key; `clean_odd` repairs characters a bad decoder left.
"""

from __future__ import annotations

import re
import unicodedata

from zmdocs.text.lang import CJK_OR_PUNCT, CJK_RANGES
from zmdocs.text.width import to_halfwidth

# "require-\nment" -> "requirement": a lowercase Latin letter, hyphen, line break, lowercase letter.
_DEHYPHEN = re.compile(r"(?<=[a-zà-öø-ÿ])-\n(?=[a-zà-öø-ÿ])")
_CJK_BREAK = re.compile(f"(?<={CJK_OR_PUNCT})[ \t]*\n[ \t]*(?={CJK_OR_PUNCT})")
_CJK_GAP = re.compile(f"(?<=[{CJK_RANGES}])[ ]+(?=[{CJK_RANGES}])")


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
    if "\n" in text:
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
        elif re.match(CJK_OR_PUNCT, out[-1]) or re.match(CJK_OR_PUNCT, ln[0]):
            out += ln  # Chinese typesetting breaks anywhere; the break is not a space
        else:
            out += " " + ln
    return out


def fold(text: str) -> str:
    """A matching key: normalised, lower-cased, spaces removed between CJK characters."""
    return _CJK_GAP.sub("", normalize(text)).lower()


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
