"""Aggregate indicator results into a level verdict per tier and overall, by the rules file."""

from __future__ import annotations

from zmdocs.compare.result import LevelCheck, Row
from zmdocs.compare.rules import Level, Rules
from zmdocs.compare.strictness import worst


def check_level(level: Level, rows: list[Row], tiers: list[str] | None = None) -> LevelCheck:
    """Test one level on the key rows, against the strictest counterpart in `tiers` (default: the level's)."""
    tiers = tiers or level.against
    chk = LevelCheck(level.id, dict(level.label), list(tiers), passed=False)
    for r in rows:
        if not r.is_key:
            continue
        cps = [c for c in r.counterparts if c.tier in tiers]
        if not cps:
            continue  # new for this level: neither helps nor blocks
        res = worst([c.result for c in cps])
        if res is None:
            chk.not_comparable += 1
            if level.not_comparable == "block":
                chk.blocking.append(r.parameter)
            continue
        chk.compared += 1
        if res == "stricter":
            chk.stricter += 1
        elif res == "equal":
            chk.equal += 1
        else:
            chk.looser += 1
            if level.all_at_least_equal:
                docs = sorted({c.doc for c in cps if c.result == "looser"})
                chk.blocking.append(f"{r.parameter} ({', '.join(docs)})")
    if tiers == level.against:
        for r in rows:
            if not r.is_key:
                continue
            cps = [c for c in r.counterparts if c.tier in level.not_looser_than and c.result == "looser"]
            if cps:
                chk.blocking.append(f"{r.parameter} ({', '.join(sorted({c.doc for c in cps}))})")
    why, why_zh = [], []
    if chk.compared < level.min_compared:
        why.append(f"only {chk.compared} key indicator(s) have a comparable counterpart in {', '.join(tiers)} "
                   f"(needs {level.min_compared})")
        why_zh.append(f"仅{chk.compared}项关键指标在所对比层级中有可比指标（需要{level.min_compared}项）")
    if chk.blocking:
        why.append("blocked by " + "; ".join(chk.blocking))
        why_zh.append("受以下指标限制：" + "；".join(chk.blocking))
    if chk.stricter < level.min_stricter:
        why.append(f"{chk.stricter} stricter (needs {level.min_stricter})")
        why_zh.append(f"严于的指标{chk.stricter}项（需要{level.min_stricter}项）")
    share = chk.stricter / chk.compared if chk.compared else 0.0
    if level.min_stricter_share and share + 1e-12 < level.min_stricter_share:
        why.append(f"{share:.0%} stricter (needs {level.min_stricter_share:.0%})")
        why_zh.append(f"严于的指标占{share:.0%}（需要{level.min_stricter_share:.0%}）")
    chk.passed = not why
    counts = f"{chk.stricter} stricter, {chk.equal} equal, {chk.looser} looser of {chk.compared} compared key indicators"
    counts_zh = f"{chk.compared}项可比关键指标中{chk.stricter}项严于、{chk.equal}项持平、{chk.looser}项低于"
    chk.reason = "; ".join(why) if why else counts
    chk.reason_zh = "；".join(why_zh) if why_zh else counts_zh
    if why and chk.compared:
        chk.reason += f" ({counts})"
        chk.reason_zh += f"（{counts_zh}）"
    return chk


def judge_levels(rows: list[Row], rules: Rules, tiers_present: list[str]) -> tuple[str, list[LevelCheck], dict[str, dict[str, str]]]:
    """(verdict level id or 'not-reached', checks of every level, per-tier verdicts)."""
    checks = [check_level(lv, rows) for lv in rules.levels]
    verdict = next((c.id for c in checks if c.passed), "not-reached")
    tier_verdicts: dict[str, dict[str, str]] = {}
    for tier in tiers_present:
        levels = [lv for lv in rules.levels if tier in lv.against]
        if not levels:
            continue
        got = next((lv for lv in levels if check_level(lv, rows, [tier]).passed), None)
        if got:
            tier_verdicts[tier] = {"id": got.id, **got.label}
        else:
            tier_verdicts[tier] = {"id": "not-reached", **rules.not_reached}
    return verdict, checks, tier_verdicts
