"""One validation layer (pydantic v2) for everything zmdocs reads back or the user writes.

Saved zmdocs JSON (`zmdocs parse` output read by align/compare/diff/check), the level rules
(`data/rules.yaml` or `--rules`), the glossary (`data/glossary.yaml`) and product YAML. Every
failure is one line naming the file and the field, raised as the caller's `ZmdocsError`
subclass — never a pydantic traceback. User YAML refuses unknown keys (a typo must not pass
silently); saved JSON ignores them, as `Document.from_dict` always has.

Import this module lazily (inside functions): it imports pydantic.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)

from zmdocs.errors import CompareError, SchemaError, ZmdocsError
from zmdocs.model import (
    ClauseKind,
    Comparator,
    Direction,
    Document,
    Form,
    OriginType,
    Relation,
    Role,
    Status,
    check_schema_version,
)

__all__ = ["GlossaryFile", "ProductFile", "RulesFile", "SavedDocument", "document_from_data", "glossary_from_data",
           "load_document", "load_product_rows", "product_from_data", "rules_from_data", "validate"]

M = TypeVar("M", bound=BaseModel)
RULES_SCHEMA_VERSION = 1
GLOSSARY_SCHEMA_VERSION = 1
RULES_HINT = "see zmdocs/data/rules.yaml for the documented format"
Number = StrictInt | StrictFloat
Share = Annotated[Number, Field(ge=0, le=1)]
Count = Annotated[StrictInt, Field(ge=0)]


_UNION_TAGS = {"str", "int", "float", "bool", "list", "dict", "none"}  # pydantic names union branches in `loc`


# -- errors -----------------------------------------------------------------------------------
def _where(loc: tuple) -> tuple[str, str, str]:
    """(path of the enclosing element, the field's own name, " item n" of a list entry) of an error location."""
    parts = [p for p in loc if not (isinstance(p, str) and ("[" in p or p in _UNION_TAGS))]
    j = max((i for i, p in enumerate(parts) if isinstance(p, str)), default=-1)
    path = ""
    for p in parts[: max(j, 0)]:
        path += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if path else str(p))
    items = "".join(f" item {p + 1}" for p in parts[j + 1:] if isinstance(p, int))
    return path, (str(parts[j]) if j >= 0 else ""), items


def _problem(err: dict[str, Any], fields: tuple[str, ...]) -> str:
    """One phrase for one pydantic error, naming the field in backticks."""
    kind, ctx, got = err["type"], err.get("ctx") or {}, err.get("input")
    path, name, items = _where(tuple(err["loc"]))
    field = f"`{name}`{items}" if name else "the file"
    at = f"{path}: " if path else ""
    if kind == "extra_forbidden":
        known = f" (known: {', '.join(fields)})" if fields else ""
        return f"{at}unknown field `{name}`{known}"
    text = {
        "missing": f"{field} is required",
        "literal_error": f"{field} is {got!r}, not one of {ctx.get('expected', '')}",
        "too_short": f"{field} must be a non-empty list",
        "greater_than_equal": f"{field} must be a number ≥ {ctx.get('ge')} (got {got!r})",
        "less_than_equal": f"{field} must be a number ≤ {ctx.get('le')} (got {got!r})",
        "bool_type": f"{field} must be true or false (got {got!r})",
        "int_type": f"{field} must be a whole number (got {got!r})",
        "float_type": f"{field} must be a number (got {got!r})",
        "string_type": f"{field} must be text (got {got!r})",
        "list_type": f"{field} must be a list (got {type(got).__name__})",
        "dict_type": f"{field} must be a mapping (got {type(got).__name__})",
        "model_type": f"{field} must be a mapping (got {type(got).__name__})",
        "model_attributes_type": f"{field} must be a mapping (got {type(got).__name__})",
    }.get(kind)
    if text is None:
        msg = re.sub(r"^(Value|Assertion) error, ", "", str(err.get("msg", "")))
        text = f"{field}: {msg}" if name else msg
    return at + text


