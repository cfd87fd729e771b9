"""Benchmarking (对标): compare a draft B-standard's indicators with references and judge its level.

`compare_documents` works on prepared Documents (indicators extracted by `zmdocs.app.prepare`)
and ProductSpecs from CSV/YAML; loading files is `zmdocs.app.compare_files`. Per draft indicator: counterparts in
every reference (same parameter key, else text similarity), values in the draft's unit, a result
(stricter / equal / looser / not-comparable / new); indicators only references have are `missing`.
The level verdict follows a replaceable rules file (`data/rules.yaml`).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from zmdocs.compare.adoption import fold, links
from zmdocs.compare.evidence import evidence as _evidence
from zmdocs.compare.leftovers import pair_leftovers
from zmdocs.compare.level import INSUFFICIENT, judge_levels
from zmdocs.compare.missing import find_missing
from zmdocs.compare.names import named_from_headings, own_heading
from zmdocs.compare.pairing import (
    BODY_KINDS,
    clause_kind,
    find_clause,
    heading_context,
    is_requirement,
    is_routine_test,
    key_counterparts,
    read_key_list,
    select_keys,
)
from zmdocs.compare.product import ProductSpec, load_product
from zmdocs.compare.result import Comparison, Counterpart, Reason, RefInfo, Row, Value
from zmdocs.compare.rules import Rules, load_rules
from zmdocs.compare.select import affinity, choose, condition_evidence, same_slot, sentence_slots
from zmdocs.compare.strictness import NOT_COMPARABLE, RESULT_ORDER, judge
from zmdocs.compare.tiers import tier_of
from zmdocs.compare.values import canonical, conversion, from_canonical
from zmdocs.errors import CompareError, ModelError
from zmdocs.model import Document, Indicator
from zmdocs.pairing import SIM_WITH_WORDS, compatible, pairing_text, similarity_match, title_subject
from zmdocs.text.gridpoints import point_tag
from zmdocs.text.stdnum import family_of

log = logging.getLogger(__name__)

__all__ = ["compare_documents", "load_rules", "load_product", "Comparison", "ProductSpec"]


_MODEL_ERRORS = (ModelError, ImportError, OSError, ValueError)  # what loading or running an embedding model raises
WEAK_KEY_MARGIN = 0.25  # similarity by which a keyless limit must beat key counterparts that read unlike the draft
_HIDDEN = Indicator(parameter="", comparator="=", key="\x00hidden")  # stands in for non-requirement indicators


def _value(ind: Indicator) -> Value:
    return Value(ind.comparator, ind.value, ind.min, ind.max, ind.unit)


def _in_unit(ref: Indicator, draft: Indicator) -> Value:
    """The reference's limit written in the draft's unit (unchanged when they do not convert)."""
    if ref.ordinal or not draft.unit or ref.unit == draft.unit:
        return _value(ref)
    cr, cd = canonical(ref), canonical(draft)
    dunit, _, _ = conversion(draft.unit)
    if cr.unit is None or cr.unit != cd.unit or not dunit:
        return _value(ref)
    if cd.unit == "K" and dunit == "°C":  # a rise written in °C: K and °C steps are the same size
        return Value(ref.comparator, cr.value, cr.min, cr.max, draft.unit)
    return Value(ref.comparator, from_canonical(cr.value, draft.unit), from_canonical(cr.min, draft.unit),
                 from_canonical(cr.max, draft.unit), draft.unit)


def _embedder_factory(model):
    state: dict = {}

    def get():
        if model in (None, False, "none", "off"):
            return None
        if "e" not in state:
            try:
                from zmdocs.embed import get_embedder

                state["e"] = get_embedder(model, cache=True) if isinstance(model, str) else model
            except _MODEL_ERRORS as e:  # similarity pairing is a bonus; key pairing still works
                log.warning("indicator similarity disabled (%s)", e)
                state["e"] = None
        return state["e"]

    return get


def _readable_condition(c: str) -> bool:
    from zmdocs.compare.conditions import signature

    sg = signature([c])
    return bool(sg.tags or sg.quantities or sg.bands)


def _usable(ref, r: Indicator) -> bool:
    """A reference indicator that can be a counterpart: in a requirements/other chapter, not a note or example;
    or a limit a definition sets (the chromaticity area of "Red", which a requirement naming the colour applies)."""
    role = getattr(r, "role", "requirement")
    if role == "requirement" and clause_kind(ref, r) == "terms":
        return True
    return is_requirement(ref, r) and role != "informative"


def _test_condition(ref, r: Indicator) -> bool:
    """A test condition of the reference's test chapter (试验环境): a counterpart for a draft's test condition only."""
    return getattr(r, "role", "") == "test-condition" and clause_kind(ref, r) == "test-methods"


_TEST_CONDITIONS_RE = re.compile(r"试验环境|试验条件|测试条件|测试环境|test (?:conditions|environment)|Prüfbedingungen|"
                                 r"conditions d.essai", re.I)


def _sets_test_conditions(d: Indicator, dctx: str) -> bool:
    """A draft row that is a test condition, or a limit under a heading about the test conditions."""
    return getattr(d, "role", "") == "test-condition" or bool(_TEST_CONDITIONS_RE.search(dctx or ""))


def _doc_ambient(doc, inds: list[Indicator]) -> float | None:
    """The draft's general ambient temperature (its test conditions), for surface temperatures vs rises."""
    from zmdocs.compare.strictness import ambient_of

    for ind in inds:
        v = ambient_of([ind.text or ""])
        if v is None and ind.key == "ambient_temperature" and isinstance(ind.value, (int, float)):
            v = float(ind.value)
        if v is not None:
            return v
    return None


