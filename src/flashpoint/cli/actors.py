"""CLI command: `flashpoint resolve-actor`, a thin layer over `resolve_actor`.

    flashpoint resolve-actor "American warplanes" "Secretary Blinken" --date 2024-01-18
    printf '%s\\n' Hamas '{"text": "Blinken", "date": "2019-05-01"}' \\
        | flashpoint resolve-actor --jsonl -

One JSON object per input, in input order: {"text", "name", "country", "sector"} (null where
unknown). Bad dates and bad input lines give one line on stderr and exit status 2 (a broken
dictionary file: 3).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TextIO

import click

from flashpoint.cli import main
from flashpoint.cli._common import fail_on_error
from flashpoint.errors import ConfigError
from flashpoint.stages.actors import resolve_actor


@main.command("resolve-actor")
@click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    help="Resolve office-holders as of this date (e.g. the article's date).",
)
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE",
    help='Read one text per line ("-" for stdin); a line may also be a JSON object '
    'with "text" and an optional "date".',
)
@click.argument("texts", nargs=-1)
def resolve_actor_command(day: str | None, jsonl: TextIO | None, texts: tuple[str, ...]) -> None:
    """Resolve actor phrases to {text, name, country, sector}, one JSON object per line."""
    with fail_on_error():  # bad usage or input (ConfigError): 2; a broken dictionary: 3
        default = parse_day(day, "--date")
        for text, when in _inputs(jsonl, texts, default):
            click.echo(json.dumps(resolve_actor(text, when).to_dict(), ensure_ascii=False))


def parse_day(value: str | None, what: str) -> date | None:
    """A YYYY-MM-DD date, or None; anything else is a ConfigError that says how to fix it."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _inputs(
    jsonl: TextIO | None, texts: tuple[str, ...], default: date | None
) -> Iterable[tuple[str, date | None]]:
    if jsonl is not None and texts:
        raise ConfigError("give either TEXT arguments or --jsonl FILE, not both")
    if jsonl is None:
        if not texts:
            raise ConfigError("give TEXT arguments, or --jsonl FILE ('-' reads stdin)")
        return ((t, default) for t in texts)
    return _jsonl_inputs(jsonl, default)


def _jsonl_inputs(lines: Iterable[str], default: date | None) -> Iterator[tuple[str, date | None]]:
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if not line.lstrip().startswith("{"):
            yield line, default
            continue
        yield _json_line(line, number, default)


def _json_line(line: str, number: int, default: date | None) -> tuple[str, date | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"line {number}: not valid JSON ({exc.msg}); write one text per line "
            'or an object like {"text": "...", "date": "YYYY-MM-DD"}'
        ) from None
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise ConfigError(f'line {number}: a JSON line needs a "text" string')
    when = record.get("date")
    if when is None:
        return text, default
    if not isinstance(when, str):
        raise ConfigError(f'line {number}: "date" must be a string YYYY-MM-DD')
    return text, parse_day(when, f"line {number}: date")
