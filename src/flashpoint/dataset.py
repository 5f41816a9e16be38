"""Coded events as a date-partitioned Parquet dataset (`flashpoint code --format parquet`).

A folder in the Hive layout, ``DIR/year=2024/month=1/part-00000-0.parquet``, partitioned by
the event's date; an event whose date is unknown is filed under its article's publication
date (its ``date`` column stays empty), and one with neither under ``year=0/month=0``: a
partition key is never null, which pandas cannot read across partitions. Each row
is one event's JSON record (docs/event-schema.md) with typed columns: dates as dates, the
actor, recipient, location and trigger as structs, spans as lists of ints. DuckDB
(``read_parquet('DIR/**/*.parquet', hive_partitioning = true)``), pandas
(``pd.read_parquet(DIR)``), Arrow (``pyarrow.dataset.dataset(DIR, partitioning="hive")``)
and Spark (``spark.read.parquet(DIR)``) read it as one table with ``year`` and ``month``.

Events are written in input order, a file per partition each time `ROWS_PER_FLUSH` events
have gathered, so memory stays bounded however long the run.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.document import Event
from flashpoint.errors import ConfigError

if TYPE_CHECKING:
    import pyarrow as pa

ROWS_PER_FLUSH = 50_000
PARTITIONS = ("year", "month")


def event_schema() -> pa.Schema:
    """The Arrow schema of one event's record (`Event.to_dict()`), partition keys first."""
    import pyarrow as pa

    span = pa.list_(pa.int32())
    text = pa.string()
    actor = pa.struct(
        [("text", text), ("name", text), ("country", text), ("sector", text), ("span", span)]
    )
    location = pa.struct(
        [
            ("text", text),
            ("name", text),
            ("country", text),
            ("admin1", text),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("precision", text),
            ("span", span),
        ]
    )
    fields: list[tuple[str, pa.DataType]] = [
        ("year", pa.int16()),
        ("month", pa.int8()),
        ("id", text),
        ("doc_id", text),
        ("pub_date", pa.date32()),
        ("date", pa.date32()),
        ("date_precision", text),
        ("date_span", span),
        ("event_type", text),
        ("mode", text),
        ("contexts", pa.list_(text)),
        ("aux", pa.list_(text)),
        ("quad_code", pa.int8()),
        ("intensity", pa.float64()),
        ("cameo", text),
        ("acled_event_type", text),
        ("acled_sub_event_type", text),
        ("actor", actor),
        ("recipient", actor),
        ("location", location),
        ("dead", pa.int32()),
        ("injured", pa.int32()),
        ("arrested", pa.int32()),
        ("dead_lower_bound", pa.int32()),
        ("count_spans", pa.map_(text, span)),
        ("trigger", pa.struct([("text", text), ("span", span)])),
        ("sentence", text),
        ("sentence_span", span),
        ("evidence", pa.list_(span)),
        ("confidence", pa.float64()),
        ("coder", text),
    ]
    return pa.schema(fields)


def event_row(event: Event) -> dict[str, Any]:
    """One event's record as a dataset row: typed dates and the partition keys."""
    row = event.to_dict()
    row["pub_date"] = event.pub_date
    row["date"] = event.date
    row["count_spans"] = list(row["count_spans"].items())
    row["year"], row["month"] = _partition(event.date or event.pub_date)
    return row


def _partition(day: date | None) -> tuple[int, int]:
    return (day.year, day.month) if day is not None else (0, 0)


class EventDataset:
    """Writes events to a new Parquet dataset at `path` (a folder that does not exist yet,
    or an empty one)."""

    def __init__(self, path: str | os.PathLike[str], rows_per_flush: int = ROWS_PER_FLUSH) -> None:
        self.path = Path(path)
        if self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
            raise ConfigError(
                f"{self.path} is not an empty folder; a Parquet dataset is written whole into "
                "a new folder: give a new path, or remove the old dataset first"
            )
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = event_schema()
        self.rows_per_flush = rows_per_flush
        self.written = 0
        self._rows: list[dict[str, Any]] = []
        self._flushes = 0

    def add(self, events: list[Event]) -> None:
        self._rows.extend(event_row(e) for e in events)
        if len(self._rows) >= self.rows_per_flush:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=self.schema)
        pq.write_to_dataset(
            table,
            self.path,
            partition_cols=list(PARTITIONS),
            basename_template=f"part-{self._flushes:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        self.written += len(self._rows)
        self._flushes += 1
        self._rows = []

    def close(self) -> None:
        self.flush()
