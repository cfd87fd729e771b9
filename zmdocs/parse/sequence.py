"""Choose which numbered paragraphs are clause headings: the best-scoring numbering sequence.

Every paragraph that *could* open a clause (a number-shaped start that is not a value, a
reference or a table-of-contents line; an annex heading) is a candidate. A chain of candidates
is valid when each number is a plausible successor of the one before (5.2 → 5.2.1, 5.3, 5.101,
6, A, A.1 …). Each candidate is worth a weight (how heading-like it is) minus a penalty for the
jump it makes (a missed clause, a skipped level, 79 → 100). The chain of highest worth wins,
found by dynamic programming over a window of earlier candidates. A stray number — a bold term
"8 …" inside chapter 4, a quantity, a cross-reference wrapped to a line start — cannot join the
chain without cutting off what follows, so it is left as text; a genuine jump in the numbering
never drops what follows it.
"""

from __future__ import annotations

from dataclasses import dataclass

_WINDOW = 250  # earlier candidates considered as predecessors
_BIG_GAP = 10  # a jump larger than this needs a confirming child or successor nearby


@dataclass
class Candidate:
    """A paragraph that may open a clause: its index, number tuple and heading weight."""

    index: int
    tup: tuple
    weight: float = 1.0
    annex: bool = False  # an annex heading (tup is (letter,))


def _is_letter(x: object) -> bool:
    return isinstance(x, str)


def _child_penalty(prev: tuple, cur: tuple) -> float | None:
    """cur below prev (5.2 → 5.2.1): first child expected; skipped levels cost."""
    extra = len(cur) - len(prev) - 1
    pen = 0.35 * extra
    for x in cur[len(prev):]:
        if not isinstance(x, int):
            return None
        if x != 1:
            pen += 0.15 if x <= 3 else 0.4
    return pen


def _gap_penalty(gap: int) -> float:
    if gap <= 1:
        return 0.0
    if gap <= 4:
        return 0.08 * (gap - 1)
    if gap <= _BIG_GAP:
        return 0.35
    return 0.6


def transition(prev: tuple, cur: tuple) -> float | None:
    """Penalty of `cur` following `prev` in one numbering sequence, or None if it cannot."""
    if not cur:
        return None
    lp, lc = isinstance(prev[0], str), isinstance(cur[0], str)  # _is_letter, inlined: called per pair
    if lp and not lc:
        return 0.0 if str(prev[0])[:1] == "!" else None  # numbered clauses never follow an annex, but a front division
    if lc and not lp and str(cur[0])[:1] == "!":
        return None  # front divisions ("!A", see builder._division) come before the numbered body
    if lc and not lp:
        return 0.0 if len(cur) == 1 else None  # the first annex after the body; A.1 needs annex A
    if lc and lp and cur[0] != prev[0] and str(cur[0])[:1] == str(prev[0])[:1] == "#":
        return 0.0 if len(cur) == 1 and str(cur[0]) > str(prev[0]) else None  # Annex 9 → Annex 10
    if lc and lp and cur[0] != prev[0]:
        if len(cur) != 1 or str(cur[0]) < str(prev[0]) or len(str(cur[0])) < len(str(prev[0])):
            return None
        return 0.0 if len(str(cur[0])) > len(str(prev[0])) or ord(cur[0][-1]) - ord(prev[0][-1]) <= 2 else 0.3
    k = 0
    while k < len(prev) and k < len(cur) and prev[k] == cur[k]:
        k += 1
    if k == len(cur):
        return None  # same number again, or going back up to an ancestor
    if k == len(prev):
        return _child_penalty(prev, cur)
    a, b = prev[k], cur[k]
    if isinstance(b, tuple):  # an appendix of a numbered annex follows the annex's paragraphs, and earlier appendices
        return 0.0 if isinstance(a, int) or (isinstance(a, tuple) and b > a) else None
    if not (isinstance(a, int) and isinstance(b, int)) or b <= a:
        return None
    # IEC/ISO part-2 style additions (19.101 after 19.13, 101 after 32) are a numbering convention, not a jump
    pen = 0.1 if b >= 101 and a < 101 and b <= 120 else _gap_penalty(b - a)
    if k > 0 and pen > 0.45:
        pen = 0.45  # part 2 of a series skips the clauses of part 1 it leaves unchanged (7.1 → 7.12)
    if len(cur) > k + 1:  # a new branch entered below its first level (4.3.2 → 4.4.1): 4.4 was missed
        sub = _child_penalty(cur[: k + 1], cur)
        if sub is None:
            return None
        pen += 0.3 + sub
    return pen


def _start_penalty(c: Candidate) -> float:
    t = c.tup
    if c.annex or _is_letter(t[0]):
        return 0.3
    if len(t) == 1:
        return 0.0 if t[0] <= 1 else (0.2 if t[0] <= 20 else 0.9)
    return 0.3 + 0.1 * (len(t) - 2)  # an excerpt starting inside a chapter


def _confirmed(cands: list[Candidate], j: int) -> bool:
    """A number that jumps far must have a child or a successor among the next candidates."""
    t = cands[j].tup
    for c in cands[j + 1: j + 40]:
        u = c.tup
        if len(u) == len(t) + 1 and u[: len(t)] == t:
            return True
        if len(u) == len(t) and u[:-1] == t[:-1] and isinstance(u[-1], int) and 0 < u[-1] - t[-1] <= 3:
            return True
    return False


def _big_jump(prev: tuple, cur: tuple) -> bool:
    """A chapter number far beyond the last one (79 → 100), not a part-2 addition (32 → 101)."""
    a, b = prev[0], cur[0]
    if not (isinstance(a, int) and isinstance(b, int)):
        return False
    return b - a > _BIG_GAP and not (101 <= b <= 120 and a < 101)


def best_chain(cands: list[Candidate]) -> set[int]:
    """Indices (Candidate.index) of the best-scoring valid numbering sequence."""
    n = len(cands)
    if not n:
        return set()
    score = [0.0] * n
    back = [-1] * n
    confirmed: dict[int, bool] = {}
    for j, c in enumerate(cands):
        best, arg = c.weight - _start_penalty(c), -1
        for i in range(max(0, j - _WINDOW), j):
            pen = transition(cands[i].tup, c.tup)
            if pen is None:
                continue
            if _big_jump(cands[i].tup, c.tup):  # a big jump counts only when what follows confirms it
                if j not in confirmed:
                    confirmed[j] = _confirmed(cands, j)
                if not confirmed[j]:
                    continue
            v = score[i] + c.weight - pen
            if v > best + 1e-9 or (arg >= 0 and v > best - 1e-9):
                best, arg = v, i  # on a tie the nearest predecessor: a body clause, not its contents-list entry
        score[j], back[j] = best, arg
    j = max(range(n), key=lambda k: (score[k], k))
    out: set[int] = set()
    while j >= 0:
        out.add(cands[j].index)
        j = back[j]
    return out
