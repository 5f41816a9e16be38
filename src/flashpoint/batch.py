"""The batch engine: code a stream of documents, in this process or in worker processes,
and yield one `CodedDocument` per input, in input order.

Every user (`flashpoint code`, `flashpoint geoparse`, `flashpoint.ingest` and the API's
POST) codes through `code_stream`; no other module creates a process pool. Where the
documents are coded is an `Executor`:

- `InProcess`: one `Coder` in this process.
- `ProcessPool`: N worker processes, each loading its coder once. Reading stays in this
  process; documents go to the workers in batches, at most two batches per worker are in
  flight (memory stays bounded), and results come back in input order. A worker exits when
  this process dies (even by SIGKILL). A coder that fails to start, or a worker that dies
  mid-run, stops the run with one `FlashpointError` (never a hang or endless restarts).

Inputs that could not be read (`InputError`) never leave this process: they come out in
place with their `error`. A stage failing on one document gives that document its
`failure`; the others are still coded (`Coder.code_many`).
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import chain, islice
from multiprocessing import get_context
from types import TracebackType
from typing import Self

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.errors import ConfigError, FlashpointError, InputError
from flashpoint.pipeline import CodedDocument, Coder

Item = Document | InputError

BATCH_SIZE = 8
"""Documents sent to a worker process at a time."""

IN_PROCESS_BATCH = 16
"""Documents the parser sees at a time in this process."""

IN_FLIGHT = 2
"""Batches in flight per worker process."""


class WorkerError(FlashpointError):
    """A worker process died, or answered with something other than the batch it was given."""

    code = "worker_error"


class Executor(ABC):
    """Where batches of documents are coded. `map` yields the results of each batch (one
    `CodedDocument` per document, in order), batch after batch in the order given; it pulls
    the next batches only as far as its bound on work in flight allows."""

    batch_size: int = BATCH_SIZE
    workers: int = 1
    """How many batches it codes at once."""

    @abstractmethod
    def map(self, batches: Iterator[list[Document]]) -> Iterator[list[CodedDocument]]: ...

    def close(self) -> None:  # noqa: B027 - most executors have nothing to release
        """Release the workers (if any)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class InProcess(Executor):
    """Code in this process with one `Coder` (given, or built from `config`). The pipeline
    is built here and now: stages that cannot run together fail before any document is
    read (a missing model fails at the first document)."""

    batch_size = IN_PROCESS_BATCH

    def __init__(self, config: CoderConfig | None = None, coder: Coder | None = None) -> None:
        self.coder = coder or Coder(config)
        self.coder.pipeline  # noqa: B018 - build it now, so a broken coder fails once

    def map(self, batches: Iterator[list[Document]]) -> Iterator[list[CodedDocument]]:
        for docs in batches:
            yield list(self.coder.code_many(docs, batch_size=max(1, len(docs))))


class ProcessPool(Executor):
    """Code in `workers` processes, each with its own `Coder` loaded once. `start_method`
    is multiprocessing's ("spawn" by default: safe beside open database connections;
    "fork" also carries stages registered at run time into the workers)."""

    def __init__(self, config: CoderConfig, workers: int, *, start_method: str = "spawn") -> None:
        if workers < 1:
            raise ConfigError(f"--workers must be 1 or more, got {workers}")
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context(start_method),
            initializer=_init_worker,
            initargs=(config, os.getpid()),
        )

    def map(self, batches: Iterator[list[Document]]) -> Iterator[list[CodedDocument]]:
        pending: deque[tuple[int, Future[Reply]]] = deque()
        for docs in batches:
            pending.append((len(docs), self._pool.submit(_code_batch, docs)))
            if len(pending) >= IN_FLIGHT * self.workers:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def code_stream(
    items: Iterable[Item],
    config: CoderConfig | None = None,
    *,
    workers: int = 1,
    executor: Executor | None = None,
    coder: Coder | None = None,
    batch_size: int | None = None,
) -> Iterator[CodedDocument]:
    """Code `items` (what `flashpoint.readers.read_inputs` yields) and yield one result per
    item, in input order.

    - `executor`: where to code (kept open: the caller closes it). Without one, `workers`
      decides: 1 codes in this process (with `coder`, or a new one from `config`), more
      start a `ProcessPool` for this stream (a single document is coded in this process).
    - `batch_size`: documents per batch (default: the executor's).
    """
    if batch_size is not None and batch_size < 1:
        raise ConfigError(f"--batch-size must be 1 or more, got {batch_size}")
    stream = iter(items)
    if executor is not None:
        yield from _woven(stream, executor, batch_size or executor.batch_size)
        return
    head = list(islice(stream, 2))
    if workers <= 1 or len(head) < 2:
        chosen: Executor = InProcess(config, coder)
    else:
        chosen = ProcessPool(config or (coder.config if coder else CoderConfig()), workers)
    with chosen:
        yield from _woven(chain(head, stream), chosen, batch_size or chosen.batch_size)


