"""The declared tables against the databases, on both backends: what a fresh store creates,
what the released schema version 1 created (schema_v1.sql), and rows read back by name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import psycopg
import pytest
from _store_data import BALOCHISTAN, PANJGUR, StoreUrls, event, item, snapshot

from flashpoint.errors import StoreError
from flashpoint.store import SQLStore, open_store, schema
from flashpoint.store.schema import Column, Select, Table

# the store fixtures (both backends): store_urls, store_url, store
pytest_plugins = ["_store_fixtures"]

RELEASED_V1 = Path(__file__).with_name("schema_v1.sql")
# how the first release filled its {SERIAL_PK} placeholder
RELEASED_SERIAL_PK = {
    "duckdb": "qid BIGINT PRIMARY KEY DEFAULT nextval('dedup_queue_seq')",
    "postgres": "qid BIGSERIAL PRIMARY KEY",
}


def _execute(url: str, backend: str, statements: Sequence[str]) -> None:
    """Run statements on a raw connection to the store location `url`."""
    if backend == "duckdb":
        with duckdb.connect(url) as con:
            for sql in statements:
                con.execute(sql)
        return
    with psycopg.connect(url, autocommit=True) as con:
        for sql in statements:
            con.execute(sql)  # type: ignore[call-overload]


def _build_v1(url: str, backend: str, tables: Sequence[str]) -> None:
    """A version-1 database made of the CREATE TABLEs `tables`, as an old store would be."""
    prelude = list(schema.PRELUDE[backend].get(1, ()))
    indexes = list(schema.MIGRATIONS[0].postgres_only) if backend == "postgres" else []
    version = [
        schema.render(schema.VERSION_TABLE, backend),
        "INSERT INTO schema_version VALUES (1, 'released', TIMESTAMP '2024-06-01 00:00:00')",
    ]
    _execute(url, backend, [*prelude, *tables, *indexes, *version])


def _released_v1(backend: str) -> list[str]:
    text = "\n".join(
        line for line in RELEASED_V1.read_text("utf-8").splitlines() if not line.startswith("--")
    )
    fill = {**schema.TYPES[backend], "SERIAL_PK": RELEASED_SERIAL_PK[backend]}
    return [s.strip().format(**fill) for s in text.split(";") if s.strip()]


def _columns(store: SQLStore, table: str) -> list[tuple[Any, ...]]:
    return store._rows(
        "SELECT column_name, data_type, is_nullable, column_default "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = ? ORDER BY ordinal_position",
        (table,),
    )


def _primary_keys(store: SQLStore) -> set[tuple[str, str]]:
    rows = store._rows(
        "SELECT tc.table_name, k.column_name FROM information_schema.table_constraints tc "
        "JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name "
        "AND k.table_name = tc.table_name AND k.table_schema = tc.table_schema "
        "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()"
    )
    return {(t, c) for t, c in rows if t != "schema_version"}


def _reports() -> list[Any]:
    return [
        item("a", event("a", dead=2), event("a", location=PANJGUR)),
        item("b", event("b", pub=date(2024, 1, 17), dead=3), url="https://www.dawn.com/x"),
        item("c", event("c", when=date(2024, 1, 2), location=BALOCHISTAN)),
    ]


# --- the declarations against the database -----------------------------------------------------


def test_a_fresh_store_has_exactly_the_declared_columns(store: SQLStore) -> None:
    for table in schema.TABLES:
        found = [(name, nullable) for name, _, nullable, _ in _columns(store, table.name)]
        declared = [(c.name, "NO" if c.not_null or c.primary_key else "YES") for c in table.columns]
        assert found == declared, table.name
    declared_keys = {(t.name, c.name) for t in schema.TABLES for c in t.columns if c.primary_key}
    assert _primary_keys(store) == declared_keys


def test_a_store_made_by_the_released_version_1_opens_reads_and_writes(
    store_urls: StoreUrls,
) -> None:
    old, fresh = store_urls.new(), store_urls.new()
    _build_v1(old, store_urls.backend, _released_v1(store_urls.backend))
    with open_store(old) as a, open_store(fresh) as b:
        assert a.schema_version() == b.schema_version() == schema.LATEST
        for table in schema.TABLES:
            assert _columns(a, table.name) == _columns(b, table.name), table.name
        assert _primary_keys(a) == _primary_keys(b)
        for s in (a, b):
            s.write(_reports())
            s.write([_reports()[0]])  # a document replaced
        assert snapshot(a) == snapshot(b) and len(snapshot(a)) == 2


def test_rows_are_read_by_name_whatever_the_physical_column_order(
    store_urls: StoreUrls,
) -> None:
    shuffled, fresh = store_urls.new(), store_urls.new()
    backend = store_urls.backend
    reversed_tables = [
        schema.render(Table(t.name, tuple(reversed(t.columns))).create(1), backend)
        for t in schema.TABLES
    ]
    _build_v1(shuffled, backend, reversed_tables)
    with open_store(shuffled) as a, open_store(fresh) as b:
        first = _columns(a, "events")[0][0]
        assert first == schema.EVENTS.names[-1]  # really stored the other way round
        for s in (a, b):
            s.write(_reports())
        assert snapshot(a) == snapshot(b)
        assert [e.to_dict(full_mentions=True) for e in a.events(mentions=True)] == [
            e.to_dict(full_mentions=True) for e in b.events(mentions=True)
        ]
        assert a.stored_hashes(["a", "b"]) == b.stored_hashes(["a", "b"])


# --- Column, Table, Select -------------------------------------------------------------------


def test_a_column_of_a_later_version_is_added_by_that_migration() -> None:
    table = Table(
        "t",
        (
            Column("id", primary_key=True),
            Column("n", "INTEGER", not_null=True),
            Column("x", since=2),
        ),
    )
    assert (
        table.create(1) == "CREATE TABLE t (\n    id TEXT PRIMARY KEY,\n    n INTEGER NOT NULL\n)"
    )
    assert table.added(2) == ("ALTER TABLE t ADD COLUMN x TEXT",)
    assert table.added(3) == ()
    con = duckdb.connect()
    con.execute(table.create(1))
    con.execute(table.added(2)[0])
    old = con.execute("DESCRIBE t").fetchall()
    con.execute("DROP TABLE t")
    con.execute(table.create(2))
    assert con.execute("DESCRIBE t").fetchall() == old


def test_a_row_must_name_exactly_the_columns_of_its_table() -> None:
    table = Table("t", (Column("qid", "{SERIAL}", primary_key=True), Column("a"), Column("b")))
    assert table.written == ("a", "b")
    assert table.values({"b": 2, "a": 1}) == (1, 2)
    with pytest.raises(StoreError, match=r"missing: \['b'\], unknown: \['c'\]"):
        table.values({"a": 1, "c": 3})
    with pytest.raises(StoreError, match="unknown: \\['z'\\]"):
        table.values({"a": 1, "b": 2, "z": 0})


def test_select_lists_are_generated_and_read_back_by_name() -> None:
    sel = schema.ACTORS.select("a", ("name", "country"), prefix="actor_") + schema.PLACES.select(
        "p", ("name",)
    )
    assert sel.sql == "a.name AS actor_name, a.country AS actor_country, p.name"
    assert sel.read([("Iran", "IRN", "Sistan")]) == [
        {"actor_name": "Iran", "actor_country": "IRN", "name": "Sistan"}
    ]
    with pytest.raises(ValueError):
        sel.read([("Iran", "IRN")])  # a row must have every selected column
    with pytest.raises(StoreError, match="has no column nom"):
        schema.ACTORS.select("a", ("nom",))
    with pytest.raises(StoreError, match="names a column twice"):
        Select((("a.name", "name"), ("p.name", "name")))


def test_every_table_is_declared_once_and_every_migration_renders_from_it() -> None:
    names = [t.name for t in schema.TABLES]
    assert len(set(names)) == len(names)
    for t in schema.TABLES:
        assert len(set(t.names)) == len(t.names), t.name
    created = " ".join(schema.statements(schema.MIGRATIONS[0], "postgres"))
    for t in schema.TABLES:
        assert f"CREATE TABLE {t.name} (" in created
    assert "qid BIGSERIAL PRIMARY KEY" in created
