"""Embedded OCR for scanned pages and garbled text layers (RapidOCR: PP-OCRv4 zh/en, ONNX, on CPU).

The models ship inside the `rapidocr-onnxruntime` wheel; nothing is downloaded. A page is
rendered with PDFium, RapidOCR finds and reads its text lines, and every recognised character
becomes a char dict with its box (spaces where the boxes leave a word gap) that goes through
the PDF reader's own page pass, so OCR text is cut into lines, columns and clauses exactly
like a text layer. `fix_pages` is the PDF reader's one hook: it decides which pages to OCR
(`auto`: pages without text or with a garbled text layer; `force`: every page; `off`:
none, garbled pages are then dropped like scanned ones) and repairs single lines whose
Latin words are ideographs in disguise. A foreign OCR layer (ocrmypdf/Tesseract, Acrobat) is rebuilt
by `ocr_layer` and, under `auto`, gives way to our OCR when a sample page disagrees (`_judge_layer`).
OCR pages get table rulings and missed clause numbers from the page image (`ocr_image`).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path

from zmdocs.errors import ParseError, ocr_errors

log = logging.getLogger(__name__)

MODES = ("auto", "force", "off")
DPI = 144  # render resolution: 10.5 pt text is ~21 px high, enough for PP-OCRv4; higher costs detection time
MIN_SCORE = 0.5  # recognition confidence below which a line is dropped
OCR_HINT = "parse it with --ocr auto (or ocr='auto'), or run OCR first, e.g. `ocrmypdf --force-ocr in.pdf out.pdf`"
Progress = Callable[[int, int], None]

_LATIN_PIECE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 .,'’/()\-]*[A-Za-z0-9)])?")
_EDGE = " \t.,;:!?'\"，。；：、！？“”‘’·"
_ENGINE: dict = {}
_LOCK = threading.Lock()


def engine():
    """The shared RapidOCR engine (loaded once per process; its loggers silenced, nothing on stdout)."""
    with _LOCK:
        if "ocr" not in _ENGINE:
            from rapidocr_onnxruntime import RapidOCR  # a declared dependency
            from rapidocr_onnxruntime.utils import get_logger

            for name in ("RapidOCR", "OrtInferSession"):
                lg = get_logger(name)  # cached by the library: quiet it before it is first used
                lg.setLevel(logging.ERROR)
                lg.propagate = False
            _ENGINE["ocr"] = RapidOCR(print_verbose=False)
        return _ENGINE["ocr"]


def render(page, dpi: int = DPI):
    """A pypdfium2 page as an RGB numpy array at `dpi` (page rotation applied)."""
    import numpy as np

    bitmap = page.render(scale=dpi / 72.0)
    try:
        return np.asarray(bitmap.to_pil().convert("RGB"))
    finally:
        bitmap.close()


def recognise(image) -> list[tuple]:
    """Text lines of an image: [(4-point line box, text, confidence, char boxes)] in pixels, weak lines dropped."""
    result, _ = engine()(image, use_cls=False, return_word_box=True)
    out = []
    for box, text, score, *rest in result or []:
        if text.strip() and float(score) >= MIN_SCORE:
            out.append((box, text, float(score), rest[0] if rest else None))
    return out


def _advance(ch: str) -> float:
    """Relative width of a character: ideographs and full-width forms one em, Latin about half."""
    from zmdocs.parse.pdf_layout import is_cjk

    if ch.isspace():
        return 0.3
    if is_cjk(ch):
        return 1.0
    return 0.6 if ch.isupper() or ch.isdigit() else 0.5


def _spread(text: str, x0: float, x1: float) -> list[tuple[str, float, float]]:
    """Chars of a line without char boxes: spread over the line by their typical widths."""
    weights = [_advance(c) for c in text]
    step = (x1 - x0) / sum(weights)
    out, x = [], x0
    for c, w in zip(text, weights, strict=True):
        out.append((c, x, x + w * step))
        x += w * step
    return out


def _spaced(text: str, boxes: list, height: float) -> list[tuple[str, float, float]]:
    """Chars with their recognised boxes; a space where the gap is word-sized, gaps closed elsewhere.

    PP-OCR drops most spaces ("powersupply", "1范围"); its char boxes keep the gaps, coarsely
    (a few pixels). Between two ideographs only an em-wide gap is a space; after a number a
    gap of 0.4 median char widths is (clause numbers); elsewhere 0.7 median char widths.
    """
    from statistics import median

    from zmdocs.parse.pdf_layout import is_cjk

    chars: list[tuple[str, float, float]] = []
    spaced: set[int] = set()  # chars the recogniser itself put a space after
    for c, box in zip(text, boxes, strict=True):
        if c.isspace():
            if chars:
                spaced.add(len(chars) - 1)
        else:
            chars.append((c, min(p[0] for p in box), max(p[0] for p in box)))
    if not chars:
        return []
    width = median(b - a for _, a, b in chars) or 1.0
    out: list[tuple[str, float, float]] = []
    for k, (c, a, b) in enumerate(chars):
        if k + 1 < len(chars):
            nxt, na = chars[k + 1][0], chars[k + 1][1]
            if k in spaced:
                need = -1e9
            elif is_cjk(c) and is_cjk(nxt):
                need = 0.9 * height
            elif c.isdigit() and not nxt.isdigit() and nxt not in ".,:;%)":
                need = 0.4 * width
            else:
                need = max(0.7 * width, 0.2 * height)
            if na - b > need:
                out.append((c, a, b))
                out.append((" ", b, max(na, b)))
                continue
            b = max(b, na)
        out.append((c, a, b))
    return out


def _row_sizes(lines: list[tuple]) -> list[float]:
    """A font size (pixels) per OCR line: 70 % of its box height, the largest of the boxes in its row.

    A lone clause number gets a box of its own, shorter than its heading's; with its own size the
    line builder would take it for a superscript (`⁵ 密钥`).
    """
    spans = []
    for box, *_ in lines:
        ys = [p[1] for p in box]
        spans.append((min(ys), max(ys)))
    order = sorted(range(len(lines)), key=lambda k: (spans[k][0] + spans[k][1]) / 2)
    sizes = [max(0.7 * (b - a), 1.0) for a, b in spans]
    row: list[int] = []
    for k in order + [-1]:
        if k >= 0 and row:
            a, b = spans[k]
            ra, rb = spans[row[0]]
            if min(b, rb) - max(a, ra) > 0.5 * min(b - a, rb - ra):
                row.append(k)
                continue
        top = max((sizes[j] for j in row), default=0.0)
        for j in row:
            sizes[j] = top
        row = [k]
    return sizes


def pseudo_chars(lines: list[tuple], scale: float) -> list[dict]:
    """OCR lines -> char dicts in PDF points (top from the page top), as a text layer would give them.

    The detector pads a line's box, so the font size is taken as 70 % of the box height (`_row_sizes`).
    """
    chars: list[dict] = []
    sizes = _row_sizes(lines)
    for (box, text, _, boxes), size in zip(lines, sizes, strict=True):
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        if x1 <= x0:
            continue
        if boxes and len(boxes) == len(text):
            placed = _spaced(text, boxes, bottom - top)
        else:
            text = " ".join(text.split())
            placed = _spread(text, x0, x1)
        size /= scale
        mid = (top + bottom) / 2 / scale
        for c, a, b in placed:
            chars.append({"text": c, "x0": a / scale, "x1": b / scale, "top": mid - size / 2,
                          "bottom": mid + size / 2, "size": size, "upright": True, "dir": 0})
    return chars


def ocr_page(page, number: int, finish_page, dpi: int = DPI) -> dict:
    """OCR one pypdfium2 page into the PDF reader's page dict (via its `finish_page`)."""
    return _ocr_page_scored(page, number, finish_page, dpi)[0]


