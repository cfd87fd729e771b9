"""Fast page reading with PDFium (pypdfium2, a pdfplumber dependency): chars, images and rulings.

PDFium's C++ text layer reads a page about ten times faster than pdfminer. Every page is read
here: its chars, and on pages with rulings its painted paths as edges for pdfplumber's table
finder (no pdfminer pass). Chars come out in the same shape as pdf.py's pdfminer path (box from
the baseline, size = effective font size, direction 0-3). PDFium is kept from the machine's
fonts (isolate_fonts); pages where it would drop text are read with pdfminer instead.
"""

from __future__ import annotations

import ctypes
import logging
import math
import operator

from zmdocs.errors import ocr_errors, pdf_errors
from zmdocs.parse.pdf_layout import ASCENT, DESCENT, is_cjk, text_direction
from zmdocs.parse.pdf_textimages import MAX_TEXT_IMAGES, read_text_images, text_images

log = logging.getLogger(__name__)

_UNMAPPED = {0, 0xFFFD, 0xFFFE, 0xFFFF}
_WIDE = set("mwMWŒœÆæ")  # letters that may really be about one em wide
_NO_SYSTEM_FONTS: list = []  # the installed empty font table and its callbacks (kept alive)


def isolate_fonts(pdfium_c) -> None:
    """Make PDFium ignore the fonts installed on this machine (once per process).

    PDFium substitutes a system font for every font a PDF does not embed, and the substitute's
    glyphs decide box heights and whether a text object counts at all: a text object whose glyphs
    the substitute lacks has an empty box and PDFium's text layer drops it (a lone "。" when no CJK
    font is installed). With an empty system-font table PDFium always falls back to its own
    built-in fonts, so a PDF reads the same on every machine; pdf.py re-reads pages where PDFium
    dropped text with pdfminer, which never looks at system fonts.
    """
    if _NO_SYSTEM_FONTS:
        return
    info = pdfium_c.FPDF_SYSFONTINFO()
    fields = dict(info._fields_)
    callbacks = {
        "Release": fields["Release"](lambda this: None),
        "EnumFonts": fields["EnumFonts"](lambda this, mapper: None),
        "MapFont": fields["MapFont"](lambda this, weight, italic, charset, pitch, face, exact: None),
        "GetFont": fields["GetFont"](lambda this, face: None),
        "GetFontData": fields["GetFontData"](lambda this, font, table, buf, size: 0),
        "GetFaceName": fields["GetFaceName"](lambda this, font, buf, size: 0),
        "GetFontCharset": fields["GetFontCharset"](lambda this, font: 0),
        "DeleteFont": fields["DeleteFont"](lambda this, font: None),
    }
    info.version = 1
    for name, fn in callbacks.items():
        setattr(info, name, fn)
    pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(info))
    _NO_SYSTEM_FONTS.extend([info, callbacks])


_FONT_NONSYMBOLIC = 32  # PDF font descriptor flag: the font uses the standard Latin character set


def page_objects(page, pdfium_c) -> tuple[int, float, int, int, int, float, float, float, float]:
    """Images (count, largest share of the page), ruling counts and text objects PDFium's text
    layer will drop (empty box, a non-embedded non-Latin font: glyphs no built-in font has)."""
    left, bottom, right, top = page.get_mediabox()
    area = max((right - left) * (top - bottom), 1.0)
    images = h_rules = v_rules = lost = 0
    big = 0.0
    for raw_obj, kind, (x0, y0, x1, y1) in _objects(page.raw, pdfium_c):
        w, h = x1 - x0, y1 - y0
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if w < 1e-3 and _lost_text(raw_obj, pdfium_c):
                lost += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
            big = max(big, w * h / area)
        elif w > 5 and h > 5:  # a box, or a whole grid drawn as one path
            h_rules += 2
            v_rules += 2
        elif h < 2.5 and w > 5:
            h_rules += 1
        elif w < 2.5 and h > 5:
            v_rules += 1
    return images, big, h_rules, v_rules, lost, left, bottom, right, top


