"""Tables (caption, header rows, footnotes, continuation), terms and normative references."""

from __future__ import annotations

import re

from zmdocs.model import Item, Term
from zmdocs.parse.numbering import NOTE_RE, TABLE_CAPTION_RE
from zmdocs.text.lang import cjk_ratio
from zmdocs.text.normalize import join_lines
from zmdocs.text.stdnum import find_standards

_FOOTNOTE_RE = re.compile(r"^(?:[a-z][\s\u3000)）]|[a-z]$|[ᵃᵇᶜᵈᵉ¹²³⁴⁵⁶⁷⁸⁹*†‡]|注\s*\d*\s*[：:]|NOTE\b|Note\b|ANMERKUNG\b|Anmerkung\b|[a-z]\)\s)")
_NUMERIC_CELL = re.compile(r"\d")


def caption_of(text: str) -> tuple[str, str, bool] | None:
    """(number, caption, continued) for a table caption paragraph like '表1 输入功率偏差' or 'Table 1 (continued)'."""
    t = text.strip()
    cm = re.match(r"^续\s*表\s*([A-Z]{0,2}\.?\d{1,3}(?:\.\d{1,3})?)(?![\d.])\s*(.*)$", t)
    if cm:  # "续表1" (older Chinese style for a continued table)
        return cm.group(1), cm.group(2).strip(), True
    m = TABLE_CAPTION_RE.match(t)
    if not m:
        return None
    num = (m.group("n1") or m.group("n2") or "").strip()
    cap = (m.group("cap") or "").strip()
    cont = bool(m.group("cont")) or bool(re.search(r"[（(]\s*(?:续|continued|fortgesetzt|suite)\s*[)）]\s*$", cap))
    cap = re.sub(r"\s*[（(]\s*(?:续|continued|fortgesetzt|suite)\s*[)）]\s*$", "", cap)
    if len(cap) > 120 or cap.endswith(("。", ".")) and len(cap) > 40:
        return None  # a sentence that starts with "表1…", not a caption
    return num, cap, cont


def is_footnote(text: str) -> bool:
    """A table footnote or table note line (a …, 注：…, NOTE …)."""
    return bool(_FOOTNOTE_RE.match(text.strip())) or bool(NOTE_RE.match(text.strip()))


