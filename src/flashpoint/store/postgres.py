"""PostgreSQL (`--db postgresql://user@host/db`): a shared store several processes can use.

Uses psycopg 3. Bulk inserts use COPY; merge passes and migrations take an advisory lock so
that concurrent ingests do not merge the same events at once.

Where the PostGIS extension is installed or can be created, the store keeps a view
`events_geo`: every event with a `geom` column, a `geometry(Point, 4326)` built from its
longitude and latitude (NULL when it is not located), for GIS tools (QGIS, ST_Within...).
Without PostGIS the store works the same, without the view.
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

    def __init__(self, dsn: str, connect_timeout: int = 10, *, read_only: bool = False) -> None:
        """Connect (creating or migrating the schema; only checking it with `read_only`,
        which refuses writes). Many processes may read and write one database at once."""
        super().__init__(redact(dsn), read_only=read_only)
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
        if not read_only:
            self._geo_view()

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

    def _postgis_schema(self) -> str | None:
        """The schema PostGIS is installed in, creating the extension (in `public`) if it
        is available and this user may; None without PostGIS."""
        sql = (
            "SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace "
            "WHERE x.extname = 'postgis'"
        )
        found = self._rows(sql)
        if not found and self._rows("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"):
            public = self._rows("SELECT 1 FROM pg_namespace WHERE nspname = 'public'")
            where = " SCHEMA public" if public else ""
            with suppress(StoreError):  # not allowed here, or another process raced us
                self._run(f"CREATE EXTENSION IF NOT EXISTS postgis{where}")
            found = self._rows(sql)
        return str(found[0][0]) if found else None

    def _geo_view(self) -> None:
        """Create or update the `events_geo` view when PostGIS is there (see the module)."""
        gis = self._postgis_schema()
        if gis is None:
            return
        count = (
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = ? "
            "AND table_schema = current_schema()"
        )
        columns = int(self._rows(count, ("events",))[0][0])
        if int(self._rows(count, ("events_geo",))[0][0]) == columns + 1:
            return  # up to date
        point = f'"{gis}".ST_SetSRID("{gis}".ST_MakePoint(e.longitude, e.latitude), 4326)'
        with suppress(StoreError), self._tx():  # StoreError: a concurrent opener made it
            self._lock()
            self._run(
                f"CREATE OR REPLACE VIEW events_geo AS SELECT CAST({point} AS "
                f'"{gis}".geometry(Point, 4326)) AS geom, e.* FROM events e'
            )

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
