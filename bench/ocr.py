"""Benchmark embedded OCR: character error rate against a born-digital twin, and OCR pages/s.

    python bench/ocr.py [--pages 1-18] [--dpi 144] [--corpus ../shared/corpus]

The scanned draft `scan/gb-aecs-draft-zqyj-ocrmypdf.pdf` (page images plus a Tesseract text
layer made by ocrmypdf) has a born-digital twin `cn-draft/gb-aecs-draft-zqyj.pdf` with the
same pages. For each page the reference is the twin's text layer (PDFium); the hypotheses are
zmdocs' RapidOCR (forced, the Tesseract layer ignored; the page's lines as the PDF reader
builds them, before running headers are dropped) and, as the baseline, the Tesseract layer.
CER = Levenshtein distance / reference length, over characters after NFKC folding (full-width
and half-width forms count as equal) with all whitespace removed; totals are summed over pages.
Prints plain lines the README can quote.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCAN = "scan/gb-aecs-draft-zqyj-ocrmypdf.pdf"
TWIN = "cn-draft/gb-aecs-draft-zqyj.pdf"


def _pages(spec: str, n: int) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return [p for p in out if 1 <= p <= n]


def layer_text(path: Path, numbers: list[int]) -> dict[int, str]:
    """A PDF's own text layer per page (PDFium)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        out = {}
        for n in numbers:
            page = doc[n - 1]
            tp = page.get_textpage()
            out[n] = tp.get_text_range()
            tp.close()
            page.close()
        return out
    finally:
        doc.close()


def ocr_text(path: Path, numbers: list[int], dpi: int) -> tuple[dict[int, str], float]:
    """RapidOCR text per page through zmdocs' OCR page pass, and the seconds it took (model load excluded)."""
    import pypdfium2 as pdfium

    from zmdocs.parse.ocr import engine, ocr_page, page_text
    from zmdocs.parse.pdf_page import finish_page as _finish_page

    engine()  # load the model outside the timing
    doc = pdfium.PdfDocument(str(path))
    out = {}
    t0 = time.perf_counter()
    try:
        for n in numbers:
            page = doc[n - 1]
            out[n] = page_text(ocr_page(page, n, _finish_page, dpi=dpi))
            page.close()
    finally:
        doc.close()
    return out, time.perf_counter() - t0


def measure(corpus: Path, numbers: list[int], dpi: int) -> dict:
    """Per-page and total CER of RapidOCR and of the Tesseract layer, and OCR speed."""
    from zmdocs.parse.ocr import char_error_rate

    ref = layer_text(corpus / TWIN, numbers)
    tess = layer_text(corpus / SCAN, numbers)
    rapid, secs = ocr_text(corpus / SCAN, numbers, dpi)
    rows = []
    for n in numbers:
        d_r, length = char_error_rate(ref[n], rapid[n])
        d_t, _ = char_error_rate(ref[n], tess[n])
        rows.append((n, length, d_r, d_t))
    total = sum(r[1] for r in rows) or 1
    return {"rows": rows, "rapid": sum(r[2] for r in rows) / total, "tesseract": sum(r[3] for r in rows) / total,
            "seconds": secs, "pages": len(numbers)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="1-18", help="pages to measure, e.g. 1-18 or 3,4,7")
    ap.add_argument("--dpi", type=int, default=None, help="render resolution (default: zmdocs' own)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    from zmdocs.parse.ocr import DPI

    if not (args.corpus / SCAN).exists() or not (args.corpus / TWIN).exists():
        sys.exit(f"bench/ocr.py: {args.corpus} does not hold {SCAN} and {TWIN}")
    import pypdfium2 as pdfium

    n_pages = len(pdfium.PdfDocument(str(args.corpus / TWIN)))
    numbers = _pages(args.pages, n_pages)
    dpi = args.dpi or DPI
    res = measure(args.corpus, numbers, dpi)
    print(f"OCR bench: {SCAN} against its born-digital twin {TWIN}, {res['pages']} page(s), {dpi} dpi")
    print("page  ref chars  rapidocr CER  tesseract CER")
    for n, length, d_r, d_t in res["rows"]:
        print(f"{n:4d}  {length:9d}  {d_r / max(length, 1):12.3f}  {d_t / max(length, 1):13.3f}")
    print(f"CER rapidocr (zmdocs --ocr force): {res['rapid']:.4f}")
    print(f"CER tesseract layer (ocrmypdf):    {res['tesseract']:.4f}")
    print(f"OCR speed: {res['pages'] / res['seconds']:.3f} pages/s ({res['seconds'] / res['pages']:.1f} s/page, "
          f"render + detection + recognition, model load excluded)")


if __name__ == "__main__":
    main()
