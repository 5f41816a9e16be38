"""`date_label`: a date written at its precision."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.datelabel import date_label


@pytest.mark.parametrize(
    ("precision", "label"),
    [
        (None, "2024-01-17"),
        ("day", "2024-01-17"),
        ("week", "week of 2024-01-15"),
        ("month", "Jan 2024"),
        ("year", "2024"),
    ],
)
def test_a_date_is_written_at_its_precision(precision: str | None, label: str) -> None:
    assert date_label(date(2024, 1, 17), precision) == label


def test_no_date_is_undated() -> None:
    assert date_label(None, "day") == "undated"
