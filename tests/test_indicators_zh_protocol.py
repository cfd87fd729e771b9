"""zh protocol timings, retries, field lengths and hex codes (issue #11, sixth zh session). Texts written here."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document, extract_text
from zmdocs.model import Clause, Document, Table


def _got(text: str) -> list[tuple]:
    return [(i.comparator, i.value if i.comparator != "range" else (i.min, i.max), i.unit)
            for i in extract_text(text, lang="zh")]


@pytest.mark.parametrize("text, want", [
    ("该报文应答超时时间为2s，如果没有应答，最多重发五次。", [("=", 2, "s"), ("<=", 5, "次")]),
    ("心跳间隔时间为30s。", [("=", 30, "s")]),
    ("推荐轮询时间为10s～60s。", [("range", (10, 60), "s")]),
    ("平台收到后等待5min，再下发查询命令。", [("=", 5, "min")]),
    ("终端重发两次0x8001。", [("=", 2, "次")]),
    ("应答结果：2:重发（三次后，放弃本次传输）。", [("<=", 3, "次")]),
    ("每包数据最大长度为512个字节。", [("<=", 512, "字节")]),
])
def test_protocol_timings_retries_and_lengths(text, want):
    assert _got(text) == want


@pytest.mark.parametrize("text", [
    "当响应时间为5s时，记录一次。",  # the timing inside a when-span is a condition
    "试验时间为5min。",  # a test's duration is no protocol timing
    "表示终端注册信息(32字节)。",  # a data item's width
    "编码长度为12 位,n为名称长度。",  # a field width in digits
    "终端收到0AH命令后回复。",  # hex command codes
    "03H",
])
def test_not_protocol_values(text):
    got = _got(text)
    assert all(u not in ("s", "min", "字节", "H", "") for _c, _v, u in got), got


def test_hex_codes_of_a_command_column_are_no_values_and_a_blank_step_keeps_its_row():
    doc = Document(id="JT/T 1—2026", lang="zh", clauses=[
        Clause(id="d#A.1", number="A.1", heading="链路维护", kind="annex-normative", text="指令见表A.1。")],
        tables=[Table(id="t", number="A.1", caption="链路维护指令表", clause="d#A.1", rows=[
            ["步骤", "命令类型", "描述", "用户数据", "数据方向"],
            ["", "12H", "链路维护", "维护时间；建议维护间隔时间为20s～40s", "上行"],
            ["2", "12H", "链路维护应答", "无", "下行"]])])
    got = [(i.comparator, i.min, i.max, i.unit) for i in extract_document(doc)]
    assert got == [("range", 20, 40, "s")]

