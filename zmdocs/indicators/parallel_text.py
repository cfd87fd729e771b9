"""Indicators of a clause's parallel text (the translation a side-by-side bilingual PDF prints beside it).

zmdocs.parse.parallel keeps the translation column with each clause (`Clause.parallel[lang]`); its
values are read as prose in that language, in the clause they translate, and each carries the
language in `origin["lang"]` so a stage can tell a translation's indicator from the text's own.
"""

from __future__ import annotations

from collections.abc import Callable

from zmdocs.indicators.lists import restate_lists
from zmdocs.indicators.or_more import or_more
from zmdocs.indicators.per_period import per_period
from zmdocs.model import Document, Indicator

LANGS = ("en", "de", "fr", "zh")


def parallel_indicators(doc: Document, skip: set[str], extract: Callable[..., list[Indicator]],
                        merge: Callable[[list[Indicator], list[Indicator]], list[Indicator]] = lambda a, b: a + b,
                        ) -> list[Indicator]:
    """The indicators of every clause's parallel texts (clauses in `skip` left out), marked with their language;
    `merge(found, extra)` adds the "N ou plus" bounds the prose rules did not read."""
    out: list[Indicator] = []
    for c in doc.clauses:
        if c.id in skip:
            continue
        for lang, par in c.parallel.items():
            text = par.get("text") or ""
            if lang not in LANGS or not text.strip():
                continue
            text = restate_lists(text, lang)
            found = extract(text, lang=lang, clause=c.id, page=c.page, context=par.get("heading") or "")
            for i in per_period(merge(found, or_more(text, lang, c.id, c.page))):
                i.origin = {**(i.origin or {"type": "prose"}), "lang": lang}
                out.append(i)
    return out


def is_translation(ind: Indicator) -> bool:
    """An indicator read from the translation printed beside a clause (it restates one of the text's own)."""
    return bool((getattr(ind, "origin", None) or {}).get("lang"))


def own_text(doc):
    """`doc` (a Document or product spec) without its translations' indicators, so a comparison, check or edition
    diff counts a bilingual standard's requirement once; `doc` itself when it has none."""
    import copy

    inds = getattr(doc, "indicators", None) or []
    if not any(is_translation(i) for i in inds):
        return doc
    out = copy.copy(doc)
    out.indicators = [i for i in inds if not is_translation(i)]
    return out
