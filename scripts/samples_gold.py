"""Write the gold files of the sample corpus from the hand-written sources and mappings below.

`python scripts/samples_gold.py` rewrites tests/data/gold/parse/<stem>.json (clause tree,
tables, terms, references as the sources define them) and tests/data/gold/align/*.json. The
clause correspondences are hand-written here: for the two translation-like pairs as the list
of places where numbering differs (everything else corresponds number for number, which is
what MOD/IDT adoption means), for the T/ZZB draft against IEC as a full hand-made table.
Nothing here uses zmdocs's parsers.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples_markup import ROOT, SampleDoc, load_all  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"

# Cited standards in each normative-references chapter (the id that opens each entry), and the
# international equivalents a GB entry names in parentheses (a parser may list those too).
REFERENCES = {
    "GB-4706.19-2024-kettle": ["GB 4706.1—2005", "GB 4806.9—2016", "GB/T 4208—2017", "GB/T 17465.1—2009",
                               "GB/T 14536.10—2008", "GB/T 3767—2016"],
    "IEC-60335-2-15-2016-kettle": ["IEC 60335-1:2010", "IEC 60529:1989", "IEC 60320-1:2015", "IEC 60730-2-9:2015",
                                   "ISO 3744:2010"],
    "DIN-EN-60335-2-15-2020-kettle": ["EN 60335-1:2012", "EN 60529:1991", "EN 60320-1:2015", "EN 60730-2-9:2010",
                                      "EN ISO 3744:2010"],
    "T-ZZB-0999-2026-kettle": ["GB/T 191—2008", "GB 4706.1—2005", "GB 4706.19—2024", "GB 4806.9—2016",
                               "GB/T 2828.1—2012", "GB/T 4208—2017", "GB/T 4214.1—2017", "GB/T 35758—2017"],
}
EQUIVALENTS = {
    "GB-4706.19-2024-kettle": ["IEC 60335-1:2004", "IEC 60529:2013", "IEC 60320-1:2007", "IEC 60730-2-9:2004",
                               "ISO 3744:2010"],
}
ADOPTION = {
    "GB-4706.19-2024-kettle": {"relation": "MOD", "standard": "IEC 60335-2-15:2016"},
    "DIN-EN-60335-2-15-2020-kettle": {"relation": "IDT", "standard": "IEC 60335-2-15:2016"},
}

# Translation-like pairs: where the numbering differs ("a" doc first). Everything else pairs 1-1 by number.
TRANSLATION = {
    ("GB-4706.19-2024-kettle", "IEC-60335-2-15-2016-kettle"): {
        "pairs": [(["7.101"], ["7.101", "7.102"]), (["15.4"], ["15.101"])],
        "unmatched_a": ["16.101", "22.104", "B"],
        "unmatched_b": ["21.101"],
    },
    ("DIN-EN-60335-2-15-2020-kettle", "IEC-60335-2-15-2016-kettle"): {
        "pairs": [(["24.1.3"], ["24.1.3", "24.1.4"]), (["27.5", "27.6"], ["27.5"])],
        "unmatched_a": ["NA", "NA.1", "NA.2", "NA.3"],
        "unmatched_b": [],
    },
}

# Non-translation pair: T/ZZB draft vs IEC, clauses that regulate the same subject (many-to-many).
FREE = {
    ("T-ZZB-0999-2026-kettle", "IEC-60335-2-15-2016-kettle"): [
        (["1"], ["1"]), (["2"], ["2"]), (["3"], ["3"]), (["3.1"], ["3.1"]),
        (["5.1.2"], ["13.2", "13.3", "16.2", "16.3", "27.5"]),
        (["5.1.3"], ["11.8"]), (["5.1.4"], ["19.101"]), (["5.1.5"], ["22.102"]), (["5.1.6"], ["20.1"]),
        (["5.1.7"], ["6.2"]), (["5.2.1"], ["10.1"]), (["5.2.5.1"], ["24.1.3", "24.1.4"]), (["5.2.5.2"], ["22.103"]),
        (["5.3.2"], ["7.1"]), (["5.3.3"], ["22.101"]), (["5.3.4"], ["25.7"]),
        (["6.1"], ["5", "5.101"]), (["6.2.1"], ["13.2", "16.2"]), (["6.2.2"], ["13.3", "16.3"]), (["6.2.3"], ["27.5"]),
        (["6.2.5"], ["11.2", "11.7"]), (["6.2.6"], ["19.101"]), (["6.2.7"], ["22.102", "20.1"]),
        (["6.3.1"], ["10.1"]), (["6.3.7"], ["24.1.3", "24.1.4", "22.103"]),
        (["7.2"], ["A"]), (["7.2.1"], ["A.1"]), (["7.2.2"], ["A.2", "A.3"]),
        (["8"], ["7"]), (["8.1"], ["7.1"]), (["8.1.1"], ["7.1"]),
    ],
}


def norm_heading(h: str) -> str:
    """Heading as printed, with ideographic spaces made plain and spaces between CJK removed."""
    h = h.replace("\u3000", " ")
    h = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", h)
    return re.sub(r"\s+", " ", h).strip()


def parse_gold(s: SampleDoc) -> dict:
    """The gold clause tree, tables, terms and references of one sample."""
    m = s.meta
    clauses = []
    for e in s.clauses:
        heading = " ".join(e.terms.values()) if e.kind == "term" else e.heading
        clauses.append({"number": e.number, "heading": norm_heading(heading), "kind": e.clause_kind,
                        "level": e.level, "parent_number": e.parent})
    out = {
        "id": m["id"], "family": m["family"], "lang": m["lang"], "adoption": ADOPTION.get(s.name),
        "clauses": clauses,
        "tables": [{"number": t.number, "caption": t.caption, "n_rows": t.n_rows, "n_cols": t.n_cols,
                    "header_rows": t.header_rows} for t in s.tables],
        "terms": [{"number": e.number, "terms": e.terms} for e in s.elements if e.kind == "term"],
        "references": REFERENCES[s.name],
    }
    if s.name in EQUIVALENTS:
        out["references_equivalents"] = EQUIVALENTS[s.name]
    return out


def numbered(s: SampleDoc) -> list[str]:
    return [e.number for e in s.clauses if not e.unnumbered]


def align_gold(a: SampleDoc, b: SampleDoc, mode: str, pairs: list, unmatched_a: list | None = None,
               unmatched_b: list | None = None) -> dict:
    """Complete a correspondence: translation pairs default to same-number, leftovers are unmatched."""
    na, nb = numbered(a), numbered(b)
    pairs = [(list(x), list(y)) for x, y in pairs]
    if mode == "translation":
        used_a = {n for p in pairs for n in p[0]} | set(unmatched_a or [])
        used_b = {n for p in pairs for n in p[1]} | set(unmatched_b or [])
        for n in na:
            if n not in used_a:
                if n not in nb or n in used_b:
                    raise ValueError(f"{a.name} {n}: no same-numbered clause in {b.name}; list it")
                pairs.append(([n], [n]))
        order = {n: i for i, n in enumerate(na)}
        pairs.sort(key=lambda p: order[p[0][0]])
    cov_a = {n for p in pairs for n in p[0]}
    cov_b = {n for p in pairs for n in p[1]}
    for side, nums, cov in (("a", na, cov_a), ("b", nb, cov_b)):
        bad = cov - set(nums)
        if bad:
            raise ValueError(f"pair {a.name}/{b.name}: side {side} names clauses not in the source: {sorted(bad)}")
    return {
        "a": a.meta["id"], "b": b.meta["id"], "mode": mode,
        "pairs": [{"a": x, "b": y} for x, y in pairs],
        "unmatched_a": [n for n in na if n not in cov_a],
        "unmatched_b": [n for n in nb if n not in cov_b],
    }


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(path.relative_to(ROOT))


def main() -> int:
    docs = load_all()
    for name, s in docs.items():
        write(GOLD / "parse" / f"{name}.json", parse_gold(s))
    for (a, b), spec in TRANSLATION.items():
        g = align_gold(docs[a], docs[b], "translation", spec["pairs"], spec["unmatched_a"], spec["unmatched_b"])
        if set(g["unmatched_a"]) != set(spec["unmatched_a"]) or set(g["unmatched_b"]) != set(spec["unmatched_b"]):
            raise ValueError(f"{a}/{b}: unmatched clauses differ from the hand-written lists")
        write(GOLD / "align" / f"{a}__{b}.json", g)
    for (a, b), pairs in FREE.items():
        write(GOLD / "align" / f"{a}__{b}.json", align_gold(docs[a], docs[b], "free", pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
