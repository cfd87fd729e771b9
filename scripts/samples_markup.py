"""Reader for the line-based markup of the sample standards in `corpora/samples/src/`.

The markup is documented in `corpora/samples/README.md`. This reader is independent of
zmdocs's own parsers on purpose: the renderers (PDF/DOCX) and the gold-file checks use it,
so the gold never depends on the code it is meant to test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "corpora" / "samples" / "src"

_CLAUSE = re.compile(r"^= (?P<num>[A-Z]{0,2}\d+(?:\.\d+)*|[A-Z]{1,2}\.\d+(?:\.\d+)*)(?: (?P<head>.*?))?(?: \{(?P<kind>[a-z-]+)\})?$")
_UNNUMBERED = re.compile(r"^=\* (?P<kind>[a-z-]+) (?P<head>.+)$")
_ANNEX = re.compile(r"^=A (?P<letter>[A-Z]{1,2}) (?P<status>normative|informative) (?P<title>.+)$")
_TERM = re.compile(r"^T (?P<num>\d+(?:\.\d+)+) \| (?P<terms>.+)$")
_TABLE = re.compile(r"^TABLE (?P<num>[A-Z]{0,2}\.?\d+) \| (?P<caption>.+?) \| header=(?P<header>\d+)$")


@dataclass
class Table:
    """A table: rows of cells where '^' merges with the cell above and '<' with the cell left."""

    number: str
    caption: str
    header_rows: int
    rows: list[list[str]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max(len(r) for r in self.rows)

    def spans(self) -> list[tuple[int, int, int, int]]:
        """Merged regions as (row0, col0, row1, col1), inclusive, origin cell holding the text."""
        out = []
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell in ("^", "<"):
                    continue
                c1 = c
                while c1 + 1 < len(row) and row[c1 + 1] == "<":
                    c1 += 1
                r1 = r
                while r1 + 1 < len(self.rows) and self.rows[r1 + 1][c] == "^":
                    r1 += 1
                if (r1, c1) != (r, c):
                    out.append((r, c, r1, c1))
        return out


@dataclass
class Element:
    """One markup element in document order."""

    kind: str  # clause | para | item | note | term | table
    text: str = ""
    number: str = ""
    heading: str = ""
    clause_kind: str = ""
    level: int = 0
    parent: str | None = None
    terms: dict[str, str] = field(default_factory=dict)
    table: Table | None = None
    annex_status: str = ""  # normative | informative for annex headings
    unnumbered: bool = False


@dataclass
class SampleDoc:
    """A parsed source: cover metadata plus elements."""

    name: str
    meta: dict[str, str]
    elements: list[Element]

    @property
    def clauses(self) -> list[Element]:
        return [e for e in self.elements if e.kind in ("clause", "term")]

    @property
    def tables(self) -> list[Table]:
        return [e.table for e in self.elements if e.kind == "table" and e.table is not None]

    @property
    def lang(self) -> str:
        return self.meta["lang"]


def level_of(number: str) -> int:
    """Depth of a clause number: '5' -> 1, '5.2.3' -> 3, 'A' -> 1, 'A.1' -> 2."""
    return number.count(".") + 1


def parse_source(path: str | Path) -> SampleDoc:
    """Read one markup file into a SampleDoc; raise ValueError with the line on bad markup."""
    path = Path(path)
    meta: dict[str, str] = {}
    elements: list[Element] = []
    seen: list[str] = []
    chapter_kind = ""
    table: Table | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        where = f"{path.name}:{lineno}"
        if table is not None:
            if line == "END":
                elements.append(Element("table", table=table, number=table.number))
                table = None
            elif line.startswith("|"):
                table.rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            elif line.startswith("FN: "):
                table.footnotes.append(line[4:])
            else:
                raise ValueError(f"{where}: unexpected line inside a table: {line!r}")
            continue
        if not line or line.startswith("# "):
            continue
        if line.startswith("@") and not elements:
            key, _, value = line[1:].partition(": ")
            meta[key] = value
            continue
        if m := _UNNUMBERED.match(line):
            kind = m["kind"]
            elements.append(Element("clause", number=kind, heading=m["head"], clause_kind=kind, level=1, unnumbered=True))
            chapter_kind = kind
            continue
        if m := _ANNEX.match(line):
            chapter_kind = f"annex-{m['status']}"
            elements.append(Element("clause", number=m["letter"], heading=m["title"], clause_kind=chapter_kind, level=1, annex_status=m["status"]))
            seen.append(m["letter"])
            continue
        if m := _TERM.match(line):
            terms = dict(t.strip().split("=", 1) for t in m["terms"].split("|"))
            num = m["num"]
            elements.append(Element("term", number=num, terms=terms, clause_kind=chapter_kind, level=level_of(num), parent=_parent(num, seen)))
            seen.append(num)
            continue
        if m := _CLAUSE.match(line):
            num = m["num"]
            if level_of(num) == 1:
                if not m["kind"]:
                    raise ValueError(f"{where}: chapter {num} needs a {{kind}}")
                chapter_kind = m["kind"]
            elements.append(Element("clause", number=num, heading=(m["head"] or "").strip(), clause_kind=chapter_kind, level=level_of(num), parent=_parent(num, seen)))
            seen.append(num)
            continue
        if line.startswith("TABLE "):
            m = _TABLE.match(line)
            if not m:
                raise ValueError(f"{where}: bad table line {line!r}")
            table = Table(m["num"], m["caption"], int(m["header"]))
            continue
        if line.startswith("- "):
            elements.append(Element("item", text=line[2:]))
        elif line.startswith("~ "):
            elements.append(Element("note", text=line[2:]))
        elif line.startswith(("=", "@", "T ", "|")):
            raise ValueError(f"{where}: malformed markup line {line!r}")
        else:
            elements.append(Element("para", text=line))
    if table is not None:
        raise ValueError(f"{path.name}: table {table.number} has no END")
    return SampleDoc(path.stem, meta, elements)


def _parent(number: str, seen: list[str]) -> str | None:
    """Nearest enclosing clause already seen ('24.1.3' -> '24' when '24.1' does not exist)."""
    parts = number.split(".")
    for k in range(len(parts) - 1, 0, -1):
        cand = ".".join(parts[:k])
        if cand in seen:
            return cand
    return None


def load_all() -> dict[str, SampleDoc]:
    """All sources, keyed by file stem."""
    return {p.stem: parse_source(p) for p in sorted(SRC.glob("*.txt"))}
