"""Table rows between two editions: rows added, deleted or changed, matched by their first cell(s)."""

from __future__ import annotations

from zmdocs.diff.result import Change
from zmdocs.diff.text import edits, key, ratio
from zmdocs.model import Document, Table

TABLE_TAU = 0.5
ROW_TAU = 0.7
CHANGED_TAU = 0.9


def _num(t: Table) -> str:
    return t.number or t.id


def match_tables(old: Document, new: Document, clause_map: dict[str, str]) -> dict[str, str]:
    """Old table number → new table number, by caption similarity and clause correspondence."""
    cid_old = {c.id: c.number for c in old.clauses}
    cid_new = {c.id: c.number for c in new.clauses}
    cand = []
    for a in old.tables:
        for b in new.tables:
            same_clause = clause_map.get(cid_old.get(a.clause or "", "")) == cid_new.get(b.clause or "")
            s = 0.6 * ratio(key(a.caption), key(b.caption)) + 0.4 * same_clause + 0.05 * (_num(a) == _num(b))
            if s >= TABLE_TAU:
                cand.append((s, _num(a), _num(b)))
    cand.sort(reverse=True)
    out: dict[str, str] = {}
    for _, x, y in cand:
        if x not in out and y not in out.values():
            out[x] = y
    return out


def _rows(t: Table) -> list[tuple[str, list[str]]]:
    """(label, cells) of the body rows; the label is the first cell, or the first two when the first repeats."""
    body = [r for r in t.body if r and any(c.strip() for c in r) and len({c.strip() for c in r}) > 1]
    firsts = [key(r[0]) for r in body]
    out = []
    for r in body:
        lab = r[0].strip()
        if firsts.count(key(r[0])) > 1 and len(r) > 1:
            second = " ".join(r[1].split())
            lab = f"{lab} / {second if len(second) <= 16 else second[:15] + '…'}"
        if key(lab):
            out.append((lab, r))
    return out


def _column_map(a: Table, b: Table) -> dict[int, int]:
    ha = [key(" ".join(r[j] for r in a.header if j < len(r))) for j in range(max((len(r) for r in a.rows), default=0))]
    hb = [key(" ".join(r[j] for r in b.header if j < len(r))) for j in range(max((len(r) for r in b.rows), default=0))]
    if len(ha) == len(hb):
        return {j: j for j in range(1, len(ha))}
    out: dict[int, int] = {}
    for j in range(1, len(ha)):
        best = max(range(len(hb)), key=lambda k: ratio(ha[j], hb[k]), default=None)
        if best is not None and best > 0 and ratio(ha[j], hb[best]) >= 0.6 and best not in out.values():
            out[j] = best
    return out


def _match_rows(ra: list[tuple[str, list[str]]], rb: list[tuple[str, list[str]]]) -> dict[int, int]:
    cand = [(ratio(key(x[0]), key(y[0])), i, j) for i, x in enumerate(ra) for j, y in enumerate(rb)]
    cand = [c for c in cand if c[0] >= ROW_TAU]
    cand.sort(key=lambda c: (-c[0], abs(c[1] - c[2])))
    out: dict[int, int] = {}
    for _, i, j in cand:
        if i not in out and j not in out.values():
            out[i] = j
    return out


def row_changes(old: Document, new: Document, table_map: dict[str, str], clause_of: dict[str, tuple[str, str]],
                order_of: dict[str, int]) -> list[Change]:
    """Row changes of every matched table; `clause_of[table]` = (old clause, new clause) numbers."""
    old_t = {_num(t): t for t in old.tables}
    new_t = {_num(t): t for t in new.tables}
    out: list[Change] = []
    for x, y in table_map.items():
        a, b = old_t[x], new_t[y]
        ra, rb = _rows(a), _rows(b)
        m = _match_rows(ra, rb)
        cols = _column_map(a, b)
        oc, nc = clause_of.get(x, ("", ""))
        base = order_of.get(nc, 0) + 0.5
        for i, j in m.items():
            ta = " ".join(ra[i][1][k] for k in cols if k < len(ra[i][1]))
            tb = " ".join(rb[j][1][v] for k, v in cols.items() if v < len(rb[j][1]))
            r = ratio(key(ta), key(tb))
            if r < CHANGED_TAU:
                added, deleted = edits(ta, tb)
                out.append(Change("row-changed", oc, nc, parameter=rb[j][0], table=y, added=added, deleted=deleted,
                                  similarity=round(r, 3), order=base + j / 1000))
        for j in sorted(set(range(len(rb))) - set(m.values())):
            out.append(Change("row-added", None, nc, parameter=rb[j][0], table=y, order=base + j / 1000))
        for i in sorted(set(range(len(ra))) - set(m)):
            out.append(Change("row-deleted", oc, None, parameter=ra[i][0], table=x, order=base + i / 1000 + 0.0005))
    return out
