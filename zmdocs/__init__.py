"""zmdocs: parse, extract, align, search and benchmark standards documents (Zhejiang Made B-standards)."""

from __future__ import annotations

__version__ = "0.1.0"

from zmdocs.errors import ZmdocsError  # noqa: E402
from zmdocs.model import SCHEMA_VERSION, Document  # noqa: E402


def parse(path, **kwargs) -> Document:
    """Parse one file (PDF, DOCX, TXT, MD) into a Document."""
    from zmdocs.parse import parse_file

    return parse_file(path, **kwargs)


__all__ = ["Document", "SCHEMA_VERSION", "ZmdocsError", "parse", "__version__"]
