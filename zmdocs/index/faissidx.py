"""FAISS side of search: index type chosen by size, built from the raw vectors file, loaded mmapped.

Up to `flat_max()` vectors (default 100 000) the index is exact (`IndexIDMap(IndexFlatIP)`);
above it an `IndexIVFFlat` (inner product) with nlist ≈ 2·√n is trained on a sample and its
`nprobe` is tuned at build time: the smallest value (≥ 8) whose recall@10 against exact
search reaches 0.98 on query-like probes (mixtures of two stored vectors plus noise). Type,
nlist, nprobe and the measured recall are recorded in the manifest. IVF indexes are updated in place (remove_ids / add_with_ids) until the store
has grown 4× past the size they were trained on.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

_CHUNK = 65536


def flat_max() -> int:
    """Largest vector count served by exact search (env ZMDOCS_FLAT_MAX overrides, for tests)."""
    return int(os.environ.get("ZMDOCS_FLAT_MAX", "100000"))


def _faiss():
    import faiss

    return faiss


def _gather(vecs: np.ndarray, vids: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(vecs[vids], dtype=np.float32)


def _add(index, vecs: np.ndarray, vids: np.ndarray, progress: Callable[[int], None] | None = None) -> None:
    for i in range(0, len(vids), _CHUNK):
        part = vids[i : i + _CHUNK]
        index.add_with_ids(_gather(vecs, part), part.astype(np.int64))
        if progress:
            progress(len(part))


def build(vecs: np.ndarray, vids: np.ndarray, dim: int, prev: Any = None, prev_params: dict | None = None,
          removed: np.ndarray | None = None, new_vids: np.ndarray | None = None) -> tuple[Any, dict[str, Any]]:
    """Build (or update) the index over `vids` (rows of `vecs`); returns (index, params)."""
    faiss = _faiss()
    n = len(vids)
    if n <= flat_max():
        index = faiss.IndexIDMap(faiss.IndexFlatIP(dim))
        _add(index, vecs, vids)
        return index, {"type": "flat", "metric": "inner_product", "ntotal": n, "exact": True}
    pp = prev_params or {}
    if (prev is not None and pp.get("type") == "ivf" and removed is not None and new_vids is not None
            and n <= 4 * pp.get("trained_on", 0)):
        index = prev
        if len(removed):
            index.remove_ids(np.asarray(removed, dtype=np.int64))
        _add(index, vecs, np.asarray(new_vids, dtype=np.int64))
        params = dict(pp, ntotal=int(index.ntotal))
        return index, params
    nlist = int(min(16384, max(64, 2 ** round(math.log2(2 * math.sqrt(n))))))
    rng = np.random.default_rng(0)
    sample = np.sort(rng.choice(vids, size=min(n, 40 * nlist), replace=False))
    quant = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFFlat(quant, dim, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.niter = 10
    log.info("training IVF (nlist=%d) on %d vectors", nlist, len(sample))
    index.train(_gather(vecs, sample))
    _add(index, vecs, vids)
    nprobe, recall = tune_nprobe(index, vecs, vids)
    index.nprobe = nprobe
    return index, {"type": "ivf", "metric": "inner_product", "nlist": nlist, "nprobe": nprobe,
                   "recall_at_10": round(recall, 4), "trained_on": n, "ntotal": int(index.ntotal), "exact": False}


def exact_topk(vecs: np.ndarray, vids: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-k (similarities, vids) by inner product, scanning `vecs[vids]` in chunks (numpy baseline)."""
    best_s = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), 0), dtype=np.int64)
    for i in range(0, len(vids), _CHUNK * 2):
        part = vids[i : i + _CHUNK * 2]
        s = queries @ _gather(vecs, part).T
        kk = min(k, s.shape[1])
        top = np.argpartition(-s, kk - 1, axis=1)[:, :kk]
        best_s = np.concatenate([best_s, np.take_along_axis(s, top, 1)], axis=1)
        best_i = np.concatenate([best_i, part[top]], axis=1)
        if best_s.shape[1] > k:
            keep = np.argpartition(-best_s, k - 1, axis=1)[:, :k]
            best_s, best_i = np.take_along_axis(best_s, keep, 1), np.take_along_axis(best_i, keep, 1)
    order = np.argsort(-best_s, axis=1)
    return np.take_along_axis(best_s, order, 1), np.take_along_axis(best_i, order, 1)


