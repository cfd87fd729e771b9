"""Foreign OCR text layers (ocrmypdf/Tesseract, Acrobat Paper Capture): invisible words over a page image.

Such a layer draws each recognised word as its own text object in render mode 3 (invisible)
over the scanned picture. Tesseract's renderer stretches every word (GlyphLess font, one width
for all glyphs, `Tz` scaling) to reach the next word, trailing space included, so the glyph boxes
of one word run into the next: sorted by x, `供电 的` reads `供的电`. It also puts a space
between the "words" it cut Chinese text into (`紧急 呼叫 服务 平台`) and splits clause numbers
(`3. 7`). `layer_pages` tells whether a document carries such a layer; `layer_chars` rebuilds a
page's chars word by word: each word keeps its own characters in order, inside its own box
(clipped at the next word's start), and spaces stay only where the script needs them.
"""

from __future__ import annotations

import ctypes
import logging
import re

from zmdocs.errors import pdf_errors

log = logging.getLogger(__name__)

SAMPLE_PAGES = 3  # pages with text looked at to decide whether a document carries a foreign OCR layer
INVISIBLE_SHARE = 0.9  # share of a page's text objects drawn invisibly for the page to be an OCR layer
BIG_IMAGE = 0.5  # ... over an image covering at least this share of the page
WORD_OBJECTS = 0.8  # share of text objects ending in a space for a layer to be drawn a word per object
_NUMBER_END = re.compile(r"\d[.．]$")


def _page_kind(page, pdfium_c) -> str:
    """'layer' (invisible text over a page-sized image), 'text' (visible text) or 'none' (no text)."""
    left, bottom, right, top = page.get_mediabox()
    area = max((right - left) * (top - bottom), 1.0)
    texts = invisible = 0
    big = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = obj.get_bounds()
            big = max(big, (x1 - x0) * (y1 - y0) / area)
            continue
        texts += 1
        invisible += pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        if texts >= 20 and invisible < INVISIBLE_SHARE * texts:
            return "text"  # visible text: decided without walking the whole page
    if not texts:
        return "none"
    return "layer" if invisible >= INVISIBLE_SHARE * texts and big >= BIG_IMAGE else "text"


def repair_layers(path, pages: list[dict], finish_page) -> list[int]:
    """Find the reader pages whose text is a foreign OCR layer, rebuild those drawn a word per object
    in place, and mark them all (`ocr_layer`); returns their indices.

    A layer is a property of how the document was made (ocrmypdf, Acrobat OCR run over a scan), so
    the first pages with text decide cheaply whether any page is checked; then every page is.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    candidates = [i for i, p in enumerate(pages) if p.get("chars") and not p.get("error")]
    if not candidates:
        return []
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdf_errors() as e:  # PDFium cannot open what pdfminer read: no layer repair
        log.debug("no OCR-layer check for %s: %r", path, e)
        return []
    layer: list[int] = []
    rebuilt: dict[int, dict] = {}
    spaced = objects = 0
    try:
        kinds = {i: _kind(doc, pages[i]["page"], pdfium_c) for i in candidates[:SAMPLE_PAGES]}
        if not any(k == "layer" for k in kinds.values()):
            return []
        for i in candidates:
            if (kinds.get(i) or _kind(doc, pages[i]["page"], pdfium_c)) != "layer":
                continue
            layer.append(i)
            try:
                rebuilt[i], (n_spaced, n_objects) = _rebuild(doc, pages[i], pdfium_c, finish_page)
                spaced, objects = spaced + n_spaced, objects + n_objects
            except pdf_errors() as e:  # keep the page as the reader read it
                log.debug("page %s: OCR-layer rebuild failed: %r", pages[i]["page"], e)
    finally:
        doc.close()
    # only a layer drawn a word per object is rebuilt; Acrobat cuts words into fragments whose
    # glyph boxes are true, and the reader's own line builder reads those better
    per_word = spaced >= WORD_OBJECTS * max(objects, 1)
    for i in layer:
        if per_word and i in rebuilt:
            pages[i].clear()
            pages[i].update(rebuilt[i])
        pages[i]["ocr_layer"] = True
    return layer


def _kind(doc, number: int, pdfium_c) -> str:
    import pypdfium2 as pdfium

    try:
        page = doc[number - 1]
    except (pdfium.PdfiumError, IndexError) as e:  # a page PDFium cannot load (pdfminer could): no layer there
        log.debug("page %s: not loaded for the OCR-layer check: %r", number, e)
        return "text"
    try:
        return _page_kind(page, pdfium_c)
    except pdf_errors() as e:  # one odd page: leave it as the reader read it
        log.debug("page %s: OCR-layer check failed: %r", number, e)
        return "text"
    finally:
        page.close()


def _words(page, pdfium_c) -> tuple[list[dict], tuple[int, int]]:
    """The page's invisible words {text, x0, x1 (glyph extent, spaces left out), base, size}, and the
    (text objects ending in a space, text objects): one word per object is how Tesseract draws them.

    A word ends at a space or where the next text object starts off its baseline or after a gap.
    """
    left, _bottom, _right, top_edge = page.get_mediabox()
    tp = page.get_textpage()
    try:
        raw = tp.raw
        words: list[dict] = []
        last: dict[int, bool] = {}  # text object -> its last char is a space
        cur = None
        lft, r, b, t = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        for k in range(tp.count_chars()):
            obj = pdfium_c.FPDFText_GetTextObject(raw, k)
            u = pdfium_c.FPDFText_GetUnicode(raw, k)
            ch = chr(u) if 0x20 <= u <= 0x10FFFF and u not in (0xFFFD, 0xFFFE, 0xFFFF) else ""
            if obj and (not ch or ch.isspace()):
                last[ctypes.cast(obj, ctypes.c_void_p).value] = True
            if not obj or not ch or ch.isspace():
                cur = None
                continue
            if not pdfium_c.FPDFText_GetCharOrigin(raw, k, ctypes.byref(ox), ctypes.byref(oy)):
                continue
            pdfium_c.FPDFText_GetCharBox(raw, k, ctypes.byref(lft), ctypes.byref(r), ctypes.byref(b), ctypes.byref(t))
            key = ctypes.cast(obj, ctypes.c_void_p).value
            last[key] = False
            base, size, x0 = top_edge - oy.value, max(t.value - b.value, 1.0), lft.value - left
            if cur is not None and cur["obj"] != key and (
                    abs(base - cur["base"]) > 0.25 * size or x0 - cur["x1"] > 0.25 * size):
                cur = None
            if cur is None:
                cur = {"text": "", "x0": x0, "base": base, "size": size}
                words.append(cur)
            cur["obj"] = key
            cur["text"] += ch
            cur["x1"] = r.value - left
        return words, (sum(last.values()), len(last))
    finally:
        tp.close()


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into the recogniser's lines: consecutive words on one baseline, left to right."""
    lines: list[list[dict]] = []
    for w in words:
        last = lines[-1][-1] if lines else None
        if last is not None and abs(w["base"] - last["base"]) <= 0.25 * max(last["size"], w["size"]):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w["x0"]) for ln in lines]


