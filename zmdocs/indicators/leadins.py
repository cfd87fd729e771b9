"""Table values read through the sentence that introduces their table (German/English/French legal texts).

Laws print a limits table after a lead-in such as "… dürfen die folgenden Grenzwerte nicht
überschreiten:" or under a title naming them ("1. Emissionsgrenzwerte und …", a heading "Limit values …")
and leave the comparator out of the cells; a bare table value ("=") of the only table in such a
clause (every table under one lead-in) is then an upper bound. Markdown converters also write a lost ≤/≥ sign
of a band cell as "*" ("* 4* 500"): such a cell states no value of its own, only the band a row
holds for, so it gives no indicator.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from zmdocs.indicators.common import direction
from zmdocs.indicators.text_tables import caption_in_text

log = logging.getLogger(__name__)

# a lead-in that ends with a colon right before the (removed) table: "… nicht überschreiten:"
_UPPER_LEADIN = re.compile(
    r"(?i)(?:nicht\s+überschreit\w*|nicht\s+größer\s+sein|shall\s+not\s+exceed|must\s+not\s+exceed"
    r"|ne\s+(?:doivent|doit)\s+pas\s+dépasser)\s*:\s*(?:\n|$)"
    r"|(?:nach)?folgenden?\s+(?:\w*grenzwerte|Höchstwerte)\b[^:.\n]{0,80}:\s*(?:\n|$)")  # "… folgende Grenzwerte, die …:"
# a strict lead-in over the table: "… shall be less than the limits shown in the table below", "kleiner als die Grenzwerte"
_STRICT_UPPER_LEADIN = re.compile(
    r"(?i)(?:shall|must)\s+be\s+less\s+than\s+the\s+(?:limits?|limit\s+values|values)\s+(?:shown|given|set\s+out|specified|laid\s+down)"
    r"|kleiner\s+als\s+die\s+(?:\w*grenzwerte|Werte)|inférieure?s?\s+aux\s+(?:limites|valeurs\s+limites)")
# a sentence that bounds the values of a numbered table from above: "… shall not exceed the amounts given in
# Table (1)", "… shall not exceed the respective limits for k specified in Table (2)", "不应超过表2规定的限值"
_UPPER_TABLE_REF = re.compile(
    r"(?i)(?:shall|must)\s+not\s+exceed\s+the\s+(?:respective\s+)?(?:limits?|amounts?|values?|limit\s+values|maximum\s+values)\b"
    r"[^.;:]{0,60}?\b(?:in|of|by)\s+table\s*[(]?\s*([A-Z]?\d+(?:\.\d+)*)"
    r"|不(?:应|得)?(?:超过|大于)表\s*([A-Z]?\d+(?:\.\d+)*)\s*(?:中|所列|规定|给出|的)")
# the same sentence in an OCR layer whose word spaces are lost or misplaced ("shallbe", "the a mounts given in"):
# matched on the text with every space removed
_UPPER_TABLE_REF_OCR = re.compile(
    r"(?i)(?:shall|must)notexceedthe(?:respective)?(?:limits?|amounts?|values?|limitvalues|maximumvalues)"
    r"[^.;:]{0,50}?(?:in|of|by)table[(]?([A-Z]?\d+(?:\.\d+)*)")
_EXPLICIT_SIGN = re.compile(r"[<>≤≥]|(?i:\bmax|\bmin|不大于|不小于|不超过)")
_LOST_SIGN = re.compile(r"^\s*\*\s*\d")
# a title that names limit values: the clause heading or a numbered title line ("1. Emissionsgrenzwerte und …")
_LIMIT_TITLE = re.compile(r"(?im)^\s*(?:\d+\.\s*)?(?:[\w-]+\s+){0,3}?(?:\w*grenzwerte|limit\s+values|valeurs\s+limites)\b[^\n:;]*$")


def apply_table_leadins(doc, inds: list) -> list:
    """Indicators with lost-sign band cells dropped, bare values under an upper-limit lead-in made `<=`, and an
    implied upper bound (or a bare value) made strict `<` under a "less than the limits shown in the table" lead-in."""
    text_of = {c.id: c.text or "" for c in getattr(doc, "clauses", []) or []}
    titled = {c.id for c in getattr(doc, "clauses", []) or []
              if _LIMIT_TITLE.search(getattr(c, "heading", "") or "") or _LIMIT_TITLE.search(c.text or "")}
    tables_in = Counter(t.clause for t in getattr(doc, "tables", []) or [] if t.clause)
    bounded = upper_table_refs(text_of.values())
    unnumbered = {t.id for t in getattr(doc, "tables", []) or [] if t.clause and not t.number and tables_in[t.clause] == 1}
    out = []
    for ind in inds:
        origin = getattr(ind, "origin", None) or {}
        if origin.get("type") != "table" or origin.get("note") or origin.get("footnote"):
            out.append(ind)
            continue
        if _LOST_SIGN.match(ind.text or ""):
            log.debug("%s: band cell %r with a lost comparator sign gives no indicator", ind.clause, ind.text)
            continue
        if (ind.comparator == "=" and getattr(ind, "_bare", False) and tables_in.get(ind.clause)
                and (len(_UPPER_LEADIN.findall(text_of.get(ind.clause, ""))) == 1
                     or tables_in.get(ind.clause) == 1 and ind.clause in titled)):
            ind.comparator = "<="
            ind.direction = direction(ind)
        elif ind.comparator == "=" and getattr(ind, "_bare", False) and _table_number(ind, origin, unnumbered, text_of) in bounded:
            ind.comparator = "<="  # the sentence that cites the table says its values are not to be exceeded
            ind.direction = direction(ind)
        implied = ind.comparator == "<=" or ind.comparator == "=" and getattr(ind, "_bare", False)  # a bare cell too
        if (implied and tables_in.get(ind.clause) == 1 and not _EXPLICIT_SIGN.search(ind.text or "")
                and len(_STRICT_UPPER_LEADIN.findall(text_of.get(ind.clause, ""))) == 1):
            ind.comparator = "<"  # the table's only lead-in says "less than": its implied bound is strict
            ind.direction = direction(ind)
        out.append(ind)
    return out


def upper_table_refs(texts) -> set[str]:
    """Numbers of the tables that a sentence bounds from above ("shall not exceed the amounts given in Table (1)")."""
    out = set()
    for t in texts:
        out |= {a or b for a, b in _UPPER_TABLE_REF.findall(t or "")}
        out |= set(_UPPER_TABLE_REF_OCR.findall(re.sub(r"\s+", "", t or "")))
    return out


def _table_number(ind, origin: dict, unnumbered: set, text_of: dict) -> str:
    """The number of an indicator's table; for the one unnumbered table of a clause, the one caption line its text holds."""
    number = str(origin.get("table") or "")
    if number not in unnumbered:  # an unnumbered table is named by its id
        return number
    return (caption_in_text(text_of.get(ind.clause, "")) or ("", ""))[0]

