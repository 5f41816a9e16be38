"""What every command shares: library errors become one clear line and a non-zero exit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import click

from flashpoint.errors import FlashpointError


@contextmanager
def fail_on_error(json_errors: bool = False, status: int = 1) -> Iterator[None]:
    """Turn a `FlashpointError` into `flashpoint: <message>` on stderr (or the JSON error
    shape with `json_errors`) and exit with `status`. Never a traceback for bad data."""
    try:
        yield
    except FlashpointError as exc:
        if json_errors:
            click.echo(json.dumps(exc.to_dict()), err=True)
        else:
            click.echo(f"flashpoint: {exc}", err=True)
        raise SystemExit(status) from None
