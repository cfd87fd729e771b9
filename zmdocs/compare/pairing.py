"""Compare's side of pairing: key indicators, requirement rows, counterparts per reference.

Whether two indicators set the same parameter (keys, dimension, bound, text similarity) is
`zmdocs.pairing`'s; here is what only benchmarking needs: which clauses hold requirements, routine-test
annexes, key marks and lists, and narrowing several same-key limits to the like-for-like ones."""

from __future__ import annotations

import re
import weakref
from pathlib import Path

from zmdocs.compare.conditions import bands_agree, signature
from zmdocs.compare.names import heading_named
from zmdocs.errors import CompareError
from zmdocs.model import Document, Indicator
from zmdocs.pairing import (
    bound_side,
    clause_number,
    heading_path,
    same_dimension,
    same_parameter,
    subject_agreement,
    words,
)

# Chapters whose indicators are requirements (others hold test conditions, sampling plans, …).
ROW_KINDS = {"requirements", "annex-normative", "annex-informative", "other", ""}
UNTYPED_KINDS = {"other", "annex-normative"}  # where a document without a requirements chapter sets its limits
_KEY_MARK_RE = re.compile(r"[★☆▲]|\(关键\)|（关键）|\bkey\b", re.I)


# Clause indexes by document, held here rather than in the Document (no cache ever reaches saved JSON).
_INDEX: dict[int, tuple[weakref.ref, int, dict]] = {}


def _clause_index(doc: Document) -> dict:
    hit = _INDEX.get(id(doc))
    if hit is not None and hit[0]() is doc and hit[1] == len(doc.clauses):
        return hit[2]
    m: dict = {}
    for c in doc.clauses:
        m.setdefault(c.id, c)
        m.setdefault(c.number, c)
    if len(_INDEX) > 256:
        _INDEX.clear()
    _INDEX[id(doc)] = (weakref.ref(doc), len(doc.clauses), m)
    return m


def find_clause(doc, ref: str | None):
    """A clause by id or number through a per-document index (Document.clause is a linear scan)."""
    if not ref or not isinstance(doc, Document):
        return None
    idx = _clause_index(doc)
    c = idx.get(ref)
    if c is None and "#" in ref:
        c = idx.get(ref.split("#", 1)[1])
    return c


def clause_kind(doc, ind: Indicator) -> str:
    """The chapter kind of the clause an indicator sits in ('' when unknown)."""
    c = find_clause(doc, ind.clause)
    return c.kind if c else ""


def heading_context(doc, ind: Indicator) -> str:
    """The caption of the indicator's table and the headings of its clause and parents (they often carry the
    subject or the condition): `zmdocs.pairing.heading_path` through this module's clause index."""
    if not isinstance(doc, Document) or not ind.clause:
        return ""
    return heading_path(lambda ref: find_clause(doc, ref), doc.tables, ind)


def requirements_chapter(doc) -> str | None:
    """The clause id of the draft's requirements chapter (技术要求 / Requirements), if it has one."""
    if not isinstance(doc, Document):
        return None
    for c in doc.clauses:
        if c.level == 1 and c.kind in ("requirements", "test-methods") and re.search(
                r"技术要求|^要求$|requirements|anforderungen|exigences", c.heading.strip(), re.I):
            return c.id
    return None


def in_chapter(doc: Document, ind: Indicator, chapter_id: str) -> bool:
    c = find_clause(doc, ind.clause)
    for _ in range(12):
        if c is None:
            return False
        if c.id == chapter_id:
            return True
        c = find_clause(doc, c.parent)
    return False


_REQ_HEADING_RE = re.compile(r"技术要求|要求|requirements?\b|Anforderungen|exigences", re.I)


def _chapter(doc, c):
    for _ in range(12):
        if c is None or not c.parent:
            return c
        c = find_clause(doc, c.parent)
    return c


# A test chapter's clause of pass/acceptance criteria states the limits a test must meet: requirements.
_CRITERIA_RE = re.compile(r"合格判据|判定准则|合格判定|判定依据|验收准则|pass(?:/fail)? criteria|acceptance criteria|"
                          r"compliance criteria|Bewertungskriterien|Abnahmekriterien|critères d.acceptation", re.I)


def _heading_up(doc, c, pattern: re.Pattern) -> bool:
    """Whether clause `c` or one of its parents (up to 12 levels) has a heading `pattern` finds."""
    for _ in range(12):
        if c is None:
            return False
        if pattern.search(c.heading or ""):
            return True
        c = find_clause(doc, c.parent)
    return False


def _under_criteria(doc, c) -> bool:
    return _heading_up(doc, c, _CRITERIA_RE)