class _Sims:
    """Embedding similarity of draft rows and reference indicators: parameter + conditions, and headings."""

    def __init__(self, embedder, dinds, row_idx, dctx):
        self.emb, self.rows = embedder, list(row_idx)
        self.pos = {i: k for k, i in enumerate(self.rows)}
        self.da = self._enc([pairing_text(dinds[i]) for i in self.rows])
        self.dc = self._enc([dctx[i] for i in self.rows])

    def _enc(self, texts):
        if self.emb is None or not texts:
            return None
        try:
            return self.emb.encode([t or "-" for t in texts])
        except _MODEL_ERRORS as e:  # a model that fails to load or encode must not stop the comparison
            log.warning("indicator similarity skipped: %s", e)
            self.emb = None
            return None

    def prepare_conditions(self, dinds, rinds) -> None:
        """Embed the draft's free-text conditions and every reference condition once (for part names, states)."""
        self.vec: dict[str, object] = getattr(self, "vec", {})
        texts = {c[:200] for r in rinds for c in r.conditions if c} | {c[:200] for i in self.rows for c in dinds[i].conditions if c}
        todo = sorted(t for t in texts if t not in self.vec)
        enc = self._enc(todo) if todo else None
        if enc is not None:
            self.vec.update(zip(todo, enc, strict=True))

    def condition_sim(self, d: Indicator, r: Indicator) -> float | None:
        """Best cosine between a free-text condition of the draft and a condition of the reference limit."""
        vec = getattr(self, "vec", {})
        mine = [vec.get(c[:200]) for c in d.conditions if c and not _readable_condition(c)]
        theirs = [vec.get(c[:200]) for c in r.conditions if c]
        mine, theirs = [v for v in mine if v is not None], [v for v in theirs if v is not None]
        if not mine or not theirs:
            return None
        return max(float(a @ b) for a in mine for b in theirs)

    def matrix(self, rinds, ctx):
        """rows × reference indicators (None without a model)."""
        if self.da is None:
            return None
        ra = self._enc([pairing_text(r) for r in rinds])
        rc = self._enc([ctx.get(j, "") for j in range(len(rinds))])
        if ra is None or rc is None:
            return None
        return 0.6 * (self.da @ ra.T) + 0.4 * (self.dc @ rc.T)


