"""Which indicators take part and how they pair: key indicators, rows, counterparts per reference."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from zmdocs.compare.conditions import bands_agree, signature
from zmdocs.compare.values import canonical
from zmdocs.errors import CompareError
from zmdocs.model import Document, Indicator

log = logging.getLogger(__name__)

# Chapters whose indicators are requirements (others hold test conditions, sampling plans, …).
ROW_KINDS = {"requirements", "annex-normative", "annex-informative", "other", ""}
_KEY_MARK_RE = re.compile(r"[★☆▲]|\(关键\)|（关键）|\bkey\b", re.I)


def find_clause(doc, ref: str | None):
    """A clause by id or number through a per-document index (Document.clause is a linear scan)."""
    if not ref or not isinstance(doc, Document):
        return None
    idx = doc.__dict__.get("_zm_clauses")
    if idx is None or idx[0] != len(doc.clauses):
        m: dict = {}
        for c in doc.clauses:
            m.setdefault(c.id, c)
            m.setdefault(c.number, c)
        idx = (len(doc.clauses), m)
        doc.__dict__["_zm_clauses"] = idx
    c = idx[1].get(ref)
    if c is None and "#" in ref:
        c = idx[1].get(ref.split("#", 1)[1])
    return c


def clause_kind(doc, ind: Indicator) -> str:
    """The chapter kind of the clause an indicator sits in ('' when unknown)."""
    c = find_clause(doc, ind.clause)
    return c.kind if c else ""


def clause_number(ind: Indicator) -> str:
    c = ind.clause or ""
    return c.split("#", 1)[1] if "#" in c else c


def heading_context(doc, ind: Indicator) -> str:
    """The headings of the indicator's clause and its parents (they often carry the condition)."""
    if not isinstance(doc, Document) or not ind.clause:
        return ""
    out, c, seen = [], find_clause(doc, ind.clause), 0
    while c is not None and seen < 4:
        out.append(c.heading)
        c, seen = find_clause(doc, c.parent), seen + 1
    return " ".join(h for h in out if h)


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


def is_requirement(doc, ind: Indicator) -> bool:
    """In a chapter that sets requirements (also a combined 技术要求及试验方法 chapter)."""
    kind = clause_kind(doc, ind)
    if kind in ROW_KINDS:
        return True
    if kind == "test-methods":
        ch = _chapter(doc, find_clause(doc, ind.clause))
        return bool(ch is not None and _REQ_HEADING_RE.search(ch.heading or ""))
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
    for _ in range(12):
        if c is None:
            return False
        if _ROUTINE_RE.search(c.heading or ""):
            return True
        c = find_clause(doc, c.parent)
    return False


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
    return req, "default"


# Different parameters that writers nevertheless set against each other (reported as not comparable).
RELATED = {"surface_temperature": {"temperature_rise"}, "temperature_rise": {"surface_temperature"}}


def _words(text: str) -> set[str]:
    """Latin words and CJK bigrams, for a rough overlap of two descriptions."""
    low = text.lower()
    cjk = re.findall(r"[\u4e00-\u9fff]+", low)
    return set(re.findall(r"[a-zà-ÿäöüß]{3,}", low)) | {w[k:k + 2] for w in cjk for k in range(len(w) - 1)}


def _names_key(ind: Indicator) -> bool:
    """Whether the indicator's own parameter text carries its key (not a key guessed from context)."""
    try:
        from zmdocs.indicators.keys import key_for
    except ImportError:  # pragma: no cover
        return True
    return bool(ind.key) and key_for(ind.parameter or "") == ind.key


def _same_dimension(a: Indicator, b: Indicator) -> bool:
    if bool(a.ordinal) != bool(b.ordinal):
        return False
    if a.ordinal:
        return a.ordinal.get("scale") == b.ordinal.get("scale")
    ua, ub = canonical(a).unit or "", canonical(b).unit or ""
    return ua == ub or {ua, ub} == {"°C", "K"}


def _side(ind: Indicator) -> str:
    if ind.ordinal:
        return "ordinal"
    if ind.comparator == "=" and ind.direction in ("lower-is-stricter", "higher-is-stricter"):
        return "upper" if ind.direction == "lower-is-stricter" else "lower"
    return {"<=": "upper", "<": "upper", ">=": "lower", ">": "lower"}.get(ind.comparator, ind.comparator)


