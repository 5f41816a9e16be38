"""CLI commands over the event store: ingest, events, export, errors.

    flashpoint ingest [--db DB] [--workers N] [--executor dask] [--urls FILE] INPUT...
    flashpoint events [--db DB] [filters] [--format table|jsonl|csv] [--limit N]
    flashpoint export [--db DB] --format plover-jsonl|csv|parquet|acled-csv|icews-csv -o FILE
    flashpoint errors [--db DB]

DB is a DuckDB file (default flashpoint.duckdb, or $FLASHPOINT_DB) or a postgresql:// URL.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

import click

from flashpoint.cli import main
from flashpoint.cli._common import (
    chosen_executor,
    executor_options,
    fail_on_error,
    fetch_config,
    fetch_options,
    require_inputs,
    urls_option,
)
from flashpoint.config import CoderConfig
from flashpoint.ingest import IngestProgress, ingest, plural
from flashpoint.readers import needs_network, read_inputs
from flashpoint.store import DEFAULT_DB, EventFilter, open_store
from flashpoint.store.export import FORMATS, write_csv
from flashpoint.store.records import EventList, StoredEvent

_DB_HELP = "DuckDB file or postgresql:// URL [default: $FLASHPOINT_DB or flashpoint.duckdb]"


def _db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", envvar="FLASHPOINT_DB", default=DEFAULT_DB, help=_DB_HELP, show_default=False
    )(f)


# --- ingest ---------------------------------------------------------------------------


def _fmt_seconds(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def progress_line(p: IngestProgress, width: int = 28) -> str:
    """The progress bar: done/total, rate and ETA (just done and rate while counting)."""
    if p.phase == "merging":
        return f"{p.done} docs stored; merging their reports into events ..."
    if p.done == 0:
        return "loading the coder ..."
    rate = p.rate
    tail = f"{rate:.1f} docs/s  {plural(p.errors, 'error')}"
    if not p.total:
        return f"{p.done} docs  {tail}"
    frac = min(1.0, p.done / p.total)
    filled = int(frac * width)
    eta = (p.total - p.done) / rate if rate > 0 else 0.0
    bar = "#" * filled + "-" * (width - filled)
    return f"{frac:4.0%} [{bar}] {p.done}/{p.total} docs  {tail}  ETA {_fmt_seconds(eta)}"


class _Counter:
    """Counts the input documents in a background thread, for the progress bar's ETA."""

    def __init__(self, inputs: Sequence[str]) -> None:
        self.total: int | None = None
        self._inputs = list(inputs)
        threading.Thread(target=self._count, daemon=True).start()

    def _count(self) -> None:
        from flashpoint.readers import read_inputs

        n = sum(1 for _ in read_inputs(self._inputs, check_language=False))
        self.total = n

    def __call__(self) -> int | None:
        return self.total


class _Bar:
    def __init__(self, verbose: bool, show: bool) -> None:
        self.verbose = verbose
        self.show = show
        self.drawn = False

    def __call__(self, p: IngestProgress) -> None:
        if self.verbose:
            self._clear()
            for doc_id, n in p.committed:
                click.echo(f"stored {doc_id} ({n} events)", err=True)
        if self.show:
            click.echo("\r" + progress_line(p) + "\x1b[K", nl=False, err=True)
            self.drawn = True

    def _clear(self) -> None:
        if self.drawn:
            click.echo("\r\x1b[K", nl=False, err=True)
            self.drawn = False

    def close(self) -> None:
        self._clear()


@main.command("ingest")
@_db_option
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Coding processes (each loads its own coder).",
)
@executor_options
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Documents per transaction.",
)
@click.option(
    "--no-dedup", is_flag=True, help="Store mentions only; merge them at the next ingest or query."
)
@click.option("--force", is_flag=True, help="Recode documents already stored unchanged.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar [default: when stderr is a terminal].",
)
@click.option("-v", "--verbose", is_flag=True, help="Print each document as it is stored.")
@urls_option
@fetch_options
@click.argument("inputs", nargs=-1)
def ingest_command(
    db: str,
    workers: int,
    executor: str,
    scheduler: str | None,
    batch_size: int,
    no_dedup: bool,
    force: bool,
    progress: bool | None,
    verbose: bool,
    url_files: tuple[str, ...],
    fetch_timeout: float,
    fetch_delay: float,
    inputs: tuple[str, ...],
) -> None:
    """Read, code and store articles (files, directories, web pages and feeds by URL, - for
    stdin); merge repeated reports of one event. Documents already stored with the same
    content are skipped, so a rerun (even after a crash) finishes the work without doubling
    anything. Documents that cannot be read or coded are recorded (see `flashpoint errors`)
    and do not stop the run."""
    require_inputs(inputs, url_files)
    show = sys.stderr.isatty() if progress is None else progress
    countable = "-" not in inputs and not url_files and not any(map(needs_network, inputs))
    total = _Counter(inputs) if show and countable else None
    bar = _Bar(verbose, show)
    with (
        fail_on_error(),
        chosen_executor(executor, scheduler, workers, CoderConfig()) as chosen,
        open_store(db) as store,
    ):
        try:
            report = ingest(
                store,
                read_inputs(
                    inputs, url_files=url_files, fetch=fetch_config(fetch_timeout, fetch_delay)
                ),
                workers=workers,
                executor=chosen,
                batch_size=batch_size,
                dedup=not no_dedup,
                force=force,
                progress=bar,
                total=total,
            )
        finally:
            bar.close()
    click.echo(report.summary())
    if report.errors:
        click.echo(
            f"{report.errors} documents could not be stored; see `flashpoint errors --db {db}`",
            err=True,
        )


