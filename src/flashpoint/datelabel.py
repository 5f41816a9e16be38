"""A date written as precisely as it is known: 2024-01-16, week of 2024-01-15, Jan 2024, 1956.

Pure and light (no pandas), so the CLI's event table and the analysis write dates the same
way without the table paying for the analysis's imports."""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["date_label"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_label(day: date | None, precision: str | None = None) -> str:
    """`day` at `precision` (day, week, month or year; None is day); "undated" for None."""
    if day is None:
        return "undated"
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{_MONTHS[day.month - 1]} {day.year}"
    if precision == "week":
        return f"week of {(day - timedelta(days=day.weekday())).isoformat()}"
    return day.isoformat()
