"""Field strengths, short times and radiological units (EMC immunity levels, drinking-water rules)."""

from __future__ import annotations

import pytest

from zmdocs.indicators.prose import extract_text
from zmdocs.indicators.units import conversion, unit_symbol


@pytest.mark.parametrize(("written", "symbol", "canon", "factor"), [
    ("V/m", "V/m", "V/m", 1.0), ("A/m", "A/m", "A/m", 1.0), ("ns", "ns", "s", 1e-9), ("μs", "µs", "s", 1e-6),
    ("Bq/l", "Bq/L", "Bq/L", 1.0), ("mSv/Jahr", "mSv/a", "mSv/a", 1.0),
])
def test_units_are_known_and_convert(written: str, symbol: str, canon: str, factor: float) -> None:
    assert unit_symbol(written) == symbol
    got, f, _off = conversion(symbol)
    assert got == canon and f == pytest.approx(factor)


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("试验场强应不小于10 V/m。", "zh", (">=", 10, "V/m")),
    ("The rise time of the pulse shall not exceed 5 ns.", "en", ("<=", 5, "ns")),
    ("Die Gesamtrichtdosis darf 0,1 mSv/a nicht überschreiten.", "de", ("<=", 0.1, "mSv/a")),
])
def test_limits_in_the_new_units_are_read(text: str, lang: str, want: tuple) -> None:
    got = [(i.comparator, i.value, unit_symbol(i.unit)) for i in extract_text(text, lang=lang)]
    assert want in got
