"""English values stated without a verb of requirement (IHO/ISO rationale and example prose), and bound words
that a PDF text layer glued together.

- "must not be lower than 5%", printed as "mustnotbelower than5%": the glued bound phrase is spaced again before
  the value reader sees it (`unglue`).
- "5% is therefore the appropriate value for the … coverage requirement": a value-first statement of the value
  a parameter takes (=).
- "a single beam with 8-12° beam width", "for an echosounder with an 8° beam width": an angle written as the
  attribute of the noun that names its parameter, after "with": the value (=) or range of that parameter (a
  share so written names a level, "with a 100% bathymetric coverage", and is left alone).
- "A value of 0 represents 100% transparency": the share a value of a scale stands for (=).
Both are read again through the value reader as a restated sentence, so units and numbers have one home.
"""

from __future__ import annotations

import re

_NUM = r"\d+(?:\.\d+)?"
# modal + not + be + comparative + than, with one or more spaces lost, before a number
_GLUED = re.compile(r"(?i)\b(must|shall|should)\s*(not)\s*(be)\s*(lower|less|greater|higher|more|smaller|larger)\s*(than)\s*(?=[\d.])")
_VALUE_FIRST = re.compile(
    rf"(?i)(?:^|(?<=[.;:]\s))({_NUM})\s*(%|°)\s+is\s+(?:therefore\s+|thus\s+|hence\s+)?the\s+"
    r"(?:appropriate|recommended|default|typical|nominal|preferred)\s+value\s+(?:for|of)\s+(?:the\s+)?([^.;]{3,80})")
_ATTRIBUTE = re.compile(
    rf"(?i)\bwith\s+(?:an?\s+)?({_NUM})(?:\s*(?:-|–|to)\s*({_NUM}))?\s*(°)\s+([a-z][a-z-]+(?:\s+(?!of\b|for\b|and\b|or\b)[a-z][a-z-]+)?)\b")

# the share a scale value stands for: "A value of 0 represents 100% transparency"
_REPRESENTS = re.compile(rf"(?i)\ba\s+value\s+of\s+-?{_NUM}\s+(?:represents|means|denotes|corresponds\s+to)\s+({_NUM})\s*(%)\s+([a-z][a-z-]+)")


def unglue(text: str) -> str:
    """`text` with glued bound phrases ("mustnotbelower than5%") spaced as words."""
    return _GLUED.sub(lambda m: " ".join(m.groups()) + " ", text or "")


def stated_values(text: str, extract, clause: str | None = None, page: int | None = None) -> list:
    """Indicators of value-first statements and of quantities written as a noun's attribute after "with"."""
    out = []
    for m in _VALUE_FIRST.finditer(text or ""):
        out += _restated(extract, f"The {m.group(3).strip()} shall be {m.group(1)} {m.group(2)}.", _sentence(text, m), clause, page)
    for m in _REPRESENTS.finditer(text or ""):
        out += _restated(extract, f"The {m.group(3)} shall be {m.group(1)} {m.group(2)}.", _sentence(text, m), clause, page)
    for m in _ATTRIBUTE.finditer(text or ""):
        value = f"{m.group(1)} {m.group(3)} to {m.group(2)} {m.group(3)}" if m.group(2) else f"{m.group(1)} {m.group(3)}"
        out += _restated(extract, f"The {m.group(4)} shall be {value}.", _sentence(text, m), clause, page)
    return out


def _sentence(text: str, m: re.Match) -> str:
    """The sentence of `text` that holds the match (read by the roles: "Example: …", "e.g.")."""
    a = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    b = text.find(". ", m.end())
    return text[a:b + 1 if b >= 0 else len(text)].strip()


def add_stated_values(found: list, text: str, extract, clause: str | None = None, page: int | None = None) -> list:
    """`found` (a passage's indicators) with the stated values of `stated_values` it does not hold yet."""
    have = {(i.comparator, i.value, i.min, i.max, i.unit) for i in found}
    return found + [i for i in stated_values(text, extract, clause, page)
                    if (i.comparator, i.value, i.min, i.max, i.unit) not in have]


def _restated(extract, sentence: str, original: str, clause, page) -> list:
    """The indicators the value reader finds in a restated sentence, with the text as the document wrote it."""
    found = extract(sentence, "en", clause=clause, page=page)
    for ind in found:
        ind.text = original
        ind._bare = False
        ind._stated = True  # read by roles.role_of: informative unless a modal governs the sentence
    return found
