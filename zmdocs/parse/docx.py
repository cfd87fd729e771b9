"""DOCX reader: the body XML in order -> para and table Blocks, with Word's auto-numbers rendered.

Paragraphs and tables are read in body order (content controls such as a TOC included,
section headers/footers ignored: they are running headers). Deleted revision text is skipped,
inserted text kept, hidden runs skipped, field results kept and field codes dropped. Page
numbers come from Word's last-rendered page breaks, or else from explicit breaks.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from zmdocs.errors import ParseError, docx_errors
from zmdocs.parse.blocks import Block, RawDocument
from zmdocs.parse.docx_numbering import Numbering, dotted_annex, q, wval
from zmdocs.parse.limits import bounded_span

log = logging.getLogger(__name__)

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RESAVE_HINT = "open and re-save it in Word (or LibreOffice) as .docx"
_SKIP = {q(t) for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "fldData", "footnoteReference",
                        "endnoteReference", "commentReference", "annotationRef", "tblPr", "trPr", "tcPr", "sectPr",
                        "delInstrText", "proofErr", "bookmarkStart", "bookmarkEnd")} | {f"{{{MC}}}Fallback"}
# Symbol-font private-use code points Word writes in w:sym for common technical signs.
_SYMBOL = {"F0B3": "≥", "F0A3": "≤", "F0B1": "±", "F0B4": "×", "F0B0": "°", "F06D": "μ", "F057": "Ω",
           "F0B9": "≠", "F0BB": "≈", "F0A5": "∞", "F0D6": "√", "F0B7": "•", "F0A7": "§", "F0E6": "(",
           "F02D": "−", "F0BE": "—", "F0AE": "→", "F044": "Δ", "F064": "δ", "F06C": "λ", "F070": "π"}
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _on(el, tag: str) -> bool:
    """A w: on/off property (e.g. vanish, tblHeader) is set and not switched off."""
    if el is None:
        return False
    c = el.find(q(tag))
    return c is not None and c.get(q("val"), "true") not in ("0", "false", "off")


class _Styles:
    """styleId -> name, basedOn, numPr, outline level; resolved through the basedOn chain."""

    def __init__(self, root) -> None:
        self.info: dict[str, dict] = {}
        self.default_para = ""
        if root is None:
            return
        for s in root.iter(q("style")):
            sid = s.get(q("styleId"))
            if not sid:
                continue
            ppr = s.find(q("pPr"))
            num = ppr.find(q("numPr")) if ppr is not None else None
            self.info[sid] = {
                "name": wval(s, "name") or sid,
                "based": wval(s, "basedOn"),
                "num": (wval(num, "numId"), wval(num, "ilvl")) if num is not None else None,
                "outline": wval(ppr, "outlineLvl") if ppr is not None else None,
                "break": _on(ppr, "pageBreakBefore"),
            }
            if s.get(q("type")) == "paragraph" and s.get(q("default")) in ("1", "true"):
                self.default_para = sid

    def name(self, sid: str) -> str:
        name = self.info.get(sid, {}).get("name", sid)
        # Word's built-in names are lower-case in styles.xml ("heading 1"); show them as Word does
        if name.startswith("toc "):
            return "TOC " + name[4:]
        return name[:1].upper() + name[1:] if name.startswith(("heading", "title", "caption")) else name

    def chain(self, sid: str):
        seen = set()
        while sid and sid in self.info and sid not in seen:
            seen.add(sid)
            yield sid, self.info[sid]
            sid = self.info[sid]["based"]

    def get(self, sid: str, key: str):
        for found, info in self.chain(sid):
            if info.get(key) is not None and info.get(key) is not False:
                return found, info[key]
        return None, None

    def numbering_styles(self) -> dict[str, str]:
        return {sid: i["num"][0] for sid, i in self.info.items() if i["num"] and i["num"][0]}


class _Reader:
    """Walks the body once, keeping numbering counters and the page counter in document order."""

    def __init__(self, styles: _Styles, numbering: Numbering, rendered_breaks: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.rendered = rendered_breaks
        self.page = 1
        self.blocks: list[Block] = []
        self.seen_content = False

    # ------------------------------------------------------------------ body
    def body(self, parent, out: list[Block]) -> None:
        for el in parent.iterchildren():
            tag = el.tag
            if tag == q("p"):
                self.paragraph(el, out)
            elif tag == q("tbl"):
                start = self.page
                rows, header = self.table(el)
                if rows and any(any(c.strip() for c in r) for r in rows):
                    out.append(Block(kind="table", rows=rows, header_rows=header, page=start))
                    self.seen_content = True
            elif tag in (q("sdt"), q("customXml"), q("sdtContent"), q("ins"), q("smartTag")):
                if tag == q("sdt") and _placeholder(el):
                    continue  # an unfilled content control shows prompt text such as "Click here…"
                inner = el.find(q("sdtContent")) if tag == q("sdt") else el
                if inner is not None:
                    self.body(inner, out)

    # ------------------------------------------------------------------ paragraph
    def paragraph(self, p, out: list[Block], in_table: bool = False) -> Block | None:
        ppr = p.find(q("pPr"))
        sid = wval(ppr, "pStyle") or self.styles.default_para
        if not self.rendered and self.seen_content and (_on(ppr, "pageBreakBefore") or self.styles.get(sid, "break")[1]):
            self.page += 1
        parts: list[str] = []
        boxes: list = []
        state = {"page_at_text": None}
        self._walk(p, parts, boxes, state)
        text = _clean("".join(parts))
        page = state["page_at_text"] or self.page
        number = self._number(ppr, sid)
        # a section break in this paragraph ends the section: the next one starts a new page
        sect = ppr.find(q("sectPr")) if ppr is not None else None
        if sect is not None and not self.rendered and wval(sect, "type") not in ("continuous",):
            self.page += 1
        block = None
        if text or number:
            if number and text.startswith(number):
                number = ""
            meta: dict = {}
            outline = wval(ppr, "outlineLvl") if ppr is not None else None
            if outline is None:
                outline = self.styles.get(sid, "outline")[1]
            if outline is not None and outline.isdigit() and int(outline) < 9:
                meta["outline_level"] = int(outline) + 1
            block = Block(kind="para", text=text, page=page, style=self.styles.name(sid) if sid else "",
                          number=number, meta=meta)
            if not in_table:
                out.append(block)
            self.seen_content = True
        for box in boxes:  # text boxes: their paragraphs follow the anchoring paragraph
            for bp in box.iter(q("p")):
                self.paragraph(bp, out, in_table)
        return block

    def _walk(self, el, parts: list[str], boxes: list, state: dict) -> None:
        for c in el.iterchildren():
            tag = c.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == q("r"):
                if _on(c.find(q("rPr")), "vanish"):
                    continue
                self._walk(c, parts, boxes, state)
            elif tag == q("t"):
                if c.text:
                    if state["page_at_text"] is None and c.text.strip():
                        state["page_at_text"] = self.page
                    parts.append(c.text)
            elif tag in (q("tab"), q("ptab")):
                parts.append("\t")
            elif tag == q("br"):
                if c.get(q("type")) == "page":
                    if not self.rendered:
                        self.page += 1
                elif c.get(q("type")) != "column":
                    parts.append("\n")
            elif tag == q("cr"):
                parts.append("\n")
            elif tag == q("lastRenderedPageBreak"):
                if self.rendered:
                    self.page += 1
            elif tag == q("sym"):
                code = (c.get(q("char")) or "").upper()
                ch = _SYMBOL.get(code)
                if ch is None and code:
                    try:
                        v = int(code, 16)
                        ch = chr(v - 0xF000) if 0xF020 <= v <= 0xF0FF else chr(v)
                    except ValueError:
                        ch = ""
                parts.append(ch or "")
            elif tag == q("noBreakHyphen"):
                parts.append("-")
            elif tag == q("softHyphen"):
                continue
            elif tag == q("txbxContent"):
                boxes.append(c)
            elif tag == q("sdt") and _placeholder(c):
                continue
            else:  # hyperlink, fldSimple, smartTag, ins, sdt, drawing containers, …
                self._walk(c, parts, boxes, state)

    def _number(self, ppr, sid: str) -> str:
        num_id = ilvl = None
        num = ppr.find(q("numPr")) if ppr is not None else None
        if num is not None:
            num_id, ilvl = wval(num, "numId"), wval(num, "ilvl")
        if num_id is None:
            found, snum = self.styles.get(sid, "num")
            if snum:
                num_id = snum[0]
                ilvl = ilvl if ilvl is not None else snum[1]
                if ilvl is None and num_id:
                    lv = self.numbering.level_for_style(num_id, found)
                    ilvl = str(lv) if lv is not None else None
        if not num_id or num_id == "0":
            return ""
        try:
            return dotted_annex(self.numbering.next_number(num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0))
        except docx_errors() as e:  # a malformed definition must not lose the paragraph
            log.debug("numbering %s/%s failed: %s", num_id, ilvl, e)
            return ""

    # ------------------------------------------------------------------ tables
    def table(self, tbl) -> tuple[list[list[str]], int]:
        grid: list[list[str]] = []
        header = 0
        in_header = True
        row0_span = row1_vmerge = False
        for tr in _iter_tag(tbl, "tr"):
            trpr = tr.find(q("trPr"))
            if trpr is not None and trpr.find(q("del")) is not None:
                continue
            if in_header and _on(trpr, "tblHeader"):
                header += 1
            else:
                in_header = False
            before = wval(trpr, "gridBefore")
            row: list[str] = [""] * bounded_span(before, "gridBefore")  # 10⁹ is damage, not layout
            for tc in _iter_tag(tr, "tc"):
                tcpr = tc.find(q("tcPr"))
                span = wval(tcpr, "gridSpan")
                span_n = bounded_span(span)
                vm = tcpr.find(q("vMerge")) if tcpr is not None else None
                text = self.cell_text(tc)
                if vm is not None and vm.get(q("val"), "continue") == "continue" and grid:
                    col = len(row)
                    above = grid[-1]
                    text = above[col] if col < len(above) else text
                    row1_vmerge = row1_vmerge or len(grid) == 1
                row0_span = row0_span or (span_n > 1 and not grid)
                row.extend([text] * span_n)
            grid.append(row)
        width = max((len(r) for r in grid), default=0)
        grid = [r + [""] * (width - len(r)) for r in grid]
        if not header:  # no repeat-header rows marked: a spanning cell over row 1 means two header rows
            header = 2 if (row0_span or row1_vmerge) and len(grid) >= 3 else 1
        return grid, header

    def cell_text(self, tc) -> str:
        pieces: list[str] = []
        nested: list[str] = []
        for el in tc.iterchildren():
            if el.tag == q("p"):
                b = self.paragraph(el, [], in_table=True)
                if b is not None:
                    pieces.append(f"{b.number} {b.text}".strip() if b.number else b.text)
            elif el.tag == q("tbl"):  # nested table: flatten into the cell text
                rows, _ = self.table(el)
                nested.extend(" | ".join(c for c in r if c) for r in rows if any(r))
            elif el.tag in (q("sdt"), q("customXml")):
                inner = el.find(q("sdtContent")) if el.tag == q("sdt") else el
                if inner is not None:
                    pieces.append(self.cell_text(inner))
        text = _join(p for p in pieces if p)
        return " ".join([text] + nested).strip() if nested else text


def _placeholder(sdt) -> bool:
    pr = sdt.find(q("sdtPr"))
    return pr is not None and _on(pr, "showingPlcHdr")


def _iter_tag(parent, tag: str):
    """Children named tag, looking through content controls / custom XML wrappers."""
    for el in parent.iterchildren():
        if el.tag == q(tag):
            yield el
        elif el.tag in (q("sdt"), q("customXml"), q("ins")):
            inner = el.find(q("sdtContent")) if el.tag == q("sdt") else el
            if inner is not None:
                yield from _iter_tag(inner, tag)


def _join(pieces) -> str:
    out = ""
    for p in pieces:
        if not out:
            out = p
        elif _CJK.match(out[-1]) and _CJK.match(p[0]):
            out += p
        else:
            out += " " + p
    return out


def _clean(text: str) -> str:
    """Tabs to spaces, soft line breaks joined (no space between CJK), spaces collapsed."""
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u00ad", "")
    if "\n" in text:
        text = _join(s.strip() for s in text.split("\n") if s.strip())
    return re.sub(r" {2,}", " ", text).strip()


# --------------------------------------------------------------------------- entry point
def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise ParseError(str(path), "is not a readable Word .docx (not a Word package)", RESAVE_HINT) from None
    except docx_errors() as e:
        reason = type(e).__name__
        if "XMLSyntax" in reason:
            reason = "broken XML"
        elif isinstance(e, KeyError):
            reason = f"missing part {e}"
        raise ParseError(str(path), f"is not a readable Word .docx ({reason})", RESAVE_HINT) from None


def read_docx(path: Path) -> RawDocument:
    """Read a .docx into para/table Blocks in body order; bad files raise ParseError."""
    path = Path(path)
    d = _open(path)
    try:
        body = d.element.body
        styles = _Styles(d.styles.element)
        try:
            num_root = d.part.numbering_part.element
        except (NotImplementedError, KeyError):
            num_root = None
        numbering = Numbering.from_xml(num_root)
        numbering.resolve_style_links(styles.numbering_styles())
        rendered = next(body.iter(q("lastRenderedPageBreak")), None) is not None
        explicit = rendered or any(
            b.get(q("type")) == "page" for b in body.iter(q("br"))
        ) or next(body.iter(q("pageBreakBefore")), None) is not None or len(body.findall(f".//{q('pPr')}/{q('sectPr')}")) > 0
        reader = _Reader(styles, numbering, rendered)
        blocks: list[Block] = []
        reader.body(body, blocks)
    except ParseError:
        raise
    except docx_errors() as e:
        raise ParseError(str(path), f"is not a readable Word .docx ({type(e).__name__}: {e})", RESAVE_HINT) from None
    if not explicit:
        for b in blocks:
            b.page = None
    pages = reader.page if explicit else 0
    return RawDocument(blocks=blocks, pages=pages, format="docx", warnings=[])
