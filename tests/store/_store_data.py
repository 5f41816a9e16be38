"""What the store tests share: store locations on both backends, hand-built events.

The fixtures that use these live in _store_fixtures.py (loaded with `pytest_plugins`).
"""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from flashpoint.document import Event, EventActor, EventLocation, Trigger
from flashpoint.store import SQLStore
from flashpoint.store.rows import DocumentInfo, IngestItem

ROOT = Path(__file__).resolve().parents[2]
BACKENDS = ["duckdb", "postgres"]


def pg_dsn() -> str:
    """The test server's DSN ($FLASHPOINT_TEST_PG, else tmp/pg_dsn); fails if unreachable."""
    dsn = os.environ.get("FLASHPOINT_TEST_PG")
    dsn_file = ROOT / "tmp" / "pg_dsn"
    if not dsn and dsn_file.exists():
        dsn = dsn_file.read_text().strip()
    if not dsn:
        pytest.fail(
            "PostgreSQL is not available for the store tests: run `bash scripts/services.sh` "
            "(`make test` does) or set FLASHPOINT_TEST_PG to a postgresql:// URL"
        )
    try:
        with psycopg.connect(dsn, connect_timeout=5) as con:
            con.execute("SELECT 1")
    except psycopg.Error as exc:
        pytest.fail(f"PostgreSQL at {dsn} does not answer ({exc}); run scripts/services.sh")
    return dsn


def with_schema(dsn: str, schema: str) -> str:
    """`dsn` with its search_path set to `schema`."""
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}"


class StoreUrls:
    """Makes fresh, empty store locations of one backend; removes them afterwards."""

    def __init__(self, backend: str, tmp_path: Path) -> None:
        self.backend = backend
        self._tmp = tmp_path
        self._schemas: list[str] = []
        self._dsn = pg_dsn() if backend == "postgres" else ""

    def new(self) -> str:
        n = len(self._schemas)
        self._schemas.append(f"t_{uuid.uuid4().hex[:16]}")
        if self.backend == "duckdb":
            return str(self._tmp / f"events{n or ''}.duckdb")
        with psycopg.connect(self._dsn, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {self._schemas[-1]}")
        return with_schema(self._dsn, self._schemas[-1])

    def cleanup(self) -> None:
        if self.backend != "postgres":
            return
        with psycopg.connect(self._dsn, autocommit=True) as con:
            for schema in self._schemas:
                con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


# --- hand-built events ----------------------------------------------------------------------

IRAN = EventActor(text="Iranian forces", name="Iran", country="IRN", sector="MIL", span=(0, 14))
PAKISTAN = EventActor(text="Pakistan", name="Pakistan", country="PAK", sector=None, span=(30, 38))
BALOCHISTAN = EventLocation(
    text="Baluchistan province",
    name="Balochistan",
    country="PAK",
    admin1="Balochistan",
    lat=28.5,
    lon=65.5,
    precision="admin1",
    span=(50, 70),
)
PANJGUR = EventLocation(
    text="Panjgur",
    name="Panjgur",
    country="PAK",
    admin1="Balochistan",
    lat=26.96,
    lon=64.09,
    precision="city",
    span=(50, 57),
)
PUNJAB = EventLocation(
    text="Punjab",
    name="Punjab",
    country="PAK",
    admin1="Punjab",
    lat=31.0,
    lon=72.0,
    precision="admin1",
    span=(50, 56),
)


def event(
    doc_id: str,
    *,
    pub: date = date(2024, 1, 18),
    when: date | None = date(2024, 1, 16),
    precision: str | None = "day",
    event_type: str = "ASSAULT",
    mode: str | None = "aerial",
    actor: EventActor | None = IRAN,
    recipient: EventActor | None = PAKISTAN,
    location: EventLocation | None = BALOCHISTAN,
    dead: int | None = None,
    sentence: str = "Iranian forces struck Pakistan, killing two children in Baluchistan.",
    aux: list[str] | None = None,
) -> Event:
    """An event as the coder would emit it (every field set by hand)."""
    return Event(
        doc_id=doc_id,
        pub_date=pub,
        event_type=event_type,
        mode=mode,
        trigger=Trigger(text="struck", span=(15, 21)),
        sentence=sentence,
        sentence_span=(0, len(sentence)),
        sentence_index=0,
        quad_code=4,
        intensity=-9.5,
        cameo="195",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        actor=actor,
        recipient=recipient,
        location=location,
        date=when,
        date_precision=precision,  # type: ignore[arg-type]
        date_span=(40, 47) if when else None,
        dead=dead,
        aux=list(aux or []),
        confidence=0.8,
        coder="flashpoint test",
        id=f"ev_{doc_id}",
    )


def item(
    doc_id: str, *events: Event, pub: date = date(2024, 1, 18), url: str | None = None
) -> IngestItem:
    """A coded document holding `events`."""
    info = DocumentInfo(
        doc_id=doc_id,
        content_hash=f"hash-{doc_id}",
        pub_date=pub,
        url=url,
        source=f"{doc_id}.txt",
        n_chars=500,
    )
    return IngestItem(info, list(events), "flashpoint test")


def snapshot(store: SQLStore) -> list[dict[str, object]]:
    """Every event with its mentions' ids: what two equal stores must agree on."""
    out = []
    for e in store.events(mentions=True):
        record = e.to_dict()
        record["mentions"] = sorted(m["mention_id"] for m in record["mentions"])
        out.append(record)
    return out
