"""Section context in the cross-lingual term channel: the clauses under a heading that names a term.

A regulation lists a device's requirements as short subclauses under its heading ("6.3 Front fog lamp"
> "6.3.2 Number" > "Two or four"), so the clause a query asks for ("前雾灯的数量") names only the
requirement's word, the subject being its section's. For each of the query's terms said in a clause
language (`crossterms.translated_terms`), the clauses of that language whose heading names the term
(words in sequence, case and a plural s aside; a Chinese name as a substring) mark sections, and the
query's other terms are run as BM25 over those sections' descendants only. The ranking joins the
term channel's (`search.Store._xlex`) by `search._best_of`, as the document-title context does.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from zmdocs.index import context, crossterms, lexical

SECTION_CONTEXT = os.environ.get("ZMDOCS_XLEX_SECTION", "1") == "1"
SECTION_FETCH = 30  # BM25 hits of a term's names read for headings that name it


def names_in_heading(heading: str, names: list[str]) -> bool:
    """Whether the heading contains one of the names (Latin: whole words in sequence, a plural s/es of
    the last one allowed; Chinese: a substring, simplified and traditional alike)."""
    return heading_matcher(names)(heading)


def heading_matcher(names: list[str]):
    """`names_in_heading` with the names prepared once: a function of the heading."""
    cjk = [crossterms._fold_cjk(n) for n in names if lexical.has_cjk(n) and len(n) > 1]
    latin = [w for n in names if not lexical.has_cjk(n) and (w := crossterms._latin_words(n))]

    def match(heading: str) -> bool:
        if not heading:
            return False
        if lexical.has_cjk(heading):
            h = crossterms._fold_cjk(heading)
            return any(n in h for n in cjk)
        words = crossterms._latin_words(heading)
        for nw in latin:
            for i in range(len(words) - len(nw) + 1):
                if words[i : i + len(nw) - 1] == nw[:-1] and words[i + len(nw) - 1] in (nw[-1], nw[-1] + "s", nw[-1] + "es"):
                    return True
        return False

    return match


def descendants(tree: context.Tree, sections: set[int]) -> set[int]:
    """The rows below any of `sections` in their documents' trees (`tree.load` called for them)."""
    children = _children(tree)
    out: set[int] = set()
    todo = [c for s in sections for c in children.get(s, ())]
    while todo:
        row = todo.pop()
        if row not in out and row not in sections:
            out.add(row)
            todo.extend(children.get(row, ()))
    return out


def _children(tree: context.Tree) -> dict[int, list[int]]:
    """Parent row -> child rows of the documents read so far (cached on the tree, rebuilt as it grows)."""
    cached = getattr(tree, "_children_of", None)
    if cached is None or cached[0] != len(tree._parent):
        kids: dict[int, list[int]] = {}
        for row, parent in tree._parent.items():
            if parent is not None:
                kids.setdefault(parent, []).append(row)
        cached = tree._children_of = (len(tree._parent), kids)
    return cached[1]


def ranking(store: Any, lg: str, terms: dict[str, list[str]], base: dict[str, Any], vocab: Any,
            need: int) -> list[tuple[int, float]]:
    """BM25 (row, score) of the query's other terms over the clauses under headings naming one of its terms."""
    bm = store._lexical()
    if not SECTION_CONTEXT or len(terms) < 2 or bm is None:
        return []
    filt = store._filter({**base, "lang": lg})
    tree = context._tree(store)
    rows = store._bm25_rows
    out: list[tuple[int, float]] = []
    for entry, names in terms.items():
        toks = crossterms.name_tokens(names, lg, vocab)
        rest = crossterms.name_tokens([n for e, ns in terms.items() if e != entry for n in ns], lg, vocab)
        if not toks or not rest:
            continue
        hits = [r for r, _ in store._lex("", SECTION_FETCH, filt, toks=toks)]
        heads = store._headings(hits)
        match = heading_matcher(names)
        secs = {r for r in hits if match(heads.get(r, ""))}
        if not secs:
            continue
        tree.load(sorted(secs))
        below = descendants(tree, secs)
        if filt is not None and below:
            below = filt.check(below)
        if not below:
            continue
        mask = np.isin(rows, np.fromiter(below, dtype=np.int64)).astype(np.float32)
        found = [(int(rows[i]), float(x)) for i, x in lexical.bm25_search(bm, rest, need * 4 + 20, mask) if x > 0]
        out = _merge(out, found)
    return out


def _merge(a: list[tuple[int, float]], b: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Two rankings as one, each row keeping its higher score."""
    best = dict(a)
    for r, x in b:
        best[r] = max(best.get(r, 0.0), x)
    return sorted(best.items(), key=lambda t: -t[1])
