"""Free-mode evidence a standards writer reads off the texts, beyond plain similarity.

- explicit citations: a clause that cites the other standard's clause numbers ('按GB 4706.19—2024中
  13.2和16.2', '按其20.1', '第11章') corresponds to those clauses; a leaf citing a whole chapter
  corresponds to the chapter's subclauses (a test method to the chapter's test procedures);
- consolidated limits: a clause (or table) listing limits of several parameters corresponds to each
  requirement clause of the other standard that holds one of them (same indicator key and dimension);
- test methods: a test-method clause corresponds to what the requirement it verifies corresponds to,
  found through the indicators whose test method it is ('试验方法 6.2.1' column of a limits table)
  or through the requirement clause of the same heading (6.3.7 寿命 tests 5.2.5 寿命).
"""

from __future__ import annotations

import re

import numpy as np

from zmdocs.align.units import Unit, cited_clauses
from zmdocs.pairing import dimension
from zmdocs.text.clausenum import norm_number

# A sentence that states a requirement (rather than describing how a test is done).
_REQUIREMENT_FORM = re.compile(r"\bshall\b|\bmust\b|\bmuss\b|\bdarf nicht\b|\bdoit\b|应|不得|须", re.I)
_REQ_LIKE = ("req", "other")  # where the other standard states limits (chapters of unknown kind included)
_TEST_WORDS = re.compile(r"(?:试验|检查|测定|测量|检验|的测试|test(?:ing)?|measurement|check)$", re.I)


