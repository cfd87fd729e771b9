"""Aggregate indicator results into a level verdict per tier and overall, by the rules file.

Every judgement carries reasons as codes with parameters (`LevelCheck.reasons`, see `LevelCode`):
`too-few-compared`, `looser`, `looser-than`, `product-better`, `not-comparable`, `too-few-stricter`,
`too-small-share`; the verdict is a level id, `not-reached` or `insufficient-evidence`. No wording
here: zmdocs.report.reasons holds the zh and en templates.
"""

from __future__ import annotations

from zmdocs.compare.result import LevelCheck, Reason, Row
from zmdocs.compare.rules import Level, Rules
from zmdocs.compare.strictness import worst

INSUFFICIENT = "insufficient-evidence"
NOT_REACHED = "not-reached"
STANDARD_TIERS = ("domestic", "international", "foreign")


def _docs(cps, result: str) -> list[str]:
    return sorted({c.doc for c in cps if c.result == result})


def _count_row(chk: LevelCheck, level: Level, r: Row, tiers: list[str]) -> None:
    cps = [c for c in r.counterparts if c.tier in tiers]
    if not cps:
        return  # new for this level: neither helps nor blocks
    res = worst([c.result for c in cps])
    if res is None:
        chk.not_comparable += 1
        if level.not_comparable == "block":
            chk.blocking.append(r.parameter)
            chk.reasons.append(Reason("not-comparable", {"indicator": r.parameter, "n": r.n}))
        return
    chk.compared += 1
    if res == "stricter":
        chk.stricter += 1
    elif res == "equal":
        chk.equal += 1
    else:
        chk.looser += 1
        if level.all_at_least_equal:
            docs = _docs(cps, "looser")
            chk.blocking.append(f"{r.parameter} ({', '.join(docs)})")
            chk.reasons.append(Reason("looser", {"indicator": r.parameter, "n": r.n, "docs": docs}))


def _extra_blocks(chk: LevelCheck, level: Level, rows: list[Row]) -> None:
    """not_looser_than tiers and foreign advanced products that are better than the draft."""
    for r in rows:
        if not r.is_key:
            continue
        cps = [c for c in r.counterparts if c.tier in level.not_looser_than and c.result == "looser"]
        if cps:
            docs = _docs(cps, "looser")
            chk.blocking.append(f"{r.parameter} ({', '.join(docs)})")
            chk.reasons.append(Reason("looser-than", {"indicator": r.parameter, "n": r.n, "docs": docs,
                                                      "tiers": sorted({c.tier for c in cps})}))
        if level.products == "block" and "product" not in level.against:
            prods = [c for c in r.counterparts if c.tier == "product" and c.result == "looser"]
            if prods:
                docs = _docs(prods, "looser")
                chk.blocking.append(f"{r.parameter} ({', '.join(docs)})")
                chk.product_blocking.append(r.parameter)
                chk.reasons.append(Reason("product-better", {"indicator": r.parameter, "n": r.n, "docs": docs}))


def check_level(level: Level, rows: list[Row], tiers: list[str] | None = None) -> LevelCheck:
    """Test one level on the key rows, against the strictest counterpart in `tiers` (default: the level's)."""
    tiers = tiers or level.against
    chk = LevelCheck(level.id, dict(level.label), list(tiers), passed=False)
    for r in rows:
        if r.is_key:
            _count_row(chk, level, r, tiers)
    if tiers == level.against:
        _extra_blocks(chk, level, rows)
    first, last = [], []
    if chk.compared < level.min_compared:
        first.append(Reason("too-few-compared", {"compared": chk.compared, "needed": level.min_compared, "tiers": list(tiers)}))
    if chk.stricter < level.min_stricter:
        last.append(Reason("too-few-stricter", {"stricter": chk.stricter, "needed": level.min_stricter}))
    share = chk.stricter / chk.compared if chk.compared else 0.0
    if level.min_stricter_share and share + 1e-12 < level.min_stricter_share:
        last.append(Reason("too-small-share", {"share": share, "needed": level.min_stricter_share}))
    chk.evidence = chk.compared >= max(1, level.min_compared)
    chk.reasons = first + chk.reasons + last
    chk.passed = not chk.reasons
    return chk


def evidence_count(rows: list[Row]) -> tuple[int, int]:
    """(key rows with a comparable counterpart in a standard, key rows)."""
    keys = [r for r in rows if r.is_key]
    have = [r for r in keys if any(c.tier in STANDARD_TIERS and c.result in ("stricter", "equal", "looser") for c in r.counterparts)]
    return len(have), len(keys)


def judge_levels(rows: list[Row], rules: Rules, tiers_present: list[str]) -> tuple[str, list[LevelCheck], dict[str, dict[str, str]]]:
    """(verdict level id, 'not-reached' or 'insufficient-evidence'; checks of every level; per-tier verdicts)."""
    checks = [check_level(lv, rows) for lv in rules.levels]
    have, keys = evidence_count(rows)
    enough = have > 0 and have >= min(rules.min_key_compared, keys) and have >= rules.min_key_share * keys
    if not enough:
        verdict = INSUFFICIENT
    else:
        verdict = next((c.id for c in checks if c.passed), NOT_REACHED)
        if verdict == NOT_REACHED and not any(c.evidence for c in checks):
            verdict = INSUFFICIENT
    tier_verdicts: dict[str, dict[str, str]] = {}
    for tier in tiers_present:
        levels = [lv for lv in rules.levels if tier in lv.against]
        if not levels:
            continue
        tchecks = [check_level(lv, rows, [tier]) for lv in levels]
        got = next((lv for lv, c in zip(levels, tchecks, strict=True) if c.passed), None)
        if got and enough:
            tier_verdicts[tier] = {"id": got.id, **got.label}
        elif not enough or not any(c.evidence for c in tchecks):
            tier_verdicts[tier] = {"id": INSUFFICIENT}  # no level to name: the report words the id
        else:
            tier_verdicts[tier] = {"id": NOT_REACHED, **rules.not_reached}
    return verdict, checks, tier_verdicts
