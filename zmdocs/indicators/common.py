"""Building Indicator objects: normalisation and direction (shared by prose and tables)."""

from __future__ import annotations

import re
from typing import Any

from zmdocs.indicators import units
from zmdocs.indicators.keys import fits, key_for, key_kind
from zmdocs.model import Indicator

# Headings that name a part of the document, not a quantity: never a parameter.
_GENERIC_HEADING = re.compile(
    r"(?i)要求|总则|通则|一般|概述|规定|方法|程序|试验$|测试$|检验|说明|分类|标志|general|requirements?\b|specifications?\b|provisions?\b|"
    r"\blimits?\b|\btests?\b|scope|procedure|method|definition|allgemein|anforderung|vorschrift|prüfung|verfahren|begriff|pflicht|"
    r"ordnungswidrig|exigences?|généralités|essais?\b|dispositions?")
_DIGIT = re.compile(r"\d")


def parameter_name(param: str, key: str, heading: str, lang: str) -> str:
    """The measured quantity a parameter names, when the extractor took a fragment of the sentence
    (`将供电电压`, `of diameter`, `同时`, `be such that`): the fragment's own noun phrase, else the clause
    heading's (a short heading naming a quantity, not `General requirements`); anything else is kept.
    The key never changes: a trimmed name must still give the key the fragment gave."""
    from zmdocs.text.nlp import is_fragment, noun_phrase, noun_phrases

    if not param or lang not in ("zh", "en", "de", "fr") or not is_fragment(param, lang):
        return param
    own = key_for(param)
    np = next((p for p in noun_phrases(param, lang) if key_for(p) == own), "")
    if np:
        return np
    head = noun_phrase(heading, lang) if heading and not _DIGIT.search(heading) else ""
    if head and len(head) <= (20 if lang == "zh" else 60) and not _GENERIC_HEADING.search(head) \
            and not is_fragment(head, lang) and (not key or key_for(head) in ("", key)):
        return head
    return param


def direction(ind: Indicator) -> str:
    """Which way is stricter, derived from comparator and key (never stored inconsistently)."""
    c = ind.comparator
    if c in ("<=", "<"):
        return "lower-is-stricter"
    if c in (">=", ">"):
        return "higher-is-stricter"
    if c == "=" and key_kind(ind.key) == "test-level":
        return "higher-is-stricter"
    return "neither"


def make(
    parameter: str,
    comparator: str,
    unit: str = "",
    value: Any = None,
    vmin: float | None = None,
    vmax: float | None = None,
    key: str = "",
    conditions: list[str] | None = None,
    method: str | None = None,
    clause: str | None = None,
    page: int | None = None,
    text: str = "",
    origin: dict | None = None,
    ordinal: dict | None = None,
) -> Indicator:
    """One Indicator with `normalized` and `direction` filled in."""
    ind = Indicator(
        parameter=parameter.strip(),
        comparator=comparator,
        value=value,
        min=vmin,
        max=vmax,
        unit=unit.strip(),
        key=key,
        conditions=[c for c in dict.fromkeys(conditions or []) if c],
        method=method,
        clause=clause,
        page=page,
        text=text.strip(),
        origin=origin or {"type": "prose"},
        ordinal=ordinal,
    )
    if ordinal is None:
        sym = units.unit_symbol(ind.unit) if ind.unit else ""
        if sym:
            ind.normalized = units.normalize(sym, value, vmin, vmax, delta=key_kind(key) == "delta")
        else:
            ind.normalized = {"value": value, "min": vmin, "max": vmax, "unit": None}
    if ordinal is not None and ordinal.get("scale") == "ip":
        ind.key = "ip_code"
    elif ordinal is not None and ordinal.get("scale") == "class" and not ind.key:
        ind.key = "protection_class"
    elif ind.key and not fits(ind.key, (ind.normalized or {}).get("unit")):
        ind.key = ""  # "measured within 5 s" is not a leakage current: the dimension does not fit the key
    ind.direction = direction(ind)
    return ind


def gold_tuple(ind: Indicator | dict) -> tuple:
    """(comparator, value or (min, max), unit symbol): what the gold set scores."""
    d = ind if isinstance(ind, dict) else ind.__dict__
    comp = d.get("comparator")
    unit = units.unit_symbol(d.get("unit") or "")
    if comp == "range":
        val: Any = (_r(d.get("min")), _r(d.get("max")))
    else:
        val = _r(d.get("value"))
    return comp, val, unit


def _r(x: Any) -> Any:
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return round(float(x), 6)
    return x.upper().replace(" ", "") if isinstance(x, str) else x
