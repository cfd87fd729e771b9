"""Page geometry for the PDF reader: chars -> visual lines, and two-column reading order.

Pure Python over pdfplumber char dicts (keys text, x0, x1, top, bottom, size, upright), so one
pass over a page's chars gives the line stream; no pdfplumber text extraction is called.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from statistics import median

# Ligatures and presentation forms that pdfminer passes through as single code points.
LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u00ad": "",  # soft hyphen: invisible
})
CID_RE = re.compile(r"\(cid:\d+\)")
# A char's box, from its baseline and size alone: fonts' own ascent/descent values disagree wildly
# (SPC PDFs give Latin fonts boxes twice as tall as their CJK neighbours'), so rows built from
# them split one printed line into several. Both readers (pdfminer, PDFium) use these ratios.
ASCENT, DESCENT = 0.8, 0.2
BY_X0 = itemgetter("x0")  # sort key: a char's left edge


def text_direction(a: float, b: float) -> tuple[int, bool]:
    """Direction of a char from its matrix's first row (0 upright, 1 rotated 90° counter-clockwise,
    2 clockwise, 3 upside down) and whether it runs along an axis (a slanted watermark does not)."""
    direction = (0 if a > 0 else 3) if abs(b) <= abs(a) else (1 if b > 0 else 2)
    return direction, min(abs(a), abs(b)) <= 0.1 * max(abs(a), abs(b))


def baseline_box(base: float, size: float) -> tuple[float, float]:
    """(top, bottom) of an upright char whose baseline lies `base` points below the page top."""
    return base - ASCENT * size, base + DESCENT * size


def is_cjk(ch: str) -> bool:
    """True for Han, kana, hangul and CJK/full-width punctuation: no spaces are put between these."""
    if not ch:
        return False
    o = ord(ch[0])
    return (
        0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F or 0x20000 <= o <= 0x2FFFF
    )


@dataclass
class Line:
    """One visual line on a page, in PDF points with `top` measured from the page top."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    chars: int = 0
    column: int = 0  # 0 full width / single column, 1 left, 2 right
    extra: dict = field(default_factory=dict)


def clean_chars(chars: list[dict]) -> tuple[list[dict], int]:
    """Keep upright printable chars; drop (cid:x) garbage (counted) and map ligatures."""
    out: list[dict] = []
    cid = 0
    for c in chars:
        t = c.get("text", "")
        if not t:
            continue
        if "(cid:" in t:
            t2 = CID_RE.sub("", t)
            cid += 1
            if not t2.strip():
                continue
            t = t2
        if not c.get("upright", True):
            continue  # sideways text among upright text: margin notes, watermarks, licence stamps
        if len(t) == 1 and t in "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\u00ad":
            t = t.translate(LIGATURES)
            if not t:
                continue
        if t != c["text"]:
            c = dict(c, text=t)
        out.append(c)
    return out, cid


