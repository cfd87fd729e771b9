"""Join kind="line" blocks (PDF lines, hard-wrapped text) into paragraphs.

A line starts a new paragraph when it starts with a structural cue (clause number, annex, list
item, note, caption, standard number in a reference list, preliminary title), when the previous
line did not reach the right margin (the first word of this line would have fitted there), or
when it is indented after a line ending a sentence. A page boundary alone never splits.
In a law or regulation (≥3 line-initial articles, see `legal`) 第N条/Article N lines also start paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zmdocs.parse.blocks import Block
from zmdocs.parse.legal import detect as detect_legal
from zmdocs.parse.legal import parse_legal
from zmdocs.parse.numbering import (
    ANNEX_RE,
    FIGURE_CAPTION_RE,
    LIST_RE,
    NOTE_RE,
    TABLE_CAPTION_RE,
    TOC_HEAD_RE,
    TOC_LEADER_RE,
    TOC_LINE_RE,
    annex_type,
    continuation_start,
    is_heading_text,
    looks_like_value,
    parse_annex,
    parse_division,
    prelim_number,
)
from zmdocs.text.clausenum import CLAUSE_RE, deep_dotted, repair_ocr_number
from zmdocs.text.normalize import join_lines, normalize

_SENT_END = tuple("。；！？.;!?:：")
_FOOTNOTE_START = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")  # "¹ Example: …": a footnote set at the page foot


_PAGE_NO = re.compile(r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$")  # a page number sets no margin
_VALUE_START = re.compile(r"^[+\-±<>≤≥]?\d+(?:[.,]\d+)?\s*(?:mA|µA|μA|A|kV|V|kW|W|Hz|%|℃|°C|K|mm|cm|m|s|min|h|Ω|MΩ|kPa|MPa|Pa|dB|N|kg|g|L|mL)(?![A-Za-zÀ-ÿ])")


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
    return len(s) + sum(map("\u2e80".__lt__, s))  # one more for each char above U+2E80


def starts_structure(text: str) -> bool:
    """Does this line open a new paragraph whatever the layout (number, list, note, caption…)?"""
    t = text.strip()
    if not t:
        return False
    t = repair_ocr_number(t)
    m = CLAUSE_RE.match(t)
    if m:
        rest = m.group("rest")
        if continuation_start(rest) or looks_like_value(rest) and not deep_dotted(t):
            return False
        dotted = "." in m.group("num") or t[len(m.group("num")):][:1] == "."  # "9. Concise description:" (UNECE style)
        if not dotted and rest.strip() and not is_heading_text(rest):
            return False  # "220 伏特的器具，…" wrapped inside a sentence; a chapter title is short
    if m or ANNEX_RE.match(t) or annex_type(t) or TOC_HEAD_RE.match(t.replace(" ", "")):
        return True
    if (dv := parse_division(t)) and dv[1].isupper():  # "B. FUNCTION AND SCOPE" (see numbering.parse_division)
        return True
    if LIST_RE.match(t) or NOTE_RE.match(t) or TABLE_CAPTION_RE.match(t) or FIGURE_CAPTION_RE.match(t) or re.match(r"续\s*表\s*[A-Z]?\.?\d", t):
        return True
    if prelim_number(t):
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


def _edge(values: list[float], pick, share: float = 0.0) -> float | None:
    """The outermost x (min or max via `pick`) shared by at least two lines (within 2 pt), and by
    `share` of all lines when given: a text margin (a page number or a header sets none)."""
    buckets: dict[int, list[float]] = {}
    for v in values:
        buckets.setdefault(round(v / 2), []).append(v)
    need = max(2, int(share * len(values)))
    shared = [sum(vs) / len(vs) for vs in buckets.values() if len(vs) >= need]
    return pick(shared) if shared else None


def _line_margins(lines: list[Block]) -> dict[int, tuple[float, float]]:
    """For each line (by id): the (left, right) edges of its text column.

    A page is two-column when at least three lines start at one x right of the page middle and at
    least three end left of it; lines are then measured against their own column, full-width lines
    against the page. Left = leftmost x0 shared by two lines, right = the widest line's x1 (works
    for justified and ragged-right text alike).
    """
    by_page: dict = {}
    for b in lines:
        if "x0" in b.meta and "x1" in b.meta and not _PAGE_NO.match(b.text.strip()):
            by_page.setdefault(b.page, []).append(b)
    out: dict[int, tuple[float, float]] = {}
    all_x0 = [b.meta["x0"] for bs in by_page.values() for b in bs]
    g_left = _edge(all_x0, min, 0.03) if all_x0 else None
    all_x1 = [b.meta["x1"] for bs in by_page.values() for b in bs]
    g_right = _edge(all_x1, max, 0.03) if all_x1 else None
    for bs in by_page.values():
        x0s = [b.meta["x0"] for b in bs]
        left = _edge(x0s, min)
        if left is None or (g_left is not None and left > g_left + 40):
            left = g_left if g_left is not None else min(x0s)
        right = _edge([b.meta["x1"] for b in bs], max, 0.08) or max(b.meta["x1"] for b in bs)
        if g_right is not None and right < g_right - 40:
            right = g_right  # a page of short lines (cover, end of a chapter): the document's margin holds
        mid = (left + right) / 2
        rcol = [b for b in bs if b.meta["x0"] >= mid - 5]
        lcol = [b for b in bs if b.meta["x1"] <= mid + 5]
        r_start = _edge([b.meta["x0"] for b in rcol], min) if len(rcol) >= 3 else None
        two = r_start is not None and len(lcol) >= 3 and sum(abs(b.meta["x0"] - r_start) < 2 for b in rcol) >= 3
        groups = {"F": bs}
        if two:
            groups = {"L": lcol, "R": rcol, "F": [b for b in bs if b not in lcol and b not in rcol]}
        for key, members in groups.items():
            if not members:
                continue
            if key == "F":
                edges = (left, right)
            else:
                xs = [b.meta["x0"] for b in members]
                edges = (_edge(xs, min) or min(xs), max(b.meta["x1"] for b in members))
            for b in members:
                out[id(b)] = edges
    return out


def _char_w(b: Block) -> float:
    """The line's mean character width; never above 0.75 of its type size (a table row read as a line, its
    cells spread over the measure, is no line of giant type)."""
    m = b.meta
    w = width(b.text.strip())
    size = float(m.get("size") or 0)
    if w and "x0" in m and "x1" in m and m["x1"] > m["x0"]:
        cw = (m["x1"] - m["x0"]) / w
        return min(cw, 0.75 * size) if size >= 2 else cw
    return float(m.get("size", 10.0)) / 2


def _first_word(t: str) -> str:
    t = t.strip()
    if not t:
        return ""
    if ord(t[0]) > 0x2e80:
        return t[0]
    m = re.match(r"\S+", t)
    return m.group(0) if m else t[:1]


def _full_line(prev: Block, margins: dict, wrap: int | None) -> bool:
    """Did `prev` run to the right margin (so the sentence may go on in the next line)?"""
    pm = prev.meta
    if "x1" in pm and id(prev) in margins:
        return margins[id(prev)][1] - pm["x1"] < 2 * _char_w(prev)
    if wrap:
        return wrap - width(prev.text.strip()) <= 2
    return False


def _geometry_breaks(prev: Block, cur: Block, pt: str, ct: str, margins: dict) -> bool:
    """`_breaks` for lines with positions (PDF): indents, margins and the room left on the previous line."""
    pm, cm = prev.meta, cur.meta
    left, right = margins[id(prev)]
    cw = _char_w(prev)
    cl, cr = margins.get(id(cur), (left, right))
    ccw = _char_w(cur)
    full = right - pm["x1"] < 2 * cw
    if full and cm["x0"] > pm["x0"] - ccw and pm["x0"] - left < 6 * cw and not pt.endswith(_SENT_END):
        return False  # after a full line that ends mid-sentence, the same or a hanging indent goes on
    if cm["x0"] - cl > 2.5 * ccw:
        # a continuation line starts at the left margin; a line that does not is a new paragraph,
        # except inside a centred multi-line title whose previous line is nearly full width
        mid = (cl + cr) / 2
        centred = abs((cm["x0"] + cm["x1"]) / 2 - mid) < 3 * ccw and abs((pm["x0"] + pm["x1"]) / 2 - mid) < 3 * cw
        if not (centred and pm["x0"] - left > 1.5 * cw and pm["x1"] - pm["x0"] >= 0.75 * (right - left)):
            return True
    if pm["x0"] - left > 6 * cw:
        # the previous line was right-aligned or centred and short (cover lines, captions): it stands alone
        mid = (left + right) / 2
        centred = abs((pm["x0"] + pm["x1"]) / 2 - mid) < 3 * cw
        if not (centred and pm["x1"] - pm["x0"] >= 0.75 * (right - left)):
            return True
    room = right - pm["x1"]
    need = width(_first_word(ct)) * _char_w(cur) + cw
    if room > need + cw:
        return True
    if cm["x0"] - cl > 1.5 * cw and pt.endswith(_SENT_END):
        return True
    return False


def _wrap_breaks(pt: str, ct: str, cm: dict, wrap: int) -> bool:
    """`_breaks` for hard-wrapped plain text: the room left before the wrap column, and indents."""
    room = wrap - width(pt)
    if room > width(_first_word(ct)) + 2:
        return True
    if cm.get("indent", 0) >= 2 and pt.endswith(_SENT_END):
        return True
    return False


def _leading(lines: list[Block]) -> float | None:
    """The usual white gap between two lines of one paragraph, relative to the type size (PDF only)."""
    gaps = []
    for a, b in zip(lines, lines[1:], strict=False):
        am, bm = a.meta, b.meta
        size = float(am.get("size") or 0)
        if a.page == b.page and size >= 2 and "bottom" in am and "top" in bm:
            g = (bm["top"] - am["bottom"]) / size
            if -0.2 < g < 2.0:
                gaps.append(g)
    return sorted(gaps)[len(gaps) // 2] if len(gaps) >= 8 else None


def _spaced(prev: Block, cur: Block, lead: float | None) -> bool:
    """Is there paragraph spacing (clearly more white than the usual leading) between the two lines?"""
    pm, cm = prev.meta, cur.meta
    size = float(pm.get("size") or 0)
    if lead is None or prev.page != cur.page or size < 2 or "bottom" not in pm or "top" not in cm:
        return False
    return (cm["top"] - pm["bottom"]) / size > lead + 0.5


def _caption_title(prev: Block, cur: Block, pt: str, ct: str) -> bool:
    """A bare "Table 1" line with its title on the line below (Official Journal, UNECE): one caption."""
    from zmdocs.parse.elements import caption_of

    cap = caption_of(pt)
    if not cap or cap[1] or cap[2] or starts_structure(ct) or len(ct) > 120 or prev.page != cur.page:
        return False
    pm, cm = prev.meta, cur.meta
    size = float(pm.get("size") or 0)
    if size < 2 or "bottom" not in pm or "top" not in cm:
        return False  # no geometry (text files): the next line may as well be the table's first row
    return 0 <= cm["top"] - pm["bottom"] < 2.5 * size


def _hanging_heading_rest(prev: Block, cur: Block, pt: str, ct: str, margins: dict, lead: float | None) -> bool:
    """A numbered heading's second line set under its text, past the number ("5.7.2.6 Span stability:
    maximum …" + "(not applicable to …)"): short, visibly going on (a bracket, lower case, a dangling
    "and"), no sentence end, same leading; body text indented to the heading ("Each lamp must:-") is not."""
    pm, cm = prev.meta, cur.meta
    if "x2" not in pm or "x0" not in cm or prev.page != cur.page or id(prev) not in margins:
        return False
    if not CLAUSE_RE.match(pt) or not _heading_only(pt) or ct.endswith(_SENT_END) or _spaced(prev, cur, lead):
        return False
    if abs(cm["x0"] - pm["x2"]) > 0.6 * _char_w(cur) or cm["x0"] - margins[id(prev)][0] < 2 * _char_w(cur):
        return False
    goes_on = ct[:1].islower() or ct[:1] in "([（" or pt.endswith((",", "–", "-")) or \
        pt.rsplit(None, 1)[-1].lower() in {"and", "or", "of", "for", "the", "to", "in", "with", "on", "by", "a"} or \
        (_full_line(prev, margins, None) and len(ct.split()) <= 4)  # a title filling its narrow column wraps
    return goes_on and len(pt) + len(ct) <= 160 and not _full_line(cur, margins, None) and not starts_structure(ct)


def _breaks(prev: Block, cur: Block, margins: dict, wrap: int | None, legal: bool = False,
            lead: float | None = None) -> bool:
    """Does `cur` start a new paragraph after `prev`? (`legal`: 第N条/Article N lines start paragraphs too;
    `lead`: the document's usual leading, see `_leading`.)"""
    pt, ct = prev.text.strip(), cur.text.strip()
    ps, cs = float(prev.meta.get("size", 0) or 0), float(cur.meta.get("size", 0) or 0)
    if ps and cs and abs(ps - cs) > 1.5:
        return True  # a change of type size between two lines (title → subtitle, title → text) ends a paragraph
    if legal:
        ph = parse_legal(pt)
        if ph is not None and ph.unit != "article" and len(ph.rest) <= 40:
            return True  # "第一章 总则" / "CHAPTER I GENERAL PROVISIONS" stands alone
    if _caption_title(prev, cur, pt, ct):
        return False
    if _FOOTNOTE_START.match(ct) and (pt.endswith(_SENT_END) or _spaced(prev, cur, lead)):
        return True  # the page's footnote under the text that carries its mark
    if TOC_LEADER_RE.search(pt) and TOC_LINE_RE.search(pt):
        return True  # a contents entry, leaders and page number, ends its line (the next heading may follow it)
    if starts_structure(ct) or (legal and parse_legal(ct) is not None):
        if prev.page != cur.page and _bare_annex(ct):
            return True  # "Appendix A" alone at the top of a page opens it, whatever ended the page before
        if not pt.endswith(_SENT_END) and _full_line(prev, margins, wrap) and not _heading_only(pt) \
                and not prelim_number(ct) and not TOC_HEAD_RE.match(ct.replace(" ", "")) \
                and not _spaced(prev, cur, lead) and not _after_data_row(pt, ct):
            # "… Für die Prüfung nach" + "22.102 darf …", "(20 ±" + "5) °C", "given in" + "Table 1. The …":
            # a number or reference wrapped to the start of a line continues the sentence
            return False
        return True
    if _hanging_heading_rest(prev, cur, pt, ct, margins, lead):
        return False
    if starts_structure(pt) and _heading_only(pt):
        return not _sentence_goes_on(prev, pt, ct, margins)
    if ct[0] in "。，、；：！？）」』】》”’,;:)]" and not _heading_only(pt):
        return False  # closing punctuation never starts a paragraph (a CJK line broke before it)
    if not pt.endswith(_SENT_END) and _VALUE_START.match(ct) and not _heading_only(pt):
        return False  # "…不应大于" + "0.75 mA。": a value never starts a paragraph
    pm, cm = prev.meta, cur.meta
    if cm.get("blank_before") and cur.page == prev.page:
        return True
    if "x0" in pm and "x1" in pm and "x0" in cm and id(prev) in margins:
        return _geometry_breaks(prev, cur, pt, ct, margins)
    if wrap:
        return _wrap_breaks(pt, ct, cm, wrap)
    return True  # no geometry and no wrapping: each line is a paragraph


def _footnote_ends(cur: list[Block], b: Block) -> bool:
    """A footnote ("¹ …") ends at the foot of its page: the next page's first line is body text again."""
    return b.page != cur[-1].page and bool(_FOOTNOTE_START.match(cur[0].text.strip()))


def _bare_annex(t: str) -> bool:
    """A line that is only an annex label ("Appendix A", "Annex B (informative)"): no sentence runs on in it."""
    ax = parse_annex(t)
    return ax is not None and not ax[2]


def _sentence_goes_on(prev: Block, pt: str, ct: str, margins: dict) -> bool:
    """A short numbered line that fills its (narrow) column and goes on in lower case is the start of a
    sentence ("1.1 This procedure applies for undersea feature" + "names proposed by …"), not a heading."""
    if "x1" not in prev.meta or id(prev) not in margins or not ct[:1].islower() or pt.endswith((":", ";", ",")):
        return False
    return _full_line(prev, margins, None) and not starts_structure(ct)


def _after_data_row(pt: str, ct: str) -> bool:
    """A clause heading ("60.3.2. Colour of light") under a line without a single word of prose (a table row
    "10L 5L H 5R 10R" read as text): the number cannot be a reference wrapped out of a sentence."""
    m = CLAUSE_RE.match(ct)
    if not m or "." not in m.group("num") or not m.group("rest").strip()[:1].isupper():
        return False
    return not re.search(r"[a-zà-ÿ]{2,}|[\u3400-\u9fff]", pt)


def _heading_only(t: str) -> bool:
    """A short numbered heading line (no sentence end), after which text starts a new paragraph."""
    m = CLAUSE_RE.match(t)
    if m:
        rest = m.group("rest").strip()
        return len(rest) <= 60 and not rest.endswith(_SENT_END)
    ax = parse_annex(t)
    if ax and (ax[1] or not ax[2]):  # "Annex A", "附录A（规范性）…", not "Annex A of this document, …"
        return True
    return bool(annex_type(t) or prelim_number(t) or TOC_HEAD_RE.match(t.replace(" ", "")))


def _framed_text(b: Block, before: list[Para]) -> bool:
    """A one-column "table" without a caption above it is text in a frame (a boxed annex title, a boxed note)."""
    rows = [r for r in (b.rows or []) if any((c or "").strip() for c in r)]
    if not rows or any(len({(c or "").strip() for c in r if (c or "").strip()}) > 1 for r in rows):
        return False
    if len(rows[0]) > 1 and b.meta.get("source") == "docx":
        return False
    prev = next((p for p in reversed(before) if p.kind == "para"), None)
    return not (prev is not None and TABLE_CAPTION_RE.match(prev.text.strip()) and before[-1] is prev)


SMALL_TYPE = 0.8  # type under this share of the body size: figure labels, footnotes, never a heading


def _body_size(lines: list[Block]) -> float:
    """The document's body type size: the size most of the text is set in (0 without sizes)."""
    weight: dict[float, int] = {}
    for b in lines:
        size = float(b.meta.get("size") or 0)
        if size >= 2:
            weight[round(size, 1)] = weight.get(round(size, 1), 0) + len(b.text)
    return max(weight, key=lambda k: (weight[k], k)) if weight else 0.0


def _small(size, body: float) -> bool:
    return bool(body and size and 2 <= float(size) < SMALL_TYPE * body)


def to_paragraphs(blocks: list[Block]) -> list[Para]:
    """Turn a Block stream into paragraphs and tables; line blocks are joined, para blocks kept.

    Paragraphs set in small type (figure labels and callouts, footnotes) carry meta["small"]:
    the clause builder never opens a clause at them."""
    lines = [b for b in blocks if b.kind == "line"]
    body = _body_size(lines)
    lead = _leading(lines)
    margins = _line_margins(lines)
    wrap = None if margins else _text_wrap_width(lines)
    legal = detect_legal([b.text for b in lines]) is not None
    out: list[Para] = []
    cur: list[Block] = []

    def flush() -> None:
        if cur:
            text = normalize(join_lines([b.text for b in cur]))
            if text:
                meta = {"lines": len(cur), **({"small": True} if _small(cur[0].meta.get("size"), body) else {})}
                out.append(Para("para", text, cur[0].page, cur[-1].page, meta=meta))
            cur.clear()

    for b in blocks:
        if b.kind == "table" and _framed_text(b, out):
            flush()
            for row in b.rows or []:
                for part in dict.fromkeys(ln for c in row for ln in (c or "").split("\n")):
                    t = normalize(part)
                    if t:
                        small = {"small": True} if _small(b.meta.get("size"), body) else {}
                        out.append(Para("para", t, b.page, b.page, meta={"framed": True, **small}))
        elif b.kind == "table":
            flush()
            out.append(Para("table", "", b.page, b.page, rows=[[normalize(c or "") for c in r] for r in (b.rows or [])],
                            header_rows=b.header_rows, meta=dict(b.meta)))
        elif b.kind == "line":
            if not b.text.strip() or 0 < float(b.meta.get("size", 10) or 10) < 2:
                continue  # empty, or set in invisible type (under 2 pt)
            if cur and (_breaks(cur[-1], b, margins, wrap, legal, lead) or _footnote_ends(cur, b)):
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