def _objects(raw_page, pdfium_c, form=None, level: int = 0, max_depth: int = 15):
    """(raw object, type, bounds) of the page's image, path and text objects, descending into form
    XObjects: pypdfium2's `page.get_objects` order and failures, without a Python wrapper per object."""
    kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT)
    form_kind, unknown = pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_UNKNOWN
    fast = _object_fns(pdfium_c)
    if fast is not None:  # untyped calls: objects come back as _Handle, passed straight on
        page_count, page_get, form_count, form_get, get_type, get_bounds = fast
        if form is None:
            count, get, parent = page_count, page_get, _Handle(ctypes.cast(raw_page, ctypes.c_void_p).value)
        else:
            count, get, parent = form_count, form_get, form
    else:
        if form is None:
            count, get, parent = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, raw_page
        else:
            count, get, parent = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, form
        get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    n = count(parent)
    if n < 0:
        raise RuntimeError("failed to get the number of page objects")
    lo_x, lo_y, hi_x, hi_y = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = ctypes.byref(lo_x), ctypes.byref(lo_y), ctypes.byref(hi_x), ctypes.byref(hi_y)
    for i in range(n):
        obj = get(parent, i)
        if not obj:
            raise RuntimeError("failed to get a page object")
        kind = get_type(obj)
        if kind == unknown:
            raise RuntimeError("page object of unknown type")
        if kind in kinds:
            if not get_bounds(obj, *refs):
                raise RuntimeError("failed to locate a page object")
            yield obj, kind, (lo_x.value, lo_y.value, hi_x.value, hi_y.value)
        if kind == form_kind and level < max_depth - 1:
            yield from _objects(raw_page, pdfium_c, obj, level + 1, max_depth)


class _Handle(ctypes.c_void_p):
    """A PDFium handle as an untyped call returns it: a c_void_p subclass stays a ctypes object (ctypes
    turns a plain c_void_p result into an int), so it is passed straight back to the next untyped call."""


_OBJECT_FNS: list = []


def _object_fns(pdfium_c) -> tuple | None:
    """FPDFPage_CountObjects/GetObject, FPDFFormObj_CountObjects/GetObject, FPDFPageObj_GetType/GetBounds
    as untyped prototypes (see _char_fns): called once or twice per page object. Created once per process."""
    if not _OBJECT_FNS:
        i = ctypes.c_int
        _OBJECT_FNS.append(_untyped_fns(((pdfium_c.FPDFPage_CountObjects, i), (pdfium_c.FPDFPage_GetObject, _Handle),
                                         (pdfium_c.FPDFFormObj_CountObjects, i), (pdfium_c.FPDFFormObj_GetObject, _Handle),
                                         (pdfium_c.FPDFPageObj_GetType, i), (pdfium_c.FPDFPageObj_GetBounds, i))))
    return _OBJECT_FNS[0]


def _lost_text(raw_obj, pdfium_c) -> bool:
    """An empty-boxed text object in a non-embedded, non-Latin (e.g. CJK) font: PDFium lost its glyphs.

    Empty boxes in Latin or embedded fonts are spaces; those the text layer may drop.
    """
    if isinstance(raw_obj, _Handle):  # from _objects' untyped calls: pypdfium2's typed wrappers want their pointer type
        raw_obj = ctypes.cast(raw_obj, pdfium_c.FPDF_PAGEOBJECT)
    font = pdfium_c.FPDFTextObj_GetFont(raw_obj)
    if not font or pdfium_c.FPDFFont_GetIsEmbedded(font):
        return False
    return not pdfium_c.FPDFFont_GetFlags(font) & _FONT_NONSYMBOLIC


def page_chars(page, pdfium_c, box: tuple[float, float, float, float]) -> list[dict]:
    """Chars of one page as dicts {text, x0, x1, top, bottom, size, upright, dir}."""
    tp = page.get_textpage()
    try:
        out, index = _read_chars(tp.raw, tp.count_chars(), pdfium_c, box)
        _fix_advances(out, index, tp, box[0])
        return _split_ligatures(out)
    finally:
        tp.close()


