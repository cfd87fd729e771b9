"""Bounds on the work one input file may cause: file kinds, zip entries, XML, table spans, numbering.

Readers call these guards with one line each; every guard either returns a clamped value or
raises ParseError naming the file, what is wrong and what to do.
"""

from __future__ import annotations

import logging
import os
import stat
import zipfile
from pathlib import Path

from zmdocs.errors import ParseError

log = logging.getLogger(__name__)

# A DOCX part is XML text: real ones are a few MB; 200 MB and a ratio of 200:1 are far beyond any document.
MAX_ZIP_ENTRY = 256 << 20
MAX_ZIP_TOTAL = 1 << 30
MAX_ZIP_RATIO = 200
MAX_ZIP_ENTRIES = 20_000
MAX_SPAN = 64          # table cells a single cell may span (gridSpan, vMerge runs) or skip (gridBefore/After)
MAX_TABLE_COLUMNS = 512
MAX_LEVEL = 9          # Word's numbering levels are 0..8
MAX_START = 32767      # Word's largest numbering start value
DAMAGED_DOCX = "open and re-save it in Word"


def check_regular_file(path: str | Path) -> None:
    """Refuse FIFOs, devices and sockets before anything opens them (opening a FIFO blocks forever)."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        return  # the reader reports a missing file with its own message
    except OSError as e:
        raise ParseError(str(p), f"cannot be read ({e.strerror})", "check its permissions") from None
    if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
        return
    kind = "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
    raise ParseError(str(p), f"is {kind}, not a regular file", "give a saved document file")


def inside(root: str | Path, path: str | Path) -> bool:
    """True if `path`, with every symlink resolved, stays inside `root` (for walking folders)."""
    try:
        Path(path).resolve().relative_to(Path(root).resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def check_zip(z: zipfile.ZipFile, path: str | Path) -> None:
    """Check every entry's declared size and compression ratio before any entry is read (zip bombs)."""
    infos = z.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ParseError(str(path), f"is a zip package with {len(infos)} entries, far more than a Word file has",
                         f"it is damaged or not a document; {DAMAGED_DOCX}")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        if size > MAX_ZIP_ENTRY or total > MAX_ZIP_TOTAL or (size > (1 << 20) and ratio > MAX_ZIP_RATIO):
            raise ParseError(str(path), f"holds a part ('{info.filename[:80]}') that unpacks to {size >> 20} MB "
                             f"(compressed {ratio:.0f}:1) — a zip bomb or a damaged package",
                             f"it is not a normal Word file; {DAMAGED_DOCX}")


def parse_xml(data: bytes, path: str | Path, part: str = "document"):
    """Parse XML with entity expansion, DTDs and network access off; returns an lxml element."""
    from lxml import etree

    if b"<!ENTITY" in data[:65536] or b"<!DOCTYPE" in data[:4096]:
        raise ParseError(str(path), f"its {part} XML declares a DTD or entities, which Word files never do",
                         f"it may be crafted to exhaust memory; {DAMAGED_DOCX}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        raise ParseError(str(path), f"its {part} XML is damaged ({str(e)[:120]})", DAMAGED_DOCX) from None


def bounded_span(value: object, what: str = "gridSpan", limit: int = MAX_SPAN) -> int:
    """A table span or skip count clamped to 0..limit (Word writes small numbers; 10⁹ is damage)."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1 if what == "gridSpan" else 0
    if n > limit:
        log.debug("%s=%s clamped to %d", what, str(value)[:20], limit)
    return max(0 if what != "gridSpan" else 1, min(n, limit))


def bounded_level(value: object) -> int:
    """A numbering level (w:ilvl) clamped to Word's 0..8."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 0
    return max(0, min(n, MAX_LEVEL - 1))


def bounded_start(value: object, default: int | None = 1) -> int | None:
    """A numbering start value clamped to Word's own range (0..32767): 10⁹ would make 'aaaa…' of 38 M letters."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return max(0, min(n, MAX_START))
