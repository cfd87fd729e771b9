"""German numbered lists under a limit lead-in, and unit-only header cells repeated in a flattened table.

    …, wenn nachfolgende Grenzwerte nicht überschritten werden:     1. Staub: höchstens 0,15 Gramm je Kubikmeter,
    1. Staub: 0,15 Gramm je Kubikmeter,                          →  2. Kohlenmonoxid: höchstens 4 Gramm je Kubikmeter.
    2. Kohlenmonoxid: 4 Gramm je Kubikmeter.

German ordinances number the items of such a list "1.", "2." or "a)" and write each as "<Stoff>: <Wert>";
the bound lives in the lead-in only ("Grenzwerte … nicht überschritten werden", "… darf … nicht
überschreiten", "folgende Mindestwerte … nicht unterschritten werden"). Each item without a bound of its
own gets the lead-in's one as a word (höchstens / mindestens) so the prose rules read it.
"""

from __future__ import annotations

import re

# "… wenn nachfolgende Grenzwerte nicht überschritten werden:", "… dürfen folgende Werte nicht überschreiten:"
_UPPER = re.compile(
    r"(?i)(?:(?:nach)?folgenden?|nachstehenden?|diese)\s+(?:\w*grenzwerte|Höchstwerte|Werte)\b[^:]{0,80}?"
    r"nicht\s+(?:überschritten\s+werden|überschreiten)\s*:\s*$"
    r"|(?:nach)?folgenden?\s+(?:\w*grenzwerte|Höchstwerte)\s*(?:einzuhalten|einhalten|eingehalten\s+werden)?\s*:\s*$")
# "… müssen folgende Mindestwerte erreichen:", "… dürfen folgende Werte nicht unterschreiten:"
_LOWER = re.compile(
    r"(?i)(?:(?:nach)?folgenden?|nachstehenden?)\s+(?:Mindestwerte|Werte)\b[^:]{0,80}?"
    r"(?:nicht\s+(?:unterschritten\s+werden|unterschreiten)|erreich\w*|einhalten)\s*:\s*$"
    r"|(?:nach)?folgenden?\s+Mindestwerte\s*:\s*$")
_ITEM = re.compile(r"^(?P<mark>\d{1,2}\.|[a-z]\)|[-–•])\s+(?P<label>[^:;]{1,80}?):\s*(?P<value>[-+±]?\d.*)$")
# a bound of the item's own: the item is left as written
_OWN = re.compile(r"(?i)[<>≤≥±]|\b(?:höchstens|mindestens|maximal|minimal|bis\s+zu|weniger|mehr|unter|über|kleiner|größer|nicht)\b")


def restate_de_lists(text: str) -> str:
    """`text` with the "<label>: <value>" items of a numbered list under a German limit lead-in given its bound word."""
    if not re.search(r":\s*\n", text or ""):
        return text
    out: list[str] = []
    word = ""
    for ln in text.split("\n"):
        m = _ITEM.match(ln.strip()) if word else None
        if m:
            if not _OWN.search(m.group("value")):
                ln = f"{m.group('mark')} {m.group('label')}: {word} {m.group('value')}"
            out.append(ln)
            continue
        word = "höchstens" if _UPPER.search(ln) else "mindestens" if _LOWER.search(ln) else ""
        out.append(ln)
    return "\n".join(out)


# "Staub [g/m 3 ]", "CO (mg/m 3)": a header cell whose only number is the lost superscript inside its unit bracket
_UNIT_ONLY_CELL = re.compile(r"^[^\d\[\](){}]*[\[(][^\[\]()]*\d[^\[\]()]*[\])]\s*$")


def drop_unit_header_cells(inds: list) -> list:
    """Table indicators read off a cell that is only a name and a unit bracket (a header row repeated in the body)."""
    return [i for i in inds
            if not ((getattr(i, "origin", None) or {}).get("type") == "table" and _UNIT_ONLY_CELL.match(i.text or ""))]


# "2 Meter und 30 Zentimeter": one length written in two units
_COMPOUND = re.compile(r"(?<![\d.,])(\d{1,3})\s+Metern?\s+und\s+(\d{1,2})\s+Zentimetern?\b")


def compound_lengths(text: str) -> str:
    """German `text` with a length in metres and centimetres written as one decimal length in metres ("2,3 Meter")."""
    def one(m: re.Match) -> str:
        return f"{int(m.group(1)) + int(m.group(2)) / 100:g} Meter".replace(".", ",")
    return _COMPOUND.sub(one, text)


def drop_carried_cells(t, found: list) -> list:
    """Table indicators without the values a flattened nested list carried down into a sub-table's header rows.

    A body row holding a header cell again ("Staub [g/m 3 ]"), and a text row right above it, start a sub-table;
    a value cell in them that repeats the cell above is the layout's copy, not a value of that row."""
    header = {c.strip() for r in t.header for c in r if re.search(r"[^\W\d_]{2}", c)}  # names, not values
    again = {i for i in range(t.header_rows, len(t.rows)) if any(c.strip() in header for c in t.rows[i])}
    heads = set(again)
    for i in again:  # "Brennstoff nach … in kW" over the repeated "Staub [g/m 3 ]": the sub-table's first header line
        cols = {j for j, c in enumerate(t.rows[i]) if c.strip() in header}
        if i - 1 >= t.header_rows and any(j < len(t.rows[i - 1]) and not re.search(r"\d", t.rows[i - 1][j].split("§")[0])
                                          for j in cols):
            heads.add(i - 1)
    carried: set[tuple[int, int]] = set()
    for i in heads:
        row, above = t.rows[i], t.rows[i - 1] if i > 0 else []
        carried |= {(i, j) for j, c in enumerate(row) if j < len(above) and c.strip() and c == above[j] and re.search(r"\d", c)}
    return [x for x in found if ((x.origin or {}).get("row"), (x.origin or {}).get("col")) not in carried]