def _read_chars(raw, n: int, pdfium_c, box: tuple[float, float, float, float]) -> tuple[list[dict], list[int]]:
    """The text page's chars, and PDFium's char index of each (-1: a generated space).

    This loop runs once per char of the document: PDFium is called through untyped prototypes
    (_char_fns), out-parameters are read through a memoryview, and size and direction are worked
    out once per text object."""
    left, _bottom, _right, top_edge = box
    out: list[dict] = []
    index: list[int] = []
    m, rect = pdfium_c.FS_MATRIX(), pdfium_c.FS_RECTF()
    m_ref = ctypes.byref(m)
    rect_view = memoryview(rect).cast("B").cast("f")  # left, top, right, bottom
    ox, oy = ctypes.c_double(), ctypes.c_double()
    fast = _char_fns(pdfium_c)
    if fast is not None:
        get_unicode, get_box, get_origin, is_generated, obj_of = fast
        handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    else:
        get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
        get_origin, is_generated = pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_IsGenerated
        obj_of, handle = _text_object_fn(pdfium_c), raw
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    cache: dict[int, tuple[float, bool, int, bool]] = {}
    append, append_index, cache_get = out.append, index.append, cache.get
    for k in range(n):
        u = get_unicode(handle, k)
        if u == 0x0D or u == 0x0A:
            continue
        if u == 0x20 and is_generated(handle, k) == 1:  # a word break PDFium inferred from spacing: a zero-width space char
            if out and out[-1]["text"] != " ":
                prev = out[-1]
                append(dict(prev, text=" ", x0=prev["x1"], x1=prev["x1"], gen=True))
                append_index(-1)
            continue
        text = chr(u) if 0x20 <= u < 0xFFFD else _char_text(u)
        if not get_box(handle, k, rect_ref):
            continue
        x0, y1, x1, y0 = rect_view.tolist()
        key = obj_of(handle, k) if obj_of is not None else None
        got = cache_get(key) if key else None
        if got is None:  # size and matrix belong to the char's text object: read them once per object
            got = _object_style(raw, k, pdfium_c, m, m_ref)
            if key:
                cache[key] = got
        size, upright, direction, horizontal = got
        if 0 < y1 - y0 < 0.7 * size:  # glyphs drawn smaller than the nominal size (e-book fonts): the box tells
            size = y1 - y0
        if horizontal and get_origin(handle, k, ox_ref, oy_ref):  # box from the baseline, as in pdf.py
            base = top_edge - oy.value  # baseline_box, inlined: this loop runs once per char
            top, bottom = base - ASCENT * size, base + DESCENT * size
        else:
            top, bottom = top_edge - y1, top_edge - y0
        append({"text": text, "x0": x0 - left, "x1": x1 - left, "top": top, "bottom": bottom,
                "size": size, "upright": upright, "dir": direction})
        append_index(k)
    return out, index


def _object_style(raw, k: int, pdfium_c, m, m_ref) -> tuple[float, bool, int, bool]:
    """(effective font size, upright, dir, runs left to right) of char k's text object."""
    size = pdfium_c.FPDFText_GetFontSize(raw, k)
    a, b = 1.0, 0.0
    if pdfium_c.FPDFText_GetMatrix(raw, k, m_ref):
        a, b = m.a, m.b
        size *= math.hypot(m.c, m.d) or 1.0
    direction, aligned = (0, True) if b == 0.0 and a > 0 else text_direction(a, b)
    return size, direction == 0 and aligned, direction if aligned else 4, direction == 0


_CHAR_FNS: list = []