def split_footnote_rows(rows: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Footnotes and notes set inside the table frame as its last row(s), one text spanning the width
    ("a 对…", "注：…"): they leave the body rows and become the table's footnotes (one per mark)."""
    notes: list[str] = []
    while len(rows) > 2:
        cells = {c.strip() for c in rows[-1] if c.strip()}
        text = next(iter(cells)) if len(cells) == 1 else ""
        if len(rows[-1]) < 2 or len(text) < 8 or not is_footnote(text):
            break
        notes[:0] = footnote_lines(text)
        rows = rows[:-1]
    return rows, notes


def footnote_lines(text: str) -> list[str]:
    """One footnote cell's footnotes: a line that starts a footnote ("b …") starts a new one, other lines
    are its wrapped continuation."""
    groups: list[list[str]] = []
    for ln in (x.strip() for x in text.split("\n")):
        if not ln:
            continue
        if not groups or is_footnote(ln) and len(ln) > 2:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return [f for g in groups for f in _split_marks(join_lines(g))]


def _split_marks(text: str) -> list[str]:
    """Footnotes run together in one line ("a 对…。 b 对…。"): split where a sentence ends and the next mark
    in sequence starts (a → b → c …)."""
    m = re.match(r"([a-y])\s", text)
    if not m:
        return [text]
    out, rest, mark = [], text, m.group(1)
    while k := re.search(rf"(?<=[。；;.])\s*(?={chr(ord(mark) + 1)}\s+\S)", rest):
        out.append(rest[: k.start()].strip())
        rest, mark = rest[k.end():], chr(ord(mark) + 1)
    return [*out, rest.strip()]


def header_rows(rows: list[list[str]], default: int = 1) -> int:
    """Header rows: the reader's count, extended while a row repeats a merged header cell from the row above.

    Merged cells are resolved by repeating their text, so a header cell spanning two rows shows up
    again in the second header row ('Insulation' / 'Insulation'); a body row never repeats a header cell.
    """
    if len(rows) < 2:
        return 1
    h = 1
    for i in range(1, min(4, len(rows) - 1)):
        above, row = rows[i - 1], rows[i]
        if any(c.strip() and j < len(above) and c == above[j] and not _is_value(c) for j, c in enumerate(row)):
            h = i + 1
        else:
            break
    return max(1, min(max(h, default), len(rows) - 1))


def is_value_cell(cell: str) -> bool:
    """A body value cell: digits with units/comparators, or a dash for 'none'."""
    return _is_value(cell)


def _is_value(cell: str) -> bool:
    """A body value cell: digits with units/comparators, or a dash for 'none'."""
    c = cell.strip()
    if c in ("—", "–", "-", "/", "×", "√", "✓", "○", "●"):
        return True
    if not _NUMERIC_CELL.search(c):
        return False
    letters = re.sub(r"(?:mA|µA|μA|kV|kW|MΩ|kΩ|kPa|MPa|Hz|dB|min|mm|cm|ml|mL|[AVWKsShLNgΩ℃°%])", "", c)
    return len(re.findall(r"[^\W\d_]", letters)) <= 2


def strip_caption_row(rows: list[list[str]]) -> tuple[str | None, list[list[str]]]:
    """A first row that repeats one caption across all cells (DOCX merged title row) is removed."""
    if rows and len({c for c in rows[0] if c}) == 1 and caption_of(rows[0][0]):
        return rows[0][0], rows[1:]
    return None, rows


def merge_continued(prev_rows: list[list[str]], prev_header: int, rows: list[list[str]]) -> list[list[str]]:
    """Append a continued table's rows, dropping a repeated header."""
    head = prev_rows[:prev_header]
    if head and rows[: len(head)] == head:
        rows = rows[len(head):]
    return prev_rows + rows


# --------------------------------------------------------------------------- terms

_SOURCE = re.compile(r"^\s*[\[［【]\s*(?:来源|SOURCE|QUELLE)\s*[:：].*$", re.I | re.M)
# a source cited after the term itself ("durability [VIML 5.15]", "fault [ISO 9000:2015, 3.6.2]"): not the term
_CITED_AFTER = re.compile(r"\s*[\[［]\s*[A-Z][A-Za-z/ ]{1,20}\s*[\d:.,\- ]*\d[^\]］]{0,12}[\]］]\s*$")


def split_term(heading: str, doc_lang: str) -> dict[str, str]:
    """'电热水壶 electric kettle' -> {'zh': '电热水壶', 'en': 'electric kettle'}; a lone Latin term gets the doc language."""
    h = _CITED_AFTER.sub("", heading).strip()
    if not h:
        return {}
    m = re.match(r"^([\u3400-\u9fff\uf900-\ufaff0-9A-Za-z（）()、/·\-\s]*?[\u3400-\u9fff\uf900-\ufaff）)][\u3400-\u9fff\uf900-\ufaff（）()、/·\-0-9]*)\s+([A-Za-zÀ-ÿ].*)$", h)
    if m and cjk_ratio(m.group(1)) > 0.5:
        return {"zh": m.group(1).strip(), "en": m.group(2).strip()}
    if cjk_ratio(h) > 0.5:
        return {"ja" if re.search(r"[\u3040-\u30ff]", h) else "zh": h}
    lang = doc_lang if doc_lang not in ("zh", "ja") else "en"
    return {lang: h}


def make_term(number: str, heading: str, text: str, clause_id: str, doc_lang: str) -> Term:
    """A Term from a terms-chapter clause: term line(s) in the heading, definition in the text."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    terms = split_term(heading, doc_lang)
    if not terms and lines:  # term on the first text line, maybe with its definition after a colon
        first = lines[0]
        m = re.match(r"^([^：:。]{1,60}?)\s*[：:]\s*(.+)$", first)
        if m:
            terms = split_term(m.group(1), doc_lang)
            lines = [m.group(2)] + lines[1:]
        else:
            terms = split_term(first, doc_lang)
            lines = lines[1:]
    defn = [ln for ln in lines if not NOTE_RE.match(ln) and not _SOURCE.match(ln)]
    return Term(number=number, terms=terms, definition="\n".join(defn).strip(), clause=clause_id)


# --------------------------------------------------------------------------- references


def references_in(text: str) -> list[str]:
    """Standard ids cited in a normative-references text, skipping ids in brackets (equivalents like '(IEC …, IDT)')."""
    out: list[str] = []
    depth = 0  # bracket depth carried across lines: an entry may wrap inside "（IEC …，IDT）"
    for line in text.split("\n"):
        pos = 0
        for r in find_standards(line):
            before = line[pos: r.span[0]]
            depth = max(0, depth + sum(before.count(c) for c in "(（") - sum(before.count(c) for c in ")）"))
            pos = r.span[0]
            if depth == 0 and r.id not in out:
                out.append(r.id)
        rest = line[pos:]
        depth = max(0, depth + sum(rest.count(c) for c in "(（") - sum(rest.count(c) for c in ")）"))
    return out


# --------------------------------------------------------------------------- list items

_ITEM = re.compile(r"^(?P<label>[a-z]\s*[)）]|[（(][a-z][)）]|\d{1,2}\s*[)）]|[（(]\d{1,2}[)）])\s*(?P<text>\S.*)$")


def list_items(text: str) -> list[Item]:
    """The list items ("a) …", "(b) …", "1) …") that start lines of a clause text, with their offsets."""
    out: list[Item] = []
    pos = 0
    for line in text.split("\n"):
        m = _ITEM.match(line.strip())
        if m:
            start = pos + line.find(m.group("label")[0])
            label = re.sub(r"\s+", "", m.group("label")).replace("（", "(").replace("）", ")")
            out.append(Item(label=label, text=m.group("text").strip(), start=start, end=pos + len(line)))
        pos += len(line) + 1
    return out
