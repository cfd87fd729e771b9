"""Fuzz `zmdocs parse` with seeded, reproducible malformed files and report every bad ending.

    python bench/fuzz.py [-n 2000] [--seed 1] [--jobs 2] [--timeout 60] [--max-memory 4096]
                         [--no-corpus] [--out DIR] [--pythonpath /work/base] [--show 20] [--ocr off]

Mutants are made from corpora/samples (PDF, DOCX, TXT) and, when present, ../shared/corpus
(small PDFs, the DOCX and the Markdown files; read in place, never copied into the repository):
byte flips, truncation, zeroed blocks, damaged xref tables, lying stream lengths, huge page
counts, self-referencing page trees, 50,000-entry content arrays, ToUnicode maps with lone
surrogates and emoji, DOCX with huge gridSpan/gridBefore, numbering starts past the alphabet,
XML entity bombs, deep nesting, zip bombs (300 MB and 2 GB, small on disk), 10 MB single-line
text, text named .doc/.pdf, undecodable text. Each file is parsed by `zmdocs parse` in a new
process under a wall-clock timeout and an address-space limit; the run prints how many ended in
a traceback, a hang, an abort (signal), a memory kill, an error that does not name the file, or
an "unexpected" internal error (a bug that isolation turned into one line). `--pythonpath`
runs another checkout (e.g. the first-run /work/base) for before/after figures. zmdocs gets
`--timeout` of half the harness's limit (so a file it stops itself is told from a hang) and
`--ocr off` unless `--ocr` says otherwise (OCR of a damaged text layer is slow but honest work).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
BAD = ("traceback", "hang", "abort", "memory", "unnamed", "internal")


# --------------------------------------------------------------------------- sources
@dataclass
class Source:
    path: Path
    kind: str  # pdf | docx | text
    data: bytes = field(default=b"", repr=False)


def sources(use_corpus: bool, max_pdf_bytes: int = 1_200_000) -> list[Source]:
    """The documents to mutate: the samples, plus small real ones from ../shared/corpus."""
    files = sorted(SAMPLES.glob("*.pdf")) + sorted(SAMPLES.glob("*.docx")) + sorted((SAMPLES / "src").glob("*.txt"))
    if use_corpus and CORPUS.is_dir():
        files += [p for p in sorted(CORPUS.rglob("*.pdf")) if p.stat().st_size <= max_pdf_bytes]
        files += sorted(CORPUS.rglob("*.docx")) + sorted(CORPUS.rglob("*.md"))
    out = []
    for p in files:
        kind = {".pdf": "pdf", ".docx": "docx"}.get(p.suffix.lower(), "text")
        out.append(Source(p, kind, p.read_bytes()))
    return out


# --------------------------------------------------------------------------- generic mutators
def flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 60)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: max(1, int(len(data) * rng.uniform(0.01, 0.99)))]


def zero_block(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    n = rng.randint(256, 8192)
    return data[:a] + b"\0" * min(n, len(data) - a) + data[a + n:]


# --------------------------------------------------------------------------- PDF mutators
def pdf_xref(rng: random.Random, data: bytes) -> bytes:
    """Garble the xref table / startxref offset."""
    i = data.rfind(b"startxref")
    if i < 0:
        return flip(rng, data)
    if rng.random() < 0.5:
        return data[:i] + b"startxref\n" + str(rng.randrange(10**9)).encode() + b"\n%%EOF\n"
    j = data.rfind(b"xref", 0, i)
    j = j if j >= 0 else i
    junk = bytes(rng.randrange(32, 127) for _ in range(rng.randint(20, 400)))
    return data[:j] + junk + data[j + len(junk):]


def pdf_length(rng: random.Random, data: bytes) -> bytes:
    """Make stream /Length values lie (too small, too large, negative, absurd)."""
    lies = [b"0", b"1", b"-5", b"999999999", b"99999999999999999999", b"7 0 R"]
    return re.sub(rb"/Length (\d+)(?! 0 R)", lambda m: b"/Length " + (rng.choice(lies) if rng.random() < 0.6 else m.group(1)),
                  data)


def pdf_count(rng: random.Random, data: bytes) -> bytes:
    return re.sub(rb"/Count \d+", b"/Count " + rng.choice([b"999999999", b"2147483648", b"-1", b"0"]), data)


def pdf_selfref(rng: random.Random, data: bytes) -> bytes:
    """Point a page tree node's /Kids (or a page's /Parent and /Resources) at itself."""
    m = rng.choice(list(re.finditer(rb"(\d+) 0 obj\s*<<", data)) or [None])
    if m is None:
        return flip(rng, data)
    num = m.group(1)
    end = data.find(b"endobj", m.end())
    body = data[m.end():end]
    body = re.sub(rb"/Kids \[[^\]]*\]", b"/Kids [" + num + b" 0 R]", body)
    body = re.sub(rb"/(Parent|Resources|Contents) \d+ 0 R", lambda x: b"/" + x.group(1) + b" " + num + b" 0 R", body)
    return data[:m.end()] + body + data[end:]


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, x))
    return out.getvalue()


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def pdf_tounicode(rng: random.Random, _data: bytes) -> bytes:
    """A one-page PDF whose ToUnicode map sends codes to lone surrogates, emoji and non-BMP characters."""
    targets = [b"D800", b"DFFF", b"DBFF", b"D83DDE00", b"D840DC00", b"FFFE", b"0000", b"001B"]
    pairs = b"".join(b"<%02X> <%s>\n" % (c, rng.choice(targets)) for c in range(0x41, 0x5B))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> "
            b"endcodespacerange\n26 beginbfchar\n" + pairs + b"endbfchar\nendcmap end end\n")
    text = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ ") for _ in range(400)).encode()
    lines = b"".join(b"BT /F1 11 Tf 50 %d Td (%s) Tj ET\n" % (780 - 14 * k, text[k * 40:(k + 1) * 40]) for k in range(10))
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(lines),
        _stream(cmap),
    ])


def pdf_contents_array(rng: random.Random, _data: bytes) -> bytes:
    """A page whose /Contents is an array of 50,000 references (to one small stream)."""
    refs = b" ".join([b"5 0 R"] * 50_000)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [" + refs + b"] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"BT /F1 11 Tf 50 700 Td (1 Scope) Tj ET\n"),
    ])


def pdf_deflate_bomb(rng: random.Random, _data: bytes) -> bytes:
    """A content stream that inflates to ~1 GB of spaces (small on disk)."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    body = b"".join(comp.compress(chunk) for _ in range(rng.choice([256, 1024]))) + comp.flush()
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(body, b"/Filter /FlateDecode "),
    ])


