"""One exception hierarchy for zmdocs; the CLI catches `ZmdocsError` once and prints its message.

Also the one home of what third-party libraries raise on damaged input (`pdf_errors()`, …), for
narrow `except` clauses."""

from __future__ import annotations

import struct
import sys
import zlib


class ZmdocsError(Exception):
    """Base of every error zmdocs reports to a user as one clear line."""


class ParseError(ZmdocsError):
    """A file could not be parsed (corrupt, encrypted, image-only, empty, wrong format)."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        msg = f"{self.path}: {problem}"
        if hint:
            msg += f" — {hint}"
        super().__init__(msg)


class UnsupportedFormatError(ParseError):
    """No parser handles this file type."""


class SchemaError(ZmdocsError):
    """Saved data has a schema this version cannot read."""


class UnitError(ZmdocsError):
    """A unit could not be understood or converted."""


class ModelError(ZmdocsError):
    """An embedding model is missing, cannot be loaded, or does not match a store."""


class StoreError(ZmdocsError):
    """An index store is missing, broken, locked or incompatible."""


class AlignError(ZmdocsError):
    """Two documents could not be aligned."""


class CompareError(ZmdocsError):
    """A comparison could not be made (bad rules file, bad key-indicator list, …)."""


# --------------------------------------------------------------------------- what libraries raise
# Narrow `except` clauses name what a third-party library is known to raise on damaged input (or a
# model when it cannot run): `except pdf_errors() as e:`. Anything else (NameError, ImportError, a
# zmdocs bug's own exception) reaches the isolation boundary (zmdocs.parse.isolate), which reports
# it as an internal error, or the CLI. A library's own classes are looked up in sys.modules and
# never imported: a library that is not loaded cannot have raised, so `import zmdocs.errors` stays
# cheap and the look-up (a few dict reads) runs only when the `except` clause is tested.

DAMAGED_INPUT: tuple[type[BaseException], ...] = (
    ValueError,  # bad numbers and names; UnicodeError (lone surrogates in a ToUnicode map)
    LookupError,  # KeyError, IndexError: a missing object, part, page or dictionary entry
    TypeError, AttributeError,  # a None or an object of the wrong type where the file lies
    AssertionError,  # the libraries' internal asserts on impossible structures
    ArithmeticError,  # ZeroDivisionError (a zero-sized box or matrix), OverflowError (a huge number)
    EOFError, struct.error, zlib.error,  # truncated or corrupt streams
    NotImplementedError,  # an unsupported filter, compression method or zip version
    RecursionError,  # self-referencing page trees, deep nesting
    OSError,  # an unreadable file; PIL's UnidentifiedImageError
    MemoryError,  # a lying length that allocates past the worker's memory limit
)

_PDF = ("pdfminer.psexceptions:PSException",  # every pdfminer error (PDFException, PSEOF, CMapError, …)
        "pdfplumber.utils.exceptions:PdfminerException", "pdfplumber.utils.exceptions:MalformedPDFException",
        "pypdfium2:PdfiumError",  # a RuntimeError
        "ctypes:ArgumentError",  # a value from the file PDFium's ctypes binding refuses
        "PIL.Image:DecompressionBombError")  # an embedded image of absurd size
_DOCX = ("zipfile:BadZipFile", "zipfile:LargeZipFile", "lxml.etree:LxmlError",  # XMLSyntaxError and kin
         "docx.opc.exceptions:OpcError", "docx.exceptions:PythonDocxError", "docx.image.exceptions:*")
_ONNX = "onnxruntime.capi.onnxruntime_pybind11_state:*"  # Fail, InvalidArgument, … (plain Exceptions)
_OCR = (_ONNX, "cv2:error", "rapidocr_onnxruntime.utils.load_image:LoadImageError",
        "rapidocr_onnxruntime.utils.process_img:ResizeImgError", "rapidocr_onnxruntime.ch_ppocr_det.utils:ResizeImgError",
        "rapidocr_onnxruntime.utils.infer_engine:ONNXRuntimeError")
_UNITS = ("pint.errors:PintError", "tokenize:TokenError")  # pint tokenizes unit expressions
_MODEL = ("safetensors:SafetensorError", "huggingface_hub.errors:EntryNotFoundError",
          "huggingface_hub.errors:CorruptedCacheException", "huggingface_hub.errors:HTTPError")


def loaded_errors(specs: tuple[str, ...]) -> tuple[type[BaseException], ...]:
    """The exception classes named "module:Class" ("module:*": every one the module defines) of the
    modules already imported; modules not imported are skipped."""
    out: list[type[BaseException]] = []
    for spec in specs:
        name, _, attr = spec.partition(":")
        mod = sys.modules.get(name)
        if mod is None:
            continue
        found = vars(mod).values() if attr == "*" else [getattr(mod, attr, None)]
        out.extend(c for c in found if isinstance(c, type) and issubclass(c, BaseException))
    return tuple(out)


def pdf_errors() -> tuple[type[BaseException], ...]:
    """What pdfminer, pdfplumber and PDFium raise on a damaged PDF (and the builtins they leak)."""
    return DAMAGED_INPUT + loaded_errors(_PDF)


def docx_errors() -> tuple[type[BaseException], ...]:
    """What zipfile, lxml and python-docx raise on a damaged .docx; RuntimeError is zipfile's
    "encrypted member, password required"."""
    return (*DAMAGED_INPUT, RuntimeError, *loaded_errors(_DOCX))


def ocr_errors() -> tuple[type[BaseException], ...]:
    """What rendering a PDF page (PDFium) and OCR (RapidOCR, onnxruntime, OpenCV) raise on an odd page."""
    return pdf_errors() + loaded_errors(_OCR)


def unit_errors() -> tuple[type[BaseException], ...]:
    """What pint raises on a unit expression it cannot read or convert."""
    return DAMAGED_INPUT + loaded_errors(_UNITS)


def model_errors() -> tuple[type[BaseException], ...]:
    """What loading or running an embedding model raises (torch's RuntimeError, safetensors, the
    Hugging Face cache, onnxruntime) when the model is missing, damaged or cannot run here."""
    return (*DAMAGED_INPUT, RuntimeError, *loaded_errors((*_MODEL, _ONNX)))
