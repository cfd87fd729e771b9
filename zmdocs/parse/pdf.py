"""PDF reader: pdfplumber pages -> line and table Blocks in reading order.

One pass over each page's chars builds the lines (pdf_layout), the table finder runs only on
pages with rulings (pdf_tables), running headers/footers/page numbers/licence stamps are
dropped across pages, and long PDFs are read by two worker processes over page ranges.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from zmdocs.errors import ParseError
from zmdocs.parse.blocks import Block, RawDocument

log = logging.getLogger(__name__)

PARALLEL_MIN_PAGES = 16  # below this, process start-up costs more than it saves
ENCRYPTED_HINT = "remove the password (e.g. qpdf --decrypt --password=… in.pdf out.pdf) and try again"
CORRUPT_HINT = "re-export or re-download it (or try `qpdf in.pdf repaired.pdf`)"
OCR_HINT = "run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then parse the OCR'd file"


# --------------------------------------------------------------------------- opening
def _open(path: Path):
    """Open with pdfplumber, turning pdfminer's failures into one-line ParseErrors."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:  # pdfplumber wraps pdfminer errors in PdfminerException
        raise _classify(path, e) from None
    return pdf


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
    return ParseError(str(path), f"is corrupt or truncated ({name})", CORRUPT_HINT)


def _n_pages(path: Path) -> int:
    pdf = _open(path)
    try:
        try:
            return len(pdf.pages)
        except Exception as e:
            raise _classify(path, e) from None
    finally:
        try:
            pdf.close()
        except Exception:
            pass


# --------------------------------------------------------------------------- one page
def _read_page(page) -> dict:
    """Everything the document pass needs from one page, as plain picklable data."""
    from zmdocs.parse.pdf_layout import clean_chars, page_lines
    from zmdocs.parse.pdf_tables import extract_tables, may_hold_table

    w, h = float(page.width), float(page.height)
    raw_chars = page.chars
    chars, cid = clean_chars(raw_chars)
    n_images = len(page.images) if not chars else 0
    tables = []
    if chars and may_hold_table(page):
        try:
            tables = extract_tables(page, chars)
        except Exception as e:  # a broken grid must not lose the page's text
            log.debug("table finder failed on page %s: %s", page.page_number, e)
            tables = []
    if tables:
        boxes = [t.bbox for t in tables]

        def outside(c: dict) -> bool:
            x = (c["x0"] + c["x1"]) / 2
            y = (c["top"] + c["bottom"]) / 2
            return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

        chars = [c for c in chars if outside(c)]
    lines = page_lines(chars, w, h, tables)
    items = []
    for ln in lines:
        t = ln.extra.get("table")
        if t is not None:
            items.append({"table": t.rows, "header_rows": t.header_rows, "bbox": t.bbox})
        else:
            items.append({"text": ln.text, "x0": round(ln.x0, 2), "x1": round(ln.x1, 2), "top": round(ln.top, 2),
                          "bottom": round(ln.bottom, 2), "size": ln.size, "column": ln.column})
    return {"page": page.page_number, "width": w, "height": h, "items": items, "chars": len(raw_chars),
            "images": n_images, "cid": cid}


def _read_range(path: str, first: int, last: int) -> list[dict]:
    """Worker: open the PDF itself and read pages first..last (1-based, inclusive)."""
    import pdfplumber

    out = []
    with pdfplumber.open(path, pages=list(range(first, last + 1))) as pdf:
        for page in pdf.pages:
            out.append(_read_page(page))
            page.close()  # frees the page's cached objects
    return out


