"""Score a parsed Document against hand-written gold for a real document (tests/data/real/parse).

Gold is YAML: `file` (path under the corpus folder), `meta` (id, title, published, implemented,
replaces, adoption, status), `clauses` (number, heading, level, parent) and `tables` (number,
caption, header_rows, body_rows). Clauses match on their normalised number; headings, levels and
parents are scored on the matched ones. Only gold written by hand counts: see tests/data/real/README.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from zmdocs.model import Document


def norm_number(num: str | None) -> str:
    """A clause or table number in one spelling: NFKC, no spaces, no trailing dot, annex words dropped."""
    s = unicodedata.normalize("NFKC", str(num or "")).strip()
    # numbered annexes (Annex 7, Anlage 3a, zmdocs' legal code anl3a) are one family: "ann7", "ann3a.pt1";
    # a regulation's own appendices ("Appendix 1" before Annex 1) are another: "app1"
    s = re.sub(r"^(?:Appendix|app)\s*(\d+)(?![\w])\.?", r"app\1.", s, flags=re.I).rstrip(".")
    s = re.sub(r"^(?:Annex|Anhang|Annexe|Appendix|Anlage|anl|ann)\s*(\d+[a-z]?)(?![\w])\.?", r"ann\1.", s,
               flags=re.I).rstrip(".")
    s = re.sub(r"^(附录|Annex|Appendix|Anhang|Annexe|Anlage|表|Table|Tabelle|Tableau)\s*", "", s, flags=re.I)
    s = re.sub(r"^§+\s*", "", s)
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^(\d+)([a-z])$", lambda m: f"{m.group(1)}-{ord(m.group(2)) - 96}", s)  # § 7a is zmdocs' article 7-1
    return s.rstrip(".")


def norm_text(s: str | None) -> str:
    """Text compared loosely: NFKC, no whitespace, no punctuation, lower case."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    return "".join(ch for ch in s if ch.isalnum())


def load_gold(path: str | Path) -> dict[str, Any]:
    import yaml

    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _numbered(doc: Document) -> list:
    """The clauses that carry a number (preliminary elements such as the foreword are left out)."""
    return [c for c in doc.clauses if c.number and c.kind != "list-item"
            and (c.number[0].isdigit() or re.match(r"^(?:[A-Z](?:\.|$)|(?:Annex|Anhang|Anlage|Appendix)\s*\d|(?:ann|anl|app|s|pt)\d)", c.number))]


def in_scope(key: str, scope: list[str] | None) -> bool:
    """Whether a normalised clause number falls under a gold file's `scope:` prefixes (no scope: everything)."""
    if not scope:
        return True
    return any(key == p or key.startswith(p + ".") for p in (norm_number(x) for x in scope))


def score_clauses(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    """Clause precision/recall by number, and heading/level/parent accuracy over matched clauses.

    A gold file with `scope: ["A", "B"]` annotates only those clause-number prefixes exhaustively:
    predicted clauses outside them are not scored.
    """
    gold_cl = gold.get("clauses") or []
    pred = [c for c in _numbered(doc) if in_scope(norm_number(c.number), gold.get("scope"))]
    by_id = {c.id: c for c in doc.clauses}
    terms = {t.number: t.terms for t in doc.terms}
    pred_by_num: dict[str, list] = {}
    for c in pred:
        pred_by_num.setdefault(norm_number(c.number), []).append(c)
    gcount = Counter(norm_number(g["number"]) for g in gold_cl)
    pcount = Counter(pred_by_num and {k: len(v) for k, v in pred_by_num.items()})
    tp = sum(min(n, pcount.get(k, 0)) for k, n in gcount.items())
    heading_ok = level_ok = parent_ok = matched = 0
    missing, wrong_heading = [], []
    for g in gold_cl:
        k = norm_number(g["number"])
        cands = pred_by_num.get(k)
        if not cands:
            missing.append(k)
            continue
        c = cands[0]
        matched += 1
        # a term entry's heading is the term in the document's language (README rule); the parser keeps
        # the whole term line as the heading and the split terms in doc.terms
        alts = [c.heading] + [t for t in (terms.get(c.number) or {}).values()][:1] + [(terms.get(c.number) or {}).get(doc.lang, "")]
        if any(norm_text(h) == norm_text(g.get("heading")) for h in alts if h is not None):
            heading_ok += 1
        else:
            wrong_heading.append((k, g.get("heading"), c.heading))
        if "level" in g and c.level == g["level"]:
            level_ok += 1
        parent = by_id.get(c.parent).number if c.parent in by_id else None
        if norm_number(parent) == norm_number(g.get("parent")):
            parent_ok += 1
    extra = sorted(k for k, n in pcount.items() if n > gcount.get(k, 0))
    p, r, f = _prf(tp, len(pred), len(gold_cl))

    def acc(n: int) -> float:
        return round(n / matched, 4) if matched else 0.0

    return {"precision": p, "recall": r, "f1": f, "gold": len(gold_cl), "predicted": len(pred),
            "heading_acc": acc(heading_ok), "level_acc": acc(level_ok), "parent_acc": acc(parent_ok),
            "missing": missing, "extra": extra, "wrong_heading": wrong_heading}


def score_tables(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    """Table recall by number; header-row and body-row counts on the matched tables."""
    gold_t = gold.get("tables") or []
    pred: dict[str, list] = {}
    for t in doc.tables:
        if t.number:
            pred.setdefault(norm_number(t.number), []).append(t)
    found = header_ok = rows_ok = 0
    missing = []
    for g in gold_t:
        cands = pred.get(norm_number(g["number"]))
        if not cands:
            missing.append(norm_number(g["number"]))
            continue
        found += 1
        t = cands[0]
        body = sum(len(c.rows) - c.header_rows for c in cands)  # continuations share the number
        if "header_rows" in g and t.header_rows == g["header_rows"]:
            header_ok += 1
        if "body_rows" in g and body == g["body_rows"]:
            rows_ok += 1
    n = len(gold_t)
    return {"recall": round(found / n, 4) if n else 1.0, "gold": n, "found": found,
            "header_acc": round(header_ok / found, 4) if found else 0.0,
            "rows_acc": round(rows_ok / found, 4) if found else 0.0, "missing": missing}


_META_FIELDS = ("id", "title", "published", "implemented", "replaces", "adoption", "status")


def score_meta(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    """Which gold cover fields the parse got right (ids and titles compared loosely)."""
    meta = gold.get("meta") or {}
    out: dict[str, bool] = {}
    for k in _META_FIELDS:
        if k not in meta:
            continue
        want = meta[k]
        if k == "adoption":
            got = doc.adoption
            out[k] = (got is None) if not want else bool(
                got and got.relation == want.get("relation") and norm_text(got.standard) == norm_text(want.get("standard")))
        elif k == "replaces":
            out[k] = sorted(norm_text(x) for x in doc.replaces) == sorted(norm_text(x) for x in (want or []))
        elif k == "status":
            out[k] = (getattr(doc, "status", "") or "final") == (want or "final")
        else:
            out[k] = norm_text(getattr(doc, k, "")) == norm_text(str(want or ""))
    return {"fields": out, "accuracy": round(sum(out.values()) / len(out), 4) if out else 1.0}


def score_document(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    return {"clauses": score_clauses(doc, gold), "tables": score_tables(doc, gold), "meta": score_meta(doc, gold)}
