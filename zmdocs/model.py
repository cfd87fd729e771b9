"""The zmdocs data model: documents, clauses, provisions, tables, terms, indicators, alignments.

Everything here is plain dataclasses that round-trip through JSON (`to_dict`/`from_dict`).
Clauses are stored flat, in document order, with stable ids (`GB/T 1234-2020#5.2.1`) and
parent ids; vectors never live here (they belong to the index). Closed sets of strings are
`Literal` types (their tuples below are derived from them); an indicator's origin, normalized
value and ordinal are small read-only records. Nothing is ever cached in an instance: saved
JSON holds the declared fields only. Validation of files read from outside is `zmdocs.schema`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar, Literal, get_args

SCHEMA_VERSION = 2  # 2: Document.status, Clause.items (version-1 JSON, zmdocs 0.1, still reads)
READABLE_SCHEMAS = (1, 2)

# Clause kinds (GB/T 1.1-2020 / ISO/IEC Directives Part 2 element types).
ClauseKind = Literal[
    "cover",
    "foreword",
    "introduction",
    "scope",
    "normative-references",
    "terms",
    "requirements",
    "test-methods",
    "inspection-rules",
    "marking-packaging",
    "annex-normative",
    "annex-informative",
    "bibliography",
    "other",
]
# Verbal forms of provisions.
Form = Literal["requirement", "recommendation", "permission", "possibility", "statement"]
Comparator = Literal["<=", ">=", "<", ">", "=", "range", "tolerance"]
# What an indicator is: a limit the product must meet, a quantity a test applies, or a note/example/statistic.
Role = Literal["requirement", "test-condition", "informative"]
Direction = Literal["lower-is-stricter", "higher-is-stricter", "neither"]
Relation = Literal["IDT", "MOD", "NEQ"]  # degree of correspondence (EQV is read as MOD)
Status = Literal["final", "征求意见稿", "送审稿", "报批稿"]  # draft stage printed on the cover
OriginType = Literal["prose", "table", "product"]
AlignMode = Literal["auto", "translation", "free"]  # auto is resolved to one of the others by align_documents

CLAUSE_KINDS: tuple[str, ...] = get_args(ClauseKind)
FORMS: tuple[str, ...] = get_args(Form)
COMPARATORS: tuple[str, ...] = get_args(Comparator)
INDICATOR_ROLES: tuple[str, ...] = get_args(Role)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
RELATIONS: tuple[str, ...] = get_args(Relation)
STATUSES: tuple[str, ...] = get_args(Status)


def check_schema_version(ver: Any, what: str = "document") -> int:
    """The saved schema version if this zmdocs reads it; SchemaError for a newer or unknown one."""
    from zmdocs.errors import SchemaError

    if isinstance(ver, bool) or not isinstance(ver, int) or ver < 1:
        raise SchemaError(f"{what}: schema_version {ver!r} is not a zmdocs schema — "
                          f"this zmdocs reads {', '.join(map(str, READABLE_SCHEMAS))}")
    if ver > SCHEMA_VERSION:
        raise SchemaError(f"{what}: schema_version {ver} is newer than this zmdocs reads (up to {SCHEMA_VERSION})"
                          " — upgrade zmdocs")
    return ver


# -- small records ------------------------------------------------------------------
def _key(name: str, doc: str) -> property:
    return property(lambda self: self.get(name), doc=doc)


class _Record(dict):
    """A read-only dict with typed attribute access (`o.row`); the JSON is the dict itself.

    A dict, so that the saved JSON, `o["row"]`, `o.get("row")`, `{**o, ...}` and `asdict` stay
    as they were when these were plain dicts; read-only, so that no stage edits another's record
    (build a changed copy with `replace`).
    """

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def _read_only(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(f"{type(self).__name__} is read-only: build a changed copy with .replace(...)")

    __setitem__ = __delitem__ = update = pop = popitem = setdefault = clear = __ior__ = _read_only  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return type(self), (dict(self),)

    def __copy__(self) -> _Record:
        return self

    def __deepcopy__(self, memo: dict) -> _Record:
        import copy

        return type(self)(copy.deepcopy(dict(self), memo))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"

    def replace(self, **changes: Any) -> _Record:
        """A copy with some keys changed."""
        return type(self)({**self, **changes})

    def to_dict(self) -> dict[str, Any]:
        return dict(self)


class Origin(_Record):
    """Where an indicator was read: `{"type": "prose"}`, a table cell, a footnote, a product row."""

    __slots__ = ()
    FIELDS = ("type", "table", "row", "col", "note", "footnote", "source", "lang")
    type = _key("type", "prose | table | product (OriginType)")
    table = _key("table", "table number (or id) of a table indicator")
    row = _key("row", "table row index, or the product file's row number")
    col = _key("col", "table column index")
    note = _key("note", "True when read from a table note")
    footnote = _key("footnote", "True when read from a table footnote")
    source = _key("source", "a product row's source (catalogue, URL)")
    lang = _key("lang", "the language of a clause's parallel text it was read from (absent: the clause's own)")


class Normalized(_Record):
    """An indicator's numbers in a canonical unit: `{"value", "min", "max", "unit"}` (unit None: unknown)."""

    __slots__ = ()
    FIELDS = ("value", "min", "max", "unit", "ambient")
    value = _key("value", "the value in the canonical unit")
    min = _key("min", "lower bound in the canonical unit")
    max = _key("max", "upper bound in the canonical unit")
    unit = _key("unit", "canonical unit symbol (None when the unit is unknown)")
    ambient = _key("ambient", "ambient °C subtracted when a temperature was read as a rise")


