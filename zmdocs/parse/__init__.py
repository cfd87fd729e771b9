"""Parsers: one per format behind a registry keyed by format; all build the same Document."""

from __future__ import annotations

from zmdocs.parse.registry import detect_format, formats, parse_file, register

__all__ = ["detect_format", "formats", "parse_file", "register"]
