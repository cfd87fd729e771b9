"""Text keys and similarity for edition diffs: normalised text, difflib ratios, containment."""

from __future__ import annotations

import functools
import re
from collections import Counter
from difflib import SequenceMatcher

from zmdocs.text.normalize import normalize

# punctuation, dashes, brackets and spaces carry no technical content between editions
_NOISE = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
                    r"!-/:-@\[-`{-~·•—–―‐‑“”‘’…]+")


@functools.lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A comparison key: half-width, lower-case, no spaces or punctuation."""
    return _NOISE.sub("", normalize(text or "")).lower()


@functools.lru_cache(maxsize=65536)
def ratio(a: str, b: str) -> float:
    """difflib's ratio of two already normalised keys (1.0 for two empty strings)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@functools.lru_cache(maxsize=65536)
def containment(a: str, b: str) -> float:
    """Share of the shorter key found, in order, in the longer one (a text that was extended)."""
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 12:
        return 0.0
    m = SequenceMatcher(None, short, long_, autojunk=False)
    # only runs of 3+ characters count: single shared characters are chance in Chinese text
    return sum(bl.size for bl in m.get_matching_blocks() if bl.size >= 3) / len(short)


@functools.lru_cache(maxsize=8192)
def _bag(a: str) -> Counter:
    return Counter(a)


def upper_bound(a: str, b: str) -> float:
    """A cheap bound of `similarity` from the characters the two keys share."""
    if not a or not b:
        return 0.0
    common = sum((_bag(a) & _bag(b)).values())
    return max(2 * common / (len(a) + len(b)), common / min(len(a), len(b)))


def similarity(a: str, b: str, floor: float = 0.25) -> float:
    """Text similarity of two keys: the ratio, or the containment of a text that grew (discounted).
    Pairs whose shared characters cannot reach `floor` get that bound instead of the exact figure."""
    ub = upper_bound(a, b)
    if ub < floor:
        return ub
    r = ratio(a, b)
    if r >= 0.9:
        return r
    c = containment(a, b)
    if c > 0:
        # a clause that gained a sentence keeps most of its words; weigh by how much of it survives
        short, long_ = sorted((len(a), len(b)))
        return max(r, c * (0.55 + 0.35 * short / long_))
    return r


def edits(old: str, new: str, limit: int = 3, width: int = 24) -> tuple[list[str], list[str]]:
    """The longest pieces of text deleted from `old` and added in `new` (normalised, shortened)."""
    a, b = normalize(old or ""), normalize(new or "")
    m = SequenceMatcher(None, a, b, autojunk=False)
    added: list[str] = []
    deleted: list[str] = []
    for op, i1, i2, j1, j2 in m.get_opcodes():
        if op in ("delete", "replace") and len(key(a[i1:i2])) >= 2:
            deleted.append(a[i1:i2].strip())
        if op in ("insert", "replace") and len(key(b[j1:j2])) >= 2:
            added.append(b[j1:j2].strip())

    def top(parts: list[str]) -> list[str]:
        parts = sorted(parts, key=lambda s: -len(key(s)))[:limit]
        return [p if len(p) <= width else p[: width - 1] + "…" for p in parts]

    return top(added), top(deleted)
