"""Format registry and the `parse_file` entry point: detect the format by content, then parse."""

from __future__ import annotations

import hashlib
import logging
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from zmdocs.errors import ParseError, UnsupportedFormatError
from zmdocs.model import Document
from zmdocs.parse.blocks import RawDocument
from zmdocs.parse.limits import check_regular_file, check_zip

log = logging.getLogger(__name__)

Reader = Callable[[Path], RawDocument]
_READERS: dict[str, tuple[tuple[str, ...], str]] = {}

# format -> (extensions, "module:function") so heavy parsers import lazily.
_BUILTIN = {
    "pdf": ((".pdf",), "zmdocs.parse.pdf:read_pdf"),
    "docx": ((".docx",), "zmdocs.parse.docx:read_docx"),
    "text": ((".txt", ".text"), "zmdocs.parse.text:read_text"),
    "markdown": ((".md", ".markdown"), "zmdocs.parse.text:read_markdown"),
    "sts": ((".xml", ".sts"), "zmdocs.parse.sts:read_sts"),  # NISO STS / ISO STS XML
}
_READERS.update(_BUILTIN)
# extensions of binary Office formats zmdocs does not read; a file so named that is neither OLE nor zip is refused
_BINARY_OFFICE = (".doc", ".dot", ".xls", ".xlsx", ".ppt", ".pptx", ".docm", ".dotx", ".odt", ".wps")


def register(fmt: str, extensions: tuple[str, ...], target: str) -> None:
    """Register a reader for a format: `target` is "module:function" returning a RawDocument."""
    _READERS[fmt] = (tuple(e.lower() for e in extensions), target)


def formats() -> dict[str, tuple[str, ...]]:
    return {k: v[0] for k, v in _READERS.items()}


def supported_extensions() -> set[str]:
    return {e for exts, _ in _READERS.values() for e in exts}


def detect_format(path: str | Path) -> str:
    """Tell the format from the file's content first, its extension second."""
    p = Path(path)
    check_regular_file(p)
    if not p.exists():
        raise ParseError(str(p), "no such file", "check the path")
    if p.is_dir():
        raise ParseError(str(p), "is a folder, not a file", "give the files inside it, or use `zmdocs index` for folders")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError as e:
        raise ParseError(str(p), f"cannot be read ({e.strerror})", "check its permissions") from None
    ext = p.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(p) as z:
                if "word/document.xml" in z.namelist():
                    check_zip(z, p)
                    return "docx"
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            # NotImplementedError: a damaged directory claiming an unknown zip version or compression
            if ext == ".docx":
                raise ParseError(str(p), "is a damaged Word package (its zip directory cannot be read)",
                                 "open it in Word and save it again, or ask the sender for a new copy") from None
        raise ParseError(str(p), "is a zip archive but not a Word .docx file", "save it as .docx from Word or give a PDF")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if _ole_encrypted(p):  # an encrypted .docx/.xlsx is an OLE container with EncryptionInfo
            raise ParseError(str(p), "is a password-protected (encrypted) Office file",
                             "remove the password in Word (File > Info > Protect Document) and save it as .docx")
        raise ParseError(str(p), "is an old binary Word .doc file (or a password-protected .docx), which zmdocs does not read",
                         "save it as .docx in Word without a password (File > Save As)")
    if ext == ".pdf":
        raise ParseError(str(p), "is not a PDF (no %PDF header): the file is corrupt or misnamed", "re-export or re-download it")
    if ext == ".docx":
        raise ParseError(str(p), "is not a valid .docx (not a zip package): the file is corrupt or misnamed", "open and re-save it in Word")
    if ext in _BINARY_OFFICE:
        looks = "plain text" if _looks_textual(p) else "not a Word, Excel or PowerPoint file"
        raise ParseError(str(p), f"is named {ext} but its content is {looks}: the extension lies or the file is corrupt",
                         "rename a text file to .txt, or save the document as .docx or PDF")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and _looks_sts(p):
        return "sts"
    for fmt, (exts, _) in _READERS.items():
        if ext in exts:
            return fmt
    if ext in ("", ".text") or _looks_textual(p):
        return "text"
    raise UnsupportedFormatError(
        str(p), f"unsupported file type '{ext}'", "zmdocs reads .pdf, .docx, .txt, .md and STS .xml"
    )


def _looks_sts(p: Path) -> bool:
    """An XML file whose opening names an STS root or meta block (<standard>, <iso-meta>, <std-meta>, <nat-meta>)."""
    with p.open("rb") as fh:
        chunk = fh.read(8192)
    return bool(re.search(rb"<(?:standard|adoption)[\s>]|<(?:iso|std|nat|reg)-meta[\s>]", chunk))


def _ole_encrypted(p: Path) -> bool:
    """True if an OLE compound file holds an EncryptionInfo stream (an encrypted OOXML package)."""
    with p.open("rb") as fh:
        data = fh.read(4 << 20)
    return "EncryptionInfo".encode("utf-16-le") in data


def _looks_textual(p: Path) -> bool:
    with p.open("rb") as fh:
        chunk = fh.read(4096)
    if b"\x00" in chunk:
        return False
    try:
        chunk.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _reader(fmt: str) -> Reader:
    import importlib

    _, target = _READERS[fmt]
    mod, func = target.split(":")
    return getattr(importlib.import_module(mod), func)


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(path: str | Path, fmt: str | None = None, ocr: str = "auto", ocr_progress=None) -> Document:
    """Parse one file into a Document; raises ParseError with a one-line reason on bad input.

    PDF only: `ocr` "auto" (pages without text or with a garbled text layer), "force" or "off";
    `ocr_progress(done, total)` is called after each OCRed page (zmdocs.parse.ocr).
    """
    from zmdocs.parse.structure import build_document

    p = Path(path)
    fmt = fmt or detect_format(p)
    raw = _reader(fmt)(p, ocr=ocr, progress=ocr_progress) if fmt == "pdf" else _reader(fmt)(p)
    if not any(b.text.strip() or b.rows for b in raw.blocks):
        raise ParseError(str(p), "contains no text", "check that it is the right file")
    bad = clean_surrogates(raw.blocks)
    doc = build_document(raw.blocks, source=str(p))
    if raw.parallel:  # a translation printed beside the text: each clause keeps its twin's text
        from zmdocs.parse.parallel import attach_parallel

        for lang, blocks in raw.parallel.items():
            bad += clean_surrogates(blocks)
            attach_parallel(doc, build_document(blocks, source=str(p)), lang)
    doc.format = raw.format or fmt
    doc.pages = raw.pages
    doc.sha256 = sha256_of(p)
    doc.warnings.extend(raw.warnings)
    if bad:
        doc.warnings.append(f"{p.name}: {bad} character(s) that are not valid Unicode (lone surrogates, from a broken "
                            "font map or encoding) were replaced by U+FFFD")
    return doc


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_surrogates(blocks) -> int:
    """Replace lone surrogates in blocks' text and cells by U+FFFD (they break encoders and tokenizers)."""
    n = 0
    for b in blocks:
        if _SURROGATE.search(b.text):
            b.text, k = _SURROGATE.subn("\ufffd", b.text)
            n += k
        for row in b.rows or ():
            if not isinstance(row, list):
                continue
            for j, cell in enumerate(row):
                if isinstance(cell, str) and _SURROGATE.search(cell):
                    row[j], k = _SURROGATE.subn("\ufffd", cell)
                    n += k
    return n
