"""Clause correspondence between two editions and the clause-level changes it implies.

Clauses are matched one-to-one by heading and text similarity (normalised text, difflib ratios,
containment for a clause that grew), optionally blended with sentence embeddings, with small
bonuses for an unchanged number and for matched parents. Unmatched clauses are added or deleted
(a sub-tree is reported once, at its top); matched ones are renumbered and/or changed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from zmdocs.diff.result import Change, ClausePair
from zmdocs.diff.text import containment, edits, key, ratio, similarity
from zmdocs.model import Clause, Document

log = logging.getLogger(__name__)

SKIP_KINDS = {"cover", "foreword", "introduction", "bibliography"}
MATCH_TAU = 0.5  # a pair of clauses below this is not the same clause
CHANGED_TAU = 0.9  # matched texts less similar than this count as changed
TEXT_CHARS = 300  # matching looks at the start of a clause; change detection at all of it


@dataclass
class Unit:
    """A clause prepared for matching."""

    clause: Clause
    index: int
    hkey: str
    tkey: str

    @property
    def number(self) -> str:
        return self.clause.number


def units(doc: Document) -> list[Unit]:
    """The numbered clauses of a document (no cover or foreword), with their comparison keys."""
    out = []
    for c in doc.clauses:
        if c.kind in SKIP_KINDS or not c.number or not c.number[0].isalnum():
            continue
        out.append(Unit(c, len(out), key(c.heading), key(c.text[:TEXT_CHARS])))
    return out


def pair_score(a: Unit, b: Unit) -> float:
    """Similarity of two clauses from their headings and texts (0..1)."""
    h = ratio(a.hkey, b.hkey) if a.hkey and b.hkey else None
    t = similarity(a.tkey, b.tkey) if a.tkey and b.tkey else None
    if h is not None and t is not None:
        w = 0.45 if min(len(a.tkey), len(b.tkey)) < 40 else 0.3  # a long text says more than its heading
        s = w * h + (1 - w) * t
    elif h is not None:
        s = h if not a.tkey and not b.tkey else 0.85 * h
    elif t is not None:
        s = t if not a.hkey and not b.hkey else 0.9 * t
    else:
        s = 0.0
    if a.number == b.number:
        s += 0.06
    s -= 0.1 * abs(a.clause.level - b.clause.level)
    return max(0.0, min(s, 1.0))


def _scores(ua: list[Unit], ub: list[Unit], embed=None) -> list[list[float]]:
    s = [[pair_score(a, b) for b in ub] for a in ua]
    if embed is not None and ua and ub:
        texts_a = [f"{u.clause.heading} {u.clause.text[:300]}".strip() for u in ua]
        texts_b = [f"{u.clause.heading} {u.clause.text[:300]}".strip() for u in ub]
        va, vb = embed.encode(texts_a), embed.encode(texts_b)
        cos = va @ vb.T
        s = [[0.5 * s[i][j] + 0.5 * max(0.0, float(cos[i, j])) for j in range(len(ub))] for i in range(len(ua))]
    return s


def _greedy(scores: list[list[float]], ua: list[Unit], ub: list[Unit], tau: float) -> dict[int, int]:
    na, nb = max(len(ua), 1), max(len(ub), 1)
    cand = [(s - 0.01 * abs(i / na - j / nb), i, j) for i, row in enumerate(scores) for j, s in enumerate(row) if s >= tau]
    return greedy_pairs(cand)


def greedy_pairs(cand: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one pairs from (score, i, j) candidates, best score first."""
    cand.sort(reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in cand:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def match_clauses(ua: list[Unit], ub: list[Unit], embed=None, tau: float = MATCH_TAU) -> dict[int, int]:
    """One-to-one clause matches old index → new index (two passes: the second favours matched parents)."""
    scores = _scores(ua, ub, embed)
    first = _greedy(scores, ua, ub, tau)
    by_id_a = {u.clause.id: u.index for u in ua}
    by_id_b = {u.clause.id: u.index for u in ub}
    for i, a in enumerate(ua):
        pa = by_id_a.get(a.clause.parent or "")
        for j, b in enumerate(ub):
            pb = by_id_b.get(b.clause.parent or "")
            if pa is not None and pb is not None and first.get(pa) == pb:
                scores[i][j] = min(1.0, scores[i][j] + 0.08)
    second = _greedy(scores, ua, ub, tau)
    return _same_place(ua, ub, scores, second, by_id_a, by_id_b)


def _same_place(ua: list[Unit], ub: list[Unit], scores: list[list[float]], m: dict[int, int],
                by_id_a: dict[str, int], by_id_b: dict[str, int], tau: float = 0.2) -> dict[int, int]:
    """A clause rewritten in place: same number, parents matched (or both top-level), weaker text match."""
    used = set(m.values())
    num_b = {u.number: u.index for u in ub}
    for i, a in enumerate(ua):
        j = num_b.get(a.number)
        if i in m or j is None or j in used or scores[i][j] < tau:
            continue
        if "terms" in (a.clause.kind, ub[j].clause.kind) and ratio(_term(a.clause), _term(ub[j].clause)) < 0.5:
            continue  # a term is its heading: another term at the same number is another term
        pa, pb = by_id_a.get(ua[i].clause.parent or ""), by_id_b.get(ub[j].clause.parent or "")
        if (pa is None and pb is None) or (pa is not None and m.get(pa) == pb):
            m[i] = j
            used.add(j)
    return m


def _term(c: Clause) -> str:
    """The first term of a terms-clause heading (the Chinese one, before its English equivalent)."""
    words = c.heading.split()
    return key(words[0]) if words else ""


def label(c: Clause, chars: int = 20) -> str:
    """A clause's heading (a term's first name), else its first words."""
    words = c.heading.split()
    if c.kind == "terms" and len(words) > 1 and re.search(r"[\u4e00-\u9fff]", words[0]):
        return words[0]
    if c.heading.strip():
        return c.heading.strip()
    t = " ".join(c.text.split())
    return t if len(t) <= chars else t[: chars - 1] + "…"


def _top_of_subtree(u: Unit, unmatched_ids: set[str], parent_of: dict[str, str | None]) -> str:
    cur = u.clause.id
    while parent_of.get(cur) in unmatched_ids:
        cur = parent_of[cur]  # type: ignore[assignment]
    return cur


def _collapsed(us: list[Unit], unmatched: set[int], kind: str, order_of) -> list[Change]:
    ids = {us[i].clause.id for i in unmatched}
    parent_of = {u.clause.id: u.clause.parent for u in us}
    tops: dict[str, Change] = {}
    for i in sorted(unmatched):
        u = us[i]
        top = _top_of_subtree(u, ids, parent_of)
        if top == u.clause.id:
            side = {"new_clause": u.number} if kind == "clause-added" else {"old_clause": u.number}
            tops[top] = Change(kind=kind, heading=label(u.clause), order=order_of(u), **side)
        elif top in tops:
            tops[top].children.append(u.number)
    return list(tops.values())


def _merged(ua: list[Unit], ub: list[Unit], m: dict[int, int], tau: float = 0.3) -> dict[int, int]:
    """Old clauses merged into the new clause at their number, which took in a clause from elsewhere:
    at least `tau` of the old text survives there in runs of 3+ characters."""
    inv = {j: i for i, j in m.items()}
    by_id_a = {u.clause.id: u.index for u in ua}
    by_id_b = {u.clause.id: u.index for u in ub}
    num_b = {u.number: u.index for u in ub}
    out: dict[int, int] = {}
    for a in ua:
        j = num_b.get(a.number)
        if a.index in m or j is None or j not in inv or ua[inv[j]].number == a.number or not a.tkey:
            continue
        pa, pb = by_id_a.get(a.clause.parent or ""), by_id_b.get(ub[j].clause.parent or "")
        parents_match = (pa is None and pb is None) or (pa is not None and m.get(pa) == pb)
        if parents_match and a.clause.kind != "terms" and containment(a.tkey, ub[j].tkey) >= tau:
            out[a.index] = j
    return out


def old_positions(ua: list[Unit], m: dict[int, int]) -> dict[str, float]:
    """Where each old clause sits in the new document's order (a deleted one: after its matched predecessor)."""
    out: dict[str, float] = {}
    last = -1.0
    for u in ua:
        if u.index in m:
            last = float(m[u.index])
            out[u.number] = last
        else:
            out[u.number] = last + 0.5
    return out


def clause_changes(ua: list[Unit], ub: list[Unit], m: dict[int, int]) -> tuple[list[Change], list[ClausePair]]:
    """Added, deleted, renumbered and changed clauses from a clause match."""
    changes: list[Change] = []
    pairs = []
    inv = {j: i for i, j in m.items()}
    for i, j in sorted(m.items(), key=lambda x: x[1]):
        a, b = ua[i], ub[j]
        pairs.append(ClausePair(a.number, b.number, round(pair_score(a, b), 3)))
        if a.number != b.number:
            changes.append(Change("clause-renumbered", a.number, b.number, label(b.clause), order=j))
        h = ratio(a.hkey, b.hkey) if (a.hkey or b.hkey) else 1.0
        ta, tb = key(a.clause.text), key(b.clause.text)
        t = ratio(ta, tb) if (ta or tb) else 1.0
        if h < CHANGED_TAU or t < CHANGED_TAU:
            added, deleted = edits(f"{a.clause.heading} {a.clause.text}", f"{b.clause.heading} {b.clause.text}")
            changes.append(Change("clause-changed", a.number, b.number, label(b.clause), added=added, deleted=deleted,
                                  similarity=round(min(h, t), 3), order=j + 0.1))

    pos = old_positions(ua, m)
    merged = _merged(ua, ub, m)
    changes += [Change("clause-changed", ua[i].number, ub[j].number, label(ub[j].clause), aspects=["merged"],
                       similarity=round(pair_score(ua[i], ub[j]), 3), order=j + 0.15) for i, j in merged.items()]
    changes += _collapsed(ub, set(range(len(ub))) - set(inv), "clause-added", lambda u: float(u.index))
    changes += _collapsed(ua, set(range(len(ua))) - set(m) - set(merged), "clause-deleted", lambda u: pos[u.number])
    return changes, pairs
