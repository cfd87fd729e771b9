"""Garbled text layers: tell from the extracted text alone whether a page's font maps lie.

Some typesetting systems embed subset fonts whose ToUnicode maps are broken, so the text layer
reads as mojibake while the page looks perfect. The families seen in standards publishing:

- Latin-1 / ASCII mojibake: glyph ids mapped to sequential codes, so a CJK page extracts as
  `!"#$%&'()*` and `ÉÊ(ËÌÍÎ¥` with C1 controls (U+0080–U+009F) among them;
- CJK used as Latin: a Latin font mapped into a narrow block of ideographs, so `GB/T` reads as
  `犌犅／犜` and English words as runs of ideographs whose code points all lie close together
  (real Chinese text spreads over the whole CJK block);
- no Unicode at all: private-use code points, U+FFFD, `(cid:n)` placeholders, or a page with
  many glyphs and hardly any extractable characters.

`assess_page` judges one page from these statistics (never from a file or font name);
`suspect_runs` finds the CJK-as-Latin spans on an otherwise clean page so that they can be
OCRed or flagged. Thresholds were set on real garbled and clean standards (see tests/test_garble.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# a run of ideographs this long whose code points fit in a window this narrow is a font used as Latin
CLUSTER_MIN_RUN = 3
CLUSTER_WINDOW = 0x60
GARBLED_SHARE = 0.2  # share of mojibake characters above which a page is garbled
DOC_GARBLED_SHARE = 0.02  # ... on the other pages of a document where several pages are garbled
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CID = re.compile(r"\(cid:\d+\)")
_WORD = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+")
_TOKEN = re.compile(r"\S+")
_NO_UNICODE = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")  # U+FFFD, private use
_VOWEL = re.compile(r"[aeiouyAEIOUY\u00e0-\u00e6\u00e8-\u00ef\u00f2-\u00f6\u00f9-\u00fc\u00c0-\u00c6\u00c8-\u00cf]")
# Latin-1 symbols that real text uses next to digits and units
_LATIN1_OK = set("°±×÷µ·§¶©®«»¼½¾²³¹¿¡ªº€£¥¢\u00a0")
_RARE = set("#$&*+<=>?@[\\]^_`{|}~")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass
class PageText:
    """Statistics of one page's extracted text."""

    chars: int = 0  # non-space characters
    cjk: int = 0  # ideographs that read as Chinese
    cjk_latin: int = 0  # ideographs in runs that are a Latin font in disguise
    junk: int = 0  # C1 controls, private use, U+FFFD, (cid:n), Latin-1 mojibake
    seq: int = 0  # characters in runs of consecutive code points (`!"#$%`)
    rare: int = 0  # rare ASCII punctuation among ideographs or piled up (`[\\]^_`)
    ascii_punct: int = 0
    words: int = 0  # Latin letter runs of 3+ letters
    wordlike: int = 0  # ... of which look like words of a language
    reasons: list[str] = field(default_factory=list)

    @property
    def suspicious(self) -> int:
        return self.cjk_latin + self.junk + self.seq + self.rare


def _clustered(run: str) -> bool:
    """A run of ideographs whose code points all fit in a narrow window (and are not one repeated char)."""
    cps = [ord(c) for c in run]
    return len(run) >= CLUSTER_MIN_RUN and max(cps) - min(cps) <= CLUSTER_WINDOW and len(set(cps)) > 1


def latin_windows(text: str) -> set[int]:
    """The 128-code-point blocks holding clustered ideograph runs (the disguised Latin font's range)."""
    return {ord(m.group()[0]) >> 7 for m in _CJK_RUN.finditer(text) if _clustered(m.group())}


