"""Calendar arithmetic for news dates (standard library only).

The conventions every resolved date follows:

- precision "day": the day itself;
- precision "week": the Monday of that ISO week (ISO ``2024-W03`` semantics);
- precision "month": the first day of the month (ISO ``2024-01`` semantics);
- precision "year": the first of January.
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def small_number(word: str) -> int | None:
    """'two' -> 2, '3' -> 3; None for anything else."""
    w = word.lower()
    if w.isdigit():
        return int(w)
    return SMALL_NUMBERS.get(w)


def weekday_on_or_before(pub: date, weekday: int) -> date:
    """The most recent `weekday` on or before `pub` (the same weekday gives `pub`)."""
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def weekday_on_or_after(pub: date, weekday: int) -> date:
    """The next `weekday` on or after `pub`."""
    return pub + timedelta(days=(weekday - pub.weekday()) % 7)


def monday_of(day: date) -> date:
    """The Monday of the ISO week that holds `day`."""
    return day - timedelta(days=day.weekday())


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """`date(year, month, day)`, or None where no such day exists."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_day_on_or_before(pub: date, month: int, day: int) -> date | None:
    """The most recent `month`/`day` on or before `pub` ('December 30' read on 1 January
    is last year's)."""
    year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    return safe_date(year, month, day) or safe_date(year - 1, month, day)


def month_day_on_or_after(pub: date, month: int, day: int) -> date | None:
    year = pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    return safe_date(year, month, day) or safe_date(year + 1, month, day)


def month_on_or_before(pub: date, month: int) -> date:
    """The first day of the most recent `month` that began on or before `pub`."""
    return date(pub.year if month <= pub.month else pub.year - 1, month, 1)


def month_on_or_after(pub: date, month: int) -> date:
    return date(pub.year if month >= pub.month else pub.year + 1, month, 1)