def _space(prev: dict, nxt: dict) -> bool:
    """Whether a space belongs between two recognised words: never between ideographs, nor inside
    a dotted number split by the recogniser (`3.` + `7`)."""
    from zmdocs.parse.pdf_layout import is_cjk

    a, b = prev["text"][-1], nxt["text"][0]
    if is_cjk(a) and is_cjk(b):
        return False
    if _NUMBER_END.search(prev["text"]) and b.isdigit() and nxt["x0"] - prev["x1"] < 0.5 * prev["size"]:
        return False
    return True


def layer_chars(page, pdfium_c) -> tuple[list[dict], tuple[int, int]]:
    """Chars of a foreign OCR layer page, rebuilt word by word (reader char dicts, top from the page top),
    and its (text objects ending in a space, text objects)."""
    words, objects = _words(page, pdfium_c)
    return word_chars(words), objects


def word_chars(words: list[dict]) -> list[dict]:
    """Recognised words {text, x0, x1, base, size} in layer order -> reader char dicts, word by word."""
    from zmdocs.parse.pdf_layout import baseline_box

    chars: list[dict] = []
    for line in _lines(words):
        for k, w in enumerate(line):
            x0, x1 = w["x0"], w["x1"]
            if k + 1 < len(line):  # up to the next word; touching it where no space belongs (no gap to read as one)
                nxt = line[k + 1]["x0"]
                x1 = min(x1, nxt - 0.05 * w["size"]) if _space(w, line[k + 1]) else max(nxt, x0)
            if k:
                x0 = max(x0, chars[-1]["x1"])
            x1 = max(x1, x0 + 0.1 * len(w["text"]))
            size = w["size"]
            top, bottom = baseline_box(w["base"], size)
            if k and _space(line[k - 1], w):
                chars.append({"text": " ", "x0": x0, "x1": x0, "top": top, "bottom": bottom, "size": size,
                              "upright": True, "dir": 0})
            step = (x1 - x0) / len(w["text"])
            chars.extend({"text": ch, "x0": x0 + j * step, "x1": x0 + (j + 1) * step, "top": top, "bottom": bottom,
                          "size": size, "upright": True, "dir": 0} for j, ch in enumerate(w["text"]))
    return chars


def _rebuild(doc, pg: dict, pdfium_c, finish_page) -> tuple[dict, tuple[int, int]]:
    """A reader page dict for a foreign OCR layer page, its lines rebuilt from word boxes, and the
    page's (text objects ending in a space, text objects)."""
    page = doc[pg["page"] - 1]
    try:
        left, bottom, right, top = page.get_mediabox()
        chars, objects = layer_chars(page, pdfium_c)
    finally:
        page.close()
    out = finish_page(pg["page"], right - left, top - bottom, chars, 0, 0.0)
    out["scanned"] = pg.get("scanned", False)
    return out, objects