def validate(model: type[M], data: Any, name: str, error: type[ZmdocsError] = SchemaError, hint: str = "") -> M:
    """`model` checked from `data`; the first problem is one `error` line naming `name` and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as e:
        msg = f"{name}: {_first_problem(model, e)}"
        raise error(f"{msg} — {hint}" if hint else msg) from None


def _first_problem(model: type[BaseModel], e: ValidationError) -> str:
    """The first problem of a failed validation as one phrase, with how many more there are."""
    errs = e.errors(include_url=False)
    fields = _known_fields(model, tuple(errs[0]["loc"]))
    n = len({_where(tuple(x["loc"])) for x in errs})  # a union's branches report one problem each
    more = f" (and {n - 1} more)" if n > 1 else ""
    return f"{_problem(errs[0], fields)}{more}"


def _known_fields(model: type[BaseModel], loc: tuple) -> tuple[str, ...]:
    """The declared fields of the (nested) model an unknown key was found in, for the error line."""
    cur: Any = model
    for p in loc[:-1]:
        if isinstance(p, int) or not (isinstance(cur, type) and issubclass(cur, BaseModel)):
            continue
        f = cur.model_fields.get(p)
        if f is not None:  # else a key of a mapping (a glossary key): the model is still the values'
            cur = _inner_model(f.annotation)
    return tuple(cur.model_fields) if isinstance(cur, type) and issubclass(cur, BaseModel) else ()


def _inner_model(tp: Any) -> Any:
    """The BaseModel inside an annotation like list[X], X | None, Annotated[list[X], …]."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for a in get_args(tp):
        m = _inner_model(a)
        if m is not None:
            return m
    return None


# -- saved zmdocs JSON --------------------------------------------------------------------------
class _Saved(BaseModel):
    """A part of saved JSON: written by zmdocs, so keys it does not know (a later minor field) are ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)


class _Provision(_Saved):
    text: StrictStr
    form: Form = "statement"
    negated: StrictBool = False
    start: StrictInt | None = None
    end: StrictInt | None = None


class _Item(_Saved):
    label: StrictStr
    text: StrictStr
    start: StrictInt | None = None
    end: StrictInt | None = None


class _Clause(_Saved):
    id: StrictStr
    number: StrictStr
    heading: StrictStr = ""
    text: StrictStr = ""
    level: StrictInt = 1
    parent: StrictStr | None = None
    kind: ClauseKind = "other"
    page: StrictInt | None = None
    page_end: StrictInt | None = None
    provisions: list[_Provision] = []
    items: list[_Item] = []  # schema 2
    parallel: dict[str, dict[str, StrictStr]] = {}  # the clause in another language printed beside it


class _Table(_Saved):
    id: StrictStr
    number: StrictStr = ""
    caption: StrictStr = ""
    clause: StrictStr | None = None
    header_rows: StrictInt = 1
    rows: list[list[StrictStr]] = []
    footnotes: list[StrictStr] = []
    page: StrictInt | None = None


class _Term(_Saved):
    number: StrictStr
    terms: dict[str, StrictStr] = {}
    definition: StrictStr = ""
    clause: StrictStr | None = None


class _Adoption(_Saved):
    relation: Relation
    standard: StrictStr
    text: StrictStr = ""


class _Origin(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)  # a record open to new keys (note, footnote, …)
    type: OriginType = "prose"
    table: StrictStr | None = None
    row: StrictInt | None = None
    col: StrictInt | None = None


class _Normalized(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)
    value: Number | None = None
    min: Number | None = None
    max: Number | None = None
    unit: StrictStr | None = None


class _Ordinal(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)
    scale: StrictStr
    rank: Number | list[Number | None] | None = None
    label: StrictStr = ""


class _Indicator(_Saved):
    parameter: StrictStr
    comparator: Comparator
    value: Number | StrictStr | None = None
    min: Number | None = None
    max: Number | None = None
    unit: StrictStr = ""
    key: StrictStr = ""
    normalized: _Normalized | None = None
    conditions: list[StrictStr] = []
    method: StrictStr | None = None
    direction: Direction = "neither"
    clause: StrictStr | None = None
    page: StrictInt | None = None
    text: StrictStr = ""
    origin: _Origin | None = None
    ordinal: _Ordinal | None = None
    doc: StrictStr | None = None
    role: Role = "requirement"  # schema 2 (0.1 files: every indicator is a requirement)


class SavedDocument(_Saved):
    """A saved `Document` of schema 1 (zmdocs 0.1) or 2; fields missing in 0.1 files take their defaults."""

    schema_version: StrictInt = 1
    id: StrictStr
    title: StrictStr = ""
    titles: dict[str, StrictStr] = {}
    lang: StrictStr = "zh"
    family: StrictStr = ""
    number: StrictStr = ""
    year: StrictInt | None = None
    replaces: list[StrictStr] = []
    adoption: _Adoption | None = None
    status: Status = "final"  # schema 2
    pages: StrictInt = 0
    clauses: list[_Clause]
    tables: list[_Table] = []
    terms: list[_Term] = []
    references: list[StrictStr] = []
    indicators: list[_Indicator] = []
    warnings: list[StrictStr] = []
    extractor_version: StrictStr = ""


def document_from_data(data: Any, name: str) -> Document:
    """A Document from loaded JSON of a readable schema; SchemaError names `name`, the field and the problem."""
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise SchemaError(f"{name}: a zmdocs document is a JSON object, not {type(data).__name__} — "
                          "give `zmdocs parse` output (one document) or the standard file")
    check_schema_version(data.get("schema_version", 1), name)
    validate(SavedDocument, data, name, SchemaError, "give `zmdocs parse` output or the standard file")
    return Document.from_dict(data)


def load_document(path: str | Path) -> Document:
    """Read a saved document file (`zmdocs parse` JSON); one SchemaError line for any problem."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SchemaError(f"{p}: not a readable zmdocs JSON document ({e}) — give the standard file instead") from None
    return document_from_data(data, str(p))


