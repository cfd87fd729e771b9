"""Output writers: one module per output format or stage; `write_output` writes atomically.

Every writer's text passes `sanitize_text` on its way out: lone surrogates (from broken
ToUnicode maps or text encodings) become U+FFFD and terminal control sequences that came in
with a document's text are removed, so no output can fail to encode or drive the terminal.
JSON goes through `dumps`, which never writes `Infinity`/`NaN` (not JSON): they become null.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from zmdocs.errors import ZmdocsError

log = logging.getLogger(__name__)

BINARY_FORMATS = ("xlsx", "docx")
# ESC-introduced sequences (CSI, OSC, other two-byte ones), the 8-bit CSI/OSC forms, then stray C0/C1 controls
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|[\x9b\x9d][^\x07@-~]*[@-~\x07]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def sanitize_text(text: str, controls: bool = True) -> str:
    """Replace lone surrogates by U+FFFD and (with `controls`) strip terminal escape sequences."""
    n = 0
    if _SURROGATES.search(text):
        text, n = _SURROGATES.subn("\ufffd", text)
        log.warning("%d character(s) that are not valid Unicode (lone surrogates) were replaced by U+FFFD", n)
    if controls and (_CONTROLS.search(text)):
        text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    return text


def _finite(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


def dumps(obj: Any, indent: int | None = None) -> str:
    """JSON text (UTF-8, not ASCII-escaped) that is always valid JSON: non-finite numbers become null."""
    try:
        return json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(obj), ensure_ascii=False, indent=indent, allow_nan=False)


def write_output(data: str | bytes, output: str | None, fmt: str | None = None) -> None:
    """Write to `output` via a temporary file + rename (never half-written), or to stdout.

    Text is sanitised (see `sanitize_text`); CSV gets a UTF-8 BOM so Excel reads it as UTF-8;
    binary data is refused on a terminal and `output`'s folder must exist.
    """
    if isinstance(data, str):
        data = sanitize_text(data)
        if fmt == "csv" and not data.startswith("\ufeff"):
            data = "\ufeff" + data
    if not output or output == "-":
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                raise ZmdocsError(f"{fmt or 'this'} output is binary and would garble the terminal — "
                                  f"give -o FILE.{fmt or 'out'} or redirect stdout to a file")
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            sys.stdout.write(data if data.endswith("\n") else data + "\n")
            sys.stdout.flush()
        return
    path = Path(output)
    if not path.parent.is_dir():
        raise ZmdocsError(f"{output}: the folder {str(path.parent)!r} does not exist — create it first or choose another -o path")
    if path.is_dir():
        raise ZmdocsError(f"{output}: is a folder — give a file name for -o")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as e:
        raise ZmdocsError(f"{output}: cannot write there ({e.strerror}) — check the folder's permissions") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise ZmdocsError(f"{output}: cannot write ({e.strerror}) — check free space and permissions") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_comparison(result: Any, fmt: str, lang: str = "zh") -> str | bytes:
    """Render a comparison result in html, md, json, docx or xlsx."""
    import importlib

    mod = importlib.import_module(f"zmdocs.report.{ {'md': 'markdown', 'json': 'jsonout', 'docx': 'docxout', 'xlsx': 'xlsxout', 'html': 'html'}[fmt] }")
    return mod.render(result, lang=lang)
