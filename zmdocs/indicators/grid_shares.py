"""A grid of percentages of the minimum in the axis, read through that minimum: 64 % of a 25 cd minimum is 16 cd.

Photometric annexes often print the light distribution once, as percentages "of the minimum required in the axis for
each lamp", and state each lamp category's axis minimum elsewhere (a table of minimum intensities per category). A
grid cell is resolved when the grid names its category ("… for category S3 …") and the document states one minimum
for it (a lower limit in a unit other than %, whose parameter, conditions or text name the category as a word), or,
without a category, when the document states a single minimum intensity in the axis. Ambiguous: left as %. A cell
of 100 % is the minimum itself and is left to it. The cell keeps its value (%); `normalized` carries the intensity.
"""

from __future__ import annotations

import logging
import re

from zmdocs.model import Indicator

log = logging.getLogger(__name__)

_SHARE = re.compile(r"(?i)\b(?:percentage|per\s?cent|%)\s+of\s+the\s+(?:minimum|min\.)\b(?:[^.;]{0,60}?\baxis\b)?")
_CATEGORY = re.compile(r"\bcategor(?:y|ies)\s+([A-Z][A-Za-z0-9]{0,4})\b")
_MINIMUM = re.compile(r"(?i)\bmin(?:imum|\.)?\b")


def share_of_minimum(caption: str) -> str | None:
    """The lamp category whose minimum the grid's percentages are of ("" when unnamed), else None (not shares)."""
    if not _SHARE.search(caption or ""):
        return None
    m = _CATEGORY.search(caption)
    return m.group(1) if m else ""


def _minimum(inds: list[Indicator], category: str) -> Indicator | None:
    """The one minimum (a lower limit, not in %) stated for `category`, or the single minimum in the axis; else None."""
    said = re.compile(rf"(?<![\w-]){re.escape(category)}(?![\w-])") if category else None
    found = []
    for i in inds:
        if i.comparator not in (">=", ">") or (i.unit or "").strip() in ("", "%") or not isinstance(i.value, (int, float)):
            continue
        if getattr(i, "_share_of", None) is not None or not _MINIMUM.search(i.parameter or ""):
            continue
        where = " ".join([i.parameter or "", *i.conditions])
        if said is not None and not said.search(where):
            continue
        found.append(i)
    values = {(float(i.value), i.unit) for i in found}
    return found[0] if len(values) == 1 else None


def resolve_shares(inds: list[Indicator]) -> None:
    """Give every share-of-minimum grid cell the intensity it stands for (`normalized`, in the minimum's unit)."""
    cache: dict[str, Indicator | None] = {}
    for i in inds:
        cat = getattr(i, "_share_of", None)
        if cat is None or not isinstance(i.value, (int, float)) or float(i.value) == 100.0:
            continue
        if cat not in cache:
            cache[cat] = _minimum(inds, cat)
        base = cache[cat]
        n = base.normalized if base is not None else None
        if n is None or n.get("unit") is None or not isinstance(n.get("value"), (int, float)):
            continue
        i.normalized = {"value": n.get("value") * float(i.value) / 100.0, "min": None, "max": None, "unit": n.get("unit")}
        log.debug("%s: %s %% of the minimum %s %s", i.clause, i.value, base.value, base.unit)
