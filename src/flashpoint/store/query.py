"""Event filters, turned into SQL once for the CLI, the Python API and the exports.

Placeholders are written `?`; the PostgreSQL backend rewrites them for psycopg.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, get_args

from flashpoint.document import DatePrecision
from flashpoint.errors import ConfigError

if TYPE_CHECKING:
    from flashpoint.analysis.dyads import ActorSpec, Dyad

_ISO3 = re.compile(r"^[A-Za-z]{3}$")
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
BBox = tuple[float, float, float, float]
# the fields the text search `q` looks in
_TEXT_FIELDS = (
    *("sentence", "actor_name", "recipient_name", "location_name"),
    *("event_type", "mode", "actor_country", "recipient_country"),
)


def _values(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """A comma-separated string or a list of strings, as a tuple without blanks."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(v.strip() for v in items if v and v.strip())


def _bbox(value: str | Sequence[float] | None) -> BBox | None:
    """`min_lon,min_lat,max_lon,max_lat` (west, south, east, north) as four numbers."""
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        box = tuple(float(v) for v in parts)
    except (TypeError, ValueError):
        box = ()
    if len(box) != 4 or not all(map(math.isfinite, box)):
        raise ConfigError(
            f"--bbox {value!r} is not a box; write four numbers west,south,east,north "
            "(min_lon,min_lat,max_lon,max_lat), e.g. 60,23,78,37"
        )
    west, south, east, north = box
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ConfigError(
            f"--bbox {value!r}: longitudes lie in -180..180, latitudes in -90..90 with south "
            "<= north (west > east crosses the antimeridian)"
        )
    return (west, south, east, north)


def _quads(value: int | str | Iterable[int | str] | None) -> tuple[int, ...]:
    """Quad classes from `3`, `"3,4"` or `[3, 4]`."""
    if value is None:
        return ()
    items: Sequence[int | str]
    if isinstance(value, int):
        items = [value]
    elif isinstance(value, str):
        items = _values(value)
    else:
        items = list(value)
    try:
        return tuple(int(v) for v in items)
    except ValueError:
        raise ConfigError(f"--quad {value!r}: give PLOVER quad classes 1 to 4") from None


