"""Lower bounds written "N or more" (en) and "N ou plus" / "un ou plusieurs" (fr): a count or quantity >= N.

"bounded by two or more faults", "one km or more in diameter", "(25 years or longer)", "three or more
members"; "d'un km ou plus", "25 ans ou plus". A bare "one or more" / "un ou plusieurs" (some, any
number) and a count inside a condition ("If two or more lamps …", "For an assembly of two or more …")
are no bounds. Numbers in words come from zmdocs.text.numbers.
"""

from __future__ import annotations

import re

from zmdocs.indicators.common import make
from zmdocs.indicators.units import unit_symbol
from zmdocs.model import Indicator
from zmdocs.text.numbers import number_words, parse_number

_UNITS = r"km|mm|cm|m|kg|t|years?|ans?|months?|mois|hours?|heures?|h"
_TAIL = {"en": r"or\s+(?:more|longer|greater|over)(?!\s+(?:of|than)\b)",
         "fr": r"ou\s+(?:plus(?:ieur)?s?|davantage)(?!\s+(?:de|d['’]|que)\b)"}
_EXTRA = {"en": {}, "fr": {"une": 1}}
# a sentence that opens with (or holds) a condition: the count says when, not how many
_CONDITION = re.compile(r"(?i)^\W*(?:for|in\s+the\s+case|pour|dans\s+le\s+cas)\b|\b(?:if|when|where|whether|si|lorsque|quand)\b")


def _pattern(lang: str) -> re.Pattern[str]:
    words = "|".join(sorted([*number_words(lang, 1, 20), *_EXTRA[lang]], key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w.,\-])(?P<n>\d+(?:[.,]\d+)?|{words})(?:\s?(?P<u>{_UNITS}))?\s+{_TAIL[lang]}"
                      r"(?P<after>[^.;:()\n]{0,40})")


_PATTERNS = {lang: _pattern(lang) for lang in _TAIL}


def _value(n: str, lang: str) -> float | None:
    words = {**number_words(lang, 1, 20), **_EXTRA[lang]}
    return words.get(n.lower()) if n.isalpha() else parse_number(n, lang)


def or_more(text: str, lang: str, clause: str | None = None, page: int | None = None) -> list[Indicator]:
    """The ">= N" bounds a passage writes as "N or more" / "N ou plus"; [] for other languages."""
    pat = _PATTERNS.get(lang)
    if pat is None:
        return []
    out = []
    for m in pat.finditer(text):
        v = _value(m.group("n"), lang)
        if v is None:
            continue
        unit = unit_symbol(m.group("u")) if m.group("u") else ""
        s = text.rfind(".", 0, m.start()) + 1
        if v == 1 and not unit or _CONDITION.search(text, s, m.start()):
            continue
        param = " ".join(m.group("after").split()[:4])
        out.append(make(param, ">=", unit, value=int(v) if float(v).is_integer() else v, clause=clause, page=page,
                        text=text[s:m.end()].strip()))
    return out
