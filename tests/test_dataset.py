"""The Parquet dataset of coded events: its columns follow the event record, dates partition
it, and DuckDB, pandas and Arrow read it back as one table with the values written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pytest

from flashpoint.dataset import PARTITIONS, EventDataset, event_schema
from flashpoint.document import Event
from flashpoint.errors import ConfigError
from flashpoint.pipeline import Coder

TEXT = (
    "Police arrested 40 protesters in Nairobi on Monday. Soldiers shot dead five villagers "
    "near Maiduguri in March 2023, residents said."
)


@pytest.fixture(scope="module")
def events(coder: Coder) -> list[Event]:
    found = coder.code(TEXT, pub_date="2024-01-16", doc_id="nairobi")
    assert len(found) >= 2
    undated = replace(found[0], id="undated", date=None)
    neither = replace(found[0], id="neither", date=None, pub_date=None)
    return [*found, undated, neither]


def test_the_columns_are_the_event_record_and_the_partition_keys(events: list[Event]) -> None:
    names = event_schema().names
    assert names[: len(PARTITIONS)] == list(PARTITIONS)
    assert names[len(PARTITIONS) :] == list(events[0].to_dict())


def test_duckdb_pandas_and_arrow_read_one_table(events: list[Event], tmp_path: Path) -> None:
    out = tmp_path / "events"
    dataset = EventDataset(out, rows_per_flush=2)  # several flushes, several files
    dataset.add(events)
    dataset.close()
    assert dataset.written == len(events)
    assert {p.parent.relative_to(out).as_posix() for p in out.rglob("*.parquet")} == {
        "year=2024/month=1",
        "year=2023/month=3",
        "year=0/month=0",
    }
    rows = (
        duckdb.connect()
        .execute(
            f"SELECT id, year, month, date, actor.country, count_spans, evidence FROM "
            f"read_parquet('{out}/**/*.parquet', hive_partitioning = true)"
        )
        .fetchall()
    )
    by_id = {r[0]: r for r in rows}
    first = events[0]
    assert first.actor is not None and first.actor.country
    assert by_id[first.id][3] == first.date and by_id[first.id][4] == first.actor.country
    assert by_id[first.id][5] == {k: list(v) for k, v in first.count_spans.items()}
    assert by_id[first.id][6] == [list(s) for s in first.evidence]
    assert by_id["undated"][1:4] == (2024, 1, None)  # filed under its publication month
    assert by_id["neither"][1:3] == (0, 0)
    frame = pd.read_parquet(out)
    assert sorted(frame["id"]) == sorted(e.id for e in events)
    assert ds.dataset(out, partitioning="hive").count_rows() == len(events)


def test_an_existing_dataset_is_never_added_to(events: list[Event], tmp_path: Path) -> None:
    out = tmp_path / "events"
    first = EventDataset(out)
    first.add(events)
    first.close()
    with pytest.raises(ConfigError, match="not an empty folder"):
        EventDataset(out)
