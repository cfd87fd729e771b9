"""Render the sample corpus: `python scripts/make_samples.py` rewrites corpora/samples/*.

Sources are `corpora/samples/src/*.txt` (markup in corpora/samples/README.md); the three
GB/IEC/DIN standards become PDFs (reportlab), the T/ZZB draft a DOCX (python-docx), plus a
competitor-specs CSV. The output is deterministic apart from PDF/DOCX timestamps.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples_markup import ROOT, load_all  # noqa: E402

OUT = ROOT / "corpora" / "samples"

PDFS = ("GB-4706.19-2024-kettle", "IEC-60335-2-15-2016-kettle", "DIN-EN-60335-2-15-2020-kettle")
DOCX = ("T-ZZB-0999-2026-kettle",)

# An illustrative foreign product's published specifications (invented figures).
COMPETITOR = [
    ("parameter", "comparator", "value", "unit", "source"),
    ("leakage current", "<=", "0.4", "mA", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("standby power", "<=", "0.25", "W", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("thermal efficiency", ">=", "87", "%", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("sound power level", "<=", "58", "dB(A)", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("boiling time (1.7 l)", "<=", "270", "s", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("boil-dry switch-off time", "<=", "20", "s", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("earth continuity resistance", "<=", "0.08", "Ω", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("switch endurance", ">=", "15000", "cycles", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
    ("rated power", "=", "2.2", "kW", "Example Appliances GmbH, model WK-17 data sheet (illustrative)"),
]


def main(argv: list[str] | None = None) -> int:
    """Render every sample (or the stems given) and print one line per file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default corpora/samples)")
    ap.add_argument("only", nargs="*", help="file stems to render (default all)")
    args = ap.parse_args(argv)
    from samples_docx import render_docx
    from samples_pdf import render_pdf

    args.out.mkdir(parents=True, exist_ok=True)
    docs = load_all()
    for stem in PDFS + DOCX:
        if args.only and stem not in args.only:
            continue
        if stem in PDFS:
            pages = render_pdf(docs[stem], args.out / f"{stem}.pdf")
            print(f"{stem}.pdf: {pages} pages")
        else:
            render_docx(docs[stem], args.out / f"{stem}.docx")
            print(f"{stem}.docx")
    with open(args.out / "kettle-competitor.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(COMPETITOR)
    print("kettle-competitor.csv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