def suspect_runs(text: str, windows: set[int] | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of ideograph runs that are Latin in disguise.

    Runs of three or more clustered ideographs always count; shorter runs (`犌犅` in `犌犅／犜`)
    count when all their characters fall in a block where this page (or `windows`, learnt over the
    document) has clustered runs, and the run stands alone between non-ideographs.
    """
    win = set(windows or ()) | latin_windows(text)
    spans = []
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        if _clustered(run) or (win and len(run) <= 2 and all(ord(c) >> 7 in win for c in run)):
            spans.append((m.start(), m.end()))
    return spans


def _wordlike(w: str) -> bool:
    """A letter run that could be a word: a vowel, and lower, Capitalised or UPPER case."""
    if not _VOWEL.search(w):
        return len(w) <= 4 and w.isupper()  # abbreviations: GB, ISO, CCS, DC
    return w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower())


def _latin1_junk(token: str) -> int:
    """Latin-1 supplement characters in a token that are mojibake rather than accented letters or symbols."""
    if not any("\u0080" <= c <= "\u00ff" for c in token):
        return 0
    n = sum(1 for c in token if "\u0080" <= c <= "\u009f")  # C1 controls: never text
    symbols = {c for c in token if "\u00a0" <= c <= "\u00ff" and not c.isalpha()}
    if symbols and not (symbols <= _LATIN1_OK and len(symbols) <= 2):
        n += sum(1 for c in token if c in symbols)  # ¥¦§¨©ª«¬ in a row is a font, not a text
    for run in _WORD.findall(token):
        odd = sum(1 for c in run if c >= "\u00c0")
        if not odd:
            continue
        alone = run == token.strip("()[]{}.,;:!?'\"«»-–’‘")
        if len(run) == 1 and alone:
            continue  # French à
        if len(run) >= 2 and _wordlike(run) and odd <= max(1, len(run) // 3):
            continue  # Größe, déjà, comité
        n += odd
    return n


def _rare_punct(token: str) -> int:
    """ASCII punctuation that real prose hardly uses, where it sits next to ideographs or piles up."""
    rare = [c for c in token if c in _RARE]
    if not rare:
        return 0
    if _CJK.search(token) or len(set(rare)) >= 3:
        return len(rare)
    return 0


def _sequential(text: str) -> int:
    """Characters in runs of 4+ consecutive code points that are not plain digits or letters.

    Subset fonts numbered glyph by glyph map a page to `!"#$%&'()*+,-./0123`: no real text does that.
    """
    n = 0
    run = 1
    for i in range(1, len(text) + 1):
        if i < len(text) and ord(text[i]) == ord(text[i - 1]) + 1 and not text[i].isspace():
            run += 1
            continue
        if run >= 4:
            seg = text[i - run:i]
            if not seg.isalnum():
                n += run
        run = 1
    return n


def page_stats(text: str, windows: set[int] | None = None) -> PageText:
    """Count what kinds of characters one page's extracted text holds."""
    st = PageText()
    cid = len(_CID.findall(text))
    text = _CID.sub("\ufffd", text)
    st.chars = len(text) - sum(map(str.isspace, text))
    for a, b in suspect_runs(text, windows):
        st.cjk_latin += b - a
    st.cjk = len(_CJK.findall(text)) - st.cjk_latin
    junk = cid + len(_NO_UNICODE.findall(text))
    for tok in _TOKEN.findall(text):
        junk += _latin1_junk(tok)
        st.rare += _rare_punct(tok)
    st.junk = junk
    st.seq = _sequential(text)
    st.ascii_punct = sum(map(_ASCII_PUNCT.__contains__, re.sub(r"(.)\1{2,}", "", text)))
    words = [w for w in _WORD.findall(text) if len(w) >= 3]
    st.words = len(words)
    st.wordlike = sum(1 for w in words if _wordlike(w))
    return st


@dataclass
class Verdict:
    """The judgement on one page: garbled (read it by OCR) and why; else the disguised-Latin spans it holds."""

    garbled: bool = False
    reason: str = ""
    share: float = 0.0  # share of mojibake characters (Latin-1, private use, code-point runs, rare punctuation)
    spans: list[tuple[int, int]] = field(default_factory=list)


def assess_page(text: str, glyphs: int | None = None, unmapped: int = 0,
                windows: set[int] | None = None) -> Verdict:
    """Judge one page's text; `glyphs` = glyphs drawn on it, `unmapped` = glyphs without a Unicode value."""
    st = page_stats(text, windows)
    if glyphs and glyphs >= 40 and (unmapped >= 0.3 * glyphs or st.chars < 0.2 * glyphs):
        return Verdict(True, f"{max(unmapped, glyphs - st.chars)} of {glyphs} glyphs have no Unicode mapping", 1.0)
    if st.chars < 20:
        return Verdict()
    share = (st.junk + st.seq + st.rare) / st.chars
    if share >= GARBLED_SHARE:
        what = max((st.junk, "Latin-1/private-use mojibake"), (st.seq, "runs of consecutive code points"),
                   (st.rare, "stray ASCII symbols among ideographs"))[1]
        return Verdict(True, f"{share:.0%} of its characters are {what}", share)
    if st.cjk_latin >= 20 and st.cjk_latin >= st.cjk:
        return Verdict(True, f"{st.cjk_latin} of its {st.cjk_latin + st.cjk} ideographs stand for Latin letters",
                       share)
    # a page of ASCII with no CJK, punctuation-heavy and no words: a CJK font mapped to ASCII codes
    ascii_like = st.chars - st.cjk - st.cjk_latin
    if (st.cjk < 0.05 * st.chars and st.ascii_punct >= 0.3 * ascii_like and ascii_like >= 50
            and st.wordlike < 0.5 * max(st.words, 1)):
        return Verdict(True, "its text is punctuation with hardly any words (a font mapped to ASCII codes)", share)
    return Verdict(False, "", share, suspect_runs(_CID.sub("\ufffd", text), windows))


def assess_pages(pages: list[tuple[str, int, int]]) -> list[Verdict]:
    """Judge every page of a document: [(text, glyphs, unmapped glyphs)] -> one Verdict per page.

    Broken fonts are a property of the document: once several pages are plainly garbled, a page
    with even a little of the same mojibake (a table of contents, a page of digits) uses those fonts too.
    """
    windows: set[int] = set()
    for text, _, _ in pages:
        windows |= latin_windows(text)
    verdicts = [assess_page(t, g, u, windows) for t, g, u in pages]
    broken = [i for i, v in enumerate(verdicts) if v.garbled and v.share >= GARBLED_SHARE]
    with_text = sum(1 for t, _, _ in pages if t.strip())
    if broken and (len(broken) >= 2 or len(broken) >= 0.25 * with_text):
        for v in verdicts:
            if not v.garbled and v.share >= DOC_GARBLED_SHARE:
                v.garbled = True
                v.reason = f"{v.share:.0%} of its characters are mojibake, in fonts garbled on {len(broken)} other page(s)"
                v.spans = []
    return verdicts
