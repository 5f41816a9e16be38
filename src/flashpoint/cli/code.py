"""CLI commands: `flashpoint code` (articles in, JSON Lines events out) and `flashpoint demo`.

`code` streams documents from the readers, codes them through the batch engine
(`flashpoint.batch`: in this process with ``-j 1``, the default, or in worker processes each
with its own `Coder`, loaded once), and writes one
`Event.to_dict()` record per line, in input order. A document that cannot be read or coded is
reported on stderr (``flashpoint: skipped <source>: <reason>``) and the run goes on. The exit
status (`ExitCode`) is 0 when every document was coded, 1 when some were skipped, 2 for usage
errors, 3 when the run failed. A progress bar shows on a terminal when the events go elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO, cast

import click

from flashpoint.batch import Executor, code_stream
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
    worker_count,
)
from flashpoint.cli._progress import Bar, DocumentCounter, progress_options, wants_bar
from flashpoint.config import CoderConfig
from flashpoint.dataset import EventDataset
from flashpoint.document import Event, EventActor, EventLocation
from flashpoint.errors import FlashpointError, InputError
from flashpoint.pipeline import CodedDocument, Coder
from flashpoint.progress import IngestProgress
from flashpoint.readers import DEFAULT_MAX_BYTES, ReadResult, read_inputs

# --- outcomes: what coding one document produced ----------------------------------------


@dataclass(slots=True)
class Outcome:
    """The result of one document: its events as JSON lines, or why it was skipped.
    `fatal` marks a failure of the coder itself (e.g. a missing model): the run stops."""

    source: str | None
    events: list[Event] = field(default_factory=list)
    error: dict[str, str] | None = None
    reason: str | None = None
    fatal: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def lines(self) -> list[str]:
        """The events as JSON lines."""
        return [event_line(e) for e in self.events]


def event_line(event: Event) -> str:
    """One event as a line of JSON (the record of docs/event-schema.md)."""
    return json.dumps(event.to_dict(), ensure_ascii=False)


def _error_outcome(exc: InputError) -> Outcome:
    return Outcome(source=exc.source, error=exc.to_dict(), reason=exc.reason)


def _outcome(coded: CodedDocument) -> Outcome:
    """Input problems and unexpected failures of a stage on this document skip the
    document; a failure of the coder itself (FlashpointError) propagates from code_many."""
    if coded.failure is not None:
        exc = coded.failure
        reason = (
            f"internal error while coding ({type(exc).__name__}: {exc}); "
            "please report it with this document"
        )
        return Outcome(
            source=coded.source,
            error={"error": "internal_error", "message": reason},
            reason=reason,
        )
    if coded.error is not None:
        return _error_outcome(coded.error)
    return Outcome(source=coded.source, events=coded.events)


def code_outcomes(
    items: Iterable[ReadResult],
    config: CoderConfig,
    workers: int,
    batch_size: int | None = None,
    executor: Executor | None = None,
) -> Iterator[Outcome]:
    """Code a stream of documents with the batch engine (`flashpoint.batch.code_stream`):
    `workers` processes (1: in this process), or `executor`; results in input order."""
    stream = code_stream(items, config, workers=workers, executor=executor, batch_size=batch_size)
    return (_outcome(coded) for coded in stream)


# --- reporting -----------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    documents: int = 0
    events: int = 0
    skipped: int = 0


def _report_skip(outcome: Outcome, json_errors: bool, bar: Bar) -> None:
    if json_errors:
        bar.note(json.dumps(outcome.error, ensure_ascii=False))
    else:
        bar.note(f"flashpoint: skipped {outcome.source}: {outcome.reason}")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _report_summary(tally: Tally, json_errors: bool) -> None:
    if json_errors:
        summary = {"documents": tally.documents, "events": tally.events, "skipped": tally.skipped}
        click.echo(json.dumps({"summary": summary}), err=True)
    else:
        click.echo(
            f"flashpoint: coded {_n(tally.documents, 'document')}, "
            f"{_n(tally.events, 'event')}; {tally.skipped} skipped",
            err=True,
        )


def write_outcomes(
    outcomes: Iterable[Outcome],
    out: TextIO | EventDataset,
    json_errors: bool,
    bar: Bar | None = None,
    total: Callable[[], int | None] | None = None,
) -> Tally:
    """Write the events (as JSON lines, or to a Parquet dataset), report skipped documents,
    move the progress `bar` (of `total` documents); raise on a fatal failure."""
    tally = Tally()
    bar = bar or Bar(show=False)
    progress = IngestProgress()
    bar(progress)
    try:
        for outcome in outcomes:
            _write_outcome(outcome, out, json_errors, tally, bar)
            progress.total = total() if total else None
            progress.errors = tally.skipped
            progress.commit(1)
            bar(progress)
    finally:
        bar.clear()
    return tally


def _write_outcome(
    outcome: Outcome, out: TextIO | EventDataset, json_errors: bool, tally: Tally, bar: Bar
) -> None:
    if outcome.fatal:
        error = FlashpointError(outcome.reason or "the coder failed")
        error.code = (outcome.error or {}).get("error", error.code)
        raise error
    if not outcome.ok:
        tally.skipped += 1
        _report_skip(outcome, json_errors, bar)
        return
    tally.documents += 1
    tally.events += len(outcome.events)
    if isinstance(out, EventDataset):
        out.add(outcome.events)
        return
    for line in outcome.lines:
        out.write(line + "\n")


@main.command("code")
@click.argument("inputs", nargs=-1, type=InputPath())
@urls_option
@fetch_options
@executor_options
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    default="-",
    help="Write the events to this file (default: standard output); with --format parquet, "
    "the new folder of the dataset.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
    help="JSON Lines, or a Parquet dataset partitioned by year and month (-o DIR).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this many bytes.",
)
@click.option("--any-language", is_flag=True, help="Do not refuse text that is not English.")
@click.option(
    "--keep-background",
    is_flag=True,
    help="Also write running totals and background mentions (history, what has long gone "
    'on), flagged aux "aggregate" / "background"; left out by default.',
)
@progress_options
@click.option("--json-errors", is_flag=True, help="Report errors on stderr as JSON objects.")
def code_command(
    inputs: tuple[str, ...],
    url_files: tuple[str, ...],
    fetch_timeout: float,
    fetch_delay: float,
    workers: int | None,
    executor: str,
    scheduler: str | None,
    output: str,
    fmt: str,
    max_bytes: int,
    any_language: bool,
    keep_background: bool,
    progress: bool | None,
    quiet: bool,
    json_errors: bool,
) -> None:
    """Code articles into PLOVER events, written as JSON Lines (or a Parquet dataset).

    INPUT is a plain-text article (`date YYYY-MM-DD` line, then the text), a JSON Lines, JSON
    or CSV file of articles (id, date, title, url, text), a saved web page (.html), a
    directory of them, - for standard input, the http(s) URL of a page or an RSS/Atom feed,
    or a feed file (.rss, .atom, .xml).
    """
    require_inputs(inputs, url_files)
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet writes a folder: name it with -o DIR")
    items = read_inputs(
        inputs,
        max_bytes,
        check_language=not any_language,
        url_files=url_files,
        fetch=fetch_config(fetch_timeout, fetch_delay),
    )
    config = CoderConfig(max_chars=max_bytes, keep_background=keep_background)
    show = wants_bar(progress, quiet, output_on_terminal=output == "-" and sys.stdout.isatty())
    with (
        fail_on_error(json_errors),
        _events_out(fmt, output) as out,
        chosen_executor(executor, scheduler, workers, config) as ex,
    ):
        outcomes = code_outcomes(items, config, worker_count(workers), executor=ex)
        total = DocumentCounter(inputs, url_files) if show else None
        tally = write_outcomes(outcomes, out, json_errors, Bar(show), total)
    if not quiet:
        _report_summary(tally, json_errors)
    sys.exit(ExitCode.SKIPPED if tally.skipped else ExitCode.OK)


@contextlib.contextmanager
def _events_out(fmt: str, output: str) -> Iterator[TextIO | EventDataset]:
    """Where the events go: the -o file (or standard output), or a new Parquet dataset."""
    if fmt == "parquet":
        dataset = EventDataset(output)
        try:
            yield dataset
        finally:  # what was coded before a failure is kept
            dataset.close()
        return
    ctx = click.get_current_context()
    param = next(p for p in ctx.command.params if p.name == "output")
    stream = cast(TextIO, click.File("w", encoding="utf-8", lazy=False).convert(output, param, ctx))
    yield stream
    stream.flush()


# --- the demo ------------------------------------------------------------------------


def _actor_label(actor: EventActor | None) -> str:
    if actor is None:
        return "?"
    who = actor.country or actor.name or actor.text or "?"
    return f"{who} {actor.sector}" if actor.sector else who


def _place_label(place: EventLocation | None) -> str:
    if place is None:
        return "?"
    where = place.admin1 or place.name or place.text
    if where and place.country:
        return f"{where}, {place.country}"
    return where or place.country or "?"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_event(event: Event) -> str:
    """One readable line for an event, e.g.
    ``ASSAULT/aerial  PAK MIL -> IRN  2024-01-18  Balochistan, PAK  dead=7  | airstrikes: ...``
    """
    kind = event.event_type + (f"/{event.mode}" if event.mode else "")
    dyad = f"{_actor_label(event.actor)} -> {_actor_label(event.recipient)}"
    when = event.date.isoformat() if event.date else "date?"
    counts = [
        f"{name}={value}"
        for name, value in (
            ("dead", event.dead),
            ("injured", event.injured),
            ("arrested", event.arrested),
        )
        if value is not None
    ]
    cells = [kind.ljust(20), dyad.ljust(20), when, _place_label(event.location).ljust(18)]
    cells += counts
    return "  ".join(cells) + f"  | {event.trigger.text}: {_clip(event.sentence, 80)}"


def echo_coded(
    results: Iterable[CodedDocument], echo: Callable[[str], None] = click.echo
) -> Counter[str]:
    """Print what was found in each document (one line per event) and the totals. Returns
    the number of events per type (with "_documents" and "_skipped" counts)."""
    totals: Counter[str] = Counter()
    for coded in results:
        if not coded.ok:
            totals["_skipped"] += 1
            echo(f"skipped {coded.source}: {coded.reason}")
            continue
        totals["_documents"] += 1
        echo(_document_header(coded))
        for event in coded.events:
            totals[event.event_type] += 1
            echo("  " + format_event(event))
        if not coded.events:
            echo("  (no events found)")
    echo(_totals_line(totals))
    return totals


_INVENTED = "INVENTED SAMPLE — not a real news report:"


def _document_header(coded: CodedDocument) -> str:
    doc = coded.document
    when = doc.pub_date.isoformat() if doc and doc.pub_date else "no date"
    title = (doc.title or "") if doc else ""
    if title.startswith(_INVENTED):
        title = "[invented] " + title[len(_INVENTED) :].strip()
    title = _clip(title, 100)
    return f"\n{coded.doc_id}  ({when})  {title}".rstrip()


def _totals_line(totals: Counter[str]) -> str:
    types = {k: v for k, v in totals.items() if not k.startswith("_")}
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(types.items(), key=lambda kv: -kv[1]))
    n_events = sum(types.values())
    line = f"\n{totals['_documents']} articles, {n_events} events"
    line += f" ({by_type})" if by_type else ""
    return line + (f"; {totals['_skipped']} skipped" if totals["_skipped"] else "")


@main.command("demo")
@click.option(
    "--db",
    default="flashpoint-demo.duckdb",
    show_default=True,
    help="The DuckDB file the samples are stored in (replaced on each run).",
)
def demo_command(db: str) -> None:
    """Code the bundled sample articles (invented, see flashpoint/samples/README.md), show
    what was found, store them in a DuckDB file and summarise the deduplicated events."""
    from flashpoint.samples import SAMPLES_DIR

    click.echo(f"Coding the sample articles in {SAMPLES_DIR} (invented, not real news).")
    with fail_on_error():
        coder = Coder()
        echo_coded(code_stream(read_inputs([str(SAMPLES_DIR)]), coder=coder))
        click.echo("")
        click.echo(demo_store_summary(db, coder, str(SAMPLES_DIR)))


def demo_store_summary(db: str, coder: Coder, source: str) -> str:
    """Ingest `source` into a fresh store at `db` and describe what the store holds."""
    from pathlib import Path

    from flashpoint.ingest import ingest
    from flashpoint.store import open_store

    path = Path(db)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    with open_store(db) as store:
        report = ingest(store, [source], coder=coder)
        events = list(store.events())
    lines = [f"Stored in {db}: {report.summary()}"]
    mentions = sum(e.num_mentions for e in events)
    lines.append(
        f"{len(events)} distinct events from {mentions} reports "
        f"({mentions - len(events)} repeated reports merged across articles)"
    )
    by_type = Counter(e.event_type for e in events)
    lines.append("Events by type: " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    lines.append("Top dyads by summed intensity (most hostile first):")
    for (actor, recipient), total, n in _top_dyads(events):
        lines.append(f"  {actor} -> {recipient}: {total:+.1f} over {_n(n, 'event')}")
    return "\n".join(lines)


def _top_dyads(
    events: Iterable[object], limit: int = 5
) -> list[tuple[tuple[str, str], float, int]]:
    totals: dict[tuple[str, str], list[float]] = {}
    for e in events:
        actor = getattr(e, "actor_country", None)
        recipient = getattr(e, "recipient_country", None)
        if actor and recipient and actor != recipient:
            totals.setdefault((actor, recipient), []).append(getattr(e, "intensity", 0.0) or 0.0)
    ranked = sorted(totals.items(), key=lambda kv: sum(kv[1]))
    return [(dyad, sum(vals), len(vals)) for dyad, vals in ranked[:limit]]
