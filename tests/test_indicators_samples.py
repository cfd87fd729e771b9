"""End to end on the sample corpus: the indicators the benchmarking needs come out with shared keys."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document

FILES = {
    "tzzb": "T-ZZB-0999-2026-kettle.docx",
    "gb": "GB-4706.19-2024-kettle.pdf",
    "iec": "IEC-60335-2-15-2016-kettle.pdf",
    "din": "DIN-EN-60335-2-15-2020-kettle.pdf",
}


@pytest.fixture(scope="module")
def extracted(samples_dir):
    from zmdocs.parse.registry import parse_file

    if not all((samples_dir / f).exists() for f in FILES.values()):
        pytest.skip("sample corpus not rendered")
    out = {}
    for k, f in FILES.items():
        doc = parse_file(str(samples_dir / f))
        out[k] = {(i.key, i.comparator, i.normalized["value"] if i.normalized else i.value, (i.normalized or {}).get("unit"))
                  for i in extract_document(doc)}
        out[k] |= {(i.key, i.comparator, i.value, None) for i in extract_document(doc) if i.ordinal}
    return out


@pytest.mark.parametrize("doc,expected", [
    ("tzzb", ("leakage_current", "<=", 0.0005, "A")),
    ("tzzb", ("leakage_current", "<=", 0.0002, "A")),
    ("tzzb", ("electric_strength", "=", 1500, "V")),
    ("tzzb", ("earth_resistance", "<=", 0.05, "Ω")),
    ("tzzb", ("insulation_resistance", ">=", 10_000_000, "Ω")),
    ("tzzb", ("abnormal_operation", "<=", 30, "s")),
    ("tzzb", ("internal_pressure", "<=", 4000, "Pa")),
    ("tzzb", ("ip_code", ">=", "IPX5", None)),
    ("tzzb", ("standby_power", "<=", 0.3, "W")),
    ("tzzb", ("thermal_efficiency", ">=", 88, "%")),
    ("tzzb", ("noise", "<=", 55, "dB(A)")),
    ("tzzb", ("boiling_time", "<=", 300, "s")),
    ("tzzb", ("lifetime_cycles", ">=", 20000, "cycles")),
    ("tzzb", ("base_stability", "=", 15, "°")),
    ("iec", ("leakage_current", "<=", 0.00075, "A")),
    ("iec", ("electric_strength", "=", 1250, "V")),
    ("iec", ("earth_resistance", "<=", 0.1, "Ω")),
    ("iec", ("abnormal_operation", "<=", 60, "s")),
    ("iec", ("internal_pressure", "<=", 5000, "Pa")),
    ("iec", ("ip_code", ">=", "IPX4", None)),
    ("iec", ("lifetime_cycles", ">=", 10000, "cycles")),
    ("iec", ("base_stability", "=", 15, "°")),
    ("din", ("leakage_current", "<=", 0.00075, "A")),
    ("din", ("abnormal_operation", "<=", 60, "s")),
    ("din", ("internal_pressure", "<=", 5000, "Pa")),
    ("din", ("standby_power", "<=", 0.5, "W")),
    ("din", ("thermal_efficiency", ">=", 85, "%")),
    ("din", ("noise", "<=", 60, "dB(A)")),
    ("din", ("boiling_time", "<=", 360, "s")),
    ("gb", ("insulation_resistance", ">=", 2_000_000, "Ω")),
    ("gb", ("abnormal_operation", "<=", 30, "s")),
    ("gb", ("leakage_current", "<=", 0.00075, "A")),
])
def test_benchmark_indicators_found(extracted, doc, expected):
    assert expected in extracted[doc]
