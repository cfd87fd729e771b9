"""Across languages, a draft row no key and no similarity rule paired: its one most similar free reference limit.

A multilingual model scores a Chinese sentence and its English counterpart well below the similarity a
same-language pair reaches, while unrelated limits score lower still. So a row left without counterpart
takes, one to one and best first, the reference limit it is most similar to, when that limit is free (no
row paired it), of the same dimension, bound and role, in another language, and clearly ahead of the
row's next candidate; ties and weak similarities stay unpaired (a missing counterpart is reported as new).
"""

from __future__ import annotations

from zmdocs.model import Indicator
from zmdocs.pairing import compatible, keys_conflict, of_a_limit, subject_agreement

SIM_ACROSS = 0.38  # below the same-language threshold, above what unrelated limits of one dimension reach
MARGIN_ACROSS = 0.03  # the chosen limit must lead the row's next free candidate by this much


def _fits(d: Indicator, r: Indicator, dctx: str, rctx: str) -> bool:
    return (not r.key.startswith("\x00") and compatible(d, r) and not keys_conflict(d, r)
            and getattr(d, "role", "requirement") == getattr(r, "role", "requirement")
            and of_a_limit(d) == of_a_limit(r) and subject_agreement(d, r, dctx, rctx) >= 0)


def pair_leftovers(dinds: list[Indicator], rows: list[int], req: list[Indicator], sim_of, dctx: dict, ctx: dict,
                   taken: set[int]) -> list[tuple[int, int, float]]:
    """(draft index, reference index, similarity) for the unpaired rows `rows` of a draft in another language than
    the reference; `sim_of(i, j)` is their cosine, `taken` the reference limits already paired."""
    cands: dict[int, list[tuple[float, int]]] = {}
    for i in rows:
        mine = []
        for j, r in enumerate(req):
            if j in taken or not _fits(dinds[i], r, dctx.get(i, ""), ctx.get(j, "")):
                continue
            s = float(sim_of(i, j))
            if s >= SIM_ACROSS - MARGIN_ACROSS:
                mine.append((s, j))
        cands[i] = sorted(mine, reverse=True)
    out: list[tuple[int, int, float]] = []
    used_rows: set[int] = set()
    used_refs = set(taken)
    for s, i, j in sorted(((s, i, j) for i, c in cands.items() for s, j in c), reverse=True):
        if i in used_rows or j in used_refs or s < SIM_ACROSS:
            continue
        rest = [t for t, k in cands[i] if k != j and k not in used_refs]
        if rest and s - rest[0] < MARGIN_ACROSS:
            continue
        out.append((i, j, s))
        used_rows.add(i)
        used_refs.add(j)
    return out
