"""Indicator correspondence between two editions: changed, added, deleted and moved limits.

An old indicator's candidates are the new indicators in the clause its clause matched (and that
clause's sub-clauses and ancestors, since editions split and merge clauses). Pairs need the same
canonical unit and what the one pairing engine (zmdocs.pairing.parameter_score) allows: never two
different glossary keys or dimensions; they are scored on parameter (one key, else text ratio),
conditions, value and comparator, and taken greedily. Leftovers with the same parameter, value,
comparator and unit anywhere else are moved; the rest are added or deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zmdocs.compare.values import canonical, fmt_number
from zmdocs.diff.clauses import greedy_pairs, label
from zmdocs.diff.result import Change
from zmdocs.diff.text import key, ratio
from zmdocs.model import Document, Indicator
from zmdocs.pairing import parameter_score
from zmdocs.text.comparators import cue_comparator, cue_pattern

PAIR_TAU = 0.4
MOVE_PARAM_TAU = 0.3
COND_TAU = 0.6
_SYM = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "=": ""}


@dataclass
class Item:
    """An indicator with its clause number and comparison facts."""

    ind: Indicator
    number: str
    index: int
    unit: str | None
    nums: tuple
    pkey: str
    ckey: str


def items(doc: Document, roles: tuple[str, ...]) -> list[Item]:
    from zmdocs.indicators.parallel_text import own_text  # the extractor package is heavy: loaded on use

    numbers = {c.id: c.number for c in doc.clauses}
    out = []
    for ind in own_text(doc).indicators:
        if ind.role not in roles:
            continue
        c = canonical(ind)
        nums = tuple(None if x is None else round(float(x), 9) for x in (c.value, c.min, c.max))
        out.append(Item(ind, numbers.get(ind.clause or "", ind.clause or ""), len(out), c.unit or "", nums,
                        key(ind.parameter), key(" ".join(ind.conditions))))
    return out


def written(ind: Indicator) -> str:
    """The limit as a writer prints it: ≤ 2 min, 26.6 ± 1 km/h, 90～95 °."""
    u = f" {ind.unit}" if ind.unit else ""
    if ind.comparator == "range":
        return f"{fmt_number(ind.min)}～{fmt_number(ind.max)}{u}"
    if ind.comparator == "tolerance":
        if ind.value is not None and ind.max is not None:
            return f"{fmt_number(ind.value)} ± {fmt_number(round(float(ind.max) - float(ind.value), 9))}{u}"
        return f"{fmt_number(ind.min)}～{fmt_number(ind.max)}{u}"
    sym = _SYM.get(ind.comparator, ind.comparator)
    return f"{sym} {fmt_number(ind.value)}{u}".strip()


def _param_sim(a: Item, b: Item) -> float | None:
    """The pairing engine's word on the parameter (one key: 1, two keys or two dimensions: None), else the
    ratio of the parameter texts."""
    return parameter_score(a.ind, b.ind, lambda _x, _y: ratio(a.pkey, b.pkey))


def _score(a: Item, b: Item) -> float:
    param = _param_sim(a, b) if a.unit == b.unit else None  # the same canonical unit: the values compare
    if param is None:
        return 0.0
    cond = ratio(a.ckey, b.ckey)
    same_value = a.nums == b.nums
    return 0.35 * param + 0.25 * cond + 0.25 * same_value + 0.15 * (a.ind.comparator == b.ind.comparator)


def _related(x: str, y: str) -> bool:
    return x == y or x.startswith(y + ".") or y.startswith(x + ".")


def _aspects(a: Item, b: Item) -> list[str]:
    out = []
    if a.nums != b.nums:
        out.append("value")
    if a.ind.comparator != b.ind.comparator:
        out.append("comparator")
    if key(a.ind.unit) != key(b.ind.unit):
        out.append("unit")
    if (a.ckey or b.ckey) and ratio(a.ckey, b.ckey) < COND_TAU:
        out.append("conditions")
    return out


def _change(kind: str, a: Item | None, b: Item | None, order: float, aspects: list[str] | None = None) -> Change:
    ref = b or a
    assert ref is not None
    return Change(kind, a.number if a else None, b.number if b else None, parameter=_parameter(ref.ind),
                  old_value=written(a.ind) if a else "", new_value=written(b.ind) if b else "",
                  aspects=aspects or [], order=order)


def _parameter(ind: Indicator) -> str:
    p = re.sub(r"^[\s—\-–、,，:：的]+", "", " ".join(ind.parameter.split()))
    p = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", p)
    return p or ind.key


def _pairs(ia: list[Item], ib: list[Item], clause_map: dict[str, str]) -> dict[int, int]:
    cand = []
    for a in ia:
        target = clause_map.get(a.number)
        if target is None:
            continue
        for b in ib:
            if _related(target, b.number):
                s = _score(a, b)
                if s >= PAIR_TAU:
                    cand.append((s - 0.001 * abs(a.index - b.index) / max(len(ib), 1), a.index, b.index))
    return greedy_pairs(cand)


def _moves(ia: list[Item], ib: list[Item], m: dict[int, int]) -> dict[int, int]:
    used = set(m.values())
    out: dict[int, int] = {}
    for a in ia:
        if a.index in m:
            continue
        for b in ib:
            if b.index in used or b.unit != a.unit or b.nums != a.nums or b.ind.comparator != a.ind.comparator:
                continue
            param = _param_sim(a, b)
            if param is not None and (param >= MOVE_PARAM_TAU or (a.ckey and ratio(a.ckey, b.ckey) >= COND_TAU)):
                out[a.index] = b.index
                used.add(b.index)
                break
    return out


_CMP_WORD = re.compile("(" + cue_pattern() + r")?\s*$", re.I)


def in_text(ind: Indicator, text: str) -> Indicator | None:
    """The same quantity (number and unit) written in a clause's text, with the comparator word before it;
    None when the text does not state it. Catches limits the extractor reads in one edition only."""
    value = ind.value if isinstance(ind.value, (int, float)) else None
    if value is None or not ind.unit or not text:
        return None
    num = fmt_number(value)
    for m in re.finditer(rf"(?<![\d.]){re.escape(num)}\s*{re.escape(ind.unit)}(?![A-Za-z])", text):
        word = _CMP_WORD.search(text[max(0, m.start() - 16):m.start()])
        w = (word.group(1) or "").lower() if word else ""
        cmp = (cue_comparator(w) if w else None) or "="
        return Indicator(parameter=ind.parameter, comparator=cmp, value=value, unit=ind.unit, key=ind.key,
                         text=text[max(0, m.start() - 16):m.end()])
    return None


def _in_matched_table(item: Item, matched: set[str]) -> bool:
    """A table cell of a table that has a counterpart: the row diff reports it, not the indicator lists."""
    o = item.ind.origin or {}
    return o.get("type") == "table" and str(o.get("table")) in matched


def _nums(ind: Indicator) -> tuple:
    c = canonical(ind)
    return tuple(None if x is None else round(float(x), 9) for x in (c.value, c.min, c.max))


def _counterpart_text(number: str, mapping: dict[str, str], texts: dict[str, str]) -> tuple[str, str] | None:
    """The matched clause in the other edition and its text (with its sub-clauses' texts)."""
    other = mapping.get(number)
    if other is None:
        return None
    body = " ".join(t for n, t in texts.items() if n == other or n.startswith(other + "."))
    return other, body


def _unpaired(it: Item, cmap: dict[str, str], texts: dict[str, str], new_side: bool,
              order_of: dict[str, int], old_pos: dict[str, float]) -> Change | None:
    """A limit of one edition without a pair: added (deleted) when the other edition's text lacks it,
    changed when that text states it otherwise, nothing when it reads the same there."""
    src = _counterpart_text(it.number, cmap, texts)
    other = in_text(it.ind, src[1]) if src else None
    if other is None:
        if new_side:
            return _change("indicator-added", None, it, order_of.get(it.number, 0) + 0.3)
        return _change("indicator-deleted", it, None, old_pos.get(it.number, 0.0) + 0.4)
    if other.comparator == it.ind.comparator and _nums(other) == it.nums:
        return None
    twin = Item(other, src[0], -1, it.unit, _nums(other), it.pkey, "")
    a, b = (twin, it) if new_side else (it, twin)
    aspects = ["comparator"] if _nums(other) == it.nums else ["value", "comparator"]
    return _change("indicator-changed", a, b, order_of.get(b.number, 0) + 0.2, aspects)


def indicator_changes(old: Document, new: Document, clause_map: dict[str, str], order_of: dict[str, int],
                      old_pos: dict[str, float], table_map: dict[str, str] | None = None,
                      roles: tuple[str, ...] = ("requirement", "test-condition")) -> list[Change]:
    """Changed, moved, added and deleted indicators; `clause_map` maps old clause numbers to new ones,
    `order_of` new clause numbers to their position, `old_pos` old ones to a position in the new order."""
    ia, ib = items(old, roles), items(new, roles)
    heads = {c.number: label(c) for c in old.clauses} | {c.number: label(c) for c in new.clauses}
    m = _pairs(ia, ib, clause_map)
    moved = _moves(ia, ib, m)
    out: list[Change] = []
    for i, j in m.items():
        asp = _aspects(ia[i], ib[j])
        if asp:
            out.append(_change("indicator-changed", ia[i], ib[j], order_of.get(ib[j].number, 0) + 0.2, asp))
    for i, j in moved.items():
        out.append(_change("indicator-moved", ia[i], ib[j], order_of.get(ib[j].number, 0) + 0.2, ["clause"]))
    tmap = table_map or {}
    taken_b = set(m.values()) | set(moved.values())
    texts_old = {c.number: c.text for c in old.clauses}
    texts_new = {c.number: c.text for c in new.clauses}
    inv = {v: k for k, v in clause_map.items()}
    lone = [(b, inv, texts_old, True) for b in ib if not (b.index in taken_b or _in_matched_table(b, set(tmap.values())))]
    lone += [(a, clause_map, texts_new, False) for a in ia if not (a.index in m or a.index in moved or _in_matched_table(a, set(tmap)))]
    out += [c for c in (_unpaired(*x, order_of, old_pos) for x in lone) if c is not None]
    for c in out:
        c.heading = heads.get(c.new_clause or c.old_clause or "", "")
    return out
