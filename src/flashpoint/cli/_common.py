"""What every command shares: library errors become one clear line and a non-zero exit;
the inputs that commands read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from flashpoint.batch import Executor
from flashpoint.config import CoderConfig
from flashpoint.errors import FlashpointError
from flashpoint.readers import FetchConfig, is_url


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


class InputPath(click.ParamType):
    """An input: an existing file or directory, ``-`` (standard input) or an http(s) URL."""

    name = "input"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if text == "-" or is_url(text) or Path(text).exists():
            return text
        self.fail(f"{text!r}: no such file or directory (and not an http(s) URL)", param, ctx)


def urls_option(f: Any) -> Any:
    """``--urls FILE`` (repeatable): files of URLs to read, one a line."""
    return click.option(
        "--urls",
        "url_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, allow_dash=False),
        metavar="FILE",
        help="A file of URLs (one a line) to fetch and read; may be repeated.",
    )(f)


def require_inputs(inputs: tuple[str, ...], url_files: tuple[str, ...]) -> None:
    """Refuse a command line with nothing to read."""
    if not inputs and not url_files:
        raise click.UsageError("give at least one INPUT (a file, directory, URL or -) or --urls")


_FETCH = FetchConfig()


def fetch_options(f: Any) -> Any:
    """``--fetch-timeout`` and ``--fetch-delay``: how web pages and feeds are fetched."""
    f = click.option(
        "--fetch-delay",
        type=click.FloatRange(min=0),
        default=_FETCH.min_delay,
        show_default=True,
        metavar="SECONDS",
        help="Seconds between two requests to one web site.",
    )(f)
    return click.option(
        "--fetch-timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=_FETCH.timeout,
        show_default=True,
        metavar="SECONDS",
        help="Seconds a web page or feed may take to arrive.",
    )(f)


def fetch_config(timeout: float, delay: float) -> FetchConfig:
    return FetchConfig(timeout=timeout, min_delay=delay)


EXECUTORS = ("local", "dask")


def executor_options(f: Any) -> Any:
    """``--executor local|dask`` and ``--scheduler ADDRESS``: where the batch engine codes
    (`flashpoint.batch`); the command's ``--workers`` says how many processes."""
    f = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="With --executor dask: the scheduler of a running Dask cluster "
        "(e.g. tcp://10.0.0.5:8786); without it a local cluster of --workers processes starts.",
    )(f)
    return click.option(
        "--executor",
        type=click.Choice(EXECUTORS),
        default="local",
        show_default=True,
        help="Code in local processes, or on a Dask cluster.",
    )(f)


@contextmanager
def chosen_executor(
    kind: str, scheduler: str | None, workers: int | None, config: CoderConfig
) -> Iterator[Executor | None]:
    """The Dask executor when asked for (closed afterwards); None for local processes,
    which the batch engine starts itself from ``--workers``."""
    if kind != "dask":
        if scheduler is not None:
            raise click.UsageError("--scheduler needs --executor dask")
        yield None
        return
    from flashpoint.dask_executor import DaskExecutor

    executor = DaskExecutor(config, scheduler=scheduler, workers=workers)
    try:
        yield executor
    finally:
        executor.close()
