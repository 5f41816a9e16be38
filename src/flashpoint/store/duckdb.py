"""The embedded default: a DuckDB file (`flashpoint.duckdb` unless told otherwise).

DuckDB lets many processes read a file at once (each opens it read-only) or one process
write it, never both. `read_only=True` is for readers (`events`, `export`, `report`, `serve`
without a token, notebooks): they share the file. A process that finds the file held the
other way waits, retrying, up to `lock_timeout` seconds, then fails with a clear error
naming who holds it. Bulk inserts go through Arrow (far faster than row-by-row statements).
"""

from __future__ import annotations

import itertools
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from flashpoint.errors import StoreError
from flashpoint.store.base import DEFAULT_LOCK_TIMEOUT, SQLStore
from flashpoint.store.rows import Row

_names = itertools.count()
_HOLDER = re.compile(r"lock is held in (.+?) \(PID (\d+)\)")
_SAME_PROCESS = "different configuration"


def _busy(exc: Exception) -> bool:
    """Whether opening failed only because another connection holds the file."""
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _holder(text: str) -> str:
    found = _HOLDER.search(text)
    return f"process {found.group(2)} ({found.group(1)})" if found else "another process"


def _message(path: str, exc: Exception, read_only: bool, waited: float) -> str:
    text = str(exc)
    if _busy(exc):
        held = "writing" if read_only else "using"
        return (
            f"cannot open {path}: {_holder(text)} is {held} it (waited {waited:.0f} s). DuckDB "
            "lets many readers or one writer use a file: stop that process (a `flashpoint "
            "serve`, `ingest` or notebook holding the store) or wait for it to finish and "
            "retry, give a longer lock_timeout, or use PostgreSQL (--db postgresql://...) to "
            "read and write a store at the same time"
        )
    if _SAME_PROCESS in text:
        return (
            f"cannot open {path} {'read-only' if read_only else 'for writing'}: this process "
            "already has it open the other way; close that store first"
        )
    if "does not exist" in text:
        return f"there is no store at {path}; run `flashpoint ingest --db {path} ARTICLES...`"
    return f"cannot open {path}: {text}; check the path, or delete a damaged file and ingest again"


def connect(path: str, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, retrying while another process holds the file the other
    way, for up to `lock_timeout` seconds."""
    started = time.monotonic()
    pause = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            waited = time.monotonic() - started
            if not _busy(exc) or waited >= lock_timeout:
                raise StoreError(_message(path, exc, read_only, waited)) from exc
        time.sleep(min(pause, max(0.0, lock_timeout - waited)))
        pause = min(pause * 2, 0.5)


class DuckDBStore(SQLStore):
    """A store in one DuckDB file (or in memory with ':memory:')."""

    backend = "duckdb"

    def __init__(
        self,
        path: str | os.PathLike[str] = "flashpoint.duckdb",
        *,
        read_only: bool = False,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> None:
        """Open (creating or migrating if needed) the store in `path`; `read_only=True`
        opens an existing one for reading, shared with other readers, and never changes it.
        A file another process holds is retried for up to `lock_timeout` seconds."""
        path = str(path)
        super().__init__(path, read_only=read_only and path != ":memory:")
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create {path}: the folder {parent} does not exist")
        self._con = connect(path, self.read_only, lock_timeout)
        self._migrate_or_close()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise self._error(exc, sql) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise self._error(exc, sql) from exc

    def _begin(self) -> None:
        self._run("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._run("COMMIT")

    def _rollback(self) -> None:
        # nothing to roll back when the failed statement already ended the transaction
        with suppress(duckdb.Error):
            self._con.execute("ROLLBACK")

    def _insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], ignore: bool = False
    ) -> None:
        if not rows:
            return
        with self._arrow(columns, rows) as view:
            cols = ", ".join(columns)
            conflict = " ON CONFLICT DO NOTHING" if ignore else ""
            self._run(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}{conflict}")

    @contextmanager
    def _arrow(self, columns: Sequence[str], rows: Sequence[Row]) -> Iterator[str]:
        import pyarrow as pa

        table = pa.table(
            {c: list(v) for c, v in zip(columns, zip(*rows, strict=True), strict=True)}
        )
        name = f"_fp_rows_{next(_names)}"
        self._con.register(name, table)
        try:
            yield name
        finally:
            self._unregister(name)

    @contextmanager
    def _temp(self, columns: Sequence[str], rows: Sequence[Row]) -> Iterator[str]:
        import pyarrow as pa

        data = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
        table = pa.table(
            {c: pa.array(list(v), type=pa.string()) for c, v in zip(columns, data, strict=True)}
        )
        name = f"_fp_temp_{next(_names)}"
        self._con.register(name, table)
        try:
            yield name
        finally:
            self._unregister(name)

    def _unregister(self, name: str) -> None:
        # in a failed transaction DuckDB refuses; the view dies with the connection
        with suppress(duckdb.Error):
            self._con.unregister(name)
