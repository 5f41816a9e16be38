"""The Dask executor: on a LocalCluster and on a scheduler and worker started here as
processes (`dask scheduler`, `dask worker` on 127.0.0.1), it gives the events of one process,
in input order; a worker lost mid-run has its batches rerun; a coder that cannot start or a
scheduler that cannot be reached is one clear error; `code`, `ingest` and `geoparse` take
``--executor dask``; ingest through it into PostgreSQL stays idempotent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from flashpoint.batch import code_stream
from flashpoint.cli import main
from flashpoint.config import CoderConfig
from flashpoint.dask_executor import DaskExecutor
from flashpoint.document import Document
from flashpoint.errors import ConfigError, DateError, FlashpointError, InputError
from flashpoint.ingest import ingest
from flashpoint.pipeline import CodedDocument, Coder
from flashpoint.store import open_store

sys.path.insert(0, str(Path(__file__).with_name("store")))
from _store_data import StoreUrls, snapshot  # noqa: E402

ARTICLES = [
    "Police arrested 40 protesters in Nairobi on Monday.",
    "Soldiers shot dead five villagers near Maiduguri on Sunday, residents said.",
    "The United States imposed sanctions on two Venezuelan officials on Friday.",
    "Rebels kidnapped 12 aid workers outside Goma on Tuesday, the UN said.",
    "Iranian forces launched missile strikes on Pakistan on Tuesday, killing two children.",
]


def _items(n: int = 10) -> list[Document | InputError]:
    items: list[Document | InputError] = [
        Document(
            id=f"d{i}",
            text=ARTICLES[i % len(ARTICLES)],
            pub_date=date(2024, 1, 10 + i % 10),
            source=f"feed:{i}",
        )
        for i in range(n)
    ]
    items.insert(2, DateError("no date", source="feed:bad"))
    return items


def _events(results: list[CodedDocument]) -> list[list[dict[str, object]]]:
    return [[e.to_dict() for e in r.events] for r in results]


@pytest.fixture(scope="module")
def local() -> Iterator[DaskExecutor]:
    """A LocalCluster of two single-threaded worker processes."""
    with DaskExecutor(CoderConfig(), workers=2, batch_size=2) as executor:
        yield executor


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a `dask scheduler` with one `dask worker`, both processes."""
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    common = ["--no-dashboard"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0"]
            + ["--scheduler-file", str(info), *common],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert time.monotonic() < deadline, "the dask scheduler did not start"
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "dask", "worker", address, "--nthreads", "1"]
                + ["--nworkers", "1", "--host", "127.0.0.1", *common],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


# --- a LocalCluster ------------------------------------------------------------------------


def test_a_local_cluster_gives_the_events_of_one_process(local: DaskExecutor, coder: Coder) -> None:
    items = _items()
    alone = list(code_stream(_items(), coder=coder))  # fresh documents: coding fills them
    on_dask = list(code_stream(items, executor=local))
    assert local.workers == 2
    assert [r.source for r in on_dask] == [r.source for r in alone]
    assert [r.ok for r in on_dask] == [True, True, False, *[True] * 8]
    assert on_dask[2].error is not None and on_dask[2].error.reason == "no date"
    assert _events(on_dask) == _events(alone)
    assert sum(len(e) for e in _events(on_dask)) >= 8


def test_a_worker_lost_mid_run_has_its_batches_rerun(local: DaskExecutor, coder: Coder) -> None:
    items = _items(16)
    alone = list(code_stream(_items(16), coder=coder))  # fresh documents: coding fills them
    pids = list(local._client.run(os.getpid).values())
    results = code_stream(items, executor=local)
    first = next(results)
    os.kill(pids[-1], signal.SIGKILL)  # with batches of two in flight on both workers
    on_dask = [first, *results]
    assert [r.doc_id for r in on_dask] == [r.doc_id for r in alone]
    assert _events(on_dask) == _events(alone)


# --- a scheduler and a worker started apart ------------------------------------------------


def test_a_running_cluster_gives_the_events_of_one_process(scheduler: str, coder: Coder) -> None:
    items = _items()
    with DaskExecutor(CoderConfig(), scheduler=scheduler, workers=1) as executor:
        on_dask = list(code_stream(items, executor=executor, batch_size=3))
    assert _events(on_dask) == _events(list(code_stream(items, coder=coder)))
    assert [r.doc_id for r in on_dask] == ["d0", "d1", "", *[f"d{i}" for i in range(2, 10)]]


