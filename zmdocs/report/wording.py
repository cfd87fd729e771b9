"""Report wording, shared by every output format: labels, how limits are printed, and the sentences built
from the comparison's codes (rows, counterparts, levels, verdict, conclusion) in zh and en.

The compare stage only produces codes with parameters (zmdocs.compare.result.Reason, strictness codes,
the verdict id); this module and the template table zmdocs.report.reasons are the one place that words
them — every writer (html, markdown, json, xlsx, docx) takes its words from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zmdocs.compare.values import fmt_number
from zmdocs.report.reasons import has, result_name, say, sep, text, tier_name, why

if TYPE_CHECKING:
    from zmdocs.compare.result import Comparison, Counterpart, LevelCheck, Reason, RefInfo, Row, Value


def result_label(result: str | None, lang: str = "zh") -> str:
    """A result in the report language (严于/相当/宽于/不可比/新增): never the ambiguous 低于."""
    if not result:
        return "—"
    return result_name(result, lang)


def t(key: str, lang: str) -> str:
    """A fixed label in the report language."""
    return text(key, lang)


def tier_label(tier: str, lang: str) -> str:
    """A tier as the reference list names it (国内标准, International standards)."""
    return tier_name(tier, lang)


def tier_column(tier: str, lang: str) -> str:
    """A tier as the comparison table's column header (GB/行业/团体标准, ISO/IEC)."""
    return tier_name(tier, lang, column=True)


def key_source(cmp: Comparison, lang: str) -> str:
    """Where the key indicators came from: the --key-indicators list, marks in the draft, or the default."""
    return t({"list": "key_list", "marked": "key_marked"}.get(cmp.key_source, "key_default"), lang)


_UNIT_DISPLAY = {"℃": "°C", "℉": "°F"}  # one glyph that every font has
_SYM = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "=": ""}


def fmt_value(v: Value) -> str:
    """A limit as a writer prints it: ≤0.75 mA, 10～20 kPa, (50±1) Hz, ≥ IPX4."""
    u = _UNIT_DISPLAY.get(v.unit, v.unit)
    unit = f" {u}" if u else ""
    if v.comparator == "range":
        return f"{fmt_number(v.min)}～{fmt_number(v.max)}{unit}"
    if v.comparator == "tolerance":
        if isinstance(v.value, (int, float)) and v.min is not None and v.max is not None:
            lo, hi = v.value - v.min, v.max - v.value
            tol = f"±{fmt_number(hi)}" if abs(lo - hi) < 1e-9 * max(1, abs(hi)) else f"+{fmt_number(hi)}/−{fmt_number(lo)}"
            return f"({fmt_number(v.value)}{tol}){unit}"
        if v.min is not None and v.max is not None:
            if abs(v.min + v.max) < 1e-12:
                return f"±{fmt_number(v.max)}{unit}"
            return f"+{fmt_number(v.max)}/{fmt_number(v.min)}{unit}"
        return f"±{fmt_number(v.value)}{unit}"
    return f"{_SYM.get(v.comparator, v.comparator)}{fmt_number(v.value)}{unit}"


def fmt_counterpart(c: Counterpart) -> str:
    """The counterpart in the draft's unit, with the original writing when it differs."""
    s = fmt_value(c.value)
    o = fmt_value(c.original)
    return s if o == s else f"{s} ({o})"


def fmt_margin(r: Row | Counterpart) -> str:
    """The margin against the strictest counterpart: `+33%`, or `+1` for ranks; empty when there is none."""
    if r.margin is None:
        return ""
    if r.margin_kind == "rank":
        return f"{r.margin:+g}"
    return f"{r.margin * 100:+.0f}%"


def anchor(doc: str, clause: str, idx: str | int) -> str:
    """A stable HTML id for an evidence entry."""
    import re

    return "ev-" + re.sub(r"[^0-9A-Za-z]+", "-", f"{doc}-{clause}-{idx}").strip("-").lower()


def reason(why_: Reason | None, lang: str) -> str:
    """A counterpart's or row's reason (compare.result.Reason: a code with parameters) in the report language."""
    return why(why_, lang)


def key_label(key: str, fallback: str, lang: str) -> str:
    """A readable name of a parameter key (glossary label in the report language, else as written)."""
    from zmdocs.indicators.keys import glossary, labels

    return labels(key, lang) if key in glossary() else fallback


