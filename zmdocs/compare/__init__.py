"""Benchmarking (对标): compare a draft B-standard's indicators with references and judge its level.

`compare_files(draft_path, ref_paths, ...)` parses, extracts and compares; `compare_documents`
works on parsed Documents (and ProductSpecs from CSV/YAML). Per draft indicator: counterparts in
every reference (same parameter key, else text similarity), values in the draft's unit, a result
(stricter / equal / looser / not-comparable / new); indicators only references have are `missing`.
The level verdict follows a replaceable rules file (`data/rules.yaml`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from zmdocs.compare.level import judge_levels
from zmdocs.compare.pairing import (
    BODY_KINDS,
    clause_kind,
    clause_number,
    find_clause,
    heading_context,
    is_requirement,
    is_routine_test,
    key_counterparts,
    narrow_by_conditions,
    read_key_list,
    select_keys,
    similar_counterparts,
)
from zmdocs.compare.product import ProductSpec, is_product_file, load_product
from zmdocs.compare.result import Comparison, Counterpart, Evidence, Missing, RefInfo, Row, Value
from zmdocs.compare.rules import Rules, load_rules
from zmdocs.compare.strictness import NOT_COMPARABLE, RESULT_ORDER, judge
from zmdocs.compare.tiers import family_of, tier_of
from zmdocs.compare.values import canonical, conversion, from_canonical
from zmdocs.errors import CompareError
from zmdocs.model import Document, Indicator

log = logging.getLogger(__name__)

__all__ = ["compare_documents", "compare_files", "load_rules", "load_product", "Comparison", "ProductSpec"]


_HIDDEN = Indicator(parameter="", comparator="=", key="\x00hidden")  # stands in for non-requirement indicators


def _indicators(doc) -> list[Indicator]:
    if doc.indicators or isinstance(doc, ProductSpec):
        return doc.indicators
    try:
        from zmdocs.indicators import extract_document
    except ImportError:  # pragma: no cover - the extractor ships with zmdocs
        return []
    doc.indicators = extract_document(doc)
    return doc.indicators


def _evidence(doc, ind: Indicator) -> Evidence:
    page = ind.page
    if page is None:
        c = find_clause(doc, ind.clause)
        page = c.page if c else None
    return Evidence(doc=doc.id, clause=clause_number(ind), page=page, text=_quote(doc, ind),
                    source=getattr(doc, "source", ""), origin=dict(ind.origin or {}))


def _quote(doc, ind: Indicator) -> str:
    """The source text; for a table cell, the table, its row and column headers and the cell."""
    text = ind.text or ind.parameter
    o = ind.origin or {}
    if o.get("type") != "table" or not isinstance(doc, Document):
        return text
    t = next((t for t in doc.tables if t.number == str(o.get("table")) and (not ind.clause or t.clause in (None, ind.clause))),
             None) or next((t for t in doc.tables if t.number == str(o.get("table"))), None)
    r, c = o.get("row"), o.get("col")
    if t is None or r is None or c is None or r >= len(t.rows) or c >= len(t.rows[r]):
        return text
    label = {"zh": "表", "ja": "表", "de": "Tabelle ", "fr": "Tableau "}.get(doc.lang, "Table ") + t.number + (f" {t.caption}" if t.caption else "")
    heads = [h[c] for h in t.header if c < len(h) and h[c]]
    row_head = t.rows[r][0] if c > 0 else ""
    parts = [p for p in dict.fromkeys([row_head, *heads]) if p]
    return f"{label}: {' | '.join(parts)} → {t.rows[r][c]}"


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
            except Exception as e:  # similarity pairing is a bonus; key pairing still works
                log.warning("indicator similarity disabled (%s)", e)
                state["e"] = None
        return state["e"]

    return get


def compare_documents(draft: Document, refs: list[Document | ProductSpec], key_indicators: list[str] | str | Path | None = None,
                      rules: Rules | str | Path | None = None, model=None, found: set[str] | None = None) -> Comparison:
    """Compare the draft's indicators with every reference and judge the level."""
    rules = rules if isinstance(rules, Rules) else load_rules(rules)
    list_name = "key-indicator list"
    if isinstance(key_indicators, (str, Path)):
        list_name = str(key_indicators)
        key_indicators = read_key_list(key_indicators)
    found = found or set()
    get_embedder = _embedder_factory(model)
    dinds = _indicators(draft)
    row_idx = [i for i, ind in enumerate(dinds) if is_requirement(draft, ind)]
    keys, key_source = select_keys(draft, dinds, row_idx, key_indicators, list_name)
    row_idx = sorted(set(row_idx) | keys)
    warnings: list[str] = []
    if not dinds:
        raise CompareError(f"{draft.source or draft.id}: no technical indicators found in the draft — check that it is a "
                           "standard with limits (e.g. 泄漏电流不大于0.5 mA) and that the file's text can be extracted")

    ref_infos = []
    rows = {i: Row(n=0, parameter=dinds[i].parameter, key=dinds[i].key, is_key=i in keys, draft=_value(dinds[i]),
                   evidence=_evidence(draft, dinds[i])) for i in row_idx}
    paired_ref: dict[str, set[int]] = {}
    dctx = {i: heading_context(draft, dinds[i]) for i in row_idx}
    for ref in refs:
        tier = tier_of(ref)
        if tier != "product" and not (getattr(ref, "family", "") or family_of(ref.id)):
            warnings.append(f"cannot tell the family of {ref.id} ({getattr(ref, 'source', '')}): treated as a foreign standard")
        rinds = _indicators(ref)
        is_found = ref.id in found
        ref_infos.append(RefInfo(ref.id, getattr(ref, "title", "") or "", tier,
                                 getattr(ref, "family", "") or family_of(ref.id), getattr(ref, "source", ""), is_found, len(rinds)))
        if not rinds:
            warnings.append(f"no indicators found in {ref.id}")
            continue
        ctx = {j: heading_context(ref, r) for j, r in enumerate(rinds)}
        req = [r if is_requirement(ref, r) else _HIDDEN for r in rinds]  # test conditions are not limits
        routine = {j for j, r in enumerate(rinds) if is_routine_test(ref, r)}
        body = {j for j, r in enumerate(rinds) if clause_kind(ref, r) in BODY_KINDS}
        pairs: dict[int, list[tuple[int, float | None]]] = {}
        for i in row_idx:
            cands = key_counterparts(dinds[i], req, ctx, dctx[i], routine, body)
            if len(cands) > 1:
                cands = narrow_by_conditions(dinds[i], req, cands, get_embedder(), ctx, dctx[i])
            pairs[i] = [(j, None) for j in cands]
        have = {i: [j for j, _ in v] for i, v in pairs.items()}
        if any(not v for v in have.values()):
            for i, extra in similar_counterparts(dinds, row_idx, req, have, get_embedder()).items():
                pairs[i].extend(extra)
        judged = {(i, j): _judge(dinds[i], rinds[j], dctx[i], ctx[j]) for i, cands in pairs.items() for j, _ in cands}
        # a reference limit that fits one draft row is not also "not comparable" with its sibling rows
        # written for other conditions (class I vs class II, ≤1 kW vs >1 kW)
        fits = {j for (i, j), jd in judged.items() if jd.result != NOT_COMPARABLE}
        used = paired_ref.setdefault(ref.id, set())
        for i, cands in pairs.items():
            for j, score in cands:
                j_ = judged[(i, j)]
                if j in fits and j_.result == NOT_COMPARABLE and j_.reason.startswith("different") and "conditions" in j_.reason:
                    continue
                used.add(j)
                rows[i].counterparts.append(Counterpart(
                    doc=ref.id, tier=tier, parameter=rinds[j].parameter, value=_in_unit(rinds[j], dinds[i]),
                    original=_value(rinds[j]), evidence=_evidence(ref, rinds[j]), result=j_.result, reason=j_.reason,
                    margin=j_.margin, margin_kind=j_.margin_kind, found=is_found, score=score))
    counted = {t for lv in rules.levels for t in lv.against}
    for r in rows.values():
        _finish_row(r, counted)
    # the table: key indicators, plus other indicators that have a counterpart; in document order
    pos = {c.id: k for k, c in enumerate(draft.clauses)}
    shown = [i for i in row_idx if rows[i].is_key or any(c.result != NOT_COMPARABLE for c in rows[i].counterparts)]
    ordered = [rows[i] for i in sorted(shown, key=lambda i: (not rows[i].is_key, pos.get(dinds[i].clause or "", 1 << 30), i))]
    for n, r in enumerate(ordered, 1):
        r.n = n
    missing = _missing(dinds, refs, paired_ref, found)
    info = {r.tier for r in ref_infos}
    from zmdocs.compare.tiers import TIERS

    verdict, checks, tier_verdicts = judge_levels(ordered, rules, [t for t in TIERS if t in info])
    labels = next((dict(c.label) for c in checks if c.id == verdict), dict(rules.not_reached))
    return Comparison(
        draft=RefInfo(draft.id, draft.title, tier_of(draft), draft.family or family_of(draft.id), draft.source, False, len(dinds)),
        refs=ref_infos, rows=ordered, missing=missing, levels=checks, verdict=verdict, verdict_labels=labels,
        tier_verdicts=tier_verdicts, key_source=key_source, rules_source=rules.source, warnings=warnings)


