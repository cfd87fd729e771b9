"""Tables of a document's own history (a compilation's table of amendments, a revision record): informative.

Their numbers are years, clause and section numbers of amending instruments, never limits. Such a table is
told by its caption (`Table of Amendments`, 修订记录) or by at least two column headings that only a history
table has (`Clause affected`, `How affected`, `Amending instrument`, `Commencement date`, 修订日期, …)."""

from __future__ import annotations

import re

_CAPTION = re.compile(
    r"(?i)\btable\s+of\s+(?:amendments|instruments)\b|\bamendment\s+(?:history|record)s?\b|\brevision\s+(?:history|record)s?\b"
    r"|\bchange\s+(?:history|log)\b|修订(?:记录|历史|情况)|修改(?:记录|历史)|变更记录|Änderungs(?:historie|verzeichnis|übersicht)"
    r"|historique\s+des\s+(?:modifications|révisions)")
# column headings of a history table, each its own pattern: two different ones must be present
_COLUMNS = tuple(re.compile(p, re.I) for p in (
    r"\b(?:clauses?|sections?|provisions?|paragraphs?)\s+affected\b", r"\bhow\s+affected\b",
    r"\bamending\s+(?:instruments?|acts?|regulations?)\b", r"\bname\s+of\s+(?:the\s+)?instruments?\b",
    r"\b(?:registration|commencement|amendment|revision)\s+dates?\b", r"\bdates?\s+of\s+(?:amendment|revision|change)\b",
    r"(?:修订|修改)(?:日期|时间)", r"(?:修订|修改)(?:内容|人|说明)", r"Änderungsdatum", r"Änderungsgrund",
    r"\bdate\s+de\s+(?:modification|révision)\b"))


def is_history_table(caption: str, header: str) -> bool:
    """Whether a table with this caption and these headings (joined) records the document's amendments."""
    if _CAPTION.search(caption or ""):
        return True
    return sum(1 for p in _COLUMNS if p.search(header or "")) >= 2