def _ocr_page_scored(page, number: int, finish_page, dpi: int = DPI) -> tuple[dict, float]:
    """`ocr_page`, plus the recogniser's mean confidence over the page's characters (1.0 for a blank page)."""
    image = render(page, dpi)
    scale = dpi / 72.0
    h_px, w_px = image.shape[:2]
    blank = float(image.std()) < 2.0  # an empty page: no model needed
    lines = [] if blank else recognise(image)
    weight = sum(len(t) for _, t, _, _ in lines)
    score = sum(len(t) * s for _, t, s, _ in lines) / weight if weight else 1.0
    table_page = None
    if lines:
        from zmdocs.parse.ocr_image import margin_numbers, rulings
        from zmdocs.parse.pdf_tables import RulingsPage

        lines += margin_numbers(image, lines, _read_crop)
        edges = rulings(image, scale)
        if min(sum(e["orientation"] == o for e in edges) for o in "hv") >= 2:  # a grid the table finder can use
            table_page = RulingsPage(edges, w_px / scale, h_px / scale)
    out = finish_page(number, w_px / scale, h_px / scale, pseudo_chars(lines, scale), 0, 0.0, table_page)
    out["ocr"] = True
    return out, score


def _read_crop(crop) -> tuple[str, float]:
    """Recognition only (no detection) of one small image: (text, confidence)."""
    result, _ = engine()(crop, use_det=False, use_cls=False)
    return (result[0][0], float(result[0][1])) if result else ("", 0.0)


