"""A document's own history table (a compilation's table of amendments, a revision record) is informative:
its years and section numbers are no limits (issue #12). Tables written for these tests, no corpus text."""

from __future__ import annotations

from zmdocs.indicators import extract_document
from zmdocs.indicators.history_tables import is_history_table
from zmdocs.model import Clause, Document, Table


def _roles(table: Table) -> list[tuple[str, object, str]]:
    clause = Clause(id="D#9.1", number="9.1", text="The lamp shall be red.")
    doc = Document(id="D", lang="en", clauses=[clause], tables=[table])
    return [(i.parameter, i.value, i.role) for i in extract_document(doc) if (i.origin or {}).get("type") == "table"]


def test_amendment_table_cells_are_informative():
    t = Table(id="t1", clause="D#9.1", header_rows=1, rows=[
        ["Clause affected", "How affected", "Amending instrument"],
        ["4.2.", "rep", "Interpretation Act 1999 – section 27B"],
        ["7.1.", "ad", "Road Rules Amendment 2015 (No.2)"]])
    assert all(role == "informative" for _, _, role in _roles(t))


def test_revision_record_by_caption_and_by_columns():
    assert is_history_table("Table of Amendments", "")
    assert is_history_table("", "版本 修订日期 修订内容")
    assert is_history_table("", "Name of Instrument Registration Date Commencement Date")


def test_a_limit_table_is_not_a_history_table():
    assert not is_history_table("Table 3 — Limits", "Clause Parameter Limit value")
    assert not is_history_table("", "Test date Voltage Current")  # one history-like word is not enough
    t = Table(id="t2", clause="D#9.1", header_rows=1, rows=[["Parameter", "Limit (mA)"], ["Leakage current", "≤ 0.5"]])
    assert [r for *_, r in _roles(t)] == ["requirement"]