class Ordinal(_Record):
    """A value on an ordered scale (IP code, grade, class): `{"scale", "rank", "label"}`."""

    __slots__ = ()
    FIELDS = ("scale", "rank", "label", "better", "best")
    scale = _key("scale", "ip | grade-cn | grade | grade-letter | class")
    rank = _key("rank", "position on the scale (an IP code: [first digit, second digit], None for X)")
    label = _key("label", "the value as written (IPX4, 2级)")
    better = _key("better", '"lower" when a lower rank is better (Chinese grades)')
    best = _key("best", '"low" when the lowest rank is best')


_RECORDS: dict[str, type[_Record]] = {"origin": Origin, "normalized": Normalized, "ordinal": Ordinal}


@dataclass
class Provision:
    """One sentence of a clause and its verbal form (shall/should/may/can/statement)."""

    text: str
    form: Form = "statement"
    negated: bool = False
    start: int | None = None  # character offset in the clause text
    end: int | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provision:
        return cls(**{k: d[k] for k in d if k in _FIELDS["Provision"]})


@dataclass
class Item:
    """A list item of a clause ("a) …"): addressable as "<clause number> <label>" (`6.1.5 a)`)."""

    label: str
    text: str
    start: int | None = None  # character offset in the clause text
    end: int | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Item:
        return cls(**{k: d[k] for k in d if k in _FIELDS["Item"]})


@dataclass
class Clause:
    """A numbered (or unnumbered preliminary) element of a standard."""

    id: str
    number: str
    heading: str = ""
    text: str = ""
    level: int = 1
    parent: str | None = None
    kind: ClauseKind = "other"
    page: int | None = None
    page_end: int | None = None
    provisions: list[Provision] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # list items a) b) … in the clause text (schema 2)
    # the clause as printed beside it in another language (a side-by-side bilingual PDF): lang -> heading, text
    parallel: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Clause:
        kw = {k: d[k] for k in d if k in _FIELDS["Clause"]}
        kw["provisions"] = [Provision.from_dict(p) for p in d.get("provisions", [])]
        kw["items"] = [Item.from_dict(i) for i in d.get("items", [])]
        return cls(**kw)