def _workers(n_pages: int, workers: int | None) -> int:
    if workers is None:
        env = os.environ.get("ZMDOCS_WORKERS", "").strip()
        workers = int(env) if env.isdigit() and int(env) > 0 else min(2, os.cpu_count() or 1)
        if multiprocessing.parent_process() is not None:
            workers = 1  # already inside a worker (e.g. `zmdocs index -j`): do not nest pools
    if n_pages < PARALLEL_MIN_PAGES:
        return 1
    return max(1, min(workers, n_pages // 8))


def _read_pages(path: Path, n: int, workers: int) -> list[dict]:
    if workers <= 1:
        return _read_range(str(path), 1, n)
    # contiguous ranges, a few per worker so a slow range does not leave a core idle
    chunks = workers * 3
    step = -(-n // chunks)
    ranges = [(a, min(a + step - 1, n)) for a in range(1, n + 1, step)]
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as ex:
        parts = list(ex.map(_read_range, [str(path)] * len(ranges), [a for a, _ in ranges], [b for _, b in ranges]))
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


def drop_running(pages: list[dict]) -> int:
    """Remove running headers/footers, page numbers and copyright/licence lines in place."""
    n = len(pages)
    band_keys: dict[str, set[int]] = {}
    cands: list[tuple[int, int]] = []  # (page index, item index) in a margin band
    for pi, pg in enumerate(pages):
        h = pg["height"]
        texts = [(ii, it) for ii, it in enumerate(pg["items"]) if "text" in it]
        edge = {ii for ii, _ in texts[:3]} | {ii for ii, _ in texts[-3:]}
        for ii, it in texts:
            if ii in edge and (it["top"] < 0.12 * h or it["bottom"] > 0.9 * h):
                cands.append((pi, ii))
                band_keys.setdefault(_key(it["text"]), set()).add(pi)
    drop: set[tuple[int, int]] = set()
    need = 2 if n <= 4 else max(2, int(0.25 * n))
    for pi, ii in cands:
        text = pages[pi]["items"][ii]["text"]
        k = _key(text)
        if _is_page_number(text) or _COPYRIGHT.search(text):
            drop.add((pi, ii))
        elif len(band_keys.get(k, ())) >= need and not _CAPTION.match(text.strip()):
            drop.add((pi, ii))
    for pi, pg in enumerate(pages):
        for ii, it in enumerate(pg["items"]):
            if "text" in it and _ANYWHERE.search(it["text"]):
                drop.add((pi, ii))
    for pi, pg in enumerate(pages):
        pg["items"] = [it for ii, it in enumerate(pg["items"]) if (pi, ii) not in drop]
    return len(drop)


# --------------------------------------------------------------------------- entry point
def _pages_list(nums: list[int]) -> str:
    return ", ".join(str(x) for x in nums[:12]) + (" …" if len(nums) > 12 else "")


def read_pdf(path: Path, workers: int | None = None) -> RawDocument:
    """Read a PDF into line/table Blocks; bad files raise ParseError with a one-line hint."""
    path = Path(path)
    n = _n_pages(path)
    if n == 0:
        raise ParseError(str(path), "has no pages (empty or corrupt PDF)", CORRUPT_HINT)
    try:
        pages = _read_pages(path, n, _workers(n, workers))
    except ParseError:
        raise
    except Exception as e:
        raise _classify(path, e) from None
    warnings: list[str] = []
    text_pages = [p["page"] for p in pages if p["chars"]]
    image_pages = [p["page"] for p in pages if not p["chars"] and p["images"]]
    if not text_pages:
        if image_pages:
            raise ParseError(str(path), "is a scanned (image-only) PDF with no text layer", OCR_HINT)
        raise ParseError(str(path), "is empty: no text and no images on any page", "check that it is the right file")
    if image_pages:
        warnings.append(f"{path.name}: page(s) {_pages_list(image_pages)} have no text layer (scanned images); "
                        f"their content is missing — {OCR_HINT}")
    cid_pages = [p["page"] for p in pages if p["cid"]]
    if cid_pages:
        total = sum(p["cid"] for p in pages)
        warnings.append(f"{path.name}: {total} characters without a Unicode mapping ((cid:x)) were dropped on "
                        f"page(s) {_pages_list(cid_pages)}; the text there may be incomplete")
    dropped = drop_running(pages)
    log.debug("%s: %d running header/footer lines dropped", path, dropped)
    blocks: list[Block] = []
    for pg in pages:
        for it in pg["items"]:
            if "table" in it:
                blocks.append(Block(kind="table", page=pg["page"], rows=it["table"], header_rows=it["header_rows"],
                                    meta={"x0": it["bbox"][0], "top": it["bbox"][1], "x1": it["bbox"][2],
                                          "bottom": it["bbox"][3], "page_width": pg["width"],
                                          "page_height": pg["height"]}))
            else:
                meta = {k: it[k] for k in ("x0", "x1", "top", "bottom", "size")}
                meta.update(page_width=pg["width"], page_height=pg["height"])
                if it["column"]:
                    meta["column"] = it["column"]
                blocks.append(Block(kind="line", text=it["text"], page=pg["page"], meta=meta))
    return RawDocument(blocks=blocks, pages=n, format="pdf", warnings=warnings)
