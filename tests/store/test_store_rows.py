"""Rows by name: every row builder writes exactly its table's declared columns, every reader
uses every column it selects, and the records know every column of their table (a column
added to a table without its record, reader and writer fails here)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from _store_data import IRAN, PANJGUR, event, item

from flashpoint.store import rows, schema
from flashpoint.store.dedup import build_event, merge_key
from flashpoint.store.records import FLAT_COLUMNS, StoredError, StoredEvent, StoredMention
from flashpoint.store.rows import ErrorItem


class Recording(Mapping[str, Any]):
    """A row (None unless given) that remembers which of its columns a reader used."""

    def __init__(self, names: tuple[str, ...], **values: Any) -> None:
        self._values = {n: values.get(n) for n in names}
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.used.add(key)
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def _facts() -> Any:
    """A mention as the merge reads it, from the row the store would write."""
    ev = event("a", location=PANJGUR)
    row = rows.mention_row("a", 0, ev, merge_key(ev))
    joined = {
        **{n: row[n] for n in rows.FACT_SELECT.names if n in row},
        **{f"actor_{k}": getattr(IRAN, k) for k in ("name", "country", "sector")},
        **{f"recipient_{k}": None for k in ("name", "country", "sector")},
        **{f"place_{k}": getattr(PANJGUR, k) for k in ("name", "country", "admin1")},
        **{f"place_{k}": getattr(PANJGUR, k) for k in ("lat", "lon", "precision")},
        "outlet": "dawn.com",
    }
    assert set(joined) == set(rows.FACT_SELECT.names)
    return rows.facts_of_row(joined)


# --- writers --------------------------------------------------------------------------------


def test_every_row_builder_writes_exactly_the_columns_of_its_table() -> None:
    ev = event("a", dead=2)
    key = merge_key(ev)
    a = rows.actor_value(IRAN)
    p = rows.place_value(PANJGUR)
    assert a is not None and p is not None
    event_id, facts = _facts()
    built = {
        schema.DOCUMENTS: rows.document_row(item("a", ev), datetime(2024, 6, 1)),
        schema.ACTORS: rows.actor_row(a),
        schema.PLACES: rows.place_row(p),
        schema.MENTIONS: rows.mention_row("a", 0, ev, key),
        schema.EVENTS: rows.event_row(build_event(key.event_id, [facts])),
        schema.INGEST_ERRORS: rows.error_row("er_1", ErrorItem("x", None, "c", "m"), None),
        schema.DEDUP_QUEUE: rows.queue_row(event_id="ev_1"),
    }
    assert set(built) == set(schema.TABLES)
    for table, row in built.items():
        assert tuple(row) == table.written, table.name  # every column, in declared order
        assert table.values(row) == tuple(row.values())


def test_a_mention_row_puts_each_value_in_its_named_column() -> None:
    ev = event("a", dead=2)
    row = rows.mention_row("a", 3, ev, merge_key(ev))
    assert (row["doc_id"], row["ordinal"], row["dead"]) == ("a", 3, 2)
    assert (row["trigger_start"], row["trigger_end"], row["trigger_text"]) == (15, 21, "struck")
    assert (row["actor_text"], row["actor_start"], row["actor_end"]) == ("Iranian forces", 0, 14)
    assert (row["recipient_start"], row["date_start"], row["date_end"]) == (30, 40, 47)
    assert row["location_text"] == "Baluchistan province" and row["narrow"] is True


# --- readers --------------------------------------------------------------------------------


def test_every_reader_uses_every_column_it_selects() -> None:
    readers = [
        (rows.STORED_EVENT_SELECT, rows.stored_event),
        (rows.STORED_MENTION_SELECT, rows.stored_mention),
        (rows.STORED_ERROR_SELECT, rows.stored_error),
        (rows.FACT_SELECT, rows.facts_of_row),
    ]
    for select, read in readers:
        row = Recording(select.names, place_name="Panjgur")  # a place: its other columns
        read(row)
        assert row.used == set(select.names), read.__name__
    key_row = Recording(rows.KEY_SELECT.names)
    rows.key_of_row(key_row)
    assert key_row.used == set(rows.KEY_NAMES)


def test_the_merge_reads_a_mention_back_by_name() -> None:
    event_id, facts = _facts()
    assert event_id is None  # narrow: the merge pass assigns it
    assert facts.doc_id == "a" and facts.outlet == "dawn.com"
    assert facts.actor is not None and facts.actor.country == "IRN" and facts.recipient is None
    assert facts.place is not None and facts.place.lat == PANJGUR.lat
    assert facts.scores == (4, -9.5, "195") and facts.key.place == ("PAK", "balochistan", "panjgur")
    assert facts.key == merge_key(event("a", location=PANJGUR))


def test_stored_records_know_every_column_of_their_table() -> None:
    event_fields = {f.name for f in fields(StoredEvent)} - {"mentions"}
    read = {rows.EVENT_RENAMED.get(n, n) for n in rows.STORED_EVENT_SELECT.names}
    assert read == event_fields
    assert set(rows.EVENT_BOOKKEEPING) <= set(schema.EVENTS.names)
    assert set(rows.EVENT_RENAMED) <= set(schema.EVENTS.names)

    m_names = {n for e, n in rows.STORED_MENTION_SELECT.items if e.startswith("m.")}
    assert m_names | set(rows.MENTION_IN_RECORD) == set(schema.MENTIONS.names)
    assert not m_names & set(rows.MENTION_IN_RECORD)
    mention_fields = {f.name for f in fields(StoredMention)}
    spans = {"sentence_span", "trigger_span"}
    flat = {n for n in rows.STORED_MENTION_SELECT.names if not n.endswith(("_start", "_end"))}
    assert flat | spans == mention_fields

    error_fields = {f.name for f in fields(StoredError)}
    assert set(rows.STORED_ERROR_SELECT.names) == error_fields
    assert set(rows.STORED_ERROR_SELECT.names) | set(rows.ERROR_BOOKKEEPING) == set(
        schema.INGEST_ERRORS.names
    )


def test_the_flat_exports_carry_every_field_of_a_stored_event() -> None:
    names = [name for name, _ in FLAT_COLUMNS]
    assert names == [f.name for f in fields(StoredEvent) if f.name != "mentions"]


def test_a_stored_event_takes_each_value_from_its_named_column() -> None:
    values: dict[str, Any] = {n: None for n in rows.STORED_EVENT_SELECT.names}
    values.update(
        event_id="ev_1",
        rep_doc_id="doc-9",
        contexts='["border"]',
        aux="[]",
        count_reports={"dead": [{"value": 2, "source": "s", "doc_id": "d"}]},
        num_mentions=3,
        first_reported=date(2024, 1, 16),
        latitude=26.9,
    )
    e = rows.stored_event(values)
    assert (e.event_id, e.doc_id, e.num_mentions, e.latitude) == ("ev_1", "doc-9", 3, 26.9)
    assert e.contexts == ("border",) and e.aux == () and e.first_reported == date(2024, 1, 16)
    assert e.count_reports["dead"][0] == {
        "value": 2,
        "source": "s",
        "doc_id": "d",
        "mention_id": None,
        "pub_date": None,
    }
