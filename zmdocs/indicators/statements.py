"""Statements whose later values or comparators the plain per-quantity reading misses.

- A clause "heading" that is the start of an unfinished sentence ("…应小于等" over "于 3。", a layout that
  sets the first line of a title-less clause apart) is read together with the clause text.
- Chinese alternatives in parentheses after a bound: "踏板力应小于等于300N（拖拉机运输机组应小于等于350N）",
  "4min（汽车列车为6min，铰接客车为8min）内" — each inner value is a bound of the same kind on the same
  parameter, for the case named before it (a condition), not a stated value of its own.
- Prohibitions on a thing described by a bound: "不应使用轮胎名义宽度小于等于155mm的轮胎" allows only widths
  above 155 mm (`> 155`), "不应有长度超过25mm的破裂" only lengths up to 25 mm (`<= 25`).
"""

from __future__ import annotations

import re

from zmdocs.indicators.quantities import Quantity, dim_of

# a heading that stops inside a comparison: the comparator (whole or cut before its last character) or the modal
_OPEN_HEAD = re.compile(r"(?:应|须|均应|必须|不应|不得)?\s*(?:(?:小于|大于|低于|高于)(?:或)?(?:等于?)?|不大于|不小于|不超过|不低于|不高于|不少于|不多于"
                        r"|(?:应|均应|须)(?:为)?)\s*$")
_VALUE_START = re.compile(r"^\s*(?:(?:或)?等?于\s*)?[-+±(（]?\s*\d")  # "…应大于" over "等于 70%": the wrap cut 大于|等于


def join_open_heading(heading: str, text: str, lang: str) -> str:
    """`text` with an unfinished-sentence heading put back in front of it ("…应小于等" + "于 3。" -> "…应小于等于 3。")."""
    if lang != "zh" or not heading or not _OPEN_HEAD.search(heading) or not _VALUE_START.match(text or ""):
        return text
    return heading.rstrip() + text.lstrip()


_ALT_PAREN = re.compile(r"\s*\(")
# the case an inner value is for, then its cue: "拖拉机运输机组应小于等于", "对专用校车均应大于等于", "汽车列车为"
_ALT_HEAD = re.compile(r"(?:^|[,，、;；]\s*)(?P<case>[^,，、;；()]{1,30}?)\s*(?:均|都)?(?:应|须)?\s*(?:为|是|按每|每|[<>≤≥]|(?:不)?(?:大于|小于|低于|高于|超过)|(?:小于|大于)(?:或)?等于)[^,，、;；()\d]{0,2}$")


def zh_alternatives(t: str, qs: list, e: int, same_dim) -> set[int]:
    """Mark the values in a parenthesis right after a Chinese bound as alternatives of it; return the ids of the
    outer quantities whose parenthesis is so read (they have no note of their own)."""
    owners: set[int] = set()
    for q in qs:
        m = _ALT_PAREN.match(t, q.end, e) if q.kind == "one" and q.unit else None
        close = t.find(")", m.end(), min(e, m.end() + 90)) if m else -1
        if close < 0:
            continue
        inner = [r for r in qs if m.end() <= r.start < close]
        alts = [r for r in inner if _alternative(t, m.end(), r, q, same_dim)]
        if not alts or len(alts) != len([r for r in inner if r.kind == "one"]):
            continue
        owners.add(id(q))
        for r in alts:
            head = _ALT_HEAD.search(t[m.end():r.start])
            case = re.sub(r"^(?:对于|对|当)", "", head.group("case")).strip()
            r.alt, r.alt_of = True, id(q)
            r.conds.append(case)
            if r.comparator in (None, "=", "range?") and q.comparator:
                r.comparator, r.cue_start = q.comparator, r.start
    return owners


def _alternative(t: str, start: int, r, q, same_dim) -> bool:
    return r.kind == "one" and bool(r.unit) and same_dim(r.unit, q.unit) and bool(_ALT_HEAD.search(t[start:r.start]))



def follow_owners(qs: list) -> None:
    """An alternative of a value that scopes the statement (a condition, a test setting) is a condition too."""
    by_id = {id(q): q for q in qs}
    for r in qs:
        owner = by_id.get(r.alt_of) if r.alt else None
        if owner is not None and owner.role not in ("indicator", "maybe"):
            r.role = owner.role if owner.role in ("condition", "bare") else "drop"


_BOUNDS = ("<=", ">=", "<", ">")
_STATED_SEP = re.compile(r"\s*、\s*")
_RUN_SEP = re.compile(r"(?i)\s*(?:[,，、]\s*(?:(?:and|or|und|oder|et|ou|bzw\.|和|或|及|以及)\s*)?|(?:and|or|und|oder|et|ou|bzw\.|和|或|及|以及)\s*)")