def _char_fns(pdfium_c) -> tuple | None:
    """GetUnicode, GetLooseCharBox, GetCharOrigin, IsGenerated and GetTextObject as untyped
    prototypes over the functions' plain addresses, called with a c_void_p handle, ints and
    byref out-parameters: ctypes then converts no argument, about half the cost per call of
    pypdfium2's typed wrappers, and called several times per char. None when this ctypes cannot
    make them, or this PDFium lacks GetTextObject; created once per process."""
    if not _CHAR_FNS:
        fns = None
        obj_fn = getattr(pdfium_c, "FPDFText_GetTextObject", None)
        if obj_fn is not None:
            fns = _untyped_fns(((pdfium_c.FPDFText_GetUnicode, ctypes.c_uint), (pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
                                (pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int), (pdfium_c.FPDFText_IsGenerated, ctypes.c_int),
                                (obj_fn, ctypes.c_void_p)))
        _CHAR_FNS.append(fns)
    return _CHAR_FNS[0]


def _untyped_fns(specs) -> tuple | None:
    """ctypes prototypes with only a result type over the plain addresses of PDFium functions
    (arguments must then be passed as ctypes objects or ints), or None when this ctypes cannot make them."""
    v = ctypes.c_void_p
    try:
        out = []
        for fn, res in specs:
            f = ctypes.CFUNCTYPE(res)(ctypes.cast(fn, v).value)
            f.argtypes = None
            out.append(f)
        return tuple(out)
    except pdf_errors() as e:  # an unusual ctypes build
        log.debug("no untyped PDFium calls: %r", e)
        return None


def _plain_fns(specs) -> tuple | None:
    """ctypes prototypes (result type, argument types) over the plain addresses of PDFium functions,
    or None when this ctypes cannot make them (then pypdfium2's own wrappers are used)."""
    v = ctypes.c_void_p
    try:
        return tuple(ctypes.CFUNCTYPE(res, *args)(ctypes.cast(fn, v).value) for fn, res, args in specs)
    except pdf_errors() as e:  # an unusual ctypes build
        log.debug("no plain-address PDFium calls: %r", e)
        return None


_TEXT_OBJECT_FN: list = []


def _text_object_fn(pdfium_c):
    """FPDFText_GetTextObject returning the object's address as an int (a dict key), or None when
    this PDFium lacks it; created once per process."""
    if not _TEXT_OBJECT_FN:
        fn = getattr(pdfium_c, "FPDFText_GetTextObject", None)
        if fn is not None:
            try:
                fn = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
                    ctypes.cast(fn, ctypes.c_void_p).value)
            except pdf_errors() as e:  # an unusual ctypes build: read size and matrix per char
                log.debug("no text-object lookup: %r", e)
                fn = None
        _TEXT_OBJECT_FN.append(fn)
    return _TEXT_OBJECT_FN[0]


def _char_text(u: int) -> str:
    if u == 0x02:
        return "-"  # PDFium's marker for a hyphen at a line end
    if u in _UNMAPPED or (u < 0x20 and u != 0x09) or u > 0x10FFFF:
        return f"(cid:{u})"
    return chr(u)


def _fix_advances(chars: list[dict], index: list[int], tp, left: float) -> None:
    """Latin letters and digits one em wide that run into the next char (a font whose widths all
    say one em, SPC PDFs): end them at their ink instead, so word gaps show and letters stay joined."""
    wide = [i for i, c in enumerate(chars) if not c["x1"] - c["x0"] < 0.95 * c["size"]]  # most chars are narrower
    last = len(chars) - 1
    for i in wide:
        if i >= last:
            break
        c, d = chars[i], chars[i + 1]
        size = c["size"]
        if (c["x1"] <= d["x0"] or d["x0"] <= c["x0"] + 0.05 * size
                or index[i] < 0 or abs(c["bottom"] - d["bottom"]) > 0.3 * size or not c["upright"]):
            continue
        a, b = c["text"], d["text"]
        if not (a.isalnum() and b.isalnum()) or is_cjk(a) or is_cjk(b) or a in _WIDE:
            continue
        ink_right = tp.get_charbox(index[i])[2] - left
        c["x1"] = max(c["x0"], min(c["x1"], ink_right - 0.12 * size))