def group_rows(chars: list[dict]) -> list[list[dict]]:
    """Cluster chars into rows by vertical overlap.

    Rows are seeded by body-size chars only; then super/subscripts and big initials or logos
    join the row they overlap most, so a small raised "2" cannot start its own band and a big
    cover logo spanning two lines cannot weld them together.
    """
    if not chars:
        return []
    med = median([c["size"] for c in chars])
    lo, hi = 0.75 * med, 1.33 * med
    normal, odd = [], []
    for c in chars:
        (normal if lo <= c["size"] <= hi else odd).append(c)
    mids = [c["top"] + c["bottom"] for c in normal]  # twice the middle: the same order, no division
    items = [normal[i] for i in sorted(range(len(normal)), key=mids.__getitem__)]
    rows: list[list[dict]] = []
    bands: list[list[float]] = []
    last: list[dict] | None = None  # rows[-1], and its band
    lt = lb = 0.0
    for c in items:
        t, b = c["top"], c["bottom"]
        h = b - t if b - t >= 0.1 else 0.1
        if last is not None:  # the last row first: most chars join it
            hb = lb - lt
            if (b if b <= lb else lb) - (t if t >= lt else lt) >= 0.5 * (h if h <= hb else hb):
                last.append(c)
                if h >= 0.8 * hb:
                    lt, lb = (lt if lt <= t else t), (lb if lb >= b else b)
                    bands[-1] = [lt, lb]
                continue
        if _join_earlier(c, t, b, h, rows, bands):
            continue
        last, lt, lb = [c], t, b
        rows.append(last)
        bands.append([t, b])
    for c in sorted(odd, key=lambda c: -(c["bottom"] - c["top"])):  # big ones first: they seed their rows
        t, b = c["top"], c["bottom"]
        h = max(b - t, 0.1)
        best, best_ov = -1, 0.0
        for k, (bt, bb) in enumerate(bands):
            if bb <= t or bt >= b:
                continue  # no overlap: cannot beat best_ov >= 0
            ov = min(b, bb) - max(t, bt)
            if ov >= 0.5 * min(h, bb - bt) and ov > best_ov and h <= 2 * (bb - bt):  # not a logo over 2 lines
                best, best_ov = k, ov
        if best >= 0:
            rows[best].append(c)
        else:
            rows.append([c])
            bands.append([t, b])
    return rows


def _join_earlier(c: dict, t: float, b: float, h: float, rows: list[list[dict]], bands: list[list[float]]) -> bool:
    """Put c in one of the two rows before the last that it overlaps by half a height (group_rows)."""
    for k in range(len(rows) - 2, max(len(rows) - 4, -1), -1):
        bt, bb = bands[k]
        ov = (b if b <= bb else bb) - (t if t >= bt else bt)
        hb = bb - bt
        if ov >= 0.5 * (h if h <= hb else hb):
            rows[k].append(c)
            if h >= 0.8 * hb:
                bands[k] = [bt if bt <= t else t, bb if bb >= b else b]
            return True
    return False


_CJK_FIRST = "\u2e80"  # is_cjk is False below this code point: most chars skip the call


def join_chars(chars: list[dict]) -> str:
    """Text of x-sorted chars: spaces between Latin words by gap, none between CJK chars."""
    parts: list[str] = []
    have = False  # a char before this one (its text, box, size, last letter, CJK or not kept in locals)
    p_text = p_last = ""
    p_x0 = p_x1 = p_size = 0.0
    p_cjk = False
    pending_space = inferred = False  # a space char before this one; one PDFium inferred from spacing
    narrow: list[int] = []  # where a Latin gap of 0.1-0.2 em got no space (a word break in tight justified type?)
    touching = loose = 0  # Latin char pairs set edge to edge, and pairs with a small gap (0.02-0.1 em)
    cjk_line = False  # CJK type sets Latin words tight ("km/h", "ON"): no narrow gap is a space there
    for c in chars:
        t = c["text"]
        if t.isspace():
            if c.get("gen"):
                inferred = have
            else:
                pending_space = have
            continue
        b = t[0]
        cb = b >= _CJK_FIRST and is_cjk(b)  # one-char strings: is_cjk is False below _CJK_FIRST
        if have:
            x0 = c["x0"]
            if t == p_text and abs(x0 - p_x0) < 0.15 * max(p_size, 1.0):
                continue  # fake bold: the same glyph painted twice, slightly shifted
            gap = x0 - p_x1
            cs = c["size"]
            size = p_size if p_size < cs else cs  # max(min(c, prev), 1.0), inlined: this runs once per char
            if 1.0 > size:
                size = 1.0
            if p_cjk or cb:
                cjk_line = True
                if p_cjk and cb:
                    # justified CJK text spreads chars a little; a space char or an em-wide gap separates
                    need = pending_space or gap > 0.35 * size
                else:
                    need = pending_space or inferred or gap > 0.2 * size
                if need and not (p_cjk and unicodedata.category(p_last).startswith("P")) and not (
                    cb and unicodedata.category(b).startswith("P")
                ):
                    parts.append(" ")
            elif pending_space or inferred or gap > 0.2 * size:
                parts.append(" ")
            elif gap > 0.1 * size:
                if cs == p_size and p_last.isalnum() and b.isalnum() and not (p_last.isdigit() and b.isdigit()):
                    # letters of one size (not a leader dot, a subscript, the figures of a number)
                    narrow.append(len(parts))
            elif gap > 0.02 * size:
                loose += 1
            else:
                touching += 1
        parts.append(t)
        have = True
        p_text, p_x0, p_x1, p_size, p_last = t, c["x0"], c["x1"], c["size"], t[-1]
        p_cjk = cb if len(t) == 1 else (p_last >= _CJK_FIRST and is_cjk(p_last))
        pending_space = inferred = False
    if narrow and not cjk_line and _tight_words(touching, loose, len(narrow)):
        for i in reversed(narrow):
            parts.insert(i, " ")
    return "".join(parts).strip()


