"""Plain-text and Markdown readers: decode robustly, emit Blocks for `structure.build_document`.

Plain text gives one kind="line" block per non-empty line (hard-wrapped standards are rejoined
by `structure`); a form feed starts a new page; a blank line before a line is recorded in
meta["blank_before"]. Markdown gives para blocks (ATX headings → heading text) and pipe tables.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from zmdocs.errors import ParseError
from zmdocs.parse.blocks import Block, RawDocument


def decode_bytes(data: bytes, path: str = "") -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; never raises on text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if data[:2000].count(b"\x00") > 10:
        # UTF-16 without BOM: guess the byte order from where the zeros are
        even = data[0:2000:2].count(b"\x00")
        odd = data[1:2000:2].count(b"\x00")
        enc = "utf-16-be" if even > odd else "utf-16-le"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 50):
            raise ParseError(path, "is not readable text (unknown encoding)", "save it as UTF-8") from None
        return text, "utf-8"


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ParseError(str(path), f"cannot be read ({e.strerror})", "check its permissions") from None
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and data[:4096].count(b"\x00") < 20:
        raise ParseError(str(path), "is binary, not text", "give a .txt, .md, .pdf or .docx standard")
    text, _ = decode_bytes(data, str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


_PAGE_NO = re.compile(r"^[\s\-–—·]*(?:\d{1,4}|[IVXLivxl\u2160-\u217f]{1,6})[\s\-–—·]*$|^(?:page|seite|第)\s*\d+\s*(?:页|of\s+\d+|von\s+\d+)?$", re.I)


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the top/bottom of most pages (running headers/footers) with digits masked."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        edge = [ln for ln in lines if ln.strip()]
        for ln in set(edge[:2] + edge[-2:]):
            key = re.sub(r"\d+", "#", ln.strip())
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n >= max(3, len(pages) // 2)}


def text_to_blocks(text: str) -> tuple[list[Block], int]:
    """Line blocks from plain text (form feed = page break); returns (blocks, pages).

    With form feeds (pdftotext output), running headers/footers and bare page numbers at the top
    or bottom of a page are dropped.
    """
    blocks: list[Block] = []
    page = 1
    blank = True
    pages = [chunk.split("\n") for chunk in text.split("\f")]
    running = _running_lines(pages)
    dropped: list[str] = []
    for raw_page_i, lines in enumerate(pages):
        if raw_page_i:
            page += 1
            blank = True
        nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
        edges = set(nonempty[:2] + nonempty[-2:]) if len(pages) > 1 else set()
        for i, line in enumerate(lines):
            if not line.strip():
                blank = True
                continue
            if i in edges and (_PAGE_NO.match(line.strip()) or re.sub(r"\d+", "#", line.strip()) in running):
                if not _PAGE_NO.match(line.strip()) and line.strip() not in dropped:
                    dropped.append(line.strip())
                continue
            indent = len(line) - len(line.lstrip(" \t\u3000"))
            blocks.append(Block(kind="line", text=line.rstrip(), page=page, meta={"blank_before": blank, "indent": indent}))
            blank = False
    if blocks and dropped:  # running headers carry the standard number: metadata may need it
        blocks[0].meta["running"] = dropped[:10]
    return blocks, page


def read_text(path: str | Path) -> RawDocument:
    """Read a plain-text standard (any common encoding) into line blocks."""
    p = Path(path)
    blocks, pages = text_to_blocks(_read(p))
    return RawDocument(blocks=blocks, pages=pages, format="text")


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s)]


def html_tables(html: str) -> list[Block]:
    """Table blocks from HTML `<table>` markup inside Markdown (colspan/rowspan resolved, `<thead>`/`<th>` rows as header)."""
    import lxml.html

    from zmdocs.parse.sts import _grid

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return [Block(kind="para", text=re.sub(r"<[^>]+>", " ", html).strip(), page=1)]
    out: list[Block] = []
    for t in root.iter("table"):
        rows, heads = _grid(t)
        if not any(r.tag == "thead" for r in t.iter()):  # no <thead>: leading rows of <th> cells are the header
            heads = 0
            for tr in t.iter("tr"):
                cells = [c for c in tr if c.tag in ("td", "th")]
                if cells and all(c.tag == "th" for c in cells):
                    heads += 1
                else:
                    break
        if rows:
            out.append(Block(kind="table", rows=rows, header_rows=max(heads, 1), page=1))
    return out


def _md_table_at(lines: list[str], i: int) -> tuple[list[Block], int] | None:
    """The blocks of an HTML, pipe or list table starting at line `i` and the line after it; None if none does."""
    ln = lines[i]
    if re.match(r"^\s*<table\b", ln, re.I):
        j = i
        while j < len(lines) and not re.search(r"</table\s*>", lines[j], re.I):
            j += 1
        return html_tables("\n".join(lines[i: j + 1])), j + 1
    if "|" in ln and i + 1 < len(lines) and _MD_TABLE_SEP.match(lines[i + 1]):
        rows = [_cells(ln)]
        i += 2
        while i < len(lines) and "|" in lines[i] and lines[i].strip():
            rows.append(_cells(lines[i]))
            i += 1
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        return [Block(kind="table", rows=rows, header_rows=1, page=1)], i
    if _MD_ROW_START.match(ln):
        tables, j = _list_table(lines, i)
        if tables:
            return tables, j
    return None


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|[a-z][.)]\s+|>\s?)")


def _list_item(ln: str) -> tuple[bool, str]:
    """A Markdown list line: (is an ordered "1." item, its text without the bullet or quote marker)."""
    return bool(re.match(r"^\s*\d+[.)]\s+", ln)), re.sub(r"^\s*(?:[-*+]\s+|>\s?)", "", ln).strip()


def markdown_to_blocks(text: str) -> list[Block]:
    """Para blocks from Markdown: headings, paragraphs (soft-wrapped lines joined), pipe tables, list items."""
    from zmdocs.text.normalize import join_lines

    front, text = _front_matter(text)
    lines = text.split("\n")
    blocks: list[Block] = []
    para: list[str] = []

    numbered_item = [False]  # the open paragraph is an ordered list item ("1.  text"), not a numbered heading
    bold = [False]  # the open paragraph starts in bold ("**1.** **Allgemeine Anforderungen**"): a title

    def flush() -> None:
        if para:
            meta = {"list_item": True} if numbered_item[0] else {"bold": True} if bold[0] else {}
            blocks.append(Block(kind="para", text=join_lines(para), page=1, meta=meta))
            para.clear()
        numbered_item[0] = bold[0] = False

    i, in_code = 0, False
    while i < len(lines):
        ln = lines[i]
        if ln.strip().startswith("```"):
            flush()
            in_code = not in_code
            i += 1
            continue
        if in_code:
            if ln.strip():
                blocks.append(Block(kind="para", text=ln.rstrip(), page=1))
            i += 1
            continue
        m = _MD_HEADING.match(ln)
        if m:
            flush()
            blocks.append(Block(kind="para", text=m.group(2).replace("**", "").strip(), page=1, style=f"Heading {len(m.group(1))}"))
            i += 1
            continue
        found = _md_table_at(lines, i)
        if found is not None:
            flush()
            tables, i = found
            blocks.extend(tables)
            continue
        if not ln.strip():
            flush()
        elif _LIST_ITEM.match(ln):
            flush()
            numbered_item[0], item = _list_item(ln)
            if item:
                para.append(item)
        else:
            if not para:
                bold[0] = ln.lstrip().startswith(("**", "__"))
            para.append(re.sub(r"\*\*|__", "", ln).strip())
        i += 1
    flush()
    if front and blocks:
        blocks[0].meta["doc_meta"] = front
    return blocks


_MD_ROW_START = re.compile(r"^ {0,4}[*+-]\s+[*+-](?=\s|$|\[\^)")  # "*    *   cell": an item whose content is an item (in a list item: indented)
_MD_CELL = re.compile(r"^\s{2,8}[*+-](?=\s|$|\[\^)")
_MD_FOOTREF = re.compile(r"\[\^[^\]\s]+\]")


def _list_table(lines: list[str], i: int) -> tuple[list[Block], int]:
    """Tables flattened into nested lists (one outer item per row, one inner item per cell), from line i.

    Converters of legal texts write a grid table as `*    *   cell` / `    *   cell` items; rows
    shorter than the header lost their leading (row-spanning) cells, which are carried down from the
    row above. Tables stacked in one run (each re-printing the head) come apart. Returns ([], i) when
    the run is not table-shaped.
    """
    rows: list[list[list[str]]] = []
    j = i
    blank = False
    base = len(lines[i]) - len(lines[i].lstrip(" "))  # a table inside a list item is indented as a whole
    while j < len(lines):
        ln = lines[j]
        indent = len(ln) - len(ln.lstrip(" \t"))
        row_start = indent == base and _MD_ROW_START.match(ln)  # deeper, "*   * 4" is a cell whose "≤" was lost
        if ln.strip() and blank and indent < 4 + base and not row_start and not _MD_CELL.match(ln):
            break  # "   **Teil II**" after a blank line: the text after the table, not a cell's next paragraph
        blank = not ln.strip()
        if row_start:
            rows.append([[_MD_FOOTREF.sub("", ln[_MD_ROW_START.match(ln).end():]).strip()]])
        elif _MD_CELL.match(ln) and rows:
            rows[-1].append([_MD_FOOTREF.sub("", ln[_MD_CELL.match(ln).end():]).strip()])
        elif ln.strip() and (ln[:1] in " \t" or _MD_FOOTREF.fullmatch(ln.strip())) and rows:
            rows[-1][-1].append(_MD_FOOTREF.sub("", ln).strip())  # a footnote mark alone on a line stays in its cell
        elif ln.strip():
            break
        j += 1
    grid = [[" ".join(x for x in cell if x) for cell in row] for row in rows]
    tables = [_grid_table(g) for g in _stacked(grid)]
    if None in tables:
        tables = [_grid_table(grid)]  # the blocks are no tables each: read the run as one, as it stands
    return ([t for t in tables if t is not None], j) if tables and None not in tables else ([], i)


def _stacked(grid: list[list[str]]) -> list[list[list[str]]]:
    """The tables of one run of rows: a row that repeats the first row's stub cell (its head printed
    again over the next block of rows) starts the next table."""
    stub = grid[0][0] if grid and grid[0] else ""
    starts = [0] + [k for k in range(1, len(grid)) if stub and grid[k] and grid[k][0] == stub]
    return [grid[a:b] for a, b in zip(starts, starts[1:] + [len(grid)], strict=False)]


def _grid_table(grid: list[list[str]]) -> Block | None:
    """One flattened table's Block (group head rows spread over their columns, spanned cells carried down)."""
    width = max((len(r) for r in grid), default=0)
    heads = 1
    if len(grid) > 2 and 1 < len(grid[0]) < width == len(grid[1]):
        grid[0], heads = _spread_group_row(grid[0], width), 2  # "Stufe 1 | Stufe 2" over pairs of columns
    elif len(grid) > 2 and 1 < len(grid[0]) < width and len(grid[1]) == width - 1 and len(grid[2]) == width:
        # a stub cell spanning two head rows over group labels and their sub-labels ("Brennstoff | Nr. 1 | Nr. 2"
        # over "Staub | Staub | CO"): the second row lost the stub, each group spans its sub-labels
        stub, spans = grid[0][0], _group_spans(grid[0][1:], grid[1])
        grid[0] = [stub] + [lab for lab, n in zip(grid[0][1:], spans, strict=True) for _ in range(n)]
        grid[1], heads = [stub, *grid[1]], 2
    if len(grid) < 2 or width < 2 or len(grid[0]) != width or sum(len(r) > 1 for r in grid) * 2 < len(grid):
        return None
    out = [grid[0]]
    for r in grid[1:]:
        out.append(out[-1][: width - len(r)] + r if len(r) < width else r)
    return Block(kind="table", rows=out, header_rows=heads, page=1, meta={"from_list": True})


