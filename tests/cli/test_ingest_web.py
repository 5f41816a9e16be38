"""`flashpoint ingest` on a feed URL and a file of URLs served from 127.0.0.1: stored once,
however often it runs, with the failures recorded."""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner, Result

from flashpoint.cli import main
from flashpoint.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
from _web import Web  # noqa: E402

pytest_plugins = ["_web_fixtures"]


def ingest(*args: str) -> Result:
    return CliRunner().invoke(main, ["ingest", "--fetch-delay", "0", "--no-progress", *args])


def test_ingest_a_feed_and_a_url_list(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "i.duckdb"
    listing = tmp_path / "links.txt"
    listing.write_text(f"{web.url('/border-clash.html')}\n{web.url('/file.bin')}\n")
    first = ingest("--db", str(db), "--urls", str(listing), web.url("/feed.xml"))
    assert first.exit_code == 1, first.output  # two documents could not be stored
    assert "4 stored" in first.stdout and "2 errors" in first.stdout
    again = ingest("--db", str(db), "--urls", str(listing), web.url("/feed.xml"))
    assert "0 stored" in again.stdout and "4 already stored" in again.stdout
    with open_store(db, create=False) as store:
        assert store.stats().documents == 4
        reasons = {e.source: e.message for e in store.errors()}
    assert "404" in reasons[web.url("/gone.html")]
    assert "application/octet-stream" in reasons[web.url("/file.bin")]


def test_ingest_needs_an_input() -> None:
    assert CliRunner().invoke(main, ["ingest"]).exit_code == 2
