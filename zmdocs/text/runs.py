"""The longest run of words two passages share, word for word: a sentence one document restates from another.

Numbers count as one placeholder word (a restated limit may change its value), a decimal comma is a point;
case and punctuation are ignored. A CJK passage without spaces is one word per run of characters, so the
measure only speaks for space-separated languages.
"""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple("#" if t[0].isdigit() else t for t in _TOKEN.findall((text or "").lower()))


@functools.lru_cache(maxsize=4096)
def shared_run(a: str, b: str) -> int:
    """How many words long the longest word-for-word run common to `a` and `b` is (numbers match any number)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0
    best, prev = 0, [0] * (len(tb) + 1)
    for x in ta:
        cur = [0] * (len(tb) + 1)
        for k, y in enumerate(tb, 1):
            if x == y:
                cur[k] = prev[k - 1] + 1
                best = max(best, cur[k])
        prev = cur
    return best
