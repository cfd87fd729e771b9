"""Terms of a formula in zh algorithm text (cipher and hash specifications, OCR'd scans of them).

"X(i+4) = F(X(i), X(i+1), X(i+2), X(i+3), rk(i))", "K(i+1) ⊕ K(i+2)", "B <<< 10": the numbers of an index, a shift
or an operand next to operator signs are no quantities, and a single Latin letter after one ("K+1 K") is a
variable, not a unit (kelvin, ampere). An OCR'd ⊕ often reads as a circled digit (①, ④) between operands.
"""

from __future__ import annotations

import re

# operator signs, a rotation, "mod", a variable plus N ("K+1", "x +3"; not "V-1", a designation), a circled digit
# between operands
_SIGN = re.compile(r"[⊕⊗∈⋘⋙≪≫]|<\s?<\s?<|>\s?>\s?>|\bmod\b|[A-Za-z]\s?\+\s?\d|[A-Za-z)）。]\s?[①-⑩]|[①-⑩]\s?[A-Za-z(（]")
_WINDOW = 12


def formula_terms(t: str, sq: list) -> None:
    """Drop the unitless (or single-letter-unit) quantities of one zh segment that sit among a formula's signs."""
    for q in sq:
        if q.role == "drop" or q.kind not in ("one", "rng") or len(q.unit) > 1 or q.unit and not q.unit.isascii():
            continue
        a, b = max(0, q.start - _WINDOW), min(len(t), q.end + _WINDOW)
        if _SIGN.search(t, a, b):
            q.role = "drop"
