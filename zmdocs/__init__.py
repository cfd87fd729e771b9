"""zmdocs: parse, extract, align, search and benchmark standards documents (Zhejiang Made B-standards)."""

from __future__ import annotations

import sys
import types

__version__ = "0.1.0"

from zmdocs.errors import ZmdocsError  # noqa: E402
from zmdocs.model import SCHEMA_VERSION, Document  # noqa: E402


def parse(path, **kwargs) -> Document:
    """Parse one file (PDF, DOCX, TXT, MD) into a Document."""
    from zmdocs.parse.registry import parse_file

    return parse_file(path, **kwargs)


class _CallableParsePackage(types.ModuleType):
    """The `zmdocs.parse` subpackage, callable as the `zmdocs.parse()` function.

    Importing a subpackage rebinds the parent's attribute of the same name; making the
    subpackage callable keeps `zmdocs.parse(path)` working however often it is imported.
    """

    def __call__(self, path, **kwargs) -> Document:
        return _parse_function(path, **kwargs)


_parse_function = parse


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value) -> None:
        if name == "parse" and isinstance(value, types.ModuleType) and not callable(value):
            value.__class__ = _CallableParsePackage
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
if "zmdocs.parse" in sys.modules:  # already imported (a reload): make it callable now
    sys.modules[__name__].parse = sys.modules["zmdocs.parse"]

__all__ = ["Document", "SCHEMA_VERSION", "ZmdocsError", "parse", "__version__"]
