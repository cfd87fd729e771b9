"""Cross-lingual lexical channel: the query's terms said in the other languages.

BM25 only matches words of the query's own language, and the encoder ranks translations
below same-language clauses on the same topic. The glossary (`data/glossary.yaml`: parameter
keys and subjects, each with zh/en/de/fr synonyms) is a bilingual term list that closes part
of the gap. The store's own bilingual names (a Chinese standard's terms entries with their
English equivalents and its bilingual title, `mined`) are a second list beside it (`search.Store._term_lists`).

Every term of the list that the query names is replaced, per target language, by that term's
names in the language, tokenised as that language's clauses are (German and French stemmed),
and run as a BM25 query over the clauses of that language only (`search.Store._xlex`, fused
as a third ranking by `fusion.language_scores`). A language the term is written in in the
query gets nothing from it: the ordinary BM25 ranking covers that language.

Matching is greedy leftmost-longest without overlaps, by lookup (cost independent of the list's
size): Chinese (simplified or traditional, via OpenCC; spaces ignored) on character runs of 2-24
characters, Latin terms on runs of up to 8 lower-case words, a plural s/es of the last word allowed.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Container, Iterable
from importlib import resources

from zmdocs.index import lexical
from zmdocs.text.normalize import normalize

LANGS = ("zh", "en", "de", "fr")
SYNONYMS = int(os.environ.get("ZMDOCS_XLEX_SYNONYMS", "99"))  # names of a term searched per language
_MAX_CJK, _MAX_WORDS = 24, 8
_LATIN_WORD = re.compile(r"[a-z0-9à-öø-ÿß]+")


class TermList:
    """Terms named in several languages: entry -> {lang: names}, and a lookup from each folded name."""

    def __init__(self, entries: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self.entries = entries
        self.cjk: dict[str, list[tuple[str, str]]] = {}
        self.latin: dict[str, list[tuple[str, str]]] = {}
        for name, names in entries.items():
            for lg, ss in names.items():
                for s in ss:
                    if lexical.has_cjk(s):
                        f = _fold_cjk(s, simplified=True)
                        if 2 <= len(f) <= _MAX_CJK:
                            self.cjk.setdefault(f, []).append((name, lg))
                    else:
                        words = _latin_words(s)
                        if words and len(words) <= _MAX_WORDS and (len(words) > 1 or len(words[0]) > 2):
                            self.latin.setdefault(" ".join(words), []).append((name, lg))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, query: str) -> list[tuple[str, str]]:
        """(entry, language it is written in) of each term the query names, in order, without repeats."""
        hits: list[tuple[str, str]] = []
        for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", _fold_cjk(query)):
            hits += _greedy(list(run), self.cjk, "", _MAX_CJK)
        hits += _greedy(_latin_words(query), self.latin, " ", _MAX_WORDS, plural=True)
        return list(dict.fromkeys(hits))


def _greedy(units: list[str], table: dict[str, list[tuple[str, str]]], sep: str, longest: int,
            plural: bool = False) -> list[tuple[str, str]]:
    """Leftmost-longest matches of `table` keys over a sequence of characters or words."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(units):
        for n in range(min(longest, len(units) - i), 0, -1):
            key = sep.join(units[i : i + n])
            found = table.get(key) or (plural and table.get(_singular(key))) or None
            if found:
                out += found
                i += n
                break
        else:
            i += 1
    return out


def _singular(key: str) -> str:
    if key.endswith("es") and len(key) > 4:
        return key[:-2] if key[:-2].endswith(("ss", "sh", "ch", "x")) else key[:-1]
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def _fold_cjk(text: str, simplified: bool = False) -> str:
    """Lower case, no spaces, simplified characters (`simplified`: the text is written so already;
    the glossary is, and OpenCC's conversion costs about 1 ms a name)."""
    conv = None if simplified else lexical._t2s()
    text = normalize(text).lower()
    return re.sub(r"\s+", "", conv.convert(text) if conv is not None else text)


def _latin_words(text: str) -> list[str]:
    return _LATIN_WORD.findall(normalize(text).lower().replace("'", " ").replace("\u2019", " "))


