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
def build_kettle_store(tmp_path_factory, data_dir):
    """A builder of small stores (hash embedder) holding the IEC and GB kettle texts of
    tests/data/compare; each call gives a store of its own, so a test may change it."""
    import shutil

    from zmdocs.app import index_paths

    def build() -> Path:
        corpus = tmp_path_factory.mktemp("corpus")
        for name in ("iec-kettle.txt", "gb-kettle.txt"):
            shutil.copy(data_dir / "compare" / name, corpus / name)
        st = tmp_path_factory.mktemp("store") / "st"
        index_paths([str(corpus)], str(st), model="hash", workers=1, progress=False)
        return st

    return build


@pytest.fixture(scope="session")
def fake_embedder():
    """Deterministic character n-gram hashing embedder (no model download, same-language only)."""
    from zmdocs.embed import get_embedder

    return get_embedder("hash")
