"""Non-translation alignment (a B-standard against an IEC/EN standard): many-to-many, reorder-tolerant.

Each clause pair gets a score from text similarity, heading similarity, clause-kind agreement
(terms with terms, requirements with requirements, test methods with test methods) and
indicator compatibility (a limit in mA never pairs with one in dB). A pair is kept when it
clears a threshold and is (nearly) the best for at least one of its two clauses and not far
from the best for the other; a second pass rewards pairs whose parent clauses are paired.
"""

from __future__ import annotations

import numpy as np

from zmdocs.align.units import Unit


def facet_matrix(ua: list[Unit], ub: list[Unit], emb, facet_tau: float = 1.1) -> tuple[np.ndarray, np.ndarray]:
    """(best similarity between any facet -- sentence, table row -- of A's clause and any of B's,
    pairs where one facet of a multi-topic clause finds its own best clause above `facet_tau`)."""
    fa = [(u.index, f) for u in ua for f in u.facets]
    fb = [(u.index, f) for u in ub for f in u.facets]
    out = np.full((len(ua), len(ub)), -1.0, dtype=np.float32)
    hits = np.zeros((len(ua), len(ub)), dtype=bool)
    if not fa or not fb:
        return out, hits
    v = emb.encode([f for _, f in fa] + [f for _, f in fb])
    sim = v[: len(fa)] @ v[len(fa) :].T
    ia = np.array([i for i, _ in fa])
    ib = np.array([j for j, _ in fb])
    # rows of each A clause are contiguous, columns of each B clause too: reduce by segments
    ra = np.flatnonzero(np.r_[True, ia[1:] != ia[:-1]])
    rb = np.flatnonzero(np.r_[True, ib[1:] != ib[:-1]])
    per_fa = np.maximum.reduceat(sim, rb, axis=1)  # facet of A x clause of B
    per_fb = np.maximum.reduceat(sim, ra, axis=0)  # clause of A x facet of B
    out[np.ix_(ia[ra], ib[rb])] = np.maximum.reduceat(per_fa, ra, axis=0)
    if facet_tau <= 1:
        multi_a = np.bincount(ia, minlength=len(ua)) >= 2
        multi_b = np.bincount(ib, minlength=len(ub)) >= 2
        best = per_fa.argmax(axis=1)
        for f, k in enumerate(best):
            if multi_a[ia[f]] and per_fa[f, k] >= facet_tau:
                hits[ia[f], ib[rb[k]]] = True
        best = per_fb.argmax(axis=0)
        for f, k in enumerate(best):
            if multi_b[ib[f]] and per_fb[k, f] >= facet_tau:
                hits[ia[ra[k]], ib[f]] = True
    return out, hits


def kind_matrix(ua: list[Unit], ub: list[Unit], penalty: float = 0.12, near: float = 0.04) -> np.ndarray:
    """-penalty where both clause kinds are known and belong to different groups; only -near between
    requirements and test methods (IEC clauses state a requirement and its test together)."""
    ga = np.array([u.group for u in ua], dtype=object)
    gb = np.array([u.group for u in ub], dtype=object)
    known = (ga != "other")[:, None] & (gb != "other")[None, :]
    differ = ga[:, None] != gb[None, :]
    rt = np.isin(ga, ("req", "test"))[:, None] & np.isin(gb, ("req", "test"))[None, :]
    out = np.where(differ & known, np.where(rt, -near, -penalty), 0.0)
    # a definition never stands for a requirement: terms pair with terms
    terms = (ga == "terms")[:, None] ^ (gb == "terms")[None, :]
    return np.where(terms, -2.5 * penalty, out)


def citation_matrix(ua: list[Unit], ub: list[Unit], id_a: str, id_b: str) -> np.ndarray:
    """1 where a clause cites the other document's clause by number (2 when it names that very
    document; 1 for another standard, e.g. a GB that adopts it with the same numbering)."""
    from zmdocs.align.degree import same_standard
    from zmdocs.align.evidence import trusted_standards
    from zmdocs.align.units import cited_clauses
    from zmdocs.text.clausenum import norm_number

    out = np.zeros((len(ua), len(ub)))
    for units, others, own, other_id, flip in ((ua, ub, id_a, id_b, False), (ub, ua, id_b, id_a, True)):
        pos: dict[str, list[int]] = {}
        for u in others:
            pos.setdefault(norm_number(u.number), []).append(u.index)
        cites = [(u, c) for u in units for c in cited_clauses(u.text) if not (own and same_standard(c[0], own))]
        trusted = trusted_standards([c for _, c in cites], set(pos), other_id)
        for u, (std, num) in cites:
            if std in trusted:
                w = 2.0 if other_id and same_standard(std, other_id) else 1.0
                for j in pos.get(norm_number(num), []):
                    i, k = (j, u.index) if flip else (u.index, j)
                    out[i, k] = max(out[i, k], w)
    return out