def _split_ligatures(chars: list[dict]) -> list[dict]:
    """PDFium reports a ligature (ﬀ, ﬁ) as several chars sharing one box: give each its share."""
    xs = [c["x0"] for c in chars]
    if True not in map(operator.eq, xs, xs[1:]):
        return chars  # no two neighbours start at the same x (most pages): nothing shares a box
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


def read_range(path: str, first: int, last: int, plumber_page, finish_page, image_text: bool = False) -> list[dict]:
    """Read pages first..last with PDFium (chars, and rulings for pdfplumber's table finder on ruled
    pages); `plumber_page(n)` reads pages where PDFium would drop text and any page it fails on.
    `image_text`: read the small pictures that stand in for a line's first word (clause numbers) by OCR."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    isolate_fonts(pdfium_c)
    doc = pdfium.PdfDocument(path)
    out: list[dict] = []
    budget = [MAX_TEXT_IMAGES]
    try:
        for i in range(first - 1, last):
            page = None
            try:
                page = doc[i]
                images, big, h_rules, v_rules, lost, *box = page_objects(page, pdfium_c)
                if lost:
                    out.append(plumber_page(i + 1))
                    continue
                chars = page_chars(page, pdfium_c, tuple(box))
                pictured: list[dict] = []
                if images and image_text and budget[0] > 0:
                    found = text_images(page, pdfium_c, tuple(box), chars)[: budget[0]]
                    budget[0] -= len(found)
                    pictured = read_text_images(found)
                    chars.extend(pictured)
                w, h = box[2] - box[0], box[3] - box[1]
                rulings = None
                from zmdocs.parse.pdf_tables import RulingsPage, wants_tables
                from zmdocs.parse.underlined import underlined_signs

                edges = page_edges(page, pdfium_c, tuple(box)) if h_rules and any(
                    c["text"] in "<>" for c in chars) or wants_tables(h_rules, v_rules) else None
                if edges and h_rules:  # "<" with a rule drawn under it is "≤"
                    underlined_signs(chars, edges)
                if wants_tables(h_rules, v_rules):  # only ruled pages hold tables
                    rulings = RulingsPage(edges, w, h)
                out.append(finish_page(i + 1, w, h, chars, images, big, rulings))
                if pictured:  # how many pictures were read as words, for the document's warning
                    out[-1]["image_text"] = sum(1 for c in pictured if c.get("image") == 1)
            except ocr_errors() as e:  # PDFium, or the OCR of its pictured words, failed on this page
                log.debug("PDFium failed on page %d (%r); using pdfminer", i + 1, e)
                out.append(plumber_page(i + 1))
            finally:
                if page is not None:
                    page.close()
    finally:
        doc.close()
    return out


# --------------------------------------------------------------------------- rulings for the table finder
def page_edges(page, pdfium_c, box: tuple[float, float, float, float]) -> list[dict]:
    """The page's painted paths as pdfplumber edges (top from the page top), for its table finder.

    Subpaths become what pdfminer would make of them: an axis-aligned four-corner subpath a
    rectangle (four rect edges), any other one a polyline (one edge per segment).
    """
    left, _bottom, _right, top_edge = box
    edges: list[tuple] = []
    api = _path_api(pdfium_c)
    raw_page = page.raw if api is pdfium_c else _Handle(ctypes.cast(page.raw, ctypes.c_void_p).value)
    identity = pdfium_c.FS_MATRIX(1, 0, 0, 1, 0, 0)
    scratch = _scratch(pdfium_c)
    for k in range(api.FPDFPage_CountObjects(raw_page)):
        _walk_paths(api.FPDFPage_GetObject(raw_page, k), identity, api, edges, 0, scratch)
    out = []
    for kind, x0, x1, y0, y1, orientation in edges:
        x0, x1, top, bottom = x0 - left, x1 - left, top_edge - y1, top_edge - y0
        out.append({"object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1, "orientation": orientation,
                    "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top})
    return out


_PATH_API: list = []


class _UntypedApi:
    """pdfium_c for the path walk with its per-object functions as untyped prototypes (objects are
    _Handles); constants are copied, anything else is looked up on pdfium_c."""

    _FNS = (("FPDFPage_CountObjects", ctypes.c_int), ("FPDFPage_GetObject", _Handle),
            ("FPDFFormObj_CountObjects", ctypes.c_int), ("FPDFFormObj_GetObject", _Handle),
            ("FPDFPageObj_GetType", ctypes.c_int), ("FPDFPath_GetDrawMode", ctypes.c_int),
            ("FPDFPageObj_GetFillColor", ctypes.c_int), ("FPDFPageObj_GetBounds", ctypes.c_int),
            ("FPDFPageObj_GetMatrix", ctypes.c_int), ("FPDFPath_CountSegments", ctypes.c_int))
    _CONSTANTS = ("FPDF_PAGEOBJ_PATH", "FPDF_PAGEOBJ_FORM", "FPDF_SEGMENT_MOVETO", "FS_MATRIX")

    def __init__(self, pdfium_c, fns: tuple) -> None:
        self._c = pdfium_c
        for (name, _res), fn in zip(self._FNS, fns, strict=True):
            setattr(self, name, fn)
        for name in self._CONSTANTS:
            setattr(self, name, getattr(pdfium_c, name))

    def __getattr__(self, name: str):
        return getattr(self._c, name)


def _path_api(pdfium_c):
    """The functions page_edges calls per page object: untyped (_UntypedApi), or pdfium_c itself when
    this ctypes cannot make them; created once per process."""
    if not _PATH_API:
        fns = _untyped_fns(tuple((getattr(pdfium_c, name), res) for name, res in _UntypedApi._FNS))
        _PATH_API.append(_UntypedApi(pdfium_c, fns) if fns is not None else None)
    return _PATH_API[0] or pdfium_c


def _mul(m, n, pdfium_c):
    """m then n (row-vector convention, as PDF matrices compose)."""
    return pdfium_c.FS_MATRIX(m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
                              m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f)


def _scratch(pdfium_c) -> tuple:
    """ctypes out-parameters for _walk_paths, made once per page instead of once per path."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    box = [ctypes.c_float() for _ in range(4)]
    return (pdfium_c.FS_MATRIX(), fill, stroke, ctypes.byref(fill), ctypes.byref(stroke), box,
            [ctypes.byref(v) for v in box])


