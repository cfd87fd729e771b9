"""Chinese allotment rules (GB drafting): what a size must be for a count to be assigned, and the size per count.

- "内部宽度大于等于1200mm时核定2人", "间距大于等于650mm且…时，按…核定1人", "…达到50kg时方可…": a bound in a when-span
  whose main clause assigns a count or grants on a criterion is the requirement for it, not an applicability band;
- "无法满足…离地高度大于等于1800mm时，不应设置…": a bound the when-span says must be met (满足) is a requirement;
- "按座垫宽每400mm核定1人", "每0.125m²核定站立乘客1人", "按380mm核定1人": the size allotted per counted unit is a
  stated value ("= 400 mm"); the count itself (1人) is not an indicator;
- "抗风能力为4级" is ">= 4级" (a capability); "采用1级材料时…" uses the grade as a condition;
- "座垫宽和座垫深均应大于等于400mm": a bound each listed parameter must meet is one indicator per parameter;
- "应配备1件反光背心和1个三角警告牌": a count listed after a stated count is stated too (= 1 个).
"""

from __future__ import annotations

import copy
import re

from zmdocs.indicators.units import ZH_CLASSIFIERS

_BOUNDS = ("<=", ">=", "<", ">")
# the main clause after 时: a count assigned (核定2人, 按…每400mm核定1人) or a grant on a criterion (方可, 才能)
_GRANT = re.compile(r"\s*[，,]?\s*(?:则|即)?\s*(?:(?:按|可按|每)[^，,；;。]{0,24}?)?(?:可|应)?核定\s*[\u4e00-\u9fff]{0,6}?\s*\d"
                    r"|\s*[，,]?\s*(?:方可|才可|才能|方能|才允许|方允许)"
                   r"|\s*[，,]\s*[\u4e00-\u9fff]{0,8}?可核定")  # "…时，旅居车厢可核定乘坐人数": the grant of a count
# the when-span holding a quantity: no clause break between it and 时
_WHEN_END = re.compile(r"[^；;。]{0,80}?(?<!小)时(?![间刻长速钟段效期序])")
_BREAK = re.compile(r"[；;。]")
# "无法满足镜面…离地高度大于等于1800mm时": the bound a when-span says must be met (满足) is a requirement
_MEETS = re.compile(r"满足[^，,；;。]{0,36}$")
# 每/按 right before the size, and a count assigned after it
_PER_BEFORE = re.compile(r"(?:每|按)\s*$")
_PER_AFTER = re.compile(r"\s*(?:[(（][^()（）]{0,40})?[)）]?\s*(?:核定|可核定)\s*[\u4e00-\u9fff]{0,6}?\s*\d+\s*(?:人|名|个|座)")


def _grant_after(t: str, q) -> bool:
    """The when-span that holds q closes with 时 and is followed by an assigned count or a grant."""
    m = _WHEN_END.match(t, q.end)
    if not m or _BREAK.search(t, q.end, m.end()):
        return False
    return bool(_GRANT.match(t, m.end()))


# "抗风能力为4级": a capability level is the least the product withstands; "采用1级材料时": a grade a when-span uses
_CAPABILITY = re.compile(r"能力\s*(?:为|是|达到|:)?\s*$")
_USES = re.compile(r"(?:采用|使用|选用)\s*$")
_MODAL = re.compile(r"应|须|不得|必须")


def _grade(t: str, a: int, q) -> None:
    """A zh grade stated as a capability (>=) or used by a when-span (a condition)."""
    if _CAPABILITY.search(t, max(a, q.start - 8), q.start):
        q.role, q.comparator = "indicator", ">="
        return
    when = _WHEN_END.match(t, q.end)
    if when and _USES.search(t, max(a, q.start - 4), q.start) and not _BREAK.search(t, q.end, when.end()) \
            and not _MODAL.search(t, q.end, when.end()) and not re.search(r"[，,]", t[q.end:when.end()]):
        q.role = "condition"