def is_requirement(doc, ind: Indicator) -> bool:
    """In a chapter that sets requirements (also a combined 技术要求及试验方法 chapter, or the pass criteria
    clause of a test chapter)."""
    kind = clause_kind(doc, ind)
    if kind in ROW_KINDS:
        return True
    if kind == "test-methods":
        c = find_clause(doc, ind.clause)
        ch = _chapter(doc, c)
        if ch is not None and _REQ_HEADING_RE.search(ch.heading or ""):
            return True
        return getattr(ind, "role", "requirement") == "requirement" and _under_criteria(doc, c)
    return False


# Annexes of routine (production-line) tests use lower levels than the type tests on purpose (IEC 60335-1
# Annex A): a writer benchmarks against the type test, so such an annex only counts when the body has nothing.
_ROUTINE_RE = re.compile(r"例行试验|出厂检验|出厂试验|routine tests?|production[- ]line tests?|St[üu]ckpr[üu]fung|"
                         r"essais? individuels? de série|ルーチン試験", re.I)
BODY_KINDS = {"requirements", "test-methods"}


def is_routine_test(doc, ind: Indicator) -> bool:
    """Whether the indicator sits in an annex whose heading (or a parent's) says routine tests."""
    c = find_clause(doc, ind.clause)
    if c is None or not c.kind.startswith("annex"):
        return False
    return _heading_up(doc, c, _ROUTINE_RE)


def is_marked_key(ind: Indicator) -> bool:
    """The draft marks a key indicator (★ before the item, a key flag in the table origin)."""
    o = ind.origin or {}
    if o.get("key") is True or str(o.get("key", "")).lower() in ("true", "yes", "1", "★"):
        return True
    return bool(_KEY_MARK_RE.search(ind.parameter or ""))


_KEY_HEAD_RE = re.compile(r"关键|key indicator|Schlüssel", re.I)
_KEY_CELL_RE = re.compile(r"^\s*(?:★|☆|▲|√|✓|是|Y|yes|key|关键)\s*$", re.I)


def _key_column(doc, ind: Indicator) -> bool:
    """A table row flagged in a 关键指标 / key column (★, 是, √)."""
    o = ind.origin or {}
    if o.get("type") != "table" or o.get("row") is None or not isinstance(doc, Document):
        return False
    t = next((t for t in doc.tables if t.number == str(o.get("table"))), None)
    if t is None or o["row"] >= len(t.rows):
        return False
    cols = {k for h in t.header for k, cell in enumerate(h) if _KEY_HEAD_RE.search(cell or "")}
    row = t.rows[o["row"]]
    return any(k < len(row) and _KEY_CELL_RE.match(row[k] or "") for k in cols)


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
    marked = {i for i in rows if is_marked_key(inds[i]) or _key_column(draft, inds[i])}
    if marked:
        return marked, "marked"
    req = {i for i in rows if not inds[i].ordinal and not isinstance(inds[i].value, str)
           and (clause_kind(draft, inds[i]) in ("requirements", "") or clause_kind(draft, inds[i]) == "test-methods"
                and is_requirement(draft, inds[i]))}
    chapter = requirements_chapter(draft)
    if chapter:
        req = {i for i in req if in_chapter(draft, inds[i], chapter)} or req
    if not req:  # a regulation without a requirements chapter (§§ and normative annexes): its limits anywhere
        req = {i for i in rows if not inds[i].ordinal and not isinstance(inds[i].value, str)
               and clause_kind(draft, inds[i]) in UNTYPED_KINDS and getattr(inds[i], "role", "requirement") == "requirement"}
    return req, "default"


# Different parameters that writers nevertheless set against each other (reported as not comparable).
RELATED = {"surface_temperature": {"temperature_rise"}, "temperature_rise": {"surface_temperature"}}


def _names_key(ind: Indicator) -> bool:
    """Whether the indicator's own parameter text carries its key (not a key guessed from context)."""
    from zmdocs.indicators.keys import key_for

    return bool(ind.key) and key_for(ind.parameter or "") == ind.key