# -- user YAML -----------------------------------------------------------------------------------
class _User(BaseModel):
    """A part of a file the user writes: strict types, and an unknown key is an error naming it."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _as_list(v: Any) -> Any:
    return [v] if isinstance(v, str) else v


def _as_langs(v: Any) -> Any:
    return {"zh": v, "en": v} if isinstance(v, str) else v


def _tier(v: str) -> str:
    from zmdocs.compare.tiers import TIERS  # here, not at the top: the glossary's readers know no compare

    if v not in TIERS:
        raise ValueError(f"{v!r} is not a tier: list tiers among {', '.join(TIERS)}")
    return v


def _level_id(v: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", v):
        raise ValueError(f"{v!r} must be letters, digits and dashes")
    return v


Tiers = Annotated[list[Annotated[StrictStr, AfterValidator(_tier)]], BeforeValidator(_as_list)]
Labels = Annotated[dict[str, StrictStr], BeforeValidator(_as_langs)]


class RulesLevel(_User):
    """One level of the verdict (see data/rules.yaml for what each field means)."""

    id: Annotated[StrictStr, AfterValidator(_level_id)]
    label: Labels | None = None
    against: Annotated[Tiers, Field(min_length=1)]
    all_at_least_equal: StrictBool = True
    min_stricter: Count = 0
    min_stricter_share: Share = 0.0
    min_compared: Count = 1
    not_comparable: Literal["ignore", "block"] = "ignore"
    not_looser_than: Tiers = []
    products: Literal["ignore", "block"] = "ignore"


class RulesEvidence(_User):
    min_key_compared: Count = 1
    min_key_share: Share = 0.0


class RulesFile(_User):
    """A level rules file: levels highest first, the label when none is reached, the evidence needed."""

    schema_version: StrictInt = RULES_SCHEMA_VERSION
    levels: Annotated[list[RulesLevel], Field(min_length=1)]
    not_reached: Labels = {"zh": "未达到", "en": "not reached"}
    evidence: RulesEvidence | None = None

    @model_validator(mode="after")
    def _unique_ids(self) -> RulesFile:
        seen: set[str] = set()
        for lv in self.levels:
            if lv.id in seen:
                raise ValueError(f"level id {lv.id!r} appears twice")
            seen.add(lv.id)
        return self


def rules_from_data(data: Any, name: str) -> RulesFile:
    """A checked rules mapping (as loaded from YAML); CompareError naming `name` and the field."""
    if not isinstance(data, dict):
        raise CompareError(f"{name}: the rules file must be a mapping with a `levels` list — {RULES_HINT}")
    ver = data.get("schema_version", RULES_SCHEMA_VERSION)
    if ver != RULES_SCHEMA_VERSION:
        raise CompareError(f"{name}: schema_version {ver!r} is not supported (this zmdocs reads "
                           f"{RULES_SCHEMA_VERSION}) — {RULES_HINT}")
    return validate(RulesFile, data, name, CompareError, RULES_HINT)


Synonyms = list[Annotated[StrictStr | StrictInt | StrictFloat, AfterValidator(str)]]


class GlossaryEntry(_User):
    """One parameter key: synonyms per language, canonical unit(s), kind."""

    zh: Synonyms = []
    en: Synonyms = []
    de: Synonyms = []
    fr: Synonyms = []
    unit: StrictStr = ""  # canonical unit(s) its values take, space-separated; empty: any
    kind: Literal["delta", "test-level"] | None = None


class SubjectEntry(GlossaryEntry):
    """One subject (what a clause is about): synonyms per language and its group (lamp, part, test, …);
    subjects of one group exclude each other, subjects of different groups do not (zmdocs.pairing)."""

    group: StrictStr = ""
    broader: StrictStr = ""  # the subject this one is a kind of (a high-mounted stop lamp is a stop lamp)


class GlossaryFile(_User):
    schema_version: Literal[1] = GLOSSARY_SCHEMA_VERSION
    keys: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], GlossaryEntry]
    # what a clause is about (a lamp, a part), named in headings; never a parameter key (zmdocs.pairing.subjects_in)
    subjects: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], SubjectEntry] = {}
    # general vocabulary for the cross-lingual search channel only (zmdocs.index.crossterms)
    terms: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], GlossaryEntry] = {}


def glossary_from_data(data: Any, name: str) -> dict[str, dict[str, Any]]:
    """The checked glossary as key -> {"zh": [...], …, "unit", "kind"} (absent fields left out, as written)."""
    g = validate(GlossaryFile, data, name, SchemaError, "fix the glossary (see the comments at its top)")
    return {k: e.model_dump(exclude_unset=True) for k, e in g.keys.items()}


Scalar = StrictStr | StrictInt | StrictFloat | None
ProductFault = Callable[[str, str, str], ZmdocsError]  # (file, problem, hint) -> the caller's error


class ProductParameter(_User):
    """One row of a product file (`zmdocs check` data or a `compare --against` product): the CSV columns, as YAML keys."""

    parameter: Scalar = None
    comparator: Scalar = None
    value: Scalar | StrictBool = None  # `是`/`yes` in YAML reads as true: kept as text by check
    unit: Scalar = None
    source: Scalar = None
    key: Scalar = None
    min: Scalar = None
    max: Scalar = None
    conditions: StrictStr | list[Scalar] | None = None
    method: Scalar = None
    product: Scalar = None


class ProductRow(ProductParameter):
    """A CSV row: the cells of the known columns; other columns (notes, remarks, …) are the user's, and ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)
    parameter: StrictStr = ""
    value: StrictStr = ""


