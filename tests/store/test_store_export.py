"""Exports on both backends: the files read back with the same rows, in the layouts that
ACLED- and ICEWS-style analysis code expects."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from _store_data import event, item
from test_store_backends import ingest, one_strike_reports

from flashpoint.errors import ConfigError, StoreError
from flashpoint.store import EventFilter, SQLStore
from flashpoint.store.export import ACLED_COLUMNS, GDELT_COLUMNS, ICEWS_COLUMNS, countries
from flashpoint.store.records import FLAT_COLUMNS

# the store fixtures (both backends): store_urls, store_url, store
pytest_plugins = ["_store_fixtures"]


@pytest.fixture
def filled(store: SQLStore) -> SQLStore:
    ingest(store, one_strike_reports())
    return store


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_parquet_reads_back_in_duckdb_and_pandas_with_the_same_rows(
    filled: SQLStore, tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    assert filled.export(path, "parquet") == 3
    events = filled.events()
    expected = [(e.event_id, e.date, e.num_mentions, e.dead, e.actor_country) for e in events]
    rows = duckdb.sql(
        f"SELECT event_id, date, num_mentions, dead, actor_country "
        f"FROM read_parquet('{path}') ORDER BY date, event_id"
    ).fetchall()
    assert rows == expected
    frame = pd.read_parquet(path)
    assert list(frame.columns) == [name for name, _ in FLAT_COLUMNS]
    assert [
        (r.event_id, r.date, r.num_mentions, None if pd.isna(r.dead) else r.dead, r.actor_country)
        for r in frame.itertuples()
    ] == expected
    assert list(frame["contexts"].iloc[0]) == list(events[0].contexts)
    reports = json.loads(frame.set_index("event_id").loc[events[1].event_id, "count_reports"])
    assert [r["value"] for r in reports["dead"]] == [2, 3, 2, 2]


def test_csv_has_one_flat_row_per_event(filled: SQLStore, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    filled.export(path, "csv")
    rows = read_csv(path)
    assert list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
    assert [r["num_mentions"] for r in rows] == ["1", "5", "1"]
    assert rows[1]["date"] == "2024-01-16" and rows[1]["dead"] == "2"
    assert pd.read_csv(path).shape == (3, len(FLAT_COLUMNS))


def test_acled_csv_uses_acled_columns_and_codes(filled: SQLStore, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    assert filled.export(path, "acled-csv", EventFilter.of(recipient="PAK")) == 1
    rows = read_csv(path)
    assert list(rows[0]) == ACLED_COLUMNS
    r = rows[0]
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2024-01-16", "2024", "1")
    assert (r["event_type"], r["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (r["disorder_type"], r["fatalities"]) == ("Political violence", "2")
    assert (r["iso"], r["region"], r["country"]) == ("586", "South Asia", "Pakistan")
    assert (r["admin1"], r["location"], r["geo_precision"]) == ("Balochistan", "Panjgur", "1")
    # Iran's armed forces acting in Pakistan: ACLED's external forces (8) against others
    assert (r["actor1"], r["inter1"], r["actor2"]) == ("Military Forces of Iran", "8", "Pakistan")
    assert r["source"] == "aljazeera.com; bbc.co.uk; dawn.com; reuters.com; washingtontimes.com"
    # the representative report is the most precise one (a day, and a town)
    assert r["notes"].startswith("The Foreign Office said an Iranian strike on 16 January")


def test_icews_csv_uses_icews_columns(filled: SQLStore, tmp_path: Path) -> None:
    path = tmp_path / "icews.csv"
    filled.export(path, "icews-csv", EventFilter.of(actor="PAK"))
    rows = read_csv(path)
    assert list(rows[0]) == ICEWS_COLUMNS and len(rows) == 1
    r = rows[0]
    assert (r["Event Date"], r["Source Name"], r["Source Sectors"]) == (
        "2024-01-18",
        "Pakistan",
        "Military",
    )
    assert (r["Source Country"], r["Target Country"], r["Country"]) == ("Pakistan", "Iran", "Iran")
    assert (r["CAMEO Code"], r["Intensity"], r["Province"]) == (
        "195",
        "-9.5",
        "Sistan and Baluchestan",
    )
    assert (r["Story ID"], r["Publisher"], r["Sentence Number"]) == (
        "reuters-0118",
        "reuters.com",
        "0",
    )


def test_plover_jsonl_holds_each_event_with_its_mentions(filled: SQLStore, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    filled.export(path, "plover-jsonl", EventFilter.of(type="ASSAULT", since="2024-01-16"))
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["date"] for r in records] == ["2024-01-16", "2024-01-18"]
    strike = records[0]
    assert strike["num_mentions"] == len(strike["mentions"]) == 5
    assert strike["counts"]["reports"]["dead"][0] == {
        "value": 2,
        "source": "reuters.com",
        "doc_id": "reuters-0116",
        "mention_id": strike["mentions"][0]["mention_id"],
        "pub_date": "2024-01-16",
    }
    first = strike["mentions"][0]
    assert first["doc_id"] == "reuters-0116" and first["trigger"]["span"] == [15, 21]
    assert first["actor"]["text"] == "Iranian forces" and first["outlet"] == "reuters.com"


def test_acled_source_is_the_outlet_never_the_input_file(store: SQLStore, tmp_path: Path) -> None:
    # an article from a file with no URL, and one whose URL names the outlet
    ingest(store, [item("local-0116", event("local-0116")), *one_strike_reports()[:1]])
    path = tmp_path / "acled.csv"
    store.export(path, "acled-csv")
    (row,) = read_csv(path)
    assert row["source"] == "reuters.com"
    assert ".txt" not in row["source"] and "local-0116" not in row["source"]


def test_geojson_is_a_feature_collection_of_points(filled: SQLStore, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    located = [e for e in filled.events() if e.latitude is not None]
    assert filled.export(path, "geojson") == len(located) == 3
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    for feature, e in zip(data["features"], located, strict=True):
        assert feature["type"] == "Feature" and feature["id"] == e.event_id
        assert feature["geometry"] == {"type": "Point", "coordinates": [e.longitude, e.latitude]}
        assert set(feature["properties"]) == {name for name, _ in FLAT_COLUMNS}
    strike = data["features"][1]["properties"]
    assert (strike["date"], strike["dead"], strike["cameo"]) == ("2024-01-16", 2, "195")
    assert strike["count_reports"]["dead"][0]["source"] == "reuters.com"
    # DuckDB's JSON reader sees the same features, their geometry as points
    rows = duckdb.sql(
        f"SELECT f.geometry::VARCHAR, f.properties.event_id FROM "
        f"(SELECT unnest(features) AS f FROM read_json('{path}', format = 'unstructured'))"
    ).fetchall()
    assert rows == [(f"POINT ({e.longitude} {e.latitude})", e.event_id) for e in located]


def test_gdelt_csv_reads_back_in_pandas_with_gdelt_columns(
    filled: SQLStore, tmp_path: Path
) -> None:
    path = tmp_path / "gdelt.csv"
    assert filled.export(path, "gdelt-csv") == 3
    frame = pd.read_csv(path, dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert list(frame.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    strike = frame[frame["NumMentions"] == 5].iloc[0]
    assert strike["SQLDATE"] == 20240116 and strike["Year"] == 2024
    assert (strike["Actor1Code"], strike["Actor1CountryCode"]) == ("IRNMIL", "IRN")
    assert (strike["Actor2CountryCode"], strike["EventRootCode"]) == ("PAK", "19")
    assert (strike["QuadClass"], strike["GoldsteinScale"]) == (4, -9.5)
    assert (strike["ActionGeo_CountryCode"], strike["ActionGeo_Type"]) == ("PAK", 4)
    assert strike["ActionGeo_Lat"] == pytest.approx(26.96)
    assert strike["SOURCEURL"] == "https://www.reuters.com/world/iran-strike"
    assert frame["GLOBALEVENTID"].dtype == "int64" and frame["GLOBALEVENTID"].is_unique


def test_cameo_codes_keep_their_leading_zeros(store: SQLStore, tmp_path: Path) -> None:
    consult = event("talks-0116", event_type="CONSULT", mode=None)
    ingest(store, [item("talks-0116", replace(consult, cameo="042", quad_code=1, intensity=1.0))])
    for fmt, column in (("gdelt-csv", "EventCode"), ("csv", "cameo"), ("icews-csv", "CAMEO Code")):
        path = tmp_path / f"{fmt}.csv"
        store.export(path, fmt)
        assert read_csv(path)[0][column] == "042"
        assert pd.read_csv(path, dtype=str)[column].tolist() == ["042"]
    assert read_csv(tmp_path / "gdelt-csv.csv")[0]["EventRootCode"] == "04"


def test_exports_refuse_unknown_formats_and_unwritable_paths(
    filled: SQLStore, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xlsx'"):
        filled.export(tmp_path / "x.xlsx", "xlsx")
    with pytest.raises(StoreError, match="cannot write"):
        filled.export(tmp_path / "no" / "dir" / "x.csv", "csv")
    assert not list(tmp_path.glob("**/*.part"))


def test_the_country_table_covers_iso_3166() -> None:
    table = countries()
    assert len(table) >= 249
    assert table["IRN"].name == "Iran" and table["IRN"].numeric == 364
    assert table["PSE"].region == "Middle East" and table["USA"].region == "North America"
    assert all(c.region for c in table.values())
