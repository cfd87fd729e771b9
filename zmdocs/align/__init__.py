"""Clause and indicator alignment between two standards in any two languages.

`align_documents(doc_a, doc_b, mode="auto", model=None)` -> Alignment. Two regimes:
- translation (IDT/MOD adoptions, bilingual editions): monotonic DP with 1-1/1-2/2-1/1-0/0-1
  moves, helped by equal clause numbers and headings, plus a post-pass for moved clauses;
- free (a B-standard against IEC/EN): many-to-many, reorder-tolerant, using similarity,
  headings, clause kinds and indicator compatibility.
`mode="auto"` picks one from the adoption statement, the clause-count ratio and the strength
of the similarity matrix's diagonal, and says why in `Alignment.mode_reason`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import numpy as np

from zmdocs.align.degree import choose_mode, declared_adoption, estimate_degree
from zmdocs.align.free import container_matrix, free_align, indicator_matrix, kind_matrix
from zmdocs.align.indicators import (
    align_indicators,
    canonical_unit,
    indicator_deviations,
    indicator_text,
)
from zmdocs.align.monotonic import diagonal_strength, merged_sims, monotonic_align, recover_moved
from zmdocs.align.units import Unit, clause_units, ensure_indicators, unit_text
from zmdocs.errors import AlignError, ZmdocsError
from zmdocs.model import Alignment, ClausePair, Document

log = logging.getLogger(__name__)

__all__ = ["align_documents", "align_files", "load_document", "PARAMS"]

# Tuned on tests/data/align (see tests/test_align_gold.py); one place so bench/ can vary them.
PARAMS: dict[str, float] = {
    "heading_weight": 0.25,  # share of heading similarity in the clause score (when both have one)
    "number_bonus": 0.12,  # translation mode: same clause number
    "tau": 0.35,  # translation mode: a match must beat this similarity
    "merge_penalty": 0.08,
    "part_margin": 0.05,  # each part of a 1-2/2-1 merge must beat tau + this on its own
    "moved_threshold": 0.55,  # translation mode: left-over clauses paired out of order
    "free_tau": 0.45,
    "container_penalty": 0.15,  # free mode: a clause with subclauses pairing with a leaf clause
    "free_margin": 0.05,
    "free_slack": 0.15,
}


def load_document(path: str | Path) -> Document:
    """A parsed document from a standard file, or from zmdocs' own JSON (`zmdocs parse` output)."""
    p = Path(path)
    if p.suffix.lower() == ".json" and p.is_file():
        import json

        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise AlignError(f"{p}: not a readable zmdocs JSON document ({e}); give the standard file instead") from None
        if isinstance(data, list) and len(data) == 1:
            data = data[0]
        if not isinstance(data, dict) or "clauses" not in data:
            raise AlignError(f"{p}: JSON without 'clauses' is not a zmdocs document; run `zmdocs parse` on the standard first")
        return Document.from_dict(data)
    from zmdocs.parse.registry import parse_file

    return parse_file(p)


def align_files(path_a: str | Path, path_b: str | Path, mode: str = "auto", model: Any = None) -> Alignment:
    """Parse two files (or load zmdocs JSON) and align them."""
    doc_a = load_document(path_a)
    doc_b = load_document(path_b)
    return align_documents(doc_a, doc_b, mode=mode, model=model)


def _embedder(model: Any):
    from zmdocs.embed import Embedder, get_embedder

    if isinstance(model, Embedder) or (model is not None and not isinstance(model, str) and hasattr(model, "encode")):
        return model
    return get_embedder(model, cache=True)


def _clean_number(n: str) -> str:
    return re.sub(r"\s+", "", n).rstrip(".").upper()


