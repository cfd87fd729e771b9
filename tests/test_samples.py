"""The sample corpus and its gold files: well-formed, consistent with the sources, files open.

These tests check the corpus, not zmdocs's parser (tests/test_parse_gold.py does that). Text is
read with pdfplumber / python-docx directly.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pytest

from zmdocs.model import CLAUSE_KINDS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
sys.path.insert(0, str(ROOT / "scripts"))

from samples_markup import load_all, parse_source  # noqa: E402

STEMS = {
    "T-ZZB-0999-2026-kettle": "docx",
    "GB-4706.19-2024-kettle": "pdf",
    "IEC-60335-2-15-2016-kettle": "pdf",
    "DIN-EN-60335-2-15-2020-kettle": "pdf",
}
NOTICE = {"zh": "示例文件", "en": "ILLUSTRATIVE SAMPLE", "de": "BEISPIELDOKUMENT"}
ALIGN = [
    ("GB-4706.19-2024-kettle", "IEC-60335-2-15-2016-kettle", "translation"),
    ("DIN-EN-60335-2-15-2020-kettle", "IEC-60335-2-15-2016-kettle", "translation"),
    ("T-ZZB-0999-2026-kettle", "IEC-60335-2-15-2016-kettle", "free"),
]
STD_ID = re.compile(r"^(GB(/T)? [\d.]+—\d{4}|(IEC|ISO|EN|EN ISO) [\d-]+:\d{4})$")
UNNUMBERED = {"foreword", "introduction", "bibliography"}


@pytest.fixture(scope="module")
def sources():
    return load_all()


@pytest.fixture(scope="module")
def gold():
    return {s: json.loads((GOLD / "parse" / f"{s}.json").read_text(encoding="utf-8")) for s in STEMS}


@pytest.fixture(scope="module")
def pdf_pages():
    import pdfplumber

    out = {}
    for stem, fmt in STEMS.items():
        if fmt == "pdf":
            with pdfplumber.open(SAMPLES / f"{stem}.pdf") as pdf:
                out[stem] = [p.extract_text() or "" for p in pdf.pages]
    return out


def _squash(text: str) -> str:
    """Compare text without any whitespace (PDF extraction spaces CJK and wraps lines)."""
    return re.sub(r"\s+", "", text)


def test_sources_parse_and_have_every_part(sources):
    assert set(sources) == set(STEMS)
    for name, s in sources.items():
        kinds = {e.clause_kind for e in s.clauses}
        for k in ("foreword", "scope", "normative-references", "terms", "requirements", "test-methods"):
            assert k in kinds, (name, k)
        assert any(e.annex_status for e in s.clauses), name
        assert any(e.level >= 3 for e in s.clauses), name
        assert len([e for e in s.elements if e.kind == "term"]) >= 3, name
        assert s.meta["notice"].startswith(("示例文件", "ILLUSTRATIVE", "BEISPIELDOKUMENT")), name
        for t in s.tables:
            assert all(len(r) == t.n_cols for r in t.rows), (name, t.number)
            assert all(r[0] != "<" for r in t.rows), (name, t.number)


def test_markup_rejects_bad_lines(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("@id: X\n= 1 Scope\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a"):
        parse_source(bad)
    bad.write_text("@id: X\nTABLE 1 | cap | header=1\n| a |\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no END"):
        parse_source(bad)


@pytest.mark.parametrize("stem", sorted(STEMS))
def test_parse_gold_well_formed(gold, stem):
    g = gold[stem]
    assert set(g) >= {"id", "family", "lang", "adoption", "clauses", "tables", "terms", "references"}
    nums = [c["number"] for c in g["clauses"]]
    assert len(nums) == len(set(nums)), "duplicate clause numbers"
    seen: set[str] = set()
    for c in g["clauses"]:
        assert c["kind"] in CLAUSE_KINDS, c
        if c["number"] in UNNUMBERED:
            assert c["level"] == 1 and c["parent_number"] is None and c["kind"] == c["number"]
        else:
            assert c["level"] == c["number"].count(".") + 1, c
            p = c["parent_number"]
            if c["level"] == 1:
                assert p is None, c
            else:
                assert p in seen and c["number"].startswith(p + "."), c
                parent = next(x for x in g["clauses"] if x["number"] == p)
                assert parent["kind"] == c["kind"], "sub-clauses inherit their chapter's kind"
        seen.add(c["number"])
    for t in g["tables"]:
        assert t["n_rows"] > t["header_rows"] >= 1 and t["n_cols"] >= 2, t
        assert t["caption"] and not t["caption"].startswith(("表", "Table", "Tabelle")), t
    term_clauses = {c["number"] for c in g["clauses"] if c["kind"] == "terms"}
    assert g["terms"] and all(t["number"] in term_clauses for t in g["terms"])
    assert all(STD_ID.match(r) for r in g["references"]), g["references"]
    if g["adoption"] is not None:
        assert g["adoption"]["relation"] in ("IDT", "MOD", "NEQ")
        assert STD_ID.match(g["adoption"]["standard"])


@pytest.mark.parametrize("stem", sorted(STEMS))
def test_parse_gold_matches_source(sources, gold, stem):
    s, g = sources[stem], gold[stem]
    assert g["id"] == s.meta["id"] and g["lang"] == s.meta["lang"] and g["family"] == s.meta["family"]
    src_text = (ROOT / "corpora" / "samples" / "src" / f"{stem}.txt").read_text(encoding="utf-8")
    assert [c["number"] for c in g["clauses"]] == [e.number for e in s.clauses]
    for c in g["clauses"]:
        if c["number"] not in UNNUMBERED:
            assert re.search(rf"^(= |T |=A ){re.escape(c['number'])}\b", src_text, re.M), c["number"]
        if c["number"] not in {t["number"] for t in g["terms"]}:  # term headings are checked term by term below
            assert _squash(c["heading"]) in _squash(src_text), c
    assert [(t["number"], t["n_rows"], t["n_cols"]) for t in g["tables"]] == [(t.number, t.n_rows, t.n_cols) for t in s.tables]
    refs = src_text.split("= 2 ", 1)[1].split("\n= 3 ", 1)[0]
    for r in g["references"]:
        assert r in refs, r
    for t in g["terms"]:
        for term in t["terms"].values():
            assert term in src_text


@pytest.mark.parametrize("a,b,mode", ALIGN)
def test_align_gold_consistent(gold, a, b, mode):
    g = json.loads((GOLD / "align" / f"{a}__{b}.json").read_text(encoding="utf-8"))
    assert g["a"] == gold[a]["id"] and g["b"] == gold[b]["id"] and g["mode"] == mode
    nums = {side: [c["number"] for c in gold[d]["clauses"] if c["number"] not in UNNUMBERED] for side, d in (("a", a), ("b", b))}
    for side in ("a", "b"):
        in_pairs = [n for p in g["pairs"] for n in p[side]]
        unmatched = g[f"unmatched_{side}"]
        assert set(in_pairs) | set(unmatched) == set(nums[side]), f"side {side} must cover every numbered clause"
        assert not set(in_pairs) & set(unmatched)
        if mode == "translation":
            assert len(in_pairs) == len(set(in_pairs)), "translation pairs use each clause once"
            order = [nums[side].index(n) for n in in_pairs]
            assert order == sorted(order), "translation pairs are monotonic"
    assert all(p["a"] and p["b"] for p in g["pairs"])
    if mode == "translation":
        same = sum(1 for p in g["pairs"] if p["a"] == p["b"])
        assert same / len(g["pairs"]) > 0.9
    else:
        assert 20 <= len(g["pairs"]) and len(g["unmatched_a"]) >= 10


def test_gb_correspondence_table_agrees_with_align_gold(sources):
    """GB Annex B lists the clause correspondence with IEC; it must say what the align gold says."""
    table = next(t for t in sources["GB-4706.19-2024-kettle"].tables if t.number == "B.1")
    g = json.loads((GOLD / "align" / "GB-4706.19-2024-kettle__IEC-60335-2-15-2016-kettle.json").read_text(encoding="utf-8"))

    def nums(cell: str) -> list[str]:
        return [] if cell == "—" else [n.removeprefix("附录") for n in cell.split("、")]

    rows = [(nums(a), nums(b)) for a, b in table.rows[1:]]
    assert [(p["a"], p["b"]) for p in g["pairs"]] == [r for r in rows if r[0] and r[1]]
    assert g["unmatched_a"] == [r[0][0] for r in rows if not r[1]]
    assert g["unmatched_b"] == [r[1][0] for r in rows if not r[0]]


@pytest.mark.parametrize("stem", [s for s, f in STEMS.items() if f == "pdf"])
def test_pdf_opens_and_looks_like_a_standard(pdf_pages, gold, stem):
    pages = pdf_pages[stem]
    g = gold[stem]
    assert 8 <= len(pages) <= 20
    assert NOTICE[g["lang"]] in pages[0]
    toc = pages[1]
    assert re.search(r"(\. ){5,}", toc), "contents page with dot leaders"
    for p in pages[1:]:
        assert g["id"] in p, "running header with the standard number on every page after the cover"
    body = _squash("".join(pages[1:]))
    for c in g["clauses"]:
        if c["level"] == 1 and c["number"] not in UNNUMBERED and not c["kind"].startswith("annex"):
            assert _squash(c["number"] + c["heading"]) in body, c
    splits = 0
    for p, nxt in zip(pages[2:-1], pages[3:], strict=True):
        lines = [x for x in p.splitlines()[1:] if len(x) > 25 and "©" not in x and "zmdocs" not in x]
        first = nxt.splitlines()[1]  # line 0 is the running header
        starts_new = re.match(r"^([0-9A-Z]+(\.\d+)*\s|附录|Anhang|Annex|表|Table|Tabelle)", first)
        if lines and not lines[-1].rstrip().endswith(("。", ".", "：", ":", "；", ";")) and not starts_new:
            splits += 1
    assert splits >= 1, "at least one paragraph runs across a page break"
    if stem.startswith("GB"):
        assert any("表B.1（续）" in p for p in pages), "a table continued on the next page"


def test_docx_opens_with_autonumbering_and_merged_cells(gold):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(SAMPLES / "T-ZZB-0999-2026-kettle.docx"))
    text = "\n".join(p.text for p in d.paragraphs)
    assert NOTICE["zh"] in text and "目　　次" in text and "T/ZZB 0999—2026" in text
    numbered = [p for p in d.paragraphs if p._p.find(f".//{qn('w:numPr')}") is not None]
    assert len(numbered) >= 30, "chapters 5 and 6 are numbered by Word, not in the text"
    assert all(not re.match(r"^\d", p.text) for p in numbered)
    assert {p.style.name for p in numbered} >= {"Heading 1", "Heading 2", "Heading 3"}
    numbering = d.part.numbering_part.element.xml
    assert 'w:lvlText w:val="%1.%2.%3"' in numbering
    xml = d.element.body.xml
    assert "w:gridSpan" in xml and "w:vMerge" in xml
    assert len(d.tables) == len(gold["T-ZZB-0999-2026-kettle"]["tables"])
    for t, gt in zip(d.tables, gold["T-ZZB-0999-2026-kettle"]["tables"], strict=True):
        assert (len(t.rows), len(t.columns)) == (gt["n_rows"], gt["n_cols"])


def test_competitor_csv():
    with open(SAMPLES / "kettle-competitor.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 8
    for r in rows:
        assert set(r) == {"parameter", "comparator", "value", "unit", "source"}
        assert r["comparator"] in ("<=", ">=", "<", ">", "=") and float(r["value"]) > 0
        assert "illustrative" in r["source"]
