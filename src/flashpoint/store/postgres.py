"""PostgreSQL (`--db postgresql://user@host/db`): a shared store several processes can use.

Uses psycopg 3. Bulk inserts use COPY; merge passes and migrations take an advisory lock so
that concurrent ingests do not merge the same events at once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import psycopg

from flashpoint.errors import StoreError
from flashpoint.store.base import SQLStore
from flashpoint.store.rows import Row

_LOCK_KEY = 0x0F1A5B01  # pg_advisory_xact_lock key of flashpoint's merge pass
_names = itertools.count()


def redact(dsn: str) -> str:
    """The DSN without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


def to_psycopg(sql: str) -> str:
    """Rewrite `?` placeholders as psycopg's `%s` (and escape literal percent signs)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database."""

    backend = "postgres"

    def __init__(self, dsn: str, connect_timeout: int = 10) -> None:
        super().__init__(redact(dsn))
        try:
            self._con = psycopg.connect(dsn, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StoreError(
                f"cannot connect to {self.url}: {reason}; is the server running, and do the "
                "user, password and database in the URL exist?"
            ) from exc
        self._tx_ctx: Any = None
        self._migrate_or_close()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._con.execute(to_psycopg(sql), list(params))  # type: ignore[arg-type]
        except psycopg.Error as exc:
            raise self._error(exc, sql) from exc

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            cur = self._con.execute(to_psycopg(sql), list(params))  # type: ignore[arg-type]
            return cur.fetchall()
        except psycopg.Error as exc:
            raise self._error(exc, sql) from exc

    def _begin(self) -> None:
        self._tx_ctx = self._con.transaction()
        self._tx_ctx.__enter__()

    def _commit(self) -> None:
        ctx, self._tx_ctx = self._tx_ctx, None
        try:
            ctx.__exit__(None, None, None)
        except psycopg.Error as exc:
            raise self._error(exc, "COMMIT") from exc

    def _rollback(self) -> None:
        ctx, self._tx_ctx = self._tx_ctx, None
        if ctx is not None:
            with suppress(psycopg.Error, StoreError):
                ctx.__exit__(StoreError, StoreError("rollback"), None)

    def _lock(self) -> None:
        self._run("SELECT pg_advisory_xact_lock(?)", (_LOCK_KEY,))

    def _insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], ignore: bool = False
    ) -> None:
        if not rows:
            return
        cols = ", ".join(columns)
        if ignore:
            values = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({cols}) VALUES ({values}) ON CONFLICT DO NOTHING"
            try:
                with self._con.cursor() as cur:
                    cur.executemany(sql, rows)  # type: ignore[arg-type]
            except psycopg.Error as exc:
                raise self._error(exc, sql) from exc
            return
        self._copy(f"COPY {table} ({cols}) FROM STDIN", rows)

    def _copy(self, sql: str, rows: Sequence[Row]) -> None:
        try:
            with self._con.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[arg-type]
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:
            raise self._error(exc, sql) from exc

    @contextmanager
    def _temp(self, columns: Sequence[str], rows: Sequence[Row]) -> Iterator[str]:
        name = f"_fp_temp_{next(_names)}"
        cols = ", ".join(f"{c} TEXT" for c in columns)
        self._run(f"CREATE TEMP TABLE {name} ({cols})")
        try:
            if rows:
                self._copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN", rows)
            self._run(f"ANALYZE {name}")
            yield name
        finally:
            self._drop(name)

    def _drop(self, name: str) -> None:
        # after a failed statement the table goes with the rolled-back transaction
        with suppress(psycopg.Error):
            self._con.execute(f"DROP TABLE IF EXISTS {name}")  # type: ignore[arg-type]
