"""Justified lines squeezed so far that the word spaces are narrower than 0.2 em and no space char is
drawn (Metanorma PDFs), and page footnotes ("¹ …") that must not swallow the next page's heading.
Samples are written here (a reportlab PDF and char/line lists), not corpus text."""

from __future__ import annotations

import pytest

from zmdocs.parse.blocks import Block
from zmdocs.parse.lines import to_paragraphs
from zmdocs.parse.pdf_layout import join_chars
from zmdocs.parse.structure import build_document


def _word_chars(words: list[str], word_gap: float, letter_gap: float = 0.0, size: float = 10.0) -> list[dict]:
    """Chars of one line, 5 pt wide, set edge to edge (or `letter_gap` apart), words `word_gap` apart."""
    out, x = [], 50.0
    for w in words:
        for ch in w:
            out.append({"text": ch, "x0": x, "x1": x + 5.0, "top": 100.0, "bottom": 100.0 + size, "size": size,
                        "upright": True})
            x += 5.0 + letter_gap
        x += word_gap - letter_gap
    return out


WORDS = "the kettle must boil water within five minutes at the rated voltage of its maker".split()


def test_narrow_word_gaps_in_a_tight_line_are_spaces():
    assert join_chars(_word_chars(WORDS, 1.6)) == " ".join(WORDS)
    assert join_chars(_word_chars(WORDS, 2.5)) == " ".join(WORDS)  # ordinary word spaces, as before


def test_narrow_gaps_stay_joined_where_they_are_no_word_break():
    spaced = _word_chars(WORDS, 3.0, letter_gap=1.5)  # letter-spaced type: every pair has the narrow gap
    assert join_chars(spaced) == " ".join(WORDS)
    few = _word_chars(["abc", "de"], 1.6)  # too few letters to tell tight type from a loose box
    assert join_chars(few) == "abcde"
    digits = _word_chars(["within", "12", "34", "metres", "of", "the", "rated", "position"], 1.6)
    assert "1234" in join_chars(digits)  # the figures of one number are never split
    cjk = _word_chars(["速度应不超过", "km", "h", "ON", "状态", "the", "rated", "voltage", "of", "its", "maker"], 1.6)
    assert "kmhON" in join_chars(cjk)  # CJK type sets its Latin words tight: no narrow gap is a space there
    loose = _word_chars(WORDS, 1.6, letter_gap=0.5)  # letters 0.05 em apart: a narrow gap is no word space
    assert "thekettle" in join_chars(loose)


def test_a_tight_justified_pdf_line_reads_with_its_spaces(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from zmdocs.parse.pdf import read_pdf

    path = tmp_path / "tight.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    x = 72.0
    for w in WORDS:  # each word drawn alone, 1.5 pt after the last: no space char in the page
        c.drawString(x, 700, w)
        x += stringWidth(w, "Helvetica", 10) + 1.5
    c.drawString(72, 680, "A second line of ordinary text follows here.")
    c.save()
    texts = [b.text for b in read_pdf(path, workers=1, ocr="off").blocks if b.kind == "line"]
    assert " ".join(WORDS) in texts


def _line(text: str, page: int, top: float, x1: float = 520) -> Block:
    return Block(kind="line", text=text, page=page,
                 meta={"x0": 70, "x1": x1, "top": top, "bottom": top + 10, "page_width": 595, "page_height": 842,
                       "size": 10.0})


def _pages() -> list[Block]:
    body = ["3.2 Boiling time", "The kettle must boil one litre of water within the time given by the maker and",
            "never later than the rated time of the model under test, at the rated voltage of the kettle,",
            "measured from a cold start with the lid closed as delivered to the buyer in its box as sold¹.",
            "The time is measured with a stop watch read to the nearest second by the test lab staff.",
            ]
    out = [_line(t, 1, 100 + 12 * k) for k, t in enumerate(body)]
    out[0].meta["x1"] = 200
    out.append(_line("¹ For example: a kettle sold with a base is tested on its base, and the base is set on", 1, 760))
    out.append(_line("the bench of the lab as the maker tells in the manual, the power cord laid out straight as,", 1, 772))
    out.append(_line("3.3 Leakage current", 2, 80, 200))
    out.append(_line("The leakage current must not exceed 0.75 mA at the rated voltage.", 2, 100, 400))
    return out


def test_a_page_footnote_is_a_paragraph_of_its_own_and_ends_at_its_page():
    paras = [p.text for p in to_paragraphs(_pages())]
    assert any(p.startswith("¹ For example") and p.endswith("straight as,") for p in paras)
    assert "3.3 Leakage current" in paras
    assert not any("sold¹. ¹" in p for p in paras)


def test_the_heading_after_a_footnote_opens_its_clause():
    doc = build_document(_pages())
    assert doc.clause("3.3").heading == "Leakage current"
    assert "0.75 mA" in doc.clause("3.3").text and "Leakage" not in doc.clause("3.2").text