def key_counterparts(draft: Indicator, refs: list[Indicator], context: dict[int, str] | None = None,
                     draft_context: str = "", routine: set[int] | None = None, body: set[int] | None = None,
                     headings: dict[int, str] | None = None) -> list[int]:
    """Reference indicators with the same parameter key, narrowed to like-for-like when there is a choice.

    `routine`/`body`: indices of reference indicators in a routine-test annex / in the body
    (requirements, test methods); the routine ones are dropped when the body has the key too. `headings`: each
    reference indicator's own clause heading; a heading that is the draft's parameter names its limits too."""
    heads = headings or {}
    cands = [j for j, r in enumerate(refs) if same_parameter(draft, r)
             or not r.key.startswith("\x00") and heading_named(draft, heads.get(j, ""))]
    if not cands and draft.key in RELATED:
        # a related parameter (surface temperature vs temperature rise): the closest one, to say why not
        rel = [j for j, r in enumerate(refs) if r.key in RELATED[draft.key] and _names_key(r)]
        mine = words(" ".join([draft.parameter, *draft.conditions, draft_context]))
        rel.sort(key=lambda j: -len(mine & words(" ".join([refs[j].parameter, *refs[j].conditions, (context or {}).get(j, "")]))))
        return rel[:60]  # the caller picks the one whose part and material fit (compare.select)
    if not cands:
        return cands
    # another unit dimension under the same key is nearly always an extraction slip (a condition read as
    # a limit): it is not paired; °C vs K and ordinal scales are judged (and explained) by `judge`
    cands = [j for j in cands if same_dimension(draft, refs[j])]
    cands = _same_subject(draft, refs, cands, context or {}, draft_context)
    if routine and body and any(j in body for j in cands):
        cands = [j for j in cands if j not in routine]
    if len(cands) <= 1:
        return cands
    side = [j for j in cands if bound_side(refs[j]) == bound_side(draft)]
    cands = side or cands
    context = context or {}
    sa = signature(draft.conditions, f"{draft.parameter} {draft_context}")
    if sa.tags or sa.quantities or sa.bands:
        def agree(j: int) -> int:
            sb = signature(refs[j].conditions, f"{refs[j].parameter} {context.get(j, '')}")
            clash = any(g in sb.tags and not (t & sb.tags[g]) for g, t in sa.tags.items()) or any(
                u in sb.bands and not bands_agree(b, sb.bands[u]) for u, b in sa.bands.items())
            if clash:
                return -1
            return sum(1 for g, t in sa.tags.items() if t & sb.tags.get(g, frozenset())) + sum(
                1 for u, b in sa.bands.items() if u in sb.bands and b == sb.bands[u]) + sum(
                1 for u, v in sa.quantities.items() if u in sb.quantities and abs(sb.quantities[u] - v) < 1e-9 * max(1, abs(v)))
        scored = [(agree(j), j) for j in cands]
        best = max(s for s, _ in scored)
        if best >= 0:
            cands = [j for s, j in scored if s == best]
    # an adoption keeps the clause numbers (GB 13.2 = IEC 13.2) and often the table rows: prefer them
    num = clause_number(draft)
    same = [j for j in cands if num and clause_number(refs[j]) == num]
    if same and len(cands) > 1:
        cands = same
        o = draft.origin or {}
        if o.get("row") is not None:
            cell = [j for j in cands if (refs[j].origin or {}).get("row") == o["row"] and (refs[j].origin or {}).get("col") == o.get("col")]
            row = [j for j in cands if (refs[j].origin or {}).get("row") == o["row"]]
            cands = cell or row or cands
    return cands


def _same_subject(draft: Indicator, refs: list[Indicator], cands: list[int], context: dict[int, str], draft_context: str) -> list[int]:
    """Same-key candidates without those for another subject (another lamp); those for the draft's own
    subject when some are (the heading paths name it)."""
    agree = {j: subject_agreement(draft, refs[j], draft_context, context.get(j, "")) for j in cands}
    cands = [j for j in cands if agree[j] >= 0]
    return [j for j in cands if agree[j] > 0] or cands


def differ_only_unstated(draft: Indicator, refs: list[Indicator], cands: list[int], context: dict[int, str] | None = None,
                         draft_context: str = "") -> bool:
    """Whether the candidates differ only by applicability bands (and tag groups) the draft does not state.

    E.g. test voltages per rated-voltage band (≤150 V / >150 V ≤250 V) when the draft names no rated
    voltage: its limit then applies in every band, so each band is a counterpart (the strictest decides).
    Needs at least one band; the draft's own conditions must all be readable (a part name such as
    '手柄' is left to the similarity narrowing)."""
    context = context or {}
    sa = signature(draft.conditions, f"{draft.parameter} {draft_context}")
    if draft.conditions and any(not _readable(c) for c in draft.conditions):
        return False
    sigs = [signature(refs[j].conditions, f"{refs[j].parameter} {context.get(j, '')}") for j in cands]
    if not any(u not in sa.bands for sg in sigs for u in sg.bands):
        return False
    first = sigs[0]
    for sg in sigs[1:]:
        if sg.quantities != first.quantities:
            return False
        for g in set(sg.tags) | set(first.tags):
            if g in sa.tags and sg.tags.get(g) != first.tags.get(g):
                return False
        for u in set(sg.bands) | set(first.bands):
            if u in sa.bands and sg.bands.get(u) != first.bands.get(u):
                return False
    return True


def _readable(cond: str) -> bool:
    """A condition the signature reads entirely (a tag, a quantity or a band), not free wording."""
    sg = signature([cond])
    return bool(sg.tags or sg.quantities or sg.bands)
