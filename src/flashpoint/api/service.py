"""What the API does, over one store: queries (cached until the store changes) and writes.

A DuckDB connection must not be used by two threads at once, and FastAPI runs plain
endpoints in a thread pool: every store call goes through one lock. Results that take a
scan (the filtered event list, the analysis frame) are cached per query and dropped when
the store's counts change (another writer, or a POST), so paging through a long list costs
one query.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

import pandas as pd

from flashpoint.analysis.frame import (
    BACKGROUND_AUX,
    IMPRECISE_PRECISIONS,
    load_events,
    recent_window,
    to_frame,
)
from flashpoint.errors import InputError
from flashpoint.store import EventFilter, open_store
from flashpoint.store.base import SQLStore
from flashpoint.store.records import EventList, StoredEvent

T = TypeVar("T")
_CACHE_SIZE = 48


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


class Service:
    """The store behind the API, with its lock and cache."""

    def __init__(self, db: str, store: SQLStore | None = None, *, read_only: bool = True) -> None:
        """The service over `store`, or the existing store `db` (opened read-only unless
        told otherwise: readers then share a DuckDB file with other processes)."""
        self.db = db
        self._store = store or open_store(db, create=False, read_only=read_only)
        self._lock = threading.RLock()
        self._cache: OrderedDict[Any, tuple[Any, Any]] = OrderedDict()
        self._coder: Any = None

    def close(self) -> None:
        with self._lock:
            self._store.close()

    @contextmanager
    def store(self) -> Iterator[SQLStore]:
        with self._lock:
            yield self._store

    def generation(self) -> tuple[int, ...]:
        """Changes whenever the store's contents do."""
        with self.store() as s:
            st = s.stats()
        return (st.documents, st.mentions, st.events, st.pending_dedup, st.errors)

    def cached(self, key: Any, compute: Callable[[], T]) -> T:
        gen = self.generation()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == gen:
                self._cache.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
            value = compute()
            self._cache[key] = (self.generation(), value)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            return value

    # --- events ---------------------------------------------------------------------------

    def events(self, flt: EventFilter) -> EventList:
        """Every event matching the filter, earliest first."""

        def compute() -> EventList:
            with self.store() as s:
                return s.events(flt)

        return self.cached(("events", flt), compute)

    def event(self, event_id: str) -> StoredEvent | None:
        with self.store() as s:
            return s.event(event_id)

    def frame(self, since: date | None, until: date | None, history_days: int) -> pd.DataFrame:
        """The analysis frame of [since - history_days, until]."""

        def compute() -> pd.DataFrame:
            with self.store() as s:
                return load_events(s, since, until, history_days=history_days)

        return self.cached(("frame", since, until, history_days), compute)

    def located(self, flt: EventFilter) -> pd.DataFrame:
        return to_frame(self.events(flt))

    def span(self) -> tuple[date | None, date | None, date | None, date | None]:
        """The first and last event dates, and a default view: the data's recent window
        (`frame.recent_window`) of the events dated to a day or week that are not background
        or aggregate mentions (year-dated history does not stretch the view)."""

        def compute() -> tuple[date | None, date | None, date | None, date | None]:
            with self.store() as s:
                found = s.events()
            dates = sorted(e.date for e in found if e.date is not None)
            if not dates:
                return (None, None, None, None)
            recent = [
                e.date
                for e in found
                if e.date is not None
                and e.date_precision not in IMPRECISE_PRECISIONS
                and BACKGROUND_AUX.isdisjoint(e.aux)
            ]
            window = recent_window(recent or dates)
            assert window is not None
            return (dates[0], dates[-1], *window)

        return self.cached(("span",), compute)

    def stats(self) -> dict[str, Any]:
        with self.store() as s:
            st = s.stats()
        first, last, since, until = self.span()
        return {
            "backend": getattr(self._store, "backend", "sql"),
            "documents": st.documents,
            "mentions": st.mentions,
            "events": st.events,
            "errors": st.errors,
            "pending_dedup": st.pending_dedup,
            "first_date": _iso(first),
            "last_date": _iso(last),
            "view_since": _iso(since),
            "view_until": _iso(until),
        }

    # --- writing ----------------------------------------------------------------------------

    def ingest(self, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """Code and store article records (`text`, `date`, optional `id`, `title`, `url`)."""
        from flashpoint.batch import InProcess
        from flashpoint.ingest import ingest
        from flashpoint.readers.base import ReadOptions, document_from_record

        items: list[Any] = []
        errors: list[dict[str, Any]] = []
        for i, record in enumerate(records):
            source = f"request[{i}]"
            try:
                items.append(document_from_record(record, source, ReadOptions()))
            except InputError as exc:
                errors.append({"index": i, **exc.to_dict()})
        report = None
        if items:  # through the batch engine, in this process
            with self.store() as s:
                report = ingest(s, items, executor=InProcess(coder=self._get_coder()))
        return {
            "received": len(records),
            "stored": report.stored if report else 0,
            "skipped": report.skipped if report else 0,
            "replaced": report.replaced if report else 0,
            "mentions": report.mentions if report else 0,
            "events": report.events if report else self.stats()["events"],
            "doc_ids": [d.id for d in items],
            "errors": errors,
            "seconds": round(report.seconds, 3) if report else 0.0,
        }

    def _get_coder(self) -> Any:
        if self._coder is None:
            from flashpoint.pipeline import Coder

            self._coder = Coder()
        return self._coder