def group_missing(missing, lang: str):
    """Missing indicators grouped by parameter key, then by document: [(label, key, [(doc, [Missing])])]."""
    groups: dict[str, dict[str, list]] = {}
    first: dict[str, str] = {}
    for m in missing:
        k = m.key or m.parameter
        groups.setdefault(k, {}).setdefault(m.doc, []).append(m)
        first.setdefault(k, m.parameter)
    return [(key_label(k, first[k], lang), k, list(docs.items())) for k, docs in groups.items()]


# -- references, indicator cells ------------------------------------------------

def ref_label(r: RefInfo) -> str:
    """A reference as the table names it: an IDT adoption folded in, `IEC 60335-2-15:2016 (= DIN EN …, IDT)`."""
    return getattr(r, "display", "") or r.id


def ref_line(r: RefInfo, lang: str) -> str:
    """One entry of the reference list: id, title and its relation to the others (IDT folded, MOD deviations)."""
    s = ref_label(r)
    if r.title and r.title != r.id:
        s += say("ref.title", lang, title=r.title)
    ad = r.adoption or {}
    if ad.get("relation") == "MOD" and ad.get("standard"):
        s += say("ref.mod", lang, standard=ad["standard"], n=len(r.deviations))
    if r.merged_into:
        s += say("ref.idt", lang, standard=r.merged_into)
    return s


def indicator_cell(r: Row, lang: str) -> str:
    """The 指标 cell: ★, the parameter and the conditions that tell rows of one parameter apart."""
    conds = [c if len(c) <= 40 else c[:39] + "…" for c in (r.conditions or []) if c and c not in r.parameter][:3]
    name = ("★" if r.is_key else "") + r.parameter
    if not conds:
        return name
    return f"{name}（{'；'.join(conds)}）" if lang == "zh" else f"{name} ({'; '.join(conds)})"


def cp_line(c: Counterpart, lang: str) -> str:
    """A counterpart with its evidence: value (as written), document and clause, and the docs that carry it too."""
    also = f" = {', '.join(c.also)}" if c.also else ""
    where = f"{c.doc}{also} {c.evidence.clause}".strip()
    return f"{fmt_counterpart(c)}（{where}）" if lang == "zh" else f"{fmt_counterpart(c)} ({where})"


def deviation_text(c: Counterpart, lang: str = "en") -> str:
    """An adoption's value that differs from the standard it adopts: `IEC 60335-2-15:2016: ≤0.75 mA`; empty if none."""
    if not c.deviation_of or c.deviation_value is None:
        return ""
    return say("deviation", lang, standard=c.deviation_of, value=fmt_value(c.deviation_value))


# -- levels, verdict, conclusion --------------------------------------------------

def _tiers(tiers, lang: str) -> str:
    return sep(lang).join(tier_label(x, lang) for x in tiers)


def reason_text(code: dict, lang: str) -> str:
    """One level reason (`{"code", ...params}`, see compare.result.Reason) in words."""
    k = code["code"]
    params = {k_: v for k_, v in code.items() if k_ != "code"}
    if "docs" in params:
        params["docs"] = sep(lang).join(params["docs"])
    if k == "too-few-compared":  # Chinese names the tiers, English keeps their ids
        params["tiers"] = _tiers(code["tiers"], lang) if lang == "zh" else ", ".join(code["tiers"])
    if not has(f"level.{k}"):  # a code this version has no words for: shown as itself
        return k
    return say(f"level.{k}", lang, **params)


def level_counts(chk: LevelCheck, lang: str) -> str:
    """`3项可比关键指标中2项严于、1项相当、0项宽于`."""
    return say("level.counts", lang, compared=chk.compared, stricter=chk.stricter, equal=chk.equal, looser=chk.looser)


def level_reason(chk: LevelCheck, lang: str) -> str:
    """Why a level is reached or not: its reasons worded, with the counts."""
    why = ("；" if lang == "zh" else "; ").join(reason_text(c, lang) for c in chk.codes)
    counts = level_counts(chk, lang)
    if not why:
        return counts
    if chk.compared:
        return say("level.why_counts", lang, why=why, counts=counts)
    return why


def verdict_name(cmp: Comparison, lang: str) -> str:
    """The overall verdict's short name: the level's name from the rules file, or 证据不足，无法判定."""
    if cmp.verdict == "insufficient-evidence" and not cmp.verdict_labels:
        return t("insufficient", lang)
    return cmp.verdict_name(lang)