def _candidates(d: Indicator, i: int, req: list[Indicator], rinds, ctx, dctx, routine, body, sim_row,
                heads=None) -> list[tuple[int, float | None]]:
    """Key counterparts plus the most similar keyless limits of one unit dimension (any language)."""
    cands = [(j, None) for j in key_counterparts(d, req, ctx, dctx, routine, body, heads)]
    if sim_row is not None:
        have = {j for j, _ in cands}
        # a key that several parts share (cycles of a thermostat and of a connector) is weak evidence when
        # every key counterpart reads unlike the draft: a far more similar keyless limit may then compete
        key_sim = max((float(sim_row[j]) for j in have), default=None)
        weak = key_sim is not None and key_sim < SIM_WITH_WORDS
        extra = []
        point = point_tag(d.conditions)[0]
        for j, r in enumerate(req):
            if j in have or r.key.startswith("\x00") or (j in routine and body):
                continue
            if point and (r.conditions and point_tag(r.conditions)[0] or point) != point:
                continue  # a limit at another test point of a grid is never this point's counterpart
            s = float(sim_row[j])
            score = similarity_match(d, r, s, dctx, ctx.get(j, ""))
            if score is None and weak and s >= max(SIM_WITH_WORDS, key_sim + WEAK_KEY_MARGIN) and not r.key \
                    and compatible(d, r):
                score = s
            if score is not None:
                extra.append((j, round(score, 3)))
        extra.sort(key=lambda x: -x[1])
        cands += extra[:3 if cands else 5]
    roles = {getattr(rinds[j], "role", "requirement") for j, _ in cands}
    mine = getattr(d, "role", "requirement")
    if mine in roles and len(roles) > 1:  # like with like: a limit with a limit, a test condition with a test condition
        cands = [(j, s) for j, s in cands if getattr(rinds[j], "role", "requirement") == mine]
    return cands


def _pair_reference(ref, tier: str, is_found: bool, dinds, row_idx, dctx, rows, sims, ambient, lang: str = "") -> set[int]:
    """Pair every draft row with its one applicable counterpart in `ref`; returns the reference indices used."""
    rinds = ref.indicators
    ctx = {j: heading_context(ref, r) for j, r in enumerate(rinds)}
    heads = {j: own_heading(lambda c: find_clause(ref, c), r) for j, r in enumerate(rinds)}
    req = [r if _usable(ref, r) else _HIDDEN for r in rinds]
    req_tc = [r if _usable(ref, r) or _test_condition(ref, r) else _HIDDEN for r in rinds]  # like with like
    routine = {j for j, r in enumerate(rinds) if is_routine_test(ref, r)}
    body = {j for j, r in enumerate(rinds) if clause_kind(ref, r) in BODY_KINDS}
    mat = sims.matrix(rinds, ctx) if sims is not None else None
    if mat is not None:
        sims.prepare_conditions(dinds, rinds)
    used: set[int] = set()
    mine, theirs = sentence_slots(dinds), sentence_slots(rinds)
    for i in row_idx:
        d = dinds[i]
        sim_row = mat[sims.pos[i]] if mat is not None else None
        cands = []
        mine_req = req_tc if _sets_test_conditions(d, dctx[i]) else req
        for j, score in _candidates(d, i, mine_req, rinds, ctx, dctx[i], routine, body, sim_row, heads):
            jd = _judge(d, rinds[j], dctx[i], ctx[j], ambient)
            sim = float(sim_row[j]) if sim_row is not None else None
            part = sims.condition_sim(d, rinds[j]) if mat is not None else None
            sim = None if sim is None else sim + condition_evidence(part)
            cands.append({"j": j, "score": score, "judgement": jd, "affinity": affinity(d, rinds[j], dctx[i], ctx[j], sim)})
        chosen, _ = choose(same_slot(cands, mine[i], theirs), d)
        others = [c for c in cands if c is not chosen]
        if log.isEnabledFor(logging.DEBUG):
            log.debug("pair %s %s: %s", d.parameter, d.value, [(rinds[c["j"]].clause, rinds[c["j"]].value, round(c["affinity"], 3),
                                                                  c["judgement"].result) for c in cands])
        if chosen is None:
            continue
        used.add(chosen["j"])  # the alternatives are not used: a limit for another part the draft lacks is still missing
        _add_counterpart(rows[i], ref, tier, is_found, d, chosen["j"], chosen["judgement"], chosen["score"],
                         [o["j"] for o in others])
    if mat is not None and lang and getattr(ref, "lang", "") not in ("", lang):  # across languages: a row still alone takes its clearly most similar free limit
        alone = [i for i in row_idx if not any(c.doc == ref.id for c in rows[i].counterparts)]
        for i, j, s in pair_leftovers(dinds, alone, req, lambda i, j: mat[sims.pos[i]][j], dctx, ctx, used):
            used.add(j)
            _add_counterpart(rows[i], ref, tier, is_found, dinds[i], j, _judge(dinds[i], rinds[j], dctx[i], ctx[j], ambient),
                             round(s, 3), [])
    return used


