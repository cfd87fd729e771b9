"""Benchmark PDF parsing: zmdocs `parse_file` (full clause tree with tables) vs bare pdfplumber.

    python bench/parse.py [PDF ...] [--workers N] [--min-pages 100] [--repeat 1]
    python bench/parse.py --real [--corpus DIR] [--repeat N]   # the text PDFs of ../shared/corpus
    ZMDOCS_PDF_BACKEND=pdfminer python bench/parse.py   # every page through pdfminer instead of PDFium

Without arguments it uses corpora/samples/*.pdf plus a long synthetic standard rendered with
reportlab (Chinese and English text, ruled tables, running headers) so the set has at least
--min-pages pages. Both sides read the same files in this one process (zmdocs may use its page
workers); the bare side is pdfplumber `page.extract_text()` on every page, nothing else.
`--real` reads the real corpus instead (every PDF except scan/ and cn-garbled/; zmdocs with OCR
off, so the figure is text-layer reading) and adds bare pypdfium2 `get_text_range()`.
Prints plain lines the README can quote.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ZH_PARA = ("在额定电压下，器具的泄漏电流应不大于 0.25 mA，电气强度试验电压为 1 250 V，持续时间 1 min，"
           "试验期间不应发生击穿。外壳表面温升应不超过 60 K，待机功率应不大于 0.5 W。")
EN_PARA = ("The leakage current at operating temperature shall not exceed 0.75 mA for class I portable "
           "appliances; the electric strength test voltage is 1 250 V applied for 1 min without breakdown.")


def _wrap(text: str, width: int) -> list[str]:
    out, cur = [], ""
    for ch in text:
        cur += ch
        if len(cur) >= width and (ch == " " or ord(ch) > 0x2E80):
            out.append(cur.strip())
            cur = ""
    if cur.strip():
        out.append(cur.strip())
    return out


def synthetic_pdf(path: Path, pages: int) -> Path:
    """A long standard-like PDF: numbered clauses, wrapped paragraphs, a ruled table every 3rd page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    clause = 0
    for n in range(1, pages + 1):
        c.setFont("STSong-Light", 9)
        c.drawString(60 if n % 2 == 0 else w - 160, h - 40, "T/ZZB 9999—2026")
        c.drawCentredString(w / 2, 30, str(n))
        y = 80
        zh = n % 2 == 1
        c.setFont("STSong-Light", 10.5)
        while y < 740:
            clause += 1
            c.drawString(72, h - y, f"5.{clause} {'技术要求' if zh else 'Requirement'} {clause}")
            y += 18
            for line in _wrap(ZH_PARA if zh else EN_PARA, 44 if zh else 80):
                c.drawString(72, h - y, line)
                y += 16
            y += 6
            if n % 3 == 0 and 300 < y < 500:
                c.drawString(72, h - y, f"表{n} 技术指标")
                y += 8
                for r in range(5):
                    for col in range(3):
                        c.rect(72 + 140 * col, h - y - 18, 140, 18)
                        c.drawString(76 + 140 * col, h - y - 13, ["项目", "≤0.25 mA", "1 250 V"][col] + f" {r}")
                    y += 18
                y += 12
        c.showPage()
    c.save()
    return path


def page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def bare(paths: list[Path]) -> tuple[int, float]:
    import pdfplumber

    t0 = time.perf_counter()
    n = 0
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                n += 1
    return n, time.perf_counter() - t0


def bare_pdfium(paths: list[Path]) -> tuple[int, float]:
    import pypdfium2 as pdfium

    t0 = time.perf_counter()
    n = 0
    for p in paths:
        doc = pdfium.PdfDocument(p)
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
            n += 1
        doc.close()
    return n, time.perf_counter() - t0


def ours(paths: list[Path], ocr: str = "auto") -> tuple[int, float, int, int]:
    from zmdocs.parse import parse_file

    t0 = time.perf_counter()
    n = clauses = tables = 0
    for p in paths:
        doc = parse_file(p, ocr=ocr)
        n += doc.pages
        clauses += _count(doc.clauses)
        tables += len(getattr(doc, "tables", []) or [])
    return n, time.perf_counter() - t0, clauses, tables


def _walk(clauses):
    for c in clauses or []:
        yield c
        yield from _walk(getattr(c, "children", []))


def _count(clauses) -> int:
    return sum(1 for _ in _walk(clauses))


