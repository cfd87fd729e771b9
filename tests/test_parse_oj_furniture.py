"""Page furniture of Official Journal reprints of UN regulations (issue #10): the reprint keeps the UN
document's running head in the text layer — document symbol, "Regulation No. N", "page N" and a part
label such as "Annex 4 – Appendix 7" that is often stale — stacked under the OJ line; Word's cell borders
set to white draw an invisible grid around whole pages. Neither may become clause text or a heading, nor
hide a real annex heading. Samples are PDFs written here with reportlab (invented symbols and titles);
the last test reads the real R83 reprint in ../shared/corpus and skips without it."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from zmdocs.parse.pdf import _white_fill, drop_running
from zmdocs.parse.registry import parse_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
R83 = CORPUS / "intl-reg" / "eurlex-oj-unece-r83-rev3-en.pdf"


def _line(text: str, x0: float, top: float, size: float = 12.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + size, "size": size}


def _head(n: int, label: str | None) -> list[dict]:
    """The OJ line, then the UN head block set close under it at one left edge."""
    x = 332.0 if n % 2 else 80.0
    out = [_line(f"L 99/{100 + n} EN Official Journal of the European Union 1.2.2003", 41, 43, 10),
           _line("E/ECE/999 Rev.2/Add.7", x, 60), _line("Regulation No. 99", x, 74), _line(f"page {n}", x, 88)]
    if label:
        out.append(_line(label, x, 102))
    return out


def _pages(bodies: dict[int, list[dict]], labels: dict[int, str]) -> list[dict]:
    pages = []
    for n in range(1, 13):
        body = bodies.get(n) or [_line(f"{n}.1. Text of paragraph {n} that runs on.", 80, 300)]
        pages.append({"page": n, "width": 595.0, "height": 842.0, "items": _head(n, labels.get(n)) + body})
    return pages


def _texts(pages: list[dict]) -> list[list[str]]:
    return [[it["text"] for it in pg["items"]] for pg in pages]


def test_a_stacked_head_block_goes_with_its_changing_part_label():
    labels = {n: ("Annex 4 – Appendix 7" if n > 6 else "Annex 2 – Appendix 1") for n in range(1, 13)}
    pages = _pages({5: [_line("Annex 5", 296, 130), _line("TYPE II TEST", 281, 158)]}, labels)
    drop_running(pages)
    texts = _texts(pages)
    for t in texts:
        assert not any("E/ECE/999" in x or x.startswith(("page ", "Regulation No.", "Annex 4 –", "Annex 2 –"))
                       for x in t), t
    assert texts[4][:2] == ["Annex 5", "TYPE II TEST"]  # the real heading under a stale label stays


def test_a_real_heading_set_apart_below_the_head_block_stays():
    labels = {n: "Annex 2 – Appendix 1" for n in range(2, 13)}
    # page 1: the appendix starts, its heading centred one line below the head block (not stacked)
    pages = _pages({1: [_line("Annex 2 – Appendix 1", 262, 116), _line("RELATED INFORMATION", 227, 143)]},
                   labels)
    drop_running(pages)
    assert _texts(pages)[0] == ["Annex 2 – Appendix 1", "RELATED INFORMATION"]
    assert _texts(pages)[1] == ["2.1. Text of paragraph 2 that runs on."]


def test_a_head_line_that_does_not_recur_is_kept():
    pages = _pages({}, {3: "Summary of the data"})
    drop_running(pages)
    assert _texts(pages)[2][0] == "Summary of the data"


def test_white_filled_paths_are_invisible_rulings():
    assert _white_fill(SimpleNamespace(fill=True, stroke=False, non_stroking_color=(1.0, 1.0, 1.0)))
    assert _white_fill(SimpleNamespace(fill=True, stroke=False, non_stroking_color=(1,)))
    assert not _white_fill(SimpleNamespace(fill=True, stroke=False, non_stroking_color=(0.0, 0.0, 0.0)))
    assert not _white_fill(SimpleNamespace(fill=True, stroke=True, non_stroking_color=(1.0, 1.0, 1.0)))
    assert not _white_fill(SimpleNamespace(fill=False, stroke=True, non_stroking_color=None))


def _write_pdf(path: Path, white: bool) -> Path:
    """Two pages: clause 1, then Annex 1 framed by a grid of thin filled cell borders (white or black)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(80, h - 130, "1. SCOPE")
    c.drawString(80, h - 160, "1.1. This sample regulation applies to kettles of every kind.")
    c.showPage()
    c.setFont("Helvetica", 11)
    c.setFillColorRGB(1, 1, 1) if white else c.setFillColorRGB(0, 0, 0)
    for k in range(9):  # cell borders drawn as thin filled rectangles, as Word exports them
        y = h - 120 - 28 * k
        c.rect(78, y, 478, 0.7, stroke=0, fill=1)
        for x in (78, 143, 555):  # a number column and a text column
            c.rect(x, y - 28, 0.7, 28, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.drawCentredString(w / 2, h - 140, "Annex 1")
    c.drawCentredString(w / 2, h - 168, "TEST OF THE SAMPLE")
    c.drawString(80, h - 196, "1. INTRODUCTION")
    c.drawString(80, h - 224, "This annex describes the test of the sample.")
    c.drawString(80, h - 252, "2. CONDITIONS")
    c.save()
    return path


def test_an_invisible_white_grid_does_not_swallow_an_annex(tmp_path):
    doc = parse_file(_write_pdf(tmp_path / "white.pdf", white=True))
    numbers = [c.number for c in doc.clauses]
    assert "Annex 1" in numbers and "Annex 1.2" in numbers, numbers
    assert doc.clause("Annex 1").heading.startswith("TEST OF THE SAMPLE")
    assert "describes the test" in doc.clause("Annex 1").text + doc.clause("Annex 1.1").text if "Annex 1.1" in numbers \
        else "describes the test" in doc.clause("Annex 1").text
    assert not doc.tables


def test_regulation_appendices_do_not_hide_annex_1(tmp_path):
    src = tmp_path / "reg.txt"
    src.write_text("\n".join([
        "1. SCOPE", "1.1. This sample regulation applies to kettles.", "2. APPROVAL", "2.1. Approval is granted.",
        "Appendix 1", "SAMPLING PROCEDURE", "1. The procedure is set out here.",
        "Appendix 2", "STATISTICAL CHECK", "1. The check is set out here.",
        "Annex 1", "CHARACTERISTICS OF THE KETTLE", "1. Make of the kettle.",
        "Annex 2", "TEST", "1. INTRODUCTION", "This annex describes the test.",
        "Annex 2 - Appendix 1", "CALIBRATION", "1. The balance is calibrated.",
    ]) + "\n", encoding="utf-8")
    doc = parse_file(src)
    tops = [c.number for c in doc.clauses if re.match(r"^(?:Appendix|Annex) \d+(?:\.app\d*)?$", c.number)]
    assert tops == ["Appendix 1", "Appendix 2", "Annex 1", "Annex 2", "Annex 2.app1"], tops
    assert doc.clause("Annex 1").heading == "CHARACTERISTICS OF THE KETTLE"
    assert doc.clause("Annex 2.app1").heading == "CALIBRATION"


@pytest.mark.slow
@pytest.mark.skipif(not R83.exists(), reason="the R83 Official Journal reprint is not in ../shared/corpus")
def test_real_oj_reprint_keeps_annexes_5_and_6_and_no_furniture():
    doc = parse_file(R83)
    assert doc.clause("Annex 5").heading == "TYPE II TEST"
    assert doc.clause("Annex 6").heading == "TYPE III TEST"
    assert doc.clause("Annex 4").heading == "TYPE I TEST"  # not the stale running label "Appendix 7"
    for c in doc.clauses:
        for line in f"{c.heading}\n{c.text}".splitlines():
            assert "Rev.1/Add.82/Rev.3" not in line and "Official Journal of the European" not in line, c.number
            assert not re.fullmatch(r"\s*(?:page \d+|Regulation No\. 83|Annex \d+ – Appendix \d+)\s*", line), c.number