def share_listed_bounds(t: str, sq: list, same_dim) -> None:
    """"at least 9°, 5° and 6°", "分别应大于等于9°、5°、6°", "höchstens 5 V, 7 V und 9 V": values listed after one bound
    (commas, 、, and/or) take it; the run stops at a value with a cue of its own or of another dimension."""
    for k, q in enumerate(sq):
        if q.role != "indicator" or q.comparator not in (*_BOUNDS, "=") or q.kind != "one" or not q.unit:
            continue
        sep = _RUN_SEP if q.comparator != "=" else _STATED_SEP  # stated values: only a zh list "为5V、7V", "2000mm、150mm"
        prev = q
        for r in sq[k + 1:]:
            if r.kind != "one" or not r.unit or not same_dim(r.unit, q.unit) or not sep.fullmatch(t, prev.end, r.start):
                break
            if r.role != "bare" or r.cue_start < r.start:
                break
            r.role, r.comparator, r.alt_of = "indicator", q.comparator, id(q)  # and the first one's parameter
            prev = r


_PROHIBIT_LEFT = re.compile(r"(?:不应|不得|不允许|不能|禁止|严禁)(?:使用|装用|采用|有|出现|存在)[^，,；;。:]{0,24}$")
_PROHIBIT_RIGHT = re.compile(r"^[^，,；;。]{0,40}?的")
_INVERSE = {"<=": ">", "<": ">=", ">=": "<", ">": "<="}


_PROHIBIT_STATED = re.compile(r"(?:不应|不得|不允许|不能|禁止)[^，,；;。:]{0,10}(?:为|是)\s*$")
_OR_MORE = re.compile(r"^\s*或\s*\d[\d.]*\s*\S{0,3}?\s*(?:及|或)?(?P<dir>以上|以下)")


def invert_prohibitions(t: str, a: int, sq: list) -> None:
    """"不应使用…小于等于155mm的轮胎": a bound that describes what is forbidden; the requirement is its inverse.
    "不应布置为3层或3层以上": N or more is forbidden, so fewer than N is required."""
    for q in sq:
        more = _OR_MORE.match(t[q.end:q.end + 20]) if q.comparator == "=" else None
        if more and _PROHIBIT_STATED.search(t, a, q.start):
            q.comparator = "<" if more.group("dir") == "以上" else ">"
            for r in sq:  # the "3层以上" restates the same value
                if q.end < r.start <= q.end + more.end():
                    r.role = "drop"
            continue
        if q.comparator in _INVERSE and q.cue_start < q.start and _PROHIBIT_LEFT.search(t, a, q.cue_start) \
                and _PROHIBIT_RIGHT.match(t[q.end:q.end + 60]):
            q.comparator = _INVERSE[q.comparator]


_SCALE_CUE = re.compile(r"(?i)\b(?:below|above)\s*$")
_VERB = re.compile(r"(?i)[,;:]|\b(?:shall|must|should|may|is|are|be|been|does|do|and|or)\b")
_AND = re.compile(r"(?i)\s*(?:and|or)\s*")


def scale_positions(t: str, sq: list, same_dim) -> None:
    """"less than 4 % of that maximum response below 430 nm and above 680 nm": "below"/"above" a value of another
    dimension right after a limit, no verb between, says where on a scale the limit holds (a condition)."""
    prev = last = None
    for q in sq:
        if q.role != "indicator":
            continue
        if prev is not None and q.unit and prev.unit and not same_dim(q.unit, prev.unit) and q.comparator in ("<", ">", "<=", ">=") \
                and _SCALE_CUE.search(t, max(prev.end, q.cue_start - 8), q.start) and (
                    not _VERB.search(t, prev.end, q.cue_start) or last is not None and _AND.fullmatch(t, last.end, q.cue_start)):
            q.role, last = "condition", q
            continue
        prev = q


_RESPECTIVELY = re.compile(r"(?i)\s*,?\s*(?:respectively|beziehungsweise|bzw\.|respectivement)\b")
_LIST_SEP = re.compile(r"(?i)\s*(?:,|or|and|oder|und|ou|et)\s*(?:,|or|and|oder|und|ou|et)?\s*")


def respectively(t: str, sq: list[Quantity]) -> None:
    """"at 6.75 V, 13.5 V or 28.0 V respectively", "to give 90 %, 80 % and 70 % of the full power": values listed
    for the cases named before, or three and more test points, are stated values."""
    for k, q in enumerate(sq):
        if not q.unit or q.kind != "one" or q.role not in ("condition", "bare") and not _RESPECTIVELY.match(t, q.end):
            continue
        run = [q]
        for r in reversed(sq[:k]):
            if r.kind != "one" or not r.unit or dim_of(r.unit) != dim_of(q.unit) or not _LIST_SEP.fullmatch(t[r.end:run[-1].start]):
                break
            run.append(r)
        if len(run) >= (2 if _RESPECTIVELY.match(t, q.end) else 3):
            for r in run:
                if r.role in ("condition", "bare") or r.comparator is None:
                    r.role, r.comparator = "indicator", r.comparator or "="