def zh_allotments(t: str, a: int, sq: list) -> None:
    """Re-read the quantities of one zh segment t[a:…] that state an allotment (see the module doc)."""
    prev = None
    for q in sq:
        if q.kind == "grade" and q.comparator in (None, "="):
            _grade(t, a, q)
        if q.kind != "one" or not q.unit:
            continue
        if prev is not None and q.role == "condition" and q.comparator is None and q.unit == prev.unit \
                and re.fullmatch(r"\s*、\s*", t[prev.end:q.start]):
            q.role, q.comparator = "indicator", prev.comparator  # "能内接一个500mm、700mm…时，…可核定": both sides
            continue
        prev = None
        if q.role == "condition" and q.comparator in _BOUNDS and q.cue_start < q.start and (
                _grant_after(t, q) or _MEETS.search(t, max(a, q.cue_start - 40), q.cue_start) and _WHEN_END.match(t, q.end)):
            q.role, prev = "indicator", q
        elif q.role in ("bare", "condition") and q.comparator in (None, "=") \
                and _PER_BEFORE.search(t, max(a, q.start - 4), q.start) and _PER_AFTER.match(t, q.end):
            q.role, q.comparator = "indicator", "="
    _listed_counts(t, sq)


# "应配备1件反光背心和1个…三角警告牌": a count listed right after a stated count of the same fitting verb
_COUNTED = set(ZH_CLASSIFIERS)
_LIST_JOIN = re.compile(r"\s*[\u4e00-\u9fff]{1,12}?\s*(?:和|及|与|、)\s*")


def _listed_counts(t: str, sq: list) -> None:
    """A bare count joined by 和/及/、 to the stated count before it is stated too (one per fitted thing)."""
    prev = None
    for q in sq:
        if prev is not None and q.role == "bare" and q.comparator in (None, "=") and q.unit in _COUNTED \
                and _LIST_JOIN.fullmatch(t, prev.end, q.start):
            q.role, q.comparator = "indicator", "="
        prev = q if q.role == "indicator" and q.comparator == "=" and q.unit in _COUNTED else None


# "座垫宽和座垫深均应大于等于400mm", "向左和向右偏移均应…": one bound stated for each of the listed parameters (均/都:
# each); "向左侧和右侧倾斜的侧倾稳定角均应…" lists cases of one parameter (a 的 after the list), one indicator
_ITEM = r"[^和及与、的，,；;:：()\s\d]{1,8}"
_LISTED = re.compile(rf"(?P<head>(?:[^，,；;:：]*的)?)(?P<items>{_ITEM}(?:、{_ITEM})*(?:和|及|与){_ITEM})\s*(?:均|都)(?:应|须|不应)?\s*$")
_EACH_CUE = re.compile(r"\s*(?:均|都)")


def zh_conjuncts(t: str, seg_inds: list) -> list:
    """Each (quantity, indicator) of a zh segment; a bound shared by listed parameters (均应) once per parameter."""
    out = []
    for q, ind in seg_inds:
        out.append((q, ind))
        if q.comparator not in _BOUNDS or q.cue_start >= q.start or q.alt:
            continue
        left = t[max(0, q.cue_start - 40):q.cue_start]
        cue_each = _EACH_CUE.match(t, q.cue_start)
        m = _LISTED.search(left + ("均" if cue_each else ""))
        if not m:
            continue
        items = re.split(r"、|和|及|与", m.group("items"))
        at = ind.parameter.rfind(m.group("items"))  # the parameter as cleaned ("但每个…" -> "每个…"), else the text
        head = ind.parameter[:at] if at >= 0 else m.group("head")
        ind.parameter = head + items[0]
        for item in items[1:]:
            twin = copy.copy(ind)
            twin.parameter, twin.conditions = head + item, list(ind.conditions)
            out.append((q, twin))
    return out