def _add_counterpart(row: Row, ref, tier: str, is_found: bool, d: Indicator, j: int, jd, score, others: list[int]) -> None:
    rinds = ref.indicators
    row.counterparts.append(Counterpart(
        doc=ref.id, tier=tier, parameter=rinds[j].parameter, value=_in_unit(rinds[j], d),
        original=_value(rinds[j]), evidence=_evidence(ref, rinds[j]), result=jd.result, reason=jd.reason,
        margin=jd.margin, margin_kind=jd.margin_kind, found=is_found, score=score, code=jd.code,
        params=jd.params, alternatives=[_evidence(ref, rinds[o]) for o in others][:6]))


def _own_texts(draft, refs: list) -> tuple:
    """Draft and references without their translation columns' indicators, so a bilingual standard counts once."""
    from zmdocs.indicators.parallel_text import own_text  # the extractor package is heavy: loaded on use

    return own_text(draft), [own_text(r) for r in refs]


def compare_documents(draft: Document, refs: list[Document | ProductSpec], key_indicators: list[str] | str | Path | None = None,
                      rules: Rules | str | Path | None = None, model=None, found: set[str] | None = None) -> Comparison:
    """Compare the draft's indicators with every reference and judge the level."""
    rules = rules if isinstance(rules, Rules) else load_rules(rules)
    list_name = "key-indicator list"
    if isinstance(key_indicators, (str, Path)):
        list_name = str(key_indicators)
        key_indicators = read_key_list(key_indicators)
    found, (draft, refs) = found or set(), _own_texts(draft, refs)
    get_embedder = _embedder_factory(model)
    dinds = [named_from_headings(lambda c: find_clause(draft, c), i) for i in draft.indicators]  # 'Maximum: 160 cd'
    warnings: list[str] = []
    if not dinds:
        msg = (f"{draft.source or draft.id}: no technical indicators found in the draft — check that it is a standard "
               "with limits (e.g. 泄漏电流不大于0.5 mA) and that the file's text can be extracted")
        if not any(c.number and c.number[0].isdigit() for c in getattr(draft, "clauses", [])):
            raise CompareError(msg)  # not a standard at all
        warnings.append(msg)  # a standard without limits: insufficient evidence, reported
    row_idx = [i for i, ind in enumerate(dinds) if is_requirement(draft, ind) and getattr(ind, "role", "requirement") != "informative"]
    keys, key_source = select_keys(draft, dinds, row_idx, key_indicators, list_name) if dinds else (set(), "default")
    row_idx = sorted(set(row_idx) | keys)
    rows = {i: Row(n=0, parameter=dinds[i].parameter, key=dinds[i].key, is_key=i in keys, draft=_value(dinds[i]),
                   evidence=_evidence(draft, dinds[i]), conditions=list(dinds[i].conditions)) for i in row_idx}
    dctx = {i: heading_context(draft, dinds[i]) for i in row_idx}
    about = title_subject(draft.title or "", list(dctx.values()))  # a draft about one lamp, part… named in its title
    dctx = {i: f"{c} {about}".strip() for i, c in dctx.items()} if about else dctx
    emb = get_embedder() if row_idx else None
    sims = _Sims(emb, dinds, row_idx, dctx) if emb is not None else None
    ambient = _doc_ambient(draft, dinds)
    ref_infos, paired_ref = [], {}
    for ref in refs:
        tier = tier_of(ref)
        if tier != "product" and not (getattr(ref, "family", "") or family_of(ref.id)):
            warnings.append(f"cannot tell the family of {ref.id} ({getattr(ref, 'source', '')}): treated as a foreign standard")
        rinds = ref.indicators
        is_found = ref.id in found
        ref_infos.append(RefInfo(ref.id, getattr(ref, "title", "") or "", tier,
                                 getattr(ref, "family", "") or family_of(ref.id), getattr(ref, "source", ""), is_found, len(rinds)))
        if not rinds:
            warnings.append(f"no indicators found in {ref.id}")
            continue
        paired_ref[ref.id] = _pair_reference(ref, tier, is_found, dinds, row_idx, dctx, rows, sims, ambient, draft.lang)
    adoptions = links(refs, ref_infos)
    fold(list(rows.values()), ref_infos, adoptions)
    counted = {t for lv in rules.levels for t in lv.against}
    for r in rows.values():
        _finish_row(r, counted)
    ordered = _table(draft, dinds, row_idx, rows)
    missing = find_missing(dinds, refs, paired_ref, found, adoptions)
    info = {r.tier for r in ref_infos}
    from zmdocs.compare.tiers import TIERS

    verdict, checks, tier_verdicts = judge_levels(ordered, rules, [t for t in TIERS if t in info])
    labels = next((dict(c.label) for c in checks if c.id == verdict), None)
    if labels is None:
        labels = {} if verdict == INSUFFICIENT else dict(rules.not_reached)  # the report words insufficient evidence
    return Comparison(
        draft=RefInfo(draft.id, draft.title, tier_of(draft), draft.family or family_of(draft.id), draft.source, False, len(dinds)),
        refs=ref_infos, rows=ordered, missing=missing, levels=checks, verdict=verdict, verdict_labels=labels,
        tier_verdicts=tier_verdicts, key_source=key_source, rules_source=rules.source, warnings=warnings)


