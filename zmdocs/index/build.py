"""What `zmdocs index` admits and reports: the not-a-standard rule, duplicate ids, store totals.

The run itself (walk folders, parse and prepare in worker processes, write) is orchestration and
lives in `zmdocs.app.index_paths`; this module only reads parsed documents and the store.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def store_model(store_dir: str | Path) -> str | None:
    """The model an existing store was built with (so `zmdocs index` without --model keeps it)."""
    from zmdocs.index.store import DB_NAME, connect, is_store, meta_get

    p = Path(store_dir).expanduser()
    if not is_store(p):
        return None
    con = connect(p / DB_NAME, readonly=True)
    try:
        return meta_get(con, "model")
    finally:
        con.close()


def store_totals(con) -> dict[str, int]:
    """Documents, clauses, vectors and indicators in the store, for the run summary."""
    totals = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM clauses),"
                         " (SELECT count(*) FROM vectors), (SELECT count(*) FROM indicators)").fetchone()
    return {"documents_total": totals[0], "clauses_total": totals[1], "vectors_total": totals[2],
            "indicators_total": totals[3]}


_NUMBERED = re.compile(r"^(?:(?:Annex|Anhang|Anlage|附录)\s*)?(?:[A-Z]{1,2}\.)?\d{1,3}(?:\.\d{1,3})*$|^§\s*\d+[a-z]?$", re.I)


def not_a_standard(doc: Any) -> str | None:
    """Why a parsed file is not taken for a standard (None when it is one).

    A standard has a clause structure: at least 2 numbered clauses (or a test report's table of
    clause rows). Notes, READMEs and markup sources have none and parse as one "body" clause,
    often with a standard number borrowed from their text; a file without a standard number of
    its own needs a clearer structure still (10 numbered clauses).
    """
    from zmdocs.index.writer import _row_clause_tables

    numbered = sum(1 for c in doc.clauses if _NUMBERED.match((c.number or "").strip()))
    if numbered < 2 and not _row_clause_tables(doc):
        return (f"not a standard: no clause structure ({numbered} numbered clause{'s' * (numbered != 1)}; "
                "notes, READMEs and markup sources look like this); pass --all to index it anyway")
    if not getattr(doc, "number", None) and numbered < 10:
        return (f"not a standard: no standard number and only {numbered} numbered clauses; "
                "pass --all to index it anyway")
    return None


def duplicate_ids(con) -> list[dict[str, Any]]:
    """Standard ids held by more than one indexed file: [{"doc", "paths"}], for the run summary."""
    rows = con.execute("SELECT doc_id, source FROM documents WHERE doc_id IN"
                       " (SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1) ORDER BY doc_id, source")
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(r[1])
    return [{"doc": d, "paths": p} for d, p in out.items()]