class ProductFile(_User):
    """A product YAML: the product's name and its parameters (`indicators` is read as `parameters`)."""

    product: Scalar = None
    name: Scalar = None
    source: Scalar = None
    parameters: list[ProductParameter] | None = None
    indicators: list[ProductParameter] | None = None


def _lower_keys(data: Any) -> Any:
    """Keys as CSV headers are read (stripped, lower case): `Parameter:` is `parameter:`."""
    if isinstance(data, dict):
        return {str(k).strip().lower(): v for k, v in data.items()}
    return data


def product_from_data(data: Any, name: str, fault: ProductFault, columns: str) -> tuple[str | None, list[dict[str, Any]]]:
    """(product name or None, parameter records as written) of a product YAML; one `fault` line naming the key."""
    hint = f"write `product:` and `parameters:`, a list of mappings with {columns}"
    if isinstance(data, list):
        data = {"parameters": data}
    if isinstance(data, dict):
        data = {k: [_lower_keys(r) for r in v] if k in ("parameters", "indicators") and isinstance(v, list) else v
                for k, v in _lower_keys(data).items()}
    try:
        f = ProductFile.model_validate(data)
    except ValidationError as e:
        raise fault(name, _first_problem(ProductFile, e), hint) from None
    records = f.parameters if f.parameters is not None else f.indicators
    if not records:
        raise fault(name, "no parameters found", hint)
    label = f.product if f.product is not None else f.name
    return (None if label is None else str(label)), [r.model_dump(exclude_unset=True) for r in records]


