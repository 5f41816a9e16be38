"""The tuning/checking split of a dev set: by a hash of each record's id, so it never
changes as records are added and does not follow the file's order.

Study and fix only the errors of the `tune` half; report both halves. A gap that widens
between them means the rules fit the tuning half rather than the pattern.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

HALVES = ("tune", "check")


def half_of(record_id: str) -> str:
    """`tune` or `check` for a record id (sha1 of the id, parity of its first byte)."""
    return HALVES[hashlib.sha1(record_id.encode("utf-8")).digest()[0] % 2]


def select(records: Iterable[dict[str, Any]], half: str | None) -> list[dict[str, Any]]:
    """The records of one half (all of them for None or "all")."""
    if half in (None, "all"):
        return list(records)
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES} or 'all', got {half!r}")
    return [r for r in records if half_of(str(r.get("id"))) == half]