def _judge(a: Indicator, b: Indicator, actx: str = "", bctx: str = ""):
    """`judge`, but an indicator the extractor filled oddly gives "not comparable", never a traceback."""
    try:
        return judge(a, b, actx, bctx)
    except Exception as e:  # unexpected field contents from a document nobody has seen
        log.warning("cannot compare %r with %r: %s", a.text[:60], b.text[:60], e)
        from zmdocs.compare.strictness import Judgement

        return Judgement(NOT_COMPARABLE, f"could not compare ({type(e).__name__})")


def _finish_row(r: Row, counted: set[str]) -> None:
    """Overall and per-tier results against the strictest counterpart; the margin for the chart.

    The overall result uses the tiers the rules count (standards by default); products decide it
    only when nothing else is there."""
    if any(c.result in RESULT_ORDER for c in r.counterparts):  # a unit slip elsewhere is noise, not a finding
        r.counterparts = [c for c in r.counterparts if not c.reason.startswith("different dimensions")]
    if not r.counterparts:
        r.result, r.reason = "new", "no counterpart in any reference"
        return
    pool = [k for k, c in enumerate(r.counterparts) if c.tier in counted] or list(range(len(r.counterparts)))
    comparable = [k for k in pool if r.counterparts[k].result in RESULT_ORDER]
    for tier in dict.fromkeys(c.tier for c in r.counterparts):
        res = [c.result for c in r.counterparts if c.tier == tier and c.result in RESULT_ORDER]
        r.tiers[tier] = min(res, key=RESULT_ORDER.__getitem__) if res else NOT_COMPARABLE
    if not comparable:
        r.result = NOT_COMPARABLE
        r.reason = "; ".join(dict.fromkeys(f"{r.counterparts[k].doc}: {r.counterparts[k].reason}" for k in pool))
        return

    def strictness(k: int):
        c = r.counterparts[k]
        return (RESULT_ORDER[c.result], c.margin if c.margin is not None else 0.0)

    k = min(comparable, key=strictness)
    c = r.counterparts[k]
    r.strictest, r.result, r.margin, r.margin_kind = k, c.result, c.margin, c.margin_kind
    r.reason = f"{c.doc} {c.evidence.clause}: {c.reason}".strip()


