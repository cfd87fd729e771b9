"""Tables printed as alternating key and value rows: "n | 2 | 3 | …" over "k | 0.973 | 0.613 | …", repeated.

Statistical-factor and sample-size tables are often set sideways to save space: the first column names a
symbol per row, the rows alternate between the independent variable (a row of plain numbers, the key)
and the quantity it determines. Each value cell then holds for the key printed above it in the same
column ("n = 2"), which no header row states.
"""

from __future__ import annotations

import re

from zmdocs.text.width import fold_chars as fold

_NUMBER = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*$")
_SYMBOL = re.compile(r"^\s*[^\W\d_][\w.()]{0,5}\s*$")  # a short row label: "n", "k", "t(s)"


def key_value_rows(rows: list[list[str]]) -> list[tuple[int, int, str, str]]:
    """(row index, column, value text, condition "n = 2") per value cell of an alternating key/value table, else []."""
    if len(rows) < 2 or len(rows) % 2:
        return []
    labels = [fold(r[0]).strip() if r else "" for r in rows]
    key, val = labels[0], labels[1]
    if key == val or not (_SYMBOL.match(key) and _SYMBOL.match(val)):
        return []
    if any(labels[i] != (key if i % 2 == 0 else val) for i in range(len(rows))):
        return []
    out: list[tuple[int, int, str, str]] = []
    for i in range(0, len(rows), 2):
        keys, values = rows[i][1:], rows[i + 1][1:]
        filled = [(j, fold(k).strip(), fold(v).strip()) for j, (k, v) in enumerate(zip(keys, values, strict=False), start=1)
                  if k.strip() or v.strip()]
        if not filled or not all(_NUMBER.match(k) and _NUMBER.match(v) for _, k, v in filled):
            return []
        out.extend((i + 1, j, v, f"{key} = {k}") for j, k, v in filled)
    return out
