"""Bounded work: zip bombs, XML entities, huge spans and numbering starts, symlinks out of a folder."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest

from zmdocs.errors import ParseError
from zmdocs.parse import limits
from zmdocs.parse.registry import detect_format, parse_file

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
DOCX = SAMPLES / "T-ZZB-0999-2026-kettle.docx"


def _rezip(dst: Path, edit=None, extra: tuple[str, int] | None = None) -> Path:
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info.filename, edit(info.filename, data) if edit else data)
        if extra:
            info = zipfile.ZipInfo(extra[0])
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as fh:
                for _ in range(extra[1] >> 23):
                    fh.write(b"\0" * (8 << 20))
    return dst


def test_zip_bomb_is_refused_before_reading(tmp_path):
    bomb = _rezip(tmp_path / "bomb.docx", extra=("word/media/x.bin", 320 << 20))
    assert bomb.stat().st_size < 2 << 20
    t0 = time.monotonic()
    with pytest.raises(ParseError, match="zip bomb"):
        detect_format(bomb)
    assert time.monotonic() - t0 < 5


def test_xml_with_entities_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>'
    with pytest.raises(ParseError, match="DTD or entities"):
        limits.parse_xml(bomb, "x.docx")
    assert limits.parse_xml(b"<a><b/></a>", "x.docx").tag == "a"


def test_spans_levels_and_starts_are_clamped():
    assert limits.bounded_span("99999999") == limits.MAX_SPAN
    assert limits.bounded_span("0") == 1 and limits.bounded_span("x") == 1
    assert limits.bounded_span("1000000000", "gridBefore") == limits.MAX_SPAN
    assert limits.bounded_span(None, "gridBefore") == 0
    assert limits.bounded_level("99999") == 8 and limits.bounded_level("-1") == 0
    assert limits.bounded_start("999999999") == limits.MAX_START and limits.bounded_start("x", None) is None


def test_docx_with_huge_spans_and_starts_parses_quickly(tmp_path):
    def edit(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            data = re.sub(rb"<w:tr( [^>]*)?>", lambda m: m.group(0) + b'<w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>',
                          data, count=3)
            data = re.sub(rb'<w:gridSpan w:val="\d+"', b'<w:gridSpan w:val="99999999"', data)
        if name == "word/numbering.xml":
            data = re.sub(rb'<w:start w:val="\d+"', b'<w:start w:val="999999999"', data)
            data = re.sub(rb'<w:numFmt w:val="\w+"', b'<w:numFmt w:val="lowerLetter"', data)
        return data

    p = _rezip(tmp_path / "spans.docx", edit)
    t0 = time.monotonic()
    doc = parse_file(p)
    assert time.monotonic() - t0 < 30
    assert all(len(r) <= 64 * 64 for t in doc.tables for r in t.rows)


def test_index_does_not_follow_symlinks_out_of_the_folder(tmp_path):
    from zmdocs.app import walk

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("1 范围\n", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("x", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    (folder / "inner.txt").symlink_to(folder / "a.txt")
    files, _, _ = walk([folder])
    assert [f.name for f in files] == ["a.txt", "inner.txt"] or [f.name for f in files] == ["a.txt"]
    assert outside.resolve() not in [f.resolve() for f in files]
