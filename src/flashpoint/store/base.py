"""The `Store` protocol, and `SQLStore`: everything both SQL backends share.

A backend (duckdb.py, postgres.py) supplies a handful of primitives (run a statement, fetch
rows, a transaction, a bulk insert, a temporary table of ids, a lock); the logic of writing
documents, merging their mentions into events and querying them lives here, once.

Writing is crash-safe: a batch of documents, with all their mentions, actors, places and
their entries in the merge queue, is one transaction. Merging (`dedup`) is a separate,
idempotent pass over the queue, also one transaction: a run killed at any moment leaves
either the work done or the queue that says what is left, and the next run finishes it.
"""

from __future__ import annotations

import bisect
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from flashpoint.errors import StoreError
from flashpoint.store import schema
from flashpoint.store.dedup import (
    CONTEXT_DAYS,
    TARGET_DAYS,
    Clusterer,
    EventFacts,
    MentionFacts,
    MergeKey,
    build_event,
    merge_key,
)
from flashpoint.store.query import EventFilter, select_events
from flashpoint.store.records import (
    DedupStats,
    EventList,
    StoredError,
    StoredEvent,
    StoredMention,
    StoreStats,
)
from flashpoint.store.rows import (
    FACT_JOINS,
    FACT_SELECT,
    KEY_SELECT,
    QUEUE_SELECT,
    STORED_ERROR_SELECT,
    STORED_EVENT_SELECT,
    STORED_MENTION_SELECT,
    ErrorItem,
    IngestItem,
    NamedRow,
    Row,
    actor_row,
    actor_value,
    document_row,
    error_row,
    event_row,
    facts_of_row,
    key_of_row,
    mention_row,
    place_row,
    place_value,
    queue_row,
    stored_error,
    stored_event,
    stored_mention,
)
from flashpoint.store.schema import (
    ACTORS,
    DEDUP_QUEUE,
    DOCUMENTS,
    EVENTS,
    INGEST_ERRORS,
    MENTIONS,
    PLACES,
    Select,
    Table,
)

DEFAULT_DB = "flashpoint.duckdb"
DEFAULT_LOCK_TIMEOUT = 5.0  # seconds a process waits for a DuckDB file another one holds
# Largest span of dates fetched at once by the merge pass (memory stays bounded).
_CHUNK_DAYS = 366
_IN_CHUNK = 500


