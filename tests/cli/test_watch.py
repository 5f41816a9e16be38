"""`flashpoint watch` over a feed and a folder served and written here: each article stored
once however often it runs, a failed source survived, a pass killed with SIGKILL (or stopped
with Ctrl-C) finished by the next run with nothing lost or doubled."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from flashpoint.cli import main
from flashpoint.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from _store_data import snapshot  # noqa: E402
from _web import PAGES, Web  # noqa: E402

pytest_plugins = ["_web_fixtures"]

FAST = ["--fetch-delay", "0", "--fetch-timeout", "5"]


def watch(*args: str) -> Result:
    return CliRunner().invoke(main, ["watch", *FAST, *args])


ALL_IDS = [
    "lagos-protest",
    "border-clash",
    "undated",
    "urn:invented:border-clash",
    "urn:invented:water-talks",
]


def stored_ids(db: Path, web: Web | None = None) -> list[str]:
    """The documents stored in `db` (of those these tests can store: no other is)."""
    candidates = ALL_IDS + (feed_ids(web) if web else [])
    with open_store(db, create=False) as store:
        found = sorted(store.stored_hashes(candidates))
        assert store.stats().documents == len(found)
    return found


def feed_ids(web: Web) -> list[str]:
    host = web.base.removeprefix("http://")
    return sorted(f"{host}:{guid}" for guid in ("inv-lagos", "inv-batken", "inv-water"))


def test_watch_once_twice_stores_the_feed_once(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = watch("--once", "--db", str(db), web.url("/feed.xml"))
    assert first.exit_code == 0, first.output
    assert "pass 1 at " in first.stdout and "3 new documents" in first.stdout
    assert f"{web.url('/feed.xml')}: 3 new documents, 0 unchanged, 1 error" in first.stderr
    with open_store(db, create=False) as store:
        before = snapshot(store)
    assert stored_ids(db, web) == feed_ids(web)

    web.reset()
    second = watch("--once", "--db", str(db), web.url("/feed.xml"))
    assert second.exit_code == 0, second.output
    assert "0 new documents" in second.stdout
    assert stored_ids(db, web) == feed_ids(web)
    with open_store(db, create=False) as store:
        assert snapshot(store) == before
    # the stored articles were not fetched again; the page that failed was retried
    assert web.paths() == ["/feed.xml", "/gone.html"]


def test_a_folder_is_watched_by_content(web: Web, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(PAGES / "lagos-protest.html", folder)
    db = tmp_path / "w.duckdb"
    assert watch("--once", "--db", str(db), str(folder)).exit_code == 0
    shutil.copy(PAGES / "border-clash.html", folder)
    again = watch("--once", "--db", str(db), str(folder))
    assert "1 new document, 1 unchanged" in again.stdout
    assert stored_ids(db, web) == ["border-clash", "lagos-protest"]


def test_a_failed_source_does_not_stop_the_pass(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    down = "http://127.0.0.1:9/feed.xml"
    gone = web.url("/no-feed.xml")
    result = watch("--once", "--db", str(db), down, gone, web.url("/atom.xml"))
    assert result.exit_code == 0, result.output
    assert f"{down}: failed (cannot fetch the page" in result.stderr
    assert f"{gone}: failed (the server answered 404" in result.stderr
    assert "2 failed" in result.stdout
    assert stored_ids(db, web) == ["urn:invented:border-clash", "urn:invented:water-talks"]


def test_watch_needs_a_source() -> None:
    result = CliRunner().invoke(main, ["watch", "--once"])
    assert result.exit_code == 2


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from flashpoint.cli import main; main()", *args]


def _ctrl_c_as_at_a_terminal() -> None:
    """A shell starts background jobs (`make test &`, nohup) with SIGINT ignored, and
    Python then keeps ignoring it; give the watch Ctrl-C as a terminal would."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run_held(web: Web, db: Path, hold_path: str) -> subprocess.Popen[str]:
    """Start a watch whose pass blocks on `hold_path` (the third item), once the first two
    items are committed; wait until it is blocked there."""
    web.holds[hold_path] = threading.Event()
    proc = subprocess.Popen(
        cli(
            "watch",
            *FAST,
            "--batch-size",
            "1",
            "--every",
            "60",
            "--db",
            str(db),
            web.url("/feed.xml"),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    deadline = time.monotonic() + 120
    while hold_path not in web.paths():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the watch never reached the held page"
        time.sleep(0.05)
    return proc


def _clean_run(web: Web, db: Path) -> list[dict[str, object]]:
    done = watch("--once", "--db", str(db), web.url("/feed.xml"))
    assert done.exit_code == 0, done.output
    with open_store(db, create=False) as store:
        return snapshot(store)


def test_a_pass_killed_with_sigkill_loses_and_doubles_nothing(web: Web, tmp_path: Path) -> None:
    clean = _clean_run(web, tmp_path / "clean.duckdb")
    web.reset()
    db = tmp_path / "killed.duckdb"
    proc = _run_held(web, db, "/undated.html")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    web.holds["/undated.html"].set()
    host = web.base.removeprefix("http://")
    assert stored_ids(db, web) == sorted([f"{host}:inv-lagos", f"{host}:inv-batken"])

    rerun = watch("--once", "--db", str(db), web.url("/feed.xml"))
    assert rerun.exit_code == 0, rerun.output
    assert "1 new document" in rerun.stdout
    assert stored_ids(db, web) == feed_ids(web)
    with open_store(db, create=False) as store:
        assert snapshot(store) == clean


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_stops_cleanly(web: Web, tmp_path: Path, sig: signal.Signals) -> None:
    db = tmp_path / "stopped.duckdb"
    proc = _run_held(web, db, "/undated.html")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "watch stopped; everything stored so far is kept" in err
    host = web.base.removeprefix("http://")
    assert stored_ids(db, web) == sorted([f"{host}:inv-lagos", f"{host}:inv-batken"])


def test_passes_repeat_until_stopped(web: Web, tmp_path: Path) -> None:
    db = tmp_path / "loop.duckdb"
    proc = subprocess.Popen(
        cli("watch", *FAST, "--every", "3", "-q", "--db", str(db), web.url("/atom.xml")),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    assert proc.stdout is not None
    lines = [proc.stdout.readline()]
    # between passes the store is free: another process may read it
    assert stored_ids(db) == ["urn:invented:border-clash", "urn:invented:water-talks"]
    lines.append(proc.stdout.readline())
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert lines[0].startswith("pass 1 at ") and "2 new documents" in lines[0]
    assert lines[1].startswith("pass 2 at ") and "0 new documents" in lines[1]
    assert web.paths().count("/atom.xml") >= 2 and web.paths().count("/undated.html") == 1
