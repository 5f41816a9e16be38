"""Sharing a store: read-only DuckDB readers in several processes at once, a writer that
waits for a reader and then goes on (or gives up saying who holds the file), `open`
refusing a missing file, and the PostGIS view on PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import psycopg
import pytest
from _store_data import StoreUrls, event, item, pg_dsn

import flashpoint
from flashpoint.errors import StoreError
from flashpoint.store import open_store

pytest_plugins = ["_store_fixtures"]


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that opens the store read-only, says so, and holds it `seconds`."""
    code = (
        "import sys, time\n"
        "from flashpoint.store import open_store\n"
        f"s = open_store({str(path)!r}, read_only=True)\n"
        "print(len(s.events()), flush=True)\n"
        f"time.sleep({seconds})\n"
        "s.close()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "1"  # it holds the file now
    return proc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "shared.duckdb"
    with open_store(path) as s:
        s.write([item("d1", event("d1"))])
        s.dedup()
    return path


def test_readers_share_a_file_and_a_writer_waits_for_them(db: Path) -> None:
    holder = _hold(db, 1.5)
    try:
        with flashpoint.open(db, read_only=True) as mine:  # a second reader, at once
            assert len(mine.events(actor="IRN")) == 1
        started = time.monotonic()
        with open_store(db, lock_timeout=30) as writer:  # waits for the reader to finish
            assert time.monotonic() - started > 0.3
            writer.write([item("d2", event("d2", when=None))])
            assert writer.stats().documents == 2
    finally:
        holder.wait(timeout=30)


def test_a_writer_gives_up_after_its_lock_timeout(db: Path) -> None:
    holder = _hold(db, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"process \d+ .* is using it \(waited 1 s\)"):
            open_store(db, lock_timeout=1)
        assert 1 <= time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_read_only_store_never_writes(db: Path) -> None:
    with open_store(db) as s:
        s.write([item("d2", event("d2"))])  # queued for merging, not merged
    with flashpoint.open(db, read_only=True) as ro:
        assert ro.stats().pending_dedup > 0
        assert len(ro.events()) == 1  # what is merged; the next writer merges the rest
        with pytest.raises(StoreError, match="open read-only"):
            ro.write([item("d3", event("d3"))])
        with pytest.raises(StoreError, match="open read-only"):
            ro.dedup()
    with open_store(db) as s:
        assert s.stats().pending_dedup > 0


def test_open_refuses_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.duckdb"
    for kwargs in ({}, {"read_only": True}):
        with pytest.raises(StoreError, match="there is no store at .*create=True"):
            flashpoint.open(missing, **kwargs)  # type: ignore[arg-type]
    assert not missing.exists()
    with flashpoint.open(missing, create=True) as s:
        assert s.stats().events == 0
    assert missing.exists()


def test_events_takes_named_filters_only(db: Path) -> None:
    with flashpoint.open(db, read_only=True) as s:
        assert [e.actor_country for e in s.events(dyad="PAK-IRN", q="children")] == ["IRN"]
        assert s.events(q="nothing like this") == []
        assert len(s.events(bbox=(60, 20, 70, 35), quad=4, date_precision="day")) == 1
        with pytest.raises(TypeError):
            s.events(actors="IRN")  # type: ignore[call-arg]


def _ext_schema(dsn: str) -> str | None:
    with psycopg.connect(dsn) as con:
        row = con.execute(
            "SELECT n.nspname FROM pg_extension x JOIN pg_namespace n "
            "ON n.oid = x.extnamespace WHERE x.extname = 'postgis'"
        ).fetchone()
    return str(row[0]) if row else None


def test_postgis_view_holds_each_events_point(tmp_path: Path) -> None:
    urls = StoreUrls("postgres", tmp_path)
    try:
        url = urls.new()
        with open_store(url) as s:
            s.write(
                [
                    item("d1", event("d1")),
                    item("d2", event("d2", location=None, when=date(2024, 6, 1))),
                ]
            )
            s.dedup()
            expected = {e.event_id: (e.longitude, e.latitude) for e in s.events()}
        gis = _ext_schema(pg_dsn())
        assert gis, "PostGIS is missing: scripts/services.sh installs postgresql-15-postgis-3"
        with psycopg.connect(url) as con:
            rows = con.execute(
                f'SELECT event_id, "{gis}".ST_X(geom), "{gis}".ST_Y(geom), '
                f'"{gis}".ST_AsText(geom), "{gis}".ST_SRID(geom) FROM events_geo'
            ).fetchall()
        got = {r[0]: (r[1], r[2]) for r in rows}
        assert got == expected and any(v == (None, None) for v in got.values())
        for _, x, y, wkt, srid in rows:
            if x is not None:
                assert wkt == f"POINT({x:g} {y:g})" and srid == 4326
    finally:
        urls.cleanup()
