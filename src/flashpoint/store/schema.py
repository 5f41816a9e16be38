"""The store's tables, declared once, and the schema's migrations, versioned from the first
release on.

Each table is a tuple of typed `Column`s. That one list generates the CREATE TABLE of the
migrations, the INSERT column lists and the SELECT lists whose rows are read back by name
(`Select`); the row builders and readers in rows.py and the records they fill are checked
against it (tests/store/test_store_schema.py).

Column types are SQL with a few placeholders ({JSON}, {DOUBLE}, {TS}, {SERIAL}) that each
backend fills in (`render`), so DuckDB and PostgreSQL stay in step. `schema_version` records
every migration applied; a store opens only a database whose version this flashpoint knows,
and brings an older one up to date.

To change the schema, append a `Migration` (never change what a released one creates): a new
column is declared at the end of its table with `since=<the new version>`, and that
migration runs the table's `added(version)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flashpoint.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    # statements only PostgreSQL runs (secondary indexes; DuckDB scans columns instead)
    postgres_only: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its name, SQL type (placeholders allowed), constraints, and
    the schema version that added it."""

    name: str
    sql_type: str = "TEXT"
    not_null: bool = False
    primary_key: bool = False
    since: int = 1

    @property
    def generated(self) -> bool:
        """Filled in by the database (a serial id), never written."""
        return self.sql_type == "{SERIAL}"

    def ddl(self) -> str:
        constraint = " PRIMARY KEY" if self.primary_key else " NOT NULL" if self.not_null else ""
        return f"{self.name} {self.sql_type}{constraint}"


