"""What every reader shares: publication dates."""

from __future__ import annotations

import re
from datetime import date, datetime

from flashpoint.errors import DateError

_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


def parse_pub_date(value: str, source: str | None = None) -> date:
    """Parse a publication date: ISO `YYYY-MM-DD` (a time part is ignored) or a written date."""
    text = value.strip()
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$", text)
    if iso:
        text = iso.group(1)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise DateError(
        f"unknown date format {value!r}; write the publication date as YYYY-MM-DD",
        source=source,
    )
