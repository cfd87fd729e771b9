"""Headless chromium checks shared by the report tests: no JS errors, text in the DOM, a real screenshot."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)


def check_in_browser(html_path: Path, png: Path, tmp_path: Path, verdict: str, rows: list[str]) -> str:
    """Load the report in headless chromium: no JS errors, verdict and rows in the DOM, a real screenshot."""
    url = html_path.resolve().as_uri()
    dom = _chromium(["--dump-dom", url], tmp_path).stdout
    assert verdict in dom
    m = re.search(r'<pre id="js-errors" hidden="">(.*?)</pre>', dom, re.S)
    assert m is not None and m.group(1).strip() == "", m and m.group(1)
    for r in rows:
        assert r in dom
    _chromium([f"--screenshot={png}", "--window-size=1280,2000", "--hide-scrollbars", url], tmp_path)
    assert png.exists() and png.stat().st_size > 20_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return dom


