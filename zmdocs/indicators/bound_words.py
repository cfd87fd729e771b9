"""Words of a table header or caption that imply a bound on the bare numbers under it (最大/限值/max -> <=,
最小/min -> >=). One home for the matrix reader (tables) and the limit-table rules (limit_tables)."""

from __future__ import annotations

import re

UPPER_HINT = re.compile(r"(?i)最大|最高|上限|upper\s+limit|不确定度|\buncertaint(?:y|ies)\b|限值|极限|不大于|不超过|≤|<=|maximum|\bmax\b|limit|höchst|grenzwert|parameterwert|nachweisgrenze|bestimmungsgrenze|prüfwert|parametric\s+values?|valeurs?\s+paramétriques?|maßnahmenwert|action\s+(?:value|level)|maximal|limite|maximale|允许值")
LOWER_HINT = re.compile(r"(?i)最小|最低|下限|lower\s+limit|覆盖率|\bcoverage\b|能力$|capability|\bresistance\b|不小于|不低于|≥|>=|minimum|(?<!\d)(?<!\d\s)\bmin\b(?!\s*\))|mindest|minimal|minimale|至少")


def bounded(text: str) -> bool:
    """Whether `text` names an upper or lower bound."""
    return bool(UPPER_HINT.search(text) or LOWER_HINT.search(text))
