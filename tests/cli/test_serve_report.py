"""`flashpoint report` (a brief with charts) and `flashpoint serve` (the API in a real server
process), over a DuckDB store of invented Iran–Pakistan articles."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint import Coder
from flashpoint.cli import main
from flashpoint.ingest import ingest
from flashpoint.store import open_store

WEEK = Path(__file__).resolve().parents[1] / "analysis" / "week"
FLASHPOINT = Path(sys.executable).with_name("flashpoint")


@pytest.fixture(scope="module")
def db(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "week.duckdb"
    with open_store(path) as store:
        ingest(store, sorted(WEEK.glob("*.txt")), coder=coder)
    return str(path)


def _png(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_for_a_dyad(db: str, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    args = [
        "report",
        "--db",
        db,
        "--dyad",
        "IRN-PAK",
        "--since",
        "2024-01-08",
        "--until",
        "2024-01-28",
        "-o",
        str(out),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Iran – Pakistan (IRN-PAK), 2024-01-08 – 2024-01-28")
    assert "**ESCALATED**: breakout on" in result.output  # calm again by 28 January
    assert "IRN → PAK: ASSAULT" in result.output and "PAK → IRN:" in result.output
    assert _png(out / "intensity_IRN-PAK.png") and _png(out / "map_IRN-PAK.png")
    assert (out / "report.md").read_text(encoding="utf-8") in result.output


def test_report_for_the_whole_store(db: str, tmp_path: Path) -> None:
    out = tmp_path / "overview"
    result = CliRunner().invoke(main, ["report", "--db", db, "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "| Iran – Pakistan (IRN-PAK) | yes |" in text
    assert _png(out / "timeline.png") and _png(out / "map.png")
    assert "wrote" in result.output and "# Escalation brief" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dyad", "IRN"], "write two actors as A-B"),
        (["--since", "last week"], "is not a date"),
        (["--since", "2024-02-01", "--until", "2024-01-01"], "is after"),
    ],
)
def test_report_errors_are_one_line(db: str, tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["report", "--db", db, "-o", str(tmp_path), *args])
    assert result.exit_code == 2  # a bad option value
    assert result.output.startswith("flashpoint: ") and message in result.output
    assert "Traceback" not in result.output


def test_report_and_serve_refuse_a_missing_store(tmp_path: Path) -> None:
    missing = str(tmp_path / "nothing.duckdb")
    for command in ("report", "serve"):
        result = CliRunner().invoke(main, [command, "--db", missing])
        assert result.exit_code == 3  # a store error
        assert "there is no store" in result.output
    assert not Path(missing).exists()


def test_serve_refuses_a_short_token(db: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", db, "--token", "abc"])
    assert result.exit_code == 2 and "at least 8 characters" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as res:  # noqa: S310 - loopback only
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def _flashpoint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FLASHPOINT), *args], capture_output=True, text=True, timeout=120, check=False
    )


def _read_beside_the_server(db: str, tmp_path: Path) -> None:
    """While `serve` holds the store, other processes read it; a writer waits, then is
    refused with a message that says who holds the file and what to do."""
    import flashpoint
    from flashpoint.errors import StoreError

    events = _flashpoint("events", "--db", db, "--format", "jsonl", "--dyad", "IRN-PAK")
    assert events.returncode == 0, events.stderr
    records = [json.loads(line) for line in events.stdout.splitlines()]
    assert records and all(
        {r["actor"]["country"], r["recipient"]["country"]} == {"IRN", "PAK"} for r in records
    )
    found = _flashpoint("events", "--db", db, "--q", "warplanes Sistan", "--format", "csv")
    assert found.returncode == 0 and len(found.stdout.splitlines()) == 2, found.stderr
    out = tmp_path / "events.csv"
    export = _flashpoint("export", "--db", db, "--format", "csv", "-o", str(out))
    assert export.returncode == 0 and out.read_text().count("\n") > 10, export.stderr
    report = _flashpoint("report", "--db", db, "-o", str(tmp_path / "brief"), "--quiet")
    assert report.returncode == 0 and (tmp_path / "brief" / "report.md").is_file(), report.stderr
    with flashpoint.open(db, read_only=True) as store:
        assert len(store.events(dyad="IRN-PAK")) == len(records)
    started = time.monotonic()
    with pytest.raises(StoreError) as refused:
        open_store(db, lock_timeout=0.5)
    assert time.monotonic() - started >= 0.5
    message = str(refused.value)
    assert re.search(r"process \d+ \(", message) and "flashpoint serve" in message
    ingest = _flashpoint("ingest", "--db", db, str(WEEK / "01_rask_attack.txt"))
    assert ingest.returncode == 3 and "is using it" in ingest.stderr, ingest.stderr
    assert "Traceback" not in ingest.stderr


def test_serve_runs_the_api_and_dashboard(db: str, tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "FLASHPOINT_TOKEN"}  # read-only
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [str(FLASHPOINT), "serve", "--db", db, "--port", str(port), "--log-level", "warning"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                status, stats = _get(base + "/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.2)
        assert status == 200 and stats["documents"] == 6 and stats["writable"] is False
        status, body = _get(base + "/api/dyads?since=2024-01-08&until=2024-01-28")
        assert status == 200 and body["dyads"][0]["dyad"] == "IRN-PAK"  # type: ignore[index]
        status, body = _get(base + "/api/events?page_size=100000")
        assert status == 400 and body["error"] == "bad_parameter"
        status, body = _get(base + "/api/events?bogus=1")
        assert status == 400 and body["error"] == "unknown_parameter"
        assert "bogus" in str(body["message"])
        with urllib.request.urlopen(base + "/", timeout=5) as res:  # noqa: S310
            assert b'<script src="/static/app.js"' in res.read()
        _read_beside_the_server(db, tmp_path)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    assert "serving" in (tmp_path / "serve.log").read_text()
