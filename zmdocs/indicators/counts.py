"""Counts of tests in German prose: "Es sind drei Einzelmessungen vorzunehmen", "umfasst vier Untersuchungen",
"gemittelt über vier unterschiedliche Quartale".

A number (in words or digits) right before a noun that counts tests, measurements, samples or averaging periods
states how many the procedure makes: an `=` indicator without a unit (a bound word before it keeps its bound).
After a preposition or an article ("in vier unterschiedlichen Quartalen", "an keiner der drei Proben") the count
places or refers to something already stated: not an indicator. "gemittelt über vier Quartale" averages over the
periods: "über" there is no comparator. English standards write the same ("the results of five identical load
applications", "3 measurements"): after "of" the count still states how many; after an article or "each" it refers.
"""

from __future__ import annotations

import functools
import re

from zmdocs.text.numbers import number_words

# nouns that count tests or the periods a result is averaged over (an optional adjective before them)
_NOUN = (r"(?:[a-zäöüß]+(?:e|en|er)\s+)?(?:Einzelmessungen|Messungen|Untersuchungen|Prüfungen|Bestimmungen|Probenahmen|Proben"
         r"|Wiederholungen|Messreihen|Messdurchgänge|Quartale|Quartalen)\b")
_AFTER = re.compile(r"\s*" + _NOUN)
_NOUN_EN = (r"(?:(?:identical|independent|consecutive|successive|separate|repeated|load|test)\s+){0,2}"
            r"(?:measurements|readings|load\s+applications|repetitions|determinations|test\s+runs|trials)\b")
_AFTER_EN = re.compile(r"\s*" + _NOUN_EN)
_REFERS_EN = re.compile(r"(?i)(?:^|\s)(?:the|these|those|each|every|any|all|per|in|from|first|last|other)\s+$")
# a preposition or an article right before the count: it places or refers, it states nothing
_REFERS = re.compile(r"(?i)(?:^|\s)(?:in|an|bei|von|aus|mit|nach|zu|je|pro|der|die|den|dem|des|diese[nrs]?|jede[nrs]?|keiner)\s+$")
_AVERAGED = re.compile(r"(?i)\b(?:gemittelt|Mittel(?:wert)?|Durchschnitt)\s+über\s+$")


@functools.lru_cache(maxsize=2)
def _words_re(lang: str = "de") -> tuple[re.Pattern, dict[str, int]]:
    words = number_words(lang, 2, 12)
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])({alt})(?=\s+{_NOUN if lang == 'de' else _NOUN_EN})"), words


def count_words(t: str, lang: str) -> str:
    """German or English `t` with number words before a counted test noun written as digits ("drei Einzelmessungen",
    "five identical load applications" -> "3 …", "5 …")."""
    if lang not in ("de", "en"):
        return t
    rx, words = _words_re(lang)
    return rx.sub(lambda m: str(words[m.group(1).lower()]), t)


def count_of_tests(t: str, start: int, end: int, lang: str) -> str | None:
    """The comparator of a count of tests at t[start:end] ("=", or "=" for "gemittelt über"), or None when the
    number counts no tests or only refers to them."""
    if lang == "en" and _AFTER_EN.match(t, end):
        return None if _REFERS_EN.search(t[max(0, start - 40):start]) else "="
    if lang != "de" or not _AFTER.match(t, end):
        return None
    left = t[max(0, start - 40):start]
    if _AVERAGED.search(left):
        return "="
    return None if _REFERS.search(left) else "="