def recognise_line(image, box: tuple[float, float, float, float], scale: float) -> tuple[str, float]:
    """Read one known text line (x0, top, x1, bottom in points) of a rendered page: recognition only."""
    x0, top, x1, bottom = box
    pad = 0.25 * (bottom - top)
    h_px, w_px = image.shape[:2]
    r0, r1 = max(int((top - pad) * scale), 0), min(int((bottom + pad) * scale) + 1, h_px)
    c0, c1 = max(int((x0 - pad) * scale), 0), min(int((x1 + pad) * scale) + 1, w_px)
    if r1 - r0 < 4 or c1 - c0 < 4:
        return "", 0.0
    result, _ = engine()(image[r0:r1, c0:c1], use_det=False, use_cls=False)
    if not result:
        return "", 0.0
    text, score = result[0][0], float(result[0][1])
    return " ".join(text.split()), score


def page_text(pg: dict) -> str:
    """All text of a reader page dict: its lines and table cells."""
    parts = []
    for it in pg["items"]:
        if "text" in it:
            parts.append(it["text"])
        else:
            parts.extend(c for row in it["table"] for c in row if c)
    return "\n".join(parts)


def _ranges(nums: list[int]) -> str:
    out: list[str] = []
    for n in sorted(nums):
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = out[-1].split("–")[0] + f"–{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def _plan(pages: list[dict], mode: str, layer: set[int] = frozenset(), swap: str = "") -> tuple[
        dict[int, str], dict[int, list[int]], set[int], set[int]]:
    """Which pages to OCR (page index -> why), which lines to re-read (page index -> item indices).

    Pages in `layer` carry a foreign OCR layer: their text is an OCR engine's, not a font map's, so
    the garble tests do not apply; they are OCRed again when `swap` gives the reason.
    """
    from zmdocs.parse.garble import assess_pages, latin_windows, suspect_runs

    texts = [page_text(p) for p in pages]
    verdicts = assess_pages([(t, p.get("chars", 0), p.get("cid", 0)) for t, p in zip(texts, pages, strict=True)])
    windows: set[int] = set()
    for t in texts:
        windows |= latin_windows(t)
    whole: dict[int, str] = {}
    lines: dict[int, list[int]] = {}
    garbled: set[int] = set()
    for i, (pg, v) in enumerate(zip(pages, verdicts, strict=True)):
        if i in layer and mode != "force":
            if swap:
                whole[i] = swap
            continue
        if v.garbled:
            garbled.add(i)
            log.debug("page %s garbled: %s", pg["page"], v.reason)
        if mode == "force":
            whole[i] = "forced"
        elif pg.get("scanned") or (not pg.get("chars") and pg.get("graphics", 0) >= 50):
            whole[i] = "no text layer"
        elif v.garbled:
            whole[i] = "garbled text layer"
        elif v.spans:
            hit = [k for k, it in enumerate(pg["items"]) if "text" in it and suspect_runs(it["text"], windows)]
            if hit:
                lines[i] = hit
    return whole, lines, garbled, windows


