"""The command line: a thin click layer over the library.

Each sub-module adds its commands to `main`; errors become one clear line on stderr
(or one JSON error object with --json-errors) and a non-zero exit status.
"""

from __future__ import annotations

import importlib

import click

from flashpoint import __version__

_COMMAND_MODULES = (
    "flashpoint.cli.code",
    "flashpoint.cli.geoparse",
    "flashpoint.cli.actors",
    "flashpoint.cli.evaluate",
    "flashpoint.cli.store",
    "flashpoint.cli.watch",
    "flashpoint.cli.serve",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def main() -> None:
    """flashpoint: news articles in, PLOVER political event data out (offline)."""


for _module in _COMMAND_MODULES:
    importlib.import_module(_module)