def real_pdfs(corpus: Path) -> list[Path]:
    """The corpus PDFs with a usable text layer: scans and garbled-font PDFs are OCR's business."""
    return sorted(p for p in corpus.rglob("*.pdf") if p.relative_to(corpus).parts[0] not in ("scan", "cn-garbled"))


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (zmdocs' page workers)."""
    import resource

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _timed(fn, *args):
    c0 = _cpu()
    out = fn(*args)
    return out, _cpu() - c0


def _best(repeat: int, fn, *args):
    """Best of `repeat` runs: (result, wall seconds, CPU seconds), each the minimum over the runs."""
    best = None
    for _ in range(max(1, repeat)):
        out, cpu = _timed(fn, *args)
        wall = out[1]
        best = (out, wall, cpu) if best is None else (out, min(best[1], wall), min(best[2], cpu))
    return best


def run_real(corpus: Path, repeat: int = 1) -> None:
    paths = real_pdfs(corpus)
    if not paths:
        sys.exit(f"no PDFs under {corpus}")
    print(f"files: {len(paths)} text PDFs of {corpus} (scan/ and cn-garbled/ skipped)")
    print(f"cores: {os.cpu_count()}  zmdocs workers: {os.environ.get('ZMDOCS_WORKERS', 'default')}  OCR: off  "
          f"load average at start: {os.getloadavg()[0]:.1f}  best of {max(1, repeat)}")
    (no, _, ncl, ntab), to, co = _best(repeat, ours, paths, "off")
    (nb, _), tb, cb = _best(repeat, bare, paths)
    (ni, _), ti, ci = _best(repeat, bare_pdfium, paths)
    print(f"zmdocs parse_file:        {no} pages in {to:.2f} s = {no / to:.1f} pages/s "
          f"({no / co:.1f} pages per CPU-second; {ncl} clauses, {ntab} tables)")
    print(f"pdfplumber extract_text:  {nb} pages in {tb:.2f} s = {nb / tb:.1f} pages/s ({nb / cb:.1f} per CPU-second)")
    print(f"pypdfium2 get_text_range: {ni} pages in {ti:.2f} s = {ni / ti:.1f} pages/s ({ni / ci:.1f} per CPU-second)")
    print(f"ratio zmdocs/pdfplumber: {(no / to) / (nb / tb):.2f}x wall, {(no / co) / (nb / cb):.2f}x CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--workers", type=int, default=None, help="zmdocs page workers (default ZMDOCS_WORKERS or 2)")
    ap.add_argument("--min-pages", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs for each side")
    ap.add_argument("--real", action="store_true", help="read the real corpus (../shared/corpus) instead")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    if args.workers is not None:
        os.environ["ZMDOCS_WORKERS"] = str(args.workers)
    if args.real:
        run_real(args.corpus, args.repeat)
        return
    paths = list(args.pdfs) or sorted((ROOT / "corpora" / "samples").glob("*.pdf"))
    tmp = tempfile.TemporaryDirectory(prefix="zmdocs-bench-")
    total = sum(page_count(p) for p in paths)
    if total < args.min_pages:
        paths.append(synthetic_pdf(Path(tmp.name) / "synthetic-standard.pdf", args.min_pages - total))
    names = ", ".join(p.name for p in paths)
    print(f"files: {len(paths)} ({names})")
    backend = os.environ.get("ZMDOCS_PDF_BACKEND", "pdfium")
    print(f"cores: {os.cpu_count()}  zmdocs workers: {os.environ.get('ZMDOCS_WORKERS', 'default')}  "
          f"backend: {backend} (pdfplumber's table finder runs on pages with rulings)")
    best_b = best_o = None
    for _ in range(max(1, args.repeat)):
        nb, tb = bare(paths)
        no, to, ncl, _ = ours(paths)
        best_b = min(best_b or tb, tb)
        best_o = min(best_o or to, to)
    print(f"pdfplumber extract_text: {nb} pages in {best_b:.2f} s = {nb / best_b:.1f} pages/s")
    print(f"zmdocs parse_file:       {no} pages in {best_o:.2f} s = {no / best_o:.1f} pages/s ({ncl} clauses)")
    print(f"ratio zmdocs/pdfplumber: {(no / best_o) / (nb / best_b):.2f}x")
    tmp.cleanup()


if __name__ == "__main__":
    main()
