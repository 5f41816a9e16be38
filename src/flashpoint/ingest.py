"""Ingest: read documents, code them, store them, merge their events.

This sits above the store: it reads, plans and codes (through the batch engine,
`flashpoint.batch`), and the store only writes, merges, queries and exports.

Documents go through in windows of `batch_size`. A window's documents that are already
stored with the same content are skipped before coding; the others are coded by the batch
engine (in this process, or in `workers` processes that each load their own coder) and
written in one transaction with their events, mentions and errors. When everything is
written, the merge pass turns new mentions into events. Killed at any moment, a rerun skips
what was committed and does the rest: nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from flashpoint.batch import Executor, code_stream
from flashpoint.config import CoderConfig
from flashpoint.document import Document, Event
from flashpoint.errors import ConfigError, InputError
from flashpoint.pipeline import CODER_NAME, CodedDocument, Coder
from flashpoint.progress import IngestProgress, plural
from flashpoint.store.records import DedupStats
from flashpoint.store.rows import DocumentInfo, ErrorItem, IngestItem

if TYPE_CHECKING:
    from flashpoint.store.base import SQLStore

Input = Document | InputError


@dataclass(slots=True)
class Coded:
    """One document after coding: its events, or why it failed."""

    doc: Document
    events: list[Event]
    error: ErrorItem | None = None
    coder: str = ""


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


# --- coding ----------------------------------------------------------------------------


def coded_item(doc: Document, coded: CodedDocument) -> Coded:
    """What to store for one document coded by the batch engine: its events, or the error
    record of why it could not be coded."""
    if coded.failure is not None:
        failure = coded.failure
        message = (
            f"the coder failed ({type(failure).__name__}: {failure}); please report this document"
        )
        return Coded(doc, [], ErrorItem(doc.source, doc.id, "coder_error", message))
    if coded.error is not None:
        err = coded.error
        return Coded(doc, [], ErrorItem(err.source or doc.source, doc.id, err.code, err.reason))
    return Coded(doc, list(coded.events), None, CODER_NAME)


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
    store: SQLStore | str | os.PathLike[str],
    inputs: Iterable[Any],
    *,
    coder: Coder | None = None,
    config: CoderConfig | None = None,
    workers: int = 1,
    executor: Executor | None = None,
    batch_size: int = 32,
    dedup: bool = True,
    force: bool = False,
    progress: Callable[[IngestProgress], None] | None = None,
    total: Callable[[], int | None] | None = None,
) -> IngestReport:
    """Read, code and store `inputs` (paths, `Document`s or `InputError`s) in `store` (an
    open store, or where one is: a DuckDB path or a postgresql:// URL), then merge.

    - `workers`: coding processes (1: code in this process with `coder`); or `executor`,
      where the batch engine codes (see `flashpoint.batch`; the caller closes it).
    - `batch_size`: documents per transaction.
    - `dedup=False`: leave merging to the next ingest or query (faster bulk loads).
    - `force`: recode documents even when stored with the same content.
    - `progress`: called after each commit; `total` may tell it how many documents to expect.
    """
    if workers < 1:
        raise ConfigError(f"--workers must be 1 or more, got {workers}")
    if batch_size < 1:
        raise ConfigError(f"--batch-size must be 1 or more, got {batch_size}")

    def report(p: IngestProgress) -> None:
        if total is not None:
            p.total = total()
        if progress is not None:
            progress(p)

    def code(docs: Iterator[Document]) -> Iterator[CodedDocument]:
        # a window's documents are shared among the workers, and committed once coded
        parallel = executor.workers if executor is not None else workers
        size = max(1, -(-batch_size // parallel))
        return code_stream(
            docs, config, workers=workers, executor=executor, coder=coder, batch_size=size
        )

    with _opened(store) as target:
        run = _Ingest(target, force, IngestProgress())
        report(run.progress)
        _code_and_commit(run, _windows(as_documents(inputs), batch_size), code, report)
        return _merged(run, dedup, report)


@contextmanager
def _opened(store: SQLStore | str | os.PathLike[str]) -> Iterator[SQLStore]:
    """The store given, or the one at a path or URL (closed afterwards)."""
    if not isinstance(store, str | os.PathLike):
        yield store
        return
    from flashpoint.store import open_store

    with open_store(store) as opened:
        yield opened


def _merged(run: _Ingest, dedup: bool, report: Callable[[IngestProgress], None]) -> IngestReport:
    """Merge the new mentions into events (unless told not to) and say what was done."""
    state, store = run.progress, run.store
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


def _code_and_commit(
    run: _Ingest,
    windows: Iterator[list[Input]],
    code: Callable[[Iterator[Document]], Iterator[CodedDocument]],
    report: Callable[[IngestProgress], None],
) -> None:
    """Plan each window, code what it needs through the batch engine, and commit each
    window (in input order) as soon as all its documents are coded."""
    plans: deque[_Window] = deque()
    coded: list[Coded] = []

    def flush() -> None:
        while plans and len(coded) >= len(plans[0].to_code):
            plan = plans.popleft()
            n = len(plan.to_code)
            run.commit(plan, coded[:n])
            del coded[:n]
            report(run.progress)

    def to_code() -> Iterator[Document]:
        for window in windows:
            plan = run.plan(window)
            plans.append(plan)
            flush()  # a window with nothing to code, and nothing before it, commits now
            yield from plan.to_code

    for result in code(to_code()):
        # results come in input order: this one is the next document of the oldest window
        coded.append(coded_item(plans[0].to_code[len(coded)], result))
        flush()
    flush()
