"""Kill `zmdocs index` at random moments and check the store survives every one.

    python bench/crash.py [--kills 30] [--sigint 5] [--seed 1] [--samples] [--out DIR]

A small corpus (tiny Markdown standards written to a temp folder, one damaged PDF that must be
skipped, and with --samples the files of corpora/samples) is indexed with the `hash` model by
`zmdocs index` in a subprocess, which is killed with SIGKILL (or SIGINT/SIGTERM) either at a
seeded random time after start (start-up, walking, parsing, embedding) or at a named point
of the writer (`ZMDOCS_TEST_CRASH`: while a new store's database is created, after embedding, after the vectors append, inside the
SQLite transaction before COMMIT, after the FAISS write, after the BM25 write, before the
manifest switch). Before each run the corpus changes (new files, an edited file), so every
run has work. After each kill: `info` and `search` must work and show at least every document
committed before the run, none twice; then an uninterrupted run must complete with exactly one
copy of every good file, an up-to-date published index and every document findable.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PHASES = ("embedded", "appended", "commit", "faiss", "bm25", "manifest")
log = logging.getLogger("crash")

STANDARD = """{number}
Household appliances - Safety - Part {n}: Particular requirements for appliance type {n}

1 Scope
This part deals with the safety of appliance type {n} with a rated voltage not more than 250 V.

2 Leakage current

2.1 Leakage current at operating temperature
The leakage current of appliance {word} shall not exceed {ma} mA for class I portable appliances.

3 Abnormal operation

