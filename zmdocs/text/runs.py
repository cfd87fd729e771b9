"""The longest run of words two passages share, word for word: a sentence one document restates from another.

Numbers count as one placeholder word (a restated limit may change its value), a decimal comma is a point;
case and punctuation are ignored. A CJK passage without spaces is one word per run of characters, so the
measure only speaks for space-separated languages. Runs are found through sets of n-word grams (linear in the
passages' lengths, cached per passage), since pairing asks this for every candidate pair of a comparison.
"""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple("#" if t[0].isdigit() else t for t in _TOKEN.findall((text or "").lower()))


@functools.lru_cache(maxsize=16384)
def _grams(text: str, n: int) -> frozenset[tuple[str, ...]]:
    t = _tokens(text)
    return frozenset(t[i:i + n] for i in range(len(t) - n + 1))


def shares_run(a: str, b: str, n: int) -> bool:
    """Whether `a` and `b` have a run of at least `n` words in common, word for word (numbers match any number)."""
    if n <= 0:
        return True
    ga, gb = _grams(a, n), _grams(b, n)
    return bool(ga and gb and not ga.isdisjoint(gb))


def shared_run(a: str, b: str) -> int:
    """How many words long the longest word-for-word run common to `a` and `b` is (numbers match any number)."""
    lo, hi = 0, min(len(_tokens(a)), len(_tokens(b)))
    while lo < hi:  # sharing an n-word run implies sharing every shorter one: search the longest n
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if shares_run(a, b, mid) else (lo, mid - 1)
    return lo
