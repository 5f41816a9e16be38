"""The embedded default: a DuckDB file (`flashpoint.duckdb` unless told otherwise).

One process writes a DuckDB file at a time; a second one gets a clear error. Bulk inserts go
through Arrow (far faster than row-by-row statements).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from flashpoint.errors import StoreError
from flashpoint.store.base import SQLStore
from flashpoint.store.rows import Row

_names = itertools.count()


def _message(path: str, exc: Exception) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return (
            f"cannot open {path}: another process is using it ({text.splitlines()[0]}); wait "
            "for it to finish, or use PostgreSQL (--db postgresql://...) to share a store"
        )
    return f"cannot open {path}: {text}; check the path, or delete a damaged file and ingest again"


class DuckDBStore(SQLStore):
    """A store in one DuckDB file (or in memory with ':memory:')."""

    backend = "duckdb"

    def __init__(self, path: str | os.PathLike[str] = "flashpoint.duckdb") -> None:
        path = str(path)
        super().__init__(path)
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create {path}: the folder {parent} does not exist")
        try:
            self._con = duckdb.connect(path)
        except duckdb.Error as exc:
            raise StoreError(_message(path, exc)) from exc
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
