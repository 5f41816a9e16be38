"""`flashpoint watch`: keep an event store up to date with feeds, URL lists and folders.

    flashpoint watch [--db DB] [--every SECONDS] [--once] [--urls FILE] SOURCE...

A SOURCE is an RSS/Atom feed (URL or file), a web page URL, a file of URLs (``*.urls``, or
``--urls FILE``), or a folder (or file) of articles. Every pass reads each source in turn and
ingests what is new: a feed item or URL whose document is already stored is not fetched
again (by id); an article file stored with the same content is not coded again (by content
hash). Each source's documents are committed a few at a time (``--batch-size``), so a pass
killed at any moment (even with ``kill -9``) loses only the uncommitted few, and the next run
does them, without doubling anything. A source that fails (a feed that is down) is reported
and tried again at the next pass; Ctrl-C stops cleanly. Each pass writes a line per source
and a one-line summary. The store is open during a pass only, so that between passes other
commands (`flashpoint events`, `serve`) can open a DuckDB file.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from types import FrameType
from typing import TYPE_CHECKING

import click

from flashpoint.batch import Executor
from flashpoint.cli import main
from flashpoint.cli._common import (
    ExitCode,
    InputPath,
    chosen_executor,
    executor_options,
    fail_on_error,
    fetch_config,
    fetch_options,
    require_inputs,
    urls_option,
)
from flashpoint.config import CoderConfig
from flashpoint.errors import InputError, ModelError, StoreError
from flashpoint.ingest import IngestProgress, IngestReport, ingest, plural
from flashpoint.readers import (
    FetchConfig,
    Fetcher,
    ReadOptions,
    ReadResult,
    read_path,
    read_url_file,
)
from flashpoint.store import DEFAULT_DB, open_store

if TYPE_CHECKING:
    from flashpoint.pipeline import Coder
    from flashpoint.store import SQLStore

Reader = Callable[[ReadOptions], Iterator[ReadResult]]


@dataclass(frozen=True, slots=True)
class Source:
    """One thing watched: its name (as given) and how to read it."""

    name: str
    read: Reader


def sources_of(inputs: tuple[str, ...], url_files: tuple[str, ...]) -> list[Source]:
    """The watched sources: each input, then each file of URLs."""
    found = [Source(name, _path_reader(name)) for name in inputs]
    return found + [Source(name, _url_file_reader(name)) for name in url_files]


def _path_reader(name: str) -> Reader:
    return lambda options: read_path(name, options)


def _url_file_reader(name: str) -> Reader:
    return lambda options: read_url_file(name, options)


@dataclass(slots=True)
class SourceOutcome:
    """What reading one source gave in a pass; `failure` is set when the source itself
    could not be read (the feed, the URL list), as opposed to one of its articles."""

    failure: str | None = None


@dataclass(slots=True)
class PassTally:
    """What one pass did, over all its sources."""

    number: int
    started: float = field(default_factory=time.monotonic)
    read: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    mentions: int = 0
    events: int = 0
    failed: list[str] = field(default_factory=list)

    def add(self, report: IngestReport) -> None:
        self.read += report.read
        self.stored += report.stored
        self.skipped += report.skipped
        self.errors += report.errors
        self.mentions += report.mentions
        self.events = report.events

    def summary(self) -> str:
        """The pass in one line."""
        when = datetime.now().astimezone().isoformat(timespec="seconds")
        failed = f", {len(self.failed)} failed ({', '.join(self.failed)})" if self.failed else ""
        return (
            f"pass {self.number} at {when}: {plural(self.stored, 'new document')}, "
            f"{self.skipped} unchanged, {plural(self.errors, 'error')}{failed}; "
            f"{plural(self.mentions, 'mention')}, {plural(self.events, 'event')} stored; "
            f"{time.monotonic() - self.started:.1f} s"
        )


def _watched(source: Source, options: ReadOptions, outcome: SourceOutcome) -> Iterator[ReadResult]:
    """The source's documents; an error naming the source itself marks it failed."""
    for result in source.read(options):
        if isinstance(result, InputError) and result.source == source.name:
            outcome.failure = result.reason
        yield result