def _group_spans(labels: list[str], subs: list[str]) -> list[int]:
    """How many sub-label columns each group label spans: a group never names one quantity twice, so a
    repeated sub-label starts the next group; when that does not give one run per label, even shares."""
    runs: list[list[str]] = [[]]
    for s in subs:
        if s in runs[-1]:
            runs.append([])
        runs[-1].append(s)
    if len(runs) == len(labels):
        return [len(r) for r in runs]
    base, extra = divmod(len(subs), len(labels))
    return [base + (k < extra) for k in range(len(labels))]


def _spread_group_row(row: list[str], width: int) -> list[str]:
    """A group-header row with fewer cells than the table: leading empty cells stay, each label spans an even share."""
    lead = next((k for k, c in enumerate(row) if c), len(row))
    labels = row[lead:]
    if not labels:
        return row + [""] * (width - len(row))
    base, extra = divmod(width - lead, len(labels))
    out = row[:lead]
    for k, lab in enumerate(labels):
        out += [lab] * (base + (k < extra))
    return out


_FRONT_KEYS = {"id": ("id", "jurabk", "standard", "number", "docnumber", "reference"),
               "title": ("title", "titel"), "published": ("date", "published", "ausfertigungsdatum")}


def _front_matter(text: str) -> tuple[dict, str]:
    """YAML-style front matter ("---" … "---" at the top) as document metadata, and the text after it."""
    m = re.match(r"^\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
    if not m:
        return {}, text
    kv: dict[str, str] = {}
    for ln in m.group(1).split("\n"):
        km = re.match(r"^([A-Za-z_\-]+)\s*:\s*(.+?)\s*$", ln)
        if km:
            kv[km.group(1).lower()] = km.group(2).strip("\"' ")
    out: dict = {}
    for field_, keys in _FRONT_KEYS.items():
        val = next((kv[k] for k in keys if kv.get(k)), "")
        if val and field_ == "title":
            from zmdocs.text.lang import detect_lang

            out["titles"] = {detect_lang(val, default="en"): val}
        elif val and (field_ != "published" or re.match(r"^(?:19|20)\d{2}-\d{2}-\d{2}$", val)):
            out[field_] = val
    return out, text[m.end():]


def read_markdown(path: str | Path) -> RawDocument:
    """Read a Markdown standard into para and table blocks."""
    p = Path(path)
    return RawDocument(blocks=markdown_to_blocks(_read(p)), pages=1, format="markdown")