def _woven(items: Iterator[Item], executor: Executor, size: int) -> Iterator[CodedDocument]:
    """The executor's results with the unreadable inputs put back in their places."""
    batches: deque[list[Item]] = deque()

    def documents() -> Iterator[list[Document]]:
        while batch := list(islice(items, size)):
            batches.append(batch)
            yield [item for item in batch if isinstance(item, Document)]

    for coded in executor.map(documents()):
        batch = batches.popleft()
        results = iter(coded)
        for item in batch:
            yield _unread(item) if isinstance(item, InputError) else next(results)


def _unread(error: InputError) -> CodedDocument:
    return CodedDocument(doc_id="", source=error.source, events=[], error=error)


# --- what runs where the coding is done (worker processes, Dask workers) -----------------


@dataclass(slots=True)
class Fatal:
    """The coder itself failed where it runs (it could not start, or a `FlashpointError`):
    the run stops with this error."""

    error: FlashpointError


Reply = list[CodedDocument] | Fatal
"""What a batch sent to a worker comes back as."""


def load_coder(config: CoderConfig) -> Coder | Fatal:
    """A coder with its model and data files loaded, or why it cannot start. Never raises:
    a raising pool initializer only says the pool broke, not why."""
    try:
        coder = Coder(config)
        coder.pipeline  # noqa: B018 - load the model and the data files now
    except FlashpointError as exc:
        return Fatal(_portable_error(exc))
    except Exception as exc:  # a bug: still stop the run with one clear line
        error = FlashpointError(
            f"the coder failed to start in a worker ({type(exc).__name__}: {exc})"
        )
        error.code = "internal_error"
        return Fatal(error)
    return coder


def code_batch(coder: Coder | Fatal, docs: list[Document]) -> Reply:
    """Code one batch where the worker runs; what comes back can be pickled."""
    if isinstance(coder, Fatal):
        return coder
    try:
        return [_portable(coded) for coded in coder.code_many(docs, batch_size=len(docs) or 1)]
    except FlashpointError as exc:
        return Fatal(_portable_error(exc))


def unpack(reply: Reply, expected: int) -> list[CodedDocument]:
    """A batch's results in the parent; a failed coder stops the run."""
    if isinstance(reply, Fatal):
        raise reply.error
    if not isinstance(reply, list) or len(reply) != expected:
        got = len(reply) if isinstance(reply, list) else type(reply).__name__
        raise WorkerError(f"a worker returned {got} results for {expected} documents")
    return reply


def _portable(coded: CodedDocument) -> CodedDocument:
    """What goes back to the parent: the document without its parses and intermediate
    mentions (its text, metadata, places and events stay), a failure that can be pickled."""
    doc = coded.document
    if doc is not None:
        doc = replace(doc, sentences=[], triggers=[], parses={}, actors=[], dates=[], counts=[])
    failure = coded.failure
    if failure is not None and not _picklable(failure):
        failure = RuntimeError(f"{type(failure).__name__}: {failure}")
    return replace(coded, document=doc, failure=failure)


def _portable_error(exc: FlashpointError) -> FlashpointError:
    if _picklable(exc):
        return exc
    error = FlashpointError(str(exc))
    error.code = exc.code
    return error


def _picklable(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True


# --- the process pool's workers --------------------------------------------------------

_coder: Coder | Fatal = Fatal(FlashpointError("the worker has no coder"))


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies (even by SIGKILL) instead of lingering as an orphan."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(config: CoderConfig, parent: int) -> None:
    """Load this worker's coder once (a failure is answered for each batch)."""
    global _coder
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _coder = load_coder(config)


def _code_batch(docs: list[Document]) -> Reply:
    return code_batch(_coder, docs)


def _result(expected: int, future: Future[Reply]) -> list[CodedDocument]:
    """A batch's results from its future; a dead worker or a failed coder stops the run."""
    try:
        reply = future.result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died while coding (killed, or out of memory?); what was "
            "already written is kept: run again, with fewer --workers if memory is short"
        ) from None
    return unpack(reply, expected)
