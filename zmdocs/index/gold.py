"""Scoring search against a hand-judged query set (tests/data/search/real_queries.yaml).

The file names its documents by file (`corpora/...` relative to the project, `shared:...`
relative to the shared corpus folder) with their language; each query lists the relevant
(document key, clause number) pairs. A hit matches a pair when its source file has that
basename and its clause number is the pair's. Recall@k is the mean share of relevant pairs
found in the top k; the cross-lingual figure counts only pairs whose document language
differs from the query's (zh-Hant counts as zh).

`halves` splits the queries by position into a tune half (even) and a held-out half (odd):
tuning looks at the tune half's misses only, so the held-out figure estimates unseen queries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load(path: Path, root: Path, shared: Path) -> dict[str, Any]:
    """The query set with each document's absolute path resolved."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for d in data["documents"].values():
        f = d["file"]
        d["path"] = shared / f.removeprefix("shared:") if f.startswith("shared:") else root / f
    return data


def _base_lang(lang: str) -> str:
    return (lang or "").lower().split("-")[0]


def recall(store: Any, data: dict[str, Any], k: int = 5, cross_only: bool = True,
           **search_args: Any) -> tuple[float, int, list[str]]:
    """(recall@k, number of judged pairs, one line per query that missed something)."""
    docs = data["documents"]
    queries = data["queries"]
    results = store.search_many([q["q"] for q in queries], top=k, **search_args)
    found = total = 0
    misses = []
    for q, res in zip(queries, results, strict=True):
        got = {(Path(r.get("source") or "").name, str(r["clause"])) for r in res[:k]}
        want = [(docs[d]["path"].name, str(c)) for d, c in q["relevant"]
                if not cross_only or _base_lang(docs[d]["lang"]) != _base_lang(q["lang"])]
        hit = [w for w in want if w in got]
        found += len(hit)
        total += len(want)
        if len(hit) < len(want):
            misses.append(f"{q['q']}: missed {sorted(set(want) - set(hit))}; got {[(r['doc'], r['clause']) for r in res[:k]]}")
    return (found / total if total else 0.0), total, misses


def halves(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(tune, held-out): the query set split by query position (even, odd), documents shared."""
    qs = data["queries"]
    return {**data, "queries": qs[0::2]}, {**data, "queries": qs[1::2]}


def check_pairs(store: Any, data: dict[str, Any]) -> list[str]:
    """Judged pairs that name no clause of the store (a parse change or a typo)."""
    rows = store.con.execute("SELECT d.source, c.number FROM clauses c JOIN documents d ON d.pk = c.doc_pk")
    have = {(Path(s).name, str(n)) for s, n in rows}
    docs = data["documents"]
    return [f"{q['q']}: {d} {c}" for q in data["queries"] for d, c in q["relevant"]
            if (docs[d]["path"].name, str(c)) not in have]