def _accept(old: str, new: str, windows: set[int]) -> bool:
    """A re-read line replaces the old one only if it keeps what the old line had right.

    The trustworthy part is every character outside the disguised-Latin spans (NFKC-folded, no
    spaces); at least 60 % of it must be found again in the OCR text, else the crop missed the line.
    """
    from zmdocs.parse.garble import suspect_runs

    if not new:
        return False
    keep = list(old)
    for a, b in suspect_runs(old, windows):
        keep[a:b] = [""] * (b - a)
    trusted = _cer_key("".join(keep))
    if not trusted:
        return True
    pool: dict[str, int] = {}
    for c in _cer_key(new):
        pool[c] = pool.get(c, 0) + 1
    hits = 0
    for c in trusted:
        if pool.get(c, 0) > 0:
            pool[c] -= 1
            hits += 1
    return hits >= 0.6 * len(trusted)


def fix_pages(path: Path, pages: list[dict], mode: str = "auto", progress: Progress | None = None,
              finish_page=None) -> list[str]:
    """The PDF reader's OCR hook: judge every page, OCR or drop what its text layer cannot give.

    `pages` are the reader's page dicts, changed in place; `finish_page` is the reader's page pass
    (chars -> page dict). `progress(done, total)` is called after each page OCR touches. Returns
    warnings for the document. With mode "off" garbled pages are emptied (like scanned pages), and
    a PDF whose every text page is garbled is a ParseError.
    """
    if mode not in MODES:
        raise ParseError(str(path), f"unknown OCR mode {mode!r}", f"use one of {', '.join(MODES)}")
    name = Path(path).name
    if finish_page is None:
        from zmdocs.parse.pdf_page import finish_page
    from zmdocs.parse.ocr_layer import repair_layers

    layer = set(repair_layers(path, pages, finish_page)) if mode != "force" else set()
    ready: dict[int, dict] = {}
    swap = _judge_layer(path, pages, sorted(layer), finish_page, ready) if mode == "auto" and layer else ""
    whole, lines, garbled, windows = _plan(pages, mode, layer, swap)
    if mode == "off":
        return _drop_garbled(path, pages, garbled, lines)
    if not whole and not lines:
        return []
    warnings: list[str] = []
    done_whole, repaired, failed = _run(path, pages, whole, lines, windows, progress, finish_page, ready)
    by_reason: dict[str, list[int]] = {}
    for i in done_whole:
        by_reason.setdefault(whole[i], []).append(pages[i]["page"])
    for reason, nums in by_reason.items():
        warnings.append(f"{name}: page(s) {_ranges(nums)} were read by OCR ({reason}); check their text")
    if repaired:
        warnings.append(f"{name}: {sum(repaired.values())} line(s) on page(s) {_ranges(list(repaired))} whose Latin "
                        f"words were in a font without a Unicode map were re-read by OCR")
    if failed:
        warnings.append(f"{name}: OCR failed on page(s) {_ranges(failed)}; their text is missing or garbled")
    return warnings


# A foreign OCR layer agreeing less than this with the embedded OCR (share of characters, spaces left out)
# is replaced, when the embedded OCR is at least LAYER_CONFIDENCE sure of the sample page. Measured: an
# Acrobat layer over an English scan agreed 0.99+; a Tesseract layer over a Chinese draft 0.94 (its error
# rate against the born-digital twin 0.064 on that page, RapidOCR's 0.017).
LAYER_AGREEMENT = 0.97
LAYER_CONFIDENCE = 0.9
_SAMPLE_CHARS = 1500  # characters compared (edit distance is quadratic)


