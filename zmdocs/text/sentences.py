"""Sentence segmentation for zh/en/de/fr standards text: spans (offsets into the text itself).

Two splitters with one purpose each, both rule-based: spaCy's blank pipelines with the sentencizer
(`spacy.blank("en"/"de"/"zh")` + "sentencizer") were tried and cut worse — "See Fig. 3 and No. 5" into three
sentences, the Chinese "不大于0.75 mA。" inside its decimal number — and cost a 0.3 s load.
`sentence_spans` reads a clause for indicators (a Latin line wrap before a lower-case word or a number
does not end a sentence); `line_sentence_spans` cuts provisions (a line break always ends one, a
stop ends one before a capital, digit, bracket or quote unless it closes an abbreviation).
`FACET_SPLIT` and `CHUNK_SPLIT` are the coarser cuts align (clause facets) and the index (chunks) use.
"""

from __future__ import annotations

import re

# Coarse cuts: clause facets for alignment (after 。；;！？!?, and after . : ： before a space), chunks for the
# index (after any stop).
FACET_SPLIT = re.compile(r"(?<=[。；;！？!?])|(?<=[.:：])\s+|\n+")
CHUNK_SPLIT = re.compile(r"(?<=[。；！？.;!?])\s*")

# `sentence_spans`: a sentence ends at 。!?！？, at a line break, or in Latin text at
# ". " before a capital or "(" — never inside "e.g. A", "Fig. 3", "No. 5", "z. B." or a number "0.5".
_SENT = re.compile(r"[^。!?！？\n]+(?:[。!?！？]|(?=\n)|$)")
_LATIN_SENT_END = re.compile(r"(?<=[A-Za-z%)\]°²³])\.\s+(?=[A-Z(])")
_ABBREV_BEFORE = re.compile(r"(?i)(?:\b(?:e\.g|i\.e|cf|fig|figs|no|nos|vol|approx|ca|resp|vgl|bzw|nr|abs|art|z\.\s?b|u\.\s?a|d\.\s?h|env|réf|p)|\b[a-z])$")


# A line break inside a Latin sentence (PDF wrapping): no stop before it, a lower-case word or a number after it;
# a line opening with a footnote mark "2/ " starts a footnote of its own ("+ 6 %\n- 2 %" stays one deviation).
_LATIN_WRAP = re.compile(r"(?<=[^\s.;:!?。])\n(?=[ \t]*(?:[a-z0-9(]|[-+±−][ \t]?\d))(?![ \t]*\d{1,2}/[ \t])")


# A line break inside a Chinese sentence (a full line of a PDF page wrapped): a long line with no stop at its end,
# and a next line that opens no list item, note or clause ("a)", "注", "1)", "—", "4.2.1").
_ZH_WRAP = re.compile(r"(?<=[^\n]{24})(?<=[\u4e00-\u9fff\w,，、(（)）%°])\n(?=[ \t]*[\u4e00-\u9fff\w(（])"
                      r"(?![ \t]*(?:[a-z]\s*[)）]|[(（]\s*\w{1,2}\s*[)）]|\d+\s*[)）]|注|示例|表\s*\d|图\s*\d|\d+(?:\.\d+)+\s))")


def _zh_unwrap(text: str) -> str:
    """`text` with the line breaks of wrapped Chinese lines made spaces (same length)."""
    return _ZH_WRAP.sub(" ", text) if "\n" in text else text


def join_zh_wraps(text: str) -> str:
    """`text` with the line breaks of wrapped Chinese lines taken out (after a Chinese character) or made spaces, so
    that a word cut by the wrap ("小于等\n于") is whole again; the offsets change."""
    if "\n" not in text:
        return text
    return _ZH_WRAP.sub(lambda m: "" if "\u4e00" <= text[m.start() - 1] <= "\u9fff" else " ", text)


def sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (offsets into `text` itself, so folded text keeps them).

    Chinese: 。!?！？ and line breaks. Other languages: line breaks only where a sentence can end (not a wrap
    before a lower-case word or a number), and ". " before a capital letter or "(" unless the word before
    the stop is an abbreviation (e.g., Fig., No., z. B., a single letter).
    """
    spans: list[tuple[int, int]] = []
    scan = _zh_unwrap(text) if lang == "zh" else _LATIN_WRAP.sub(" ", text)  # same length: offsets stay valid
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


# --------------------------------------------------------------------------- line sentences (provisions)

_ABBREV = {
    "e.g", "i.e", "etc", "fig", "figs", "tab", "no", "nos", "cf", "approx", "max", "min", "vol", "ed", "al",
    "nr", "z.b", "b", "z", "u.a", "bzw", "ca", "vgl", "abs", "bild", "tabelle", "s", "d.h", "ggf", "inkl", "evtl", "usw",
    "p", "pp", "art", "mr", "dr", "st", "resp", "incl", "excl", "env", "cl", "annexe", "ann", "voir", "chap",
}
_ZH_END = "。；！？"
def line_sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (line breaks always end a sentence)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        _split_line(line, start, spans)
    return spans


_WORD_REVERSED = re.compile(r"[A-Za-zÄÖÜäöüß.]+")
# candidate sentence ends: a Chinese stop, or . ! ? at the end or before a space, quote or bracket
_STOPS = re.compile("[" + _ZH_END + r"]|[.!?](?=$|[ \t\"'’”)])")


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    """Cut one line at its sentence ends; linear in the line's length (only stops are examined)."""
    n, s = len(line), 0
    for m in _STOPS.finditer(line):
        i = m.start()
        if i < s:
            continue
        end = i + 1 if line[i] in _ZH_END else _latin_stop(line, i, s, n)
        if end is None:
            continue
        if line[s:end].strip():
            spans.append(_trim(line, s, end, offset))
        s = end
    if line[s:].strip():
        spans.append(_trim(line, s, n, offset))


def _latin_stop(line: str, i: int, s: int, n: int) -> int | None:
    """Where the sentence ending with the . ! or ? at `i` ends (after closing quotes), or None if it does not."""
    ch = line[i]
    j = i + 1
    while j < n and line[j] in "\"'’”)":
        j += 1
    k = j
    while k < n and line[k].isspace():  # only the first character after the stop matters
        k += 1
    nxt = line[k:k + 1]
    # look back a bounded window only: copying the whole sentence at every stop is quadratic
    word = _WORD_REVERSED.match(line[max(s, i - 64):i][::-1])
    prev = (word.group(0)[::-1] if word else "").lower().strip(".")
    if ch == "." and (prev in _ABBREV or re.fullmatch(r"[a-z]", prev)
                      or re.search(r"\b(?:z|d|u)\.\s?[a-z]$", line[max(s, i - 5):i].lower())):
        return None
    if ch == "." and i > s and line[i - 1].isdecimal() and nxt.isdigit():
        return None
    if not nxt or nxt.isupper() or nxt.isdigit() or nxt in "(—–-«\"“":
        return j
    return None


def _trim(line: str, a: int, b: int, offset: int) -> tuple[int, int]:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    return (offset + a, offset + b)


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """The sentences of `text`."""
    return [text[a:b] for a, b in line_sentence_spans(text, lang)]


