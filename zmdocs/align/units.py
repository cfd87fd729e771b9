"""Alignment units: the numbered clauses of a document and how each is shown to the embedder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.model import Clause, Document, Indicator

# A clause number as GB/T 1.1 and ISO/IEC Part 2 write them: 5, 5.2.1, A, A.1, A.1.2.
NUMBER_RE = re.compile(r"^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)$")
SKIP_KINDS = {"cover", "foreword", "introduction"}
# Kinds that may pair with each other in free mode (everything else pairs with its own kind).
KIND_GROUPS = {
    "requirements": "req",
    "test-methods": "test",
    "inspection-rules": "insp",
    "terms": "terms",
    "scope": "scope",
    "normative-references": "refs",
    "marking-packaging": "mark",
    "bibliography": "refs",
}
TEXT_CHARS = 300


@dataclass
class Unit:
    """One numbered clause ready for alignment."""

    index: int
    number: str
    heading: str
    text: str
    kind: str
    level: int
    parent: str | None  # number of the parent clause, if numbered
    clause_id: str
    indicators: list[int] = field(default_factory=list)  # indices into doc.indicators

    @property
    def group(self) -> str:
        return KIND_GROUPS.get(self.kind, "other")

    @property
    def top(self) -> str:
        return self.number.split(".")[0]


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def clause_units(doc: Document) -> list[Unit]:
    """The numbered clauses of a document in order (cover, foreword, introduction left out)."""
    by_id = {c.id: c for c in doc.clauses}
    units: list[Unit] = []
    seen: set[str] = set()
    for c in doc.clauses:
        num = (c.number or "").strip()
        if not NUMBER_RE.match(num) or c.kind in SKIP_KINDS or num in seen:
            continue
        seen.add(num)
        parent = by_id.get(c.parent) if c.parent else None
        units.append(
            Unit(
                index=len(units),
                number=num,
                heading=_clean(c.heading),
                text=_clean(c.text),
                kind=c.kind or "other",
                level=c.level or num.count(".") + 1,
                parent=parent.number if parent is not None and parent.number else _parent_number(num),
                clause_id=c.id,
            )
        )
    _attach_indicators(doc, units)
    return units


def _parent_number(num: str) -> str | None:
    return num.rsplit(".", 1)[0] if "." in num else None


def _attach_indicators(doc: Document, units: list[Unit]) -> None:
    pos = {u.clause_id: u.index for u in units}
    num = {u.number: u.index for u in units}
    for i, ind in enumerate(doc.indicators):
        ref = ind.clause or ""
        j = pos.get(ref)
        if j is None:
            j = num.get(ref.split("#")[-1])
        if j is not None:
            units[j].indicators.append(i)


def unit_text(u: Unit, chars: int = TEXT_CHARS) -> str:
    """Heading + the first `chars` characters of text: what the embedder sees for a clause."""
    body = u.text[:chars]
    if u.heading and body:
        return f"{u.heading}. {body}"
    return u.heading or body or u.number


def ensure_indicators(doc: Document) -> list[Indicator]:
    """The document's indicators, extracting them when the parser did not (if the extractor exists)."""
    if doc.indicators:
        return doc.indicators
    try:
        from zmdocs.indicators import extract_document
    except ImportError:
        return doc.indicators
    try:
        doc.indicators = list(extract_document(doc))
    except Exception as e:  # the extractor is another module's job; alignment still works without it
        import logging

        logging.getLogger(__name__).warning("indicator extraction failed for %s: %s", doc.id, e)
    return doc.indicators


def clause_by_unit(doc: Document) -> dict[str, Clause]:
    return {c.number: c for c in doc.clauses if c.number}
