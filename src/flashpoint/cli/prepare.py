"""CLI command: `flashpoint prepare`, compile the derived data caches ahead of time.

    flashpoint prepare          # once after installing; `make install` runs it

Today that is the gazetteer's compiled form (see `flashpoint.stages.places.compiled`), which
the first coding run would otherwise build itself (a few seconds, once). It prints where the
cache is; exit status 3 when the gazetteer cannot be read or the cache cannot be written.
"""

from __future__ import annotations

import time

import click

from flashpoint.cli import main
from flashpoint.cli._common import fail_on_error
from flashpoint.errors import DataFileError


@main.command("prepare")
def prepare_command() -> None:
    """Compile the gazetteer into its fast-loading cache (FLASHPOINT_CACHE_DIR)."""
    from flashpoint.stages.places.compiled import compile_gazetteer, compiled_path
    from flashpoint.stages.places.gazetteer import default_path

    with fail_on_error():
        target = compiled_path(default_path())
        if target.exists():
            click.echo(f"flashpoint: the gazetteer is compiled: {target}")
            return
        start = time.perf_counter()
        try:
            compile_gazetteer(default_path(), target)
        except OSError as exc:
            raise DataFileError(
                f"cannot write {target} ({exc}); set FLASHPOINT_CACHE_DIR to a writable directory"
            ) from exc
        took = time.perf_counter() - start
        click.echo(f"flashpoint: compiled the gazetteer in {took:.1f} s: {target}")
