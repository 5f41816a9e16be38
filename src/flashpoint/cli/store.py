"""CLI commands over the event store: ingest, events, export, errors.

    flashpoint ingest [--db DB] [-j N] [--executor dask] [--urls FILE] INPUT...
    flashpoint events [--db DB] [filters] [--format table|jsonl|csv] [--limit N]
    flashpoint export [--db DB] --format plover-jsonl|csv|parquet|... [-o FILE] [filters]
    flashpoint errors [--db DB]

DB is a DuckDB file (default flashpoint.duckdb, or $FLASHPOINT_DB) or a postgresql:// URL.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from flashpoint.cli import main
from flashpoint.cli._common import (
    ExitCode,
    chosen_executor,
    executor_options,
    fail_on_error,
    fetch_config,
    fetch_options,
    require_inputs,
    urls_option,
    worker_count,
)
from flashpoint.cli._known import warn_unknown_actors
from flashpoint.cli._progress import Bar, DocumentCounter, progress_options, wants_bar
from flashpoint.cli._table import Column, render
from flashpoint.config import CoderConfig
from flashpoint.datelabel import date_label
from flashpoint.ingest import ingest, plural
from flashpoint.readers import read_inputs
from flashpoint.store import DEFAULT_DB, EventFilter, open_store
from flashpoint.store.export import FORMATS, write_csv
from flashpoint.store.records import EventList, StoredEvent

_DB_HELP = "DuckDB file or postgresql:// URL [default: $FLASHPOINT_DB or flashpoint.duckdb]"


def _db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", envvar="FLASHPOINT_DB", default=DEFAULT_DB, help=_DB_HELP, show_default=False
    )(f)


# --- ingest ---------------------------------------------------------------------------


@main.command("ingest")
@_db_option
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
@progress_options
@click.option("-v", "--verbose", is_flag=True, help="Print each document as it is stored.")
@urls_option
@fetch_options
@click.argument("inputs", nargs=-1)
def ingest_command(
    db: str,
    workers: int | None,
    executor: str,
    scheduler: str | None,
    batch_size: int,
    no_dedup: bool,
    force: bool,
    progress: bool | None,
    quiet: bool,
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
    and do not stop the run; they make the exit status 1."""
    require_inputs(inputs, url_files)
    show = wants_bar(progress, quiet)
    bar = Bar(show, verbose)
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
                workers=worker_count(workers),
                executor=chosen,
                batch_size=batch_size,
                dedup=not no_dedup,
                force=force,
                progress=bar,
                total=DocumentCounter(inputs, url_files) if show else None,
            )
        finally:
            bar.clear()
    if not quiet:
        click.echo(report.summary())
    if report.errors:
        click.echo(
            f"{report.errors} documents could not be stored; see `flashpoint errors --db {db}`",
            err=True,
        )
        sys.exit(ExitCode.SKIPPED)


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


def _party(name: str | None, country: str | None) -> str:
    if name and country and name != country:
        return f"{name} ({country})"
    return name or country or "-"


EVENT_COLUMNS = (
    Column("date", 10),
    Column("type", 10),
    Column("mode", 12),
    Column("actor", 22),
    Column("recipient", 22),
    Column("location", 20),
    Column("dead", 5, numeric=True),
    Column("reports", 7, numeric=True),
    Column("articles", 8, numeric=True),
    Column("id", 23),
)


def _table_row(e: StoredEvent) -> list[Any]:
    loc = e.location_name or e.location_country
    return [
        date_label(e.date, e.date_precision),
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
    """The events as an aligned table, one line each."""
    render(EVENT_COLUMNS, (_table_row(e) for e in events))


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
    mentions; csv gives one flat row per event. Running totals and background mentions
    (history) are left out."""
    with fail_on_error():
        flt = _filter(kw)
        warn_unknown_actors(kw["actor"], kw["recipient"], kw["dyad"])
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
@click.option(
    "-o",
    "--output",
    default="-",
    help="File to write [default: - (standard output); parquet needs a file].",
)
@_filter_options
def export_command(db: str, fmt: str, output: str, **kw: Any) -> None:
    """Export the merged events (with the same filters as `events`), to standard output
    unless -o names a file."""
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet is binary: name a file with -o FILE")
    with fail_on_error():
        flt = _filter(kw)
        warn_unknown_actors(kw["actor"], kw["recipient"], kw["dyad"])
        with open_store(db, read_only=True) as store:
            n = store.export(output, fmt, flt)
        sys.stdout.flush()
    where = "standard output" if output == "-" else output
    click.echo(f"wrote {plural(n, 'event')} to {where} ({fmt})", err=True)


ERROR_COLUMNS = (
    Column("source", 60, keep_end=True),
    Column("error", 18),
    Column("message", 200),
)


@main.command("errors")
@_db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
def errors_command(db: str, fmt: str) -> None:
    """List the documents that could not be read or coded, with the reason."""
    with fail_on_error(), open_store(db, read_only=True) as store:
        errors = store.errors()
    if fmt == "jsonl":
        for e in errors:
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
    elif errors:
        render(ERROR_COLUMNS, ((e.source or e.doc_id or "-", e.code, e.message) for e in errors))
    click.echo(f"{plural(len(errors), 'error')} recorded in {db}", err=True)
