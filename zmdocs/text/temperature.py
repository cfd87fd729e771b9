"""The temperature-rise rule: a temperature difference (温升, rise, Übertemperatur, échauffement) is in K,
also when written in °C, and temperature and temperature rise are one dimension when limits are paired.

Judging an absolute temperature against a rise needs an ambient; that rule is compare's
(`zmdocs.compare.strictness`), built on these.
"""

from __future__ import annotations

import re

RISE_RE = re.compile(r"rise|温升|升温|übertemperatur|erwärmung|échauffement|temperaturanstieg|delta", re.I)
# Canonical and written symbols of temperature and temperature difference.
TEMPERATURE_UNITS = frozenset({"°C", "K", "℃", "degC"})


def is_rise(*texts: str | None) -> bool:
    """Whether a key or parameter names a temperature difference (a rise), so °C counts as K."""
    return bool(RISE_RE.search(" ".join(t or "" for t in texts)))


def rise_unit(unit: str | None, rise: bool) -> str | None:
    """The canonical unit of a value: °C of a rise is K (a step of 1 °C is 1 K)."""
    return "K" if rise and unit in ("°C", "degC", "℃") else unit


def temperature_dimension(unit: str) -> str:
    """The pairing dimension of a canonical unit: K and °C are one ('°C'), any other unit is itself."""
    return "°C" if unit in TEMPERATURE_UNITS else unit