def _own_matrix(obj, parent, pdfium_c, scratch: tuple):
    m = scratch[0]
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        m = pdfium_c.FS_MATRIX(1, 0, 0, 1, 0, 0)
    return _mul(m, parent, pdfium_c)


def _walk_paths(obj, parent, pdfium_c, edges: list[tuple], depth: int, scratch: tuple | None = None) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM) or depth > 8:
        return
    if scratch is None:
        scratch = _scratch(pdfium_c)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        m = _own_matrix(obj, parent, pdfium_c, scratch)
        for k in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            _walk_paths(pdfium_c.FPDFFormObj_GetObject(obj, k), m, pdfium_c, edges, depth + 1, scratch)
        return
    _m, fill, stroke, fill_ref, stroke_ref, box, box_refs = scratch
    if pdfium_c.FPDFPath_GetDrawMode(obj, fill_ref, stroke_ref) and not (fill.value or stroke.value):
        return  # a clipping path, never painted
    if not stroke.value and _white(obj, pdfium_c):
        return  # filled white on white paper: an invisible ruling (cell borders set to white), never a table rule
    if pdfium_c.FPDFPageObj_GetBounds(obj, *box_refs):
        x0, y0, x1, y1 = box
        scale = max(math.hypot(parent.a, parent.b), math.hypot(parent.c, parent.d))  # bounds are in the parent's space
        if max(x1.value - x0.value, y1.value - y0.value) * scale < 3:
            return  # a dot, a glyph drawn as outlines: shorter than any edge the table finder keeps
    m = _own_matrix(obj, parent, pdfium_c, scratch)  # only for paths that may become edges
    for pts in _subpaths(obj, m, pdfium_c):
        edges.extend(_subpath_edges(pts))


