"""JSON rendering of a comparison (the documented contract: verdict, tiers, indicators, missing, new)."""

from __future__ import annotations

from zmdocs.report import dumps


def render(result, lang: str = "zh") -> str:
    """The comparison as pretty JSON (UTF-8, not ASCII-escaped, never `Infinity`)."""
    return dumps(result.to_dict(lang), indent=2) + "\n"
