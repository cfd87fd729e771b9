"""What a page image tells beyond the OCR engine's lines: table rulings, and lone clause numbers.

A scanned page has no vector paths, so the table finder has nothing to work on: `rulings` finds the
long straight dark runs of the image (table rules, grid lines) and returns them as pdfplumber edges
in points, so OCR pages get their tables by the same finder as text pages. The text detector also
misses a lone short number standing left of a heading (`6` of `6 轮函数F`); `margin_numbers` reads
the inked gap left of a line's start by recognition alone and keeps it only if it is a clause number.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

DARK = 128  # grey level below which a pixel is ink
RULE_DARK = 170  # ... is part of a rule: a thin rule rendered at the OCR resolution is antialiased grey (~130)
MIN_H_RULE = 0.06  # shortest horizontal rule, share of the page width (longer than any dash or glyph stroke)
MIN_V_RULE = 28  # shortest vertical rule piece, pixels at the OCR resolution (a table row's height)
MIN_PIECE = 8  # pixels: the shortest run a skewed rule is stepped into that still counts
MAX_THICK = 6  # pixels: a rule is thin; thicker dark areas are pictures or bold glyphs
MIN_NUMBER_SCORE = 0.9
_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,4}|[A-Z](?:\.\d{1,2}){1,4})$")


def _runs(mask, axis: int) -> list[tuple[int, int, int]]:
    """Runs of True along `axis` (1: along rows, 0: along columns) as (line index, start, end)."""
    import numpy as np

    m = mask if axis == 1 else mask.T
    d = np.diff(np.pad(m, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    starts = np.argwhere(d == 1)
    ends = np.argwhere(d == -1)
    return [(int(r), int(a), int(b)) for (r, a), (_, b) in zip(starts, ends, strict=True)]


def _segments(runs: list[tuple[int, int, int]], min_len: int) -> list[tuple[int, int, int, int]]:
    """Runs in neighbouring lines merged into long thin segments: (first line, last line, start, end).

    A scanned rule is slightly skewed: it steps from one pixel line to the next, so runs that touch
    end to end on neighbouring lines join too; a segment may be as thick as MAX_THICK plus its skew (1 %).
    """
    segs: list[list[int]] = []
    for r, a, b in sorted(x for x in runs if x[2] - x[1] >= MIN_PIECE):
        for s in reversed(segs):
            if r - s[1] <= 2 and min(b, s[3]) - max(a, s[2]) >= -4:
                s[1], s[2], s[3] = r, min(a, s[2]), max(b, s[3])
                break
            if r - s[0] > 3 * MAX_THICK + 20:
                segs.append([r, r, a, b])  # segments this far back are closed
                break
        else:
            segs.append([r, r, a, b])
    return [tuple(s) for s in segs  # type: ignore[misc]
            if s[3] - s[2] >= min_len and s[1] - s[0] + 1 <= MAX_THICK + 0.01 * (s[3] - s[2])]


def rulings(image, scale: float) -> list[dict]:
    """Horizontal and vertical rules of a page image as pdfplumber edges (points, top from the page top)."""
    grey = image.mean(axis=2) if image.ndim == 3 else image
    dark = grey < RULE_DARK
    edges: list[dict] = []
    for r0, r1, a, b in _segments(_runs(dark, 1), max(int(MIN_H_RULE * dark.shape[1]), 20)):
        y = (r0 + r1 + 1) / 2 / scale
        edges.append(_edge(a / scale, b / scale, y, y, "h"))
    for c0, c1, a, b in _segments(_runs(dark, 0), MIN_V_RULE):
        x = (c0 + c1 + 1) / 2 / scale
        edges.append(_edge(x, x, a / scale, b / scale, "v"))
    return edges


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}


def margin_numbers(image, lines: list[tuple], read) -> list[tuple]:
    """OCR lines for clause numbers the detector missed: inked gaps left of a line, read by `read(crop)`.

    `lines` are the recogniser's [(box, text, score, char boxes)]; `read(crop) -> (text, score)`
    recognises one crop. Only gaps at the start of a row (no line to their left) are looked at.
    """
    if not lines:
        return []
    grey = image.mean(axis=2) if image.ndim == 3 else image
    spans = []
    for box, *_ in lines:
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        spans.append((min(xs), max(xs), min(ys), max(ys)))
    margin = min(s[0] for s in spans)
    out = []
    for k, (x0, _x1, top, bottom) in enumerate(spans):
        h = bottom - top
        if x0 - margin < 0.8 * h or h < 8:
            continue
        if any(j != k and s[0] < x0 - 2 and min(bottom, s[3]) - max(top, s[2]) > 0.3 * h for j, s in enumerate(spans)):
            continue  # another line lies left of it on this row
        r0, r1 = int(top), int(bottom) + 1
        c0, c1 = max(int(margin - 0.5 * h), 0), int(x0) - 1
        crop = grey[r0:r1, c0:c1]
        ink = crop < DARK
        if crop.size == 0 or ink.sum() < 10:
            continue
        cols = ink.any(axis=0).nonzero()[0]
        a, b = c0 + int(cols[0]), c0 + int(cols[-1]) + 1
        text, score = read(image[r0:r1, max(a - 4, 0):b + 4])
        text = "".join(str(text).split())
        if score >= MIN_NUMBER_SCORE and _NUMBER.match(text):
            quad = [[a, top], [b, top], [b, bottom], [a, bottom]]
            out.append((quad, text, float(score), None))
    return out