def key_counterparts(draft: Indicator, refs: list[Indicator], context: dict[int, str] | None = None,
                     draft_context: str = "", routine: set[int] | None = None, body: set[int] | None = None) -> list[int]:
    """Reference indicators with the same parameter key, narrowed to like-for-like when there is a choice.

    `routine`/`body`: indices of reference indicators in a routine-test annex / in the body
    (requirements, test methods); the routine ones are dropped when the body has the key too."""
    if draft.key:
        cands = [j for j, r in enumerate(refs) if r.key == draft.key]
    else:
        p = re.sub(r"\s+", "", draft.parameter.lower())
        cands = [j for j, r in enumerate(refs) if p and re.sub(r"\s+", "", r.parameter.lower()) == p]
    if not cands and draft.key in RELATED:
        # a related parameter (surface temperature vs temperature rise): the closest one, to say why not
        rel = [j for j, r in enumerate(refs) if r.key in RELATED[draft.key] and _names_key(r)]
        words = _words(" ".join([draft.parameter, *draft.conditions, draft_context]))
        rel.sort(key=lambda j: -len(words & _words(" ".join([refs[j].parameter, *refs[j].conditions, (context or {}).get(j, "")]))))
        return rel[:60]  # the caller picks the one whose part and material fit (compare.select)
    if not cands:
        return cands
    # another unit dimension under the same key is nearly always an extraction slip (a condition read as
    # a limit): it is not paired; °C vs K and ordinal scales are judged (and explained) by `judge`
    cands = [j for j in cands if _same_dimension(draft, refs[j])]
    if routine and body and any(j in body for j in cands):
        cands = [j for j in cands if j not in routine]
    if len(cands) <= 1:
        return cands
    side = [j for j in cands if _side(refs[j]) == _side(draft)]
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


COND_MARGIN = 0.05


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


def narrow_by_conditions(draft: Indicator, refs: list[Indicator], cands: list[int], embedder,
                         context: dict[int, str] | None = None, draft_context: str = "") -> list[int]:
    """Among several counterparts for other parts/conditions (a table of limits per part), keep the closest.

    Conditions are compared by sentence embedding (any language); only used when every candidate
    states conditions that differ from each other, and not when they differ only by bands the
    draft does not state (then all are kept: see `differ_only_unstated`)."""
    if len(cands) < 2 or embedder is None or not draft.conditions:
        return cands
    if differ_only_unstated(draft, refs, cands, context, draft_context):
        return cands
    texts = ["; ".join(refs[j].conditions) for j in cands]
    if not all(texts) or len(set(texts)) < 2:
        return cands
    try:
        v = embedder.encode(["; ".join(draft.conditions)] + texts)
    except Exception as e:  # similarity is a refinement; keep every candidate when it fails
        log.debug("condition similarity skipped: %s", e)
        return cands
    sims = v[1:] @ v[0]
    top = float(sims.max())
    return [j for j, sv in zip(cands, sims, strict=True) if float(sv) >= top - COND_MARGIN]


SIM_THRESHOLD = 0.5  # cosine of the multilingual default model; unrelated parameters score ~0.1-0.4
SIM_WITH_WORDS = 0.3  # a lower similarity suffices when the texts share most of the draft parameter's words
SAME_CLAUSE_BONUS = 0.15  # an adoption keeps clause numbers (GB 13.2 = IEC 13.2)


def _text(ind: Indicator) -> str:
    """What is embedded: the parameter name (conditions are judged separately)."""
    return ind.parameter or ind.text[:80]


def pairing_text(ind: Indicator) -> str:
    """What is embedded to find a counterpart in any language: parameter and conditions, with the source
    sentence when the parameter alone is too short to say what is limited (起动时间, In height)."""
    param = (ind.parameter or "").strip()
    own = " ".join([param, *ind.conditions[:3]]).strip()
    short = len(param) < 6 if re.search(r"[\u4e00-\u9fff]", param) else len(param.split()) < 3
    if short and ind.text and ind.text.strip() != param:
        return f"{own} {ind.text[:120]}".strip()
    return own


def compatible(d: Indicator, r: Indicator) -> bool:
    """Same unit dimension and the same kind of bound (a range pairs with either), so the two can be judged."""
    return _same_dimension(d, r) and (_side(d) == _side(r) or "range" in (_side(d), _side(r)))


def similar_counterparts(draft_inds: list[Indicator], rows: list[int], ref_inds: list[Indicator],
                         have: dict[int, list[int]], embedder) -> dict[int, list[tuple[int, float]]]:
    """Counterparts by parameter similarity (sentence embeddings, any language) when keys do not pair them.

    Only when one side has no glossary key (two different keys never pair), only within one unit
    dimension, and only the best match above SIM_THRESHOLD."""
    todo = [i for i in rows if not have.get(i)]
    cand = [j for j, r in enumerate(ref_inds) if not r.key.startswith("\x00")]
    if not todo or embedder is None or not cand:
        return {}
    try:
        va = embedder.encode([_text(draft_inds[i]) for i in todo])
        vb = embedder.encode([_text(ref_inds[j]) for j in cand])
    except Exception as e:  # a model that fails must not stop the comparison
        log.warning("indicator similarity skipped: %s", e)
        return {}
    sim = va @ vb.T
    out: dict[int, list[tuple[int, float]]] = {}
    for a, i in enumerate(todo):
        d = draft_inds[i]
        best, best_j = SIM_THRESHOLD, None
        for b, j in enumerate(cand):
            r = ref_inds[j]
            if d.key and r.key and d.key != r.key:
                continue
            if not _same_dimension(d, r) or _side(d) != _side(r) and "range" not in (_side(d), _side(r)):
                continue
            score = float(sim[a, b]) + (SAME_CLAUSE_BONUS if clause_number(d) and clause_number(d) == clause_number(r) else 0.0)
            if score >= best:
                best, best_j = score, j
        if best_j is not None:
            out[i] = [(best_j, round(best, 3))]
    return out
