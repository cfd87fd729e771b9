"""Parse each sample standard and compare with its hand-written gold file (tests/data/gold/parse)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
GOLD = Path(__file__).resolve().parent / "data" / "gold" / "parse"
STEMS = [
    "T-ZZB-0999-2026-kettle.docx",
    "GB-4706.19-2024-kettle.pdf",
    "IEC-60335-2-15-2016-kettle.pdf",
    "DIN-EN-60335-2-15-2020-kettle.pdf",
]

_cache: dict[str, object] = {}


def _flat(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def _parsed(name: str):
    path = SAMPLES / name
    gold = GOLD / f"{path.stem}.json"
    if not path.exists():
        pytest.skip(f"sample {name} not rendered yet (run scripts/make_samples.py)")
    if not gold.exists():
        pytest.skip(f"gold file {gold.name} not written yet")
    if name not in _cache:
        from zmdocs.parse.registry import parse_file

        _cache[name] = parse_file(path)
    return _cache[name], json.loads(gold.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", STEMS)
def test_metadata(name):
    doc, gold = _parsed(name)
    assert doc.id == gold["id"]
    assert doc.family == gold["family"]
    assert doc.lang == gold["lang"]
    ga = gold.get("adoption")
    if ga:
        assert doc.adoption is not None, "adoption statement not found"
        assert (doc.adoption.relation, doc.adoption.standard) == (ga["relation"], ga["standard"])
    else:
        assert doc.adoption is None
    for key in ("ics", "ccs", "published", "implemented"):
        if key in gold:
            assert getattr(doc, key) == gold[key], key
    if "replaces" in gold:
        assert doc.replaces == gold["replaces"]
    for lang, title in (gold.get("titles") or {}).items():
        assert _flat(doc.titles.get(lang)) == _flat(title), lang


@pytest.mark.parametrize("name", STEMS)
def test_clauses(name):
    doc, gold = _parsed(name)
    got = {c.number: c for c in doc.clauses}
    missing = [g["number"] for g in gold["clauses"] if g["number"] not in got]
    assert not missing, f"clauses not found: {missing}"
    extra = sorted(set(got) - {g["number"] for g in gold["clauses"]})
    assert not extra, f"extra clauses: {extra}"
    assert [c.number for c in doc.clauses] == [g["number"] for g in gold["clauses"]], "clause order differs"
    for g in gold["clauses"]:
        c = got[g["number"]]
        assert _flat(c.heading) == _flat(g.get("heading")), (g["number"], c.heading, g.get("heading"))
        assert c.kind == g["kind"], (g["number"], c.kind, g["kind"])
        assert c.level == g["level"], g["number"]
        parent = doc.clause(c.parent).number if c.parent else None
        assert parent == g.get("parent_number"), (g["number"], parent, g.get("parent_number"))


@pytest.mark.parametrize("name", STEMS)
def test_tables(name):
    doc, gold = _parsed(name)
    assert len(doc.tables) == len(gold["tables"]), [t.number for t in doc.tables]
    for t, g in zip(doc.tables, gold["tables"], strict=True):
        assert t.number == g["number"]
        assert _flat(t.caption) == _flat(g["caption"]), (t.caption, g["caption"])
        assert len(t.rows) == g["n_rows"], (t.number, len(t.rows), g["n_rows"])
        assert max(len(r) for r in t.rows) == g["n_cols"], t.number
        assert t.header_rows == g["header_rows"], (t.number, t.header_rows, g["header_rows"])
        if "footnotes" in g:
            assert len(t.footnotes) == len(g["footnotes"]), (t.number, t.footnotes)


@pytest.mark.parametrize("name", STEMS)
def test_terms_and_references(name):
    doc, gold = _parsed(name)
    assert [(t.number, t.terms) for t in doc.terms] == [(g["number"], g["terms"]) for g in gold["terms"]]
    assert all(t.definition for t in doc.terms), "every term has a definition"
    assert doc.references == gold["references"]


@pytest.mark.parametrize("name", STEMS)
def test_no_toc_or_running_text_in_clauses(name):
    doc, _ = _parsed(name)
    for c in doc.clauses:
        assert not re.search(r"(?:\. ){4,}|\.{5,}", c.text), f"table-of-contents leaders in {c.number}"
    provs = [p for c in doc.clauses for p in c.provisions]
    assert sum(p.form == "requirement" for p in provs) >= 10


def _source_meta(name: str) -> dict:
    """Cover fields the sample was rendered from (corpora/samples/src/<stem>.txt)."""
    import sys

    src = SAMPLES / "src" / f"{Path(name).stem}.txt"
    if not src.exists():
        pytest.skip(f"sample source {src.name} missing")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from samples_markup import parse_source
    finally:
        sys.path.pop(0)
    return parse_source(src).meta


@pytest.mark.parametrize("name", STEMS)
def test_cover_metadata_matches_source(name):
    doc, _ = _parsed(name)
    meta = _source_meta(name)
    assert doc.ics == meta.get("ics", "")
    assert doc.ccs == meta.get("ccs", "")
    assert doc.replaces == ([meta["replaces"]] if meta.get("replaces") else [])
    for key in ("published", "implemented"):
        if meta.get(key):  # the cover may print only year-month ("Edition 6.0 2016-05")
            got = getattr(doc, key)
            assert got and meta[key].startswith(got), (key, got, meta[key])
    titles = {k[6:]: v for k, v in meta.items() if k.startswith("title.")}
    assert titles
    for lang, title in titles.items():
        assert _flat(doc.titles.get(lang)) == _flat(title), lang
    assert doc.title == doc.titles[doc.lang]


def _source_doc(name: str):
    import sys

    src = SAMPLES / "src" / f"{Path(name).stem}.txt"
    if not src.exists():
        pytest.skip(f"sample source {src.name} missing")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from samples_markup import parse_source
    finally:
        sys.path.pop(0)
    return parse_source(src)


@pytest.mark.parametrize("name", STEMS)
def test_source_paragraphs_land_in_their_clause(name):
    """Every paragraph, list item and note of the source is found, whole, in the text of its own clause."""
    from zmdocs.text.normalize import normalize

    doc, _ = _parsed(name)
    src = _source_doc(name)
    current = None
    missing = []
    n = 0
    for e in src.elements:
        if e.kind in ("clause", "term"):
            current = e.number
            continue
        if e.kind not in ("para", "item", "note") or current is None:
            continue
        c = doc.clause(current)
        n += 1
        if c is None or _flat(normalize(e.text)) not in _flat(c.text) + _flat(c.heading):
            missing.append((current, e.text[:60]))
    assert n > 50
    assert not missing, f"{len(missing)}/{n} source paragraphs not in their clause: {missing[:5]}"


@pytest.mark.parametrize("name", STEMS)
def test_table_footnotes_match_source(name):
    from zmdocs.text.normalize import normalize

    doc, _ = _parsed(name)
    src = _source_doc(name)
    want = {t.number: [_flat(normalize(f)) for f in t.footnotes] for t in src.tables}
    got = {t.number: [_flat(f) for f in t.footnotes] for t in doc.tables}
    assert got == want
