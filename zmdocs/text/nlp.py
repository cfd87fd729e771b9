"""spaCy blank pipelines and the rule matchers built on them: term matching and parameter noun phrases.

Blank pipelines only (`spacy.blank("zh"|"en"|"de"|"fr")`: tokenizer, stop words, no model is ever
downloaded), built once per language on first use and imported lazily, so `zmdocs parse` never loads
spaCy. Chinese keeps spaCy's default per-character segmenter: a `PhraseMatcher` over characters finds a
term wherever it stands in a compound (潮湿处理后的泄漏电流) without a word segmenter's cuts hiding it.
Latin scripts match on lower-cased tokens, so a term matches whole words only ("current" not in
"concurrent"), whatever the spacing, and with its regular plural and genitive forms.
Sentence splitting stays rule-based (`zmdocs.text.sentences`): the sentencizer cut worse.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

LANGS = ("zh", "en", "de", "fr")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_SPACING = re.compile(r"\s\s|[^\S ]")
_APOSTROPHE = re.compile(r"['’]")  # an elision (l'essai, d'isolement) is a word boundary, whichever tokenizer reads it


@functools.cache
def blank(lang: str) -> Any:
    """The blank spaCy pipeline of a language (zh/en/de/fr; anything else reads as English), built once."""
    import spacy

    return spacy.blank(lang if lang in LANGS else "en")


def is_cjk_text(text: str) -> bool:
    """Whether `text` holds Chinese characters (then the zh pipeline reads it)."""
    return bool(_CJK.search(text))


def latin_lang(text: str) -> str:
    """en/de/fr of a Latin-script phrase (en when unsure)."""
    from zmdocs.text.lang import guess_lang

    g = guess_lang(text)
    return g if g in ("de", "fr") else "en"


def _match_lang(text: str) -> str:
    """The pipeline that tokenizes a Latin text for term matching: de for German, else en. (The fr blank
    pipeline costs seconds to import for its elision exceptions; patterns and text pass through one
    tokenizer, so French terms match all the same.)"""
    return "de" if latin_lang(text) == "de" else "en"


# --- term matching --------------------------------------------------------------------------------------


def _plural_en(w: str) -> str:
    if re.search(r"(?:s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def inflections(term: str, lang: str) -> list[str]:
    """The term and its regular plural/genitive forms (leakage currents, Prüfspannungen, Ableitstroms,
    courants de fuite), so a matcher on lower-cased tokens finds them; irregular forms are not guessed."""
    words = term.split()
    if not words or not _LATIN_LETTER.search(term):
        return [term]
    out = [term]
    if lang == "en":
        low = [w.lower() for w in words]
        i = low.index("of") - 1 if "of" in low[1:] else len(words) - 1  # "duration of the test": the head before "of"
        if words[i].isalpha():
            out.append(" ".join(words[:i] + [_plural_en(words[i])] + words[i + 1:]))
    elif lang == "de" and words[-1].isalpha():
        w = words[-1]
        if re.search(r"(?:ung|heit|keit|tät|ion|ur|ik)$", w):
            forms = [w + "en"]
        elif w.endswith("e"):
            forms = [w + "n"]
        elif w.endswith(("el", "er")):
            forms = [w + "n", w + "s"]
        else:
            forms = [w + "s", w + "es"]
        out += [" ".join(words[:-1] + [f]) for f in forms]
    elif lang == "fr":
        cut = next((k for k, w in enumerate(words) if k and re.match(r"(?i)(?:de|du|des|d'|à|au|aux)\b", w)), len(words))
        pl = [w if re.search(r"[sxz]$", w) or not w.isalpha() else w + ("x" if w.endswith("eau") else "s") for w in words[:cut]]
        if pl != words[:cut]:
            out.append(" ".join(pl + words[cut:]))
    return out


class TermMatcher:
    """Where labelled terms occur in a text: a spaCy `PhraseMatcher` per pipeline, results cached per text.

    Chinese terms are matched on characters (spaces ignored), Latin terms (any of en/de/fr, with their
    inflections) on lower-cased tokens by the tokenizer of the text's language.
    """

    def __init__(self, terms: Iterable[tuple[str, str, str]], exact_abbreviations: bool = False) -> None:
        """`terms`: (text, label, language it is written in); the first label of a text wins. With
        `exact_abbreviations`, a capitalised abbreviation (CO, HC, NOx) matches only in capitals ('co-ordinates' is no CO)."""
        self._cjk: dict[str, str] = {}
        self._latin: dict[str, tuple[str, str]] = {}
        self._exact = exact_abbreviations
        for text, label, lang in terms:
            s = str(text).strip()
            if not s:
                continue
            if is_cjk_text(s):
                self._cjk.setdefault(s.replace(" ", ""), label)
            else:
                for form in inflections(s, lang):
                    self._latin.setdefault(_APOSTROPHE.sub(" ", form.lower()), (label, s))
        self._matchers: dict[str, Any] = {}
        self._labels: list[str] = []
        self._ids: dict[str, int] = {}
        self.find = functools.lru_cache(maxsize=16384)(self._find)

    def _label_id(self, label: str) -> str:
        if label not in self._ids:
            self._ids[label] = len(self._labels)
            self._labels.append(label)
        return f"T{self._ids[label]}"

    def _matcher(self, lang: str) -> Any:
        """The PhraseMatcher of one pipeline, built on first use (zh: the Chinese terms; else the Latin ones)."""
        if lang not in self._matchers:
            from spacy.matcher import PhraseMatcher

            nlp = blank(lang)
            m = PhraseMatcher(nlp.vocab, attr="ORTH" if lang == "zh" else "LOWER")
            groups: dict[str, list] = {}
            if lang == "zh":
                for s, label in self._cjk.items():
                    groups.setdefault(label, []).append(nlp.make_doc(s))
            else:
                for s, (label, _) in self._latin.items():
                    groups.setdefault(label, []).append(nlp.make_doc(s))
            for label, docs in groups.items():
                m.add(self._label_id(label), docs)
            self._matchers[lang] = m
        return self._matchers[lang]

    def _find(self, text: str) -> tuple[tuple[int, int, str, bool], ...]:
        """(start char, end char, label, is Chinese) of every term occurrence, overlapping ones included."""
        if not text or not text.strip():
            return ()
        out: list[tuple[int, int, str, bool]] = []
        runs = [("zh", True)] if self._cjk and is_cjk_text(text) else []
        if self._latin and _LATIN_LETTER.search(text):
            runs.append((_match_lang(text), False))
        for lang, cjk in runs:
            read, pos = (text, None) if cjk else _squeeze(_APOSTROPHE.sub(" ", text))
            doc = blank(lang).make_doc(read)
            strings = doc.vocab.strings
            for match_id, a, b in self._matcher(lang)(doc):
                label = self._labels[int(strings[match_id][1:])]
                start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
                if not cjk and self._exact and _lower_abbreviation(read[start:end], self._latin):
                    continue
                out.append((pos[start], pos[end - 1] + 1, label, cjk) if pos else (start, end, label, cjk))
        return tuple(sorted(out))


def _lower_abbreviation(found: str, latin: dict[str, tuple[str, str]]) -> bool:
    """Whether `found` is a capitalised abbreviation of the terms (CO, NOx: two capitals or more, no space) written
    with fewer capitals, i.e. an ordinary word ('co' of 'co-ordinates')."""
    term = latin.get(found.lower(), ("", ""))[1]
    caps = sum(ch.isupper() for ch in term)
    return caps >= 2 and " " not in term and len(term) <= 6 and sum(ch.isupper() for ch in found) < caps


def _squeeze(text: str) -> tuple[str, list[int]]:
    """`text` with every run of white space read as one space (a token never holds spacing), and the offset
    in `text` of each character kept."""
    if not _SPACING.search(text):
        return text, list(range(len(text)))
    chars: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        pos.append(i)
    return "".join(chars), pos


# --- parameter noun phrases -----------------------------------------------------------------------------

# Chinese function words, comparators and modal verbs a parameter never starts or ends with (同时, 但长度,
# 将供电电压, 则允许车辆横向加速度, 长度应); a parameter that is only a verb (施加, 确认, 判断是否) names nothing.
_ZH_CMP = r"小于或等于|大于或等于|小于等于|大于等于|不大于|不小于|不低于|不高于|不超过|小于|大于|低于|高于|等于|超过"
_ZH_HEAD = re.compile(r"^(?:同时|但是|但|并且|并|而且|而|且|则|即|若|如果|当|在|对于|对|将|把|以上|以下|以|用(?![户途])|由|从|按|经|及|以及|和|或|"
                      r"其|该|此|所述|上述|的|允许|" + _ZH_CMP + r")+")
_ZH_TAIL = re.compile(r"(?:应能|应为|应以|应使|应|为|时|的|是|将|至|达到|不得|不应|" + _ZH_CMP + r")+$")
_ZH_VERB_ONLY = re.compile(r"^(?:确认|判断|是否|检查|施加|进行|自主进行|采用|使用|测量|记录|显示|调节|设置|保持|持续|发出|进入|"
                           r"后进入|最后再进入|满足|符合|执行|答|还)+$")
# Latin predicates: a fragment opening with an auxiliary or modal verb is the rest of a sentence, not a name.
_AUX = frozenset("be is are was were been being do does did not also shall should may must can could will would "
                 "werden wird sind ist sein muss müssen darf dürfen soll sollen kann können nicht "
                 "être est sont doit doivent peut peuvent ne pas".split())


@functools.lru_cache(maxsize=8192)
def noun_phrase(text: str, lang: str) -> str:
    """The measured quantity a parameter text names, trimmed to its noun phrase (`将供电电压` -> `供电电压`,
    `of diameter` -> `diameter`, `Emissionen in` -> `Emissionen`); "" when no content word is left."""
    found = noun_phrases(text, lang)
    return found[0] if found else ""


@functools.lru_cache(maxsize=8192)
def noun_phrases(text: str, lang: str) -> tuple[str, ...]:
    """The noun phrases a parameter text may name, best first.

    Chinese: leading and trailing function words, comparators and modal verbs are cut by rule (characters
    carry no word boundaries in a blank pipeline). Latin: leading and trailing stop words of the language's
    blank pipeline are cut; a predicate ("be such that") names nothing; in a clause ("base of a cordless
    kettle is dropped three times from a height") the phrase after the last preposition ("height") comes
    first, then the subject.
    """
    t = _unbalanced(re.sub(r"\s+", " ", text or "").strip(" \t,，:：;；、."))
    if not t:
        return ()
    if lang == "zh" or is_cjk_text(t):
        for _ in range(3):
            t2 = _ZH_TAIL.sub("", _ZH_HEAD.sub("", t)).strip(" ，,、")
            if t2 == t:
                break
            t = t2
        return (t,) if _CJK.search(t) and not _ZH_VERB_ONLY.match(t) else ()
    doc = blank(lang if lang in LANGS else latin_lang(t)).make_doc(t)
    toks = [tk for tk in doc if not tk.is_punct]
    k = 0
    while k < len(toks) and (_function(toks[k], lang) and toks[k].whitespace_ or not _LETTER.search(toks[k].text)):
        if toks[k].lower_ in _AUX:
            return ()  # "be such that", "It is recommended that …": a predicate, not a name
        k += 1
    toks = toks[k:]
    aux = next((j for j, tk in enumerate(toks) if j and tk.lower_ in _AUX), len(toks))
    out = []
    tail = toks[aux + 1:]
    prep = max((j for j, tk in enumerate(tail) if _function(tk, lang) and tk.lower_ not in _AUX), default=-1)
    if prep >= 0:  # "… is dropped three times from a height": the object of the last preposition
        obj = _span_text(doc, _trim(tail[prep + 1:], lang), lang)
        if obj and obj.split()[-1].lower() not in _VALUE_WORDS:  # "auf einem beliebigen Wert": the subject names it
            out.append(obj)
    subject = _span_text(doc, _trim(toks[:aux], lang), lang)  # "Exhaust system volume does": the subject
    if subject:
        out.append(subject)
    return tuple(dict.fromkeys(out))


def _trim(toks: list, lang: str) -> list:
    """Tokens without the function words at either end."""
    while toks and _function(toks[0], lang) and toks[0].whitespace_:
        toks = toks[1:]
    while toks and _function(toks[-1], lang):
        toks = toks[:-1]
    return toks


def _span_text(doc: Any, toks: list, lang: str) -> str:
    """The text from the first to the last token, "" when no content word is among them."""
    if not toks or not any(_content(tk, lang) for tk in toks):
        return ""
    return doc.text[toks[0].idx:toks[-1].idx + len(toks[-1])]


def _unbalanced(t: str) -> str:
    """`t` without an opening or closing parenthesis that has no partner (a piece cut out of a sentence)."""
    for _ in range(2):
        t2 = t
        if t2[-1:] in ")）" and not re.search(r"[(（]", t2):
            t2 = t2[:-1].strip()
        if t2[:1] in "(（" and not re.search(r"[)）]", t2):
            t2 = t2[1:].strip()
        if t2 == t:
            break
        t = t2
    return t


# Content words spaCy's stop lists carry (English "bottom", "part"; German nouns are capitalised): kept.
_CONTENT_STOP = frozenset("bottom top front back side part amount full empty name first last whole".split())
_VALUE_WORDS = frozenset("value values wert werte valeur valeurs".split())
_WORDISH = re.compile(r"[^\W\d_]{2}")
_LETTER = re.compile(r"[^\W\d_]")


def _function(tk: Any, lang: str) -> bool:
    """A function word of the phrase: a stop word of the blank pipeline, but not a content word it lists."""
    if not tk.is_stop or tk.lower_ in _CONTENT_STOP:
        return False
    return not (lang == "de" and tk.i > 0 and tk.text[:1].isupper())


def _content(tk: Any, lang: str) -> bool:
    return not _function(tk, lang) and bool(_WORDISH.search(tk.text))


@functools.lru_cache(maxsize=8192)
def is_fragment(param: str, lang: str) -> bool:
    """Whether an extracted parameter is a piece of the sentence rather than the quantity's name: it opens
    or closes with a function word (`of diameter`, `until a quantity`, `同时`, `但长度`), or keeps no
    content word, or (Latin) reads as a predicate (`be such that`, `is used`)."""
    p = re.sub(r"\s+", " ", param or "").strip()
    if not p:
        return False
    if lang == "zh" or is_cjk_text(p):
        np = noun_phrase(p, "zh")
        return np != p
    doc = blank(lang if lang in LANGS else latin_lang(p)).make_doc(p)
    toks = [tk for tk in doc if not tk.is_punct]
    if not toks:
        return True
    return _function(toks[0], lang) and bool(toks[0].whitespace_) or _function(toks[-1], lang) or not any(_content(tk, lang) for tk in toks) \
        or any(tk.lower_ in _AUX for tk in toks)
