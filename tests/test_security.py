"""Security: no network at run time, no document text in file names, no XML external entities."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from zmdocs.errors import ZmdocsError

SITECUSTOMIZE = '''
import os, socket

_LOG = os.environ["ZMDOCS_NET_LOG"]


def _blocked(*args, **kwargs):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(repr(args[:3])[:200] + "\\n")
    raise OSError("network blocked by the zmdocs security test")


socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
'''

ENTITY_DECL = '<!ENTITY e SYSTEM "file:///etc/passwd">'
ENTITY = f"<!DOCTYPE x [{ENTITY_DECL}]>"
PASSWD_MARK = "root:"


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("zmdocs")
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=600)


def test_cli_makes_no_network_connection(tmp_path, samples_dir):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])]),
           "ZMDOCS_NET_LOG": str(log), "ZMDOCS_CACHE": "off"}
    env.pop("ZMDOCS_STORE", None)
    pdf = samples_dir / "GB-4706.19-2024-kettle.pdf"
    docx = samples_dir / "T-ZZB-0999-2026-kettle.docx"
    store = tmp_path / "store"
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           env=env, capture_output=True, text=True)
    assert probe.returncode != 0 and log.is_file(), "the network block did not take effect"
    log.unlink()
    runs = [
        ["parse", str(pdf), str(docx), "--format", "jsonl"],
        ["indicators", str(pdf), "--format", "json"],
        ["index", str(pdf), str(docx), "--store", str(store), "--model", "hash", "--format", "json"],
        ["search", "leakage current", "--store", str(store), "--model", "hash"],
    ]
    for args in runs:
        res = _run(args, env)
        assert res.returncode == 0, f"{args[0]}: exit {res.returncode}\n{res.stderr[-2000:]}"
        assert "Traceback" not in res.stderr
    assert not log.exists(), f"connections attempted: {log.read_text(encoding='utf-8')}"


def test_hostile_standard_number_stays_inside_the_store(tmp_path):
    """A standard number is text from the document: it must never become a path in the store."""
    import zmdocs
    from zmdocs.embed import get_embedder
    from zmdocs.index.writer import Writer

    src = tmp_path / "in" / "hostile.txt"
    src.parent.mkdir()
    src.write_text("1 范围\n本文件规定了电热水壶的要求。\n\n2 要求\n泄漏电流应不大于0.5 mA。\n", encoding="utf-8")
    doc = zmdocs.parse(src)
    doc.id = doc.number = "T/ZZB ../../x"
    doc.title = "../../../../tmp/zmdocs-escape"
    store = tmp_path / "box" / "store"
    before = set(tmp_path.rglob("*"))
    with Writer(store, get_embedder("hash")) as w:
        assert w.add_document(doc, str(src), "0" * 64) > 0
        w.finalize()
    created = set(tmp_path.rglob("*")) - before
    assert created and all(p == store or store in p.parents or p in store.parents for p in created), created
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()
    assert not Path("/tmp/zmdocs-escape").exists()


def _docx_with_entity(tmp_path: Path, samples_dir: Path) -> Path:
    out = tmp_path / "entity.docx"
    with zipfile.ZipFile(samples_dir / "T-ZZB-0999-2026-kettle.docx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r"^(<\?xml[^>]*\?>)", lambda m: m.group(1) + ENTITY, text, count=1)
                assert ENTITY in text
                text = text.replace("<w:body>", '<w:body><w:p><w:r><w:t>leak &e; here</w:t></w:r></w:p>', 1)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return out


def _sts_with_entity(tmp_path: Path, data_dir: Path) -> Path:
    text = (data_dir / "parse" / "sts-sample.xml").read_text(encoding="utf-8")
    text = text.replace("<!DOCTYPE standard [", "<!DOCTYPE standard [\n  " + ENTITY_DECL, 1)
    text = re.sub(r"(<p>)", r"\1leak &e; here ", text, count=1)
    assert "&e;" in text
    out = tmp_path / "entity.xml"
    out.write_text(text, encoding="utf-8")
    return out


@pytest.mark.parametrize("kind", ["docx", "sts"])
def test_xml_external_entities_are_never_resolved(kind, tmp_path, samples_dir, data_dir):
    import zmdocs

    path = _docx_with_entity(tmp_path, samples_dir) if kind == "docx" else _sts_with_entity(tmp_path, data_dir)
    try:
        doc = zmdocs.parse(path)
    except ZmdocsError as e:  # refusing the file with a clean error is fine
        assert PASSWD_MARK not in str(e)
        return
    dumped = json.dumps(doc.to_dict() if hasattr(doc, "to_dict") else repr(doc), ensure_ascii=False, default=str)
    assert PASSWD_MARK not in dumped and "/bin/" not in dumped


@pytest.mark.parametrize("kind", ["docx", "sts"])
def test_xml_entity_cli_gives_no_traceback(kind, tmp_path, samples_dir, data_dir):
    path = _docx_with_entity(tmp_path, samples_dir) if kind == "docx" else _sts_with_entity(tmp_path, data_dir)
    res = _run(["parse", str(path), "--format", "json"], dict(os.environ))
    assert res.returncode in (0, 1)
    assert "Traceback" not in res.stderr and PASSWD_MARK not in res.stdout + res.stderr
