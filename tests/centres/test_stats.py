"""Disclosure control: the one rule every count on every page follows."""

import pytest

from centres.stats import suppress


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (120, "120")]
)
def test_suppress_hides_counts_below_five(count, shown):
    assert suppress(count) == shown
