"""Which indicators take part and how they pair: key indicators, rows, counterparts per reference."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from zmdocs.compare.conditions import signature
from zmdocs.compare.values import canonical
from zmdocs.errors import CompareError
from zmdocs.model import Document, Indicator

log = logging.getLogger(__name__)

# Chapters whose indicators are requirements (others hold test conditions, sampling plans, …).
ROW_KINDS = {"requirements", "annex-normative", "other", ""}
_KEY_MARK_RE = re.compile(r"[★☆▲]|\(关键\)|（关键）|\bkey\b", re.I)


def clause_kind(doc, ind: Indicator) -> str:
    """The chapter kind of the clause an indicator sits in ('' when unknown)."""
    if not ind.clause or not getattr(doc, "clauses", None):
        return ""
    c = doc.clause(ind.clause) if isinstance(doc, Document) else None
    if c is None and "#" in ind.clause and isinstance(doc, Document):
        c = doc.clause(ind.clause.split("#", 1)[1])
    return c.kind if c else ""


def clause_number(ind: Indicator) -> str:
    c = ind.clause or ""
    return c.split("#", 1)[1] if "#" in c else c


def is_requirement(doc, ind: Indicator) -> bool:
    return clause_kind(doc, ind) in ROW_KINDS


def is_marked_key(ind: Indicator) -> bool:
    """The draft marks a key indicator (★ before the item, a key flag in the table origin)."""
    o = ind.origin or {}
    if o.get("key") is True or str(o.get("key", "")).lower() in ("true", "yes", "1", "★"):
        return True
    return bool(_KEY_MARK_RE.search(ind.parameter or ""))


def read_key_list(path: str | Path) -> list[str]:
    """Lines of a key-indicator list (keys or parameter names; # comments and blank lines ignored)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise CompareError(f"{p}: cannot read the key-indicator list ({e}) — give a UTF-8 text file, one key per line") from None
    names = [ln.split("#", 1)[0].strip() for ln in text.splitlines()]
    names = [n for n in names if n]
    if not names:
        raise CompareError(f"{p}: the key-indicator list is empty — write one parameter key or name per line")
    return names


def select_keys(draft: Document, inds: list[Indicator], rows: list[int], key_list: list[str] | None,
                list_name: str = "key-indicator list") -> tuple[set[int], str]:
    """Indices (into `inds`) of the key indicators and how they were chosen: list | marked | default."""
    if key_list:
        chosen: set[int] = set()
        for name in key_list:
            low = name.lower()
            hit = {i for i in rows if inds[i].key.lower() == low or inds[i].parameter.strip().lower() == low}
            if not hit:
                hit = {i for i in rows if low in inds[i].parameter.lower() or (inds[i].key and low in inds[i].key.lower())}
            if not hit:
                known = sorted({inds[i].key or inds[i].parameter for i in rows})[:12]
                raise CompareError(f"{list_name}: {name!r} names no indicator of {draft.id} — use a key or parameter "
                                   f"name of the draft (e.g. {', '.join(known)})")
            chosen |= hit
        return chosen, "list"
    marked = {i for i in rows if is_marked_key(inds[i])}
    if marked:
        return marked, "marked"
    req = {i for i in rows if not inds[i].ordinal and not isinstance(inds[i].value, str)
           and clause_kind(draft, inds[i]) in ("requirements", "")}
    return req, "default"


def _side(ind: Indicator) -> str:
    if ind.ordinal:
        return "ordinal"
    return {"<=": "upper", "<": "upper", ">=": "lower", ">": "lower"}.get(ind.comparator, ind.comparator)


def key_counterparts(draft: Indicator, refs: list[Indicator]) -> list[int]:
    """Reference indicators with the same parameter key, narrowed to like-for-like when there is a choice."""
    if draft.key:
        cands = [j for j, r in enumerate(refs) if r.key == draft.key]
    else:
        p = re.sub(r"\s+", "", draft.parameter.lower())
        cands = [j for j, r in enumerate(refs) if p and re.sub(r"\s+", "", r.parameter.lower()) == p]
    if len(cands) <= 1:
        return cands
    ua = canonical(draft).unit
    same_dim = [j for j in cands if canonical(refs[j]).unit == ua and bool(refs[j].ordinal) == bool(draft.ordinal)]
    cands = same_dim or cands
    side = [j for j in cands if _side(refs[j]) == _side(draft)]
    cands = side or cands
    sa = signature(draft.conditions)
    if sa.tags or sa.quantities:
        def agree(j: int) -> int:
            sb = signature(refs[j].conditions)
            clash = any(sb.tags.get(g) not in (None, t) for g, t in sa.tags.items())
            if clash:
                return -1
            return sum(1 for g, t in sa.tags.items() if sb.tags.get(g) == t) + sum(
                1 for u, v in sa.quantities.items() if u in sb.quantities and abs(sb.quantities[u] - v) < 1e-9 * max(1, abs(v)))
        scored = [(agree(j), j) for j in cands]
        best = max(s for s, _ in scored)
        if best >= 0:
            cands = [j for s, j in scored if s == best]
    return cands


def similar_counterparts(draft_inds: list[Indicator], rows: list[int], ref_inds: list[Indicator],
                         have: dict[int, list[int]], embedder) -> dict[int, list[tuple[int, float]]]:
    """Counterparts by text similarity (the alignment stage) for draft indicators without a key match."""
    todo = [i for i in rows if not have.get(i)]
    if not todo or embedder is None or not ref_inds:
        return {}
    try:
        from zmdocs.align.indicators import align_indicators, indicator_text
    except ImportError:  # the alignment stage is optional here
        return {}
    a = [draft_inds[i] for i in todo]
    try:
        va = embedder.encode([indicator_text(x) for x in a])
        vb = embedder.encode([indicator_text(x) for x in ref_inds])
    except Exception as e:  # a model that fails must not stop the comparison
        log.warning("indicator similarity skipped: %s", e)
        return {}
    out: dict[int, list[tuple[int, float]]] = {}
    for p in align_indicators(a, ref_inds, va, vb, set()):
        i, j = todo[p.a], p.b
        if a[p.a].key and ref_inds[j].key and a[p.a].key != ref_inds[j].key:
            continue  # two different glossary keys never pair
        out.setdefault(i, []).append((j, p.score))
    return out
