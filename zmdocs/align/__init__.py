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
from typing import Any

import numpy as np

from zmdocs.align.degree import choose_mode, declared_adoption, estimate_degree
from zmdocs.align.evidence import apply_evidence, concept_matrix, indicator_clause_sims, key_conflicts
from zmdocs.align.free import (
    citation_matrix,
    container_matrix,
    facet_matrix,
    free_align,
    indicator_matrix,
    kind_matrix,
    one_to_one_terms,
)
from zmdocs.align.indicators import (
    align_indicators,
    condition_vectors,
    indicator_deviations,
    indicator_text,
)
from zmdocs.align.monotonic import diagonal_strength, merged_sims, monotonic_align, recover_moved
from zmdocs.align.units import Unit, clause_units, unit_text
from zmdocs.errors import AlignError, ZmdocsError, model_errors
from zmdocs.model import Alignment, ClausePair, Document
from zmdocs.pairing import dimension, heading_paths
from zmdocs.text.clausenum import is_clause_number, norm_number

log = logging.getLogger(__name__)

__all__ = ["align_documents", "PARAMS"]

# Tuned on tests/data/align (see tests/test_align_gold.py); one place so bench/ can vary them.
PARAMS: dict[str, float] = {
    "text_chars": 500,  # a clause is shown to the embedder as its heading + this many characters of text
    "heading_weight": 0.25,  # share of heading similarity in the clause score (when both have one)
    "number_bonus": 0.12,  # translation mode: same clause number (scaled by how much numbering is shared)
    "parent_bonus": 0.04,  # translation mode: same parent clause number
    "tau": 0.35,  # translation mode: a match must beat this similarity
    "merge_penalty": 0.08,
    "part_margin": 0.05,  # each part of a 1-2/2-1 merge must beat tau + this on its own
    "moved_threshold": 0.55,  # translation mode: left-over clauses paired out of order
    "free_tau": 0.4,
    "free_heading_weight": 0.25,
    "cite_bonus": 0.15,  # free mode: a clause cites the other's clause number (x2 when it names that document)
    "cite_tau": 0.3,  # free mode: a cited pair is kept when its score clears this
    "key_bonus": 0.08,  # free mode: the two clauses hold indicators with the same parameter key
    "facet_discount": 0.05,  # free mode: best sentence/table-row match, minus this, can stand for the clause
    "facet_tau": 0.55,  # free mode: one sentence/table row of a multi-topic clause pairs on its own above this
    "container_penalty": 0.15,  # free mode: a clause with subclauses pairing with a leaf clause
    "evidence_tau": 0.1,  # free mode: a pair the texts state (citation, shared limits, tested requirement) clears this
    "inherit_tau": 0.15,  # free mode: a test method takes over its requirement's pairs above this
    "free_margin": 0.03,
    "free_slack": 0.1,
}


def _embedder(model: Any):
    from zmdocs.embed import Embedder, get_embedder

    if isinstance(model, Embedder) or (model is not None and not isinstance(model, str) and hasattr(model, "encode")):
        return model
    return get_embedder(model, cache=True)


def clause_vectors(ua: list[Unit], ub: list[Unit], emb, chars: int = 500) -> tuple[np.ndarray, np.ndarray | None, np.ndarray, np.ndarray]:
    """(text similarity, heading similarity or None where a heading is missing, vectors of A, of B)."""
    ta = [unit_text(u, chars) for u in ua]
    tb = [unit_text(u, chars) for u in ub]
    ha = [u.heading for u in ua]
    hb = [u.heading for u in ub]
    heads = sorted({h for h in ha + hb if h})
    vec = emb.encode(ta + tb + heads)
    va, vb, vh = vec[: len(ta)], vec[len(ta) : len(ta) + len(tb)], vec[len(ta) + len(tb) :]
    s = va @ vb.T
    hs = None
    if heads:
        hi = {h: k for k, h in enumerate(heads)}
        ia = np.array([hi.get(h, -1) for h in ha])
        ib = np.array([hi.get(h, -1) for h in hb])
        hs = vh[np.maximum(ia, 0)] @ vh[np.maximum(ib, 0)].T
        both = (ia >= 0)[:, None] & (ib >= 0)[None, :]
        hs = np.where(both, hs, np.nan)
    return s, hs, va, vb


def blend(s: np.ndarray, hs: np.ndarray | None, w: float) -> np.ndarray:
    """Text similarity blended with heading similarity (weight w) where both clauses have a heading."""
    if hs is None or w <= 0:
        return s
    return np.where(np.isnan(hs), s, (1 - w) * s + w * np.nan_to_num(hs))