def _articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": f"a{i}", "date": f"2024-01-{10 + i:02d}", "text": text})
        for i, text in enumerate(ARTICLES)
    ]
    path = folder / "articles.jsonl"
    path.write_text("\n".join([*lines, '{"id": "broken"']) + "\n", encoding="utf-8")
    return path


def test_code_on_the_cluster_writes_what_one_process_writes(scheduler: str, tmp_path: Path) -> None:
    feed = _articles(tmp_path)
    runner = CliRunner()
    one = runner.invoke(main, ["code", "--workers", "1", str(feed)])
    dask = runner.invoke(main, ["code", "--executor", "dask", "--scheduler", scheduler, str(feed)])
    assert (one.exit_code, dask.exit_code) == (1, 1), dask.output  # the broken line
    assert dask.stdout == one.stdout and dask.stdout.count("\n") >= 5
    assert dask.stderr == one.stderr
    assert "skipped" in dask.stderr and "coded 5 documents" in dask.stderr


def test_code_writes_a_parquet_dataset_partitioned_by_date(scheduler: str, tmp_path: Path) -> None:
    feed = _articles(tmp_path)
    out = tmp_path / "events"
    args = ["code", "--executor", "dask", "--scheduler", scheduler]
    result = CliRunner().invoke(main, [*args, "--format", "parquet", "-o", str(out), str(feed)])
    assert result.exit_code == 1, result.output
    lines = CliRunner().invoke(main, ["code", "--workers", "1", str(feed)]).stdout
    expected = sorted(json.loads(line)["id"] for line in lines.splitlines())
    assert sorted({p.parent.parent.name for p in out.rglob("*.parquet")}) == ["year=2024"]
    rows = (
        duckdb.connect()
        .execute(
            f"SELECT id, year, month, date, actor.country FROM "
            f"read_parquet('{out}/**/*.parquet', hive_partitioning = true) ORDER BY id"
        )
        .fetchall()
    )
    assert [r[0] for r in rows] == expected
    assert all(r[1] == 2024 and r[2] == 1 and r[3].year == 2024 for r in rows if r[3])
    again = CliRunner().invoke(main, [*args, "--format", "parquet", "-o", str(out), str(feed)])
    assert again.exit_code == 2 and "not an empty folder" in again.stderr  # a bad -o


def test_geoparse_on_the_cluster_writes_what_one_process_writes(
    scheduler: str, tmp_path: Path
) -> None:
    feed = _articles(tmp_path)
    one = CliRunner().invoke(main, ["geoparse", str(feed)])
    dask = CliRunner().invoke(
        main, ["geoparse", "--executor", "dask", "--scheduler", scheduler, str(feed)]
    )
    assert dask.stdout == one.stdout and "Nairobi" in dask.stdout


def test_ingest_on_the_cluster_into_postgres_is_idempotent(
    scheduler: str, coder: Coder, tmp_path: Path
) -> None:
    feed = _articles(tmp_path)
    urls = StoreUrls("postgres", tmp_path)
    try:
        reference, db = urls.new(), urls.new()
        ingest(reference, [feed], coder=coder)
        args = ["ingest", "--db", db, "--executor", "dask", "--scheduler", scheduler]
        first = CliRunner().invoke(main, [*args, "--batch-size", "2", str(feed)])
        again = CliRunner().invoke(main, [*args, str(feed)])
        # exit 1: the broken line could not be stored (each time)
        assert first.exit_code == 1 and again.exit_code == 1, first.output + again.output
        assert "5 stored" in first.stdout and "0 stored" in again.stdout
        assert "5 already stored" in again.stdout
        with open_store(reference) as s:
            expected = snapshot(s)
        with open_store(db) as s:
            assert snapshot(s) == expected and s.stats().documents == 5
    finally:
        urls.cleanup()


def test_a_coder_that_cannot_start_on_the_workers_is_one_clear_error(scheduler: str) -> None:
    config = CoderConfig(model="flashpoint_test_no_such_model")
    with DaskExecutor(config, scheduler=scheduler) as executor:
        with pytest.raises(FlashpointError, match="not installed") as info:
            executor.warm_up()
        assert info.value.code == "model_error"
        with pytest.raises(FlashpointError, match="not installed") as info:
            list(code_stream(_items(4), executor=executor))
        assert info.value.code == "model_error"


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        DaskExecutor(CoderConfig(), scheduler="tcp://127.0.0.1:9", timeout=2)


def test_a_scheduler_without_the_dask_executor_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["code", "--scheduler", "tcp://x:1", str(_articles(tmp_path))]
    )
    assert result.exit_code == 2 and "--scheduler needs --executor dask" in result.output
