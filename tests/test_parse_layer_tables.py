"""Tables ruled only in the picture of an OCR-layer page (issue #10, GSO 1040/2000 with Acrobat's layer):
rules found as pixels, a solid area or glyph strokes never taken for rules."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from zmdocs.parse.pdf_tables import image_edges


def _page() -> np.ndarray:
    img = np.full((400, 300), 255, dtype=np.uint8)
    for y in (50, 80, 110, 140):  # a 3-row grid, 1 px rules
        img[y, 40:260] = 0
    for x in (40, 150, 260):
        img[50:141, x] = 0
    img[250:300, 50:200] = 0  # a black picture area: no rule
    for k in range(10):  # glyph strokes: short runs
        img[200:212, 40 + 8 * k] = 0
        img[205, 40 + 8 * k:45 + 8 * k] = 0
    return img


def test_grid_rules_are_found_once_each():
    edges = image_edges(_page(), 1.0)
    hs = sorted(round(e["top"]) for e in edges if e["orientation"] == "h")
    vs = sorted(round(e["x0"]) for e in edges if e["orientation"] == "v")
    assert hs == [50, 80, 110, 140] and vs == [40, 150, 260]
    h = next(e for e in edges if e["orientation"] == "h")
    assert (round(h["x0"]), round(h["x1"])) == (40, 261) and h["height"] == 0.0


def test_a_thick_rule_is_one_edge_and_scale_maps_to_points():
    img = np.full((200, 200), 255, dtype=np.uint8)
    img[100:103, 20:180] = 0  # a 3 px rule at 2 px per point
    edges = image_edges(img, 2.0)
    assert len(edges) == 1 and round(edges[0]["top"]) == 51 and round(edges[0]["x1"]) == 90


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GSO = CORPUS / "scan" / "gso1040-2000-en-acrobat-ocr.pdf"


@pytest.mark.slow
@pytest.mark.skipif(not GSO.exists(), reason="the real corpus is absent")
def test_gso1040_tables_ruled_in_the_scan():
    from zmdocs.parse.registry import parse_file

    doc = parse_file(GSO)
    by_number = {t.number: t for t in doc.tables}
    assert by_number["1"].header_rows == 2 and len(by_number["1"].rows) == 9
    assert len(by_number["3"].rows) == 4 and by_number["3"].rows[1][0] == "k"
