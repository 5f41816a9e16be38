"""The store's schema and its migrations, versioned from the first release on.

Each migration is SQL written once with a few type placeholders ({JSON}, {DOUBLE}, {TS},
{SERIAL_PK}) that each backend fills in (`render`), so DuckDB and PostgreSQL stay in step.
`schema_version` records every migration applied; a store opens only a database whose
version this flashpoint knows, and brings an older one up to date.

To change the schema, append a `Migration` (never edit a released one).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    # statements only PostgreSQL runs (secondary indexes; DuckDB scans columns instead)
    postgres_only: tuple[str, ...] = ()


_V1_TABLES = (
    """CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        pub_date DATE,
        title TEXT,
        url TEXT,
        source TEXT,
        outlet TEXT,
        n_chars INTEGER NOT NULL,
        n_mentions INTEGER NOT NULL,
        coder TEXT,
        ingested_at {TS} NOT NULL
    )""",
    """CREATE TABLE actors (
        actor_id TEXT PRIMARY KEY,
        name TEXT,
        country TEXT,
        sector TEXT
    )""",
    """CREATE TABLE places (
        place_id TEXT PRIMARY KEY,
        name TEXT,
        country TEXT,
        admin1 TEXT,
        lat {DOUBLE},
        lon {DOUBLE},
        precision TEXT
    )""",
    """CREATE TABLE mentions (
        mention_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        event_id TEXT,
        coder_event_id TEXT,
        event_type TEXT NOT NULL,
        mode TEXT,
        contexts {JSON},
        aux {JSON},
        quad_code INTEGER,
        intensity {DOUBLE},
        cameo TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        actor_id TEXT,
        actor_text TEXT,
        actor_start INTEGER,
        actor_end INTEGER,
        recipient_id TEXT,
        recipient_text TEXT,
        recipient_start INTEGER,
        recipient_end INTEGER,
        place_id TEXT,
        location_text TEXT,
        location_start INTEGER,
        location_end INTEGER,
        date DATE,
        date_precision TEXT,
        date_start INTEGER,
        date_end INTEGER,
        pub_date DATE,
        dead INTEGER,
        injured INTEGER,
        arrested INTEGER,
        dead_lower_bound INTEGER,
        trigger_text TEXT,
        trigger_start INTEGER,
        trigger_end INTEGER,
        sentence TEXT,
        sentence_index INTEGER,
        sentence_start INTEGER,
        sentence_end INTEGER,
        confidence {DOUBLE},
        coder TEXT,
        merge_type TEXT NOT NULL,
        actor_key TEXT,
        recipient_key TEXT,
        place_path TEXT,
        date_lo DATE,
        date_hi DATE,
        narrow BOOLEAN NOT NULL,
        record {JSON} NOT NULL
    )""",
    """CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        merge_type TEXT NOT NULL,
        mode TEXT,
        contexts {JSON},
        aux {JSON},
        quad_code INTEGER,
        intensity {DOUBLE},
        cameo TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        date DATE,
        date_precision TEXT,
        date_lo DATE,
        date_hi DATE,
        actor_id TEXT,
        actor_name TEXT,
        actor_country TEXT,
        actor_sector TEXT,
        recipient_id TEXT,
        recipient_name TEXT,
        recipient_country TEXT,
        recipient_sector TEXT,
        place_id TEXT,
        location_name TEXT,
        location_country TEXT,
        location_admin1 TEXT,
        latitude {DOUBLE},
        longitude {DOUBLE},
        location_precision TEXT,
        dead INTEGER,
        injured INTEGER,
        arrested INTEGER,
        count_reports {JSON},
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        first_reported DATE,
        last_reported DATE,
        rep_mention_id TEXT NOT NULL,
        rep_doc_id TEXT NOT NULL,
        sentence TEXT,
        confidence {DOUBLE}
    )""",
    """CREATE TABLE ingest_errors (
        error_key TEXT PRIMARY KEY,
        source TEXT,
        doc_id TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        recorded_at {TS} NOT NULL
    )""",
    """CREATE TABLE dedup_queue (
        {SERIAL_PK},
        merge_type TEXT,
        date_lo DATE,
        date_hi DATE,
        event_id TEXT
    )""",
)

_V1_PG_INDEXES = (
    "CREATE INDEX mentions_doc_idx ON mentions (doc_id)",
    "CREATE INDEX mentions_event_idx ON mentions (event_id)",
    "CREATE INDEX mentions_merge_idx ON mentions (merge_type, date_lo) WHERE narrow",
    "CREATE INDEX events_date_idx ON events (date)",
    "CREATE INDEX events_type_idx ON events (event_type, date)",
    "CREATE INDEX events_actor_idx ON events (actor_country)",
    "CREATE INDEX events_recipient_idx ON events (recipient_country)",
    "CREATE INDEX events_location_idx ON events (location_country)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, mentions, events, actors, places, errors", _V1_TABLES, _V1_PG_INDEXES),
)
LATEST = MIGRATIONS[-1].version

VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at {TS} NOT NULL
)"""

TYPES = {
    "duckdb": {
        "JSON": "JSON",
        "DOUBLE": "DOUBLE",
        "TS": "TIMESTAMP",
        "SERIAL_PK": "qid BIGINT PRIMARY KEY DEFAULT nextval('dedup_queue_seq')",
    },
    "postgres": {
        "JSON": "JSONB",
        "DOUBLE": "DOUBLE PRECISION",
        "TS": "TIMESTAMP",
        "SERIAL_PK": "qid BIGSERIAL PRIMARY KEY",
    },
}
# Statements a backend runs before a migration's own (DuckDB's sequence for the queue ids).
PRELUDE = {"duckdb": {1: ("CREATE SEQUENCE dedup_queue_seq",)}, "postgres": {}}


def render(sql: str, backend: str) -> str:
    """`sql` with the type placeholders of `backend` filled in."""
    return sql.format(**TYPES[backend])


def statements(migration: Migration, backend: str) -> list[str]:
    """Every statement `backend` runs to apply `migration`, in order."""
    out = list(PRELUDE[backend].get(migration.version, ()))
    out += [render(s, backend) for s in migration.statements]
    if backend == "postgres":
        out += list(migration.postgres_only)
    return out


def pending(current: int) -> list[Migration]:
    """The migrations a database at version `current` still needs."""
    return [m for m in MIGRATIONS if m.version > current]
