"""Bad input through the CLI: one clear `zmdocs: error:` line per bad file, no traceback, exit 1,
and the good files given alongside still parsed."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from zmdocs.cli import cli

GOOD_TEXT = "This good document shall be parsed even when others fail."
CASES = [
    ("truncated.pdf", "corrupt or truncated", "re-export"),
    ("encrypted.pdf", "encrypted with a password", "qpdf --decrypt"),
    ("empty.pdf", "is empty", "right file"),
    ("scanned.pdf", "scanned (image-only) PDF", "ocrmypdf"),
    ("text-really.pdf", "is not a PDF", "re-export"),
    ("not-a-zip.docx", "not a valid .docx", "re-save"),
    ("zip-not-docx.docx", "zip archive but not a Word .docx", "save it as .docx"),
    ("broken-xml.docx", "not a readable Word .docx", "re-save"),
    ("encrypted-office.docx", "password-protected", "remove the password"),
    ("future-zip.docx", "damaged Word package", "save it again"),
    ("binary.xyz", "unsupported file type", ".pdf, .docx"),
    ("a-folder", "is a folder", "zmdocs index"),
    ("missing.pdf", "no such file", "check the path"),
]


@pytest.fixture(scope="module")
def bad_dir(data_dir, tmp_path_factory):
    """The committed bad inputs plus an OLE container standing in for a password-protected .docx."""
    d = tmp_path_factory.mktemp("bad")
    for p in (data_dir / "bad").iterdir():
        if p.is_dir():
            shutil.copytree(p, d / p.name)
        else:
            shutil.copy(p, d / p.name)
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016)
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512
    (d / "encrypted-office.docx").write_bytes(bytes(ole))
    # regression (fuzz seed 7, #388): a flipped byte made the zip directory claim version 7.8,
    # and zipfile's NotImplementedError ended as an "unexpected" internal error
    z = bytearray((d / "broken-xml.docx").read_bytes())
    cd = z.find(b"PK\x01\x02")
    z[cd + 6 : cd + 8] = (78).to_bytes(2, "little")
    (d / "future-zip.docx").write_bytes(bytes(z))
    return d


def run(*args):
    return CliRunner().invoke(cli, list(args))


def _errors(out: str) -> list[str]:
    return [ln for ln in out.splitlines() if ln.startswith("zmdocs: error:")]


@pytest.mark.parametrize("name,problem,hint", CASES)
def test_bad_file_alone(bad_dir, name, problem, hint):
    res = run("parse", str(bad_dir / name))
    out = res.output
    assert res.exit_code == 1, out
    errs = _errors(out)
    assert len(errs) == 1, out
    assert name in errs[0] and problem in errs[0] and hint in errs[0]
    assert "Traceback" not in out
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit)


def test_good_files_still_parsed_among_bad(bad_dir):
    names = [c[0] for c in CASES]
    res = run("parse", "--format", "json", str(bad_dir / "good.txt"), *[str(bad_dir / n) for n in names])
    out = res.output
    assert res.exit_code == 1
    errs = _errors(out)
    assert len(errs) == len(names), out
    for n in names:
        assert sum(n in e for e in errs) == 1, n
    assert GOOD_TEXT in json.dumps(json.loads(res.stdout))
    assert "Traceback" not in out


def test_good_pdf_and_docx_among_bad(bad_dir, data_dir):
    res = run("parse", "--format", "json", str(data_dir / "pdf" / "zh-standard.pdf"),
              str(bad_dir / "encrypted.pdf"), str(data_dir / "docx" / "numbered.docx"))
    assert res.exit_code == 1
    assert len(_errors(res.output)) == 1
    docs = json.loads(res.stdout)
    assert len(docs) == 2
    text = json.dumps(docs, ensure_ascii=False)
    assert "泄漏电流" in text and "试验电压" in text


def test_docx_with_only_images_says_no_text(data_dir):
    res = run("parse", str(data_dir / "docx" / "images-only.docx"))
    errs = _errors(res.output)
    assert res.exit_code == 1 and len(errs) == 1 and "contains no text" in errs[0]
    assert "Traceback" not in res.output


def test_zip_member_encrypted_is_one_error_line(data_dir, tmp_path):
    """zipfile raises a plain RuntimeError for an encrypted member: it is in docx_errors(), so the
    file is one 'not a readable Word .docx' line, not an "unexpected" internal error (#14)."""
    z = bytearray((data_dir / "docx" / "numbered.docx").read_bytes())
    for sig, flag_at in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):  # set bit 0 (encrypted) of every entry
        i = z.find(sig)
        while i >= 0:
            z[i + flag_at] |= 1
            i = z.find(sig, i + 4)
    bad = tmp_path / "member-encrypted.docx"
    bad.write_bytes(bytes(z))
    res = run("parse", str(bad))
    errs = _errors(res.output)
    assert res.exit_code == 1 and len(errs) == 1, res.output
    assert "not a readable Word .docx" in errs[0] and "unexpected" not in errs[0]


def test_page_handlers_catch_damage_not_bugs(data_dir, monkeypatch):
    """The per-page handlers take what libraries raise on damaged input (a page is lost, the file is
    refused with a reason) but let a bug's own exception through to the isolation boundary (#14)."""
    from zmdocs.errors import ParseError
    from zmdocs.parse import pdf_page
    from zmdocs.parse.pdf import read_pdf

    pdf = data_dir / "pdf" / "zh-standard.pdf"
    for exc, expect in ((ValueError("damaged"), "no page could be read (ValueError)"),
                        (RuntimeError("a zmdocs bug"), "a zmdocs bug")):
        def boom(chars, exc=exc):
            raise exc
        monkeypatch.setattr(pdf_page, "rotated_direction", boom)
        with pytest.raises((ParseError, RuntimeError)) as got:
            read_pdf(pdf, workers=1, ocr="off")
        assert type(got.value) is (ParseError if isinstance(exc, ValueError) else RuntimeError)
        assert expect in str(got.value)


def test_library_error_tuples_name_only_loaded_libraries():
    """pdf_errors() and kin take a library's classes from sys.modules: never importing one, and
    complete once it is loaded (pdfminer's base class covers PDFSyntaxError, PSEOF, CMapError, …)."""
    import pdfminer.pdfparser

    from zmdocs.errors import loaded_errors, ocr_errors, pdf_errors

    assert loaded_errors(("zmdocs_no_such_library:Error", "zipfile:NoSuchClass")) == ()
    assert issubclass(pdfminer.pdfparser.PDFSyntaxError, pdf_errors())
    assert not issubclass(RuntimeError, pdf_errors()) and not issubclass(NameError, ocr_errors())
