"""Shared fixtures: sample corpus paths, a deterministic fake embedder, temporary stores."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Keep the on-disk embedding cache of a test run out of the user's home folder.
os.environ.setdefault("ZMDOCS_CACHE", tempfile.mkdtemp(prefix="zmdocs-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def fake_embedder():
    """Deterministic character n-gram hashing embedder (no model download, same-language only)."""
    from zmdocs.embed import get_embedder

    return get_embedder("hash")
