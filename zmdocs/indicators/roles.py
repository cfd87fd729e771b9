"""The role of an indicator: a `requirement` the product must meet, a `test-condition` a test applies,
or `informative` (notes, examples, statistics), so that comparison pairs like with like.

Decided from, in order: the sentence (a note or example, repeatability statistics → informative; an
imperative test instruction such as 将…放置, 施加, apply, is applied, at a distance of, weigh/Peser →
test-condition), the clause (a test-methods chapter, or a heading or an ancestor heading that names a test
procedure, 试验方法, Test procedure, Prüfverfahren, Méthode d'essai → test-condition unless the sentence
judges the result), and the parameter (试验电压, test voltage, 初速度 of a test run → test-condition).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zmdocs.model import Clause, Document, Indicator

_NOTE = re.compile(
    r"^[\s*_#>]*(?:注|注\s*\d+|示例|例|NOTE|Note|NOTES|EXAMPLE|Example|Anmerkung|ANMERKUNG|Beispiel|BEISPIEL|Hinweis|Remarque|"
    r"REMARQUE|Exemple|EXEMPLE)\b\s*\d*\s*[:：—–\-]?|^[\s*_#>]*(?:注|示例)\s*\d*\s*[:：]")
_STATS = re.compile(
    r"(?i)repeatability|reproducibility|standard deviation|coefficient of variation|重复性|再现性|标准偏差"
    r"|Wiederholbarkeit|Vergleichbarkeit|Standardabweichung|répétabilité|reproductibilité|écart[- ]type")
_TEST_HEADING = re.compile(
    r"(?i)试验方法|试验程序|试验步骤|试验条件|测试方法|检验方法|检测方法|测量方法|试验$|方法$|试验设备|试验装置|测试条件|试验要求"
    r"|\btest(?:ing)?\s+(?:methods?|procedures?|conditions?|equipment|apparatus)|method(?:s)?\s+of\s+(?:test|measurement)|\bprocedure\b|\btesting\b"
    r"|\btests?\b(?!\s+report)|measurement\s+(?:method|procedure)|Prüfverfahren|Prüfbedingung|Prüfung$|Messverfahren|Messung$"
    r"|méthodes?\s+d['’]essai|conditions\s+d['’]essai|\bessais?\b|mode\s+opératoire")
_JUDGE_HEADING = re.compile(r"(?i)判定|判据|评价|评定|合格|结果|acceptance|criteria|evaluation|assessment|Bewertung|critères"
                            r"|^(?:Anforderungen|Requirements|Exigences)\b")  # "Anforderungen bei der Typprüfung": limits a type test checks
_TEST_SENT = re.compile(
    r"(?i)将[^，,。；;]{0,30}(?:放置|置于|放在|安装|固定|加热|浸入|连接)|施加(?!于[^，,。；;]{0,12}的)|加载|放置于|置于|试验时|测试时|检验时|测量时|检测时|试验中"
    r"|试验电压|试验温度|试验速度|试验时间|初速度|屏幕距离|以\s*\d[^，,。；;]{0,12}的?(?:速度|车速)|上进行(?:试验)?[。.]?\s*$|进行[^，,。；;]{0,10}试验"
    r"|\bappl(?:y|ied|ying)\b|\bis\s+(?:applied|placed|heated)\s+(?:to|on|at|in)\b|\bat\s+a\s+distance\s+of\b|\bweigh\b|\bplace\b|\bimmerse"
    r"|\btest(?:ed)?\s+(?:at|with|under|voltage|temperature|load|speed|duration)|\bduring\s+the\s+test|\bthe\s+test\s+shall|\btests\s+shall\s+(?:also\s+)?be\s+(?:carried\s+out|performed|made)"
    r"|\bspecimens?\b|\bsamples?\s+of\b|\bwird\s+(?:geprüft|gemessen|aufgebracht)|\bPrüf(?:ling|spannung|temperatur|dauer)|\bProbe\b"
    r"|\bPeser\b|prise\s+d['’]essai|\bappliquer\b|\best\s+appliqué|\bau\s+cours\s+de\s+l['’]essai")
_TEST_PARAM = re.compile(r"(?i)试验|测试|初速度|屏幕距离|test\s|testing|Prüf|essai")
_PRODUCT_LIMIT = re.compile(r"(?i)应不|不应|不得|应符合|不允许|shall\s+not\s+(?:exceed|be)|must\s+not|shall\s+(?:be|have|remain)\s+(?:at\s+least|not|less|greater|within)|darf\s+nicht|ne\s+doit\s+pas")


def _ancestors(doc: Document) -> dict[str, list[Clause]]:
    by_id = {c.id: c for c in doc.clauses}
    out: dict[str, list[Clause]] = {}
    for c in doc.clauses:
        chain, p, seen = [c], c.parent, {c.id}
        while p and p in by_id and p not in seen:
            seen.add(p)
            chain.append(by_id[p])
            p = by_id[p].parent
        out[c.id] = chain
    return out


_REQ_COLUMN = re.compile(r"(?i)要求|限值|允许|最大|最小|最高|最低|limit|requirement|permissible|allowable|maximum|minimum|\bmax|\bmin|Grenzwert|Anforderung|exigence")


def role_of(ind: Indicator, chain: list[Clause] | None = None, table: tuple[str, str] = ("", "")) -> str:
    """The role of one indicator given its clause chain (the clause first, then its ancestors) and, for a table
    cell, (the column's headers, caption + every header): a column that states a requirement or limit
    is a requirement; a table whose headers name a test (试验时间, test voltage) otherwise holds test conditions."""
    text = ind.text or ""
    if _NOTE.match(text) or _STATS.search(text) or (ind.origin or {}).get("note"):
        return "informative"
    column, every = table
    if column and _REQ_COLUMN.search(column):
        return "requirement"
    if every and _TEST_PARAM.search(every):
        return "test-condition"
    chain = chain or []
    heads = [c.heading or "" for c in chain if len(c.heading or "") <= 50]  # long "headings" are run-in sentences
    in_test = any(c.kind == "test-methods" for c in chain) or any(_TEST_HEADING.search(h) for h in heads)
    judged = any(_JUDGE_HEADING.search(h) for h in heads)
    if _TEST_SENT.search(text) or _TEST_PARAM.search(ind.parameter or ""):
        return "test-condition"
    if in_test and not judged and not (_PRODUCT_LIMIT.search(text) and ind.comparator in ("<=", "<", ">=", ">")):
        return "test-condition"
    if in_test and not judged and ind.comparator in ("=", "tolerance", "range"):
        return "test-condition"
    return "requirement"


def assign_roles(doc: Document, inds: list[Indicator]) -> None:
    """Fill `role` on every indicator of `doc` (in place)."""
    chains = _ancestors(doc)
    for ind in inds:
        ind.role = role_of(ind, chains.get(ind.clause or "", []), getattr(ind, "_table_text", ("", "")))  # type: ignore[assignment]