3.1 Protection {word}
Appliance {word} shall switch off automatically when operated empty{edit}.
"""
WORDS = ["alder", "birch", "cedar", "damson", "elder", "fig", "ginkgo", "hazel", "iroko", "juniper", "kauri",
         "larch", "maple", "nutmeg", "olive", "poplar", "quince", "rowan", "sumac", "teak", "ulmus", "walnut",
         "yew", "zelkova"]


def word(i: int) -> str:
    return f"{WORDS[i % len(WORDS)]}{i}"


def write_standard(corpus: Path, i: int, edit: int = 0) -> Path:
    p = corpus / f"std-{i:03d}.md"
    p.write_text(STANDARD.format(number=f"IEC 6{i:04d}:2020", n=i, word=word(i), ma=0.25 + i / 100,
                                 edit=f" (edition {edit})" if edit else ""), encoding="utf-8")
    return p


def make_corpus(root: Path, n: int, samples: bool) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write_standard(corpus, i)
    (corpus / "damaged.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))  # skipped with its reason
    if samples:
        for f in sorted((ROOT / "corpora" / "samples").glob("*")):
            if f.is_file() and f.suffix.lower() in (".pdf", ".docx"):
                shutil.copy(f, corpus / f.name)
    return corpus


def good_files(corpus: Path) -> set[str]:
    return {str(p.resolve()) for p in corpus.iterdir() if p.is_file() and p.name != "damaged.pdf"}


def zmdocs(args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zmdocs.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def run_killed(corpus: Path, store: Path, env: dict[str, str], point: dict[str, Any]) -> tuple[int, float]:
    """Start `zmdocs index`, kill it at `point`; (exit status, seconds)."""
    e = dict(env)
    if point["kind"] == "hook":
        e["ZMDOCS_TEST_CRASH"] = f"{point['phase']}:{point['n']}:{point['signal']}"
    t0 = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "zmdocs.cli", "index", str(corpus), "--store", str(store), "-j", "1"],
                            env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    if point["kind"] == "time":
        try:
            proc.wait(timeout=point["at"])
        except subprocess.TimeoutExpired:
            proc.send_signal(getattr(signal, "SIG" + point["signal"]))
    try:
        _, err = proc.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    point["stderr_tail"] = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
    return proc.returncode, time.time() - t0


def db_state(store: Path) -> dict[str, Any]:
    """Sources (with multiplicity), orphan rows and vector counts, read straight from SQLite."""
    db = store / "store.sqlite"
    if not db.exists():
        return {"sources": {}, "orphans": 0, "exists": False}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        src: dict[str, int] = {}
        for (s,) in con.execute("SELECT source FROM documents"):
            src[s] = src.get(s, 0) + 1
        ids = [r[0] for r in con.execute("SELECT doc_id FROM documents")]
        orphans = con.execute("SELECT (SELECT count(*) FROM clauses WHERE doc_pk NOT IN (SELECT pk FROM documents))"
                              " + (SELECT count(*) FROM vectors WHERE doc_pk NOT IN (SELECT pk FROM documents))").fetchone()[0]
        return {"sources": src, "ids": ids, "orphans": orphans, "exists": True,
                "vectors": con.execute("SELECT count(*) FROM vectors").fetchone()[0]}
    finally:
        con.close()


def check_readable(store: Path, env: dict[str, str], before: dict[str, Any], cli: bool) -> list[str]:
    """Problems with `info`/`search` after a kill (empty list: fine)."""
    problems = []
    st = db_state(store)
    if not st["exists"]:
        return [] if not before["sources"] else ["the database is gone"]
    lost = set(before["sources"]) - set(st["sources"])
    if lost:
        problems.append(f"lost {len(lost)} documents committed before the run")
    if any(c > 1 for c in st["sources"].values()) or len(st["ids"]) != len(set(st["ids"])) or st["orphans"]:
        problems.append("duplicated documents or orphan rows")
    if cli:
        for args in (["info", "--store", str(store)], ["search", word(0), "--store", str(store), "-k", "3"]):
            r = zmdocs(args, env)
            if r.returncode != 0 or "Traceback" in r.stderr:
                problems.append(f"`zmdocs {args[0]}` failed: {r.stderr.strip().splitlines()[-1:] }")
    else:
        from zmdocs.index import open_store, store_info

        try:
            store_info(store)
            s = open_store(store)
            s.search(word(0), top=3)
            s.close()
        except Exception as e:  # the harness reports any failure, it does not stop
            problems.append(f"info/search failed: {type(e).__name__}: {e}")
    return problems


def check_complete(corpus: Path, store: Path, env: dict[str, str], n_std: int) -> list[str]:
    """Run `zmdocs index` to the end; then exactly one copy of every good file and all findable."""
    r = zmdocs(["index", str(corpus), "--store", str(store), "-j", "1", "--format", "json"], env)
    if r.returncode not in (0, 1) or "Traceback" in r.stderr:
        return [f"the resuming run failed ({r.returncode}): {r.stderr.strip().splitlines()[-1:]}"]
    problems = []
    st = db_state(store)
    want = good_files(corpus)
    if set(st["sources"]) != want:
        problems.append(f"documents: {len(want - set(st['sources']))} missing, {len(set(st['sources']) - want)} extra")
    if any(c > 1 for c in st["sources"].values()) or len(st["ids"]) != len(set(st["ids"])) or st["orphans"]:
        problems.append("duplicated documents or orphan rows after the resuming run")
    from zmdocs.index import open_store, store_info

    info = store_info(store)
    if not info["up_to_date"] or int(info["index"].get("ntotal", -1)) != info["vectors"]:
        problems.append(f"published index not up to date ({info['index'].get('ntotal')} of {info['vectors']} vectors)")
    s = open_store(store)
    try:
        for i in range(n_std):
            hits = s.search(f"protection {word(i)}", top=3)
            if not hits or hits[0]["doc"] != f"IEC 6{i:04d}:2020":
                problems.append(f"IEC 6{i:04d}:2020 not found first")
                break
    finally:
        s.close()
    return problems


def kill_points(kills: int, sigints: int, seed: int, n_docs: int) -> list[dict[str, Any]]:
    """Seeded kill points: about half at writer hooks (every phase), half at random fractions of a run's
    duration (that of the last uninterrupted run, so a machine getting faster or slower keeps them inside it)."""
    rng = random.Random(seed)
    pts: list[dict[str, Any]] = [{"kind": "hook", "phase": "create", "n": 1, "signal": "TERM", "fresh": True},
                                 {"kind": "time", "at": rng.uniform(0.3, 1.2), "signal": "TERM", "fresh": True}]
    for i in range(kills - 2):
        if i % 2 == 0:
            pts.append({"kind": "hook", "phase": PHASES[(i // 2) % len(PHASES)], "n": rng.randint(1, max(1, n_docs)),
                        "signal": "KILL"})
        else:
            pts.append({"kind": "time", "frac": rng.uniform(0.05, 0.95), "signal": "KILL"})
    for i in range(sigints):
        if i % 2 == 0:
            pts.append({"kind": "hook", "phase": rng.choice(PHASES), "n": 1, "signal": "INT"})
        else:
            pts.append({"kind": "time", "frac": rng.uniform(0.2, 0.95), "signal": "INT"})
    for p in pts:
        if p["kind"] == "hook" and p["phase"] in ("create", "faiss", "bm25", "manifest"):
            p["n"] = 1  # publishing happens once per run
    return pts


def crash(kills: int = 30, sigints: int = 5, seed: int = 1, samples: bool = False, out: Path | None = None,
          complete_every: int = 1, n_std: int = 4, cli_checks: bool = True) -> dict[str, Any]:
    """Run the kill trials; returns {"points", "problems", "losses", "duplicates", "trials": [...]}."""
    root = Path(out or tempfile.mkdtemp(prefix="zmdocs-crash-"))
    corpus = make_corpus(root, n_std, samples)
    env = dict(os.environ, ZMDOCS_MODEL="hash", PYTHONPATH=str(ROOT))
    env.pop("ZMDOCS_TEST_CRASH", None)
    # timing probe on a scratch store: how long one full run takes here
    t0 = time.time()
    zmdocs(["index", str(corpus), "--store", str(root / "probe"), "-j", "1"], env)
    run_seconds = time.time() - t0
    shutil.rmtree(root / "probe", ignore_errors=True)
    store = root / "store"
    trials, next_id, edit = [], n_std, 0
    for k, point in enumerate(kill_points(kills, sigints, seed, 2)):
        if "frac" in point:
            point["at"] = round(point["frac"] * run_seconds, 2)
        if not point.get("fresh"):  # new work for this run: two new files, one edited
            for _ in range(2):
                write_standard(corpus, next_id)
                next_id += 1
            edit += 1
            write_standard(corpus, edit % next_id, edit=edit)
        before = db_state(store)
        rc, secs = run_killed(corpus, store, env, point)
        problems = check_readable(store, env, before, cli=cli_checks and k % 3 == 0)
        after = db_state(store)
        if (k + 1) % complete_every == 0 or k == kills + sigints - 1:
            t1 = time.time()
            problems += check_complete(corpus, store, env, next_id)
            run_seconds = 0.5 * run_seconds + 0.5 * (time.time() - t1)
        trial = {**point, "rc": rc, "seconds": round(secs, 2), "committed_before": len(before["sources"]),
                 "committed_after_kill": len(after["sources"]), "problems": problems}
        trials.append(trial)
        log.info("%2d %-32s rc=%-4s %5.1fs docs %d->%d %s", k, _label(point), rc, secs, trial["committed_before"],
                 trial["committed_after_kill"], "; ".join(problems) or "ok")
    losses = sum(any("lost" in p or "missing" in p for p in t["problems"]) for t in trials)
    dups = sum(any("duplicated" in p or "extra" in p for p in t["problems"]) for t in trials)
    killed = sum(t["rc"] not in (0, 1) for t in trials)  # a time point after the run's end kills nothing
    return {"points": len(trials), "killed": killed, "problems": sum(bool(t["problems"]) for t in trials), "losses": losses,
            "duplicates": dups, "run_seconds": round(run_seconds, 2), "trials": trials, "dir": str(root)}


def _label(p: dict[str, Any]) -> str:
    return f"{p['signal']} at {p['phase']} #{p['n']}" if p["kind"] == "hook" else f"{p['signal']} at {p['at']:.2f}s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--sigint", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--samples", action="store_true", help="also index corpora/samples (PDF, DOCX): slower runs")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    res = crash(a.kills, a.sigint, a.seed, a.samples, a.out)
    if a.json:
        print(json.dumps(res, indent=1))
    print(f"{res['points']} kill points ({a.kills} SIGKILL/SIGTERM, {a.sigint} SIGINT; {res['killed']} hit a running index),"
          f" one full run {res['run_seconds']} s: "
          f"{res['problems']} with problems, {res['losses']} lost documents, {res['duplicates']} duplicated")
    sys.exit(1 if res["problems"] else 0)


if __name__ == "__main__":
    main()
