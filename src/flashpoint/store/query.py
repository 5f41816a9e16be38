"""Event filters, turned into SQL once for the CLI, the Python API and the exports.

Placeholders are written `?`; the PostgreSQL backend rewrites them for psycopg.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from flashpoint.errors import ConfigError

_ISO3 = re.compile(r"^[A-Za-z]{3}$")


def _values(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """A comma-separated string or a list of strings, as a tuple without blanks."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(v.strip() for v in items if v and v.strip())


def _date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"--{name} {value!r} is not a date; write it as YYYY-MM-DD") from None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Every field is optional; given fields must all hold.

    - `actor` / `recipient`: ISO3 codes (match the country) or names (case-insensitive
      substring of the name); several, comma-separated, match any.
    - `country`: ISO3 codes of where the event happened.
    - `types`: PLOVER event types.
    - `since` / `until`: event dates, inclusive.
    - `min_dead`: at least this many killed (best value).
    - `limit`: at most this many events (earliest first).
    """

    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_dead: int | None = None
    limit: int | None = None

    @classmethod
    def of(
        cls,
        actor: str | Iterable[str] | None = None,
        recipient: str | Iterable[str] | None = None,
        country: str | Iterable[str] | None = None,
        type: str | Iterable[str] | None = None,  # noqa: A002 - the CLI's name
        since: date | str | None = None,
        until: date | str | None = None,
        min_dead: int | None = None,
        limit: int | None = None,
    ) -> EventFilter:
        """Build and check a filter from loose values (strings, lists, ISO dates)."""
        f = cls(
            actor=_values(actor),
            recipient=_values(recipient),
            country=tuple(c.upper() for c in _values(country)),
            types=tuple(t.upper() for t in _values(type)),
            since=_date(since, "since"),
            until=_date(until, "until"),
            min_dead=min_dead,
            limit=limit,
        )
        f.check()
        return f

    def check(self) -> None:
        from flashpoint.ontology import load_ontology

        known = load_ontology().types
        for t in self.types:
            if t not in known:
                raise ConfigError(
                    f"unknown event type {t!r}; use PLOVER types such as {', '.join(sorted(known))}"
                )
        for c in self.country:
            if not _ISO3.match(c):
                raise ConfigError(f"--country {c!r} is not an ISO3 code (e.g. PAK, IRN)")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and self.limit < 0:
            raise ConfigError("--limit must be zero or more")
        if self.min_dead is not None and self.min_dead < 0:
            raise ConfigError("--min-dead must be zero or more")


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _party(values: Sequence[str], column: str) -> tuple[str, list[object]]:
    """`column`'s country is one of the codes, or its name contains one of the names."""
    parts: list[str] = []
    params: list[object] = []
    for v in values:
        if _ISO3.match(v):
            parts.append(f"e.{column}_country = ?")
            params.append(v.upper())
        else:
            parts.append(f"LOWER(e.{column}_name) LIKE ? ESCAPE '\\'")
            params.append(_like(v))
    return "(" + " OR ".join(parts) + ")", params


def where_clause(f: EventFilter) -> tuple[str, list[object]]:
    """The WHERE clause (without the keyword; 'TRUE' when empty) over `events e`."""
    parts: list[str] = []
    params: list[object] = []
    if f.actor:
        sql, p = _party(f.actor, "actor")
        parts.append(sql)
        params += p
    if f.recipient:
        sql, p = _party(f.recipient, "recipient")
        parts.append(sql)
        params += p
    if f.country:
        parts.append("e.location_country IN (" + ", ".join("?" * len(f.country)) + ")")
        params += list(f.country)
    if f.types:
        parts.append("e.event_type IN (" + ", ".join("?" * len(f.types)) + ")")
        params += list(f.types)
    if f.since:
        parts.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        parts.append("e.date <= ?")
        params.append(f.until)
    if f.min_dead is not None:
        parts.append("e.dead >= ?")
        params.append(f.min_dead)
    return (" AND ".join(parts) or "TRUE"), params


def select_events(f: EventFilter, columns: str) -> tuple[str, list[object]]:
    """The full SELECT of `columns` from `events e` under filter `f`, in a stable order."""
    where, params = where_clause(f)
    sql = f"SELECT {columns} FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(f.limit)
    return sql, params
