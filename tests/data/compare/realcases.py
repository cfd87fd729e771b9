"""The real comparison cases of real_cases.yaml: build their drafts, run `compare`, check rows and verdict.

Drafts marked `docx:` are written with python-docx into a temporary folder from the numbers in the
YAML; corpus documents are read in place (../shared/corpus/). `check_case` returns a list of
mismatches (empty when every expected row and the verdict are right).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "corpora" / "samples"


def load_cases() -> list[dict[str, Any]]:
    import yaml

    return yaml.safe_load((HERE / "real_cases.yaml").read_text(encoding="utf-8"))["cases"]


def source_path(spec: dict[str, Any]) -> Path:
    if "corpus" in spec:
        return CORPUS / spec["corpus"]
    return SAMPLES / spec["samples"]


def available(case: dict[str, Any]) -> bool:
    specs = [case["draft"].get("derive", case["draft"]), *case["refs"]]
    return all(source_path(s).exists() for s in specs if "docx" not in s)


def _cell(line: str) -> str:
    """The text of a Markdown list cell (`    *   Nitrat` -> `Nitrat`, `*    *   Nummer 5a` -> `Nummer 5a`)."""
    return line.lstrip(" *\t").strip()


def write_derived(spec: dict[str, Any], folder: Path) -> Path:
    """A draft made from a corpus file's own text: our front matter and title, some limit cells edited."""
    lines = source_path(spec).read_text(encoding="utf-8").splitlines()
    meta, fences, titled = spec.get("meta", {}), 0, False
    for k, line in enumerate(lines):
        if line.strip() == "---":
            fences += 1
        elif fences == 1 and ":" in line and line.split(":", 1)[0] in meta:
            lines[k] = f"{line.split(':', 1)[0]}: {meta[line.split(':', 1)[0]]}"
        elif fences >= 2 and not titled and line.startswith("# ") and spec.get("title"):
            lines[k], titled = f"# {spec['title']}", True
    for e in spec.get("edits", []):
        start = next(k for k, line in enumerate(lines) if _cell(line) == e["after"])
        k = next(k for k in range(start + 1, len(lines)) if _cell(lines[k]) == e["old"])
        lines[k] = lines[k].replace(e["old"], e["new"])
    path = folder / spec["file"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_docx(spec: dict[str, Any], folder: Path) -> Path:
    """A B-standard-style DOCX: cover id and title, then numbered clauses with our own sentences."""
    from docx import Document as Docx

    d = Docx()
    d.add_paragraph(spec["id"])
    d.add_paragraph(spec["title"])
    d.add_paragraph("1 范围")
    d.add_paragraph("本文件规定了产品的技术要求。")
    for c in spec["clauses"]:
        d.add_paragraph(f"{c['number']} {c.get('heading', '')}".strip())
        for s in c.get("sentences", []):
            d.add_paragraph(s)
    path = folder / (spec["id"].replace("/", "-").replace(" ", "_").replace("—", "-") + ".docx")
    d.save(str(path))
    return path


def _load(path: Path, cache: dict | None):
    from zmdocs.app import load_reference

    key = str(path)
    if cache is not None and key in cache:
        return cache[key]
    doc = load_reference(key)  # prepared: parsed and indicators extracted once
    if cache is not None:
        cache[key] = doc
    return doc


def run_case(case: dict[str, Any], folder: Path, model="use-multilingual", cache: dict | None = None):
    """Parse (once per `cache`) and compare as `zmdocs compare` does, with the default model."""
    from zmdocs.compare import compare_documents

    made = "docx" in case["draft"] or "derive" in case["draft"]
    if "derive" in case["draft"]:
        draft = write_derived(case["draft"]["derive"], folder)
    else:
        draft = write_docx(case["draft"]["docx"], folder) if made else source_path(case["draft"])
    d = _load(draft, None if made else cache)
    refs = [_load(source_path(r), cache) for r in case["refs"]]
    return compare_documents(d, refs, model=model)


def _num(x) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _same(a, b) -> bool:
    a, b = _num(a), _num(b)
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def find_row(cmp, exp: dict[str, Any]):
    hits = []
    for r in cmp.rows:
        if exp["param"] not in r.parameter:
            continue
        if "value" in exp and not _same(r.draft.value, exp["value"]):
            continue
        if "min" in exp and not (_same(r.draft.min, exp["min"]) and _same(r.draft.max, exp["max"])):
            continue
        if "clause" in exp and r.evidence.clause != exp["clause"]:
            continue
        if "cond" in exp and exp["cond"] not in " ".join(getattr(r, "conditions", []) or []) + r.evidence.text:
            continue
        hits.append(r)
    return hits[0] if hits else None


def _cp_value(c) -> tuple:
    """(value, min, max) as the reference writes them; a range judged on one side (the draft sets only a lower
    or an upper limit) has that bound as its value, the limit the row is compared with."""
    o = c.original
    side = ((c.reason.params if c.reason is not None else {}) or {}).get("one_side")
    value = o.value if o.value is not None or side is None else (o.min if side == "lower" else o.max)
    return value, o.min, o.max


def check_tier(r, tier: str, exp: dict[str, Any]) -> list[str]:
    cps = [c for c in r.counterparts if tier == "any" or c.tier == tier]
    where = f"{r.parameter} {r.draft.value} [{tier}]"
    if not cps:
        return [f"{where}: no counterpart (expected {exp})"]
    bad = []
    for v in exp.get("not_values", []):
        if any(_same(c.original.value, v) for c in cps):
            bad.append(f"{where}: wrongly paired with {v}")
    want = exp.get("value_in") or ([exp["value"]] if "value" in exp else None)

    def fits(c) -> bool:
        val, lo, hi = _cp_value(c)
        if want is not None and not any(_same(val, w) for w in want):
            return False
        if "min" in exp and not (_same(lo, exp["min"]) and _same(hi, exp["max"])):
            return False
        if "clause_in" in exp and c.evidence.clause not in exp["clause_in"]:
            return False
        return "clause" not in exp or c.evidence.clause == exp["clause"]

    ok = [c for c in cps if fits(c)]
    if not ok:
        bad.append(f"{where}: counterparts {[(c.doc, c.evidence.clause, _cp_value(c), c.result) for c in cps]} "
                   f"do not include {exp}")
    elif exp.get("result") and not any(c.result == exp["result"] for c in ok):
        bad.append(f"{where}: result {[c.result for c in ok]} != {exp['result']}")
    return bad


def check_case(case: dict[str, Any], cmp) -> list[str]:
    bad: list[str] = []
    want = case.get("verdict_in") or [case["verdict"]]
    if cmp.verdict not in want:
        bad.append(f"verdict {cmp.verdict} not in {want}: {[(lv.id, lv.codes) for lv in cmp.levels]}")
    for tier, lid in (case.get("tier_verdicts") or {}).items():
        got = (cmp.tier_verdicts.get(tier) or {}).get("id")
        if got != lid:
            bad.append(f"tier verdict {tier}: {got} != {lid}")
    bad += _check_refs(case, cmp)
    for exp in case.get("absent", []):
        if find_row(cmp, exp) is not None:
            bad.append(f"row {exp['param']} {exp.get('value')} should not be in the table")
    for exp in case.get("rows", []):
        r = find_row(cmp, exp)
        if r is None:
            if not exp.get("optional"):
                bad.append(f"no row {exp['param']} {exp.get('value', exp.get('min'))}")
            continue
        if exp.get("result") and r.result != exp["result"]:
            from zmdocs.report.reasons import why

            bad.append(f"{r.parameter} {r.draft.value}: row result {r.result} != {exp['result']} ({why(r.reason, 'en')})")
        for tier, te in (exp.get("tiers") or {}).items():
            bad += check_tier(r, tier, te)
    if case.get("others_same"):
        bad += check_others_same(case, cmp)
    return bad


def check_others_same(case: dict[str, Any], cmp) -> list[str]:
    """Every row the case does not list: equal to the same value in the same clause of the reference."""
    listed = {id(find_row(cmp, e)) for e in case.get("rows", [])}
    bad = []
    for r in cmp.rows:
        if id(r) in listed:
            continue
        d = (r.draft.value, r.draft.min, r.draft.max)
        ok = [c for c in r.counterparts if c.evidence.clause == r.evidence.clause and _cp_value(c) in (d, (d[0], d[1], d[2]))
              and c.result == "equal"]
        if not ok:
            got = [(c.evidence.clause, _cp_value(c), c.result) for c in r.counterparts]
            bad.append(f"other row {r.evidence.clause} {r.parameter[:40]} {d}: {r.result} {got[:3]}")
    return bad


def ref_labels(cmp) -> list[str]:
    """How the comparison names its references (an IDT adoption folded into the standard it adopts)."""
    return [getattr(r, "display", "") or r.id for r in cmp.refs if not getattr(r, "merged_into", "")]


def _check_refs(case: dict[str, Any], cmp) -> list[str]:
    bad = []
    if case.get("idt_shown") and case["idt_shown"] not in ref_labels(cmp):
        bad.append(f"references shown as {ref_labels(cmp)}, not {case['idt_shown']!r}")
    if case.get("no_din_body_rows"):
        for r in cmp.rows:
            intl = {c.evidence.clause for c in r.counterparts if c.tier == "international"}
            dup = [c.evidence.clause for c in r.counterparts if c.tier == "foreign" and c.evidence.clause in intl]
            if dup:
                bad.append(f"{r.parameter} {r.draft.value}: the IDT adoption counted again at {dup}")
    blocked = {b for lv in cmp.levels for b in lv.blocking}
    for name in case.get("blocked", []) + case.get("blocked_by_product", []):
        if not any(name in str(b) for b in blocked):
            bad.append(f"{name} does not block a level: {sorted(map(str, blocked))}")
    return bad