def _csv_rows(text: str, path: Path, fault: ProductFault, columns: str) -> list[tuple[int, dict[str, Any]]]:
    """The non-empty rows of a product CSV/TSV as (line number, checked record); a row with more cells than the header is an error."""
    first = text.split("\n", 1)[0]
    delim = "\t" if path.suffix.lower() == ".tsv" else max((",", ";", "\t"), key=first.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delim)
    fields = [(f or "").strip().lower() for f in reader.fieldnames or []]
    if "parameter" not in fields or "value" not in fields:
        raise fault(str(path), "the CSV has no parameter and value columns", f"add a header row: {columns}")
    rows = []
    for i, r in enumerate(reader, 2):
        extra = r.get(None) or []  # DictReader's restkey: cells beyond the header (empty ones are a spreadsheet's habit)
        if any((c or "").strip() for c in extra):
            raise fault(str(path), f"row {i} has {len(fields) + len(extra)} cells but the header names {len(fields)} columns",
                        'quote a value that holds a comma or the delimiter ("1,250"), or name the extra column')
        rec = {(k or "").strip().lower(): (v or "").strip() for k, v in r.items() if k}
        if any(rec.values()):
            rows.append((i, ProductRow.model_validate(rec).model_dump(exclude_unset=True)))
    return rows


def load_product_rows(path: str | Path, fault: ProductFault, columns: str) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """The one reader of product parameter files, for `zmdocs check` and `compare --against`.

    Returns (product name, [(row number, record)]): the row number is the CSV line (header is 1)
    or the YAML list position. The name is YAML `product`/`name`, a CSV `product` column holding
    one name, else the file's stem. Every problem is one `fault(file, problem, hint)` error, where
    `columns` (the caller's column list) goes into the hints.
    """
    p = Path(path)
    if not p.is_file():
        raise fault(str(p), "no such file", "check the path of the product data")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise fault(str(p), f"cannot read ({e.__class__.__name__})", "save it as UTF-8 CSV or YAML") from None
    name = p.stem
    if p.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            raise fault(str(p), "not valid YAML", f"fix the syntax: `product:` and `parameters:`, a list of {columns}") from None
        label, records = product_from_data(data, str(p), fault, columns)
        return label or name, list(enumerate(records, 1))
    rows = _csv_rows(text, p, fault, columns)
    if not rows:
        raise fault(str(p), "no parameters", f"add rows of {columns}")
    names = {str(r["product"]) for _, r in rows if r.get("product")}
    return (names.pop() if len(names) == 1 else name), rows
