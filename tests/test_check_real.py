"""`zmdocs check` of a made-up car's data against a real GB (GB 7258—2017, read in place).

The product values are ours (tests/data/check/car_gb7258.csv); the expected clauses and limits are
facts of the standard. Skipped when ../shared/corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.check import check_documents, load_spec

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SPEC = Path(__file__).resolve().parent / "data" / "check" / "car_gb7258.csv"
pytestmark = pytest.mark.slow  # parses a 57-page PDF


@pytest.fixture(scope="module")
def result():
    pdf = CORPUS / "cn-product" / "gb7258-2017-vehicle-safety.pdf"
    if not pdf.exists():
        pytest.skip("../shared/corpus is absent")
    from zmdocs.app import prepare
    from zmdocs.parse.registry import parse_file

    return check_documents(load_spec(SPEC), [prepare(parse_file(pdf, ocr="off"))], model=False)


def _rows(result, parameter):
    return sorted((c.limit.clause, c.limit.comparator, c.limit.value, c.limit.unit, c.result)
                  for c in result.checks if c.parameter == parameter)


def test_driver_ear_noise_passes(result):
    assert _rows(result, "驾驶人耳旁噪声声级") == [("4.13.1", "<=", 90, "dB(A)", "pass")]


def test_pure_electric_range_fails(result):
    assert _rows(result, "纯电动续驶里程") == [("4.17.6", ">=", 50, "km", "fail")]


def test_steering_free_play_uses_the_stated_condition(result):
    rows = _rows(result, "方向盘最大自由转动量")
    assert ("6.4", "<=", 15, "°", "fail") in rows  # vehicles of 100 km/h and more: 20° > 15°
    assert [r for r in rows if r[4] != "fail"] == [("6.4", "<=", 25, "°", "not-comparable"),
                                                    ("6.4", "<=", 35, "°", "not-comparable")]


def test_force_in_kn_against_a_limit_in_n(result):
    assert _rows(result, "方向盘外缘最大切向力") == [("6.8", "<=", 245, "N", "pass")]


def test_limits_the_data_do_not_state_are_not_covered(result):
    missing = [c for c in result.checks if c.result == "not-covered"]
    assert len(missing) > 100 and all(c.limit is not None and c.value is None for c in missing)
