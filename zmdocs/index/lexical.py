"""Lexical side of search: a multilingual tokeniser and the BM25 index (bm25s).

Chinese (simplified or traditional, via OpenCC t2s) is cut with jieba in search mode; Latin
scripts (en/de/fr) become lowercase words with numbers kept whole ("60335-2-15", "0.75");
a short stop list removes function words. German and French clause words are stemmed with
Snowball (PyStemmer, the stemmer bm25s uses), so "Ableitströme" finds "Ableitstrom"; a query,
whose language is not known, adds the de/fr stems of its words that the index holds. Tokens
never contain spaces, so a clause's tokens are stored in SQLite as one space-joined string
and BM25 is rebuilt without re-tokenising.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Container, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from zmdocs.text.lang import CJK_CHAR
from zmdocs.text.normalize import normalize

log = logging.getLogger(__name__)

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]+")
_WORD = re.compile(r"[a-z0-9à-öø-ÿß]+(?:[.,\-/][a-z0-9à-öø-ÿß]+)*")
_HYPHENATED = re.compile(r"[a-zà-öø-ÿß]+(?:-[a-zà-öø-ÿß]+)+")  # words only: "60335-2-15" stays whole
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}$|\d{4,}$)")  # German/French 0,75 -> 0.75
_STOP = frozenset(
    """a an and are as at be by for from has have in is it its of on or that the this to was were with which shall
    should may can not no be been being than then there these those into per such
    der die das und oder ist sind ein eine einer eines einem den dem des mit von zu im in auf für nicht als bei
    le la les un une des du de et ou est sont en au aux pour par avec dans sur ne pas il doit
    的 了 和 与 或 在 应 及 等 为 是 对 中 其 该 按 由 于 以 将 不 个 之""".split()
)


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except (ImportError, OSError, ValueError) as e:  # pragma: no cover - not installed, or its config missing/broken
        log.warning("OpenCC unavailable (%s): traditional Chinese is tokenised as is", e)
        return None


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=20000)
def _cut_cjk(run: str) -> tuple[str, ...]:
    conv = _t2s()
    if conv is not None:
        run = conv.convert(run)
    return tuple(_jieba().cut_for_search(run))


STEM_LANGS = {"de": "german", "fr": "french"}  # inflected languages whose words are stemmed


@lru_cache(maxsize=4)
def _stemmer(lang: str):
    try:
        import Stemmer

        return Stemmer.Stemmer(STEM_LANGS[lang])
    except (ImportError, KeyError) as e:  # pragma: no cover - not installed, or this language not compiled in
        log.warning("PyStemmer unavailable (%s): %s words are indexed unstemmed", e, lang)
        return None


def _stem(tokens: list[str], lang: str | None) -> list[str]:
    """Snowball stems of the alphabetic tokens for a stemmed language; numbers and codes kept."""
    st = _stemmer(lang) if lang in STEM_LANGS else None
    if st is None:
        return tokens
    return [st.stemWord(t) if t.isalpha() and not _CJK_RUN.search(t) else t for t in tokens]


def query_tokens(query: str, vocab: Container[str] | None = None) -> list[str]:
    """A query's tokens plus the de/fr stems of its words that `vocab` holds (the query's language is unknown)."""
    toks = tokenize(query, vocab=vocab)
    seen = set(toks)
    for lang in STEM_LANGS:
        for t in _stem(toks, lang):
            if t not in seen and (vocab is None or t in vocab):
                seen.add(t)
                toks.append(t)
    return toks


def tokenize(text: str, vocab: Container[str] | None = None, lang: str | None = None) -> list[str]:
    """Tokens of one text for BM25 (deterministic); `lang` de or fr stems its words (see `STEM_LANGS`).

    Indexed texts are cut with jieba. A query may pass the index `vocab` instead: its Chinese
    runs are then matched against the indexed words (every vocabulary word of 2-6 characters
    it contains, single characters only where no longer word covers them), which finds the
    same words jieba would have produced in the index without loading jieba (about 1 s).
    """
    if not text:
        return []
    text = normalize(text).lower()
    out: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(text):
        out.extend(_latin(text[pos : m.start()]))
        words = _match_vocab(m.group(), vocab) if vocab is not None else _cut_cjk(m.group())
        out.extend(t for t in words if t.strip() and t not in _STOP)
        pos = m.end()
    out.extend(_latin(text[pos:]))
    return _stem(out, (lang or "").lower().split("-")[0]) if lang else out


def _match_vocab(run: str, vocab: Container[str]) -> list[str]:
    conv = _t2s()
    if conv is not None:
        run = conv.convert(run)
    words, covered = [], [False] * len(run)
    for i in range(len(run)):
        for n in range(2, 7):
            w = run[i : i + n]
            if len(w) == n and w in vocab:
                words.append(w)
                covered[i : i + n] = [True] * n
    words += [ch for i, ch in enumerate(run) if not covered[i] and ch in vocab]
    return words


def _latin(s: str) -> list[str]:
    """Latin-script words and numbers; a hyphenated word also gives its parts ("stop-lamp" ->
    stop-lamp, stop, lamp), so that the spellings with and without the hyphen meet."""
    toks = []
    for m in _WORD.finditer(s):
        w = _DECIMAL_COMMA.sub(".", m.group().strip(".,-/"))
        if w and w not in _STOP and (len(w) > 1 or w.isdigit()):
            toks.append(w)
            if "-" in w and _HYPHENATED.fullmatch(w):
                toks.extend(p for p in w.split("-") if len(p) > 1 and p not in _STOP)
    return toks


def script_weights(query: str, langs: Sequence[str]) -> dict[str, float]:
    """Per clause language, the share of the query's words written in that language's script.

    BM25 ranks within a language; an English query's words found in Chinese clauses are mostly
    the English equivalents in their terms entries, so they should not outrank the dense match
    there. Languages of CJK script (zh, ja) get the CJK share, the others the Latin share.
    """
    text = normalize(query or "").lower()
    cjk = sum(len(m.group()) for m in _CJK_RUN.finditer(text)) / 2  # about two characters a word
    latin = len(re.findall(r"[a-zà-öø-ÿß]+", text))
    if not cjk + latin:
        return {}
    share = cjk / (cjk + latin)
    return {lg: share if lg in ("zh", "ja") else 1.0 - share for lg in langs}


def has_cjk(text: str) -> bool:
    return bool(CJK_CHAR.search(text or ""))


def _bm25s():
    """Import bm25s, whose import sets its own logger to DEBUG; keep it at our level."""
    import bm25s

    logging.getLogger("bm25s").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.WARNING))
    return bm25s


def build_bm25(token_lists: Sequence[Sequence[str]], out_dir: Path) -> None:
    """Build and save a BM25 index over token lists (an empty list gets a placeholder token)."""
    bm25s = _bm25s()

    corpus = [list(t) if t else ["\u2205"] for t in token_lists]
    retriever = bm25s.BM25()
    if corpus:
        retriever.index(corpus, show_progress=False)
    out_dir.mkdir(parents=True, exist_ok=True)
    retriever.save(str(out_dir), show_progress=False)


class SavedBM25:
    """A saved bm25s index read straight from its files: the score matrix (CSC, memory-mapped)
    and the vocabulary. Searching needs nothing else, so a query does not import bm25s and
    scipy (about 0.3 s on a quiet machine, 3 s on a busy one)."""

    def __init__(self, path: Path, params: dict) -> None:
        self.params = params
        self.vocab_dict = json.loads((path / "vocab.index.json").read_text(encoding="utf-8"))
        self.scores = {name: np.load(path / f"{name}.csc.index.npy", mmap_mode="r") for name in ("data", "indices", "indptr")}
        self.scores["num_docs"] = int(params.get("num_docs", 0))


def load_bm25(path: Path):
    """Load a saved BM25 index memory-mapped (the matrix is not read into Python objects)."""
    try:
        params = json.loads((path / "params.index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        params = {}
    if params.get("method") in ("lucene", "robertson", "atire") and (path / "data.csc.index.npy").exists():
        return SavedBM25(path, params)
    bm25s = _bm25s()  # BM25L / BM25+ keep a non-occurrence array: let bm25s read them
    return bm25s.BM25.load(str(path), mmap=True, show_progress=False)


def postings(retriever, tokens: list[str]) -> set[int]:
    """Corpus positions holding at least one of `tokens` (from the saved score matrix)."""
    vocab = getattr(retriever, "vocab_dict", None) or {}
    sc = retriever.scores
    indices, indptr = sc["indices"], sc["indptr"]
    out: set[int] = set()
    for t in {vocab[t] for t in tokens if t in vocab}:
        out.update(np.asarray(indices[int(indptr[t]) : int(indptr[t + 1])]).tolist())
    return out


def bm25_search(retriever, query_tokens: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Top-k (corpus position, score) for one tokenised query; zero-score hits dropped.

    Scores are summed straight from the saved (memory-mapped) BM25 score matrix over the
    postings of the query's tokens only, so the cost follows the postings touched, not the
    corpus size (bm25s's own retrieve ranks a dense array of every document: 65 ms at 1M).
    `mask` (one weight per document) restricts the hits, e.g. to a filter.
    """
    vocab = getattr(retriever, "vocab_dict", None) or {}
    sc = retriever.scores
    n = int(sc.get("num_docs", 0) or 0)
    ids = sorted({vocab[t] for t in query_tokens if t in vocab})
    if not ids or n == 0:
        return []
    data, indices, indptr = sc["data"], sc["indices"], sc["indptr"]
    spans = [(int(indptr[t]), int(indptr[t + 1])) for t in ids]
    docs = np.concatenate([np.asarray(indices[a:b]) for a, b in spans]).astype(np.int64, copy=False)
    vals = np.concatenate([np.asarray(data[a:b]) for a, b in spans]).astype(np.float64, copy=False)
    if not len(docs):
        return []
    if len(docs) > n // 4:  # dense is cheaper than sorting most of the corpus
        cand = np.arange(n)
        score = np.bincount(docs, weights=vals, minlength=n)
    else:
        cand, inv = np.unique(docs, return_inverse=True)
        score = np.bincount(inv, weights=vals)
    if mask is not None:
        score = score * np.asarray(mask)[cand]
    k = min(k, len(score))
    top = np.argpartition(-score, k - 1)[:k]
    top = top[np.argsort(-score[top], kind="stable")]
    return [(int(cand[i]), float(score[i])) for i in top if score[i] > 0]