_RGBA: list = []


def _white(obj, pdfium_c) -> bool:
    """Is the path's fill colour (near) white? (The four out-parameters are made once per process.)"""
    if not _RGBA:
        rgba = [ctypes.c_uint() for _ in range(4)]
        _RGBA.append((rgba, [ctypes.byref(v) for v in rgba]))
    rgba, refs = _RGBA[0]
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, *refs):
        return False
    return rgba[0].value >= 250 and rgba[1].value >= 250 and rgba[2].value >= 250


def _subpaths(obj, m, pdfium_c) -> list[list[tuple[float, float]]]:
    out: list[list[tuple[float, float]]] = []
    xy = (ctypes.c_float * 2)()
    fast = _segment_fns(pdfium_c)
    if fast is not None:  # one path may have thousands of segments: plain-address calls
        get_seg, get_point, get_type, get_close = fast
        handle, x_ref, y_ref = ctypes.cast(obj, ctypes.c_void_p).value, ctypes.addressof(xy), ctypes.addressof(xy) + 4
    else:
        get_seg, get_point = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
        get_type, get_close = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose
        handle = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT) if isinstance(obj, _Handle) else obj
        x_ref, y_ref = ctypes.cast(xy, ctypes.POINTER(ctypes.c_float)), ctypes.cast(
            ctypes.addressof(xy) + 4, ctypes.POINTER(ctypes.c_float))
    moveto = pdfium_c.FPDF_SEGMENT_MOVETO
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = get_seg(handle, k)
        if not get_point(seg, x_ref, y_ref):
            continue
        px, py = xy
        p = (a * px + c * py + e, b * px + d * py + f)
        if not out or get_type(seg) == moveto:
            out.append([p])
        else:
            out[-1].append(p)
        if get_close(seg) and out[-1][0] != p:
            out[-1].append(out[-1][0])
    return [pts for pts in out if len(pts) >= 2]


_SEGMENT_FNS: list = []


def _segment_fns(pdfium_c) -> tuple | None:
    """GetPathSegment, PathSegment_GetPoint/GetType/GetClose over plain addresses (see _char_fns)."""
    if not _SEGMENT_FNS:
        v, i = ctypes.c_void_p, ctypes.c_int
        _SEGMENT_FNS.append(_plain_fns(((pdfium_c.FPDFPath_GetPathSegment, v, (v, i)),
                                        (pdfium_c.FPDFPathSegment_GetPoint, i, (v, v, v)),
                                        (pdfium_c.FPDFPathSegment_GetType, i, (v,)),
                                        (pdfium_c.FPDFPathSegment_GetClose, i, (v,)))))
    return _SEGMENT_FNS[0]


def _subpath_edges(pts: list[tuple[float, float]]) -> list[tuple]:
    xs, ys = {round(p[0], 3) for p in pts}, {round(p[1], 3) for p in pts}
    if len(pts) in (4, 5) and len(xs) == 2 and len(ys) == 2 and (len(pts) == 4 or pts[0] == pts[-1]):
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        kind = "rect_edge"
        return [_edge(kind, x0, x1, y1, y1, "h"), _edge(kind, x0, x1, y0, y0, "h"),
                _edge(kind, x0, x0, y0, y1, "v"), _edge(kind, x1, x1, y0, y1, "v")]
    kind = "line" if len(pts) == 2 else "curve_edge"
    out = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        orient = "v" if abs(ax - bx) < 1e-3 else "h" if abs(ay - by) < 1e-3 else None
        out.append(_edge(kind, min(ax, bx), max(ax, bx), min(ay, by), max(ay, by), orient))
    return out


def _edge(kind: str, x0: float, x1: float, y0: float, y1: float, orientation: str | None) -> tuple:
    """An edge in PDF space (y up); page_edges makes it a pdfplumber edge dict."""
    return kind, x0, x1, y0, y1, orientation
