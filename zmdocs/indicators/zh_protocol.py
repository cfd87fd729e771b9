"""Chinese protocol timings and retries (communication-protocol drafting, JT/T and GB/T message specifications).

- "该指令超时时间为1s", "建议链路探询时间为15s～30s": the stated time of a protocol timing (超时, 响应, 应答, 等待, 探询,
  间隔 …) is an indicator (`=`, or a range), not the duration of a test;
- "等待20min", "延时5s": a wait the procedure prescribes is a stated value;
- "由32次迭代运算组成", "反复加密1000次": an algorithm's iteration count is a stated value (`=`);
- "最多重发三次" is "<= 3 次", "重发三次" "= 3 次", "重发（三次后，终止本次升级）" "<= 3 次" (a count keeps 次);
- "最大长度为256个字节", "最长为1024字节": the largest length of a field is an upper bound (`<=`), "最小长度为" and
  "最短为" a lower one; a width
  annotated in parentheses on a data item ("认证信息(64字节)") is its format, not an indicator.
Hex codes ("01H", "0AH", "40H指令") and field widths ("长度为20位") are masked in `masks`.
"""

from __future__ import annotations

import re

from zmdocs.indicators.zh_formulas import formula_terms

_TIMING = r"超时|响应|应答|等待|延时|延迟|探询|轮询|心跳|重传|重发|间隔|周期|保活"
# the timing's name and its copula right before the value, with no when-span open in the same piece
_TIMING_BEFORE = re.compile(rf"(?:{_TIMING})\s*时间\s*(?:应为|为|是|[:：])\s*$")
_WAIT_BEFORE = re.compile(r"(?:等待|延时|延迟)\s*$")
_WHEN_OPEN = re.compile(r"当|在|若|如果")
_PIECE_END = re.compile(r"[，,；;。]")
_RETRY = r"重发|重试|重传|重新发送|重复发送"
_RETRY_BEFORE = re.compile(rf"(?P<most>最多|至多|不超过|不多于)?\s*(?:{_RETRY})\s*$")
# "重发(3次后，终止…)": the count after which the retries stop is their largest number
_RETRY_STOPS = re.compile(r"\s*(?:后|以后)\s*[，,]?\s*(?:即|则)?\s*(?:终止|停止|结束|放弃|不再)")
_RETRY_NEAR = re.compile(rf"(?:{_RETRY})\s*[(（]?\s*$")
# an algorithm's iteration count: "由32次迭代运算组成", "对明文反复加密1000次" (an OCR'd 选代 for 迭代 too)
_ITERATES_AFTER = re.compile(r"\s*(?:迭代|选代|轮迭代)")
_ITERATES_BEFORE = re.compile(r"(?:反复|重复|循环)\s*(?:加密|解密|迭代|运算)\s*$")
_LARGEST = re.compile(r"(?:(?P<w>最大|最小)\s*(?:数据)?(?:长度|字节数|包长|帧长|条数|个数|数量)|(?P<l>最长|最短))\s*(?:应为|为|是|[:：])\s*$")
_BOUNDS = ("<=", ">=", "<", ">")
# "表示卡片基本信息及认证信息(64字节)": a width annotated in parentheses on a data item is its format, no requirement
_WIDTH_OPEN = re.compile(r"[\u4e00-\u9fff]\s*[(（]\s*$")
_WIDTH_CLOSE = re.compile(r"\s*[)）]")


def _piece(t: str, a: int, at: int) -> str:
    """The comma-delimited piece of t[a:at] that ends at `at`."""
    cut = max((m.end() for m in _PIECE_END.finditer(t, a, at)), default=a)
    return t[cut:at]


def _when_after(t: str, q) -> bool:
    """A 时 closes the piece after the value ("当响应时间为5s时"): the value is a condition's."""
    m = _PIECE_END.search(t, q.end)
    return "时" in t[q.end:m.start() if m else len(t)]


def zh_protocol_values(t: str, a: int, sq: list, dim_of) -> None:
    """Re-read the quantities of one zh segment t[a:…] that state a protocol timing, a retry count or a field's
    largest length (see the module doc); the terms of a formula are dropped (`zh_formulas`)."""
    formula_terms(t, sq)
    for q in sq:
        if q.role not in ("bare", "condition", "drop", "indicator") or q.comparator in _BOUNDS:
            continue
        if q.kind == "one" and q.unit in ("字节", "比特") and _WIDTH_OPEN.search(t, max(a, q.start - 3), q.start) \
                and _WIDTH_CLOSE.match(t, q.end):
            q.role = "drop"
            continue
        piece = _piece(t, a, q.start)
        if q.unit and dim_of(q.unit) == "s" and q.kind in ("one", "rng") and not _WHEN_OPEN.search(piece) \
                and not _when_after(t, q) and (_TIMING_BEFORE.search(piece) or _WAIT_BEFORE.search(piece)):
            q.role, q.comparator = "indicator", "range" if q.kind == "rng" else "="
        elif q.kind == "one" and q.unit == "次":
            retry = _RETRY_BEFORE.search(t, max(a, q.start - 10), q.start)
            if retry:
                q.role, q.comparator = "indicator", "<=" if retry.group("most") else "="
            elif _RETRY_STOPS.match(t, q.end) and _RETRY_NEAR.search(t, max(a, q.start - 8), q.start):
                q.role, q.comparator = "indicator", "<="
            elif q.comparator in (None, "=") and (_ITERATES_AFTER.match(t, q.end)
                                                  or _ITERATES_BEFORE.search(t, max(a, q.start - 6), q.start)):
                q.role, q.comparator = "indicator", "="
        elif q.kind == "one" and q.unit and q.comparator in (None, "="):
            m = _LARGEST.search(t, max(a, q.start - 12), q.start)
            if m:
                q.role, q.comparator = "indicator", "<=" if (m.group("w") or m.group("l")) in ("最大", "最长") else ">="
