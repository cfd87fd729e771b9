"""Benchmark PDF parsing: zmdocs `parse_file` (full clause tree with tables) vs bare pdfplumber.

    python bench/parse.py [PDF ...] [--workers N] [--min-pages 100] [--repeat 1]
    ZMDOCS_PDF_BACKEND=pdfminer python bench/parse.py   # without PDFium for plain pages

Without arguments it uses corpora/samples/*.pdf plus a long synthetic standard rendered with
reportlab (Chinese and English text, ruled tables, running headers) so the set has at least
--min-pages pages. Both sides read the same files in this one process (zmdocs may use its page
workers); the bare side is pdfplumber `page.extract_text()` on every page, nothing else.
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


def ours(paths: list[Path]) -> tuple[int, float, int, int]:
    from zmdocs.parse import parse_file

    t0 = time.perf_counter()
    n = clauses = tables = 0
    for p in paths:
        doc = parse_file(p)
        n += doc.pages
        clauses += _count(doc.clauses)
        tables += sum(len(getattr(c, "tables", []) or []) for c in _walk(doc.clauses))
    return n, time.perf_counter() - t0, clauses, tables


def _walk(clauses):
    for c in clauses or []:
        yield c
        yield from _walk(getattr(c, "children", []))


def _count(clauses) -> int:
    return sum(1 for _ in _walk(clauses))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--workers", type=int, default=None, help="zmdocs page workers (default ZMDOCS_WORKERS or 2)")
    ap.add_argument("--min-pages", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs for each side")
    args = ap.parse_args()
    if args.workers is not None:
        os.environ["ZMDOCS_WORKERS"] = str(args.workers)
    paths = list(args.pdfs) or sorted((ROOT / "corpora" / "samples").glob("*.pdf"))
    tmp = tempfile.TemporaryDirectory(prefix="zmdocs-bench-")
    total = sum(page_count(p) for p in paths)
    if total < args.min_pages:
        paths.append(synthetic_pdf(Path(tmp.name) / "synthetic-standard.pdf", args.min_pages - total))
    names = ", ".join(p.name for p in paths)
    print(f"files: {len(paths)} ({names})")
    backend = os.environ.get("ZMDOCS_PDF_BACKEND", "pdfium")
    print(f"cores: {os.cpu_count()}  zmdocs workers: {os.environ.get('ZMDOCS_WORKERS', 'default')}  "
          f"backend: {backend} (pages with rulings always go through pdfplumber's table finder)")
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
