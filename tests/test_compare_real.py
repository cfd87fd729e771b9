"""The comparison cases of tests/data/compare/real_cases.yaml: real documents of ../shared/corpus/ and the samples.

Every expected row (counterpart per tier, value, clause, result) and the verdict were written before
the code of issue #12; the drafts marked `docx:` are generated here from the numbers in the YAML.
Skipped when ../shared/corpus is absent (a fresh clone).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data" / "compare"))
import realcases  # noqa: E402

CASES = realcases.load_cases()
pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def parsed():
    return {}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_real_case(case, parsed, tmp_path):
    if not realcases.available(case):
        pytest.skip("../shared/corpus (or the rendered samples) not available")
    cmp = realcases.run_case(case, tmp_path, cache=parsed)
    bad = realcases.check_case(case, cmp)
    known = set(case.get("known_failures", []))
    bad = [b for b in bad if not any(k in b for k in known)]
    if case.get("held_out"):  # measured only, never asserted (nor tuned on): the figure is printed
        print(f"held-out {case['id']}: {len(bad)} mismatches: {bad}")
        return
    if bad and case.get("xfail"):
        pytest.xfail(f"{case['xfail']}: {bad}")
    assert bad == []


def test_cases_are_enough_and_well_formed():
    assert len(CASES) >= 6
    for c in CASES:
        assert c.get("verdict") or c.get("verdict_in"), c["id"]
        assert "first_run" in c, c["id"]
        for r in c.get("rows", []):
            assert r.get("result") in {"stricter", "equal", "looser", "not-comparable", "new"}, (c["id"], r)
