"""Side-by-side bilingual PDFs (one language per column) and German regulations' decimal-numbered Anlagen.

Every input is written by the test itself (reportlab PDFs, Markdown strings); no corpus text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.parse.evaluate import in_scope

EN = ["The operator shall keep the records of every", "test and of the equipment that was used for",
      "it, and the results shall be available to the", "authority on request. A record is kept for at",
      "least five years and is checked by the person", "who is in charge of the tests in the plant."]
FR = ["L'exploitant doit conserver les registres de", "chaque essai et de l'équipement qui a été",
      "utilisé pour cet essai, et les résultats sont", "mis à la disposition de l'autorité sur la",
      "demande. Un registre est conservé pendant au", "moins cinq ans et il est contrôlé par la."]


WRAPPED = "1.2 Keeping the Records of the Test Equipment"  # 45 characters, as the longest line of EN
TITLES = [("SCOPE", "DOMAINE"), ("RECORDS", "REGISTRES"), ("TESTS", "ESSAIS"), ("GENERAL", "GÉNÉRALITÉS")]


def _bilingual_pdf(path: Path) -> None:
    """Four pages in two columns, English left and French right; an appendix with decimal clauses."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for n in range(1, 5):
        y = 842 - 90
        c.setFont("Courier", 8)  # fixed pitch: line widths are known
        if n == 4:
            c.drawString(70, y, "Appendix A")
            c.drawString(330, y, "Appendice A")
            y -= 20
            c.drawString(70, y, "GUIDE FOR THE PREPARATION OF RECORDS")
            c.drawString(330, y, "GUIDE POUR LA PRÉPARATION DES REGISTRES")
            y -= 24
        heads = [(f"{n}. {TITLES[n - 1][0]}", f"{n}. {TITLES[n - 1][1]}"),
                 (f"{n}.1 This procedure applies to the tests that", f"{n}.1 Cette procédure s'applique aux essais"),
                 ("are carried out in the plant.", "qui sont effectués dans l'usine.")]
        if n == 1:  # a title as wide as the column's longest line, wrapped to a short second line
            heads += [(WRAPPED, "1.2 Tenue des registres de l'équipement"), ("Register Form", "Formulaire")]
        for en, fr in heads:
            c.drawString(70 + (4 * 4.8 if en == "Register Form" else 0), y, en)  # hung under the title's text
            c.drawString(330, y, fr)
            y -= 14
        for k, (en, fr) in enumerate(zip(EN, FR, strict=True)):
            if n == 3 and k == len(EN) - 1:
                en = en.rstrip(".")  # the page before the appendix ends without a full stop
            c.drawString(70, y, en)
            c.drawString(330, y, fr)
            y -= 14
        c.showPage()
    c.save()


@pytest.fixture(scope="module")
def bilingual_doc(tmp_path_factory):
    pytest.importorskip("reportlab")
    from zmdocs.parse.registry import parse_file

    path = tmp_path_factory.mktemp("bi") / "bilingual.pdf"
    _bilingual_pdf(path)
    return parse_file(path)


def test_bilingual_columns_keep_the_main_language(bilingual_doc):
    """The French column is set aside: each number opens one clause, headed in English, text in English."""
    doc = bilingual_doc
    nums = [c.number for c in doc.clauses if c.number[:1].isdigit() or c.number.startswith("A")]
    assert len(nums) == len(set(nums)), nums
    assert doc.lang == "en"
    assert not any("essai" in c.text or "GÉNÉRALITÉS" in c.heading for c in doc.clauses)
    assert any("side-by-side bilingual" in w for w in doc.warnings)


def test_bilingual_sentence_start_is_no_heading(bilingual_doc):
    """'1.1 This procedure applies to the tests that' fills its narrow column and goes on in lower case."""
    c = bilingual_doc.clause("1.1")
    assert c is not None and c.heading == "" and "procedure applies" in c.text


