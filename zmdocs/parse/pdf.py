"""PDF reader: pages -> line and table Blocks in reading order.

One pass over each page's chars builds the lines (pdf_layout); char boxes come from baselines and
sizes, not from fonts' ascent/descent, so digits, Latin and punctuation set on baselines of their
own (SPC typesetting) rejoin their line. Pages are read with PDFium (pdf_pdfium, ~10x faster than
pdfminer; kept from the machine's fonts so a parse is the same everywhere), and on pages with
rulings pdfplumber's table finder runs over PDFium's paths (pdf_tables). Pages where PDFium would
drop text, or fails, are read with pdfminer; ZMDOCS_PDF_BACKEND=pdfminer reads every page so.
Slanted watermarks are dropped, full-width forms folded (zmdocs.text.width), running headers/footers,
page numbers and licence stamps dropped across pages, and long PDFs are read by worker processes
over page ranges (ZMDOCS_WORKERS, default 2).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from zmdocs.errors import ParseError, pdf_errors
from zmdocs.parse.blocks import Block, RawDocument
from zmdocs.parse.pdf_bilingual import keep_main_column
from zmdocs.parse.pdf_page import finish_page

log = logging.getLogger(__name__)

PARALLEL_MIN_PAGES = 20  # below this, process start-up costs more than it saves
ENCRYPTED_HINT = "remove the password (e.g. qpdf --decrypt --password=… in.pdf out.pdf) and try again"
CORRUPT_HINT = "re-export or re-download it (or try `qpdf in.pdf repaired.pdf`)"
OCR_HINT = "run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then parse the OCR'd file"


# --------------------------------------------------------------------------- opening
def _open(path: Path):
    """Open with pdfplumber, turning pdfminer's failures into one-line ParseErrors."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except pdf_errors() as e:  # pdfplumber wraps pdfminer errors in PdfminerException
        raise _classify(path, e) from None
    return pdf


def _reason(e: BaseException) -> str:
    inner = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
    name = type(inner).__name__
    return {"PSEOF": "unexpected end of file", "PDFSyntaxError": "PDF syntax error",
            "PDFNoValidXRef": "no valid cross-reference table", "PSSyntaxError": "PDF syntax error",
            "PDFTypeError": "bad object type", "PDFValueError": "bad object value"}.get(name, name)


def _classify(path: Path, e: BaseException) -> ParseError:
    inner = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
    name = type(inner).__name__
    text = f"{name} {inner}".lower()
    if "password" in text or "encrypt" in text:
        return ParseError(str(path), "is encrypted with a password", ENCRYPTED_HINT)
    if isinstance(inner, (MemoryError, RecursionError)):
        return ParseError(str(path), "is too large or too deeply nested to read", "re-export it as a plain PDF")
    if isinstance(inner, OSError) and not name.startswith("PDF"):
        return ParseError(str(path), f"cannot be read ({inner})", "check the file and its permissions")
    return ParseError(str(path), f"is corrupt or truncated ({_reason(e)})", CORRUPT_HINT)


def _n_pages(path: Path) -> int:
    pdf = _open(path)
    try:
        try:
            return len(pdf.pages)
        except pdf_errors() as e:
            raise _classify(path, e) from None
    finally:
        try:
            pdf.close()
        except pdf_errors() as e:  # a damaged file that will not close cleanly has still been counted
            log.debug("closing %s: %r", path, e)


