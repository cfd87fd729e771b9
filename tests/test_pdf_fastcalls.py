"""The PDF reader's fast paths read exactly what the plain ones read.

pdf_pdfium calls PDFium through plain-address ctypes prototypes in its per-char and per-segment
loops (_char_fns, _segment_fns, _object_fns, _path_api) and falls back to pypdfium2's typed wrappers when it cannot make
them; pdf_layout skips the superscript pass on lines without small chars. Each pair must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "GB-4706.19-2024-kettle.pdf"


def _ruled_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    c.drawString(72, 770, "5.1 The leakage current shall not exceed 0.25 mA (see Table 1).")
    c.setFont("Helvetica", 6)
    c.drawString(300, 774, "2")  # a raised small digit: a superscript
    c.setFont("Helvetica", 10)
    for r in range(4):
        for col in range(3):
            c.rect(72 + 140 * col, 700 - 18 * r, 140, 18)
            c.drawString(76 + 140 * col, 705 - 18 * r, f"cell {r}.{col} ≤ 1 250 V")
    path_obj = c.beginPath()  # a polyline with a close: several subpaths for the segment reader
    path_obj.moveTo(72, 600)
    path_obj.lineTo(500, 600)
    path_obj.lineTo(500, 560)
    path_obj.close()
    c.drawPath(path_obj)
    c.showPage()
    c.save()
    return path


def _read(path: Path, monkeypatch, fast: bool) -> tuple[list, list]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from zmdocs.parse import pdf_pdfium

    if not fast:
        monkeypatch.setattr(pdf_pdfium, "_CHAR_FNS", [None])
        monkeypatch.setattr(pdf_pdfium, "_SEGMENT_FNS", [None])
        monkeypatch.setattr(pdf_pdfium, "_OBJECT_FNS", [None])
        monkeypatch.setattr(pdf_pdfium, "_PATH_API", [None])
    pdf_pdfium.isolate_fonts(pdfium_c)
    doc = pdfium.PdfDocument(str(path))
    chars, edges, objects = [], [], []
    try:
        for i in range(len(doc)):
            page = doc[i]
            objects.append(pdf_pdfium.page_objects(page, pdfium_c))
            box = tuple(objects[-1][5:])
            chars.append(pdf_pdfium.page_chars(page, pdfium_c, box))
            edges.append(pdf_pdfium.page_edges(page, pdfium_c, box))
            page.close()
    finally:
        doc.close()
    if fast:
        assert pdf_pdfium._CHAR_FNS[0] is not None and pdf_pdfium._SEGMENT_FNS[0] is not None
        assert pdf_pdfium._OBJECT_FNS[0] is not None and pdf_pdfium._PATH_API[0] is not None
    return chars, edges + objects


@pytest.mark.parametrize("which", ["ruled", "sample"])
def test_plain_address_calls_match_pypdfium2_wrappers(tmp_path, monkeypatch, which):
    path = _ruled_pdf(tmp_path / "ruled.pdf") if which == "ruled" else SAMPLE
    if not path.exists():
        pytest.skip("sample PDF absent")
    fast_chars, fast_edges = _read(path, monkeypatch, fast=True)
    with monkeypatch.context() as m:
        slow_chars, slow_edges = _read(path, m, fast=False)
    assert sum(map(len, fast_chars)) > 50
    assert fast_chars == slow_chars
    if which == "ruled":
        assert len(fast_edges[0]) >= 12 + 3  # twelve boxed cells and the closed polyline
    assert fast_edges == slow_edges


def test_superscript_shortcut_matches_full_pass():
    from zmdocs.parse.pdf_layout import _superscripts

    def ch(text: str, x0: float, size: float, bottom: float) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + 0.5 * size, "top": bottom - size, "bottom": bottom, "size": size}

    plain = [ch("m", 0, 10, 100), ch(" ", 5, 10, 100), ch("2", 6, 10, 100)]
    assert _superscripts(plain, 10) is plain  # no small chars: the line is left as it is
    raised = [ch("m", 0, 10, 100), ch("2", 5, 6, 96)]
    assert [c["text"] for c in _superscripts(raised, 10)] == ["m", "²"]
    lowered = [ch("m", 0, 10, 100), ch("2", 5, 6, 101)]  # small but on the baseline: a subscript stays
    assert [c["text"] for c in _superscripts(lowered, 10)] == ["m", "2"]
