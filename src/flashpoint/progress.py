"""Where a long run stands: the progress record that ingest and code report to their callers.

Kept apart from `flashpoint.ingest` so that what shows progress (the CLI's bar) does not
import the store.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(slots=True)
class IngestProgress:
    """Where an ingest stands (passed to the `progress` callback after each commit)."""

    done: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    mentions: int = 0
    total: int | None = None
    phase: str = "coding"  # coding, then merging
    started: float = field(default_factory=time.perf_counter)
    committed: list[tuple[str, int]] = field(default_factory=list)
    # the first commit: the rate is measured from there (loading the coder is not coding)
    _first: tuple[float, int] | None = None

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Documents per second since the first commit (overall before the second)."""
        now = time.perf_counter()
        if self._first is not None and self.done > self._first[1] and now > self._first[0]:
            return (self.done - self._first[1]) / (now - self._first[0])
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def commit(self, docs: int) -> None:
        self.done += docs
        if self._first is None:
            self._first = (time.perf_counter(), self.done)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