# --- events / export filters ---------------------------------------------------------------


def _filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--actor", help="Actor ISO3 code(s) or name(s), comma-separated."),
        click.option("--recipient", help="Recipient ISO3 code(s) or name(s)."),
        click.option("--country", help="ISO3 code(s) of where the event happened."),
        click.option("--type", "type_", help="PLOVER type(s), e.g. ASSAULT,PROTEST."),
        click.option("--since", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--min-dead", type=click.IntRange(min=0), help="At least N killed."),
        click.option("--dyad", help="Both directions between two actors, e.g. IRN-PAK."),
        click.option("--q", "q", help="Words in the sentence, actors, place, type or mode."),
        click.option("--bbox", help="Inside WEST,SOUTH,EAST,NORTH (degrees)."),
        click.option("--admin1", help="Province/state name(s) of the place."),
        click.option("--sector", help="Actor or recipient sector(s), e.g. MIL,GOV."),
        click.option("--quad", help="PLOVER quad class(es) 1-4."),
        click.option("--acled-type", help="ACLED event or sub-event type(s), e.g. Battles."),
        click.option(
            "--min-confidence", type=click.FloatRange(0, 1), help="Coder confidence at least."
        ),
        click.option("--date-precision", help="day, week, month and/or year."),
        click.option("--limit", type=click.IntRange(min=0), help="At most N events."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filter(kw: dict[str, Any]) -> EventFilter:
    return EventFilter.of(
        actor=kw["actor"],
        recipient=kw["recipient"],
        country=kw["country"],
        type=kw["type_"],
        since=kw["since"],
        until=kw["until"],
        min_dead=kw["min_dead"],
        limit=kw["limit"],
        dyad=kw["dyad"],
        q=kw["q"],
        bbox=kw["bbox"],
        admin1=kw["admin1"],
        sector=kw["sector"],
        quad=kw["quad"],
        acled_type=kw["acled_type"],
        min_confidence=kw["min_confidence"],
        date_precision=kw["date_precision"],
    )


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _party(name: str | None, country: str | None) -> str:
    if name and country and name != country:
        return f"{name} ({country})"
    return name or country or "-"


_TABLE = (
    ("date", 10),
    ("type", 10),
    ("mode", 12),
    ("actor", 22),
    ("recipient", 22),
    ("location", 20),
    ("dead", 5),
    ("reports", 7),
    ("articles", 8),
    ("id", 23),
)


def _table_row(e: StoredEvent) -> list[Any]:
    loc = e.location_name or e.location_country
    return [
        e.date,
        e.event_type,
        e.mode,
        _party(e.actor_name, e.actor_country),
        _party(e.recipient_name, e.recipient_country),
        loc,
        e.dead,
        e.num_mentions,
        e.num_articles,
        e.event_id,
    ]


def print_table(events: EventList) -> None:
    click.echo("  ".join(name.ljust(w) for name, w in _TABLE).rstrip())
    for e in events:
        cells = [_cell(v, w).ljust(w) for v, (_, w) in zip(_table_row(e), _TABLE, strict=True)]
        click.echo("  ".join(cells).rstrip())


@main.command("events")
@_db_option
@_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
def events_command(db: str, fmt: str, **kw: Any) -> None:
    """List the merged events, earliest first. jsonl gives each event's record with its
    mentions; csv gives one flat row per event."""
    with fail_on_error():
        flt = _filter(kw)
        with open_store(db, read_only=True) as store:
            events = store.events(flt, mentions=(fmt == "jsonl"))
    if fmt == "jsonl":
        for e in events:
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
    elif fmt == "csv":
        write_csv(events, "-")
    else:
        print_table(events)
        click.echo(plural(len(events), "event"), err=True)


@main.command("export")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="plover-jsonl: event records with mentions; csv/parquet: flat rows; "
    "acled-csv / icews-csv: those datasets' columns (acled-csv holds the "
    "events that have an ACLED type).",
)
@click.option("-o", "--output", required=True, help="File to write ('-' for stdout).")
@_filter_options
def export_command(db: str, fmt: str, output: str, **kw: Any) -> None:
    """Export the merged events (with the same filters as `events`)."""
    with fail_on_error():
        flt = _filter(kw)
        with open_store(db, read_only=True) as store:
            n = store.export(output, fmt, flt)
    click.echo(f"wrote {plural(n, 'event')} to {output} ({fmt})", err=True)


@main.command("errors")
@_db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
def errors_command(db: str, fmt: str) -> None:
    """List the documents that could not be read or coded, with the reason."""
    with fail_on_error(), open_store(db, read_only=True) as store:
        errors = store.errors()
    for e in errors:
        if fmt == "jsonl":
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{e.source or e.doc_id or '-'}\t{e.code}\t{e.message}")
    click.echo(f"{plural(len(errors), 'error')} recorded in {db}", err=True)
