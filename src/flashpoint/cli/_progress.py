"""The progress bar of the long commands (`code`, `ingest`): one line on stderr, redrawn in
place, shown only on a terminal (and never with --quiet)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

import click

from flashpoint.progress import IngestProgress, plural
from flashpoint.readers import needs_network

REDRAW_SECONDS = 0.1  # at most ten redraws a second


def progress_options(f: Any) -> Any:
    """``--progress/--no-progress`` and ``-q/--quiet``, the same for `code` and `ingest`."""
    f = click.option(
        "-q", "--quiet", is_flag=True, help="No progress bar and no summary; problems still show."
    )(f)
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Progress bar on stderr [default: when stderr is a terminal and not --quiet].",
    )(f)


def wants_bar(progress: bool | None, quiet: bool, output_on_terminal: bool = False) -> bool:
    """Whether to draw the bar: as asked, else when stderr is a terminal the command's own
    output does not go to (`output_on_terminal`), and never with --quiet."""
    if quiet:
        return False
    if progress is not None:
        return progress
    return sys.stderr.isatty() and not output_on_terminal


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


class DocumentCounter:
    """Counts the input documents in a background thread, for the bar's ETA; None until
    done, and always None for inputs that cannot be read twice (stdin, URLs)."""

    def __init__(self, inputs: Sequence[str], url_files: Sequence[str] = ()) -> None:
        self.total: int | None = None
        self._inputs = list(inputs)
        if "-" in inputs or url_files or any(map(needs_network, inputs)):
            return
        threading.Thread(target=self._count, daemon=True).start()

    def _count(self) -> None:
        from flashpoint.readers import read_inputs

        self.total = sum(1 for _ in read_inputs(self._inputs, check_language=False))

    def __call__(self) -> int | None:
        return self.total


class Bar:
    """Draws `progress_line` on stderr (when `show`); `note` prints a line above it."""

    def __init__(self, show: bool, verbose: bool = False) -> None:
        self.show = show
        self.verbose = verbose
        self.drawn = False
        self._last = 0.0
        self._rated = False  # a line with a rate was drawn

    def __call__(self, p: IngestProgress) -> None:
        if self.verbose:
            for doc_id, n in p.committed:
                self.note(f"stored {doc_id} ({n} events)")
        if self.show and self._due(p):
            click.echo("\r" + progress_line(p) + "\x1b[K", nl=False, err=True)
            self.drawn = True

    def _due(self, p: IngestProgress) -> bool:
        """Redraw at most every REDRAW_SECONDS, but always the first rate and each phase."""
        now = time.monotonic()
        first_rate = p.done > 0 and not self._rated
        if now - self._last < REDRAW_SECONDS and p.phase == "coding" and not first_rate:
            return False
        self._last = now
        self._rated = self._rated or p.done > 0
        return True

    def note(self, line: str) -> None:
        """A line on stderr (a skipped document, a stored one) without breaking the bar."""
        self.clear()
        click.echo(line, err=True)

    def clear(self) -> None:
        if self.drawn:
            click.echo("\r\x1b[K", nl=False, err=True)
            self.drawn = False
