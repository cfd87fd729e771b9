"""Output writers: one module per output format or stage; `write_output` writes atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def write_output(data: str | bytes, output: str | None) -> None:
    """Write to `output` via a temporary file + rename (never half-written), or to stdout."""
    if not output or output == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_comparison(result: Any, fmt: str, lang: str = "zh") -> str | bytes:
    """Render a comparison result in html, md, json, docx or xlsx."""
    import importlib

    mod = importlib.import_module(f"zmdocs.report.{ {'md': 'markdown', 'json': 'jsonout', 'docx': 'docxout', 'xlsx': 'xlsxout', 'html': 'html'}[fmt] }")
    return mod.render(result, lang=lang)
