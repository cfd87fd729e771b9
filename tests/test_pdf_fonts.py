"""A PDF parse must not depend on the fonts installed on the machine, and must be repeatable.

PDFium substitutes system fonts for fonts a PDF does not embed; the sample GB PDF uses the
non-embedded STSong-Light, so without isolation its text changed with a CJK font installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "samples" / "GB-4706.19-2024-kettle.pdf"

_DUMP = """
import json, sys
from zmdocs.parse import parse_file
from zmdocs.parse.pdf import read_pdf
path = sys.argv[1]
raw = read_pdf(path, workers=1)
blocks = [[b.kind, b.page, b.text, b.rows, b.meta] for b in raw.blocks]
print(json.dumps({"doc": parse_file(path).to_dict(), "blocks": blocks}, ensure_ascii=False, sort_keys=True))
"""


def _parse_in_subprocess(path: Path, env_extra: dict[str, str]) -> dict:
    env = dict(os.environ, ZMDOCS_WORKERS="1", **env_extra)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run([sys.executable, "-c", _DUMP, str(path)], capture_output=True, text=True, env=env,
                         timeout=300, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def normal() -> dict:
    return _parse_in_subprocess(SAMPLE, {})


def test_same_json_with_fonts_hidden(tmp_path, normal):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{empty}</dir><cachedir>{tmp_path / "cache"}'
                    f"</cachedir></fontconfig>\n", encoding="utf-8")
    hidden = _parse_in_subprocess(SAMPLE, {"FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(tmp_path)})
    assert hidden["blocks"] == normal["blocks"]
    assert hidden["doc"] == normal["doc"]


def test_two_runs_identical(normal):
    again = _parse_in_subprocess(SAMPLE, {})
    assert json.dumps(again, sort_keys=True) == json.dumps(normal, sort_keys=True)


def test_text_in_a_font_pdfium_cannot_draw_is_kept(normal):
    """A line holding only a CJK full stop in the non-embedded font: PDFium drops it, the reader must not."""
    texts = [b[2] for b in normal["blocks"] if b[0] == "line"]
    assert any(t.startswith("试验用水为硬度不大于") for t in texts)
    doc = normal["doc"]
    clause = next(c for c in doc["clauses"] if c.get("number") == "5.101")
    assert "（20±5）℃。" in clause["text"]
    assert {"6", "6.1", "6.2"} <= {c.get("number") for c in doc["clauses"]}


def test_pdfium_ignores_system_fonts():
    """After isolation PDFium's font table enumerates and maps nothing (built-in fonts only)."""
    pdfium_c = pytest.importorskip("pypdfium2.raw")
    from zmdocs.parse.pdf_pdfium import _NO_SYSTEM_FONTS, isolate_fonts

    isolate_fonts(pdfium_c)
    isolate_fonts(pdfium_c)  # idempotent
    info = _NO_SYSTEM_FONTS[0]
    assert info.version == 1
    assert info.MapFont(None, 400, 0, 134, 0, b"SimSun", None) is None
