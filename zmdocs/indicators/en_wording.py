"""English regulation wordings that set or turn a bound (issue #11): "specified with a precision of 0.1 %" (<=),
"a tolerance of 0.5° to that side" (one-sided, <=), "a luminance of 1 cd/m² being exceeded" (>), a bound under a
negated subject ("None of the units shall be lower than 250 mm": >=) or verb ("shall not intersect … at distances
larger than 100 times …": <=), a value an if-clause or a relative clause only describes ("if the flux exceeds
2,000 lm", "a lamp which exceeds 2,000 lm shall …": a condition), and a number that opens an expression ("1.4 / 30 × Vr")."""

from __future__ import annotations

import re

_PRECISION_OF = re.compile(r"(?i)\b(?:with\s+)?an?\s+precision\s+of\s*$")
_TOLERANCE_OF = re.compile(r"(?i)\b(?:an?\s+)?tolerance\s+of\s*$")
_ONE_SIDE = re.compile(r"(?i)\s*(?:[^\W\d_]+\s+)?(?:to|towards|on)\s+(?:that|the|one|either)\s+side\b")
_EXCEEDED = re.compile(r"(?i)(?:[^.;:()]|(?<=\d)[.,](?=\d)){0,80}?\b(?:being|is|are)\s+exceeded\b")
_NONE_OF = re.compile(r"(?i)\s*(?:\(?[a-z0-9]{1,3}\)\s*)?(?:none|neither)\s+of\b(?:[^.;:]|\.(?!\s+(?-i:[A-Z(])|$))*?\b(?:shall|may|must)\b")
# a negated verb ("shall not intersect", "does not exceed" is a cue of its own) whose scope the bound sits in
_NEG_VERB = re.compile(r"(?i)\b(?:shall|must|may|does|do|will)\s+not\s+(?!be\b|exceed|fall|drop|go\b|deviate|differ|vary)[a-z]+\b")
_SCOPE_BREAK = re.compile(r"(?i)[;:]|\.(?:\s|$)|\b(?:unless|if|when|where|except|but|or)\b")
_FLIP = {">": "<=", "<": ">=", ">=": "<", "<=": ">"}
_IF_BEFORE = re.compile(r"(?i)\bif\b(?:[^,;:.]|(?<=\d)\.(?=\d)){1,160}$")
_RELATIVE = re.compile(r"(?i)\b(?:which|that)\s+(?:\d+\s+)?$")
_EXCEED_CUE = re.compile(r"(?i)exceed(?:s|ing)?\b")
# "TTC ≤ 1.4 / 30 × Vr": the number opens an expression in a variable, not a value of its own
_EXPRESSION = re.compile(r"\s*/\s*\d[\d.,]*\s*[×*·]\s*[A-Za-z]")


def en_bound_wordings(t: str, a: int, sq: list) -> None:
    """Revise the comparators and roles of one segment's quantities (t[a:…]) for the wordings above."""
    for q in sq:
        if q.kind != "one" or not isinstance(q.value, (int, float)):
            continue
        left = t[max(a, q.start - 40):q.start]
        if not q.unit and _EXPRESSION.match(t, q.end):
            q.role = "drop"
            continue
        if q.comparator in (None, "=") and q.unit:
            if _PRECISION_OF.search(left) or _TOLERANCE_OF.search(left) and _ONE_SIDE.match(t, q.end):
                q.comparator, q.role = "<=", "indicator"
            elif _EXCEEDED.match(t, q.end) and not re.search(r"(?i)\b(?:if|when|unless)\b", t[a:q.start]):
                q.comparator, q.role = ">", "indicator"
            continue
        if q.comparator not in _FLIP or q.role == "condition":
            continue
        cue = t[q.cue_start:q.start]
        if _EXCEED_CUE.match(cue) and q.comparator == ">" and q.unit and (
                _IF_BEFORE.search(t, a, q.cue_start) or _RELATIVE.search(t, max(a, q.cue_start - 14), q.cue_start)):
            q.role = "condition"  # "if the flux exceeds 2,000 lm", "a flux which exceeds 2,000 lm": the case, not the limit
        elif q.comparator in ("<", ">") and _NONE_OF.match(t, a, q.cue_start):
            q.comparator = _FLIP[q.comparator]  # "None of the units shall be positioned lower than 250 mm"
        elif q.comparator in ("<", ">") and _negated_scope(t, a, q.cue_start):
            q.comparator = _FLIP[q.comparator]  # "shall not intersect … at distances larger than 100 times …"


def _negated_scope(t: str, a: int, cue: int) -> bool:
    """Whether a negated main verb precedes the cue at t[cue:] in its clause (no break word between)."""
    negs = list(_NEG_VERB.finditer(t, max(a, cue - 200), cue))
    return bool(negs) and not _SCOPE_BREAK.search(t, negs[-1].end(), cue)