@functools.lru_cache(maxsize=1)
def glossary_terms() -> TermList:
    """The glossary's keys and subjects as a term list."""
    import yaml

    text = (resources.files("zmdocs") / "data" / "glossary.yaml").read_text(encoding="utf-8")
    # the C loader where PyYAML has it: a search's first query reads the glossary (pure Python: 10x slower)
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    entries: dict[str, dict[str, tuple[str, ...]]] = {}
    for section in ("keys", "subjects", "terms"):
        for key, entry in (data.get(section) or {}).items():
            names = {lg: tuple(str(s).strip() for s in entry.get(lg) or [] if str(s).strip()) for lg in LANGS}
            entries[f"{section}:{key}"] = {lg: s for lg, s in names.items() if s}
    return TermList(entries)


def translated_terms(query: str, langs: list[str], lists: Iterable[TermList] | None = None) -> dict[str, dict[str, list[str]]]:
    """Per clause language, entry -> its names in that language, for the terms the query names (not
    for the languages a term is written in in the query); languages without any are left out."""
    out: dict[str, dict[str, list[str]]] = {}
    for tl in lists if lists is not None else (glossary_terms(),):
        for name, src in tl.find(query):
            for lg in langs:
                base = lg.lower().split("-")[0]
                names = tl.entries[name].get(base, ())[:SYNONYMS] if base != src and base in LANGS else ()
                if names:
                    out.setdefault(lg, {}).setdefault(name, []).extend(names)
    return out


def translated_names(query: str, langs: list[str], lists: Iterable[TermList] | None = None) -> dict[str, list[str]]:
    """Per clause language, the names in that language of the terms the query names (see `translated_terms`)."""
    return {lg: list(dict.fromkeys(n for names in terms.values() for n in names))
            for lg, terms in translated_terms(query, langs, lists).items()}


def title_entries(title: str, lists: Iterable[TermList] | None = None) -> frozenset[str]:
    """The glossary entries a document title names: the subject context of every one of its clauses
    (a regulation on one lamp whose clauses say only "the lamp")."""
    tls = lists if lists is not None else (glossary_terms(),)
    return frozenset(name for tl in tls for name, _ in tl.find(title or ""))


def name_tokens(names: list[str], lang: str, vocab: Container[str] | None = None) -> list[str]:
    """BM25 tokens of term names in a clause language (a lone Chinese character, the 漏 of 漏电流, left out)."""
    base = lang.lower().split("-")[0]
    toks = [t for n in names for t in lexical.tokenize(n, vocab=vocab if base == "zh" else None, lang=base)]
    return [t for t in dict.fromkeys(toks) if not (len(t) == 1 and lexical.has_cjk(t))]


def translations(query: str, langs: list[str], vocab: Container[str] | None = None,
                 lists: Iterable[TermList] | None = None) -> dict[str, list[str]]:
    """Per clause language, the BM25 tokens of the query's terms in that language (see `translated_names`)."""
    out = {lg: name_tokens(names, lg, vocab) for lg, names in translated_names(query, langs, lists).items()}
    return {lg: toks for lg, toks in out.items() if toks}


def names_heading(heading: str, names: list[str]) -> bool:
    """Whether a clause heading is one of the names (case, spacing, hyphens and a plural s aside)."""
    if not heading:
        return False
    if lexical.has_cjk(heading):
        return _fold_cjk(heading) in {_fold_cjk(n) for n in names}
    h = " ".join(_latin_words(heading))
    return bool(h) and any(h in (k, k + "s", k + "es") or _singular(h) == k for k in (" ".join(_latin_words(n)) for n in names))


# A query asking what a term means ("示廓灯的定义", "制动灯是指什么", "definition of semi-trailer", "what is a ...",
# "Begriff ...")
# wants the entry of that term: the clause headed by it (`search.Store._xlex`).
_ASKS_DEFINITION = re.compile(r"定义|定義|术语|術語|是指什么|是指甚麼|是什么|是甚麼|指的是|何谓|何謂|含义|含義|\bdefinitions?\b|\bdefined\b"
                              r"|\bmeaning of\b|\bwhat (?:is|are|does) (?:an? |the )?\b|\bbegriff|\bwas (?:ist|sind|bedeutet)\b|\bdéfinition"
                              r"|\bqu'est-ce qu", re.I)


def asks_definition(query: str) -> bool:
    """Whether the query asks for the definition of a term."""
    return bool(_ASKS_DEFINITION.search(normalize(query or "")))