def _judge_layer(path: Path, pages: list[dict], layer: list[int], finish_page, ready: dict[int, dict]) -> str:
    """Whether a foreign OCR layer (ocrmypdf/Tesseract, Acrobat) should give way to the embedded OCR.

    One sample page (the layer page with the most text) is read by RapidOCR and compared with the
    layer. Where the two agree the layer is kept (it costs nothing); where they disagree and our
    reading is confident, every layer page is OCRed again (a Tesseract layer over Chinese misreads
    headings such as 附录; over a whole draft its error rate against the born-digital twin was 0.17, ours 0.13).
    Returns the reason for the warning ("" keeps the layer); the sample's new page goes into `ready`.
    """
    import pypdfium2 as pdfium

    texts = {i: _cer_key(page_text(pages[i])) for i in layer}
    sample = max(layer, key=lambda i: len(texts[i]))
    if len(texts[sample]) < 50:
        return ""
    try:
        doc = pdfium.PdfDocument(str(path))
        try:
            page = doc[pages[sample]["page"] - 1]
            try:
                new, score = _ocr_page_scored(page, pages[sample]["page"], finish_page)
            finally:
                page.close()
        finally:
            doc.close()
    except (ImportError, *ocr_errors()) as e:  # no OCR engine here, or it failed: the layer is what there is
        log.debug("OCR-layer check failed on %s: %r", path, e)
        return ""
    ours = _cer_key(page_text(new))[:_SAMPLE_CHARS]
    theirs = texts[sample][:_SAMPLE_CHARS]
    agreement = 1.0 - edit_distance(ours, theirs) / max(len(ours), len(theirs), 1)
    log.debug("%s: OCR layer vs embedded OCR on page %s: agreement %.2f, confidence %.2f",
              path, pages[sample]["page"], agreement, score)
    if agreement >= LAYER_AGREEMENT or score < LAYER_CONFIDENCE:
        return ""
    ready[sample] = new
    return f"their OCR text layer agrees only {agreement:.0%} with the embedded OCR on page {pages[sample]['page']}"


def _drop_garbled(path: Path, pages: list[dict], garbled: set[int], lines: dict[int, list[int]]) -> list[str]:
    """OCR off: garbled pages lose their text (it would only mislead), disguised Latin is flagged."""
    name = Path(path).name
    with_text = [i for i, p in enumerate(pages) if p.get("chars") and not p.get("scanned")]
    if garbled and with_text and all(i in garbled for i in with_text):
        raise ParseError(str(path), "has a garbled text layer on every page (fonts without a usable Unicode map)",
                         OCR_HINT)
    warnings = []
    if garbled:
        for i in garbled:
            pages[i]["items"] = []
            pages[i]["garbled"] = True
        nums = [pages[i]["page"] for i in garbled]
        warnings.append(f"{name}: page(s) {_ranges(nums)} have a garbled text layer (fonts without a usable "
                        f"Unicode map) and were left out — {OCR_HINT}")
    if lines:
        n = sum(len(v) for v in lines.values())
        warnings.append(f"{name}: {n} line(s) on page(s) {_ranges([pages[i]['page'] for i in lines])} hold Latin "
                        f"words in a font without a Unicode map (they read as ideographs) — {OCR_HINT}")
    return warnings


