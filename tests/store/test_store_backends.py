"""The store on both backends (DuckDB and a real PostgreSQL): schema, writes, merging, queries.

Events are built by hand, so these tests do not depend on the coder's accuracy.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta

import duckdb
import pytest
from _store_data import (
    BALOCHISTAN,
    IRAN,
    PAKISTAN,
    PANJGUR,
    PUNJAB,
    StoreUrls,
    event,
    item,
    snapshot,
)

from flashpoint.document import EventActor, EventLocation
from flashpoint.errors import ConfigError, StoreError
from flashpoint.store import SQLStore, Store, open_store, schema
from flashpoint.store.dedup import cluster, merge_key
from flashpoint.store.rows import DocumentInfo, ErrorItem, IngestItem

# the store fixtures (both backends): store_urls, store_url, store
pytest_plugins = ["_store_fixtures"]

SISTAN = EventLocation(
    text="Sistan and Baluchestan",
    name="Sistan and Baluchestan",
    country="IRN",
    admin1="Sistan and Baluchestan",
    lat=27.5,
    lon=60.5,
    precision="admin1",
    span=(60, 82),
)
IRAQ = EventActor(text="Iraq", name="Iraq", country="IRQ", sector=None, span=(30, 34))
PAK_AIR_FORCE = EventActor(
    text="Pakistan's air force", name="Pakistan", country="PAK", sector="MIL", span=(0, 20)
)
IRAN_STATE = EventActor(text="Iran", name="Iran", country="IRN", sector=None, span=(0, 4))


def one_strike_reports() -> list[IngestItem]:
    """Five articles from five outlets over four days about Iran's strike on Pakistan on
    Tuesday 16 January 2024 ("Tuesday", "16 January", "this week"; 2, 3 or no deaths), and
    two articles about other strikes that week."""
    return [
        item(
            "reuters-0116",
            event(
                "reuters-0116",
                pub=date(2024, 1, 16),
                dead=2,
                sentence="Iranian missiles and drones struck Pakistan on Tuesday, killing two "
                "children in Baluchistan, Pakistani officials said.",
            ),
            pub=date(2024, 1, 16),
            url="https://www.reuters.com/world/iran-strike",
        ),
        item(
            "dawn-0117",
            event(
                "dawn-0117",
                pub=date(2024, 1, 17),
                dead=2,
                location=PANJGUR,
                sentence="The Foreign Office said an Iranian strike on 16 January killed two "
                "children and injured three girls near Panjgur.",
            ),
            pub=date(2024, 1, 17),
            url="https://www.dawn.com/news/1806",
        ),
        item(
            "aljazeera-0117",
            event(
                "aljazeera-0117",
                pub=date(2024, 1, 17),
                dead=3,
                location=None,
                actor=IRAN_STATE,
                sentence="Tuesday's attack by Iran killed three people, local media reported.",
            ),
            pub=date(2024, 1, 17),
            url="https://www.aljazeera.com/news/2024/1/17",
        ),
        item(
            "times-0118",
            event(
                "times-0118",
                pub=date(2024, 1, 18),
                dead=2,
                aux=["historical"],
                sentence="Tuesday's Iranian attack on Pakistan that killed two children in the "
                "southwestern Baluchistan province drew condemnation.",
            ),
            pub=date(2024, 1, 18),
            url="https://www.washingtontimes.com/news/2024/jan/18",
        ),
        item(
            "bbc-0119",
            event(
                "bbc-0119",
                pub=date(2024, 1, 19),
                when=date(2024, 1, 16),
                precision="week",
                location=None,
                sentence="Tehran's strike on Pakistani territory this week "
                "raised fears of a wider conflict.",
            ),
            pub=date(2024, 1, 19),
            url="https://www.bbc.co.uk/news/world-asia-6800",
        ),
        item(
            "reuters-0118",
            event(
                "reuters-0118",
                pub=date(2024, 1, 18),
                when=date(2024, 1, 18),
                dead=7,
                actor=PAK_AIR_FORCE,
                recipient=IRAN_STATE,
                location=SISTAN,
                sentence="Pakistan's air force struck militant hideouts in Iran on Thursday.",
            ),
            pub=date(2024, 1, 18),
            url="https://www.reuters.com/world/pakistan-strikes",
        ),
        item(
            "ap-0116",
            event(
                "ap-0116",
                pub=date(2024, 1, 16),
                when=date(2024, 1, 15),
                recipient=IRAQ,
                location=EventLocation(
                    name="Erbil",
                    country="IRQ",
                    admin1="Erbil",
                    precision="city",
                    lat=36.19,
                    lon=44.01,
                ),
                sentence="Iran's Revolutionary Guards said they struck targets in Erbil late "
                "Monday.",
            ),
            pub=date(2024, 1, 16),
            url="https://apnews.com/article/1",
        ),
    ]


def ingest(s: SQLStore, items: list[IngestItem], batch: int = 3) -> None:
    for i in range(0, len(items), batch):
        s.write(items[i : i + batch])
    s.dedup()


# --- schema ----------------------------------------------------------------------------------


def test_a_new_store_has_the_latest_schema(store: SQLStore) -> None:
    assert isinstance(store, Store)
    assert store.schema_version() == schema.LATEST
    stats = store.stats()
    assert (stats.documents, stats.mentions, stats.events, stats.errors) == (0, 0, 0, 0)


def test_reopening_migrates_nothing_and_keeps_the_data(store_url: str) -> None:
    with open_store(store_url) as s:
        s.write([item("a", event("a"))])
    with open_store(store_url) as s:
        assert s.schema_version() == schema.LATEST
        assert s.stats().mentions == 1
        assert len(s._rows("SELECT version FROM schema_version")) == len(schema.MIGRATIONS)


def test_a_store_from_a_newer_flashpoint_is_refused(store_url: str) -> None:
    with open_store(store_url) as s:
        s._run(
            "INSERT INTO schema_version VALUES (?, ?, ?)",
            (schema.LATEST + 1, "from the future", date(2030, 1, 1)),
        )
    with pytest.raises(StoreError, match="newer than this flashpoint knows"):
        open_store(store_url)


def test_every_migration_renders_for_both_backends() -> None:
    for backend in ("duckdb", "postgres"):
        sql = [s for m in schema.MIGRATIONS for s in schema.statements(m, backend)]
        assert sql and not any("{" in s for s in sql)
    pg = " ".join(schema.statements(schema.MIGRATIONS[0], "postgres"))
    assert "JSONB" in pg and "CREATE INDEX mentions_event_idx" in pg


# --- writing ---------------------------------------------------------------------------------


def test_documents_mentions_actors_and_places_are_stored(store: SQLStore) -> None:
    store.write([item("a", event("a", dead=2), event("a", location=PANJGUR))])
    assert store.stored_hashes(["a", "b"]) == {"a": "hash-a"}
    assert store._rows("SELECT n_mentions, outlet FROM documents") == [(2, None)]
    assert store._rows("SELECT name, country, sector FROM actors ORDER BY name") == [
        ("Iran", "IRN", "MIL"),
        ("Pakistan", "PAK", None),
    ]
    places = store._rows("SELECT name, precision FROM places ORDER BY name")
    assert places == [("Balochistan", "admin1"), ("Panjgur", "city")]
    rows = store._rows(
        "SELECT sentence, trigger_start, trigger_end, actor_text, "
        "location_start FROM mentions ORDER BY ordinal"
    )
    assert rows[0][1:] == (15, 21, "Iranian forces", 50)
    assert store.stats().pending_dedup > 0


def test_writing_the_same_document_again_changes_nothing(store: SQLStore) -> None:
    ingest(store, one_strike_reports())
    before = snapshot(store)
    ingest(store, one_strike_reports())
    assert snapshot(store) == before
    stats = store.stats()
    assert (stats.documents, stats.mentions) == (7, 7)


def test_a_changed_document_replaces_its_earlier_version(store: SQLStore) -> None:
    ingest(store, one_strike_reports())
    changed = IngestItem(
        DocumentInfo("aljazeera-0117", "hash-new", date(2024, 1, 17)),
        [event("aljazeera-0117", event_type="PROTEST", mode="demo", dead=None)],
    )
    store.write([changed])
    store.dedup()
    assert store.stats().mentions == 7
    strike = store.events(actor="IRN", recipient="PAK")[0]
    assert strike.num_mentions == 4 and strike.count_reports["dead"][-1]["value"] == 2
    assert len(store.events(type="PROTEST")) == 1


def test_a_failed_write_leaves_nothing_behind(store: SQLStore) -> None:
    bad = item("b", event("b"))
    bad_row = IngestItem(DocumentInfo("b", "h", date(2024, 1, 1), n_chars=None), bad.events)  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.write([item("a", event("a")), bad_row])
    stats = store.stats()
    assert (stats.documents, stats.mentions, stats.pending_dedup) == (0, 0, 0)
    store.write([item("a", event("a"))])  # the store is still usable
    assert store.stats().documents == 1


def test_errors_are_recorded_once_and_cleared_when_the_document_succeeds(
    store: SQLStore,
) -> None:
    err = ErrorItem("feed.jsonl:3", "x1", "date_error", "unknown date format 'soon'")
    store.write([], [err, ErrorItem("empty.txt", None, "empty_document", "no text")])
    first = store.errors()
    store.write([], [err])
    assert store.errors() == first  # seen again, unchanged: nothing changes
    assert [(e.source, e.code) for e in first] == [
        ("empty.txt", "empty_document"),
        ("feed.jsonl:3", "date_error"),
    ] or [(e.source, e.code) for e in first] == [
        ("feed.jsonl:3", "date_error"),
        ("empty.txt", "empty_document"),
    ]
    store.write([item("x1", event("x1"))])
    assert [e.source for e in store.errors()] == ["empty.txt"]


# --- merging ---------------------------------------------------------------------------------


def test_reports_of_one_strike_become_one_event_with_all_its_mentions(store: SQLStore) -> None:
    ingest(store, one_strike_reports())
    events = store.events(mentions=True)
    assert len(events) == 3
    strike = store.events(actor="IRN", recipient="PAK", mentions=True)
    assert len(strike) == 1
    e = strike[0]
    assert (e.num_mentions, e.num_articles, e.num_sources) == (5, 5, 5)
    assert (e.date, e.date_precision) == (date(2024, 1, 16), "day")
    assert (e.first_reported, e.last_reported) == (date(2024, 1, 16), date(2024, 1, 19))
    assert e.dead == 2  # reported 2, 2, 2 and 3: the most-reported value
    assert [r["value"] for r in e.count_reports["dead"]] == [2, 3, 2, 2]
    assert [r["source"] for r in e.count_reports["dead"]] == [
        "reuters.com",
        "aljazeera.com",
        "dawn.com",
        "washingtontimes.com",
    ]
    assert (e.location_name, e.location_precision) == ("Panjgur", "city")
    assert (e.actor_country, e.actor_sector, e.recipient_country) == ("IRN", "MIL", "PAK")
    assert e.aux == ()  # one report calls it historical, the others do not
    assert e.mentions is not None
    assert [m.doc_id for m in e.mentions] == [
        "reuters-0116",
        "aljazeera-0117",
        "dawn-0117",
        "times-0118",
        "bbc-0119",
    ]
    assert e.mentions[1].sentence.startswith("Tuesday's attack by Iran")
    assert e.mentions[0].trigger_span == (15, 21)


def test_the_store_agrees_with_the_reference_clustering(store: SQLStore) -> None:
    items = one_strike_reports()
    ingest(store, items)
    keys = [merge_key(e) for it in items for e in it.events]
    assert {e.event_id for e in store.events()} == {k.event_id for k in cluster(keys).values()}


def test_ingesting_in_another_order_gives_the_same_events(store_urls: StoreUrls) -> None:
    items = one_strike_reports()
    with open_store(store_urls.new()) as s:
        ingest(s, items)
        reference = snapshot(s)
    rng = random.Random(2024)
    for n in range(3):
        shuffled = items[:]
        rng.shuffle(shuffled)
        with open_store(store_urls.new()) as s:
            ingest(s, shuffled, batch=n + 1)
            assert snapshot(s) == reference


def random_items(rng: random.Random, n_docs: int) -> list[IngestItem]:
    """Many small documents about a few dyads over a year, at every date precision."""
    places = [
        None,
        BALOCHISTAN,
        PANJGUR,
        PUNJAB,
        EventLocation(name="Pakistan", country="PAK", precision="country"),
    ]
    actors = [IRAN, IRAN_STATE, PAKISTAN, None]
    out = []
    for i in range(n_docs):
        pub = date(2023, 6, 1) + timedelta(days=rng.randrange(420))
        evs = []
        for _ in range(rng.randrange(1, 4)):
            precision = rng.choice(["day", "day", "day", "week", "month", None, "year"])
            when = None if precision is None else pub - timedelta(days=rng.randrange(4))
            evs.append(
                event(
                    f"r{i}",
                    pub=pub,
                    when=when,
                    precision=precision,
                    event_type=rng.choice(["ASSAULT", "ASSAULT", "PROTEST"]),
                    actor=rng.choice(actors),
                    recipient=rng.choice([PAKISTAN, IRAN, None]),
                    location=rng.choice(places),
                    dead=rng.choice([None, 1, 2, 3]),
                )
            )
        out.append(item(f"r{i}", *evs, pub=pub, url=f"https://news{i % 5}.example/{i}"))
    return out


def test_incremental_merging_matches_merging_everything_at_once(store: SQLStore) -> None:
    """Documents arrive in batches, each merged as it comes; the events must be those of the
    reference clustering of all mentions together (this checks the locality margins)."""
    rng = random.Random(99)
    items = random_items(rng, 160)
    rng.shuffle(items)
    ingest(store, items, batch=17)
    keys = [merge_key(e) for it in items for e in it.events]
    expected = {k.event_id for k in cluster(keys).values()}
    assert {e.event_id for e in store.events()} == expected
    total = sum(e.num_mentions for e in store.events())
    assert total == len(keys) == store.stats().mentions


def test_queries_merge_pending_mentions_first(store: SQLStore) -> None:
    store.write([it for it in one_strike_reports()])
    assert store.stats().events == 0
    assert len(store.events()) == 3
    assert store.stats().pending_dedup == 0


def test_a_merge_pass_that_fails_halfway_leaves_its_work_for_the_next(
    store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write(one_strike_reports())
    queued = store.stats().pending_dedup

    def power_cut(*args: object) -> None:
        raise StoreError("the power went out")

    monkeypatch.setattr(store, "_insert_events", power_cut)
    with pytest.raises(StoreError, match="power"):
        store.dedup()
    monkeypatch.undo()
    stats = store.stats()
    assert (stats.events, stats.pending_dedup) == (0, queued)
    assert store._rows("SELECT COUNT(*) FROM mentions WHERE event_id IS NOT NULL") == [(0,)]
    assert len(store.events()) == 3


def test_dedup_is_idempotent(store: SQLStore) -> None:
    store.write(one_strike_reports())
    first = store.dedup()
    assert first.queued > 0 and first.events_rebuilt == 3
    before = snapshot(store)
    assert store.dedup().queued == 0
    assert snapshot(store) == before


# --- queries ---------------------------------------------------------------------------------


@pytest.fixture
def filled(store: SQLStore) -> SQLStore:
    ingest(store, one_strike_reports())
    return store


def ids(events: list) -> list[str]:  # type: ignore[type-arg]
    return [e.actor_country + ">" + e.recipient_country for e in events]


def test_filters_by_actor_recipient_country_type_dates_and_deaths(filled: SQLStore) -> None:
    assert ids(filled.events()) == ["IRN>IRQ", "IRN>PAK", "PAK>IRN"]  # by date
    assert ids(filled.events(actor="IRN")) == ["IRN>IRQ", "IRN>PAK"]
    assert ids(filled.events(actor="iran")) == ["IRN>IRQ", "IRN>PAK"]  # by name
    assert ids(filled.events(actor="PAK,IRQ")) == ["PAK>IRN"]
    assert ids(filled.events(recipient="Pakistan")) == ["IRN>PAK"]
    assert ids(filled.events(country="IRN")) == ["PAK>IRN"]
    assert ids(filled.events(type="ASSAULT", since="2024-01-16")) == ["IRN>PAK", "PAK>IRN"]
    assert ids(filled.events(until=date(2024, 1, 16))) == ["IRN>IRQ", "IRN>PAK"]
    assert ids(filled.events(min_dead=3)) == ["PAK>IRN"]
    assert ids(filled.events(limit=1)) == ["IRN>IRQ"]
    assert filled.events(type="PROTEST") == []


def test_bad_filters_say_how_to_fix_them(filled: SQLStore) -> None:
    with pytest.raises(ConfigError, match="unknown event type 'BOMBING'"):
        filled.events(type="bombing")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        filled.events(since="last week")
    with pytest.raises(ConfigError, match="ISO3"):
        filled.events(country="Pakistan")


def test_a_name_filter_is_not_a_sql_pattern(filled: SQLStore) -> None:
    assert filled.events(actor="%") == []
    assert filled.events(actor="ira_") == []


def test_events_convert_to_pandas_and_arrow_with_the_same_rows(filled: SQLStore) -> None:
    events = filled.events()
    table = events.to_arrow()
    frame = events.to_pandas()
    assert table.num_rows == len(frame) == 3
    assert list(frame["event_id"]) == [e.event_id for e in events]
    assert list(frame["num_mentions"]) == [1, 5, 1]
    assert str(frame["dead"].dtype) == "Int64"
    assert table.column("contexts").type.value_type == "string"


def test_one_event_and_its_mentions_by_id(filled: SQLStore) -> None:
    strike = filled.events(recipient="PAK")[0]
    found = filled.event(strike.event_id)
    assert found is not None and found.mentions is not None and len(found.mentions) == 5
    assert filled.mentions(strike.event_id)[0].record["doc_id"] == "reuters-0116"
    assert filled.event("ev_nothing") is None


def test_a_locked_duckdb_file_gives_a_clear_error(tmp_path: object) -> None:
    path = str(tmp_path) + "/locked.duckdb"  # type: ignore[operator]
    holder = duckdb.connect(path)
    try:
        holder.execute("CREATE TABLE x (a INTEGER)")
        # the same process may share a file; a clear error needs another process
        import subprocess
        import sys

        code = f"from flashpoint.store import open_store\nopen_store({path!r}, lock_timeout=0.2)\n"
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode != 0
        assert f"process {os.getpid()} (" in proc.stderr and "is using it" in proc.stderr
    finally:
        holder.close()


def test_postgres_connection_errors_say_what_to_check() -> None:
    with pytest.raises(
        StoreError,
        match=r"cannot connect to postgresql://nobody:\*\*\*@"
        r"127\.0\.0\.1:1/x: .*is the server running",
    ):
        open_store("postgresql://nobody:secret@127.0.0.1:1/x")


def test_a_missing_duckdb_folder_is_an_error(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path) + "/no/such/dir/x.duckdb")  # type: ignore[operator]
    with pytest.raises(StoreError, match="run `flashpoint ingest"):
        open_store(str(tmp_path) + "/absent.duckdb", create=False)  # type: ignore[operator]