def container_matrix(ua: list[Unit], ub: list[Unit], penalty: float = 0.15) -> np.ndarray:
    """-penalty where one clause has subclauses and the other has none: chapters pair with chapters."""

    ca, cb = _containers(ua), _containers(ub)
    return np.where(ca[:, None] != cb[None, :], -penalty, 0.0)


def indicator_matrix(ua: list[Unit], ub: list[Unit], dims_a: list[set[str]], dims_b: list[set[str]],
                     keys_a: list[set[str]], keys_b: list[set[str]], key_bonus: float = 0.08) -> np.ndarray:
    """Bonus for shared indicator keys, penalty when both clauses hold limits of unrelated dimensions."""
    n, m = len(ua), len(ub)
    out = np.zeros((n, m))
    for i in range(n):
        if not dims_a[i] and not keys_a[i]:
            continue
        for j in range(m):
            if not dims_b[j] and not keys_b[j]:
                continue
            if keys_a[i] & keys_b[j]:
                out[i, j] += key_bonus
            elif dims_a[i] and dims_b[j] and not (dims_a[i] & dims_b[j]):
                out[i, j] -= 0.2
    return out


def free_align(
    score: np.ndarray,
    ua: list[Unit],
    ub: list[Unit],
    tau: float = 0.45,
    margin: float = 0.05,
    slack: float = 0.15,
    parent_bonus: float = 0.06,
    force: np.ndarray | None = None,
    force_tau: float = 0.3,
) -> list[tuple[int, int, float]]:
    """Many-to-many links (i, j, score) from a combined score matrix; `force` marks pairs with
    outside evidence (a citation of the other clause) that need only clear `force_tau`."""
    n, m = score.shape
    if n == 0 or m == 0:
        return []
    links = _select(score, tau, margin, slack, force, force_tau)
    # second pass: a child pair under a paired parent pair is more likely right
    pa = {u.number: u.index for u in ua}
    pb = {u.number: u.index for u in ub}
    linked = np.zeros((n, m), dtype=bool)
    for i, j, _ in links:
        linked[i, j] = True
    par_a = np.array([pa.get(u.parent, -1) if u.parent else -1 for u in ua])
    par_b = np.array([pb.get(u.parent, -1) if u.parent else -1 for u in ub])
    bonus = np.where(
        linked[np.maximum(par_a, 0)][:, np.maximum(par_b, 0)] & (par_a >= 0)[:, None] & (par_b >= 0)[None, :],
        parent_bonus, 0.0,
    )
    if bonus.any():
        links = _select(score + bonus, tau, margin, slack, force, force_tau)
    return links


def _mutual_best_only(links: list[tuple[int, int, float]], score: np.ndarray, ta: np.ndarray,
                      tb: np.ndarray) -> list[tuple[int, int, float]]:
    if not ta.any() or not tb.any():
        return links
    sub = np.where(ta[:, None] & tb[None, :], score, -np.inf)
    return [(i, j, sc) for i, j, sc in links
            if not (ta[i] and tb[j]) or (sub[i].argmax() == j and sub[:, j].argmax() == i)]


def one_to_one_terms(links: list[tuple[int, int, float]], score: np.ndarray, ua: list[Unit],
                     ub: list[Unit]) -> list[tuple[int, int, float]]:
    """Defined terms pair one to one, and so do chapters (clauses with subclauses): keep such
    links only when mutual best among their like; their many-to-many detail lives in the leaves."""
    ta = np.array([u.group == "terms" and u.parent is not None for u in ua])
    tb = np.array([u.group == "terms" and u.parent is not None for u in ub])
    links = _mutual_best_only(links, score, ta, tb)
    return _mutual_best_only(links, score, _containers(ua), _containers(ub))


def _containers(units: list[Unit]) -> np.ndarray:
    parents = {u.parent for u in units if u.parent}
    return np.array([u.number in parents for u in units])


def _select(score: np.ndarray, tau: float, margin: float, slack: float,
            force: np.ndarray | None = None, force_tau: float = 0.3) -> list[tuple[int, int, float]]:
    rowmax = score.max(axis=1)
    colmax = score.max(axis=0)
    near_row = score >= rowmax[:, None] - margin
    near_col = score >= colmax[None, :] - margin
    ok_row = score >= rowmax[:, None] - slack
    ok_col = score >= colmax[None, :] - slack
    keep = (score >= tau) & ((near_row & ok_col) | (near_col & ok_row))
    if force is not None:
        keep |= force & (score >= force_tau)
    ii, jj = np.nonzero(keep)
    return [(int(i), int(j), float(score[i, j])) for i, j in zip(ii, jj, strict=True)]