def _run(path: Path, pages: list[dict], whole: dict[int, str], lines: dict[int, list[int]], windows: set[int],
         progress: Progress | None, finish_page, ready: dict[int, dict] | None = None
         ) -> tuple[list[int], dict[int, int], list[int]]:
    """OCR whole pages and re-read single lines; returns (pages OCRed, lines re-read per page, pages failed).

    `ready`: pages already OCRed (page index -> page dict), used as they are."""
    import pypdfium2 as pdfium

    if finish_page is None:
        from zmdocs.parse.pdf_page import finish_page
    todo = sorted(set(whole) | set(lines))
    doc = pdfium.PdfDocument(str(path))
    done_whole: list[int] = []
    repaired: dict[int, int] = {}
    failed: list[int] = []
    try:
        for k, i in enumerate(todo):
            try:
                page = doc[pages[i]["page"] - 1]
            except pdfium.PdfiumError as e:  # a damaged page PDFium cannot load: it stays as read
                log.debug("page %s not loaded for OCR: %r", pages[i]["page"], e)
                failed.append(pages[i]["page"])
                continue
            try:
                if i in whole:
                    new = (ready or {}).get(i) or ocr_page(page, pages[i]["page"], finish_page)
                    if not pages[i].get("scanned") or _adds_text(pages[i], new):
                        pages[i].clear()
                        pages[i].update(new)
                        done_whole.append(i)  # else OCR found nothing new: the page stays a scanned page
                else:
                    n = _reread_lines(page, pages[i], lines[i], windows)
                    if n:
                        repaired[pages[i]["page"]] = n
            except ocr_errors() as e:  # one page the OCR engine chokes on must not lose the document
                log.debug("OCR failed on page %s: %r", pages[i]["page"], e)
                failed.append(pages[i]["page"])
            finally:
                page.close()
            if progress is not None:
                progress(k + 1, len(todo))
    finally:
        doc.close()
    return done_whole, repaired, failed


def _adds_text(old: dict, new: dict) -> bool:
    """True if OCR read more from a page image than the stamp or watermark its text layer already had."""
    return len(_cer_key(page_text(new))) > len(_cer_key(page_text(old))) + 10


def _reread_lines(page, pg: dict, indices: list[int], windows: set[int]) -> int:
    """Re-read the given line items of a page by OCR; returns how many were replaced."""
    image = render(page, DPI)
    scale = DPI / 72.0
    # the reader's coordinates are in the unrotated page frame; a rendered rotated page would not match
    if abs(image.shape[1] / scale - pg["width"]) > 2 or abs(image.shape[0] / scale - pg["height"]) > 2:
        return 0
    n = 0
    for k in indices:
        it = pg["items"][k]
        text, score = recognise_line(image, (it["x0"], it["top"], it["x1"], it["bottom"]), scale)
        if score >= MIN_SCORE and _accept(it["text"], text, windows):
            fixed = _splice(it["text"], text, windows)
            n += fixed != it["text"]
            it["text"] = fixed
    return n


def _fold(c: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", c)[:1] or c


def _splice(old: str, new: str, windows: set[int]) -> str:
    """The old line with each disguised-Latin span replaced by what OCR read in its place.

    The line's trustworthy characters are aligned with the OCR text; a span takes the OCR text
    between the aligned characters around it, so the text layer's own characters are all kept.
    """
    from difflib import SequenceMatcher

    from zmdocs.parse.garble import suspect_runs

    spans = suspect_runs(old, windows)
    ia = [k for k, c in enumerate(old) if not c.isspace()]  # spaces never anchor an alignment
    ib = [k for k, c in enumerate(new) if not c.isspace()]
    a = "".join(_fold(old[k]) for k in ia)
    b = "".join(_fold(new[k]) for k in ib)
    pos = {}  # old index -> new index, for aligned characters
    for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            pos[ia[blk.a + k]] = ib[blk.b + k]
    out, last = [], 0
    for s0, s1 in spans:
        left = max((pos[k] + 1 for k in range(s0) if k in pos), default=0)
        right = min((pos[k] for k in range(s1, len(old)) if k in pos), default=len(new))
        piece = new[left:right].strip(_EDGE) if right > left else ""
        out.append(old[last:s0])
        # the span is Latin in disguise: only Latin read in its place replaces it, else it stays (flagged)
        out.append(piece if _LATIN_PIECE.fullmatch(piece) else old[s0:s1])
        last = s1
    out.append(old[last:])
    return "".join(out)


# --------------------------------------------------------------------------- measuring
def _cer_key(text: str) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance over characters (insertions, deletions, substitutions cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_error_rate(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance, reference length) after NFKC folding with all whitespace removed."""
    ref, hyp = _cer_key(reference), _cer_key(hypothesis)
    return edit_distance(ref, hyp), len(ref)
