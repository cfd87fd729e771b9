"""Rows of a specification table that stack several parameters in one row (the text layer joined their lines):
"Distillation: - initial boiling point - evaporated at 100 °C" | "°C per cent v/v" | "24 49.0" | "40 57.0".

A row is stacked when its unit cell lists two or more units and a value cell holds two or more tokens, each a
number or a placeholder ("-", "report", "balance"): the k-th token of each value cell has the k-th unit. A value
cell with fewer tokens than units (the last stacked line left empty) fills from the first line on.
"""

from __future__ import annotations

import re

from zmdocs.indicators.units import UNIT_PATTERN
from zmdocs.text.width import fold_chars as fold

# a percentage with its basis ("per cent v/v", "% m/m", "per cent mole"), read as one unit
_PERCENT = r"(?:%|per\s?cent|percent)(?:\s?(?:v/v|m/m|V/V|vol\.?|mass|mole?|\([mV]/[mV]\)))?(?![A-Za-z])"
_UNIT_TOKEN = re.compile(rf"{_PERCENT}|{UNIT_PATTERN}")
_NUMBER = re.compile(r"^[-−+]?\d[\d.,]*$")
_PLACEHOLDER = re.compile(r"(?i)^(?:[-–—−/]|report|balance|free|none|n/?a)$")
_ITEM_DASH = re.compile(r"(?:^|\s)[-–]\s+")  # "- initial boiling point - evaporated at 100 °C"


def unit_list(text: str) -> list[str]:
    """The units a unit cell lists, in order ("°C per cent v/v °C" -> three); [] when the cell is not just units."""
    t = fold(text or "").strip()
    out, at = [], 0
    for m in _UNIT_TOKEN.finditer(t):
        if t[at:m.start()].strip() or not m.group(0).strip():
            return []
        out.append(m.group(0).strip())
        at = m.end()
    return out if not t[at:].strip() else []


def cell_tokens(text: str) -> list[str]:
    """The whitespace-separated tokens of a value cell when each is a number or a placeholder, else []."""
    toks = fold(text or "").split()
    return toks if toks and all(_NUMBER.match(x) or _PLACEHOLDER.match(x) for x in toks) else []


def stack_depth(units: str, cells: list[str]) -> int:
    """How many parameters a row stacks: the number of units its unit cell lists when some value cell holds two
    or more tokens and none holds more tokens than there are units; 1 for an ordinary row."""
    n = len(unit_list(units))
    if n < 2:
        return 1
    counts = [len(cell_tokens(c)) for c in cells if fold(c or "").strip()]
    if not counts or max(counts) < 2 or max(counts) > n or 0 in counts:
        return 1
    return n


def split_cell(text: str, n: int) -> list[str]:
    """The n stacked values of a cell (missing last lines as "")."""
    toks = cell_tokens(text)
    return (toks + [""] * n)[:n]


def split_label(label: str, n: int) -> list[str]:
    """The n parameter names of a stacked label: "Distillation: - a - b" -> ["Distillation: a", "Distillation: b"];
    the whole label for each when its items cannot be told apart."""
    head, sep, rest = label.partition(":")
    prefix, body = (head.strip() + ": ", rest) if sep else ("", label)
    items = [x.strip() for x in _ITEM_DASH.split(" " + body.strip()) if x.strip()]
    if len(items) == n:
        return [prefix + x for x in items]
    return [label.strip()] * n