@dataclass
class Table:
    """A table with merged cells resolved (a merged cell's text is repeated in every cell it covers)."""

    id: str
    number: str = ""
    caption: str = ""
    clause: str | None = None
    header_rows: int = 1
    rows: list[list[str]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    page: int | None = None

    @property
    def header(self) -> list[list[str]]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> list[list[str]]:
        return self.rows[self.header_rows :]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Table:
        return cls(**{k: d[k] for k in d if k in _FIELDS["Table"]})


@dataclass
class Term:
    """A defined term (chapter 3): number, the term in each language given, definition."""

    number: str
    terms: dict[str, str] = field(default_factory=dict)
    definition: str = ""
    clause: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Term:
        return cls(**{k: d[k] for k in d if k in _FIELDS["Term"]})


@dataclass
class Adoption:
    """Degree of correspondence with an international standard: IDT, MOD or NEQ."""

    relation: Relation
    standard: str
    text: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Adoption:
        return cls(**{k: d[k] for k in d if k in _FIELDS["Adoption"]})


@dataclass
class Indicator:
    """A technical indicator: parameter, comparator, value(s), unit, conditions, method."""

    parameter: str
    comparator: Comparator
    value: float | str | None = None
    min: float | None = None
    max: float | None = None
    unit: str = ""
    key: str = ""
    normalized: Normalized | None = None  # the numbers in a canonical unit
    conditions: list[str] = field(default_factory=list)
    method: str | None = None
    direction: Direction = "neither"
    clause: str | None = None  # clause id
    page: int | None = None
    text: str = ""
    origin: Origin | None = field(default_factory=lambda: Origin(type="prose"))
    ordinal: Ordinal | None = None  # for IP codes / grades
    doc: str | None = None
    role: Role = "requirement"

    def __setattr__(self, name: str, value: Any) -> None:
        # origin / normalized / ordinal given (or later assigned) as plain dicts become their records
        kind = _RECORDS.get(name)
        if kind is not None and value is not None and type(value) is not kind:
            value = kind(value)
        object.__setattr__(self, name, value)

    def to_dict(self) -> dict[str, Any]:
        """The declared fields only (never a scratch attribute), as saved in a document's JSON."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        return cls(**{k: d[k] for k in d if k in _FIELDS["Indicator"]})


@dataclass
class Document:
    """One parsed standard."""

    id: str
    title: str = ""
    titles: dict[str, str] = field(default_factory=dict)
    lang: str = "zh"
    family: str = ""
    number: str = ""
    year: int | None = None
    ics: str = ""
    ccs: str = ""
    published: str = ""
    implemented: str = ""
    replaces: list[str] = field(default_factory=list)
    adoption: Adoption | None = None
    status: Status = "final"  # draft stage printed on the cover
    source: str = ""
    format: str = ""
    sha256: str = ""
    pages: int = 0
    clauses: list[Clause] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    extractor_version: str = ""  # zmdocs.indicators.EXTRACTOR_VERSION that filled `indicators` ('' = not extracted here)

    # -- navigation -------------------------------------------------------
    def clause(self, ref: str) -> Clause | None:
        """Find a clause by id or by number."""
        for c in self.clauses:
            if c.id == ref or c.number == ref:
                return c
        return None

    def item(self, ref: str) -> tuple[Clause, Item] | None:
        """A list item by "<clause number or id> <label>" ("6.1.5 a)", "6.1.5 a", "GB 1—2020#6.1.5 b)")."""
        m = re.match(r"^(.*\S)\s+[(（]?([A-Za-z0-9]{1,3})[)）]?$", (ref or "").strip())
        if not m:
            return None
        c = self.clause(m.group(1))
        if c is None:
            return None
        for it in c.items:
            if re.sub(r"[()（）.\s]", "", it.label) == m.group(2):
                return c, it
        return None

    def children(self, clause_id: str | None) -> list[Clause]:
        return [c for c in self.clauses if c.parent == clause_id]

    def clause_id(self, number: str) -> str:
        return f"{self.id}#{number}"

    # -- (de)serialisation -----------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d = {"schema_version": d.pop("schema_version"), **d}
        if not d["extractor_version"]:  # unprepared documents serialise as before
            del d["extractor_version"]
        return d

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text that always encodes to UTF-8 (a lone surrogate left anywhere becomes U+FFFD)."""
        out = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        return out.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if re.search("[\ud800-\udfff]", out) else out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """A document from saved JSON of any readable schema (1: zmdocs 0.1, 2: now); unknown keys are ignored."""
        check_schema_version(d.get("schema_version", SCHEMA_VERSION), f"document {d.get('id')!r}")
        kw = {k: d[k] for k in d if k in _FIELDS["Document"]}
        kw["clauses"] = [Clause.from_dict(c) for c in d.get("clauses", [])]
        kw["tables"] = [Table.from_dict(t) for t in d.get("tables", [])]
        kw["terms"] = [Term.from_dict(t) for t in d.get("terms", [])]
        kw["indicators"] = [Indicator.from_dict(i) for i in d.get("indicators", [])]
        kw["adoption"] = Adoption.from_dict(d["adoption"]) if d.get("adoption") else None
        kw["schema_version"] = SCHEMA_VERSION
        return cls(**kw)

    @classmethod
    def load(cls, path: str | Path) -> Document:
        """Read a saved document unchecked; files from outside go through `zmdocs.schema.load_document`."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@dataclass
class ClausePair:
    """One row of a clause correspondence table (either side may hold several clauses)."""

    a: list[str]
    b: list[str]
    score: float

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ClausePair:
        return cls(a=list(d["a"]), b=list(d["b"]), score=float(d["score"]))


@dataclass
class IndicatorPair:
    """An indicator of A and its counterpart in B (indices into each document's indicator list)."""

    a: int
    b: int
    score: float

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> IndicatorPair:
        return cls(a=int(d["a"]), b=int(d["b"]), score=float(d["score"]))


@dataclass
class Alignment:
    """The alignment of two documents: clause pairs, unmatched clauses, indicator pairs."""

    doc_a: str
    doc_b: str
    mode: AlignMode = "auto"
    pairs: list[ClausePair] = field(default_factory=list)
    unmatched_a: list[str] = field(default_factory=list)
    unmatched_b: list[str] = field(default_factory=list)
    indicator_pairs: list[IndicatorPair] = field(default_factory=list)
    adoption: dict[str, Any] | None = None
    schema_version: int = SCHEMA_VERSION
    mode_reason: str = ""  # why `mode` was chosen (adoption statement, clause counts, diagonal)
    deviations: list[dict[str, Any]] = field(default_factory=list)  # technical deviations (annex draft)
    headings: dict[str, dict[str, str]] = field(default_factory=dict)  # {"a"|"b": {number: heading}}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_FIELDS = {
    cls.__name__: {f.name for f in fields(cls)}
    for cls in (Provision, Item, Clause, Table, Term, Adoption, Indicator, Document)
}
