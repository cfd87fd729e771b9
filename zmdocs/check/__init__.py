"""Compliance check: a product's parameters against every limit of one or more standards.

`check_documents(product, docs)` takes each requirement-role limit of the standards, finds the
product parameters that state it (zmdocs.check.match) and judges pass / fail / not-comparable;
limits no parameter states, and parameters no limit covers, are `not-covered`. Values are
converted to the limit's unit with pint; a tolerance is judged on the deviation from its nominal.
"""

from __future__ import annotations

import logging

from zmdocs.check.judge import judge
from zmdocs.check.match import (
    EMBED_TAU,
    NAME_TAU,
    by_key,
    conditions_score,
    embedding_scores,
    name_score,
    names_of,
)
from zmdocs.check.result import Check, CheckResult, Limit
from zmdocs.check.spec import Param, ProductData, load_spec
from zmdocs.indicators.parallel_text import own_text
from zmdocs.model import Document, Indicator
from zmdocs.pairing import groups_agreement, heading_paths, subject_groups, text_subject_groups
from zmdocs.pairing import unit_dimension as dimension

__all__ = ["Check", "CheckResult", "Limit", "Param", "ProductData", "check_documents", "load_spec"]

log = logging.getLogger(__name__)
COND_TAU = 0.7


def limits_of(doc: Document) -> list[tuple[Indicator, Limit, list[str]]]:
    """The requirement limits of a prepared document, with their names (parameter, clause heading)."""
    clauses = {c.id: c for c in doc.clauses}
    out = []
    for ind in own_text(doc).indicators:
        if ind.role != "requirement":
            continue
        c = clauses.get(ind.clause or "")
        lim = Limit(doc.id, c.number if c else (ind.clause or ""), ind.comparator, ind.value, ind.min, ind.max,
                    ind.unit, ind.parameter, list(ind.conditions), ind.ordinal, ind.direction)
        out.append((ind, lim, names_of(ind.parameter, c.heading if c else "")))
    return out


def limit_subjects(doc: Document) -> list[dict[str, frozenset[str]]]:
    """The subjects (glossary `subjects:`, by group) of each limit of `limits_of(doc)`, read from its parameter,
    conditions, sentence and heading path with the table caption (zmdocs.pairing)."""
    inds = [ind for ind in own_text(doc).indicators if ind.role == "requirement"]
    return [subject_groups(ind, ctx) for ind, ctx in zip(inds, heading_paths(doc, inds), strict=True)]


def _subjects_differ(p: Param, limit_subj: dict[str, frozenset[str]]) -> bool:
    """The product row names another subject than the limit (手柄 vs windings; CO vs NOx)."""
    return bool(limit_subj) and groups_agreement(text_subject_groups(" ".join([p.parameter, *p.conditions])), limit_subj) < 0


def _pairs(params: list[Param], limits: list, model, subjects: list | None = None) -> dict[tuple[int, int], str]:
    """(param, limit) pairs and how they matched: key, name, or embedding (only for params without either);
    never a limit for another subject than the one the product row names (`subjects`: `limit_subjects`)."""
    found: dict[tuple[int, int], str] = {}
    subjects = subjects or [{} for _ in limits]
    for i, p in enumerate(params):
        for j, (ind, _, names) in enumerate(limits):
            if _subjects_differ(p, subjects[j]):
                continue
            if by_key(p.parameter, ind.key, names):
                found[(i, j)] = "key"
            elif name_score(p.parameter, names) >= NAME_TAU:
                found[(i, j)] = "name"
    rest = [i for i in range(len(params)) if not any(k[0] == i for k in found)]
    if rest and limits and model is not False:
        sims = embedding_scores([params[i].parameter for i in rest], [" ".join(n) for _, _, n in limits], model)
        for r, i in enumerate(rest):
            dim = dimension(params[i].unit)
            ok = [j for j, (_, lim, _) in enumerate(limits) if dimension(lim.unit) == dim
                  and not _subjects_differ(params[i], subjects[j])]
            best = max((float(sims[r, j]) for j in ok), default=0.0)
            if best >= EMBED_TAU:  # the best-named limits (variants of one name score alike), never a runner-up
                found.update({(i, j): "embedding" for j in ok if float(sims[r, j]) >= best - 0.02})
    return _best_named(found, params, limits)


def _best_named(found: dict[tuple[int, int], str], params: list[Param], limits: list, margin: float = 0.1):
    """Of the limits one parameter matched, keep those named about as well as the best-named one."""
    out = {}
    for i, p in enumerate(params):
        mine = {j: name_score(p.parameter, limits[j][2]) for (ii, j) in found if ii == i}
        best = max(mine.values(), default=0.0)
        for j, sc in mine.items():
            if best < 0.5 or sc >= best - margin:
                out[(i, j)] = found[(i, j)]
    return out


def _judge_all(p: Param, lims: list[tuple[int, Limit, str]]) -> list[Check]:
    """Judge one parameter on its limits; with stated conditions, limits for other conditions are not comparable."""
    scores = {j: conditions_score(p.conditions, lim.conditions) for j, lim, _ in lims}
    some = any(sc >= COND_TAU for sc in scores.values())
    out = []
    for j, lim, how in lims:
        if some and lim.conditions and scores[j] < COND_TAU:
            out.append(Check(p.parameter, p.value, p.unit, "not-comparable", lim, "conditions-differ",
                             {"conditions": lim.conditions, "product_conditions": p.conditions}, how))
        else:
            out.append(judge(p, lim, how))
    return out


def check_documents(product: ProductData, docs: list[Document], model=None) -> CheckResult:
    """Judge every limit of `docs` on the product. `model`: embedding model name, an Embedder, None
    (the default model) or False (no embeddings: glossary keys and names only)."""
    limits = [x for d in docs for x in limits_of(d)]
    pairs = _pairs(product.params, limits, model, [x for d in docs for x in limit_subjects(d)])
    out = CheckResult(product.name, [d.id for d in docs])
    judged: dict[tuple[int, int], Check] = {}
    for i, p in enumerate(product.params):
        lims = [(j, limits[j][1], how) for (ii, j), how in sorted(pairs.items()) if ii == i]
        for (j, _, _), c in zip(lims, _judge_all(p, lims), strict=True):
            judged[(i, j)] = c
    for j, (_, lim, names) in enumerate(limits):
        ps = sorted(i for (i, jj) in pairs if jj == j)
        if not ps:
            out.checks.append(Check(names[-1] if len(names) > 1 else lim.parameter, None, "", "not-covered", lim,
                                    "no-product-value"))
        out.checks += [judged[(i, j)] for i in ps]
    for i, p in enumerate(product.params):
        if not any(k[0] == i for k in pairs):
            out.checks.append(Check(p.parameter, p.value, p.unit, "not-covered", None, "no-limit"))
    return out