def _missing(dinds: list[Indicator], refs, paired: dict[str, set[int]], found: set[str]) -> list[Missing]:
    """Indicators references set that the draft lacks (by parameter key), once per document and limit."""
    draft_keys = {d.key for d in dinds if d.key}
    out, seen = [], set()
    for ref in refs:
        for j, ind in enumerate(ref.indicators):
            if not ind.key or ind.key in draft_keys or j in paired.get(ref.id, set()) or not is_requirement(ref, ind):
                continue
            sig = (ref.id, ind.key, ind.comparator, str(ind.value), ind.min, ind.max)
            if sig in seen:
                continue
            seen.add(sig)
            out.append(Missing(ind.parameter, ind.key, ref.id, tier_of(ref), _value(ind), _evidence(ref, ind), ref.id in found))
    return out


def _load_ref(path: str):
    if is_product_file(path):
        return load_product(path)
    from zmdocs.parse.registry import parse_file

    return parse_file(path)


def compare_files(draft_path, ref_paths, store=None, model=None, key_indicators=None, rules=None) -> Comparison:
    """Parse the draft and references (standards or product CSV/YAML), optionally find more in a store, compare."""
    from zmdocs.parse.registry import parse_file

    rules_obj = load_rules(rules)  # a bad rules file fails before any parsing
    if key_indicators:
        read_key_list(key_indicators)  # an unreadable or empty list fails before any parsing
    draft = parse_file(draft_path)
    refs = []
    paths = list(ref_paths)
    it = paths
    if len(paths) > 1:
        from tqdm import tqdm

        it = tqdm(paths, desc="parsing references", unit="file", leave=False)
    for p in it:
        refs.append(_load_ref(str(p)))
    found: set[str] = set()
    if store:
        from zmdocs.compare.store import find_counterparts

        _indicators(draft)  # the store is searched by the draft's parameters
        extra = find_counterparts(store, draft, refs, model=model)
        found = {d.id for d in extra}
        refs.extend(extra)
    return compare_documents(draft, refs, key_indicators=key_indicators, rules=rules_obj, model=model if model else "use-multilingual",
                             found=found)