def clause_scores(ua: list[Unit], ub: list[Unit], emb, params: dict[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(combined score matrix, vectors of A, vectors of B): text similarity blended with headings."""
    s, hs, va, vb = clause_vectors(ua, ub, emb, int(params["text_chars"]))
    return blend(s, hs, params["heading_weight"]), va, vb


def align_documents(doc_a: Document, doc_b: Document, mode: str = "auto", model: Any = None,
                    params: dict[str, float] | None = None) -> Alignment:
    """Align the numbered clauses and the indicators of two prepared documents (see `zmdocs.app.prepare`)."""
    if mode not in ("auto", "translation", "free"):
        raise AlignError(f"unknown alignment mode '{mode}': use auto, translation or free")
    prm = {**PARAMS, **(params or {})}
    ua, ub = clause_units(doc_a), clause_units(doc_b)
    for doc, units in ((doc_a, ua), (doc_b, ub)):
        if len(units) < 2 and not any(is_clause_number(u.number) for u in units):
            raise AlignError(
                f"{doc.source or doc.id}: no numbered clauses found to align; check that it is a standard with clause numbers"
            )
    emb = _embedder(model)
    try:
        s_text, hs, va, vb = clause_vectors(ua, ub, emb, int(prm["text_chars"]))
        s = blend(s_text, hs, prm["heading_weight"])
    except ZmdocsError:
        raise
    except model_errors() as e:  # a model failing mid-run is reported, not dumped
        raise AlignError(f"embedding failed with model {getattr(emb, 'name', model)!r}: {e}") from None
    declared = declared_adoption(doc_a, doc_b)
    beads, s_tr = None, s
    reason = "chosen by the user (--mode)"
    if mode in ("auto", "translation"):
        beads, s_tr = _translation_beads(s, va, vb, ua, ub, prm)
    if mode == "auto":
        diag = diagonal_strength(s_tr, beads) if beads is not None else None
        mode, reason = choose_mode(declared, len(ua), len(ub), diag)
    inds_a, inds_b = doc_a.indicators, doc_b.indicators
    if mode == "translation":
        assert beads is not None
        pairs = _translation_pairs(s, s_tr, beads, ua, ub, prm)
    else:
        base = blend(s_text, hs, prm["free_heading_weight"])
        pairs = _free_pairs(base, s, va, vb, ua, ub, doc_a.id, doc_b.id, inds_a, inds_b, emb, prm)
    got_a = {x for p in pairs for x in p.a}
    got_b = {x for p in pairs for x in p.b}
    unmatched_a = [u.number for u in ua if u.number not in got_a]
    unmatched_b = [u.number for u in ub if u.number not in got_b]
    ctx = (heading_paths(doc_a, inds_a), heading_paths(doc_b, inds_b))
    ind_pairs, devs = _indicator_results(ua, ub, pairs, inds_a, inds_b, emb, mode, ctx)
    head_a = {u.number: u.heading for u in ua}
    head_b = {u.number: u.heading for u in ub}
    devs += [{"type": "added", "clause": n, "heading": head_a.get(n, "")} for n in unmatched_a]
    devs += [{"type": "deleted", "clause": n, "heading": head_b.get(n, "")} for n in unmatched_b]
    degree = estimate_degree(mode, len(ua), len(ub), pairs, unmatched_a, unmatched_b,
                             sum(1 for d in devs if d["type"] == "indicator"), len(ind_pairs), declared)
    return Alignment(doc_a=doc_a.id, doc_b=doc_b.id, mode=mode, mode_reason=reason, pairs=pairs,
                     unmatched_a=unmatched_a, unmatched_b=unmatched_b, indicator_pairs=ind_pairs, adoption=degree,
                     deviations=devs, headings={"a": head_a, "b": head_b})


def _number_matrices(ua: list[Unit], ub: list[Unit]) -> tuple[np.ndarray, np.ndarray]:
    """(same clause number, same parent number) between the units of A and B, as 0/1 matrices."""
    na = np.array([norm_number(u.number) for u in ua], dtype=object)
    nb = np.array([norm_number(u.number) for u in ub], dtype=object)
    real_b = np.array([not str(x).startswith("¶") for x in nb])  # paragraph positions are no clause numbers
    num_eq = ((na[:, None] == nb[None, :]) & real_b[None, :]).astype(float)
    pa = np.array([norm_number(u.parent or "") for u in ua], dtype=object)
    pb = np.array([norm_number(u.parent or "") for u in ub], dtype=object)
    par_eq = ((pa[:, None] == pb[None, :]) & (pa != "")[:, None] & real_b[None, :]).astype(float)
    return num_eq, par_eq


def _translation_beads(s: np.ndarray, va, vb, ua: list[Unit], ub: list[Unit], prm: dict[str, float]) -> tuple[list, np.ndarray]:
    """Monotonic beads and the score they were found on (numbering bonus as far as numbering is shared)."""
    num_eq, par_eq = _number_matrices(ua, ub)
    s12, s21 = merged_sims(va, vb)

    def _dp(m: np.ndarray) -> list:
        return monotonic_align(m, s12, s21, tau=prm["tau"], merge_penalty=prm["merge_penalty"],
                               part_margin=prm["part_margin"], base=s)

    beads = _dp(s)
    # clause numbers help only as far as the two documents share their numbering: measure it
    one = [(a[0], b[0]) for a, b in beads if len(a) == 1 and len(b) == 1]
    shared = float(np.mean([num_eq[i, j] for i, j in one])) if one else 0.0
    s_tr = s
    if shared > 0:
        s_tr = s + prm["number_bonus"] * shared * num_eq + prm["parent_bonus"] * par_eq
        beads = _dp(s_tr)
    return beads, s_tr


def _translation_pairs(s: np.ndarray, s_tr: np.ndarray, beads: list, ua: list[Unit], ub: list[Unit],
                       prm: dict[str, float]) -> list[ClausePair]:
    """Clause pairs of translation mode: the beads plus moved clauses recovered out of order."""
    beads = beads + recover_moved(s_tr, beads, prm["moved_threshold"])
    beads.sort(key=lambda bd: (bd[0][0], bd[1][0]))
    return [ClausePair(a=[ua[i].number for i in a], b=[ub[j].number for j in b],
                       score=round(float(np.mean([s[i, j] for i in a for j in b])), 4)) for a, b in beads]


def _free_pairs(base: np.ndarray, s: np.ndarray, va, vb, ua: list[Unit], ub: list[Unit], id_a: str, id_b: str,
                inds_a, inds_b, emb, prm: dict[str, float]) -> list[ClausePair]:
    """Clause pairs of free mode: similarity, facets, citations, kinds, concepts and indicators, then evidence."""
    fsim, fhits = facet_matrix(ua, ub, emb, prm["facet_tau"])
    # one table row about noise never stands for a clause about leakage current
    conflict = key_conflicts(ua, ub, inds_a, inds_b)
    fhits &= ~conflict
    base = np.maximum(base, np.where(conflict, -1.0, fsim) - prm["facet_discount"])
    cites = citation_matrix(ua, ub, id_a, id_b)
    base = base + prm["cite_bonus"] * np.minimum(cites, 1.0) + prm["cite_bonus"] * (cites > 1)
    score = (base + kind_matrix(ua, ub) + concept_matrix(ua, ub) + container_matrix(ua, ub, prm["container_penalty"])
             + _indicator_bonus(ua, ub, inds_a, inds_b, prm["key_bonus"]))
    links = free_align(score, ua, ub, tau=prm["free_tau"], margin=prm["free_margin"], slack=prm["free_slack"],
                       force=(cites > 0) | fhits, force_tau=prm["cite_tau"])
    links = one_to_one_terms(links, score, ua, ub)
    links = apply_evidence(links, score, ua, ub, id_a, id_b, inds_a, inds_b,
                           evidence_tau=prm["evidence_tau"], inherit_tau=prm["inherit_tau"], self_sims=(va @ va.T, vb @ vb.T),
                           ind_sims=indicator_clause_sims(ua, ub, inds_a, inds_b, emb) if inds_a or inds_b else None)
    by_a: dict[int, list[tuple[int, float]]] = {}
    for i, j, sc in links:
        by_a.setdefault(i, []).append((j, sc))
    return [ClausePair(a=[ua[i].number], b=[ub[j].number for j, _ in sorted(js)],
                       score=round(float(np.mean([s[i, j] for j, _ in js])), 4)) for i, js in sorted(by_a.items())]


def _indicator_results(ua: list[Unit], ub: list[Unit], pairs: list[ClausePair], inds_a, inds_b, emb,
                       mode: str, ctx: tuple[list[str], list[str]] | None = None) -> tuple[list, list[dict[str, Any]]]:
    """(indicator pairs, indicator deviations) within the paired clauses; `ctx`: heading paths of A's and B's indicators."""
    if not (inds_a and inds_b):
        return [], []
    id_a = {u.number: u.clause_id for u in ua}
    id_b = {u.number: u.clause_id for u in ub}
    paired_clauses = {(id_a[x], id_b[y]) for p in pairs for x in p.a for y in p.b}
    paired_clauses |= {(x, y) for p in pairs for x in p.a for y in p.b}
    iv = emb.encode([indicator_text(i) for i in inds_a] + [indicator_text(i) for i in inds_b])
    ca, cb = condition_vectors(inds_a, emb), condition_vectors(inds_b, emb)
    ind_pairs = align_indicators(inds_a, inds_b, iv[: len(inds_a)], iv[len(inds_a) :], paired_clauses,
                                 cond_a=ca, cond_b=cb, one_to_one=mode == "translation",
                                 ctx_a=ctx[0] if ctx else None, ctx_b=ctx[1] if ctx else None)
    return ind_pairs, indicator_deviations(inds_a, inds_b, ind_pairs, ca, cb)


def _indicator_bonus(ua: list[Unit], ub: list[Unit], inds_a, inds_b, key_bonus: float) -> np.ndarray:
    def facts(units, inds):
        dims = [{dimension(inds[k]) for k in u.indicators} - {""} for u in units]  # °C and K are one
        keys = [{inds[k].key for k in u.indicators} - {""} for u in units]
        return dims, keys

    da, ka = facts(ua, inds_a)
    db, kb = facts(ub, inds_b)
    return indicator_matrix(ua, ub, da, db, ka, kb, key_bonus)