def run_pass(
    store: SQLStore,
    sources: list[Source],
    coder: Coder | None,
    fetcher: Fetcher,
    batch_size: int,
    echo: Callable[[str], None],
    number: int = 1,
    executor: Executor | None = None,
) -> PassTally:
    """One pass over every source: ingest what is new, report each source and the pass.
    Coded by `coder` in this process, or by `executor` (``--workers``, ``--executor``)."""
    tally = PassTally(number)
    options = ReadOptions(fetcher=fetcher, known=known_in(store))
    for source in sources:
        outcome = SourceOutcome()
        try:
            report = ingest(
                store,
                _watched(source, options, outcome),
                coder=coder,
                executor=executor,
                batch_size=batch_size,
                progress=_progress(echo),
            )
        except (StoreError, ModelError):
            raise
        except Exception as exc:  # one source must not stop the watch
            outcome.failure = f"{type(exc).__name__}: {exc}"
            tally.failed.append(source.name)
            echo(f"  {source.name}: failed ({outcome.failure}); trying again next pass")
            continue
        tally.add(report)
        if outcome.failure is not None:
            tally.failed.append(source.name)
            echo(f"  {source.name}: failed ({outcome.failure}); trying again next pass")
        else:
            echo(f"  {source.name}: {_source_line(report)}")
    return tally


def _source_line(report: IngestReport) -> str:
    return (
        f"{plural(report.stored, 'new document')}, {report.skipped} unchanged, "
        f"{plural(report.errors, 'error')}"
    )


def _progress(echo: Callable[[str], None]) -> Callable[[IngestProgress], None]:
    def show(p: IngestProgress) -> None:
        for doc_id, n in p.committed:
            echo(f"    stored {doc_id} ({plural(n, 'event')})")

    return show


def known_in(store: SQLStore) -> Callable[[str], bool]:
    """Whether a document id is stored already (feed items and URLs are not fetched again)."""
    return lambda doc_id: bool(store.stored_hashes([doc_id]))


class _Stop(BaseException):
    """SIGTERM: stop like Ctrl-C (not an Exception, so no source's handler catches it)."""


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise _Stop()


@main.command("watch")
@click.option(
    "--db", envvar="FLASHPOINT_DB", default=DEFAULT_DB, help="DuckDB file or postgresql:// URL."
)
@click.option(
    "--every",
    type=click.FloatRange(min=1),
    default=900,
    show_default=True,
    metavar="SECONDS",
    help="Seconds from the start of one pass to the start of the next.",
)
@click.option("--once", is_flag=True, help="Make one pass and exit.")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Documents per transaction (a kill loses at most these).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only the summary line of each pass.")
@executor_options
@urls_option
@fetch_options
@click.argument("inputs", nargs=-1, type=InputPath(), metavar="SOURCE...")
def watch_command(
    db: str,
    every: float,
    once: bool,
    batch_size: int,
    quiet: bool,
    workers: int | None,
    executor: str,
    scheduler: str | None,
    url_files: tuple[str, ...],
    fetch_timeout: float,
    fetch_delay: float,
    inputs: tuple[str, ...],
) -> None:
    """Watch feeds, URL lists and folders: every pass stores the new articles' events.

    SOURCE is an RSS/Atom feed (URL or file), a page URL, a file of URLs (*.urls), or a
    folder of articles. Articles already stored are not fetched or coded again, a killed
    pass loses nothing that was committed, and Ctrl-C stops cleanly. With --workers N
    (or --executor dask) the coding processes start once and serve every pass."""
    require_inputs(inputs, url_files)
    sources = sources_of(inputs, url_files)
    previous = signal.signal(signal.SIGTERM, _on_term)
    try:
        with (
            fail_on_error(),
            chosen_executor(executor, scheduler, workers, CoderConfig(), keep_pool=True) as ex,
        ):
            fetch = fetch_config(fetch_timeout, fetch_delay)
            _watch(db, sources, every, once, batch_size, quiet, fetch, ex)
    except (KeyboardInterrupt, _Stop):
        click.echo("flashpoint: watch stopped; everything stored so far is kept", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _watch(
    db: str,
    sources: list[Source],
    every: float,
    once: bool,
    batch_size: int,
    quiet: bool,
    fetch: FetchConfig,
    executor: Executor | None,
) -> None:
    from flashpoint.pipeline import Coder

    coder = None if executor is not None else Coder()
    detail: Callable[[str], None] = (lambda line: None) if quiet else _err
    with Fetcher(fetch) as fetcher:
        number = 0
        while True:
            number += 1
            started = time.monotonic()
            try:
                # the store is held during a pass only: between passes others may open it
                with open_store(db) as store:
                    tally = run_pass(
                        store, sources, coder, fetcher, batch_size, detail, number, executor
                    )
                click.echo(tally.summary())
            except StoreError as exc:
                if once:
                    raise
                click.echo(f"pass {number}: {exc}; trying again next pass", err=True)
            if once:
                return
            time.sleep(max(0.0, every - (time.monotonic() - started)))


def _err(line: str) -> None:
    click.echo(line, err=True)