def tier_verdict_name(v: dict[str, str], lang: str) -> str:
    """A per-tier verdict (`{"id", "zh", "en"}`) by name; insufficient evidence is worded here."""
    if v.get("id") == "insufficient-evidence" and lang not in v:
        return t("insufficient", lang)
    return v.get(lang, v["id"])


def _lowest_judged(cmp: Comparison) -> dict:
    judged = [lv for lv in cmp.levels if getattr(lv, "evidence", True)]
    lv = (judged or cmp.levels or [None])[-1]
    return lv.label if lv else {"zh": "国内先进", "en": "domestic advanced"}


def verdict_sentence(cmp: Comparison, lang: str) -> str:
    """One sentence: "本标准主要技术指标达到国际先进水平" / "证据不足，无法判定…"."""
    if cmp.verdict == "insufficient-evidence":
        return say("verdict.insufficient-evidence", lang)
    if cmp.verdict == "not-reached":
        return say("verdict.not-reached", lang, name=_lowest_judged(cmp).get(lang, ""))
    return say("verdict.reached", lang, name=cmp.verdict_name(lang))


def next_level_text(cmp: Comparison, lang: str) -> str:
    """What blocks the level above the verdict (empty at the top or without evidence)."""
    nxt = cmp.next_level()
    if nxt is None or not nxt.reasons:
        return ""
    return say("level.next", lang, name=nxt.label.get(lang) or nxt.id, why=level_reason(nxt, lang))


def _std_counts(cmp: Comparison):
    from zmdocs.compare.strictness import worst

    keys = cmp.key_rows
    std = {}
    for r in keys:  # against the strictest standard (products are reported on their own)
        res = [v for t_, v in r.tiers.items() if t_ != "product"]
        std[r.n] = worst(res) or ("not-comparable" if res else "new" if not r.tiers else "product-only")
    counts = {k: sum(1 for v in std.values() if v == k) for k in ("stricter", "equal", "looser", "not-comparable", "new", "product-only")}
    return keys, std, counts


def _standards_part(cmp: Comparison, lang: str) -> str:
    """The conclusion's first sentence: the key indicators against the strictest standard."""
    keys, std, counts = _std_counts(cmp)
    looser = [r.parameter for r in keys if std[r.n] == "looser"]
    refs = [ref_label(r) for r in cmp.refs if r.tier != "product" and not r.merged_into]
    s = say("conclusion.counts", lang, n=len(keys), refs=sep(lang).join(refs) or say("conclusion.no_refs", lang),
            stricter=counts["stricter"], equal=counts["equal"], looser=counts["looser"])
    if looser:
        s += say("conclusion.list", lang, items=sep(lang).join(looser))
    for k in ("not-comparable", "new", "product-only"):
        if counts[k]:
            s += say(f"conclusion.{k}", lang, n=counts[k])
    return s + say("conclusion.end", lang)


def _products_part(cmp: Comparison, lang: str) -> str:
    """Against the foreign advanced products, when there are any."""
    products = [r.title or r.id for r in cmp.refs if r.tier == "product"]
    if not products:
        return ""
    keys = cmp.key_rows
    prod = {k: sum(1 for r in keys if r.tiers.get("product") == k) for k in ("stricter", "equal", "looser")}
    better = [r.parameter for r in keys if r.tiers.get("product") == "looser"]
    return say("conclusion.products", lang, products=sep(lang).join(products), **prod,
               better=say("conclusion.list", lang, items=sep(lang).join(better)) if better else "")


def conclusion(cmp: Comparison, lang: str) -> str:
    """The conclusion paragraph a writer pastes into the 编制说明: counts, products, blockers, verdict."""
    s = _standards_part(cmp, lang) + _products_part(cmp, lang)
    n_missing = len({m.key or m.parameter for m in cmp.missing})
    if n_missing:
        s += say("conclusion.missing", lang, n=n_missing)
    s += say("conclusion.verdict", lang, verdict=verdict_sentence(cmp, lang))
    nxt = next_level_text(cmp, lang)
    return s + (say("conclusion.next", lang, next=nxt) if nxt else "")


def rules_lines(cmp: Comparison, lang: str) -> list[str]:
    """水平判定依据: each level's test as applied, passed or not, and why."""
    return [say("level.rule", lang, name=lv.label.get(lang, lv.id), tiers=_tiers(lv.against, lang),
                mark=t("passed", lang) if lv.passed else t("failed", lang), why=level_reason(lv, lang))
            for lv in cmp.levels]