# --------------------------------------------------------------------------- DOCX mutators
def _rezip(data: bytes, edit: Callable[[str, bytes], bytes | None], extra: list[tuple[str, bytes]] = ()) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            new = edit(info.filename, src.read(info))
            if new is not None:
                z.writestr(info.filename, new)
        for name, blob in extra:
            z.writestr(name, blob)
    return out.getvalue()


def docx_gridspan(rng: random.Random, data: bytes) -> bytes:
    val = rng.choice([b"99999999", b"2147483647", b"1000000000", b"-3", b"x"])
    tag = rng.choice([b"gridSpan", b"gridBefore", b"gridAfter"])

    def edit(name: str, blob: bytes) -> bytes:
        if name != "word/document.xml":
            return blob
        if tag == b"gridSpan" and b"<w:gridSpan " in blob:
            return re.sub(rb'<w:gridSpan w:val="\d+"', b'<w:gridSpan w:val="' + val + b'"', blob)
        return re.sub(rb"<w:tr( [^>]*)?>", lambda m: m.group(0) + b'<w:trPr><w:' + tag + b' w:val="' + val + b'"/></w:trPr>',
                      blob, count=rng.randint(1, 5))
    return _rezip(data, edit)


def docx_numbering(rng: random.Random, data: bytes) -> bytes:
    """Numbering starts far past the alphabet, formats Word does not have, levels out of range."""
    def edit(name: str, blob: bytes) -> bytes:
        if name == "word/numbering.xml":
            blob = re.sub(rb'<w:start w:val="\d+"', b'<w:start w:val="' + rng.choice([b"999999999", b"30000", b"-7"]) + b'"', blob)
            blob = re.sub(rb'<w:numFmt w:val="\w+"', lambda _m: b'<w:numFmt w:val="' + rng.choice(
                [b"lowerLetter", b"upperRoman", b"chineseCounting", b"ideographTraditional", b"nosuchformat"]) + b'"', blob)
        if name == "word/document.xml":
            blob = re.sub(rb'<w:ilvl w:val="\d+"', b'<w:ilvl w:val="' + rng.choice([b"9", b"99999", b"-1"]) + b'"', blob,
                          count=rng.randint(1, 20))
        return blob
    return _rezip(data, edit)