def test_title_filling_its_column_wraps(bilingual_doc):
    """A numbered title as wide as its column goes on in the short line below it."""
    assert len(WRAPPED) == max(len(x) for x in EN)
    c = bilingual_doc.clause("1.2")
    assert c is not None and c.heading == "Keeping the Records of the Test Equipment Register Form"


def test_bare_appendix_label_opens_its_page(bilingual_doc):
    """'Appendix A' alone at the top of a page opens the appendix, with its title set in capitals."""
    a = bilingual_doc.clause("A")
    assert a is not None and a.heading.startswith("GUIDE FOR THE PREPARATION")
    assert bilingual_doc.clause("A.4") is not None and bilingual_doc.clause("A.4.1") is not None


def test_main_language_needs_differing_columns():
    """Two columns in one language are an ordinary two-column page: nothing is set aside."""
    from zmdocs.parse.pdf_bilingual import keep_main_column

    text = " ".join(EN) * 3
    pages = [{"items": [{"text": text, "column": 1}, {"text": text, "column": 2}]} for _ in range(4)]
    assert keep_main_column(pages) is None and all(len(p["items"]) == 2 for p in pages)
    fr = " ".join(FR) * 3
    pages = [{"items": [{"text": text, "column": 1}, {"text": fr, "column": 2}]} for _ in range(4)]
    assert "en | fr" in (keep_main_column(pages) or "") and all(len(p["items"]) == 1 for p in pages)


def _ch(text: str, x: float, top: float, size: float = 9.0) -> dict:
    return {"text": text, "x0": x, "x1": x + 4.5, "top": top, "bottom": top + size, "size": size, "upright": True, "dir": 0}


def _row(s: str, x: float, top: float) -> list[dict]:
    return [_ch(t, x + 4.5 * k, top) for k, t in enumerate(s)]


def test_sparse_figure_page_keeps_its_gutter():
    """Three rows over a figure, two columns filled up to the gutter: still two columns."""
    from zmdocs.parse.pdf_layout import find_gutter

    left, right = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq", "zyxwvutsrqponmlkjihgfedcbazyxwvutsrqponm"
    chars = _row(left, 80, 100) + _row(right, 320, 100) + _row(left, 80, 112) + _row(right, 320, 112)
    g = find_gutter(chars, 595, 842)
    assert g is not None and 260 < g[0] < g[1] < 325
    caption = _row("Figure 1 - a caption set across the middle of the page", 200, 124)
    assert find_gutter(chars + caption, 595, 842) is None


def test_dimension_adjective_is_no_value():
    from zmdocs.parse.numbering import looks_like_value

    assert not looks_like_value("3D bathymetric image of the feature")
    assert looks_like_value("3 mm from the edge")


def test_frame_through_words_is_no_table():
    """A box whose border runs through the words of three lines (underlines, highlights) is not a table."""
    from zmdocs.parse.pdf_tables import _cuts_words

    chars = [c for top in (100, 112, 124) for c in _row("recognised authority", 80, top)]
    assert _cuts_words((70, 95, 102.5, 140), chars)  # the right border cuts "recognised"
    assert not _cuts_words((70, 95, 300, 140), chars)


def test_scope_prefixes():
    assert in_scope("A.2.1", ["A", "B"]) and in_scope("B", ["A", "B"]) and not in_scope("AB.1", ["A"])
    assert not in_scope("3.1", ["A"]) and in_scope("3.1", None)