def clause_scores(ua: list[Unit], ub: list[Unit], emb, params: dict[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(combined score matrix, vectors of A, vectors of B): text similarity blended with headings."""
    ta = [unit_text(u) for u in ua]
    tb = [unit_text(u) for u in ub]
    ha = [u.heading for u in ua]
    hb = [u.heading for u in ub]
    heads = sorted({h for h in ha + hb if h})
    vec = emb.encode(ta + tb + heads, progress=len(ta) + len(tb) > 500)
    va, vb, vh = vec[: len(ta)], vec[len(ta) : len(ta) + len(tb)], vec[len(ta) + len(tb) :]
    s = va @ vb.T
    w = params["heading_weight"]
    if heads and w > 0:
        hi = {h: k for k, h in enumerate(heads)}
        ia = np.array([hi.get(h, -1) for h in ha])
        ib = np.array([hi.get(h, -1) for h in hb])
        hs = vh[np.maximum(ia, 0)] @ vh[np.maximum(ib, 0)].T
        both = (ia >= 0)[:, None] & (ib >= 0)[None, :]
        s = np.where(both, (1 - w) * s + w * hs, s)
    return s, va, vb


def align_documents(doc_a: Document, doc_b: Document, mode: str = "auto", model: Any = None,
                    params: dict[str, float] | None = None) -> Alignment:
    """Align the numbered clauses and the indicators of two documents."""
    if mode not in ("auto", "translation", "free"):
        raise AlignError(f"unknown alignment mode '{mode}': use auto, translation or free")
    prm = {**PARAMS, **(params or {})}
    ua, ub = clause_units(doc_a), clause_units(doc_b)
    for doc, units in ((doc_a, ua), (doc_b, ub)):
        if not units:
            raise AlignError(
                f"{doc.source or doc.id}: no numbered clauses found to align; check that it is a standard with clause numbers"
            )
    emb = _embedder(model)
    try:
        s, va, vb = clause_scores(ua, ub, emb, prm)
    except ZmdocsError:
        raise
    except Exception as e:  # a model failing mid-run is reported, not dumped
        raise AlignError(f"embedding failed with model {getattr(emb, 'name', model)!r}: {e}") from None

    num_eq = np.array([[_clean_number(x.number) == _clean_number(y.number) for y in ub] for x in ua], dtype=float)
    s_tr = s + prm["number_bonus"] * num_eq
    declared = declared_adoption(doc_a, doc_b)
    beads = None
    reason = "chosen by the user (--mode)"
    if mode == "auto" or mode == "translation":
        s12, s21 = merged_sims(va, vb)
        beads = monotonic_align(s_tr, s12, s21, tau=prm["tau"], merge_penalty=prm["merge_penalty"],
                                part_margin=prm["part_margin"], base=s)
    if mode == "auto":
        diag = diagonal_strength(s_tr, beads) if beads is not None else None
        mode, reason = choose_mode(declared, len(ua), len(ub), diag)

    inds_a, inds_b = ensure_indicators(doc_a), ensure_indicators(doc_b)
    ua, ub = clause_units(doc_a), clause_units(doc_b)  # re-attach indicators if just extracted

    if mode == "translation":
        assert beads is not None
        beads = beads + recover_moved(s_tr, beads, prm["moved_threshold"])
        beads.sort(key=lambda bd: (bd[0][0], bd[1][0]))
        pairs = [ClausePair(a=[ua[i].number for i in a], b=[ub[j].number for j in b],
                            score=round(float(np.mean([s[i, j] for i in a for j in b])), 4)) for a, b in beads]
    else:
        score = s + kind_matrix(ua, ub) + container_matrix(ua, ub, prm["container_penalty"]) + _indicator_bonus(ua, ub, inds_a, inds_b)
        links = free_align(score, ua, ub, tau=prm["free_tau"], margin=prm["free_margin"], slack=prm["free_slack"])
        by_a: dict[int, list[tuple[int, float]]] = {}
        for i, j, sc in links:
            by_a.setdefault(i, []).append((j, sc))
        pairs = [ClausePair(a=[ua[i].number], b=[ub[j].number for j, _ in sorted(js)],
                            score=round(float(np.mean([s[i, j] for j, _ in js])), 4)) for i, js in sorted(by_a.items())]

    got_a = {x for p in pairs for x in p.a}
    got_b = {x for p in pairs for x in p.b}
    unmatched_a = [u.number for u in ua if u.number not in got_a]
    unmatched_b = [u.number for u in ub if u.number not in got_b]

    # indicators
    id_a = {u.number: u.clause_id for u in ua}
    id_b = {u.number: u.clause_id for u in ub}
    paired_clauses = {(id_a[x], id_b[y]) for p in pairs for x in p.a for y in p.b}
    paired_clauses |= {(x, y) for p in pairs for x in p.a for y in p.b}
    ind_pairs = []
    if inds_a and inds_b:
        iv = emb.encode([indicator_text(i) for i in inds_a] + [indicator_text(i) for i in inds_b])
        ind_pairs = align_indicators(inds_a, inds_b, iv[: len(inds_a)], iv[len(inds_a) :], paired_clauses)
    devs = indicator_deviations(inds_a, inds_b, ind_pairs)
    head_a = {u.number: u.heading for u in ua}
    head_b = {u.number: u.heading for u in ub}
    devs += [{"type": "added", "clause": n, "heading": head_a.get(n, "")} for n in unmatched_a]
    devs += [{"type": "deleted", "clause": n, "heading": head_b.get(n, "")} for n in unmatched_b]
    degree = estimate_degree(mode, len(ua), len(ub), pairs, unmatched_a, unmatched_b,
                             sum(1 for d in devs if d["type"] == "indicator"), len(ind_pairs), declared)
    return Alignment(
        doc_a=doc_a.id,
        doc_b=doc_b.id,
        mode=mode,
        mode_reason=reason,
        pairs=pairs,
        unmatched_a=unmatched_a,
        unmatched_b=unmatched_b,
        indicator_pairs=ind_pairs,
        adoption=degree,
        deviations=devs,
        headings={"a": head_a, "b": head_b},
    )


def _indicator_bonus(ua: list[Unit], ub: list[Unit], inds_a, inds_b) -> np.ndarray:
    def facts(units, inds):
        dims = [{canonical_unit(inds[k]) for k in u.indicators} - {""} for u in units]
        keys = [{inds[k].key for k in u.indicators} - {""} for u in units]
        return dims, keys

    da, ka = facts(ua, inds_a)
    db, kb = facts(ub, inds_b)
    # temperature and temperature rise are one dimension for this purpose
    norm = lambda ds: [{"°C" if d == "K" else d for d in x} for x in ds]  # noqa: E731
    return indicator_matrix(ua, ub, norm(da), norm(db), ka, kb)
