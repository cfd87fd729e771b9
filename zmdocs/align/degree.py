"""Choosing the alignment regime and estimating the degree of correspondence (IDT/MOD/NEQ)."""

from __future__ import annotations

import re
from typing import Any

from zmdocs.model import Document
from zmdocs.text.stdnum import same_standard as _same

NATIONAL_ANNEX = re.compile(r"^N[A-Z](?:\.|$)")


def _core(ident: str) -> str:
    """The number core of a standard id: 'IEC 60335-2-15:2016' -> '60335-2-15', 'GB 4706.19—2024' -> '4706.19'."""
    s = re.sub(r"[—–－‐]", "-", ident or "")
    s = re.sub(r"\s*\(.*?\)", "", s)
    s = re.sub(r"(?::|-)(?:19|20)\d\d(?:-\d\d)?\b.*$", "", s.strip())
    m = re.findall(r"\d[\d.\-]*\d|\d", s)
    return m[-1] if m else ""


def same_standard(x: str, y: str) -> bool:
    """Do two standard ids name the same standard (ignoring year, family prefix and dash style)?"""
    if _same(x, y):
        return True
    cx, cy = _core(x), _core(y)  # an id stdnum cannot read: compare the number cores
    return bool(cx) and cx == cy


def _ids(doc: Document) -> list[str]:
    return [s for s in (doc.id, doc.number) if s]


def declared_adoption(doc_a: Document, doc_b: Document) -> dict[str, Any] | None:
    """The adoption statement of either document that names the other, if any."""
    for this, other, side in ((doc_a, doc_b, "a"), (doc_b, doc_a, "b")):
        ad = this.adoption
        if ad and ad.standard and any(same_standard(ad.standard, i) for i in _ids(other)):
            return {"relation": ad.relation.upper(), "standard": ad.standard, "by": side, "text": ad.text}
    return None


def choose_mode(declared: dict | None, n: int, m: int, diag: float | None) -> tuple[str, str]:
    """(mode, reason) from the adoption statement, the clause-count ratio and the diagonal strength."""
    if declared and declared["relation"] in ("IDT", "MOD"):
        return "translation", f"{'A' if declared['by'] == 'a' else 'B'} declares {declared['relation']} adoption of {declared['standard']}"
    if declared and declared["relation"] == "NEQ":
        return "free", f"declared NEQ adoption of {declared['standard']}"
    ratio = min(n, m) / max(n, m) if max(n, m) else 0.0
    if ratio < 0.5:
        return "free", f"clause counts differ too much ({n} vs {m}, ratio {ratio:.2f})"
    if diag is not None and diag >= 0.6:
        return "translation", f"strong diagonal: {diag:.0%} of clauses find their best match on the monotonic path (counts {n} vs {m})"
    return "free", f"weak diagonal: only {0.0 if diag is None else diag:.0%} of clauses find their best match on the monotonic path"


def estimate_degree(
    mode: str,
    n_a: int,
    n_b: int,
    pairs: list,
    unmatched_a: list[str],
    unmatched_b: list[str],
    indicator_devs: int,
    indicator_pairs: int,
    declared: dict | None,
) -> dict[str, Any]:
    """IDT/MOD/NEQ estimate with its evidence, in the spirit of ISO/IEC Guide 21-1."""
    # national annexes (NA, NB, ...) may be added to an identical adoption (ISO/IEC Guide 21-1)
    nat_a = [n for n in unmatched_a if NATIONAL_ANNEX.match(n)]
    nat_b = [n for n in unmatched_b if NATIONAL_ANNEX.match(n)]
    national = nat_a + nat_b
    unmatched_a = [n for n in unmatched_a if n not in nat_a]
    unmatched_b = [n for n in unmatched_b if n not in nat_b]
    n_a, n_b = n_a - len(nat_a), n_b - len(nat_b)
    one_one = sum(1 for p in pairs if len(p.a) == 1 and len(p.b) == 1)
    share_11 = one_one / len(pairs) if pairs else 0.0
    cov_a = 1 - len(unmatched_a) / n_a if n_a else 0.0
    cov_b = 1 - len(unmatched_b) / n_b if n_b else 0.0
    evidence = [
        f"alignment mode: {mode}",
        f"{len(pairs)} clause pairs, {share_11:.0%} of them one-to-one",
        f"{cov_a:.0%} of A's {n_a} clauses and {cov_b:.0%} of B's {n_b} clauses matched",
        f"{len(unmatched_a)} clauses only in A (added), {len(unmatched_b)} only in B (deleted)",
        f"{indicator_pairs} indicator pairs, {indicator_devs} with differing values or conditions",
    ]
    if national:
        evidence.append(f"national annex clauses left aside: {', '.join(national[:6])}")
    if mode == "translation" and cov_a >= 0.97 and cov_b >= 0.97 and share_11 >= 0.9 and indicator_devs == 0:
        est = "IDT"
        evidence.append("same structure, no technical deviation found: identical")
    elif cov_a >= 0.6 and cov_b >= 0.6 and (mode == "translation" or share_11 >= 0.7):
        est = "MOD"
        evidence.append("mostly the same content with technical deviations or structural changes: modified")
    else:
        est = "NEQ"
        evidence.append("much content without a counterpart, or a different structure: not equivalent")
    out: dict[str, Any] = {"estimate": est, "declared": declared["relation"] if declared else None, "evidence": evidence}
    if declared:
        out["declared_standard"] = declared["standard"]
        if declared["relation"] != est:
            out["evidence"].append(f"the declared degree ({declared['relation']}) differs from the estimate ({est}): check it")
    return out