def _table(draft, dinds: list[Indicator], row_idx: list[int], rows: dict[int, Row]) -> list[Row]:
    """The table: key indicators, plus other indicators that have a counterpart; in document order, numbered."""
    pos = {c.id: k for k, c in enumerate(draft.clauses)}
    shown = [i for i in row_idx if rows[i].is_key or any(c.result != NOT_COMPARABLE for c in rows[i].counterparts)]
    ordered = [rows[i] for i in sorted(shown, key=lambda i: (not rows[i].is_key, pos.get(dinds[i].clause or "", 1 << 30), i))]
    for n, r in enumerate(ordered, 1):
        r.n = n
    return ordered


def _judge(a: Indicator, b: Indicator, actx: str = "", bctx: str = "", ambient: float | None = None):
    """`judge`, but an indicator the extractor filled oddly gives "not comparable", never a traceback."""
    try:
        return judge(a, b, actx, bctx, ambient)
    except (TypeError, ValueError, KeyError, ArithmeticError) as e:  # a str value where a number was expected, a partial dict…
        log.warning("cannot compare %r with %r: %s", (a.text or "")[:60], (b.text or "")[:60], e)
        from zmdocs.compare.strictness import Judgement

        return Judgement(NOT_COMPARABLE, Reason("could-not-compare", {"error": type(e).__name__}))


def _finish_row(r: Row, counted: set[str]) -> None:
    """Overall and per-tier results against the strictest counterpart; the margin for the chart.

    The overall result uses the tiers the rules count (standards by default); products decide it
    only when nothing else is there."""
    if any(c.result in RESULT_ORDER for c in r.counterparts):  # a unit slip elsewhere is noise, not a finding
        r.counterparts = [c for c in r.counterparts if c.code != "different-dimensions"]
    if not r.counterparts:
        r.result, r.reason = "new", Reason("row.new")
        return
    pool = [k for k, c in enumerate(r.counterparts) if c.tier in counted] or list(range(len(r.counterparts)))
    comparable = [k for k in pool if r.counterparts[k].result in RESULT_ORDER]
    for tier in dict.fromkeys(c.tier for c in r.counterparts):
        res = [c.result for c in r.counterparts if c.tier == tier and c.result in RESULT_ORDER]
        r.tiers[tier] = min(res, key=RESULT_ORDER.__getitem__) if res else NOT_COMPARABLE
    if not comparable:
        r.result = NOT_COMPARABLE
        items = [{"doc": r.counterparts[k].doc, "reason": r.counterparts[k].reason} for k in pool]
        r.reason = Reason("row.not-comparable", {"items": [x for n, x in enumerate(items) if x not in items[:n]]})
        return

    def strictness(k: int):
        c = r.counterparts[k]
        return (RESULT_ORDER[c.result], c.margin if c.margin is not None else 0.0)

    k = min(comparable, key=strictness)
    c = r.counterparts[k]
    r.strictest, r.result, r.margin, r.margin_kind = k, c.result, c.margin, c.margin_kind
    r.reason = Reason("row.against", {"doc": c.doc, "clause": c.evidence.clause, "reason": c.reason})
