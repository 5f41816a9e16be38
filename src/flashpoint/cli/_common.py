"""What every command shares: the exit statuses, library errors as one clear line, the
inputs that commands read and the options of the coding commands."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any

import click

from flashpoint.batch import Executor, ProcessPool
from flashpoint.config import CoderConfig
from flashpoint.errors import ConfigError, FlashpointError, InputError
from flashpoint.readers import FetchConfig, is_url


class ExitCode(IntEnum):
    """The exit statuses of every command (the README's "Exit codes" table lists them)."""

    OK = 0  # everything was read, coded, stored or written
    SKIPPED = 1  # some inputs could not be read or coded (each is reported); the rest were
    USAGE = 2  # a bad command line or option value; nothing was done
    FAILED = 3  # the run stopped: the store, the model, a data file or a worker failed
    INTERRUPTED = 130  # stopped by Ctrl-C or SIGTERM (watch); what was stored is kept
    BROKEN_PIPE = 141  # the reader of the output went away (`| head`); the rest is dropped


def exit_code_of(exc: FlashpointError) -> ExitCode:
    """A bad option value is a usage error, an unreadable input a skip, the rest a failure."""
    if isinstance(exc, ConfigError):
        return ExitCode.USAGE
    if isinstance(exc, InputError):
        return ExitCode.SKIPPED
    return ExitCode.FAILED


def exit_codes_epilog() -> str:
    """The exit statuses, for `flashpoint --help`."""
    lines = [f"{int(code):>3}  {_EXIT_MEANINGS[code]}" for code in ExitCode]
    return "\b\nExit codes:\n" + "\n".join(lines)


_EXIT_MEANINGS = {
    ExitCode.OK: "everything was done",
    ExitCode.SKIPPED: "some inputs could not be read or coded (each reported); the rest were",
    ExitCode.USAGE: "a bad command line or option value; nothing was done",
    ExitCode.FAILED: "the run stopped: the store, the model, a data file or a worker failed",
    ExitCode.INTERRUPTED: "stopped by Ctrl-C or SIGTERM; what was stored is kept",
    ExitCode.BROKEN_PIPE: "the reader of the output went away (e.g. | head)",
}


@contextmanager
def fail_on_error(json_errors: bool = False) -> Iterator[None]:
    """Turn a `FlashpointError` into `flashpoint: <message>` on stderr (or the JSON error
    shape with `json_errors`) and exit with its `ExitCode`. Never a traceback for bad data."""
    try:
        yield
    except FlashpointError as exc:
        if json_errors:
            click.echo(json.dumps(exc.to_dict()), err=True)
        else:
            click.echo(f"flashpoint: {exc}", err=True)
        raise SystemExit(exit_code_of(exc)) from None


def warn(message: str) -> None:
    """One warning line on stderr; the command goes on."""
    click.echo(f"flashpoint: warning: {message}", err=True)


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

_WORKERS_HELP = (
    "Coding processes, each loading its own coder (about 0.5 GB): 1 codes in this process, "
    "0 starts one per core; with --executor dask --scheduler, the workers to wait for. "
    "[default: 1]"
)


def executor_options(f: Any) -> Any:
    """``-j/--workers N``, ``--executor local|dask`` and ``--scheduler ADDRESS``: how many
    processes code and where (`flashpoint.batch`); the same for every command that codes."""
    f = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="With --executor dask: the scheduler of a running Dask cluster "
        "(e.g. tcp://10.0.0.5:8786); without it a local cluster of --workers processes starts.",
    )(f)
    f = click.option(
        "--executor",
        type=click.Choice(EXECUTORS),
        default="local",
        show_default=True,
        help="Code in local processes, or on a Dask cluster.",
    )(f)
    return click.option(
        "-j",
        "-w",
        "--workers",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help=_WORKERS_HELP,
    )(f)


def cores() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(workers: int | None) -> int:
    """The processes ``--workers`` asks for: 1 when not given, one per core for 0."""
    if workers is None:
        return 1
    return workers or cores()


@contextmanager
def chosen_executor(
    kind: str,
    scheduler: str | None,
    workers: int | None,
    config: CoderConfig,
    keep_pool: bool = False,
) -> Iterator[Executor | None]:
    """Where to code, closed afterwards: the Dask executor when asked for; for local
    processes None (the batch engine starts its own from `worker_count(workers)`), or with
    `keep_pool` a process pool that lasts the whole command (for `watch`)."""
    if kind != "dask":
        if scheduler is not None:
            raise click.UsageError("--scheduler needs --executor dask")
        n = worker_count(workers)
        if not keep_pool or n == 1:
            yield None
            return
        with ProcessPool(config, n) as pool:
            yield pool
        return
    from flashpoint.dask_executor import DaskExecutor

    wanted = (workers or None) if scheduler else worker_count(workers)
    executor = DaskExecutor(config, scheduler=scheduler, workers=wanted)
    try:
        yield executor
    finally:
        executor.close()