def _children(units: list[Unit]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for u in units:
        if u.parent:
            out.setdefault(u.parent, []).append(u.index)
    return out


def _dims(u: Unit, inds) -> dict[str, set[str]]:
    """Indicator key -> dimensions (`zmdocs.pairing.dimension`) of that key's limits in this clause."""
    out: dict[str, set[str]] = {}
    for k in u.indicators:
        ind = inds[k]
        if ind.key:
            out.setdefault(ind.key, set()).add(dimension(ind))
    return out


def _same_key(da: dict[str, set[str]], db: dict[str, set[str]], keys: set[str]) -> bool:
    return any(k in db and (not da.get(k) or not db[k] or da[k] & db[k] or "" in da[k] | db[k]) for k in keys)


def trusted_standards(cites: list[tuple[str, str]], numbers_b: set[str], id_b: str) -> set[str]:
    """Cited standards whose clause numbers stand for B's: B itself, or a standard whose cited
    numbers (at least two) nearly all exist in B (a national adoption keeping the IEC numbering)."""
    from zmdocs.align.degree import same_standard

    seen: dict[str, list[bool]] = {}
    for std, num in cites:
        seen.setdefault(std, []).append(norm_number(num) in numbers_b)
    return {std for std, ok in seen.items()
            if (id_b and same_standard(std, id_b)) or (len(ok) >= 2 and sum(ok) >= 0.8 * len(ok))}


def cited_targets(ua: list[Unit], ub: list[Unit], id_a: str, id_b: str, score: np.ndarray | None = None,
                  margin: float = 0.05) -> dict[int, set[int]]:
    """A-clause -> the B clauses it cites by number; a leaf citing a chapter gets the chapter's
    subclauses (a test-method leaf: the subclauses that describe a procedure, not a requirement)."""
    from zmdocs.align.degree import same_standard

    pos = {norm_number(u.number): u.index for u in ub}
    kids = _children(ub)
    has_kids = set(_children(ua))
    cites = [(u, std, num) for u in ua for std, num in cited_clauses(u.text) if not (id_a and same_standard(std, id_a))]
    trusted = trusted_standards([(std, num) for _, std, num in cites], set(pos), id_b)
    out: dict[int, set[int]] = {}
    for u, std, num in cites:
        if std not in trusted:
            continue
        j = pos.get(norm_number(num))
        if j is None:
            continue
        tgt = {j}
        sub = kids.get(ub[j].number, [])
        if sub and u.number not in has_kids:
            proc = [k for k in sub if not _REQUIREMENT_FORM.search(ub[k].text)]
            if u.group == "test" and proc:
                tgt = set(proc)
            elif score is not None:  # 'marking shall comply with Clause 7': the subclause it speaks of
                best = max(score[u.index, k] for k in sub)
                tgt = {k for k in sub if score[u.index, k] >= best - margin}
            else:
                tgt = set(sub)
        out.setdefault(u.index, set()).update(tgt)
    return out


def _per_key(i: int, da: dict[str, set[str]], ub: list[Unit], db: list[dict[str, set[str]]],
             mine: list[tuple[str, int]], ind_sim: np.ndarray | None, margin: float) -> set[int]:
    """For each parameter of A's clause i, the B clauses holding it; where several do (leakage
    current at operating temperature and after humidity treatment), those whose text is closest to
    the limit's own wording and conditions (`mine`: (key, indicator index) of clause i)."""
    out: set[int] = set()
    for k in da:
        cand = [v.index for v in ub if v.group in _REQ_LIKE and _same_key(da, db[v.index], {k})]
        own = [n for key, n in mine if key == k]
        if len(cand) > 1 and ind_sim is not None and own:
            keep: set[int] = set()
            for n in own:
                best = max(ind_sim[n, j] for j in cand)
                keep.update(j for j in cand if ind_sim[n, j] >= best - margin)
            cand = sorted(keep)
        out.update(cand)
    return out


def key_targets(ua: list[Unit], ub: list[Unit], inds_a, inds_b, min_keys: int = 2, ind_sim: np.ndarray | None = None,
                margin: float = 0.05) -> dict[int, set[int]]:
    """A requirement clause holding limits of at least `min_keys` parameters -> the requirement
    clauses of B holding a limit of one of them (same key, compatible dimension)."""
    db = [_dims(u, inds_b) for u in ub]
    out: dict[int, set[int]] = {}
    for u in ua:
        if u.group != "req":
            continue
        da = _dims(u, inds_a)
        if len(da) < min_keys:
            continue
        mine = [(inds_a[n].key, n) for n in u.indicators if inds_a[n].key]
        hit = _per_key(u.index, da, ub, db, mine, ind_sim, margin)
        if hit:
            out[u.index] = hit
    return out


def method_targets(ua: list[Unit], ub: list[Unit], inds_a, inds_b, score: np.ndarray | None = None,
                   margin: float = 0.05) -> dict[int, set[int]]:
    """A test-method clause -> the B requirement clauses holding the parameters whose test method
    it is (an indicator of A naming this clause as its method)."""
    num = {u.number: u.index for u in ua if u.group == "test"}
    keys: dict[int, dict[str, set[str]]] = {}
    mine: dict[int, list[tuple[str, int]]] = {}
    for n, ind in enumerate(inds_a):
        i = num.get((ind.method or "").strip())
        if i is not None and ind.key:
            mine.setdefault(i, []).append((ind.key, n))
            keys.setdefault(i, {}).setdefault(ind.key, set()).add(dimension(ind))
    db = [_dims(u, inds_b) for u in ub]
    out: dict[int, set[int]] = {}
    for i, da in keys.items():
        # which of several clauses holding the parameter: the one closest to the test clause's text
        rows = None if score is None else score[[i] * len(mine[i])]
        out[i] = _per_key(i, da, ub, db, [(k, r) for r, (k, _) in enumerate(mine[i])], rows, margin)
    return out


def _topic(h: str) -> str:
    return _TEST_WORDS.sub("", re.sub(r"\s+", "", h or "")).lower()


def verified_requirements(units: list[Unit], self_sim: np.ndarray | None = None, margin: float = 0.05) -> dict[int, list[int]]:
    """Test-method clause -> requirement clauses of the same document it verifies, by heading
    ('6.3.7 寿命' tests '5.2.5 寿命'; '6.2.7 壶内压力、稳定性和防水等级' tests three). A topic that
    only partly matches several headings ('泄漏电流' in two of them) takes the closest by text."""
    reqs = [u for u in units if u.group == "req" and u.heading]
    out: dict[int, list[int]] = {}
    for t in units:
        if t.group != "test" or not t.heading:
            continue
        topics = [_topic(x) for x in re.split(r"[、,，;；/]|和|及|与|\band\b", t.heading) if _topic(x)]
        hit: list[int] = []
        for x in topics:
            exact = [r.index for r in reqs if _topic(r.heading) == x]
            part = [r.index for r in reqs if len(x) >= 2 and len(_topic(r.heading)) >= 2
                    and (x in _topic(r.heading) or _topic(r.heading) in x)]
            if exact:
                hit += exact
            elif part and self_sim is not None:
                best = max(self_sim[t.index, r] for r in part)
                hit += [r for r in part if self_sim[t.index, r] >= best - margin]
            else:
                hit += part
        if hit:
            out[t.index] = list(dict.fromkeys(hit))
    return out


def apply_evidence(links: list[tuple[int, int, float]], score: np.ndarray, ua: list[Unit], ub: list[Unit],
                   id_a: str, id_b: str, inds_a, inds_b, evidence_tau: float = 0.2,
                   inherit_tau: float = 0.35, key_margin: float = 0.05,
                   self_sims: tuple[np.ndarray, np.ndarray] | None = None,
                   ind_sims: tuple[np.ndarray, np.ndarray] | None = None) -> list[tuple[int, int, float]]:
    """Links revised by citations, consolidated limits and test-method -> requirement evidence,
    read from both documents. `self_sims`: (A x A, B x B) clause similarity; `ind_sims`: (A's
    indicators x B's clauses, B's indicators x A's clauses) text similarity."""
    rows: dict[int, set[int]] = {}
    for i, j, _ in links:
        rows.setdefault(i, set()).add(j)
    ss = self_sims or (None, None)
    si = ind_sims or (None, None)
    stated: set[tuple[int, int]] = set()
    kw = {"evidence_tau": evidence_tau, "inherit_tau": inherit_tau, "key_margin": key_margin}
    _one_side(rows, stated, score, ua, ub, id_a, id_b, inds_a, inds_b, ss[0], si[0], **kw)
    cols: dict[int, set[int]] = {}
    for i, js in rows.items():
        for j in js:
            cols.setdefault(j, set()).add(i)
    back = {(j, i) for i, j in stated}
    _one_side(cols, back, score.T, ub, ua, id_b, id_a, inds_b, inds_a, ss[1], si[1], **kw)
    pairs = sorted({(i, j) for j, is_ in cols.items() for i in is_})
    return [(i, j, float(score[i, j])) for i, j in pairs]


def _one_side(rows: dict[int, set[int]], stated: set[tuple[int, int]], score: np.ndarray, ua: list[Unit],
              ub: list[Unit], id_a: str, id_b: str, inds_a, inds_b, self_sim: np.ndarray | None,
              ind_sim: np.ndarray | None, evidence_tau: float, inherit_tau: float, key_margin: float) -> None:
    """Revise A's rows from what A's own texts state; pairs stated by the other side are kept."""
    fixed: dict[int, set[int]] = {}  # A clauses whose counterparts the texts state outright
    fixed.update(key_targets(ua, ub, inds_a, inds_b, ind_sim=ind_sim, margin=key_margin))
    fixed.update(method_targets(ua, ub, inds_a, inds_b, score, key_margin))
    cited = cited_targets(ua, ub, id_a, id_b, score)
    fixed.update(cited)  # an explicit citation wins over everything inferred
    for i, tg in fixed.items():
        keep = {j for j in rows.get(i, ()) if (i, j) in stated}
        rows[i] = keep | {j for j in tg if score[i, j] >= evidence_tau}
        stated.update((i, j) for j in rows[i])
    for i, j in chapter_links(ua, ub):
        rows.setdefault(i, set()).add(j)
    # a test-method clause without stated evidence takes over what its requirement pairs with,
    # where the texts are close enough (the test speaks of the same thing)
    kids = _children(ua)
    for t, reqs in verified_requirements(ua, self_sim).items():
        if t in cited:
            continue
        todo, seen = list(reqs), set()
        while todo:
            r = todo.pop()
            if r in seen:
                continue
            seen.add(r)
            todo += kids.get(ua[r].number, [])
            rows.setdefault(t, set()).update(j for j in rows.get(r, ()) if score[t, j] >= inherit_tau)
        # and the other way round: a requirement leaf left alone takes over what its test pairs with
        for r in reqs:
            if not rows.get(r) and ua[r].number not in kids:
                rows[r] = {j for j in rows.get(t, ()) if score[r, j] >= inherit_tau}


# Concepts whose names differ by language but which a standards writer never confuses: routine
# (factory, every unit) tests against type tests.
_CONCEPTS = [
    ("routine", re.compile(r"routine tests?|production tests?|出厂检验|例行试验|逐台检验|stückprüfung|essais individuels", re.I)),
    ("type", re.compile(r"type tests?|型式检验|型式试验|typprüfung|essais de type", re.I)),
]


def _concepts(units: list[Unit]) -> list[str]:
    by_num = {u.number: u for u in units}
    out = []
    for u in units:
        c, v = "", u
        while v is not None and not c:
            c = next((name for name, rx in _CONCEPTS if rx.search(v.heading or "")), "")
            v = by_num.get(v.parent) if v.parent else None
        out.append(c)
    return out


def concept_matrix(ua: list[Unit], ub: list[Unit], bonus: float = 0.1, penalty: float = 0.15) -> np.ndarray:
    """+bonus where both clauses sit under the same concept heading (routine tests / 出厂检验),
    -penalty where under different ones (routine tests against 型式检验)."""
    ca = np.array(_concepts(ua), dtype=object)
    cb = np.array(_concepts(ub), dtype=object)
    both = (ca != "")[:, None] & (cb != "")[None, :]
    same = ca[:, None] == cb[None, :]
    return np.where(both, np.where(same, bonus, -penalty), 0.0)


def chapter_links(ua: list[Unit], ub: list[Unit]) -> list[tuple[int, int]]:
    """Numbered chapters of one known kind (other than requirements), each the only chapter of
    that kind in its document, correspond: '8 标志、包装、运输和贮存' and '7 Marking and instructions'."""
    def unique(units: list[Unit]) -> dict[str, int]:
        seen: dict[str, list[int]] = {}
        for u in units:
            if u.parent is None and u.number.isdigit():
                seen.setdefault(u.group, []).append(u.index)
        # requirements and tests are spread over many IEC clauses: only the other kinds pair as wholes
        return {g: v[0] for g, v in seen.items() if len(v) == 1 and g not in ("req", "test", "other", "basic")}

    a, b = unique(ua), unique(ub)
    return [(a[g], b[g]) for g in a if g in b]


def key_conflicts(ua: list[Unit], ub: list[Unit], inds_a, inds_b) -> np.ndarray:
    """True where both clauses hold limits of named parameters and share none of them."""
    ka = [set(_dims(u, inds_a)) for u in ua]
    kb = [set(_dims(u, inds_b)) for u in ub]
    out = np.zeros((len(ua), len(ub)), dtype=bool)
    for i, x in enumerate(ka):
        if x:
            for j, y in enumerate(kb):
                out[i, j] = bool(y) and not (x & y)
    return out


def context_text(u: Unit, units_by_number: dict[str, Unit], chars: int = 300) -> str:
    """A clause as its parent's heading, its own heading and the start of its text: '13 ... at
    operating temperature / 13.2 Leakage current / ...' tells which leakage current it is."""
    par = units_by_number.get(u.parent or "")
    head = " / ".join(h for h in ((par.heading if par else ""), u.heading) if h)
    return f"{head}. {u.text[:chars]}" if head else u.text[:chars] or u.number


def _limit_text(ind, units: list[Unit]) -> str:
    """A limit's wording; a limit stated in prose also carries its clause's heading (the heading
    '潮湿处理后的泄漏电流' says which leakage current the sentence limits)."""
    from zmdocs.align.indicators import indicator_text

    txt = indicator_text(ind)
    if (ind.origin or {}).get("type") == "table":
        return txt
    num = (ind.clause or "").split("#")[-1]
    head = next((u.heading for u in units if u.number == num), "")
    return f"{head}: {txt}" if head else txt


def indicator_clause_sims(ua: list[Unit], ub: list[Unit], inds_a, inds_b, emb) -> tuple[np.ndarray, np.ndarray]:
    """(A's indicators x B's clauses, B's indicators x A's clauses) similarity of a limit's wording
    and conditions to a clause in context."""
    ca = [context_text(u, {v.number: v for v in ua}) for u in ua]
    cb = [context_text(u, {v.number: v for v in ub}) for u in ub]
    ta = [_limit_text(i, ua) for i in inds_a]
    tb = [_limit_text(i, ub) for i in inds_b]
    v = emb.encode(ta + tb + ca + cb)
    va, vb = v[: len(ta)], v[len(ta) : len(ta) + len(tb)]
    vca, vcb = v[len(ta) + len(tb) : len(ta) + len(tb) + len(ca)], v[len(ta) + len(tb) + len(ca) :]
    return va @ vcb.T, vb @ vca.T
