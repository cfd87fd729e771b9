"""Ruled tables on the pages of a foreign OCR layer (a scan with Acrobat's or ocrmypdf's invisible text).

A scan's table rules are pixels of its picture, not paths, so the table finder sees no grid there.
The page is rendered once, its thin long dark runs become edges (`pdf_tables.image_edges`), and a
page whose picture holds a grid is read again with them; pages without a grid are left as read.
"""

from __future__ import annotations

import logging

from zmdocs.errors import pdf_errors
from zmdocs.parse.pdf_tables import RENDER_SCALE, RulingsPage, image_edges, wants_tables

log = logging.getLogger(__name__)


def _layer_page_chars(page, pdfium_c) -> list[dict]:
    """The page's chars as the reader takes them: rebuilt word by word for a layer drawn a word per
    object (ocrmypdf), else PDFium's own (Acrobat's fragments have true glyph boxes)."""
    from zmdocs.parse.ocr_layer import WORD_OBJECTS, layer_chars
    from zmdocs.parse.pdf_pdfium import page_chars

    chars, (spaced, objects) = layer_chars(page, pdfium_c)
    if spaced >= WORD_OBJECTS * max(objects, 1):
        return chars
    left, bottom, right, top = page.get_mediabox()
    return page_chars(page, pdfium_c, (left, bottom, right, top))


def _reread(page, number: int, pdfium_c, finish_page) -> dict | None:
    """The page dict read again with the rules of its picture; None when the picture holds no grid."""
    import numpy as np

    from zmdocs.parse.pdf_pdfium import page_objects

    gray = np.asarray(page.render(scale=RENDER_SCALE, grayscale=True).to_pil().convert("L"))
    edges = image_edges(gray, RENDER_SCALE)
    h_rules = sum(e["orientation"] == "h" for e in edges)
    if not wants_tables(h_rules, len(edges) - h_rules) or h_rules == len(edges):
        return None
    images, big, _h, _v, _lost, *box = page_objects(page, pdfium_c)
    w, h = box[2] - box[0], box[3] - box[1]
    new = finish_page(number, w, h, _layer_page_chars(page, pdfium_c), images, big, RulingsPage(edges, w, h))
    return new if any("table" in it for it in new["items"]) else None


def layer_tables(path, pages: list[dict], finish_page) -> int:
    """Re-read the OCR-layer pages (not those our OCR replaced) whose picture holds a ruled table, in place;
    returns how many pages gained a table."""
    todo = [p for p in pages if p.get("ocr_layer") and not p.get("ocr") and not p.get("error")]
    if not todo:
        return 0
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    found = 0
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdf_errors() as e:
        log.debug("no picture rulings for %s: %r", path, e)
        return 0
    try:
        for pg in todo:
            page = doc[pg["page"] - 1]
            try:
                new = _reread(page, pg["page"], pdfium_c, finish_page)
            except pdf_errors() as e:  # keep the page as the reader read it
                log.debug("page %s: no picture rulings: %r", pg["page"], e)
                new = None
            finally:
                page.close()
            if new is not None:
                new.update({k: pg[k] for k in ("scanned", "ocr_layer") if k in pg})
                pg.clear()
                pg.update(new)
                found += 1
    finally:
        doc.close()
    return found
