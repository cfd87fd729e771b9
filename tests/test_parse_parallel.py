"""Parallel text of side-by-side bilingual PDFs: the translation column kept with the clauses it translates.

Every input is written by the test itself (reportlab PDFs, hand-built Documents); no corpus text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.model import Clause, Document, Table
from zmdocs.parse.parallel import attach_parallel

EN = ["The operator shall keep the records of every", "test and of the equipment that was used for",
      "it, and the results shall be available to the", "authority on request. A record is kept for at",
      "least five years and the test voltage is not", "less than 250 V during the whole test run."]
FR = ["L'exploitant doit conserver les registres de", "chaque essai et de l'équipement qui a été",
      "utilisé pour cet essai, et les résultats sont", "mis à la disposition de l'autorité sur la",
      "demande. Un registre est conservé pendant et", "la tension n'est pas inférieure à 250 V."]
TITLES = [("SCOPE", "DOMAINE"), ("RECORDS", "REGISTRES"), ("TESTS", "ESSAIS"), ("GENERAL", "GÉNÉRALITÉS")]


def _pdf(path: Path, bilingual: bool = True) -> None:
    """Four pages in two columns: English left, French (or English again) right, clauses n and n.1."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for n in range(1, 5):
        c.setFont("Helvetica", 8)
        c.drawCentredString(297, 842 - 40, "PUBLICATION X-9 RUNNING HEADER ACROSS THE WHOLE PAGE")  # full width
        y = 842 - 90
        c.setFont("Courier", 8)
        right = [f"{n}. {TITLES[n - 1][1]}", f"{n}.1 La procédure s'applique aux essais", *FR]
        if not bilingual:  # one language: the text goes on in the right column with the next clause
            right = [f"{n}.2 Keeping of the records", "The records are kept in the office of", *EN]
        rows = list(zip([f"{n}. {TITLES[n - 1][0]}", f"{n}.1 The procedure applies to all tests", *EN], right,
                        strict=True))
        for en, right in rows:
            c.drawString(70, y, en)
            c.drawString(330, y, right)
            y -= 14
        c.setFont("Helvetica", 8)
        c.drawCentredString(297, 40, f"page {n}")
        c.showPage()
    c.save()


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    pytest.importorskip("reportlab")
    from zmdocs.parse.registry import parse_file

    d = tmp_path_factory.mktemp("par")
    _pdf(d / "bi.pdf")
    _pdf(d / "mono.pdf", bilingual=False)
    return parse_file(d / "bi.pdf"), parse_file(d / "mono.pdf")


def test_translation_column_is_parallel_text(docs):
    """Each clause keeps its French twin (heading and text) under parallel['fr']; no clause is opened twice."""
    doc, _ = docs
    nums = [c.number for c in doc.clauses if c.number]
    assert len(nums) == len(set(nums)) and {"1", "1.1", "4", "4.1"} <= set(nums)
    c1, c11 = doc.clause("1"), doc.clause("1.1")
    assert c1.heading == "SCOPE" and c1.parallel["fr"]["heading"] == "DOMAINE"
    fr = c11.parallel["fr"]
    assert "procedure applies" in c11.heading + c11.text and "essai" not in c11.heading + c11.text
    assert "procédure s'applique" in fr["heading"] + fr["text"] and "inférieure à 250 V" in c11.parallel["fr"]["text"]
    assert doc.clause("4.1").parallel["fr"]["text"].count("registres") == 1
    assert not any("RUNNING HEADER" in c.parallel.get("fr", {}).get("text", "") for c in doc.clauses)


def test_two_column_page_in_one_language_reads_column_by_column(docs):
    """A two-column page in one language (a journal page) reads the left column, then the right: no parallel."""
    _, mono = docs
    assert not any(cl.parallel for cl in mono.clauses)
    assert [c.number for c in mono.clauses if c.number][:4] == ["1", "1.1", "1.2", "2"]
    left, right = mono.clause("1.1"), mono.clause("1.2")
    assert "records of every test and of the equipment" in " ".join(left.text.split())  # a column's lines join
    assert "office" not in left.text and right.heading == "Keeping of the records"
    assert " ".join(right.text.split()).startswith("The records are kept in the office of The operator")


def _doc(*clauses: tuple[str, str, str, int, str]) -> Document:
    doc = Document(id="x", lang="en")
    for k, (num, head, text, page, kind) in enumerate(clauses):
        doc.clauses.append(Clause(id=f"c{k}", number=num, heading=head, text=text, page=page, kind=kind))
    return doc


def test_pairing_by_number_on_the_same_page():
    """A twin is the clause of the same number starting on the same page or the next; others go to the
    clause open on their page; a table of the translation becomes text of its clause."""
    main = _doc(("foreword", "FOREWORD", "en fw", 1, "foreword"), ("1", "SCOPE", "en one", 2, "other"),
                ("1.1", "", "en one one", 2, "other"), ("2", "TESTS", "en two", 5, "other"))
    other = _doc(("foreword", "AVANT-PROPOS", "fr fw", 1, "foreword"), ("1", "DOMAINE", "fr un", 2, "other"),
                 ("7", "", "fr sept", 3, "other"),  # a number the main text lacks: kept in the clause open (1.1)
                 ("2", "", "fr liste", 3, "other"),  # "2" printed two pages before the main text's 2: not its twin
                 ("2", "ESSAIS", "fr deux", 5, "other"))
    other.tables.append(Table(id="t1", clause="c4", rows=[["a", "b"], ["1", "2"]]))
    assert attach_parallel(main, other, "fr") == 3
    fw, one, oneone, two = main.clauses
    assert fw.parallel["fr"] == {"heading": "AVANT-PROPOS", "text": "fr fw"}
    assert one.parallel["fr"] == {"heading": "DOMAINE", "text": "fr un"}
    assert oneone.parallel["fr"]["text"] == "7\nfr sept\n2\nfr liste"
    assert two.parallel["fr"] == {"heading": "ESSAIS", "text": "fr deux\na | b\n1 | 2"}


def test_parallel_survives_json():
    """The parallel text is part of the saved document."""
    from zmdocs.model import Document as D

    doc = _doc(("1", "SCOPE", "en", 1, "other"))
    doc.clauses[0].parallel = {"fr": {"heading": "DOMAINE", "text": "fr"}}
    back = D.from_dict(doc.to_dict()) if hasattr(D, "from_dict") else None
    assert back is None or back.clauses[0].parallel == {"fr": {"heading": "DOMAINE", "text": "fr"}}


def test_french_appendix_label():
    """"Appendice A" (the French column's label) opens annex A as "Appendix A" does."""
    from zmdocs.parse.numbering import parse_annex

    assert parse_annex("Appendice A") == ("A", "", "") and parse_annex("APPENDICE B GUIDE")[0] == "B"
    assert parse_annex("Appendices to this publication") is None
