"""A cross-lingual term list mined from the store itself: a Chinese standard's bilingual names.

A Chinese standard names each of its terms entries in Chinese and English ("3.2 无绳电热水壶
cordless kettle", "3.3 人机界面 human/machine interface；HMI") and gives its title in both
languages on the cover. Those pairs are a term bridge for exactly the subjects the store holds,
written by the standards' own authors (unlike the hand glossary, which knows only the subjects
it was written for). They are read from the store when a search first needs them (headings of
Chinese clauses and the documents' titles: one SQL pass, cached per open store), so they follow
the indexed corpus and need no separate file.
"""

from __future__ import annotations

import re
from typing import Any

from zmdocs.index.crossterms import TermList
from zmdocs.text.lang import CJK_RANGES

# "<Chinese term> <English equivalent>[；;, <abbreviation>]": the whole heading, Chinese first
_PAIR = re.compile(rf"^\s*([{CJK_RANGES}][{CJK_RANGES}\s·、\-]*?)\s*([A-Za-z][A-Za-z0-9\s\-/'’,.()]*?)"
                   r"\s*(?:[;；]\s*([A-Za-z][A-Za-z0-9\-]{1,11}))?\s*$")
MAX_CJK = 24  # longer names are sentences or titles, not terms a query repeats
MAX_WORDS = 10


def heading_pair(heading: str) -> tuple[str, list[str]] | None:
    """(Chinese name, English names) of a bilingual heading or title pair, else None."""
    m = _PAIR.match(heading or "")
    if not m:
        return None
    zh = re.sub(r"\s+", "", m.group(1))
    en = re.sub(r"\s+", " ", m.group(2)).strip(" ,.")
    if not (2 <= len(zh) <= MAX_CJK) or not en or len(en.split()) > MAX_WORDS or not re.search(r"[a-z]{3}", en.lower()):
        return None
    names = [en] + ([m.group(3)] if m.group(3) else [])
    return zh, names


def pairs_from(headings: list[str], titles: list[dict[str, str]]) -> dict[str, list[str]]:
    """Chinese name -> English names, from clause headings and documents' {lang: title} pairs (sorted, deduplicated)."""
    out: dict[str, list[str]] = {}
    candidates = list(headings) + [f"{t['zh']} {t['en']}" for t in titles if t.get("zh") and t.get("en")]
    for text in candidates:
        pair = heading_pair(text)
        if pair:
            names = out.setdefault(pair[0], [])
            names += [n for n in pair[1] if n.lower() not in {x.lower() for x in names}]
    return dict(sorted(out.items()))


def term_list(pairs: dict[str, list[str]]) -> TermList:
    """The pairs as a `crossterms.TermList` (entries `mined:<Chinese name>`)."""
    return TermList({f"mined:{zh}": {"zh": (zh,), "en": tuple(en)} for zh, en in pairs.items()})


def store_terms(store: Any) -> TermList:
    """The mined term list of an open store (read once per Store)."""
    tl = getattr(store, "_mined_terms", None)
    if tl is None:
        import json

        heads = [r[0] for r in store.con.execute("SELECT heading FROM clauses WHERE lang = 'zh' AND heading != ''")]
        titles = []
        for (raw,) in store.con.execute("SELECT json_extract(json, '$.titles') FROM documents WHERE lang = 'zh'"):
            try:
                t = json.loads(raw) if raw else {}
            except ValueError:
                t = {}
            if isinstance(t, dict):
                titles.append({k: str(v) for k, v in t.items()})
        tl = store._mined_terms = term_list(pairs_from(heads, titles))
    return tl
