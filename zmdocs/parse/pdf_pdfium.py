"""Fast page reading with PDFium (pypdfium2, a pdfplumber dependency): chars, images and rulings.

PDFium's C++ text layer reads a page about ten times faster than pdfminer. Pages that carry
rulings (possible tables) still go through pdfplumber, whose table finder needs pdfminer
objects; every other page is read here. Chars come out in the same shape as pdf.py's
pdfminer path (top measured from the top, size = effective font size, direction 0-3).
"""

from __future__ import annotations

import ctypes
import logging
import math

log = logging.getLogger(__name__)

_UNMAPPED = {0, 0xFFFD, 0xFFFE, 0xFFFF}


def page_objects(page, pdfium_c) -> tuple[int, float, int, int, float, float, float, float]:
    """Images (count, largest share of the page) and ruling counts from the page's objects."""
    left, bottom, right, top = page.get_mediabox()
    area = max((right - left) * (top - bottom), 1.0)
    images = h_rules = v_rules = 0
    big = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH]):
        bounds = getattr(obj, "get_bounds", None) or obj.get_pos  # pypdfium2 5.x / 4.x
        x0, y0, x1, y1 = bounds()
        w, h = x1 - x0, y1 - y0
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
            big = max(big, w * h / area)
        elif w > 5 and h > 5:  # a box, or a whole grid drawn as one path
            h_rules += 2
            v_rules += 2
        elif h < 2.5 and w > 5:
            h_rules += 1
        elif w < 2.5 and h > 5:
            v_rules += 1
    return images, big, h_rules, v_rules, left, bottom, right, top


def page_chars(page, pdfium_c, box: tuple[float, float, float, float]) -> list[dict]:
    """Chars of one page as dicts {text, x0, x1, top, bottom, size, upright, dir}."""
    left, _bottom, _right, top_edge = box
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        out: list[dict] = []
        m = pdfium_c.FS_MATRIX()
        rect = pdfium_c.FS_RECTF()
        m_ref, rect_ref = ctypes.byref(m), ctypes.byref(rect)
        raw = tp.raw
        get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
        get_size, get_matrix = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetMatrix
        for k in range(n):
            u = get_unicode(raw, k)
            if u in (0x0D, 0x0A):
                continue
            generated = u == 0x20 and pdfium_c.FPDFText_IsGenerated(raw, k) == 1
            if generated and u != 0x20:
                continue
            if generated:  # a word break PDFium inferred from spacing: a zero-width space char
                if out and out[-1]["text"] != " ":
                    prev = out[-1]
                    out.append(dict(prev, text=" ", x0=prev["x1"], x1=prev["x1"]))
                continue
            if u == 0x02:
                text = "-"  # PDFium's marker for a hyphen at a line end
            elif u in _UNMAPPED or (u < 0x20 and u != 0x09):
                text = f"(cid:{u})"
            else:
                try:
                    text = chr(u)
                except ValueError:
                    text = f"(cid:{u})"
            if not get_box(raw, k, rect_ref):
                continue
            x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
            size = get_size(raw, k)
            a = 1.0
            b = 0.0
            if get_matrix(raw, k, m_ref):
                a, b = m.a, m.b
                size *= math.hypot(m.c, m.d) or 1.0
            direction = (0 if a > 0 else 3) if abs(b) <= abs(a) else (1 if b > 0 else 2)
            out.append({"text": text, "x0": x0 - left, "x1": x1 - left, "top": top_edge - y1,
                        "bottom": top_edge - y0, "size": size, "upright": direction == 0, "dir": direction})
        return _split_ligatures(out)
    finally:
        tp.close()


def _split_ligatures(chars: list[dict]) -> list[dict]:
    """PDFium reports a ligature (ﬀ, ﬁ) as several chars sharing one box: give each its share."""
    i = 0
    n = len(chars)
    while i < n:
        j = i + 1
        while (j < n and chars[j]["x0"] == chars[i]["x0"] and chars[j]["x1"] == chars[i]["x1"]
               and chars[j]["top"] == chars[i]["top"] and chars[j]["text"] != " "):
            j += 1
        if j - i > 1:
            x0, x1 = chars[i]["x0"], chars[i]["x1"]
            step = (x1 - x0) / (j - i)
            for k in range(i, j):
                chars[k] = dict(chars[k], x0=x0 + step * (k - i), x1=x0 + step * (k - i + 1))
        i = j
    return chars


def read_range(path: str, first: int, last: int, plumber_page, finish_page) -> list[dict]:
    """Read pages first..last: PDFium for plain pages; `plumber_page(n)` for pages with rulings
    (the table finder needs pdfplumber) and for any page PDFium fails on."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(path)
    out: list[dict] = []
    try:
        for i in range(first - 1, last):
            page = None
            try:
                page = doc[i]
                images, big, h_rules, v_rules, *box = page_objects(page, pdfium_c)
                if h_rules >= 2 and v_rules >= 2:
                    out.append(plumber_page(i + 1))
                    continue
                chars = page_chars(page, pdfium_c, tuple(box))
                w, h = box[2] - box[0], box[3] - box[1]
                out.append(finish_page(i + 1, w, h, chars, images, big))
            except Exception as e:
                log.debug("PDFium failed on page %d (%r); using pdfminer", i + 1, e)
                out.append(plumber_page(i + 1))
            finally:
                if page is not None:
                    page.close()
    finally:
        doc.close()
    return out
