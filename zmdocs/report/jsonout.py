"""JSON rendering of a comparison (the documented contract: verdict, tiers, indicators, missing, new)."""

from __future__ import annotations

import json


def render(result, lang: str = "zh") -> str:
    """The comparison as pretty JSON (UTF-8, not ASCII-escaped)."""
    return json.dumps(result.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
