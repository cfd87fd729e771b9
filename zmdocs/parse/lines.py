"""Join kind="line" blocks (PDF lines, hard-wrapped text) into paragraphs.

A line starts a new paragraph when it starts with a structural cue (clause number, annex, list
item, note, caption, standard number in a reference list, preliminary title), when the previous
line did not reach the right margin (the first word of this line would have fitted there), or
when it is indented after a line ending a sentence. A page boundary alone never splits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.parse.blocks import Block
from zmdocs.parse.numbering import (
    ANNEX_RE,
    CLAUSE_RE,
    FIGURE_CAPTION_RE,
    LIST_RE,
    NOTE_RE,
    TABLE_CAPTION_RE,
    TOC_HEAD_RE,
    annex_type,
    prelim_number,
)
from zmdocs.textnorm import join_lines, normalize

_SENT_END = tuple("。；！？.;!?:：")
_STDREF_START = re.compile(r"^(?:GB|GB/T|GB/Z|[A-Z]{2}/T|T/[A-Z]+|DB\d+|ISO|IEC|EN|DIN|ASTM|UL|JIS|BS|NF|ANSI|CISPR|IEEE)[\s/]*[A-Z]?\s?\d")


@dataclass
class Para:
    """A paragraph or table in reading order, with its page span."""

    kind: str  # "para" | "table"
    text: str = ""
    page: int | None = None
    page_end: int | None = None
    style: str = ""
    number: str = ""
    rows: list[list[str]] | None = None
    header_rows: int = 1
    meta: dict = field(default_factory=dict)


def width(s: str) -> int:
    """Display width: CJK and full-width characters count 2."""
    return sum(2 if ord(c) > 0x2e80 else 1 for c in s)


def starts_structure(text: str) -> bool:
    """Does this line open a new paragraph whatever the layout (number, list, note, caption…)?"""
    t = text.strip()
    if not t:
        return False
    if CLAUSE_RE.match(t) or ANNEX_RE.match(t) or annex_type(t) or TOC_HEAD_RE.match(t.replace(" ", "")):
        return True
    if LIST_RE.match(t) or NOTE_RE.match(t) or TABLE_CAPTION_RE.match(t) or FIGURE_CAPTION_RE.match(t):
        return True
    if prelim_number(t) or _STDREF_START.match(t):
        return True
    return False


def _text_wrap_width(lines: list[Block]) -> int | None:
    """The wrap width of a hard-wrapped text file, or None when each line is a paragraph."""
    ws = sorted(width(b.text.strip()) for b in lines if b.text.strip())
    if len(ws) < 8:
        return None
    p90 = ws[int(len(ws) * 0.9)]
    band = sum(1 for w in ws if 0.85 * p90 <= w <= p90 * 1.05)
    return p90 if p90 >= 30 and band >= 0.3 * len(ws) else None


def _page_margins(lines: list[Block]) -> dict:
    """Per page: (left margin, right margin) from the x0/x1 of its lines."""
    by_page: dict = {}
    for b in lines:
        m = b.meta
        if "x0" in m and "x1" in m:
            by_page.setdefault(b.page, []).append((m["x0"], m["x1"]))
    out = {}
    for page, xs in by_page.items():
        x0s = sorted(x for x, _ in xs)
        x1s = sorted(x for _, x in xs)
        left = x0s[len(x0s) // 10] if x0s else 0.0
        right = x1s[int(len(x1s) * 0.9)] if x1s else 0.0
        out[page] = (left, right)
    return out


def _char_w(b: Block) -> float:
    m = b.meta
    w = width(b.text.strip())
    if w and "x0" in m and "x1" in m and m["x1"] > m["x0"]:
        return (m["x1"] - m["x0"]) / w
    return float(m.get("size", 10.0)) / 2


def _first_word(t: str) -> str:
    t = t.strip()
    if not t:
        return ""
    if ord(t[0]) > 0x2e80:
        return t[0]
    m = re.match(r"\S+", t)
    return m.group(0) if m else t[:1]


def _breaks(prev: Block, cur: Block, margins: dict, wrap: int | None) -> bool:
    """Does `cur` start a new paragraph after `prev`?"""
    pt, ct = prev.text.strip(), cur.text.strip()
    if starts_structure(ct):
        return True
    if starts_structure(pt) and _heading_only(pt):
        return True
    pm, cm = prev.meta, cur.meta
    if cm.get("blank_before") and cur.page == prev.page:
        return True
    if "x0" in pm and "x1" in pm and "x0" in cm and prev.page in margins:
        left, right = margins[prev.page]
        cw = _char_w(prev)
        room = right - pm["x1"]
        need = width(_first_word(ct)) * _char_w(cur) + cw
        if room > need + cw:
            return True
        cl, _ = margins.get(cur.page, (left, right))
        if cm["x0"] - cl > 1.5 * cw and pt.endswith(_SENT_END):
            return True
        return False
    if wrap:
        room = wrap - width(pt)
        if room > width(_first_word(ct)) + 2:
            return True
        if cm.get("indent", 0) >= 2 and pt.endswith(_SENT_END):
            return True
        return False
    return True  # no geometry and no wrapping: each line is a paragraph


def _heading_only(t: str) -> bool:
    """A short numbered heading line (no sentence end), after which text starts a new paragraph."""
    m = CLAUSE_RE.match(t)
    if m:
        rest = m.group("rest").strip()
        return len(rest) <= 60 and not rest.endswith(_SENT_END)
    return bool(ANNEX_RE.match(t) or annex_type(t) or prelim_number(t) or TOC_HEAD_RE.match(t.replace(" ", "")))


def to_paragraphs(blocks: list[Block]) -> list[Para]:
    """Turn a Block stream into paragraphs and tables; line blocks are joined, para blocks kept."""
    lines = [b for b in blocks if b.kind == "line"]
    margins = _page_margins(lines)
    wrap = None if margins else _text_wrap_width(lines)
    out: list[Para] = []
    cur: list[Block] = []

    def flush() -> None:
        if cur:
            text = normalize(join_lines([b.text for b in cur]))
            if text:
                out.append(Para("para", text, cur[0].page, cur[-1].page, meta={"lines": len(cur)}))
            cur.clear()

    for b in blocks:
        if b.kind == "table":
            flush()
            out.append(Para("table", "", b.page, b.page, rows=[[normalize(c or "") for c in r] for r in (b.rows or [])],
                            header_rows=b.header_rows, meta=dict(b.meta)))
        elif b.kind == "line":
            if not b.text.strip():
                continue
            if cur and _breaks(cur[-1], b, margins, wrap):
                flush()
            cur.append(b)
        else:
            flush()
            text = b.text
            if b.number and not text.strip().startswith(b.number):
                text = f"{b.number} {text}"
            for part in text.split("\n"):
                t = normalize(part)
                if t:
                    out.append(Para("para", t, b.page, b.page, style=b.style, number=b.number, meta=dict(b.meta)))
    flush()
    return out
