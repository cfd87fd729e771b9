"""Values a passage restates in a parenthesis: "filament lamps at 6.75 V, 13.5 V or 28.0 V … the flux found at the
voltage applied (6.75 V, 13.5 V or 28.0 V)" states each voltage once; the bracketed list only recalls them."""

from __future__ import annotations

import re

_JOINERS = re.compile(r"(?i)[\s,;]|\b(?:and|or|und|oder|et|ou|respectively|bzw\.)\b")


def drop_restated(t: str, qs: list, seen: set) -> list:
    """`qs` without the quantities of a parenthesis that holds only values the passage stated before (`seen`: the
    (value, unit) pairs scanned in earlier sentences); `seen` gains this sentence's values."""
    drop: set[int] = set()
    for k, q in enumerate(qs):
        if id(q) in drop or q.kind != "one" or not q.unit:
            continue
        open_at = t.rfind("(", 0, q.start)
        if open_at < 0 or t[open_at + 1:q.start].strip():
            continue
        close = t.find(")", q.end)
        inner = [r for r in qs[k:] if r.end <= close] if close > 0 else []
        rest = t[open_at + 1:close]
        for r in reversed(inner):
            rest = rest[:r.start - open_at - 1] + rest[r.end - open_at - 1:]
        if inner and not _JOINERS.sub("", rest) and all((r.value, r.unit) in seen for r in inner):
            drop.update(id(r) for r in inner)
    kept = [q for q in qs if id(q) not in drop]
    seen.update((q.value, q.unit) for q in kept if q.kind == "one" and q.unit)
    return kept