def _dyad(value: str | Dyad | None) -> Dyad | None:
    if value is None or not isinstance(value, str):
        return value
    from flashpoint.analysis.dyads import Dyad

    return Dyad.parse(value)


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
    - `bbox`: located inside (west, south, east, north) in degrees; west > east crosses
      the antimeridian.
    - `admin1`: names of the first-level division (province, state) of the place.
    - `sector`: actor or recipient sector codes (GOV, MIL, REB, CVL, ...).
    - `quad`: PLOVER quad classes (1 verbal cooperation ... 4 material conflict).
    - `acled_type`: ACLED event types or sub-event types (e.g. Battles, Armed clash).
    - `min_confidence`: the coder's confidence (0..1) at least this.
    - `date_precision`: how exactly the date is known (day, week, month, year).
    - `dyad`: both directions between two actors (`IRN-PAK`, `PAK:MIL-IRN`).
    - `q`: every word in the sentence, the actors, the place, the type or mode.
    - `limit`: at most this many events (earliest first).
    - `background`: also events whose every report is a running total or background
      (`aux` "aggregate" / "background"); left out by default.
    """

    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_dead: int | None = None
    bbox: BBox | None = None
    admin1: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    quad: tuple[int, ...] = ()
    acled_type: tuple[str, ...] = ()
    min_confidence: float | None = None
    date_precision: tuple[str, ...] = ()
    dyad: Dyad | None = None
    q: str | None = None
    limit: int | None = None
    background: bool = False

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
        *,
        bbox: str | Sequence[float] | None = None,
        admin1: str | Iterable[str] | None = None,
        sector: str | Iterable[str] | None = None,
        quad: int | str | Iterable[int | str] | None = None,
        acled_type: str | Iterable[str] | None = None,
        min_confidence: float | None = None,
        date_precision: str | Iterable[str] | None = None,
        dyad: str | Dyad | None = None,
        q: str | None = None,
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
            bbox=_bbox(bbox),
            admin1=_values(admin1),
            sector=tuple(v.upper() for v in _values(sector)),
            quad=_quads(quad),
            acled_type=_values(acled_type),
            min_confidence=min_confidence,
            date_precision=tuple(v.lower() for v in _values(date_precision)),
            dyad=_dyad(dyad),
            q=" ".join((q or "").split()) or None,
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
        self._check_new()

    def _check_new(self) -> None:
        if any(q not in (1, 2, 3, 4) for q in self.quad):
            raise ConfigError(f"--quad {self.quad}: PLOVER quad classes are 1 to 4")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise ConfigError("--min-confidence is a number from 0 to 1")
        for p in self.date_precision:
            if p not in DATE_PRECISIONS:
                raise ConfigError(
                    f"--date-precision {p!r}: use {', '.join(DATE_PRECISIONS)} (comma-separated)"
                )
        known = _acled_names()
        for t in self.acled_type:
            if t.lower() not in known:
                raise ConfigError(
                    f"unknown ACLED type {t!r}; use ACLED event types such as "
                    f"{', '.join(sorted(_acled_types()))}, or their sub-event types"
                )


def _acled_types() -> list[str]:
    from flashpoint.ontology import load_ontology

    return list(load_ontology().acled)


def _acled_names() -> set[str]:
    from flashpoint.ontology import load_ontology

    acled = load_ontology().acled
    return {n.lower() for n in acled} | {s.lower() for subs in acled.values() for s in subs}


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
    for sql, p in _analyst_clauses(f):
        parts.append(sql)
        params += p
    if not f.background:
        parts.append(_NOT_BACKGROUND)
    return (" AND ".join(parts) or "TRUE"), params


# events flagged as running totals or background (their `aux`, a JSON list) are not events
# of their own day: left out unless asked for
_NOT_BACKGROUND = (
    "NOT (COALESCE(CAST(e.aux AS VARCHAR), '') LIKE '%\"aggregate\"%'"
    " OR COALESCE(CAST(e.aux AS VARCHAR), '') LIKE '%\"background\"%')"
)


def _in(column: str, values: Sequence[object]) -> tuple[str, list[object]]:
    return f"{column} IN (" + ", ".join("?" * len(values)) + ")", list(values)


def _analyst_clauses(f: EventFilter) -> list[tuple[str, list[object]]]:
    """The clauses of the filters analysts narrow a map or a table with."""
    out: list[tuple[str, list[object]]] = []
    if f.bbox is not None:
        out.append(_bbox_clause(f.bbox))
    if f.admin1:
        out.append(_in("LOWER(e.location_admin1)", [a.lower() for a in f.admin1]))
    if f.sector:
        a, pa = _in("e.actor_sector", f.sector)
        r, pr = _in("e.recipient_sector", f.sector)
        out.append((f"({a} OR {r})", pa + pr))
    if f.quad:
        out.append(_in("e.quad_code", f.quad))
    if f.acled_type:
        names = [t.lower() for t in f.acled_type]
        a, pa = _in("LOWER(e.acled_event_type)", names)
        s, ps = _in("LOWER(e.acled_sub_event_type)", names)
        out.append((f"({a} OR {s})", pa + ps))
    if f.min_confidence is not None:
        out.append(("e.confidence >= ?", [f.min_confidence]))
    if f.date_precision:
        out.append(_in("e.date_precision", f.date_precision))
    if f.dyad is not None:
        out.append(_dyad_clause(f.dyad))
    if f.q:
        out.append(_text_clause(f.q))
    return out


def _bbox_clause(box: BBox) -> tuple[str, list[object]]:
    west, south, east, north = box
    lon = (
        "e.longitude >= ? AND e.longitude <= ?"
        if west <= east
        else ("(e.longitude >= ? OR e.longitude <= ?)")
    )
    return f"(e.latitude >= ? AND e.latitude <= ? AND {lon})", [south, north, west, east]


def _side(spec: ActorSpec, side: str) -> tuple[str, list[object]]:
    """`spec` matches the event's `side` ('actor' or 'recipient')."""
    parts: list[str] = []
    params: list[object] = []
    if spec.country:
        parts.append(f"e.{side}_country = ?")
        params.append(spec.country)
    if spec.sector:
        parts.append(f"e.{side}_sector = ?")
        params.append(spec.sector)
    if spec.name:
        parts.append(f"LOWER(e.{side}_name) LIKE ? ESCAPE '\\'")
        params.append(_like(spec.name))
    return "(" + (" AND ".join(parts) or "TRUE") + ")", params


def _dyad_clause(dyad: Dyad) -> tuple[str, list[object]]:
    """Either direction of the dyad."""
    a_act, p1 = _side(dyad.a, "actor")
    b_rec, p2 = _side(dyad.b, "recipient")
    b_act, p3 = _side(dyad.b, "actor")
    a_rec, p4 = _side(dyad.a, "recipient")
    return f"(({a_act} AND {b_rec}) OR ({b_act} AND {a_rec}))", p1 + p2 + p3 + p4


def _text_clause(q: str) -> tuple[str, list[object]]:
    """Every word of `q` in the event's text fields (case-insensitive)."""
    hay = "LOWER(CONCAT_WS(' ', " + ", ".join(f"e.{c}" for c in _TEXT_FIELDS) + "))"
    words = q.lower().split()
    return "(" + " AND ".join(f"{hay} LIKE ? ESCAPE '\\'" for _ in words) + ")", [
        _like(w) for w in words
    ]


def select_events(f: EventFilter, columns: str) -> tuple[str, list[object]]:
    """The full SELECT of `columns` from `events e` under filter `f`, in a stable order."""
    where, params = where_clause(f)
    sql = f"SELECT {columns} FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.event_id"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(f.limit)
    return sql, params