@runtime_checkable
class Store(Protocol):
    """An event store: documents, their mentions, the merged events, actors and places."""

    backend: str
    url: str

    def close(self) -> None: ...

    def schema_version(self) -> int: ...

    def stored_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]: ...

    def write(self, items: Sequence[IngestItem], errors: Sequence[ErrorItem] = ()) -> None: ...

    def dedup(self) -> DedupStats: ...

    def pending_dedup(self) -> int: ...

    def events(
        self, filter: EventFilter | None = None, *, mentions: bool = False, **filters: Any
    ) -> EventList: ...  # SQLStore.events names the keyword filters

    def mentions(self, event_id: str) -> list[StoredMention]: ...

    def event(self, event_id: str) -> StoredEvent | None: ...

    def errors(self) -> list[StoredError]: ...

    def stats(self) -> StoreStats: ...

    def export(
        self, path: str | os.PathLike[str], format: str, filter: EventFilter | None = None
    ) -> int: ...


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def merge_ranges(spans: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping or touching date ranges, merged and sorted."""
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _chunks(ranges: list[tuple[date, date]]) -> Iterator[list[tuple[date, date]]]:
    """Merged ranges cut into groups that each span at most `_CHUNK_DAYS` days."""
    step = timedelta(days=_CHUNK_DAYS)
    pieces: list[tuple[date, date]] = []
    for lo, hi in ranges:
        while hi - lo > step:
            pieces.append((lo, lo + step))
            lo = lo + step + timedelta(days=1)
        pieces.append((lo, hi))
    group: list[tuple[date, date]] = []
    for piece in pieces:
        if group and piece[1] - group[0][0] > step:
            yield group
            group = []
        group.append(piece)
    if group:
        yield group


def _overlaps(key: MergeKey, ranges: list[tuple[date, date]], starts: list[date]) -> bool:
    assert key.lo is not None and key.hi is not None
    i = bisect.bisect_right(starts, key.hi) - 1
    return i >= 0 and ranges[i][1] >= key.lo


def queue_rows(keys: Iterable[MergeKey], event_ids: Iterable[str] = ()) -> list[NamedRow]:
    """Merge-queue entries: date ranges (per merge type) to recluster, events to rebuild."""
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    ids = set(event_ids)
    for key in keys:
        if key.narrow:
            assert key.lo is not None and key.hi is not None
            spans[key.merge_type].append((key.lo, key.hi))
        else:
            ids.add(key.event_id)
    rows = [queue_row(mt, lo, hi) for mt in sorted(spans) for lo, hi in merge_ranges(spans[mt])]
    rows += [queue_row(event_id=eid) for eid in sorted(ids)]
    return rows


def placeholders(n: int) -> str:
    return "(" + ", ".join("?" * n) + ")"


class SQLStore:
    """The shared implementation of `Store` over a SQL backend."""

    backend = "sql"
    _con: Any  # the backend's connection, opened by the subclass

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self._depth = 0

    # --- backend primitives -----------------------------------------------------------

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], ignore: bool = False
    ) -> None:
        """Insert rows; `ignore` skips rows whose primary key is already there."""
        raise NotImplementedError

    def _temp(self, columns: Sequence[str], rows: Sequence[Row]) -> AbstractContextManager[str]:
        """A temporary relation of text columns holding `rows`; yields its name."""
        raise NotImplementedError

    def _lock(self) -> None:
        """Serialise merge passes and migrations (PostgreSQL; DuckDB has one writer)."""

    def close(self) -> None:
        self._con.close()

    def _migrate_or_close(self) -> None:
        """Bring a freshly opened store's schema up to date (a read-only one is only
        checked); never leave a connection open when that fails."""
        try:
            self._check_schema() if self.read_only else self._migrate()
        except BaseException:
            self._con.close()
            raise

    def _error(self, exc: Exception, sql: str) -> StoreError:
        """A backend's error as a StoreError naming the store and the statement."""
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return StoreError(f"{self.url}: {first} (in: {' '.join(sql.split())[:120]})")

    # --- plumbing ------------------------------------------------------------------------

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url}>"

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """A transaction (re-entrant: an inner one joins the outer)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        self._commit()

    def _migrate(self) -> None:
        """Create the schema, or bring an older one up to date."""
        with self._tx():
            self._lock()
            self._run(schema.render(schema.VERSION_TABLE, self.backend))
            current = self.schema_version()
            if current > schema.LATEST:
                raise StoreError(
                    f"{self.url} has schema version {current}, newer than this flashpoint "
                    f"knows ({schema.LATEST}); upgrade flashpoint to open it"
                )
            for migration in schema.pending(current):
                for stmt in schema.statements(migration, self.backend):
                    self._run(stmt)
                self._run(
                    "INSERT INTO schema_version (version, description, applied_at) "
                    "VALUES (?, ?, ?)",
                    (migration.version, migration.description, utcnow()),
                )

    def _check_schema(self) -> None:
        """A store opened read-only must already have this flashpoint's schema."""
        try:
            current = self.schema_version()
        except StoreError:
            current = 0
        if current > schema.LATEST:
            raise StoreError(
                f"{self.url} has schema version {current}, newer than this flashpoint knows "
                f"({schema.LATEST}); upgrade flashpoint to open it"
            )
        if current < schema.LATEST:
            raise StoreError(
                f"{self.url} has schema version {current}, older than this flashpoint's "
                f"({schema.LATEST}); open it once for writing (e.g. `flashpoint ingest`, or "
                "flashpoint.open(db) without read_only) to upgrade it, then read it again"
            )

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(
                f"cannot {what}: {self.url} is open read-only; open it without read_only "
                "(and stop the readers holding a DuckDB file) to change it"
            )

    def schema_version(self) -> int:
        return int(self._rows("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0])

    def _in_chunks(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run `sql` (with one `{IN}` placeholder list) over `values` in chunks."""
        out: list[tuple[Any, ...]] = []
        for i in range(0, len(values), _IN_CHUNK):
            part = values[i : i + _IN_CHUNK]
            out += self._rows(sql.format(IN=placeholders(len(part))), part)
        return out

    def _read(self, select: Select, rest: str, params: Sequence[Any] = ()) -> list[NamedRow]:
        """The rows of `SELECT <select> <rest>`, by name."""
        return select.read(self._rows(f"SELECT {select.sql} {rest}", params))

    def _read_chunks(self, select: Select, rest: str, values: Sequence[Any]) -> list[NamedRow]:
        """`_read` with one `{IN}` placeholder list in `rest`, over `values` in chunks."""
        return select.read(self._in_chunks(f"SELECT {select.sql} {rest}", values))

    def _put(self, table: Table, rows: Iterable[NamedRow], ignore: bool = False) -> None:
        """Insert rows given by column name (see `_insert`)."""
        self._insert(table.name, table.written, [table.values(r) for r in rows], ignore)

    def _run_chunks(self, sql: str, values: Sequence[Any]) -> None:
        for i in range(0, len(values), _IN_CHUNK):
            part = values[i : i + _IN_CHUNK]
            self._run(sql.format(IN=placeholders(len(part))), part)

    # --- writing -------------------------------------------------------------------------

    def stored_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """{doc_id: content hash} of the given documents that are already stored."""
        ids = sorted(set(doc_ids))
        select = DOCUMENTS.select("", ("doc_id", "content_hash"))
        rows = self._read_chunks(select, "FROM documents WHERE doc_id IN {IN}", ids)
        return {r["doc_id"]: r["content_hash"] for r in rows}

    def write(self, items: Sequence[IngestItem], errors: Sequence[ErrorItem] = ()) -> None:
        """Store coded documents (replacing earlier versions) and errors: one transaction."""
        self._writable("store documents")
        by_id = {it.doc.doc_id: it for it in items}  # a later version of a document wins
        items = list(by_id.values())
        with self._tx():
            old_keys, old_events = self._remove_documents(list(self.stored_hashes(by_id)))
            keys = self._insert_items(items)
            self._put(DEDUP_QUEUE, queue_rows([*old_keys, *keys], old_events))
            self._record_errors(items, errors)

    def _remove_documents(self, doc_ids: Sequence[str]) -> tuple[list[MergeKey], list[str]]:
        if not doc_ids:
            return [], []
        rows = self._read_chunks(KEY_SELECT, "FROM mentions WHERE doc_id IN {IN}", doc_ids)
        self._run_chunks("DELETE FROM mentions WHERE doc_id IN {IN}", doc_ids)
        self._run_chunks("DELETE FROM documents WHERE doc_id IN {IN}", doc_ids)
        return [key_of_row(r) for r in rows], [r["event_id"] for r in rows if r["event_id"]]

    def _insert_items(self, items: Sequence[IngestItem]) -> list[MergeKey]:
        now = utcnow()
        actors: dict[str, NamedRow] = {}
        places: dict[str, NamedRow] = {}
        mentions: list[NamedRow] = []
        keys: list[MergeKey] = []
        for item in items:
            for ordinal, event in enumerate(item.events):
                key = merge_key(event)
                keys.append(key)
                mentions.append(mention_row(item.doc.doc_id, ordinal, event, key))
                for a in (actor_value(event.actor), actor_value(event.recipient)):
                    if a is not None and a.id:
                        actors[a.id] = actor_row(a)
                p = place_value(event.location)
                if p is not None and p.id:
                    places[p.id] = place_row(p)
        self._put(DOCUMENTS, [document_row(it, now) for it in items])
        self._put_parties(actors, places)
        self._put(MENTIONS, mentions)
        return keys

    def _put_parties(self, actors: dict[str, NamedRow], places: dict[str, NamedRow]) -> None:
        """Actors and places by id, in id order; ones already stored are kept."""
        self._put(ACTORS, [actors[k] for k in sorted(actors)], ignore=True)
        self._put(PLACES, [places[k] for k in sorted(places)], ignore=True)

    def _record_errors(self, items: Sequence[IngestItem], errors: Sequence[ErrorItem]) -> None:
        """Forget the errors of documents now stored; record new errors (an error seen
        again, unchanged, keeps the time it was first recorded)."""
        done = [it.doc.doc_id for it in items]
        sources = [it.doc.source for it in items if it.doc.source]
        self._run_chunks("DELETE FROM ingest_errors WHERE doc_id IN {IN}", done)
        self._run_chunks("DELETE FROM ingest_errors WHERE source IN {IN}", sources)
        unique = {e.key: e for e in errors}
        old = self._read_chunks(
            INGEST_ERRORS.select("", ("error_key", "code", "message")),
            "FROM ingest_errors WHERE error_key IN {IN}",
            sorted(unique),
        )
        same = {
            r["error_key"]
            for r in old
            if (unique[r["error_key"]].code, unique[r["error_key"]].message)
            == (r["code"], r["message"])
        }
        changed = sorted(k for k in unique if k not in same)
        self._run_chunks("DELETE FROM ingest_errors WHERE error_key IN {IN}", changed)
        now = utcnow()
        self._put(INGEST_ERRORS, [error_row(k, unique[k], now) for k in changed])

    # --- merging -------------------------------------------------------------------------

    def pending_dedup(self) -> int:
        """How many entries wait in the merge queue (0: events are up to date)."""
        return int(self._rows("SELECT COUNT(*) FROM dedup_queue")[0][0])

    def dedup(self) -> DedupStats:
        """Merge the mentions written since the last pass into events (idempotent)."""
        self._writable("merge reports into events")
        started = time.perf_counter()
        with self._tx():
            self._lock()
            queue = self._read(QUEUE_SELECT, "FROM dedup_queue")
            if not queue:
                return DedupStats()
            touched = {r["event_id"] for r in queue if r["event_id"]}
            spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
            for r in queue:
                mt, lo, hi = r["merge_type"], r["date_lo"], r["date_hi"]
                if mt and lo and hi:
                    spans[mt].append((lo, hi))
            changes: dict[str, str] = {}
            for mt in sorted(spans):
                for group in _chunks(merge_ranges(spans[mt])):
                    changes.update(self._reassign(mt, group, touched))
            self._apply_assignments(changes)
            rebuilt = self._rebuild(touched)
            with self._temp(("id",), [(str(r["qid"]),) for r in queue]) as t:
                self._run(
                    f"DELETE FROM dedup_queue WHERE CAST(qid AS TEXT) IN (SELECT id FROM {t})"
                )
        return DedupStats(len(queue), len(changes), rebuilt, time.perf_counter() - started)

    def _reassign(
        self, merge_type: str, ranges: list[tuple[date, date]], touched: set[str]
    ) -> dict[str, str]:
        """New event ids of the narrow mentions of `merge_type` that mentions queued over
        `ranges` may have changed (see `flashpoint.store.dedup` for the margins)."""
        context = timedelta(days=CONTEXT_DAYS)
        rows = self._read(
            KEY_SELECT,
            "FROM mentions WHERE narrow AND merge_type = ? AND date_hi >= ? AND date_lo <= ?",
            (merge_type, ranges[0][0] - context, ranges[-1][1] + context),
        )
        keys = [key_of_row(r) for r in rows]
        clusterer = Clusterer(keys)
        margin = timedelta(days=TARGET_DAYS)
        targets = merge_ranges((lo - margin, hi + margin) for lo, hi in ranges)
        starts = [lo for lo, _ in targets]
        changes: dict[str, str] = {}
        for row, key in zip(rows, keys, strict=True):
            if not _overlaps(key, targets, starts):
                continue
            new, old = clusterer.event_key(key).event_id, row["event_id"]
            if new != old:
                changes[row["mention_id"]] = new
                touched.add(new)
                if old:
                    touched.add(old)
        return changes

    def _apply_assignments(self, changes: dict[str, str]) -> None:
        if not changes:
            return
        with self._temp(("mention_id", "event_id"), sorted(changes.items())) as t:
            self._run(
                f"UPDATE mentions SET event_id = t.event_id FROM {t} t "
                "WHERE mentions.mention_id = t.mention_id"
            )

    def _rebuild(self, event_ids: set[str]) -> int:
        """Recompute the rows of these events from their mentions (drop those left empty)."""
        if not event_ids:
            return 0
        with self._temp(("id",), [(e,) for e in sorted(event_ids)]) as t:
            rows = self._read(FACT_SELECT, f"{FACT_JOINS} JOIN {t} t ON t.id = m.event_id")
            groups: dict[str, list[MentionFacts]] = defaultdict(list)
            for row in rows:
                event_id, facts = facts_of_row(row)
                groups[event_id].append(facts)
            events = [build_event(eid, groups[eid]) for eid in sorted(groups)]
            self._run(f"DELETE FROM events WHERE event_id IN (SELECT id FROM {t})")
        self._insert_events(events)
        return len(events)

    def _insert_events(self, events: Sequence[EventFacts]) -> None:
        actors = {a.id: actor_row(a) for e in events for a in (e.actor, e.recipient) if a and a.id}
        places = {e.place.id: place_row(e.place) for e in events if e.place and e.place.id}
        self._put_parties(actors, places)
        self._put(EVENTS, [event_row(e) for e in events])

    # --- reading -------------------------------------------------------------------------

    def events(
        self,
        filter: EventFilter | None = None,
        *,
        mentions: bool = False,
        actor: str | Iterable[str] | None = None,
        recipient: str | Iterable[str] | None = None,
        country: str | Iterable[str] | None = None,
        type: str | Iterable[str] | None = None,  # noqa: A002 - the CLI's name
        since: date | str | None = None,
        until: date | str | None = None,
        min_dead: int | None = None,
        bbox: str | Sequence[float] | None = None,
        admin1: str | Iterable[str] | None = None,
        sector: str | Iterable[str] | None = None,
        quad: int | str | Iterable[int | str] | None = None,
        acled_type: str | Iterable[str] | None = None,
        min_confidence: float | None = None,
        date_precision: str | Iterable[str] | None = None,
        dyad: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        include_background: bool = False,
    ) -> EventList:
        """The merged events matching `filter`, or the keyword filters, earliest first.

        Each filter is optional; those given must all hold (lists or comma-separated
        strings match any of their values):

        - `actor`, `recipient`: ISO3 codes or names (case-insensitive substrings).
        - `country`: ISO3 codes of where it happened; `admin1`: its province or state.
        - `type`: PLOVER types (ASSAULT, PROTEST...); `quad`: quad classes 1-4;
          `acled_type`: ACLED event or sub-event types (Battles, Armed clash...).
        - `since`, `until`: dates (YYYY-MM-DD), inclusive; `date_precision`: day, week,
          month, year.
        - `min_dead`: at least this many killed; `min_confidence`: the coder's confidence.
        - `bbox`: (west, south, east, north) or "w,s,e,n" in degrees.
        - `sector`: actor or recipient sector (GOV, MIL, REB...).
        - `dyad`: both directions between two actors, "IRN-PAK" or "PAK:MIL-IRN".
        - `q`: words that must all appear in the sentence, actors, place, type or mode.
        - `limit`: at most this many events.
        - `include_background`: also running totals and background mentions (events with
          `aux` "aggregate" or "background"), which are left out by default.

        Pending merges are done first (not on a store opened read-only). `mentions=True`
        attaches each event's reports."""
        loose: tuple[Any, ...] = (
            *(actor, recipient, country, type, since, until, min_dead, bbox, admin1, sector),
            *(quad, acled_type, min_confidence, date_precision, dyad, q, limit),
        )
        if filter is not None and any(v is not None for v in loose):
            raise TypeError("give either an EventFilter or keyword filters, not both")
        if filter is None:
            filter = EventFilter.of(
                actor, recipient, country, type, since, until, min_dead, limit,
                bbox=bbox, admin1=admin1, sector=sector, quad=quad, acled_type=acled_type,
                min_confidence=min_confidence, date_precision=date_precision, dyad=dyad, q=q,
            )  # fmt: skip
        if include_background:
            filter = replace(filter, background=True)
        self._catch_up()
        sql, params = select_events(filter, STORED_EVENT_SELECT.sql)
        rows = STORED_EVENT_SELECT.read(self._rows(sql, params))
        events = EventList(stored_event(r) for r in rows)
        if mentions and events:
            by_event = self._mentions_of([e.event_id for e in events])
            events = EventList(
                replace(e, mentions=tuple(by_event.get(e.event_id, ()))) for e in events
            )
        return events

    def _mentions_of(self, event_ids: Sequence[str]) -> dict[str, list[StoredMention]]:
        out: dict[str, list[StoredMention]] = defaultdict(list)
        with self._temp(("id",), [(e,) for e in sorted(set(event_ids))]) as t:
            rows = self._read(
                STORED_MENTION_SELECT,
                f"FROM mentions m JOIN documents d ON d.doc_id = m.doc_id "
                f"JOIN {t} t ON t.id = m.event_id "
                "ORDER BY m.pub_date NULLS LAST, m.doc_id, m.ordinal",
            )
        for row in rows:
            mention = stored_mention(row)
            out[mention.event_id or ""].append(mention)
        return out

    def _catch_up(self) -> None:
        """Do pending merges before reading (a read-only store reads what is merged)."""
        if not self.read_only and self.pending_dedup():
            self.dedup()

    def mentions(self, event_id: str) -> list[StoredMention]:
        """The reports of one event, earliest first."""
        self._catch_up()
        return self._mentions_of([event_id]).get(event_id, [])

    def event(self, event_id: str) -> StoredEvent | None:
        """One event by id, with its mentions (None if there is none)."""
        self._catch_up()
        rows = self._read(STORED_EVENT_SELECT, "FROM events e WHERE e.event_id = ?", (event_id,))
        if not rows:
            return None
        return replace(stored_event(rows[0]), mentions=tuple(self.mentions(event_id)))

    def errors(self) -> list[StoredError]:
        """Documents that could not be read or coded, with the reason."""
        rows = self._read(
            STORED_ERROR_SELECT, "FROM ingest_errors ORDER BY recorded_at, source, doc_id"
        )
        return [stored_error(r) for r in rows]

    def stats(self) -> StoreStats:
        def count(table: str) -> int:
            return int(self._rows(f"SELECT COUNT(*) FROM {table}")[0][0])

        return StoreStats(
            schema_version=self.schema_version(),
            documents=count("documents"),
            mentions=count("mentions"),
            events=count("events"),
            errors=count("ingest_errors"),
            pending_dedup=count("dedup_queue"),
        )

    # --- conveniences over the other modules ------------------------------------------------

    def export(
        self, path: str | os.PathLike[str], format: str, filter: EventFilter | None = None
    ) -> int:
        """Write the events matching `filter` to `path` (see `flashpoint.store.export`)."""
        from flashpoint.store.export import export

        return export(self, path, format, filter)
