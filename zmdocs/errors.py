"""One exception hierarchy for zmdocs; the CLI catches `ZmdocsError` once and prints its message."""

from __future__ import annotations


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