@dataclass(frozen=True, slots=True)
class Select:
    """A SELECT list whose rows are read back by name: (SQL expression, name) pairs."""

    items: tuple[tuple[str, str], ...]
    names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        names = tuple(name for _, name in self.items)
        if len(set(names)) != len(names):
            raise StoreError(f"a SELECT list names a column twice ({', '.join(names)})")
        object.__setattr__(self, "names", names)

    def __add__(self, other: Select) -> Select:
        return Select(self.items + other.items)

    @property
    def sql(self) -> str:
        return ", ".join(
            expr if expr.rsplit(".", 1)[-1] == name else f"{expr} AS {name}"
            for expr, name in self.items
        )

    def read(self, rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
        """Each row as {name: value}."""
        return [dict(zip(self.names, row, strict=True)) for row in rows]


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its name and its columns, in order."""

    name: str
    columns: tuple[Column, ...]
    names: tuple[str, ...] = field(init=False)
    written: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", tuple(c.name for c in self.columns))
        object.__setattr__(self, "written", tuple(c.name for c in self.columns if not c.generated))

    def select(self, alias: str, names: Iterable[str] | None = None, prefix: str = "") -> Select:
        """The SELECT list of `names` (default: every column) of this table as `alias`,
        each read back as `prefix` + its name."""
        wanted = self.names if names is None else tuple(names)
        unknown = [n for n in wanted if n not in self.names]
        if unknown:
            raise StoreError(f"{self.name} has no column {', '.join(unknown)}")
        dot = f"{alias}." if alias else ""
        return Select(tuple((f"{dot}{n}", prefix + n) for n in wanted))

    def values(self, row: Mapping[str, Any]) -> tuple[Any, ...]:
        """The values of a row given by name, in the order of `written`."""
        if len(row) != len(self.written) or any(n not in row for n in self.written):
            missing = sorted(set(self.written) - set(row))
            extra = sorted(set(row) - set(self.written))
            raise StoreError(
                f"a row for {self.name} does not match its columns (missing: {missing}, "
                f"unknown: {extra}); declare the column in store/schema.py and write it in "
                "store/rows.py"
            )
        return tuple(row[n] for n in self.written)

    def create(self, version: int) -> str:
        """The CREATE TABLE of the columns this table has at schema `version`."""
        cols = ",\n    ".join(c.ddl() for c in self.columns if c.since <= version)
        return f"CREATE TABLE {self.name} (\n    {cols}\n)"

    def added(self, version: int) -> tuple[str, ...]:
        """The ALTER TABLEs that add the columns of schema `version` to an older table."""
        return tuple(
            f"ALTER TABLE {self.name} ADD COLUMN {c.ddl()}"
            for c in self.columns
            if c.since == version
        )


DOCUMENTS = Table(
    "documents",
    (
        Column("doc_id", primary_key=True),
        Column("content_hash", not_null=True),
        Column("pub_date", "DATE"),
        Column("title"),
        Column("url"),
        Column("source"),
        Column("outlet"),
        Column("n_chars", "INTEGER", not_null=True),
        Column("n_mentions", "INTEGER", not_null=True),
        Column("coder"),
        Column("ingested_at", "{TS}", not_null=True),
    ),
)
ACTORS = Table(
    "actors",
    (
        Column("actor_id", primary_key=True),
        Column("name"),
        Column("country"),
        Column("sector"),
    ),
)
PLACES = Table(
    "places",
    (
        Column("place_id", primary_key=True),
        Column("name"),
        Column("country"),
        Column("admin1"),
        Column("lat", "{DOUBLE}"),
        Column("lon", "{DOUBLE}"),
        Column("precision"),
    ),
)
MENTIONS = Table(
    "mentions",
    (
        Column("mention_id", primary_key=True),
        Column("doc_id", not_null=True),
        Column("ordinal", "INTEGER", not_null=True),
        Column("event_id"),
        Column("coder_event_id"),
        Column("event_type", not_null=True),
        Column("mode"),
        Column("contexts", "{JSON}"),
        Column("aux", "{JSON}"),
        Column("quad_code", "INTEGER"),
        Column("intensity", "{DOUBLE}"),
        Column("cameo"),
        Column("acled_event_type"),
        Column("acled_sub_event_type"),
        Column("actor_id"),
        Column("actor_text"),
        Column("actor_start", "INTEGER"),
        Column("actor_end", "INTEGER"),
        Column("recipient_id"),
        Column("recipient_text"),
        Column("recipient_start", "INTEGER"),
        Column("recipient_end", "INTEGER"),
        Column("place_id"),
        Column("location_text"),
        Column("location_start", "INTEGER"),
        Column("location_end", "INTEGER"),
        Column("date", "DATE"),
        Column("date_precision"),
        Column("date_start", "INTEGER"),
        Column("date_end", "INTEGER"),
        Column("pub_date", "DATE"),
        Column("dead", "INTEGER"),
        Column("injured", "INTEGER"),
        Column("arrested", "INTEGER"),
        Column("dead_lower_bound", "INTEGER"),
        Column("trigger_text"),
        Column("trigger_start", "INTEGER"),
        Column("trigger_end", "INTEGER"),
        Column("sentence"),
        Column("sentence_index", "INTEGER"),
        Column("sentence_start", "INTEGER"),
        Column("sentence_end", "INTEGER"),
        Column("confidence", "{DOUBLE}"),
        Column("coder"),
        Column("merge_type", not_null=True),
        Column("actor_key"),
        Column("recipient_key"),
        Column("place_path"),
        Column("date_lo", "DATE"),
        Column("date_hi", "DATE"),
        Column("narrow", "BOOLEAN", not_null=True),
        Column("record", "{JSON}", not_null=True),
    ),
)
EVENTS = Table(
    "events",
    (
        Column("event_id", primary_key=True),
        Column("event_type", not_null=True),
        Column("merge_type", not_null=True),
        Column("mode"),
        Column("contexts", "{JSON}"),
        Column("aux", "{JSON}"),
        Column("quad_code", "INTEGER"),
        Column("intensity", "{DOUBLE}"),
        Column("cameo"),
        Column("acled_event_type"),
        Column("acled_sub_event_type"),
        Column("date", "DATE"),
        Column("date_precision"),
        Column("date_lo", "DATE"),
        Column("date_hi", "DATE"),
        Column("actor_id"),
        Column("actor_name"),
        Column("actor_country"),
        Column("actor_sector"),
        Column("recipient_id"),
        Column("recipient_name"),
        Column("recipient_country"),
        Column("recipient_sector"),
        Column("place_id"),
        Column("location_name"),
        Column("location_country"),
        Column("location_admin1"),
        Column("latitude", "{DOUBLE}"),
        Column("longitude", "{DOUBLE}"),
        Column("location_precision"),
        Column("dead", "INTEGER"),
        Column("injured", "INTEGER"),
        Column("arrested", "INTEGER"),
        Column("count_reports", "{JSON}"),
        Column("num_mentions", "INTEGER", not_null=True),
        Column("num_sources", "INTEGER", not_null=True),
        Column("num_articles", "INTEGER", not_null=True),
        Column("first_reported", "DATE"),
        Column("last_reported", "DATE"),
        Column("rep_mention_id", not_null=True),
        Column("rep_doc_id", not_null=True),
        Column("sentence"),
        Column("confidence", "{DOUBLE}"),
    ),
)
INGEST_ERRORS = Table(
    "ingest_errors",
    (
        Column("error_key", primary_key=True),
        Column("source"),
        Column("doc_id"),
        Column("code", not_null=True),
        Column("message", not_null=True),
        Column("recorded_at", "{TS}", not_null=True),
    ),
)
DEDUP_QUEUE = Table(
    "dedup_queue",
    (
        Column("qid", "{SERIAL}", primary_key=True),
        Column("merge_type"),
        Column("date_lo", "DATE"),
        Column("date_hi", "DATE"),
        Column("event_id"),
    ),
)
TABLES: tuple[Table, ...] = (
    DOCUMENTS,
    ACTORS,
    PLACES,
    MENTIONS,
    EVENTS,
    INGEST_ERRORS,
    DEDUP_QUEUE,
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
    Migration(
        1,
        "documents, mentions, events, actors, places, errors",
        tuple(t.create(1) for t in TABLES),
        _V1_PG_INDEXES,
    ),
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
        "SERIAL": "BIGINT DEFAULT nextval('dedup_queue_seq')",
    },
    "postgres": {
        "JSON": "JSONB",
        "DOUBLE": "DOUBLE PRECISION",
        "TS": "TIMESTAMP",
        "SERIAL": "BIGSERIAL",
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