# --------------------------------------------------------------------------- one page
def _light_objects(page) -> tuple[list[dict], tuple[int, float], int, int, list]:
    """Chars as small dicts straight from pdfminer's layout, plus image and ruling counts.

    pdfplumber's own object conversion costs about half of a page's reading time; chars here
    use the same coordinates (top from the page top, MediaBox offsets applied).
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

    from zmdocs.parse.pdf_layout import baseline_box, text_direction

    layout = page.layout  # pdfminer interpretation, cached on the page for the table finder
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    chars: list[dict] = []
    images = h_rules = v_rules = 0
    big_image = 0.0  # largest image as a share of the page area
    page_area = float(page.width) * height
    graphics: list = []
    stack = list(reversed(layout._objs))
    while stack:
        o = stack.pop()
        if isinstance(o, LTChar):
            a, b = o.matrix[0], o.matrix[1]
            direction, aligned = text_direction(a, b)
            top, bottom = height - o.y1 + mb_top, height - o.y0 + mb_top
            if direction == 0:  # the box from the baseline (matrix origin), not from the font's descent
                top, bottom = baseline_box(height - o.matrix[5] + mb_top, o.size)
            chars.append({"text": o.get_text(), "x0": o.x0 + mb_x0, "x1": o.x1 + mb_x0, "top": top,
                          "bottom": bottom, "size": o.size, "upright": direction == 0 and aligned,
                          "dir": direction if aligned else 4})
        elif isinstance(o, LTImage):
            images += 1
            big_image = max(big_image, (o.x1 - o.x0) * (o.y1 - o.y0) / max(page_area, 1.0))
        elif isinstance(o, (LTLine, LTRect, LTCurve)):
            if _white_fill(o):
                continue  # filled white on white paper: an invisible ruling, never a table rule
            graphics.append(o)
            w, h = o.x1 - o.x0, o.y1 - o.y0
            if isinstance(o, LTRect) and w > 5 and h > 5:
                h_rules += 2
                v_rules += 2
            elif h < 2.5 and w > 5:
                h_rules += 1
            elif w < 2.5 and h > 5:
                v_rules += 1
        elif isinstance(o, LTContainer):
            stack.extend(reversed(o._objs))
    return chars, (images, big_image), h_rules, v_rules, graphics


def _white_fill(o) -> bool:
    """A path only filled, in (near) white: invisible on the page (Word cell borders set to white)."""
    colour = getattr(o, "non_stroking_color", None)
    if not getattr(o, "fill", False) or getattr(o, "stroke", False) or not isinstance(colour, (tuple, list)):
        return False
    if len(colour) == 1 or len(colour) == 3:
        return all(isinstance(v, (int, float)) and v >= 0.98 for v in colour)
    return len(colour) == 4 and all(isinstance(v, (int, float)) and v <= 0.02 for v in colour)  # CMYK white


def _read_page(page) -> dict:
    """Everything the document pass needs from one pdfplumber page, as plain picklable data."""
    raw_chars, (images, big_image), h_rules, v_rules, graphics = _light_objects(page)
    from zmdocs.parse.pdf_tables import wants_tables

    table_page = page if wants_tables(h_rules, v_rules) else None  # only ruled pages hold tables
    return finish_page(page.page_number, float(page.width), float(page.height), raw_chars, images, big_image,
                       table_page, graphics)


def _plumber_range(path: str, first: int, last: int):
    """A lazily opened pdfplumber document for a page range, and a safe one-page reader over it."""
    state: dict = {}

    def read(number: int) -> dict:
        import pdfplumber

        if "pdf" not in state:
            state["pdf"] = pdfplumber.open(path, pages=list(range(first, last + 1)))
            state["pages"] = {p.page_number: p for p in state["pdf"].pages}
        page = state["pages"][number]
        try:
            return _read_page(page)
        except pdf_errors() as e:  # one broken content stream must not lose the other pages
            log.debug("page %s failed: %r", number, e)
            return {"page": number, "width": float(page.width), "height": float(page.height), "items": [],
                    "chars": 0, "scanned": False, "cid": 0, "error": _reason(e)}
        finally:
            page.close()  # frees the page's cached objects

    def close() -> None:
        if "pdf" in state:
            state["pdf"].close()

    return read, close


def _backend() -> str:
    return os.environ.get("ZMDOCS_PDF_BACKEND", "pdfium").strip().lower() or "pdfium"


def _read_range(path: str, first: int, last: int, image_text: bool = False) -> list[dict]:
    """Worker: open the PDF itself and read pages first..last (1-based, inclusive); `image_text`
    OCRs small pictures standing in for a line's first word (pdf_textimages.text_images)."""
    read, close = _plumber_range(path, first, last)
    try:
        if _backend() == "pdfium":
            from zmdocs.parse.pdf_pdfium import read_range

            try:
                return read_range(path, first, last, read, finish_page, image_text)
            except pdf_errors() as e:  # PDFium cannot open what pdfminer opened: read it all with pdfminer
                log.debug("PDFium could not read %s (%r); using pdfminer", path, e)
        return [read(n) for n in range(first, last + 1)]
    finally:
        close()


