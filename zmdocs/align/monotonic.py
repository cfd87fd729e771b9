"""Translation-like alignment: monotonic dynamic programming over clause similarity.

Moves 1-1, 1-2, 2-1, 1-0 and 0-1, as in vecalign/bertalign: a merged side is represented by
the normalised sum of its clause vectors. The DP maximises the sum of (similarity - tau) over
matched moves (a 1-2 or 2-1 move counts twice, minus a small penalty), so a skip costs nothing
and a match must beat `tau` to be taken. Rows are computed with numpy, so 1000 x 1000 clauses
take well under a second. A post-pass pairs left-over clauses that are each other's best match
(clauses moved to another place in a translation).
"""

from __future__ import annotations

import numpy as np

SKIP_A, SKIP_B, M11, M12, M21 = 0, 1, 2, 3, 4
NEG = -1e9


def merged_sims(va: np.ndarray, vb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """cos(a_i, b_j+b_j+1) [n, m-1] and cos(a_i+a_i+1, b_j) [n-1, m]."""

    def pairs(v: np.ndarray) -> np.ndarray:
        if len(v) < 2:
            return np.zeros((0, v.shape[1]), dtype=np.float32)
        s = v[:-1] + v[1:]
        n = np.linalg.norm(s, axis=1, keepdims=True)
        n[n == 0] = 1
        return s / n

    return va @ pairs(vb).T, pairs(va) @ vb.T


def monotonic_align(
    s11: np.ndarray,
    s12: np.ndarray,
    s21: np.ndarray,
    tau: float = 0.35,
    merge_penalty: float = 0.08,
    part_margin: float = 0.05,
    base: np.ndarray | None = None,
) -> list[tuple[list[int], list[int]]]:
    """Best monotonic path; returns matched beads ([a indices], [b indices]) in order."""
    n, m = s11.shape
    base = s11 if base is None else base
    g11 = s11 - tau
    g12 = 2 * (s12 - tau) - merge_penalty if s12.size else np.zeros((n, 0))
    g21 = 2 * (s21 - tau) - merge_penalty if s21.size else np.zeros((0, m))
    # a merge needs each part to match on its own: a clause plus an unrelated neighbour is no merge
    floor = tau + part_margin
    if g12.size:
        g12 = np.where(np.minimum(base[:, :-1], base[:, 1:]) >= floor, g12, NEG)
    if g21.size:
        g21 = np.where(np.minimum(base[:-1, :], base[1:, :]) >= floor, g21, NEG)
    D = np.full((n + 1, m + 1), NEG, dtype=np.float64)
    B = np.zeros((n + 1, m + 1), dtype=np.int8)
    D[0, :] = 0.0
    B[0, 1:] = SKIP_B
    for i in range(1, n + 1):
        x = D[i - 1].copy()  # skip a_i (1-0)
        mv = np.full(m + 1, SKIP_A, dtype=np.int8)
        c = np.full(m + 1, NEG)
        c[1:] = D[i - 1, :-1] + g11[i - 1]
        better = c > x
        x[better], mv[better] = c[better], M11
        if m >= 2:
            c = np.full(m + 1, NEG)
            c[2:] = D[i - 1, :-2] + g12[i - 1]
            better = c > x
            x[better], mv[better] = c[better], M12
        if i >= 2:
            c = np.full(m + 1, NEG)
            c[1:] = D[i - 2, :-1] + g21[i - 2]
            better = c > x
            x[better], mv[better] = c[better], M21
        acc = np.maximum.accumulate(x)  # 0-1 skips along the row cost nothing
        take_skip = acc > x
        mv[take_skip] = SKIP_B
        D[i] = acc
        B[i] = mv
    return _backtrack(B, n, m)


def _backtrack(B: np.ndarray, n: int, m: int) -> list[tuple[list[int], list[int]]]:
    """The beads of the best path, read back from the move table."""
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i > 0 or j > 0:
        mv = B[i, j] if i > 0 else SKIP_B
        if mv == SKIP_A:
            i -= 1
        elif mv == SKIP_B:
            j -= 1
        elif mv == M11:
            beads.append(([i - 1], [j - 1]))
            i, j = i - 1, j - 1
        elif mv == M12:
            beads.append(([i - 1], [j - 2, j - 1]))
            i, j = i - 1, j - 2
        else:
            beads.append(([i - 2, i - 1], [j - 1]))
            i, j = i - 2, j - 1
    beads.reverse()
    return beads


def recover_moved(
    s11: np.ndarray, beads: list[tuple[list[int], list[int]]], threshold: float
) -> list[tuple[list[int], list[int]]]:
    """Pair clauses the monotonic path left out when they are each other's best left-over match."""
    n, m = s11.shape
    used_a = {i for a, _ in beads for i in a}
    used_b = {j for _, b in beads for j in b}
    ra = [i for i in range(n) if i not in used_a]
    rb = [j for j in range(m) if j not in used_b]
    if not ra or not rb:
        return []
    sub = s11[np.ix_(ra, rb)]
    out = []
    best_b = sub.argmax(axis=1)
    best_a = sub.argmax(axis=0)
    for x, y in enumerate(best_b):
        if best_a[y] == x and sub[x, y] >= threshold:
            out.append(([ra[x]], [rb[y]]))
    return out


def diagonal_strength(s11: np.ndarray, beads: list[tuple[list[int], list[int]]]) -> float:
    """Share of clauses (both sides) whose best match lies on or next to the monotonic path."""
    n, m = s11.shape
    if n == 0 or m == 0:
        return 0.0
    on_path_b: dict[int, set[int]] = {}
    for a, b in beads:
        for i in a:
            on_path_b.setdefault(i, set()).update(b)
    hits = 0
    best_b = s11.argmax(axis=1)
    for i in range(n):
        near = on_path_b.get(i, set())
        if any(abs(int(best_b[i]) - j) <= 1 for j in near):
            hits += 1
    on_path_a: dict[int, set[int]] = {}
    for a, b in beads:
        for j in b:
            on_path_a.setdefault(j, set()).update(a)
    best_a = s11.argmax(axis=0)
    for j in range(m):
        near = on_path_a.get(j, set())
        if any(abs(int(best_a[j]) - i) <= 1 for i in near):
            hits += 1
    return hits / (n + m)
