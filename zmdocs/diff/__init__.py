"""Edition diff: what changed from one edition of a standard (or a draft) to the next.

`diff_documents(old, new)` matches clauses (text similarity, optionally embeddings), then
indicators within matched clauses, then the rows of matched tables, and returns an
`EditionDiff` of clause-added/-deleted/-renumbered/-changed, indicator-changed/-added/-deleted/
-moved and row-added/-deleted/-changed changes in the new document's order. The wording of the
foreword's list of main technical changes is `zmdocs.report.diff`.
"""

from __future__ import annotations

import logging

from zmdocs.diff.clauses import clause_changes, match_clauses, old_positions, units
from zmdocs.diff.indicators import indicator_changes
from zmdocs.diff.result import Change, ClausePair, EditionDiff
from zmdocs.diff.tables import match_tables, row_changes
from zmdocs.model import Document

__all__ = ["Change", "ClausePair", "EditionDiff", "diff_documents"]

log = logging.getLogger(__name__)


def _embedder(model):
    if model is None:
        return None
    from zmdocs.embed import Embedder, get_embedder

    return model if isinstance(model, Embedder) else get_embedder(model, cache=True)


def diff_documents(old: Document, new: Document, model=None,
                   roles: tuple[str, ...] = ("requirement", "test-condition")) -> EditionDiff:
    """The changes from prepared `old` to `new`. `model`: None (text similarity only), a model name or an Embedder."""
    ua, ub = units(old), units(new)
    m = match_clauses(ua, ub, embed=_embedder(model))
    changes, pairs = clause_changes(ua, ub, m)
    clause_map = {ua[i].number: ub[j].number for i, j in m.items()}
    order_of = {u.number: u.index for u in ub}
    table_map = match_tables(old, new, clause_map)
    cid_old = {c.id: c.number for c in old.clauses}
    cid_new = {c.id: c.number for c in new.clauses}
    t_old = {t.number or t.id: t for t in old.tables}
    t_new = {t.number or t.id: t for t in new.tables}
    clause_of = {x: (cid_old.get(t_old[x].clause or "", ""), cid_new.get(t_new[y].clause or "", ""))
                 for x, y in table_map.items()}
    changes += indicator_changes(old, new, clause_map, order_of, old_positions(ua, m), table_map, roles)
    changes += row_changes(old, new, table_map, clause_of, order_of)
    changes = _drop_explained(changes)
    changes.sort(key=lambda c: c.order)
    return EditionDiff(old_id=old.id, new_id=new.id, old_title=old.title, new_title=new.title,
                       old_year=old.year, pairs=pairs, changes=changes)


def _drop_explained(changes: list[Change], tau: float = 0.7) -> list[Change]:
    """A clause whose text changed little, and whose limits changed, is listed by its limits only."""
    with_limits = {(c.old_clause, c.new_clause) for c in changes if c.kind == "indicator-changed"}
    return [c for c in changes if not (c.kind == "clause-changed" and (c.old_clause, c.new_clause) in with_limits
                                       and (c.similarity or 0) >= tau)]
