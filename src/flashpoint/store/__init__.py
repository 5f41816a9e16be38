"""The event store: articles and events go in once; reports of one event merge into one.

>>> import flashpoint
>>> db = flashpoint.open("flashpoint.duckdb", create=True)   # or "postgresql://user@host/db"
>>> from flashpoint.ingest import ingest                     # reading and coding: above the store
>>> ingest(db, ["articles/"])                                # read, code, store, merge
>>> events = db.events(actor="IRN", type="ASSAULT", since="2024-01-01")
>>> events.to_pandas()
>>> flashpoint.open("flashpoint.duckdb", read_only=True)     # beside `flashpoint serve`

Backends: `DuckDBStore` (a file; the default) and `PostgresStore`; both implement `Store`.
A DuckDB file is shared by many read-only processes or held by one writer; PostgreSQL
takes both at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from flashpoint.errors import StoreError
from flashpoint.store.base import DEFAULT_DB, DEFAULT_LOCK_TIMEOUT, SQLStore, Store
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


def open_store(
    db: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> SQLStore:
    """Open (creating or migrating if needed) the store at `db`: a DuckDB file path,
    ':memory:', or a postgresql:// URL. Default: $FLASHPOINT_DB, else flashpoint.duckdb.

    With `create=False` (implied by `read_only`) a DuckDB file that does not exist is an
    error, not a new store. `read_only=True` reads and never writes: many such processes
    share one DuckDB file (while a `flashpoint serve` runs, say); pending merges are left
    to the next writer. A DuckDB file held by another process the other way is retried for
    `lock_timeout` seconds, then refused with a StoreError naming the holder."""
    target = str(db) if db is not None else os.environ.get("FLASHPOINT_DB") or DEFAULT_DB
    if is_postgres_url(target):
        from flashpoint.store.postgres import PostgresStore

        return PostgresStore(target, read_only=read_only)
    from flashpoint.store.duckdb import DuckDBStore

    if (not create or read_only) and target != ":memory:" and not _exists(target):
        raise StoreError(
            f"there is no store at {target}; run `flashpoint ingest --db {target} ARTICLES...` "
            "first, point at an existing one, or pass create=True to start an empty one"
        )

    return DuckDBStore(target, read_only=read_only, lock_timeout=lock_timeout)


def _exists(path: str) -> bool:
    return Path(path).expanduser().exists()


def open(  # noqa: A001 - `flashpoint.open(db)` is the public name
    db: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    create: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> SQLStore:
    """`flashpoint.open(db)`: the existing store at `db` (see `open_store`). A DuckDB file
    that does not exist is refused (a typo must not make an empty store) unless
    `create=True`. In a notebook beside a running `flashpoint serve`, pass `read_only=True`."""
    return open_store(db, create=create, read_only=read_only, lock_timeout=lock_timeout)


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
