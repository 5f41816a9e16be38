"""The event store: articles and events go in once; reports of one event merge into one.

>>> import flashpoint
>>> db = flashpoint.open("flashpoint.duckdb")          # or "postgresql://user@host/db"
>>> db.ingest(["articles/"])                           # read, code, store, merge
>>> events = db.events(actor="IRN", type="ASSAULT", since="2024-01-01")
>>> events.to_pandas()

Backends: `DuckDBStore` (a file; the default) and `PostgresStore`; both implement `Store`.
"""

from __future__ import annotations

import os
from pathlib import Path

from flashpoint.errors import StoreError
from flashpoint.store.base import DEFAULT_DB, SQLStore, Store
from flashpoint.store.query import EventFilter
from flashpoint.store.records import (
    DedupStats,
    EventList,
    StoredError,
    StoredEvent,
    StoredMention,
    StoreStats,
)

_PG_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(db: str) -> bool:
    return db.startswith(_PG_SCHEMES)


def open_store(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> SQLStore:
    """Open (creating or migrating if needed) the store at `db`: a DuckDB file path,
    ':memory:', or a postgresql:// URL. Default: $FLASHPOINT_DB, else flashpoint.duckdb.
    With `create=False` a DuckDB file that does not exist is an error, not a new store."""
    target = str(db) if db is not None else os.environ.get("FLASHPOINT_DB") or DEFAULT_DB
    if is_postgres_url(target):
        from flashpoint.store.postgres import PostgresStore

        return PostgresStore(target)
    from flashpoint.store.duckdb import DuckDBStore

    if not create and target != ":memory:" and not Path(target).expanduser().exists():
        raise StoreError(
            f"there is no store at {target}; run `flashpoint ingest --db {target} ARTICLES...` "
            "first, or point --db at an existing one"
        )

    return DuckDBStore(target)


open = open_store  # noqa: A001 - `flashpoint.open(db)` is the public name

__all__ = [
    "DEFAULT_DB",
    "DedupStats",
    "EventFilter",
    "EventList",
    "SQLStore",
    "Store",
    "StoreStats",
    "StoredError",
    "StoredEvent",
    "StoredMention",
    "is_postgres_url",
    "open",
    "open_store",
]
