"""Scoring indicator extraction on whole real documents (tests/data/real/indicators/*.yaml).

A gold file names the document (`file`, under the corpus folder), its language, the clause-number
prefixes annotated exhaustively (`scope`) and the indicators found there, each as
{clause, parameter, gold, role, conditions?}, `gold` in the notation of
`zmdocs.indicators.evaluate.parse_gold` ("<= 1100 mm", "tolerance 30 29 31 km/h").

Matching is exact on (clause number, comparator, value or (min, max), unit symbol) as multisets,
micro-averaged. Only predicted indicators whose clause lies in the scope are scored: a scope entry
covers its clause and every sub-clause on whole number parts ("4.1" covers "4.1.2", not "4.10").
With `fold_parts: true` a predicted clause's Part component ("anl2.pt1", zmdocs' code for Teil I of
Anlage 2) is dropped before matching, for gold files that annotate Parts as conditions; with
`fold_annex_numbers: true` an annex's decimal clause ("Anlage 4.3.1") scores as its annex ("Anlage 4"),
for gold files that annotate an Anlage's Nummern as conditions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from zmdocs.errors import ZmdocsError
from zmdocs.indicators.common import gold_tuple
from zmdocs.indicators.evaluate import parse_gold

ROLES = ("requirement", "test-condition", "informative")
_PART = re.compile(r"\.pt\d+(?=$|\.)")
_ANNEX_NUMBER = re.compile(r"^((?:Anlage|Annex|Anhang|anl|ann)\s*\d+[a-z]?)\.\d+(?:\.\d+)*$", re.I)


class GoldError(ZmdocsError):
    """A real-document indicator gold file is malformed."""


def norm_number(num: Any) -> str:
    """A clause number in one spelling, as the parse scorer spells it (numbered annexes keep their word)."""
    from zmdocs.parse.evaluate import norm_number as _norm

    return _norm(num)


def in_scope(number: str, scope: list[str]) -> bool:
    """True when `number` equals a scope prefix or is a sub-clause of one (whole parts only)."""
    n = norm_number(number)
    return any(n == p or n.startswith(p + ".") for p in (norm_number(s) for s in scope) if p)


def load_real_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file; each indicator gains `tuple` (the parsed gold) and a normalised clause."""
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise GoldError(f"{p}: cannot read indicator gold ({e}) — fix the YAML") from e
    if not isinstance(data, dict) or not data.get("file") or not isinstance(data.get("scope"), list):
        raise GoldError(f"{p}: needs `file` and a `scope` list — see tests/data/real/README.md")
    data["scope"] = [norm_number(s) for s in data["scope"]]
    items = data.get("indicators") or []
    for k, it in enumerate(items):
        where = f"{p}: indicator {k + 1} ({it.get('clause')!r}, {it.get('gold')!r})"
        if not isinstance(it, dict) or "clause" not in it or "gold" not in it:
            raise GoldError(f"{p}: indicator {k + 1} needs `clause` and `gold`")
        it["clause"] = norm_number(it["clause"])
        if not in_scope(it["clause"], data["scope"]):
            raise GoldError(f"{where}: clause outside `scope` — widen the scope or drop the item")
        if it.get("role") not in ROLES:
            raise GoldError(f"{where}: role must be one of {', '.join(ROLES)}")
        try:
            it["tuple"] = parse_gold(str(it["gold"]))
        except (IndexError, ValueError) as e:
            raise GoldError(f"{where}: gold string not understood ({e}) — use the evaluate.parse_gold notation") from e
        it.setdefault("conditions", [])
    data["indicators"] = items
    return data


def clause_number(clause: str | None, numbers: dict[str, str] | None = None) -> str:
    """The number of a predicted indicator's clause: the document's own number, else the part after '#'."""
    if not clause:
        return ""
    if numbers and clause in numbers:
        return norm_number(numbers[clause])
    return norm_number(str(clause).rsplit("#", 1)[-1])


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score_real(doc: Any, indicators: list, gold: dict[str, Any]) -> dict[str, Any]:
    """Micro P/R/F1 of `indicators` (from `doc`) against `gold` (from `load_real_gold`) in its scope.

    Returns tp/fp/fn, precision/recall/f1, n_gold/n_pred, recall per gold role, role accuracy on
    matched items (None when predicted indicators carry no `role`), and `misses` /
    `false_positives` (dicts with clause, gold string or tuple, parameter, text).
    """
    scope = gold["scope"]
    numbers = {c.id: c.number for c in getattr(doc, "clauses", []) or [] if getattr(c, "number", None)}
    g_by: dict[tuple, list[dict]] = defaultdict(list)
    for it in gold["indicators"]:
        g_by[(it["clause"], *it["tuple"])].append(it)
    p_by: dict[tuple, list] = defaultdict(list)
    for ind in indicators:
        num = clause_number(getattr(ind, "clause", None), numbers)
        if gold.get("fold_parts"):  # the gold puts an annex's Teil/Part into `conditions`, not the clause
            num = _PART.sub("", num)
        if gold.get("fold_annex_numbers"):  # the gold puts an Anlage's Nummer into `conditions`, not the clause
            num = _ANNEX_NUMBER.sub(r"\1", num)
        if num and in_scope(num, scope):
            p_by[(num, *gold_tuple(ind))].append(ind)
    g_count = Counter({k: len(v) for k, v in g_by.items()})
    p_count = Counter({k: len(v) for k, v in p_by.items()})
    tp = sum((g_count & p_count).values())
    n_gold, n_pred = sum(g_count.values()), sum(p_count.values())
    prec, rec, f1 = _prf(tp, n_pred, n_gold)
    misses, fps, role_hits, role_n = [], [], 0, 0
    role_tp: Counter = Counter()
    has_role = any(hasattr(i, "role") for i in indicators)
    for key in sorted(set(g_by) | set(p_by), key=str):
        gs, ps = g_by.get(key, []), p_by.get(key, [])
        for g, pr in zip(gs, ps, strict=False):
            role_tp[g.get("role")] += 1
            if has_role:
                role_n += 1
                role_hits += getattr(pr, "role", None) == g.get("role")
        for g in gs[len(ps):]:
            misses.append({"clause": g["clause"], "gold": g["gold"], "parameter": g.get("parameter", ""),
                           "role": g.get("role")})
        for pr in ps[len(gs):]:
            fps.append({"clause": key[0], "got": _show(key[1:]), "parameter": getattr(pr, "parameter", ""),
                        "text": getattr(pr, "text", "")})
    role_gold = Counter(it.get("role") for it in gold["indicators"])
    return {
        "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp, "n_gold": n_gold, "n_pred": n_pred,
        "precision": prec, "recall": rec, "f1": f1,
        "recall_by_role": {r: round(role_tp[r] / n, 4) for r, n in role_gold.items() if n},
        "role_accuracy": round(role_hits / role_n, 4) if has_role and role_n else None,
        "misses": misses, "false_positives": fps,
    }


def _show(t: tuple) -> str:
    """A predicted tuple in gold notation ("<= 1100 mm", "range 0 999999.9 km")."""
    comp, val, unit = t
    if comp == "range" and isinstance(val, tuple):
        body = f"{_num(val[0])} {_num(val[1])}"
    else:
        body = _num(val)
    return " ".join(x for x in (str(comp), body, unit or "") if x)


def _num(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)
