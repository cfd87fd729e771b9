"""Language of a text: CJK character classes, and the zh/ja/en/de/fr guess.

One function-word table and one CJK rule family, three entry points by the size of the text:
`detect_lang` for a document or a long passage (share of CJK letters, kana for Japanese),
`guess_lang` for one sentence or table (a few CJK ideographs already make it Chinese) and
`clause_lang` for one clause of a document whose language is known (a Latin clause keeps it).
"""

from __future__ import annotations

import re

CJK_RANGES = r"\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT_RANGES = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
CJK_OR_PUNCT = f"[{CJK_RANGES}{CJK_PUNCT_RANGES}]"  # a CJK character or CJK punctuation (a line break there is no space)


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph or kana."""
    return bool(CJK_CHAR.match(ch))


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among the letters of `text` (0..1)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if CJK_CHAR.match(c)) / len(letters)


KANA = re.compile(r"[\u3040-\u30ff]")
# Function words of the Latin-script languages (union of what the stages used to count apart).
_FUNCTION_WORDS = {
    "en": frozenset("the and of to shall is be with for in a an are or not by which that this at than when".split()),
    "de": frozenset("der die das und ist mit für nicht ein eine muss von zu den dem sind auf des im wird darf bei eines einer "
                    "werden höchstens mindestens nach".split()),
    "fr": frozenset("le la les et est des du de doit pour un une dans ne pas au aux sont par qui avec lorsque être".split()),
}
_WORD = re.compile(r"[a-zäöüßàâçéèêëîïôûùœ']+")
_GUESS_CJK = re.compile(r"[\u4e00-\u9fff]")


def _latin_lang(text: str, default: str, umlauts: bool = True) -> str:
    """en/de/fr by counting function words (German umlauts count for German); `default` when none is found."""
    words = _WORD.findall(text.lower())
    scores = {lang: sum(1 for w in words if w in fw) for lang, fw in _FUNCTION_WORDS.items()}
    if umlauts and any(ch in text for ch in "äöüß"):
        scores["de"] += 3
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else default


def detect_lang(text: str, default: str = "en") -> str:
    """The language of a document or a long passage: zh/ja by the share of CJK letters (ja when kana are
    frequent), else en/de/fr by function words."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return default
    cjk = sum(1 for c in letters if CJK_CHAR.match(c))
    if cjk / len(letters) > 0.2:
        kana = len(KANA.findall(sample))
        return "ja" if kana > 0.05 * cjk else "zh"
    return _latin_lang(sample, default)


def guess_lang(text: str) -> str:
    """The language of one sentence or table: zh as soon as CJK ideographs are frequent (15 %) or four of
    them appear (a Chinese term in an English sentence reads as Chinese), else en/de/fr by function words."""
    if not text:
        return "en"
    cjk = len(_GUESS_CJK.findall(text))
    if cjk and cjk >= 0.15 * len(re.sub(r"\s", "", text)) or cjk >= 4:
        return "zh"
    return _latin_lang(text, "en", umlauts=False)


def clause_lang(text: str, doc_lang: str) -> str:
    """The language of one clause of a document in `doc_lang`: Chinese/Japanese by script, a Latin-script
    clause in the document's Latin language, else (a Latin clause of a Chinese document) by function words."""
    if not text.strip():
        return doc_lang or ""
    if cjk_ratio(text) > 0.3:
        return "ja" if KANA.search(text) else ("zh" if doc_lang != "ja" else "ja")
    if doc_lang and doc_lang not in ("zh", "ja"):
        return doc_lang
    return _latin_lang(text, "en", umlauts=False)
