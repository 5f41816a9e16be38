"""The batch engine: one result per input, in input order, whatever the executor; bad inputs
and a document a stage fails on pass through in place; a coder that cannot start, or a
worker that dies, stops the run with one clear error; workers never outlive their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from flashpoint.batch import InProcess, ProcessPool, WorkerError, code_stream
from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import DateError, FlashpointError, InputError, ModelError
from flashpoint.pipeline import CodedDocument, Coder
from flashpoint.stages import base as stages_base

ARTICLES = [
    "Police arrested 40 protesters in Nairobi on Monday.",
    "Soldiers shot dead five villagers near Maiduguri on Sunday, residents said.",
    "The United States imposed sanctions on two Venezuelan officials on Friday.",
    "Rebels kidnapped 12 aid workers outside Goma on Tuesday, the UN said.",
    "Iranian forces launched missile strikes on Pakistan on Tuesday, killing two children.",
]


def _docs(n: int) -> list[Document]:
    return [
        Document(
            id=f"d{i}",
            text=ARTICLES[i % len(ARTICLES)],
            pub_date=date(2024, 1, 10 + i % 10),
            source=f"feed:{i}",
        )
        for i in range(n)
    ]


def _mixed() -> list[Document | InputError]:
    """Documents with unreadable inputs and an empty document among them."""
    items: list[Document | InputError] = list(_docs(7))
    items.insert(0, DateError("no date", source="feed:bad-first"))
    items.insert(4, DateError("no date", source="feed:bad-middle"))
    items.append(Document(id="empty", text="  ", pub_date=date(2024, 1, 1), source="feed:empty"))
    return items


def _events(results: list[CodedDocument]) -> list[list[dict[str, object]]]:
    return [[e.to_dict() for e in r.events] for r in results]


def test_in_process_and_two_processes_give_the_same_events_in_input_order(coder: Coder) -> None:
    items = _mixed()
    alone = list(code_stream(_mixed(), coder=coder))  # fresh documents: coding fills them in
    with ProcessPool(coder.config, workers=2) as pool:
        pooled = list(code_stream(items, executor=pool, batch_size=2))
    assert [r.source for r in alone] == [r.source for r in pooled]
    assert [r.source for r in alone] == [
        i.source if isinstance(i, Document | InputError) else None for i in items
    ]
    assert [r.ok for r in pooled] == [False, *[True] * 3, False, *[True] * 4, False]
    assert pooled[0].error is not None and pooled[0].error.reason == "no date"
    assert pooled[-1].error is not None and pooled[-1].error.code == "empty_document"
    assert _events(pooled) == _events(alone)
    assert sum(len(r.events) for r in alone) >= 5  # events were found, not just empty lists
    assert all(r.document is not None and r.document.text for r in pooled if r.ok)


def test_the_stream_is_read_as_it_is_coded(coder: Coder) -> None:
    """Bounded memory: results come out before the whole input is read."""
    taken = 0

    def stream() -> Iterator[Document]:
        nonlocal taken
        for doc in _docs(60):
            taken += 1
            yield doc

    results = code_stream(stream(), executor=InProcess(coder=coder), batch_size=4)
    first = next(results)
    assert first.doc_id == "d0" and taken <= 8
    assert len(list(results)) == 59 and taken == 60


# --- a stage that fails on one document, or kills its worker -------------------------------


class _TripsOnGoma:
    """A stage with a bug on documents that mention Goma: it raises, or kills the process."""

    name = "test_trips_on_goma"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self, kill: bool) -> None:
        self.kill = kill

    def __call__(self, doc: Document) -> Document:
        if "Goma" in doc.text:
            if self.kill:
                os._exit(3)
            raise ValueError("unexpected token")
        return doc


@pytest.fixture
def tripping_stages() -> Iterator[None]:
    """Register the stage (as factories, so the contract checks do not see it); worker
    processes forked afterwards have it too."""
    names = {"tests.trips_on_goma.v1": False, "tests.dies_on_goma.v1": True}
    for name, kill in names.items():
        stages_base.register_stage(name)(lambda config, kill=kill: _TripsOnGoma(kill))
    yield
    for name in names:
        stages_base._REGISTRY.pop(name, None)


@pytest.mark.usefixtures("tripping_stages")
@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_a_stage_fails_on_comes_out_in_place(workers: int) -> None:
    config = CoderConfig(stages=("sentences", "tests.trips_on_goma.v1"))
    docs = _docs(5)
    if workers == 1:
        results = list(code_stream(docs, config))
    else:
        with ProcessPool(config, workers, start_method="fork") as pool:
            results = list(code_stream(docs, executor=pool, batch_size=2))
    assert [r.doc_id for r in results] == [d.id for d in docs]
    assert [r.ok for r in results] == [True, True, True, False, True]
    assert results[3].reason is not None and "ValueError: unexpected token" in results[3].reason
    assert all(r.document is not None and r.document.sentences is not None for r in results[:3])


@pytest.mark.usefixtures("tripping_stages")
def test_a_worker_that_dies_mid_run_stops_the_run_with_one_error() -> None:
    config = CoderConfig(stages=("sentences", "tests.dies_on_goma.v1"))
    started = time.monotonic()
    with (
        ProcessPool(config, 2, start_method="fork") as pool,
        pytest.raises(WorkerError, match="worker process died") as info,
    ):
        list(code_stream(_docs(12), executor=pool, batch_size=2))
    assert info.value.to_dict()["error"] == "worker_error"
    assert time.monotonic() - started < 60


# --- a coder that cannot start -------------------------------------------------------------


def test_a_missing_model_fails_before_coding_in_process() -> None:
    config = CoderConfig(model="flashpoint_test_no_such_model")
    with pytest.raises(ModelError, match="not installed"):
        next(code_stream(_docs(3), config))


def test_a_missing_model_in_the_workers_is_one_clear_error() -> None:
    config = CoderConfig(model="flashpoint_test_no_such_model")
    started = time.monotonic()
    with pytest.raises(FlashpointError, match="not installed") as info:
        list(code_stream(_docs(6), config, workers=2, batch_size=1))
    assert info.value.to_dict()["error"] == "model_error"
    assert time.monotonic() - started < 120  # not a hang, not endless restarts


def test_a_stage_that_cannot_be_built_in_the_workers_is_one_clear_error() -> None:
    config = CoderConfig(stages=("sentences", "no_such_stage"))
    with pytest.raises(FlashpointError, match="no stage registered") as info:
        list(code_stream(_docs(4), config, workers=2))
    assert info.value.code == "pipeline_error"


# --- the parent killed -------------------------------------------------------------------

_PARENT = """
import sys, time
from datetime import date
from flashpoint.batch import ProcessPool, code_stream
from flashpoint.config import CoderConfig
from flashpoint.document import Document
docs = [Document(id=str(i), text="Calm in Lima.", pub_date=date(2024, 1, 1)) for i in range(4)]
pool = ProcessPool(CoderConfig(stages=("sentences",)), 2)
list(code_stream(docs, executor=pool, batch_size=1))
print("ready", flush=True)
time.sleep(600)
"""


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_exit_when_the_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        workers = [p for p in _children(parent.pid) if _alive(p)]
        assert len(workers) >= 2  # the two workers (and the resource tracker)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
