"""Values English standards require without a comparator word (ISO/IEC/IHO/OIML drafting).

- "A 100 % feature search is required", "100 % search and 100 % coverage are required": a required share of an
  extent examined or covered is the least share accepted (>=). A share of a deviation, loss or change is not.
  A share after a comparator word or in a where/if clause is a case, not a requirement.
- "… then the value 0.7 shall be assumed" (used, taken, applied): the value stated (=).
- "the 95 % level is defined as 1.96 × standard deviation": the factor of a definition is a value (=); the level
  named in the subject of the definition is the term defined, no value of its own.
- "confidence levels (e.g. 95 %) depend on …": an example value in parentheses is a stated value (an example).
Both are read again through the value reader as a restated sentence, so units and numbers have one home.
"""

from __future__ import annotations

import re

from zmdocs.text.numbers import parse_number

_NUM = r"\d+(?:[.,]\d+)?"
_SHARE = re.compile(rf"({_NUM})\s*%\s+(.+)")
_JOIN = re.compile(r"(?i)\s*,?\s*\b(?:and|as\s+well\s+as)\s+|\s+(?:is|are)\s+(?:also\s+|therefore\s+)?required\b")
_SHARE_TEXT = rf"{_NUM}\s*%\s+(?:[A-Za-z][\w-]*\s+){{0,3}}?[A-Za-z][\w-]*"
_REQUIRED_SHARES = re.compile(
    rf"(?i)(?<![\w.,%])(?:(?:a|an)\s+)?{_SHARE_TEXT}(?:\s*,?\s*(?:and|as\s+well\s+as)\s+(?:(?:a|an)\s+)?{_SHARE_TEXT})*"
    r"\s+(?:is|are)\s+(?:also\s+|therefore\s+)?required\b")
_CHANGE = re.compile(r"(?i)\b(?:toleranc\w*|deviations?|errors?|uncertaint\w*|reductions?|decreases?|drops?|loss(?:es)?|"
                     r"variations?|increases?|changes?|overloads?|slopes?|gradients?)\b")
_DEFINED_AS = re.compile(rf"(?i)\b(?:is|are)\s+defined\s+as\s+({_NUM})\s*(?:x|×|times)\s+(?:the\s+)?[a-z][^.;,()]*")
_DEFINED_SUBJECT = re.compile(rf"(?i)\bthe\s+({_NUM})\s*%\s+(?:e\.g\.|i\.e\.|[^.;]){{0,80}}?\b(?:is|are)\s+defined\s+as\b")
_EXAMPLE = re.compile(rf"(?i)\((?:e\.\s?g\.|for\s+example)\s*,?\s*({_NUM}\s*(?:%|°|[A-Za-z]{{1,3}}))\s*\)")
_SCOPED = re.compile(r"(?i)\b(?:than|least|most|where|if|when|unless|whenever)\b[^.;,:]*$")
_ASSUMED = re.compile(rf"(?i)\bthe\s+value\s+(?:of\s+)?({_NUM})\s+(?:shall|must|is\s+to)\s+be\s+(?:assumed|used|taken|applied)\b")


def required_values(text: str, extract, clause: str | None = None, page: int | None = None) -> list:
    """Indicators of the required shares and assumed values in an English passage; `extract` is the value
    reader (prose.extract_text), given each one restated."""
    out = []
    for m in _REQUIRED_SHARES.finditer(text or ""):
        if _SCOPED.search(text[max(0, m.start() - 80):m.start()]):
            continue  # "Where more than 100 % search is required, …": a case, not the requirement
        for piece in _JOIN.split(m.group()):
            s = _SHARE.search(piece)
            noun = s.group(2).strip() if s else ""
            if not noun or _CHANGE.search(noun):
                continue
            out += _restated(extract, f"The {noun} shall be at least {s.group(1)} %.", m.group(), clause, page)
    for m in [*_ASSUMED.finditer(text or ""), *_DEFINED_AS.finditer(text or "")]:
        out += _restated(extract, f"The value shall be {m.group(1)}.", m.group(), clause, page, bare=True)
    for m in _EXAMPLE.finditer(text or ""):
        out += _restated(extract, f"The value shall be {m.group(1)}.", m.group(), clause, page)
    return out


def add_required_values(found: list, text: str, extract, clause: str | None = None, page: int | None = None) -> list:
    """`found` (a passage's indicators) with its required shares and assumed values that it does not hold yet."""
    named = {parse_number(m.group(1), "fr") for m in _DEFINED_SUBJECT.finditer(text or "")}
    found = [i for i in found if not (i.unit == "%" and i.value in named and _DEFINED_SUBJECT.search(i.text or ""))]
    have = {(i.comparator, i.value, i.unit) for i in found}
    return found + [i for i in required_values(text, extract, clause, page) if (i.comparator, i.value, i.unit) not in have]


def _restated(extract, sentence: str, original: str, clause, page, bare: bool = False) -> list:
    """The indicators the value reader finds in a restated sentence, with the text as the document wrote it."""
    found = extract(sentence, "en", clause=clause, page=page, bare_is_value=bare)
    for ind in found:
        ind.text = original
        ind._bare = False
    return found
