"""Clause-pair precision/recall/F1 against a gold alignment (pairs expanded into clause links)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from zmdocs.model import Alignment, Clause, Document


def links(pairs: list[Any]) -> set[tuple[str, str]]:
    """Expand pairs ({a: [..], b: [..]} dicts, ClausePairs or (a, b) tuples) into (a, b) number links."""
    out: set[tuple[str, str]] = set()
    for p in pairs:
        if isinstance(p, dict):
            a, b = p["a"], p["b"]
        elif isinstance(p, (tuple, list)):
            a, b = p[0], p[1]
        else:
            a, b = p.a, p.b
        a = [a] if isinstance(a, str) else a
        b = [b] if isinstance(b, str) else b
        out.update((str(x), str(y)) for x in a for y in b)
    return out


def prf(pred: set, gold: set) -> dict[str, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": len(pred), "gold": len(gold)}


def score_alignment(result: Alignment | dict, gold: dict | str | Path) -> dict[str, float]:
    """P/R/F1 of an alignment's clause links against a gold file or dict with `pairs`."""
    if not isinstance(gold, dict):
        gold = json.loads(Path(gold).read_text(encoding="utf-8"))
    pred_pairs = result["pairs"] if isinstance(result, dict) else result.pairs
    return prf(links(pred_pairs), links(gold["pairs"]))


_OUTLINE_LINE = re.compile(r"^(?:附录\s*|Annex\s+|Anhang\s+|Annexe\s+)?(\d+(?:\.\d+)*|[A-Z](?:\.\d+)+|(?<=[录x g e])[A-Z])(?:\s+(.*))?$")
_KIND_WORDS = [
    ("scope", ("范围", "scope", "anwendungsbereich", "domaine d'application")),
    ("normative-references", ("规范性引用", "normative references", "normative verweisungen", "références normatives")),
    ("terms", ("术语", "terms and definitions", "begriffe", "termes et définitions")),
    ("test-methods", ("试验方法", "test method", "prüfverfahren", "méthodes d'essai")),
    ("inspection-rules", ("检验规则", "inspection rules")),
    ("marking-packaging", ("标志", "marking", "kennzeichnung", "marquage")),
    ("requirements", ("要求", "requirements", "anforderungen", "exigences")),
]


def outline_document(text: str, doc_id: str = "", lang: str = "") -> Document:
    """A Document from a numbered outline (`5.2 Heading` lines, then body lines): for gold sets and benches.

    Annexes are `附录A Title` / `Annex A Title` lines. Header lines `# doc: <id>`, `# lang: <code>`, `# title: <title>` set document fields; clause
    kinds follow the chapter headings (范围/Scope, 术语/Terms, 要求/requirements, 试验方法/Test methods, ...).
    """
    meta: dict[str, str] = {}
    clauses: list[Clause] = []
    chapter_kind: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            k, _, v = line.lstrip("# ").partition(":")
            meta[k.strip()] = v.strip()
            continue
        m = _OUTLINE_LINE.match(line)
        if m:
            num, head = m.group(1), (m.group(2) or "").strip()
            top = num.split(".")[0]
            if "." not in num:
                kind = "other"
                if top.isalpha():
                    kind = "annex-normative"
                else:
                    low = head.lower()
                    kind = next((k for k, words in _KIND_WORDS if any(w in low for w in words)), "other")
                chapter_kind[top] = kind
            parent = num.rsplit(".", 1)[0] if "." in num else None
            clauses.append(Clause(id="", number=num, heading=head, level=num.count(".") + 1,
                                  parent=parent, kind=chapter_kind.get(top, "other")))
        elif clauses:
            clauses[-1].text = (clauses[-1].text + " " + line).strip()
    did = doc_id or meta.get("doc", "doc")
    for c in clauses:
        c.id = f"{did}#{c.number}"
        c.parent = f"{did}#{c.parent}" if c.parent else None
    return Document(id=did, title=meta.get("title", ""), lang=lang or meta.get("lang", ""), number=did, clauses=clauses)