def recall_at(approx_scores: np.ndarray, exact_scores: np.ndarray, k: int = 10, eps: float = 1e-5) -> float:
    """Recall@k of an approximate search against exact search, tie-aware.

    A returned neighbour counts as correct when its similarity reaches the exact k-th best
    similarity (minus `eps`): duplicate vectors (the same sentence in many clauses) make id
    sets ambiguous, similarities are not.
    """
    kth = exact_scores[:, min(k, exact_scores.shape[1]) - 1][:, None]
    got = approx_scores[:, :k]
    return float(((got >= kth - eps) & np.isfinite(got)).sum() / max(1, exact_scores[:, :k].size))


def tune_nprobe(index, vecs: np.ndarray, vids: np.ndarray, target: float = 0.98, nq: int = 200) -> tuple[int, float]:
    """Smallest nprobe (at least 8) whose recall@10 against exact search reaches `target`.

    Probe queries are normalised mixtures of two stored vectors plus noise: like real queries
    they fall between clusters (stored vectors themselves would find their own cell and make
    the recall look better than real queries see).
    """
    rng = np.random.default_rng(1)
    a = _gather(vecs, np.sort(rng.choice(vids, size=min(nq, len(vids)), replace=False)))
    b = _gather(vecs, rng.choice(vids, size=len(a), replace=True))
    q = a + b + rng.normal(0, 0.5 / np.sqrt(a.shape[1]), a.shape).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    exact_s, _ = exact_topk(vecs, vids, q, 10)
    recall = 0.0
    nprobe = 8
    for nprobe in (8, 16, 32, 64, 128, 256, 512):
        if nprobe >= index.nlist:
            nprobe = index.nlist
            recall = 1.0
            break
        index.nprobe = nprobe
        got_s, got_i = index.search(q, 10)
        got_s[got_i < 0] = -np.inf
        recall = recall_at(got_s, exact_s)
        log.info("nprobe=%d recall@10=%.3f", nprobe, recall)
        if recall >= target:
            break
    return nprobe, recall


def save(index, path: Path) -> None:
    """Write the index to a temp name, fsync, then rename into place."""
    faiss = _faiss()
    tmp = path.with_name(f".{path.name}.tmp")
    faiss.write_index(index, str(tmp))
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def load(path: Path, params: dict[str, Any], writable: bool = False):
    """Load an index; memory-mapped (no copy into Python objects) unless `writable`."""
    faiss = _faiss()
    if writable:
        index = faiss.read_index(str(path))
    else:
        flag = getattr(faiss, "IO_FLAG_MMAP_IFC", 0) | faiss.IO_FLAG_MMAP if params.get("type") == "flat" else faiss.IO_FLAG_MMAP
        try:
            index = faiss.read_index(str(path), flag)
        except RuntimeError:
            index = faiss.read_index(str(path), faiss.IO_FLAG_READ_ONLY)
    if params.get("type") == "ivf":
        faiss.extract_index_ivf(index).nprobe = int(params.get("nprobe", 16))
    return index


def search(index, q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, vids) of the top k for each query row; -1 vids dropped by the caller.

    A single query runs on one OpenMP thread: thread start-up and spin-waiting cost more than
    they save for one vector (measured 10x slower p95 on a busy 2-core machine).
    """
    faiss = _faiss()
    k = max(1, min(k, int(index.ntotal)))
    q = np.ascontiguousarray(q, dtype=np.float32)
    if len(q) > 1:
        return index.search(q, k)
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return index.search(q, k)
    finally:
        faiss.omp_set_num_threads(before)
