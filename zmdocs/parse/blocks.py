"""The stream every format parser produces: paragraphs and tables in reading order.

Format parsers (PDF, DOCX, text) only turn a file into Blocks; `structure.build_document`
turns Blocks into the clause tree, so numbering, kinds, terms and provisions are found once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One unit in reading order.

    kind="para": a whole paragraph (DOCX, Markdown); kind="line": one visual line that may be
    a wrapped piece of a paragraph (PDF, hard-wrapped text) -- `structure` joins lines into
    paragraphs by numbering patterns and the geometry in `meta`; kind="table": a table.

    PDF lines carry meta {"x0", "x1", "top", "bottom", "page_width", "page_height",
    "size" (median font size, a hint only, never used for heading levels)}.

    A reader that removes running headers/footers may list their texts in
    `blocks[0].meta["running"]`; metadata uses them to name a standard whose cover lacks its number.
    """

    kind: str = "para"
    text: str = ""
    page: int | None = None
    # Hints a format may give; structure never relies on fonts, only on numbering.
    style: str = ""  # e.g. Word style name "Heading 2", "TOC 1", "Title"
    number: str = ""  # an auto-number Word renders but the text lacks ("5.2.1", "a)")
    rows: list[list[str]] | None = None  # table cells, merged cells resolved (text repeated)
    header_rows: int = 1
    meta: dict = field(default_factory=dict)


@dataclass
class RawDocument:
    """What a format parser returns: blocks plus file facts."""

    blocks: list[Block]
    pages: int = 0
    format: str = ""
    warnings: list[str] = field(default_factory=list)
    parallel: dict[str, list[Block]] = field(default_factory=dict)  # lang -> a translation printed beside the text