ANLAGE_MD = """# Verordnung über Prüfgeräte (PrüfV)

## Abschnitt 1 - Allgemeines

### § 1 Zweck

Diese Verordnung regelt die Prüfung von Geräten.

### § 2 Pflichten

(1) Der Betreiber muss

1.  die Geräte prüfen,

2.  die Ergebnisse aufbewahren.

### § 3 Messungen

Die Messungen richten sich nach Anlage 1 und Anlage 2.

## Abschnitt 2 - Überwachung

### § 4 Überwachung

Die Behörde überwacht die Prüfungen.

### § 5 Berichte

Der Betreiber berichtet jährlich.

### § 6 Inkrafttreten

Diese Verordnung tritt am Tag nach der Verkündung in Kraft.

### Anlage 1 Messstelle

1.  Die Messstelle ist hinter dem letzten Bauteil anzubringen.

2.  Eine andere Messstelle ist zulässig.

### Anlage 2 Durchführung der Messungen

**1.** **Allgemeine Anforderungen**

    1.1 Die Messungen sind im Dauerbetrieb durchzuführen.

    1.2 Die Messgeräte sind vorher zu prüfen.

**2.** **Grenzwerte für Geräte mit den in § 2 Absatz 1 genannten Eigenschaften (Anforderungen bei der
    Typprüfung)**

    2.1 Die Werte gelten bei Nennlast.

        *   21 – O 2
"""


def test_anlage_sections_and_decimal_numbers(tmp_path):
    """An Anlage's bold sections and decimal numbers are clauses; its plain list items and a §'s Nummern are not."""
    from zmdocs.parse.registry import parse_file

    path = tmp_path / "pruefv.md"
    path.write_text(ANLAGE_MD, encoding="utf-8")
    doc = parse_file(path)
    nums = [c.number for c in doc.clauses]
    assert "Anlage 2.1" in nums and "Anlage 2.1.1" in nums and "Anlage 2.1.2" in nums and "Anlage 2.2.1" in nums
    assert not any(n.startswith("Anlage 1.") for n in nums), nums
    assert not any(n.startswith("Anlage 2.21") for n in nums), nums
    long = doc.clause("Anlage 2.2")
    assert long is not None and long.heading.startswith("Grenzwerte für Geräte") and long.heading.endswith("Typprüfung)")
    assert doc.clause("Anlage 2.1").heading == "Allgemeine Anforderungen"
    parent = {c.id: c.number for c in doc.clauses}
    assert parent[doc.clause("Anlage 2.1.2").parent] == "Anlage 2.1"


def test_entry_into_force_article_dates_a_regulation():
    from zmdocs.parse.meta import entry_into_force

    assert entry_into_force([("Zweck", "Diese Verordnung tritt am 1. Mai 2001 in Kraft."),
                             ("Inkrafttreten, Außerkrafttreten", "Diese Verordnung tritt am 3. Juni 2015 in Kraft. "
                                                                 "Gleichzeitig tritt die alte Fassung außer Kraft.")]) == "2015-06-03"
    assert entry_into_force([("Entry into force", "This Regulation enters into force on 4 July 2019.")]) == "2019-07-04"
    assert entry_into_force([("Inkrafttreten", "Diese Verordnung tritt am Tag nach der Verkündung in Kraft.")]) == ""


def test_limit_title_as_clause_heading_makes_a_limit_list():
    """An Anlage section headed "Grenzwerte für …" (now its own clause) lists upper limits, as the title line did."""
    from zmdocs.indicators.prose import extract_text

    got = extract_text("Staub: 0,1 g/m3", lang="de", clause="Anlage 9.2", context="Grenzwerte für kleine Anlagen")
    assert [(i.comparator, i.value) for i in got] == [("<=", 0.1)]
    plain = extract_text("Staub: 0,1 g/m3", lang="de", clause="Anlage 9.2", context="Messwerte der Anlage")
    assert [i.comparator for i in plain] != ["<="]


def test_fold_annex_numbers_scores_the_annex():
    from zmdocs.indicators.real_gold import _ANNEX_NUMBER

    assert _ANNEX_NUMBER.sub(r"\1", "Anlage 4.3.1") == "Anlage 4" and _ANNEX_NUMBER.sub(r"\1", "Anlage 3a.2") == "Anlage 3a"
    assert _ANNEX_NUMBER.sub(r"\1", "4.3.1") == "4.3.1" and _ANNEX_NUMBER.sub(r"\1", "Anlage 2.pt1") == "Anlage 2.pt1"
