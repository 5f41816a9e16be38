"""Ingest: read documents, code them, store them, merge their events.

Documents go through in windows of `batch_size`. A window's documents that are already
stored with the same content are skipped before coding; the others are coded (in this
process, or in `workers` processes that each load their own coder) and written in one
transaction with their events, mentions and errors. When everything is written, the merge
pass turns new mentions into events. Killed at any moment, a rerun skips what was committed
and does the rest: nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any

from flashpoint.config import CoderConfig
from flashpoint.document import Document, Event
from flashpoint.errors import ConfigError, FlashpointError, InputError
from flashpoint.store.records import DedupStats
from flashpoint.store.rows import DocumentInfo, ErrorItem, IngestItem

if TYPE_CHECKING:
    from flashpoint.pipeline import Coder
    from flashpoint.store.base import SQLStore

Input = Document | InputError


@dataclass(slots=True)
class Coded:
    """One document after coding: its events, or why it failed."""

    doc: Document
    events: list[Event]
    error: ErrorItem | None = None
    coder: str = ""


@dataclass(slots=True)
class IngestProgress:
    """Where an ingest stands (passed to the `progress` callback after each commit)."""

    done: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    mentions: int = 0
    total: int | None = None
    phase: str = "coding"  # coding, then merging
    started: float = field(default_factory=time.perf_counter)
    committed: list[tuple[str, int]] = field(default_factory=list)
    # the first commit: the rate is measured from there (loading the coder is not coding)
    _first: tuple[float, int] | None = None

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Documents per second since the first commit (overall before the second)."""
        now = time.perf_counter()
        if self._first is not None and self.done > self._first[1] and now > self._first[0]:
            return (self.done - self._first[1]) / (now - self._first[0])
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def commit(self, docs: int) -> None:
        self.done += docs
        if self._first is None:
            self._first = (time.perf_counter(), self.done)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest did."""

    db: str
    read: int
    stored: int
    replaced: int
    skipped: int
    errors: int
    mentions: int
    events: int
    seconds: float
    dedup: DedupStats | None = None

    @property
    def docs_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        """One plain line for logs and non-interactive runs."""
        merge = plural(self.events, "event") if self.dedup is not None else "merge pending"
        return (
            f"ingested {plural(self.read, 'document')} into {self.db}: {self.stored} stored "
            f"({self.replaced} replaced), {self.skipped} already stored, "
            f"{plural(self.errors, 'error')}; {plural(self.mentions, 'mention')}, {merge}; "
            f"{self.seconds:.1f} s, {self.docs_per_second:.1f} docs/s"
        )


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --- coding ----------------------------------------------------------------------------


def code_one(coder: Coder, doc: Document) -> Coded:
    """Code one document; a failure on this document becomes an error record."""
    from flashpoint.pipeline import CODER_NAME

    try:
        out = next(iter(coder.code_many([doc])))
    except FlashpointError:
        raise  # the coder itself is broken (e.g. its model is missing): stop the run
    except Exception as exc:  # a bug in a stage must not stop a long run
        message = f"the coder failed ({type(exc).__name__}: {exc}); please report this document"
        return Coded(doc, [], ErrorItem(doc.source, doc.id, "coder_error", message))
    if out.failure is not None:
        failure = out.failure
        message = (
            f"the coder failed ({type(failure).__name__}: {failure}); please report this document"
        )
        return Coded(doc, [], ErrorItem(doc.source, doc.id, "coder_error", message))
    if out.error is not None:
        err = out.error
        return Coded(doc, [], ErrorItem(err.source or doc.source, doc.id, err.code, err.reason))
    return Coded(doc, list(out.events), None, CODER_NAME)


_WORKER_CODER: Coder | None = None


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies (even by SIGKILL) instead of lingering as an orphan."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(config: CoderConfig, parent: int) -> None:
    global _WORKER_CODER
    from flashpoint.pipeline import Coder

    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _WORKER_CODER = Coder(config)


def _code_batch(docs: list[Document]) -> list[Coded]:
    assert _WORKER_CODER is not None
    return [code_one(_WORKER_CODER, d) for d in docs]


# --- reading ----------------------------------------------------------------------------


def as_documents(inputs: Iterable[Any]) -> Iterator[Input]:
    """Documents and errors from a mix of paths (read with `flashpoint.readers`),
    `Document`s and `InputError`s."""
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    for item in inputs:
        if isinstance(item, Document | InputError):
            yield item
        elif isinstance(item, str | os.PathLike):
            from flashpoint.readers import read_inputs

            yield from read_inputs([os.fspath(item)])
        else:
            raise ConfigError(
                f"cannot ingest a {type(item).__name__}; give paths, Documents or InputErrors"
            )


def _windows(items: Iterator[Input], size: int) -> Iterator[list[Input]]:
    while window := list(islice(items, size)):
        yield window


@dataclass(slots=True)
class _Window:
    """A window of input after the skip check: what to code, what was skipped, errors."""

    to_code: list[Document]
    skipped: int
    replaced: int
    errors: list[ErrorItem]


class _Ingest:
    def __init__(self, store: SQLStore, force: bool, progress: IngestProgress) -> None:
        self.store = store
        self.force = force
        self.progress = progress
        self.seen: dict[str, str] = {}
        self.replaced = 0

    def plan(self, window: Sequence[Input]) -> _Window:
        errors = [
            ErrorItem(e.source, None, e.code, e.reason) for e in window if isinstance(e, InputError)
        ]
        docs: dict[str, Document] = {}
        infos: dict[str, DocumentInfo] = {}
        for d in window:
            if isinstance(d, Document):
                docs[d.id], infos[d.id] = d, DocumentInfo.of(d)
        stored = self.store.stored_hashes(docs) if docs else {}
        to_code, skipped, replaced = [], 0, 0
        for doc_id, doc in docs.items():
            h = infos[doc_id].content_hash
            before = self.seen.get(doc_id) or stored.get(doc_id)
            if before == h and not self.force:
                skipped += 1
                continue
            replaced += int(before is not None and doc_id in stored)
            self.seen[doc_id] = h
            to_code.append(doc)
        return _Window(to_code, skipped + len(window) - len(docs) - len(errors), replaced, errors)

    def commit(self, plan: _Window, coded: list[Coded]) -> None:
        items = [
            IngestItem(DocumentInfo.of(c.doc), c.events, c.coder) for c in coded if c.error is None
        ]
        errors = plan.errors + [c.error for c in coded if c.error is not None]
        self.store.write(items, errors)
        p = self.progress
        p.commit(len(coded) + plan.skipped + len(plan.errors))
        p.stored += len(items)
        p.skipped += plan.skipped
        p.errors += len(errors)
        p.mentions += sum(len(it.events) for it in items)
        p.committed = [(it.doc.doc_id, len(it.events)) for it in items]
        self.replaced += plan.replaced


def ingest(
    store: SQLStore,
    inputs: Iterable[Any],
    *,
    coder: Coder | None = None,
    config: CoderConfig | None = None,
    workers: int = 1,
    batch_size: int = 32,
    dedup: bool = True,
    force: bool = False,
    progress: Callable[[IngestProgress], None] | None = None,
    total: Callable[[], int | None] | None = None,
) -> IngestReport:
    """Read, code and store `inputs` (paths, `Document`s or `InputError`s), then merge.

    - `workers`: coding processes (1: code in this process with `coder`).
    - `batch_size`: documents per transaction.
    - `dedup=False`: leave merging to the next ingest or query (faster bulk loads).
    - `force`: recode documents even when stored with the same content.
    - `progress`: called after each commit; `total` may tell it how many documents to expect.
    """
    if workers < 1:
        raise ConfigError(f"--workers must be 1 or more, got {workers}")
    if batch_size < 1:
        raise ConfigError(f"--batch-size must be 1 or more, got {batch_size}")
    state = IngestProgress()
    run = _Ingest(store, force, state)
    windows = _windows(as_documents(inputs), batch_size)

    def report(p: IngestProgress) -> None:
        if total is not None:
            p.total = total()
        if progress is not None:
            progress(p)

    report(state)
    if workers == 1:
        _run_serial(run, windows, coder or _coder(config), report)
    else:
        cfg = config or (coder.config if coder is not None else CoderConfig())
        _run_parallel(run, windows, cfg, workers, report)
    state.committed = []
    if dedup:
        state.phase = "merging"
        report(state)
    stats = store.dedup() if dedup else None
    return IngestReport(
        db=store.url,
        read=state.done,
        stored=state.stored,
        replaced=run.replaced,
        skipped=state.skipped,
        errors=state.errors,
        mentions=state.mentions,
        events=store.stats().events,
        seconds=state.elapsed,
        dedup=stats,
    )


def _coder(config: CoderConfig | None) -> Coder:
    from flashpoint.pipeline import Coder

    return Coder(config)


def _run_serial(
    run: _Ingest,
    windows: Iterator[list[Input]],
    coder: Coder,
    report: Callable[[IngestProgress], None],
) -> None:
    for window in windows:
        plan = run.plan(window)
        run.commit(plan, [code_one(coder, d) for d in plan.to_code])
        report(run.progress)


def _run_parallel(
    run: _Ingest,
    windows: Iterator[list[Input]],
    config: CoderConfig,
    workers: int,
    report: Callable[[IngestProgress], None],
) -> None:
    pending: deque[tuple[_Window, list[Future[list[Coded]]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_init_worker,
        initargs=(config, os.getpid()),
    ) as pool:
        for window in windows:
            plan = run.plan(window)
            step = max(1, len(plan.to_code) // workers)
            parts = [plan.to_code[i : i + step] for i in range(0, len(plan.to_code), step)]
            pending.append((plan, [pool.submit(_code_batch, part) for part in parts]))
            while len(pending) > 2:
                _finish(run, pending.popleft(), report)
        while pending:
            _finish(run, pending.popleft(), report)


def _finish(
    run: _Ingest,
    job: tuple[_Window, list[Future[list[Coded]]]],
    report: Callable[[IngestProgress], None],
) -> None:
    plan, futures = job
    coded = [c for f in futures for c in f.result()]
    run.commit(plan, coded)
    report(run.progress)
