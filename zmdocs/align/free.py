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


def kind_matrix(ua: list[Unit], ub: list[Unit], penalty: float = 0.12) -> np.ndarray:
    """-penalty where both clause kinds are known and belong to different groups."""
    ga = np.array([u.group for u in ua], dtype=object)
    gb = np.array([u.group for u in ub], dtype=object)
    known_a = ga != "other"
    known_b = gb != "other"
    differ = ga[:, None] != gb[None, :]
    return np.where(differ & known_a[:, None] & known_b[None, :], -penalty, 0.0)


def container_matrix(ua: list[Unit], ub: list[Unit], penalty: float = 0.15) -> np.ndarray:
    """-penalty where one clause has subclauses and the other has none: chapters pair with chapters."""

    def containers(units: list[Unit]) -> np.ndarray:
        parents = {u.parent for u in units if u.parent}
        return np.array([u.number in parents for u in units])

    ca, cb = containers(ua), containers(ub)
    return np.where(ca[:, None] != cb[None, :], -penalty, 0.0)


def indicator_matrix(ua: list[Unit], ub: list[Unit], dims_a: list[set[str]], dims_b: list[set[str]],
                     keys_a: list[set[str]], keys_b: list[set[str]]) -> np.ndarray:
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
                out[i, j] += 0.08
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
) -> list[tuple[int, int, float]]:
    """Many-to-many links (i, j, score) from a combined score matrix."""
    n, m = score.shape
    if n == 0 or m == 0:
        return []
    links = _select(score, tau, margin, slack)
    # second pass: a child pair under a paired parent pair is more likely right
    pa = {u.number: u.index for u in ua}
    pb = {u.number: u.index for u in ub}
    linked = {(i, j) for i, j, _ in links}
    par_a = np.array([pa.get(u.parent, -1) if u.parent else -1 for u in ua])
    par_b = np.array([pb.get(u.parent, -1) if u.parent else -1 for u in ub])
    bonus = np.zeros_like(score)
    for i in range(n):
        if par_a[i] < 0:
            continue
        for j in range(m):
            if par_b[j] >= 0 and (int(par_a[i]), int(par_b[j])) in linked:
                bonus[i, j] = parent_bonus
    if bonus.any():
        links = _select(score + bonus, tau, margin, slack)
    return links


def _select(score: np.ndarray, tau: float, margin: float, slack: float) -> list[tuple[int, int, float]]:
    rowmax = score.max(axis=1)
    colmax = score.max(axis=0)
    near_row = score >= rowmax[:, None] - margin
    near_col = score >= colmax[None, :] - margin
    ok_row = score >= rowmax[:, None] - slack
    ok_col = score >= colmax[None, :] - slack
    keep = (score >= tau) & ((near_row & ok_col) | (near_col & ok_row))
    ii, jj = np.nonzero(keep)
    return [(int(i), int(j), float(score[i, j])) for i, j in zip(ii, jj)]