def _tight_words(touching: int, loose: int, narrow: int) -> bool:
    """A line squeezed by justification, its word spaces narrowed under 0.2 em: the letters touch
    (advance boxes edge to edge), no gap lies between that and the narrow word gaps, and there are
    fewer narrow gaps than letters (a letter-spaced line spreads every pair, so its gaps are loose)."""
    return touching >= 10 and loose <= touching // 50 and narrow < touching


_SUPER = str.maketrans("0123456789+-−–", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁻")


def _superscripts(chars: list[dict], size: float) -> list[dict]:
    """Small raised digits/signs become Unicode superscripts, so m2 stays m² and 10-3 stays 10⁻³."""
    small = 0.85 * size
    if min([c["size"] for c in chars]) >= small:
        return chars  # no small chars: nothing to raise (most lines)
    main_bottoms = [c["bottom"] for c in chars if c["size"] >= small and not c["text"].isspace()]
    if not main_bottoms or len(main_bottoms) == len(chars):
        return chars
    base = median(main_bottoms)
    out = []
    for c in chars:
        t = c["text"]
        if (c["size"] < 0.85 * size and c["bottom"] < base - 0.2 * size and len(t) == 1
                and t in "0123456789+-−–"):
            c = dict(c, text=t.translate(_SUPER))
        out.append(c)
    return out


def _second_word_x(chars: list[dict]) -> float | None:
    """x0 of a line's second word (where the text after a hanging clause number starts)."""
    prev = None
    for c in chars:
        if c["text"].isspace():
            continue
        if prev is not None and c["x0"] - prev["x1"] > 0.2 * max(min(c["size"], prev["size"]), 1.0):
            return c["x0"]
        prev = c
    return None


def make_line(chars: list[dict], column: int = 0) -> Line | None:
    sizes = [c["size"] for c in chars if not c["text"].isspace()] or [c["size"] for c in chars]
    size = median(sizes)
    text = join_chars(_superscripts(chars, size))
    if not text:
        return None
    # band of the main-size chars (ignore super/subscripts when measuring the line box)
    main = [c for c in chars if c["size"] >= 0.8 * size] or chars
    return Line(
        extra={"x2": _second_word_x(chars)},
        text=text,
        x0=min([c["x0"] for c in chars]),
        x1=max([c["x1"] for c in chars]),
        top=min([c["top"] for c in main]),
        bottom=max([c["bottom"] for c in main]),
        size=round(float(size), 2),
        chars=len(chars),
        column=column,
    )


def chars_to_lines(chars: list[dict], column: int = 0, rows: list[list[dict]] | None = None) -> list[Line]:
    """Rows of chars -> Lines (a row split at very wide gaps stays one line with a space)."""
    out: list[Line] = []
    for row in rows if rows is not None else group_rows(chars):
        line = make_line(sorted(row, key=BY_X0), column)
        if line is not None:
            out.append(line)
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


# --------------------------------------------------------------------------- columns
def _row_spans(row: list[dict]) -> list[tuple[float, float]]:
    """Horizontal extents of a row with word-sized gaps filled: text runs as one span each."""
    spans: list[tuple[float, float]] = []
    a = b = 0.0
    for c in sorted(row, key=BY_X0):
        x0, size = c["x0"], c["size"]
        if spans and x0 - b < 0.8 * (1.0 if 1.0 > size else size):
            x1 = c["x1"]
            if x1 > b:
                b = x1
        else:
            if spans:
                spans[-1] = (a, b)
            a, b = x0, c["x1"]
            spans.append((a, b))
    if spans:
        spans[-1] = (a, b)
    return spans


def _cover(rows: list[list[dict]], page_width: float) -> list[int]:
    """How many text runs of the rows cover each x (one bin per point)."""
    nbins = int(page_width) + 2
    starts = [0] * (nbins + 1)  # +1 where a span starts, -1 one past its end: summed into per-x cover
    for r in rows:
        for a, b in _row_spans(r):
            x0, x1 = max(int(a), 0), min(int(b) + 1, nbins)
            if x0 < x1:
                starts[x0] += 1
                starts[x1] -= 1
    return list(accumulate(starts[:nbins]))


def _widest_gap(cover: list[int], page_width: float, allowed: int, least: int = 6) -> tuple[float, float] | None:
    """The widest band in the middle 40 % of the page that at most `allowed` text runs cross."""
    lo, hi = int(0.3 * page_width), int(0.7 * page_width)
    best: tuple[int, int] | None = None
    start = None
    for x in range(lo, hi + 2):
        if x <= hi and cover[x] <= allowed:
            if start is None:
                start = x
        elif start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < least:
        return None
    return float(best[0]), float(best[1])


def _sparse_gutter(rows: list[list[dict]], page_width: float) -> tuple[float, float] | None:
    """The gutter of a page with only a few text rows (a figure page of a two-column text).

    Stricter than the full test: no row may cross, and at least two rows must hold text on both sides
    that runs up to the gutter from both sides (a caption, a key/value form or figure labels do not).
    """
    best = _widest_gap(_cover(rows, page_width), page_width, 0, 8)
    if best is None:
        return None
    g0, g1 = best
    width = g0 - min(c["x0"] for r in rows for c in r)
    both = 0
    for r in rows:
        left = [c for c in r if c["x1"] <= g0 + 1]
        right = [c for c in r if c["x0"] >= g1 - 1]
        if len(left) >= 10 and len(right) >= 10 and g0 - max(c["x1"] for c in left) < 0.2 * width \
                and min(c["x0"] for c in right) - g1 < 0.2 * width:
            both += 1
    return best if both >= 2 else None


def find_gutter(chars: list[dict], page_width: float, page_height: float,
                rows: list[list[dict]] | None = None) -> tuple[float, float] | None:
    """Find a vertical band near the middle that (almost) no text row crosses: a column gutter.

    `rows` (the page's rows from group_rows) saves grouping the chars a second time.
    """
    lo_y, hi_y = 0.06 * page_height, 0.94 * page_height
    if rows is None:
        rows = group_rows(chars)
    rows = [r2 for r2 in ([c for c in r if lo_y < c["top"] < hi_y and not c["text"].isspace()] for r in rows) if r2]
    body = [c for r in rows for c in r]
    if len(body) < 80 or len(rows) < 8:
        return _sparse_gutter(rows, page_width) if len(rows) >= 2 else None
    # a centred title or a short full-width intro may cross
    best = _widest_gap(_cover(rows, page_width), page_width, max(1, int(0.05 * len(rows))))
    if best is None:
        return None
    g0, g1 = best
    left = [c for c in body if c["x1"] <= g0 + 1]
    right = [c for c in body if c["x0"] >= g1 - 1]
    if len(left) < 0.25 * len(body) or len(right) < 0.25 * len(body):
        return None
    # Real columns are filled up to the gutter; a key/value layout leaves short keys far from it.
    left_rows = [r2 for r2 in ([c for c in r if c["x1"] <= g0 + 1] for r in rows) if r2]
    right_rows = [r2 for r2 in ([c for c in r if c["x0"] >= g1 - 1] for r in rows) if r2]
    if len(left_rows) < 4 or len(right_rows) < 4:
        return None
    left_x0 = min(c["x0"] for c in left)
    width = g0 - left_x0
    near = sum(1 for r in left_rows if g0 - max(c["x1"] for c in r) < 0.2 * width)
    if near < 0.4 * len(left_rows):
        return None
    return g0, g1


def _table_line(t, column: int) -> Line:
    x0, top, x1, bottom = t.bbox
    return Line(text="", x0=x0, x1=x1, top=top, bottom=bottom, size=0.0, column=column, extra={"table": t})


def page_lines(chars: list[dict], page_width: float, page_height: float, tables=()) -> list[Line]:
    """Lines (and table placeholders) of one page in reading order: top-down, or left column then right."""
    rows = group_rows(chars)
    gutter = find_gutter(chars, page_width, page_height, rows)
    if gutter is None:
        out = chars_to_lines(chars, 0, rows) + [_table_line(t, 0) for t in tables]
        out.sort(key=lambda ln: (ln.top, ln.x0))
        return out
    g0, g1 = gutter
    mid = (g0 + g1) / 2
    # running headers/footers in the margins stay full width so they keep their place at the ends
    margin = [c for c in chars if c["top"] < 0.06 * page_height or c["top"] > 0.94 * page_height]
    chars = [c for c in chars if 0.06 * page_height <= c["top"] <= 0.94 * page_height]
    left = [c for c in chars if (c["x0"] + c["x1"]) / 2 < mid]
    right = [c for c in chars if (c["x0"] + c["x1"]) / 2 >= mid]
    llines = chars_to_lines(left, 1)
    rlines = chars_to_lines(right, 2)
    # A line whose halves meet across the gutter with a word-sized gap is full width (a title).
    used_r: set[int] = set()
    merged: list[Line] = []
    for ln in llines:
        partner = None
        for j, rn in enumerate(rlines):
            if j in used_r:
                continue
            ov = min(ln.bottom, rn.bottom) - max(ln.top, rn.top)
            if ov > 0.5 * min(ln.bottom - ln.top, rn.bottom - rn.top) and rn.x0 - ln.x1 < 1.5 * max(ln.size, rn.size):
                partner = j
                break
        if partner is None:
            merged.append(ln)
            continue
        used_r.add(partner)
        rn = rlines[partner]
        row = [c for c in chars if min(ln.top, rn.top) - 1 <= (c["top"] + c["bottom"]) / 2 <= max(ln.bottom, rn.bottom) + 1
               and ln.x0 - 0.5 <= c["x0"] and c["x1"] <= rn.x1 + 0.5]
        full = make_line(sorted(row, key=BY_X0), 0)
        if full is not None:
            merged.append(full)
    merged.extend(rn for j, rn in enumerate(rlines) if j not in used_r)
    merged.extend(chars_to_lines(margin, 0))
    for t in tables:
        x0, _, x1, _ = t.bbox
        merged.append(_table_line(t, 1 if x1 <= mid + 2 else 2 if x0 >= mid - 2 else 0))
    # Reading order: full-width lines split the page into bands; in each band left then right.
    merged.sort(key=lambda ln: ln.top)
    out: list[Line] = []
    band: list[Line] = []
    for ln in merged:
        if ln.column == 0:
            out.extend(sorted(band, key=lambda b: (b.column, b.top)))
            band = []
            out.append(ln)
        else:
            band.append(ln)
    out.extend(sorted(band, key=lambda b: (b.column, b.top)))
    return out
