"""Kept for older imports: the report wording now lives in zmdocs/report/wording.py."""

from __future__ import annotations

from zmdocs.report.wording import *  # noqa: F401,F403
from zmdocs.report.wording import (  # noqa: F401
    TEXT,
    anchor,
    fmt_counterpart,
    fmt_margin,
    fmt_value,
    group_missing,
    key_label,
    key_source,
    reason,
    t,
)
