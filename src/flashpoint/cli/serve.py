"""CLI commands over the analysis: `report` (a brief with charts) and `serve` (API + dashboard).

flashpoint report [--db DB] [--dyad IRN-PAK] [--since ...] [--until ...] [-o DIR]
flashpoint serve  [--db DB] [--host 127.0.0.1] [--port 8000] [--token TOKEN]
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import cast

import click

from flashpoint.cli import main
from flashpoint.cli._common import fail_on_error
from flashpoint.cli._known import warn_unknown_actors
from flashpoint.errors import ConfigError
from flashpoint.store import DEFAULT_DB, open_store

_DB_HELP = "DuckDB file or postgresql:// URL [default: $FLASHPOINT_DB or flashpoint.duckdb]"


@main.command("report")
@click.option("--db", envvar="FLASHPOINT_DB", default=DEFAULT_DB, help=_DB_HELP)
@click.option("--dyad", help="Two actors, e.g. IRN-PAK or PAK:MIL-IRN [default: the whole store].")
@click.option(
    "--since", help="First day of the period (YYYY-MM-DD) [default: 90 days before --until]."
)
@click.option("--until", help="Last day of the period (YYYY-MM-DD) [default: the last event].")
@click.option(
    "-o", "--output", default="report", show_default=True, help="Folder for report.md and charts."
)
@click.option(
    "--level",
    type=click.Choice(["country", "sector", "group"]),
    default="country",
    show_default=True,
    help="Tell actors apart by country, country and sector, or named group.",
)
@click.option(
    "--window",
    type=click.IntRange(1, 90),
    default=7,
    show_default=True,
    help="Days of the recent hostility level.",
)
@click.option(
    "--baseline",
    type=click.IntRange(1, 365),
    default=28,
    show_default=True,
    help="Days of the baseline it is compared with.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(min=0, min_open=True),
    default=2.0,
    show_default=True,
    help="Escalation score that counts as escalating.",
)
@click.option(
    "--chain-window",
    type=click.IntRange(0, 90),
    default=7,
    show_default=True,
    help="Days an answer may take to extend a retaliation chain.",
)
@click.option(
    "--top",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="Dyads in the ranking (without --dyad).",
)
@click.option(
    "--include-imprecise",
    is_flag=True,
    help="Count events dated only to a month or a year (left out by default).",
)
@click.option(
    "--include-background",
    is_flag=True,
    help="Count background and aggregate mentions: history, running tolls (left out by default).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the summary.")
def report_command(
    db: str,
    dyad: str | None,
    since: str | None,
    until: str | None,
    output: str,
    level: str,
    window: int,
    baseline: int,
    threshold: float,
    chain_window: int,
    top: int,
    include_imprecise: bool,
    include_background: bool,
    quiet: bool,
) -> None:
    """Write a brief: a text summary (report.md) and PNG charts. With --dyad: its escalation
    verdict, weekly counts, retaliation chains and key events, its intensity over time (chain
    events marked) and a map of its events. Without: the most escalating dyads, the chains,
    a timeline, a map, and the charts of the top escalating dyad. The period is the last 90
    days of the store's events unless given."""
    from flashpoint.analysis.dyads import Dyad, Level
    from flashpoint.analysis.escalation import EscalationParams
    from flashpoint.analysis.frame import load_events
    from flashpoint.analysis.report import Scope, dyad_report, overview_report

    with fail_on_error():
        params = EscalationParams(window=window, baseline=baseline, threshold=threshold)
        pair = Dyad.parse(dyad) if dyad else None
        warn_unknown_actors(None, None, dyad)
        scope = Scope(include_imprecise, include_background)
        with open_store(db, read_only=True) as store:
            df = load_events(store, since, until, history_days=params.history_days)
        out = Path(output)
        if pair is not None:
            rep = dyad_report(
                df, pair, out, since, until, params, chain_window, source=db, scope=scope
            )
        else:
            rep = overview_report(
                df,
                out,
                since,
                until,
                cast(Level, level),
                params,
                chain_window,
                top,
                source=db,
                scope=scope,
            )
    if not quiet:
        click.echo(rep.text, nl=False)
    names = ", ".join(p.name for p in rep.charts)
    click.echo(f"wrote {rep.path} and {len(rep.charts)} charts ({names})", err=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command("serve")
@click.option("--db", envvar="FLASHPOINT_DB", default=DEFAULT_DB, help=_DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="FLASHPOINT_TOKEN",
    help="Accept POST /api/documents from clients that send this token "
    "(Authorization: Bearer TOKEN) [default: $FLASHPOINT_TOKEN; none: read-only].",
)
@click.option(
    "--max-page-size",
    type=click.IntRange(1, 10_000),
    default=500,
    show_default=True,
    help="Largest page_size a client may ask for.",
)
@click.option(
    "--max-body",
    type=click.IntRange(1_000, 100_000_000),
    default=2_000_000,
    show_default=True,
    help="Largest request body, in bytes.",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
def serve_command(
    db: str,
    host: str,
    port: int,
    token: str | None,
    max_page_size: int,
    max_body: int,
    log_level: str,
) -> None:
    """Serve the REST API (/api/..., described at /api/openapi.json) and the dashboard (/)
    over the store. Read-only unless started with --token. Everything the dashboard loads
    comes from this server: it works with no internet."""
    import uvicorn

    from flashpoint.api.app import create_app

    with fail_on_error():
        if token is not None and len(token) < 8:
            raise ConfigError("--token must be at least 8 characters; use a long random string")
        app = create_app(db, token, max_page_size=max_page_size, max_body_bytes=max_body)
    if token and not _is_loopback(host):
        click.echo(
            "flashpoint: warning: the token travels in clear over HTTP; put a TLS proxy in "
            "front of a server reachable from other machines",
            err=True,
        )
    mode = "accepting documents with the token" if token else "read-only"
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"flashpoint: serving {db} at http://{shown}:{port}/ ({mode}); Ctrl-C stops", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)
