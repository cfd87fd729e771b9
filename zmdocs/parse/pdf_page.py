"""One PDF page's chars -> the reader's page dict: sideways text turned, tables cut out, lines.

Shared by the pdfminer and PDFium page readers (`zmdocs.parse.pdf`, `zmdocs.parse.pdf_pdfium`)
and the OCR pass (`zmdocs.parse.ocr`), which hands its recognised chars to `finish_page` too.
"""

from __future__ import annotations

import logging

from zmdocs.errors import pdf_errors

log = logging.getLogger(__name__)


def prime_graphics(page, graphics: list) -> None:
    """Give pdfplumber only the page's lines/rects/curves, so its table finder skips char conversion."""
    objects: dict[str, list] = {}
    try:
        for o in graphics:
            d = page.process_object(o)
            objects.setdefault(d["object_type"], []).append(d)
        page._objects = objects
    except pdf_errors() as e:  # pdfplumber internals changed: let it parse the page itself
        log.debug("falling back to pdfplumber objects: %s", e)


def finish_page(number: int, w: float, h: float, raw_chars: list[dict], images: int, big_image: float,
                table_page=None, graphics=None) -> dict:
    """Chars (+ tables when a pdfplumber page with rulings is given) -> ordered line/table items."""
    from zmdocs.parse.pdf_layout import clean_chars, page_lines
    from zmdocs.parse.pdf_threeline import page_tables
    from zmdocs.text.width import to_halfwidth

    # a page-sized picture with only a stamp or watermark of text is a scanned page
    scanned = bool(images) and (not raw_chars or (big_image > 0.7 and len(raw_chars) < 60))
    rotated = rotated_direction(raw_chars)
    if rotated:  # landscape content drawn sideways on a portrait page: read it in its own frame
        raw_chars = [turn(c, rotated, w, h) for c in raw_chars if c["dir"] == rotated]
        w, h = h, w
    chars, cid = clean_chars(raw_chars)
    tables = []
    if chars and not rotated and table_page is not None:
        if graphics:
            prime_graphics(table_page, graphics)
        try:
            tables = page_tables(table_page, chars)
        except pdf_errors() as e:  # a broken grid must not lose the page's text
            log.debug("table finder failed on page %s: %s", number, e)
            tables = []
    sizes: dict[int, float] = {}
    if tables:
        boxes = [t.bbox for t in tables]

        def inside(c: dict) -> int:
            x = (c["x0"] + c["x1"]) / 2
            y = (c["top"] + c["bottom"]) / 2
            for k, b in enumerate(boxes):  # a plain loop: this runs once per char of a page with tables
                if b[0] <= x <= b[2] and b[1] <= y <= b[3]:
                    return k
            return -1

        where = [inside(c) for c in chars]
        for k in range(len(boxes)):  # a table's type size: small type in boxes is a figure, not a table
            ks = sorted(c["size"] for c, w in zip(chars, where, strict=True) if w == k and not c["text"].isspace())
            if ks:
                sizes[id(tables[k])] = ks[len(ks) // 2]
        chars = [c for c, w in zip(chars, where, strict=True) if w < 0]
    lines = page_lines(chars, w, h, tables)
    items = []
    for ln in lines:
        t = ln.extra.get("table")
        if t is not None:  # full-width digits, letters and signs folded (zmdocs.text.width keeps Chinese punctuation)
            rows = [[to_halfwidth(cell) for cell in row] for row in t.rows]
            items.append({"table": rows, "header_rows": t.header_rows, "bbox": t.bbox,
                          "size": round(sizes.get(id(t), 0.0), 2)})
        else:
            items.append({"text": to_halfwidth(ln.text), "x0": round(ln.x0, 2), "x1": round(ln.x1, 2), "top": round(ln.top, 2),
                          "bottom": round(ln.bottom, 2), "size": round(float(ln.size), 2), "column": ln.column,
                          **({"x2": round(ln.extra["x2"], 2)} if ln.extra.get("x2") is not None else {})})
    return {"page": number, "width": w, "height": h, "items": items, "chars": len(raw_chars),
            "scanned": scanned, "cid": cid, "rotated": rotated, "graphics": len(graphics or []) if not raw_chars else 0}


def rotated_direction(chars: list[dict]) -> int:
    """1 or 2 when most of the page's text runs sideways (90° counter-clockwise / clockwise)."""
    if not chars:
        return 0
    counts = [0, 0, 0, 0, 0]  # 4: slanted (watermarks), never a reading direction
    for c in chars:
        if not c["text"].isspace():
            counts[c["dir"]] += 1
    side = 1 if counts[1] >= counts[2] else 2
    return side if counts[side] > counts[0] else 0


def turn(c: dict, direction: int, w: float, h: float) -> dict:
    """Char box in the frame where sideways text reads left to right (top measured from the top)."""
    if direction == 1:  # reads bottom-to-top; following lines lie to the right
        x0, x1, top, bottom = h - c["bottom"], h - c["top"], c["x0"], c["x1"]
    else:  # reads top-to-bottom; following lines lie to the left
        x0, x1, top, bottom = c["top"], c["bottom"], w - c["x1"], w - c["x0"]
    return dict(c, x0=x0, x1=x1, top=top, bottom=bottom, upright=True, dir=0)
