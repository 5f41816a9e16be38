"""The command line: a thin click layer over the library.

Each sub-module adds its commands to `main`; errors become one clear line on stderr
(or one JSON error object with --json-errors) and the exit status of `ExitCode`
(`flashpoint.cli._common`). A reader that goes away (`flashpoint events | head -1`) ends
the command quietly with status 141, as a tool killed by SIGPIPE would.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from typing import Any

import click

from flashpoint import __version__
from flashpoint.cli._common import ExitCode, exit_codes_epilog

# Each command's module, imported only when that command runs (or help lists them all): a
# `flashpoint code` does not pay for the store, the API or the report. A test checks that
# this table names exactly the commands the modules define.
COMMANDS = {
    "code": "flashpoint.cli.code",
    "demo": "flashpoint.cli.code",
    "geoparse": "flashpoint.cli.geoparse",
    "resolve-actor": "flashpoint.cli.actors",
    "eval": "flashpoint.cli.evaluate",
    "ingest": "flashpoint.cli.store",
    "events": "flashpoint.cli.store",
    "errors": "flashpoint.cli.store",
    "export": "flashpoint.cli.store",
    "watch": "flashpoint.cli.watch",
    "serve": "flashpoint.cli.serve",
    "report": "flashpoint.cli.serve",
    "prepare": "flashpoint.cli.prepare",
}


class _PipeClosed(Exception):
    """The output's reader went away; not an OSError, so that click lets it through."""


class FlashpointGroup(click.Group):
    """The command group: commands load on demand; a closed pipe on standard output is a
    quiet exit (141)."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(COMMANDS[cmd_name])
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        load_all_commands()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _PipeClosed() from exc

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            try:
                return super().main(*args, **kwargs)
            finally:  # what is still buffered goes now, while a closed pipe can be caught
                sys.stdout.flush()
        except (_PipeClosed, BrokenPipeError):
            _silence_stdout()
            sys.exit(ExitCode.BROKEN_PIPE)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's last flush finds no pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@click.group(
    cls=FlashpointGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=exit_codes_epilog(),
)
@click.version_option(__version__, prog_name="flashpoint")
def main() -> None:
    """flashpoint: news articles in, PLOVER political event data out (offline)."""


def load_all_commands() -> None:
    """Import every command's module (for help, and for tools that walk `main.commands`)."""
    for module in sorted(set(COMMANDS.values())):
        importlib.import_module(module)
