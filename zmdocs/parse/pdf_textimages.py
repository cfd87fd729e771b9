"""Words set as pictures: small images standing where a text line's first word belongs (clause numbers
some typesetters, Metanorma/OIML, place as pictures in the hanging-number column), read by OCR into
pseudo chars on their line. Used by the PDFium page reader (pdf_pdfium.read_range).
"""

from __future__ import annotations

import logging
import re

from zmdocs.errors import ocr_errors, pdf_errors
from zmdocs.parse.pdf_layout import baseline_box

log = logging.getLogger(__name__)

_IMAGE_TEXT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-–()]{0,23}$")  # a clause number, a label: never prose
_MIN_IMAGE_SCORE = 0.9
MAX_TEXT_IMAGES = 400  # per page range: beyond this the page is a picture gallery, not text


def text_images(page, pdfium_c, box: tuple[float, float, float, float], chars: list[dict]) -> list[tuple]:
    """Small images standing where a text line's first word belongs: clause numbers some typesetters
    (Metanorma/OIML) place as pictures in the hanging-number column.
    [(x0, top, x1, bottom, RGB array, chars beside it on its line)]."""
    import numpy as np

    left, _bottom, _right, top_edge = box
    body = [c for c in chars if c["upright"] and not c["text"].isspace()]
    if not body:
        return []
    margin = min(c["x0"] for c in body)
    out = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        bounds = getattr(obj, "get_bounds", None) or obj.get_pos
        x0, y0, x1, y1 = bounds()
        x0, x1, top, bottom = x0 - left, x1 - left, top_edge - y1, top_edge - y0
        h, w = bottom - top, x1 - x0
        if not (4.0 <= h <= 24.0 and 0.6 * h <= w <= 12 * h):
            continue
        if any(x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom for c in body):
            continue  # text already lies over it: a background, a highlight
        beside = [c for c in body if min(bottom, c["bottom"]) - max(top, c["top"]) >= 0.5 * h
                  and x1 <= c["x0"] <= x1 + 4 * h]
        if not beside and abs(x0 - margin) > 2.0:
            continue  # neither the first word of a line nor a number alone at the text's left edge
        try:
            pil = obj.get_bitmap(render=False).to_pil()
        except pdf_errors() as e:  # an image PDFium cannot decode
            log.debug("image not decoded: %r", e)
            continue
        if pil.width * pil.height > 200_000:
            continue
        grey = np.asarray(pil.convert("L"))
        if float(grey.std()) < 8.0:
            continue  # blank: a spacer, a filled box
        out.append((x0, top, x1, bottom, np.asarray(pil.convert("RGB")), beside))
    return out


def read_text_images(found: list[tuple]) -> list[dict]:
    """OCR (recognition only) of `text_images`; pseudo chars on the line they stand on."""
    if not found:
        return []
    from zmdocs.parse.ocr import engine

    eng = engine()
    try:
        results, _ = eng.text_rec([f[4] for f in found])  # one batch: ~30 ms an image
    except ocr_errors() as e:  # the library's internals moved: one image at a time
        log.debug("batched recognition failed (%r)", e)
        results = []
        for f in found:
            r, _ = eng(f[4], use_det=False, use_cls=False)
            results.append((r[0][0], r[0][1]) if r else ("", 0.0))
    chars: list[dict] = []
    for (x0, top, x1, bottom, _img, beside), (text, score) in zip(found, results, strict=False):
        text = "".join(str(text).split())
        if float(score) < _MIN_IMAGE_SCORE or not _IMAGE_TEXT.match(text):
            continue
        if beside:  # sit on the baseline of the words beside it
            ref = min(beside, key=lambda c: c["x0"])
            size, ctop, cbottom = ref["size"], ref["top"], ref["bottom"]
        else:
            size = (bottom - top) / 0.75  # digits fill about three quarters of the em
            ctop, cbottom = baseline_box(bottom - 0.05 * size, size)
        step = (x1 - x0) / len(text)
        chars.extend({"text": ch, "x0": x0 + k * step, "x1": x0 + (k + 1) * step, "top": ctop, "bottom": cbottom,
                      "size": size, "upright": True, "dir": 0, "image": k + 1} for k, ch in enumerate(text))
    return chars