def docx_entities(rng: random.Random, data: bytes) -> bytes:
    """A billion-laughs DTD in document.xml (entities must never be expanded)."""
    dtd = b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + k]), (b"&" + bytes([97 + k]) + b";") * 10) for k in range(9)) + b"]>"

    def edit(name: str, blob: bytes) -> bytes:
        if name != "word/document.xml":
            return blob
        blob = blob.replace(b"?>", b"?>" + dtd, 1)
        return blob.replace(b"<w:t>", b"<w:t>&j;", 1)
    return _rezip(data, edit)


def docx_xml_flip(rng: random.Random, data: bytes) -> bytes:
    part = rng.choice(["word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml"])
    return _rezip(data, lambda name, blob: flip(rng, blob) if name == part else blob)


def docx_deep(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([300, 5000, 100000])
    nest = b"<w:tbl><w:tr><w:tc>" * depth + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * depth
    return _rezip(data, lambda name, blob: blob.replace(b"<w:body>", b"<w:body>" + nest, 1)
                  if name == "word/document.xml" else blob)


def docx_zipbomb(rng: random.Random, data: bytes) -> bytes:
    """Add a part (or replace document.xml) with ~300 MB or ~2 GB of zeros, a few MB on disk."""
    size = rng.choice([300 << 20, 2 << 30])
    target = rng.choice(["word/document.xml", "word/media/bomb.bin"])
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            if info.filename != target:
                z.writestr(info.filename, src.read(info))
        info = zipfile.ZipInfo(target)
        info.compress_type = zipfile.ZIP_DEFLATED  # a bare ZipInfo would be stored, 2 GB on disk
        with z.open(info, "w", force_zip64=True) as fh:
            chunk = b"\0" * (8 << 20)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    return out.getvalue()


# --------------------------------------------------------------------------- text mutators
def text_long_line(rng: random.Random, data: bytes) -> bytes:
    """About 10 MB on one line: the source's text with its line breaks removed, repeated."""
    one = data.replace(b"\r", b"").replace(b"\n", b" ")
    return (one * (10_000_000 // max(1, len(one)) + 1))[:10_000_000]


def text_junk(rng: random.Random, data: bytes) -> bytes:
    """Insert undecodable bytes, CESU-encoded lone surrogates, NULs, escapes, emoji and RTL marks."""
    pieces = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xff\xfe", b"\x00", b"\x1b[2J\x1b]0;pwned\x07", "😀𠀀\u202e".encode(),
              b"\xc3", b"9" * 400, b"1e999", b"." * 5000]
    b = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        pos = rng.randrange(len(b) + 1)
        b[pos:pos] = rng.choice(pieces)
    return bytes(b)


def text_numbers(rng: random.Random, data: bytes) -> bytes:
    """Clauses whose values have 300-5000 digits, exponents and odd separators."""
    vals = [b"9" * rng.choice([308, 309, 400, 4400]), b"1e309", b"0." + b"0" * 500 + b"1", b"1" + b",000" * 200]
    line = "应不大于".encode() + rng.choice(vals) + b" mA\xe3\x80\x82"
    return data + b"\n\n9 \xe8\xa6\x81\xe6\xb1\x82\n" + b"\n".join(line for _ in range(5)) + b"\n"


@dataclass
class Mutator:
    name: str
    kinds: tuple[str, ...]
    func: Callable[[random.Random, bytes], bytes]
    ext: str | None = None      # file extension of the mutant (default: the source's)
    budget: int = 10**9         # at most this many per run (expensive to make or to run)
    period: int = 1             # at most one in `period` draws


MUTATORS = [
    Mutator("flip", ("pdf", "docx", "text"), flip),
    Mutator("truncate", ("pdf", "docx", "text"), truncate),
    Mutator("zero-block", ("pdf", "docx"), zero_block),
    Mutator("xref", ("pdf",), pdf_xref),
    Mutator("lying-length", ("pdf",), pdf_length),
    Mutator("page-count", ("pdf",), pdf_count),
    Mutator("self-ref", ("pdf",), pdf_selfref),
    Mutator("tounicode-surrogates", ("pdf",), pdf_tounicode, budget=60),
    Mutator("contents-array", ("pdf",), pdf_contents_array, budget=8),
    Mutator("deflate-bomb", ("pdf",), pdf_deflate_bomb, budget=4, period=8),
    Mutator("gridspan", ("docx",), docx_gridspan),
    Mutator("numbering", ("docx",), docx_numbering),
    Mutator("xml-entities", ("docx",), docx_entities, budget=20),
    Mutator("xml-flip", ("docx",), docx_xml_flip),
    Mutator("deep-nesting", ("docx",), docx_deep, budget=15),
    Mutator("zip-bomb", ("docx",), docx_zipbomb, budget=4, period=8),
    Mutator("long-line", ("text",), text_long_line, ext=".txt", budget=4, period=8),
    Mutator("junk-text", ("text",), text_junk),
    Mutator("huge-numbers", ("text",), text_numbers, ext=".txt"),
    Mutator("text-as-doc", ("text",), lambda rng, d: d[: rng.randint(1, 64)], ext=".doc", budget=20),
    Mutator("text-as-pdf", ("text",), lambda rng, d: d[:4096], ext=".pdf", budget=20),
    Mutator("pdf-as-docx", ("pdf",), lambda rng, d: d, ext=".docx", budget=10),
]


def make_mutants(out: Path, n: int, seed: int, srcs: list[Source]) -> list[tuple[Path, str, str]]:
    """`n` mutants in `out` (deterministic for a seed): (path, mutator name, source name)."""
    rng = random.Random(seed)
    used: Counter[str] = Counter()
    made: list[tuple[Path, str, str]] = []
    i = 0
    while len(made) < n:
        m = MUTATORS[i % len(MUTATORS)]
        i += 1
        if used[m.name] >= m.budget or (m.period > 1 and i % (len(MUTATORS) * m.period) >= len(MUTATORS)):
            continue
        fit = [s for s in srcs if s.kind in m.kinds]
        if not fit:
            continue
        src = rng.choice(fit)
        sub = random.Random(rng.getrandbits(64))
        ext = m.ext or src.path.suffix.lower()
        path = out / f"{len(made):05d}-{m.name}{ext}"
        if not path.exists():  # mutants are deterministic: a folder made with the same seed is reused
            path.write_bytes(m.func(sub, src.data))
        used[m.name] += 1
        made.append((path, m.name, src.path.name))
    return made


# --------------------------------------------------------------------------- running
def _limits(mem_mb: int) -> Callable[[], None]:
    def apply() -> None:
        import resource

        os.setsid()
        if mem_mb > 0:
            resource.setrlimit(resource.RLIMIT_AS, (mem_mb << 20, mem_mb << 20))
    return apply


def run_one(path: Path, timeout: float, mem_mb: int, env: dict[str, str], extra: list[str]) -> dict:
    """Parse one file with `zmdocs parse` in a new process; classify how it ended."""
    cmd = [sys.executable, "-c", "from zmdocs.cli import cli; cli(prog_name='zmdocs')", "parse", str(path), *extra]
    t0 = time.monotonic()
    # cwd outside the checkout: `python -c` puts the cwd first on sys.path, before --pythonpath
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=path.parent,
                            preexec_fn=_limits(mem_mb))
    try:
        _, err = proc.communicate(timeout=timeout)
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        hung = True
    text = err.decode("utf-8", "replace")
    return {"path": str(path), "rc": proc.returncode, "secs": round(time.monotonic() - t0, 2),
            "category": classify(str(path), proc.returncode, text, hung), "stderr": text[-2000:]}


def classify(path: str, rc: int, stderr: str, hung: bool) -> str:
    if hung:
        return "hang"
    if "MemoryError" in stderr or "bad_alloc" in stderr or rc == -signal.SIGKILL:
        return "memory"
    if rc < 0 or "Fatal Python error" in stderr:
        return "abort"
    if "Traceback (most recent call last)" in stderr:
        return "traceback"
    errors = [ln for ln in stderr.splitlines() if ln.startswith("zmdocs: error:")]
    if rc != 0 and (not errors or any(not ln.startswith(f"zmdocs: error: {path}") for ln in errors)):
        return "unnamed"
    if any("could not be parsed: unexpected" in ln for ln in errors):
        return "internal"
    return "ok" if rc == 0 else "refused"


def _extra_args(env: dict[str, str], timeout: float, ocr: str) -> list[str]:
    """Give zmdocs its own per-file timeout, half of ours, when this checkout has the option: rendering
    and writing the output come after it, and a loaded machine stretches both."""
    cmd = [sys.executable, "-c", "from zmdocs.cli import cli; cli(prog_name='zmdocs')", "parse", "--help"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, cwd=tempfile.gettempdir()).stdout
    extra = ["--timeout", str(max(5, int(timeout * 0.5)))] if "--timeout" in out else []
    # OCR (when this checkout has it) turns a damaged text layer into minutes of honest work per file:
    # off by default, so the figures measure the parsers and compare with checkouts without OCR
    return extra + (["--ocr", ocr] if "--ocr" in out else [])


def summarize(results: list[dict], show: int) -> Counter:
    cats = Counter(r["category"] for r in results)
    by_mut = Counter((r["mutator"], r["category"]) for r in results if r["category"] in BAD)
    stopped = sum(1 for r in results if r["category"] == "refused" and "and was stopped" in r["stderr"])
    print(f"files {len(results)}: " + ", ".join(f"{k} {cats.get(k, 0)}" for k in (*BAD, "refused", "ok"))
          + f" (refused includes {stopped} stopped by zmdocs' own time or memory limit)")
    if by_mut:
        print("bad endings by mutation: " + ", ".join(f"{m}/{c} {n}" for (m, c), n in sorted(by_mut.items())))
    shown = 0
    for r in results:
        if r["category"] in BAD and shown < show:
            shown += 1
            lines = [ln for ln in r["stderr"].strip().splitlines() if ln.strip()]
            print(f"  [{r['category']}] {r['path']} (from {r['source']}, rc {r['rc']}, {r['secs']} s): "
                  f"{lines[-1][:220] if lines else '(no message)'}")
    return cats


def fuzz(n: int, seed: int, jobs: int, timeout: float, mem_mb: int, use_corpus: bool, out: Path,
         pythonpath: str | None, show: int, ocr: str = "off") -> tuple[Counter, list[dict]]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONFAULTHANDLER="")
    env.pop("PYTHONFAULTHANDLER")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    extra = _extra_args(env, timeout, ocr)
    t0 = time.monotonic()
    mutants = make_mutants(out, n, seed, sources(use_corpus))
    print(f"{len(mutants)} mutants made in {time.monotonic() - t0:.0f} s in {out}; running with {jobs} job(s), "
          f"timeout {timeout:g} s, memory {mem_mb} MB{', ' + ' '.join(extra) if extra else ''}", flush=True)
    done: Counter[str] = Counter()

    def one(m: tuple[Path, str, str]) -> dict:
        r = run_one(m[0], timeout, mem_mb, env, extra)
        done[r["category"]] += 1
        if sum(done.values()) % 50 == 0:
            print(f"  {sum(done.values())} done after {time.monotonic() - t0:.0f} s: {dict(done)}", flush=True)
        return r
    with ThreadPoolExecutor(jobs) as ex:
        results = list(ex.map(one, mutants))
    for r, (_, mut, src) in zip(results, mutants, strict=True):
        r["mutator"], r["source"] = mut, src
    print(f"ran in {time.monotonic() - t0:.0f} s")
    return summarize(results, show), results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="number of mutants")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per file before it counts as a hang")
    ap.add_argument("--max-memory", type=int, default=4096, help="MB of address space per run (0: none)")
    ap.add_argument("--no-corpus", action="store_true", help="mutate the samples only, not ../shared/corpus")
    ap.add_argument("--out", type=Path, help="folder for the mutants, kept and reused by later runs with the same seed "
                    "(default: a temporary folder, removed)")
    ap.add_argument("--pythonpath", help="run the zmdocs found here (e.g. /work/base) instead of this checkout")
    ap.add_argument("--show", type=int, default=30, help="bad endings to list")
    ap.add_argument("--ocr", default="off", choices=["off", "auto", "force"], help="zmdocs' --ocr (when it has one)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zmdocs-fuzz-") as tmp:
        out = a.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        cats, _ = fuzz(a.n, a.seed, a.jobs, a.timeout, a.max_memory, not a.no_corpus, out, a.pythonpath, a.show, a.ocr)
    return 1 if any(cats.get(k) for k in BAD) else 0


if __name__ == "__main__":
    sys.exit(main())
