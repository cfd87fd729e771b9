"""Benchmarking tiers of references (domestic, international, foreign, product).

Standard families and the tier of a family have one home, `zmdocs.text.stdnum`; this module adds the
product tier and the tier of a whole document.
"""

from __future__ import annotations

from zmdocs.text import stdnum

TIERS = ("domestic", "international", "foreign", "product")

# Their names in reports (国内标准, GB/行业/团体标准…) are report wording: zmdocs/data/wording.yaml.


def tier_of_family(family: str) -> str:
    """domestic | international | foreign | product for a family ('' when there is none); families come
    from `zmdocs.text.stdnum.family_of`, their tier from `zmdocs.text.stdnum.tier_of`."""
    f = (family or "").strip()
    if not f:
        return ""
    return "product" if f.upper() == "PRODUCT" else stdnum.tier_of(f)


def tier_of(doc) -> str:
    """The tier of a Document or ProductSpec (by its family, else its id); unknown ids count as foreign."""
    if getattr(doc, "tier", None) == "product":
        return "product"
    fam = getattr(doc, "family", "") or stdnum.family_of(getattr(doc, "id", "") or getattr(doc, "number", ""))
    return tier_of_family(fam) or "foreign"
