"""Clauses from test-report tables ("Clause | Requirement + Test | Result – Remark | Verdict").

An IEC CB test report (and many lab reports) has no clause tree of its own: the checked clauses
are table rows. When a document has fewer than 5 numbered clauses, each row whose first cell
(or second, after a running number) is a clause number becomes a clause: heading = the first
other cell when it reads as a heading, text = the other cells (a verdict labelled: "Verdict: P"),
kind from its chapter row's heading (or 1/2/3 = scope/references/terms, annexes normative,
else requirements). Unnumbered rows continue the clause above; a repeated number joins it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.model import Table
from zmdocs.parse.numbering import chapter_kind, is_heading_text
from zmdocs.text.clausenum import CLAUSE_NO, number_tuple

_DEFAULT_KIND = {1: "scope", 2: "normative-references", 3: "terms"}


@dataclass
class RowClause:
    """A clause read from a table row."""

    number: str
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    kind: str = "requirements"
    level: int = 1
    parent: str | None = None
    page: int | None = None


_VERDICT_HEAD = re.compile(r"verdict|result|remark|判定|结论|結論|结果|結果|ergebnis|urteil|bewertung|résultat|verdict", re.I)
_VERDICTS = {"p", "f", "n/a", "na", "n", "pass", "fail", "passed", "failed", "符合", "不符合", "合格", "不合格", "不适用", "—", "-", "/"}


def _is_report_table(t: Table, body: list[list[str]]) -> bool:
    """A verdict or result column (by header or by P/F/N/A cells): a test report, not e.g. a clause correspondence table."""
    head = " ".join(c for r in t.rows[: t.header_rows] for c in r)
    if _VERDICT_HEAD.search(head):
        return True
    last = [r[-1].strip().lower() for r in body if r and r[-1].strip()]
    return len(last) >= 3 and sum(c in _VERDICTS for c in last) >= 0.6 * len(last)


def clause_column(t: Table) -> int | None:
    """The column (0 or 1) holding clause numbers in most body rows of a test-report table, or None."""
    body = [r for r in t.rows[t.header_rows:] if any(c.strip() for c in r)]
    if len(body) < 3 or not _is_report_table(t, body):
        return None
    for col in range(min(2, max(len(r) for r in body))):
        nums = [r[col].strip() for r in body if col < len(r) and CLAUSE_NO.match(r[col].strip())]
        if len(nums) >= 3 and len(nums) >= 0.4 * len(body) and any("." in n for n in nums):
            return col
    return None


def row_clauses(tables: list[Table]) -> list[tuple[Table, list[RowClause]]]:
    """For each clause table: its rows as clauses, in order (see the module docstring)."""
    out: list[tuple[Table, list[RowClause]]] = []
    by_number: dict[str, RowClause] = {}
    for t in tables:
        col = clause_column(t)
        if col is None:
            continue
        labels = [c.strip() for c in t.rows[t.header_rows - 1]] if t.header_rows and t.rows else []
        got: list[RowClause] = []
        last: RowClause | None = None
        for r in t.rows[t.header_rows:]:
            cells = [c.strip() for c in r]
            num = cells[col] if col < len(cells) else ""
            others = [(labels[j] if j < len(labels) else "", c) for j, c in enumerate(cells) if j != col and j > col - 1 and c]
            dedup: list[tuple[str, str]] = []
            for lab, c in others:  # merged cells repeat their text
                if not dedup or dedup[-1][1] != c:
                    dedup.append((lab, c))
            if CLAUSE_NO.match(num):
                rc = by_number.get(num)
                if rc is None:
                    rc = RowClause(num, page=t.page)
                    if dedup and is_heading_text(dedup[0][1]) and len(dedup[0][1]) <= 150:
                        rc.heading = dedup.pop(0)[1]
                    by_number[num] = rc
                    got.append(rc)
                rc.lines.extend(_cell_line(lab, c) for lab, c in dedup)
                last = rc
            elif last is not None and dedup:
                last.lines.append(" | ".join(c for _, c in dedup))
        if got:
            out.append((t, got))
    _tree([rc for _, rcs in out for rc in rcs])
    return out


def _cell_line(label: str, cell: str) -> str:
    """'Verdict: P' for a short coded cell under a header; results stay bare ("0.12 mA").

    A bare result is not read as a prose indicator named after its column ("Remark"): the
    table, which stays in `doc.tables`, gives that indicator once.
    """
    short = len(cell) <= 6 and not re.search(r"\d", cell)
    return f"{label}: {cell}" if short and label and len(label) <= 40 and not CLAUSE_NO.match(label) else cell


def _tree(rcs: list[RowClause]) -> None:
    """Level, parent and kind from the numbers: 13.2 under 13; kinds from the chapter row's heading."""
    known: dict[str, RowClause] = {}
    for rc in rcs:
        tup = number_tuple(rc.number)
        rc.level = len(tup)
        for k in range(len(tup) - 1, 0, -1):
            anc = ".".join(str(x) for x in tup[:k])
            if anc in known:
                rc.parent = anc
                break
        top = str(tup[0])
        if isinstance(tup[0], str):
            rc.kind = "annex-normative"
        elif top in known and known[top].kind:
            rc.kind = known[top].kind
        if rc.level == 1 and not isinstance(tup[0], str):
            k = chapter_kind(rc.heading)
            rc.kind = k if k != "other" else _DEFAULT_KIND.get(tup[0], "requirements")
        elif top not in known and not isinstance(tup[0], str):
            rc.kind = _DEFAULT_KIND.get(tup[0], "requirements")
        known[rc.number] = rc