def _workers(n_pages: int, workers: int | None) -> int:
    if workers is None:
        env = os.environ.get("ZMDOCS_WORKERS", "").strip()
        workers = int(env) if env.isdigit() and int(env) > 0 else min(2, os.cpu_count() or 1)
        if multiprocessing.parent_process() is not None:
            workers = 1  # already inside a worker (e.g. `zmdocs index -j`): do not nest pools
    if n_pages < PARALLEL_MIN_PAGES:
        return 1
    return max(1, min(workers, n_pages // 8))


def _read_pages(path: Path, n: int, workers: int, image_text: bool = False) -> list[dict]:
    if workers <= 1:
        return _read_range(str(path), 1, n, image_text)
    # contiguous ranges, a few per worker so a slow range does not leave a core idle
    chunks = workers * 3
    step = -(-n // chunks)
    ranges = [(a, min(a + step - 1, n)) for a in range(1, n + 1, step)]
    import threading

    # fork is the cheap start; with other threads alive (a model, a progress bar) fork is unsafe
    method = "fork" if hasattr(os, "fork") and threading.active_count() == 1 else "spawn"
    ctx = multiprocessing.get_context(method)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as ex:
            parts = list(ex.map(_read_range, [str(path)] * len(ranges), [a for a, _ in ranges],
                                [b for _, b in ranges], [image_text] * len(ranges)))
    except (OSError, BrokenProcessPool) as e:  # no processes allowed here (sandbox, daemon): read serially
        log.debug("page workers unavailable (%s); reading serially", e)
        return _read_range(str(path), 1, n, image_text)
    return [p for part in parts for p in part]


# --------------------------------------------------------------------------- running headers
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.I)
_PAGE_NO = [
    re.compile(r"^[\s\-–—‒−_~·•|]*\d{1,4}[\s\-–—‒−_~·•|]*$"),
    re.compile(r"^[\s\-–—]*[ivxlcdm]{1,8}[\s\-–—]*$", re.I),
    re.compile(r"^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$"),
    re.compile(r"^\d+\s*/\s*\d+$"),
    re.compile(r"^(page|seite|p\.|s\.)\s*\d+(\s*(of|von|sur|/)\s*\d+)?$", re.I),
    re.compile(r"^\d+\s*(of|von|sur)\s*\d+$", re.I),
]
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*(iso|iec|din|cen|afnor|bsi)|版权所有|copyright|all rights reserved|tous droits|"
    r"alle rechte vorbehalten|licensed to|licence|license|normen-download|beuth|"
    r"no reproduction|copying and networking", re.I)
_ANYWHERE = re.compile(r"licensed to|single user licen[cs]e|normen-download|copying and networking prohibited|"
                       r"no further reproduction", re.I)
_CONTINUED = re.compile(r"[（(]\s*续\s*[)）]|continued|fortsetzung|\(suite\)", re.I)
_CAPTION = re.compile(r"^(表|图|table|figure|tabelle|bild|tableau)\s*[A-Z]?\.?\d", re.I)


def _key(text: str) -> str:
    """Digits and roman numerals become '#', spacing/dashes go: page-varying headers compare equal."""
    t = text.lower()
    t = re.sub(r"\d+", "#", t)
    t = " ".join("#" if _ROMAN.match(w) and len(w) <= 6 else w for w in t.split())
    return re.sub(r"[\s\-–—‒−_·•|.:,]+", "", t)


def _is_page_number(text: str) -> bool:
    t = text.strip()
    return any(p.match(t) for p in _PAGE_NO)


def _exact(text: str) -> str:
    return re.sub(r"[\s\-–—‒−]+", "", text.lower())


def drop_running(pages: list[dict]) -> int:
    """Remove running headers/footers, page numbers and copyright/licence lines in place.

    Candidates are the first/last three lines of a page inside the margin bands. A candidate
    goes if it is a page number or copyright line, if the same text recurs on other pages,
    or (short lines in the outer margin only) if it recurs once digits are normalised.
    """
    n = len(pages)
    exact_pages: dict[str, set[int]] = {}
    key_pages: dict[str, set[int]] = {}
    cands: list[tuple[int, int, bool]] = []  # (page index, item index, in the outer margin)
    ends: set[tuple[int, int]] = set()  # the first and last text line of each page
    for pi, pg in enumerate(pages):
        h = pg["height"]
        texts = [(ii, it) for ii, it in enumerate(pg["items"]) if "text" in it]
        edge = {ii for ii, _ in texts[:3]} | {ii for ii, _ in texts[-3:]}
        ends.update((pi, ii) for ii, _ in texts[:1] + texts[-1:])
        for ii, it in texts:
            if ii in edge and (it["top"] < 0.12 * h or it["bottom"] > 0.9 * h):
                outer = it["top"] < 0.08 * h or it["bottom"] > 0.93 * h
                cands.append((pi, ii, outer))
                exact_pages.setdefault(_exact(it["text"]), set()).add(pi)
                key_pages.setdefault(_key(it["text"]), set()).add(pi)
    drop: set[tuple[int, int]] = set()
    need = 2 if n <= 4 else max(2, int(0.15 * n))
    for pi, ii, outer in cands:
        text = pages[pi]["items"][ii]["text"].strip()
        if _is_page_number(text) or _COPYRIGHT.search(text):
            drop.add((pi, ii))
        elif _CAPTION.match(text) or _CONTINUED.search(text):
            continue  # "表 1（续）" at the top of several pages is content, not a header
        elif len(exact_pages[_exact(text)]) >= need:
            drop.add((pi, ii))
        elif outer and len(text) <= 50 and len(key_pages[_key(text)]) >= need:
            drop.add((pi, ii))
        elif (pi, ii) in ends and len(text) <= 120 and len(key_pages[_key(text)]) >= (3 if outer else max(need, 3)):
            drop.add((pi, ii))  # a long running head whose page number or date varies (Official Journal)
    for pi, pg in enumerate(pages):
        for ii, it in enumerate(pg["items"]):
            if "text" in it and _ANYWHERE.search(it["text"]):
                drop.add((pi, ii))
    drop |= _stacked_heads(pages, drop, need)
    if pages:  # the texts of the first pages' running heads name a standard whose cover does not (parse.meta)
        heads = [pages[pi]["items"][ii]["text"].strip() for pi, ii in sorted(drop) if pi < 6]
        pages[0]["running"] = [t for t in dict.fromkeys(heads) if t and not _is_page_number(t)][:24]
    for pi, pg in enumerate(pages):
        pg["items"] = [it for ii, it in enumerate(pg["items"]) if (pi, ii) not in drop]
    return len(drop)


def _top_stack(pg: dict) -> list[int]:
    """Indexes of the page's head block: text lines from the top, inside the top band, each set
    close under the one before (less than half a line of leading), as a multi-line running head is."""
    h = pg["height"]
    band = sorted((it["top"], ii) for ii, it in enumerate(pg["items"]) if "text" in it and it["top"] < 0.15 * h)
    out: list[int] = []
    bottom = None
    for _top, ii in band:  # in reading order of height: a page set in columns lists its head late
        it = pg["items"][ii]
        if bottom is not None and it["top"] - bottom > 0.6 * max(it.get("size") or 10.0, 1.0):
            break
        out.append(ii)
        bottom = it["bottom"] if bottom is None else max(bottom, it["bottom"])
    return out


def _stacked_heads(pages: list[dict], drop: set[tuple[int, int]], need: int) -> set[tuple[int, int]]:
    """Lines of a multi-line running head beyond its first three: the document symbol, "page 12", the
    label of the part the page belongs to ("Annex 4 – Appendix 7", often stale in reprints).

    A head-block line goes when it is a page number or its text recurs (digits normalised) in the head
    blocks of three or more pages; the block's top line in the outer margin, and what overlaps it, goes
    once two lines under it went (an OJ line merged with the head it overlaps).
    """
    stacks = {pi: _top_stack(pg) for pi, pg in enumerate(pages)}
    key_pages: dict[str, set[int]] = {}
    for pi, idx in stacks.items():
        for ii in idx:
            key_pages.setdefault(_key(pages[pi]["items"][ii]["text"]), set()).add(pi)
    out: set[tuple[int, int]] = set()
    for pi, idx in stacks.items():
        gone = 0
        for pos, ii in enumerate(idx):
            text = pages[pi]["items"][ii]["text"].strip()
            if (pi, ii) in drop:
                gone += pos > 0
                continue
            if _CAPTION.match(text) or _CONTINUED.search(text):
                break
            if _is_page_number(text) or (len(text) <= 80 and len(key_pages[_key(text)]) >= 3):
                out.add((pi, ii))
                gone += pos > 0
        top = pages[pi]["items"][idx[0]] if idx else None
        if top is not None and gone >= 2 and top["top"] < 0.08 * pages[pi]["height"] and len(top["text"]) <= 120:
            out.update((pi, ii) for ii in idx if pages[pi]["items"][ii]["top"] < top["bottom"])  # and what overlaps it
    return out


# --------------------------------------------------------------------------- entry point
def _pages_list(nums: list[int]) -> str:
    return ", ".join(str(x) for x in nums[:12]) + (" …" if len(nums) > 12 else "")


def _text_layer_warnings(path: Path, pages: list[dict]) -> list[str]:
    """Warnings for scanned pages and unmapped (cid:x) characters; ParseError when no usable text is left."""
    warnings: list[str] = []
    text_pages = [p["page"] for p in pages if p["chars"] and not p.get("scanned")]
    image_pages = [p["page"] for p in pages if p.get("scanned")]
    if not text_pages:
        if image_pages:
            raise ParseError(str(path), "is a scanned (image-only) PDF with no text layer", OCR_HINT)
        if sum(p.get("graphics", 0) for p in pages) >= 200:
            raise ParseError(str(path), "has no text layer (its text is drawn as vector outlines, or it is a drawing)",
                             OCR_HINT)
        raise ParseError(str(path), "is empty: no text and no images on any page", "check that it is the right file")
    if image_pages:
        warnings.append(f"{path.name}: page(s) {_pages_list(image_pages)} have no text layer (scanned images); "
                        f"their content is missing — {OCR_HINT}")
    cid_pages = [p["page"] for p in pages if p["cid"]]
    if cid_pages:
        total = sum(p["cid"] for p in pages)
        if total > 0.5 * sum(p["chars"] for p in pages):
            raise ParseError(str(path), f"has text in fonts without a Unicode mapping ({total} (cid:x) characters)",
                             "re-export it with embedded Unicode fonts, or " + OCR_HINT)
        warnings.append(f"{path.name}: {total} characters without a Unicode mapping ((cid:x)) were dropped on "
                        f"page(s) {_pages_list(cid_pages)}; the text there may be incomplete")
    return warnings


def _blocks(pages: list[dict]) -> list[Block]:
    """The page dicts' line and table items as Blocks, with their geometry in `meta`."""
    blocks: list[Block] = []
    for pg in pages:
        for it in pg["items"]:
            if "table" in it:
                blocks.append(Block(kind="table", page=pg["page"], rows=it["table"], header_rows=it["header_rows"],
                                    meta={"x0": it["bbox"][0], "top": it["bbox"][1], "x1": it["bbox"][2],
                                          "bottom": it["bbox"][3], "page_width": pg["width"],
                                          "page_height": pg["height"], "size": it.get("size", 0.0)}))
            else:
                meta = {k: it[k] for k in ("x0", "x1", "top", "bottom", "size")}
                meta.update(page_width=pg["width"], page_height=pg["height"])
                if it["column"]:
                    meta["column"] = it["column"]
                if "x2" in it:
                    meta["x2"] = it["x2"]
                blocks.append(Block(kind="line", text=it["text"], page=pg["page"], meta=meta))
    return blocks


def read_pdf(path: Path, workers: int | None = None, ocr: str = "auto", progress=None) -> RawDocument:
    """Read a PDF into line/table Blocks; bad files raise ParseError with a one-line hint.

    `ocr`: "auto" OCRs pages without text or with a garbled text layer, "force" every page, "off" none
    (zmdocs.parse.ocr); `progress(done, total)` is called per OCRed page.
    """
    path = Path(path)
    n = _n_pages(path)
    if n == 0:
        raise ParseError(str(path), "has no pages (empty or corrupt PDF)", CORRUPT_HINT)
    try:
        pages = _read_pages(path, n, _workers(n, workers), image_text=ocr != "off")
    except ParseError:
        raise
    except pdf_errors() as e:
        raise _classify(path, e) from None
    warnings: list[str] = []
    failed = [p for p in pages if p.get("error")]
    if failed and len(failed) == len(pages):
        raise ParseError(str(path), f"is corrupt: no page could be read ({failed[0]['error']})", CORRUPT_HINT)
    if failed:
        warnings.append(f"{path.name}: page(s) {_pages_list([p['page'] for p in failed])} could not be read "
                        f"({failed[0]['error']}); their content is missing — {CORRUPT_HINT}")
    from zmdocs.parse.ocr import fix_pages  # scanned and garbled pages; the OCR model loads only if needed

    warnings.extend(fix_pages(path, pages, ocr, progress, finish_page))
    from zmdocs.parse.layer_tables import layer_tables  # tables ruled only in an OCR-layer page's picture

    layer_tables(path, pages, finish_page)
    warnings.extend(_text_layer_warnings(path, pages))
    pictured = [p["page"] for p in pages if p.get("image_text")]
    if pictured:
        warnings.append(f"{path.name}: {sum(p.get('image_text', 0) for p in pages)} word(s) set as pictures (clause "
                        f"numbers) on page(s) {_pages_list(pictured)} were read by OCR; check them")
    dropped = drop_running(pages)
    log.debug("%s: %d running header/footer lines dropped", path, dropped)
    bilingual = keep_main_column(pages)  # one language per column: the translation set aside
    if bilingual:
        warnings.append(f"{path.name}: {bilingual}")
    blocks = _blocks(pages)
    if blocks and pages and pages[0].get("running"):
        blocks[0].meta["running"] = pages[0]["running"]
    parallel = {pages[0]["aside_lang"]: _blocks([{**pg, "items": pg.get("aside", [])} for pg in pages])} if bilingual else {}
    return RawDocument(blocks=blocks, pages=n, format="pdf", warnings=warnings, parallel=parallel)
