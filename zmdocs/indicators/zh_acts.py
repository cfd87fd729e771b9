"""Chinese bounds a function or a failure is tied to (GB drafting), read after roles are decided:

- "当车速大于等于60km/h时，能…报警", "车速大于5km/h时紧急切断阀能自动关闭", "在起步且车速低于20km/h时，应能…发出…声响":
  the threshold at which a function must act is a requirement, not a condition;
- "当集电头高度在4.2m～6.0m范围内时，应能正常工作": the range a function must work over is a requirement;
- "干扰停止2 min后仍不能自行恢复": a failure still present after N is a duration longer than N (> N);
- "报警后5min内…不能起火": what must not happen within N holds for at least N (>= N, not <= N);
- "能看清地面上长3.6m、宽2.5m范围内的情况": the extents of the area a function must cover are stated values.
"""

from __future__ import annotations

import re

_BOUNDS = ("<=", ">=", "<", ">")
_WHEN = re.compile(r"当[^，,；;。]{0,60}?时")
# a when-span without 当 ("车速低于20km/h时", "在起步且车速低于20km/h时"): from the piece's start to 时 right after it
_WHEN_BARE = re.compile(r"[^，,；;。]{0,16}?(?<!小)时(?![间刻长速钟段效期序])")
# the main clause right after 当…时: the device must warn, signal or act (a subject of its own may come first:
# "…时紧急切断阀能自动关闭")
_ACTS = re.compile(r"\s*[，,]?\s*(?:[\u4e00-\u9fff]{1,8}?(?=应|能|自动))?(?:应|则|即|须)?\s*(?:能|应能|能够|自动|立即|即可)"
                   r"[^，,；;。]{0,14}?(?:报警|警告|告警|提示|发出|启动|切断|动作|触发|关闭|断开|停止|锁止)")
_WORKS = re.compile(r"\s*[，,]?\s*[\u4e00-\u9fff]{0,8}?(?:应|须)?\s*(?:能|能够)?\s*正常(?:工作|运行|使用)")
_STILL_FAILS = re.compile(r"\s*(?:后|以后)\s*仍\s*(?:不能|未能|未|无法|不)")
_SIDE_BEFORE = re.compile(r"(?:长|宽|高|深)\s*$")
_SIDE_AFTER = re.compile(r"\s*(?:长|宽|高|深)(?!度)")  # not "620mm高度范围内": a span of a measurement
_AREA_AFTER = re.compile(r"[^，,；;。]{0,16}?范围内|、[^；;。]{0,60}?范围内")  # "长1.5m、左侧…，右侧…1.5m宽范围内"
_WITHIN_NOT = re.compile(r"\s*(?:内|之内|以内)[^，,；;。]{0,20}?(?:不能|不应|不得|不会|不允许|不发生|不出现)")


def zh_act_bounds(t: str, a: int, sq: list, dim_of) -> None:
    """Re-read the quantities of one zh segment t[a:…] whose bound is tied to an act or a failure (see above)."""
    for q in sq:
        if q.kind == "rng" and q.role == "condition" and q.unit:
            m = next((w for w in _WHEN.finditer(t, a) if w.start() < q.start and q.end <= w.end()), None)
            if m and _WORKS.match(t, m.end()):
                q.role = "indicator"  # "当电压在198V～242V范围内时，应能正常工作": the range it must work over
            continue
        if q.kind != "one" or not q.unit:
            continue
        if q.role == "condition" and q.comparator in _BOUNDS and q.cue_start < q.start:
            m = next((w for w in _WHEN.finditer(t, a) if w.start() < q.start and q.end <= w.end()), None)
            m = m or _WHEN_BARE.match(t, q.end)
            if m and _ACTS.match(t, m.end()):
                q.role = "indicator"
                continue
        if q.role == "bare" and q.comparator in (None, "=") and dim_of(q.unit) == "m" and _AREA_AFTER.match(t, q.end) \
                and (_SIDE_BEFORE.search(t, a, q.start) or _SIDE_AFTER.match(t, q.end)):
            q.role, q.comparator = "indicator", "="
            continue
        if dim_of(q.unit) != "s":
            continue
        if q.role in ("condition", "bare", "indicator") and q.comparator in (None, "=") and _STILL_FAILS.match(t, q.end):
            q.role, q.comparator = "indicator", ">"
        elif q.role == "indicator" and q.comparator == "<=" and _WITHIN_NOT.match(t, q.end):
            q.comparator = ">="
