"""Print rough figures for the sample corpus: pages, clauses, tables, and limit values in prose/tables.

`python scripts/samples_stats.py`. "Limits" are counted with a regex over the sources (a
comparator word near a number with a unit in prose; table body cells holding a number), so
they are an estimate of the indicators there, not a gold count.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples_markup import ROOT, load_all  # noqa: E402

_U = r"(mA|µA|kW|W|kPa|MPa|s|min|h|°C|℃|K|dB\(A\)|%|MΩ|mΩ|Ω|V|A|mm|m|l|L|mL|ml|N|°|mmol/l|mmol/L|mg/kg|lx|Hz|次|Zyklen|Schaltspiele|cycles)"
_N = r"\d[\d  ]*(?:[.,]\d+)?"
_C = (r"(不大于|不超过|不应超过|不应大于|不应小于|不低于|不应低于|不少于|不小于|不高于|≤|≥|＜|＞|<|>|以内|至少|at least|"
      r"not more than|not exceed|exceeding|within|höchstens|mindestens|nicht größer als|nicht überschreiten|spätestens|"
      r"innerhalb von|nicht mehr als|±|～|应为)")
_LIMIT = re.compile(rf"{_C}[^。；.;]{{0,14}}?({_N})\s?{_U}|({_N})\s?{_U}[^。；.;]{{0,12}}(以内|以下|以上|nicht überschreiten|betragen|darf)")
_SKIP = ("foreword", "normative-references", "bibliography")


def main() -> int:
    import pdfplumber

    total = [0, 0]
    for name, d in load_all().items():
        prose = sum(len(_LIMIT.findall(e.text)) for e in d.elements
                    if e.kind in ("para", "item", "note") and e.clause_kind not in _SKIP)
        table = sum(1 for t in d.tables if not t.number.startswith("B") for r in t.rows[t.header_rows:] for c in r[1:]
                    if re.search(r"\d", c) and not re.fullmatch(r"\d+(\.\d+)+", c))
        pdf = ROOT / "corpora" / "samples" / f"{name}.pdf"
        pages: int | str = "-"
        if pdf.exists():
            with pdfplumber.open(pdf) as f:
                pages = len(f.pages)
        print(f"{name}: pages {pages}, clauses {len(d.clauses)}, tables {len(d.tables)}, "
              f"limits in prose ~{prose}, limit cells in tables {table}")
        total[0] += prose
        total[1] += table
    print(f"total: limits in prose ~{total[0]}, limit cells in tables {total[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
