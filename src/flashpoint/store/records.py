"""What the store gives back: merged events, their mentions, errors, counts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from flashpoint.store.dedup import COUNT_RULE

if TYPE_CHECKING:
    import pandas
    import pyarrow


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


@dataclass(frozen=True, slots=True)
class StoredMention:
    """One report of an event: which article said it, in which sentence, with which spans."""

    mention_id: str
    event_id: str | None
    doc_id: str
    pub_date: date | None
    source: str | None
    url: str | None
    outlet: str | None
    sentence: str
    sentence_index: int | None
    sentence_span: tuple[int, int] | None
    trigger_text: str | None
    trigger_span: tuple[int, int] | None
    date: dt.date | None
    date_precision: str | None
    dead: int | None
    injured: int | None
    arrested: int | None
    record: dict[str, Any]

    def to_dict(self, full: bool = False) -> dict[str, Any]:
        """A compact reference; `full=True` gives the coder's whole event record."""
        if full:
            out = dict(self.record)
            out.update(
                mention_id=self.mention_id,
                event_id=self.event_id,
                source=self.source,
                url=self.url,
                outlet=self.outlet,
            )
            return out
        return {
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "pub_date": _iso(self.pub_date),
            "source": self.source,
            "url": self.url,
            "sentence": self.sentence,
            "sentence_index": self.sentence_index,
            "sentence_span": list(self.sentence_span) if self.sentence_span else None,
            "trigger": {
                "text": self.trigger_text,
                "span": list(self.trigger_span) if self.trigger_span else None,
            },
            "date": _iso(self.date),
            "date_precision": self.date_precision,
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
        }


# The flat columns of an event (CSV, Parquet, pandas, Arrow), in order, with Arrow types.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"),
    ("date", "date"),
    ("date_precision", "string"),
    ("event_type", "string"),
    ("mode", "string"),
    ("quad_code", "int"),
    ("intensity", "float"),
    ("cameo", "string"),
    ("acled_event_type", "string"),
    ("acled_sub_event_type", "string"),
    ("contexts", "list"),
    ("aux", "list"),
    ("actor_name", "string"),
    ("actor_country", "string"),
    ("actor_sector", "string"),
    ("recipient_name", "string"),
    ("recipient_country", "string"),
    ("recipient_sector", "string"),
    ("location_name", "string"),
    ("location_country", "string"),
    ("location_admin1", "string"),
    ("latitude", "float"),
    ("longitude", "float"),
    ("location_precision", "string"),
    ("dead", "int"),
    ("injured", "int"),
    ("arrested", "int"),
    ("count_reports", "json"),
    ("num_mentions", "int"),
    ("num_sources", "int"),
    ("num_articles", "int"),
    ("first_reported", "date"),
    ("last_reported", "date"),
    ("doc_id", "string"),
    ("sentence", "string"),
    ("confidence", "float"),
)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A merged event: one real-world event and the GDELT-style counts of its reports.

    `dead`/`injured`/`arrested` are the best values (`COUNT_RULE`); `count_reports` keeps
    every reported value with its source. `mentions` is None unless asked for."""

    event_id: str
    date: dt.date | None
    date_precision: str | None
    event_type: str
    mode: str | None
    quad_code: int | None
    intensity: float | None
    cameo: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    contexts: tuple[str, ...]
    aux: tuple[str, ...]
    actor_name: str | None
    actor_country: str | None
    actor_sector: str | None
    recipient_name: str | None
    recipient_country: str | None
    recipient_sector: str | None
    location_name: str | None
    location_country: str | None
    location_admin1: str | None
    latitude: float | None
    longitude: float | None
    location_precision: str | None
    dead: int | None
    injured: int | None
    arrested: int | None
    count_reports: dict[str, list[dict[str, Any]]]
    num_mentions: int
    num_sources: int
    num_articles: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    doc_id: str
    sentence: str | None
    confidence: float | None
    mentions: tuple[StoredMention, ...] | None = field(default=None, compare=False)

    def flat(self) -> dict[str, Any]:
        """The flat row of `FLAT_COLUMNS`."""
        return {name: getattr(self, name) for name, _ in FLAT_COLUMNS}

    def to_dict(self, full_mentions: bool = False) -> dict[str, Any]:
        """The JSON record: the event-schema layout plus the merge counts and mentions."""
        out: dict[str, Any] = {
            "id": self.event_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "aux": list(self.aux),
            "quad_code": self.quad_code,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "date": _iso(self.date),
            "date_precision": self.date_precision,
            "actor": self._actor("actor"),
            "recipient": self._actor("recipient"),
            "location": self._location(),
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
            "counts": {"rule": COUNT_RULE, "reports": self.count_reports},
            "num_mentions": self.num_mentions,
            "num_sources": self.num_sources,
            "num_articles": self.num_articles,
            "first_reported": _iso(self.first_reported),
            "last_reported": _iso(self.last_reported),
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "confidence": self.confidence,
        }
        if self.mentions is not None:
            out["mentions"] = [m.to_dict(full=full_mentions) for m in self.mentions]
        return out

    def _actor(self, which: str) -> dict[str, Any] | None:
        fields = {k: getattr(self, f"{which}_{k}") for k in ("name", "country", "sector")}
        return fields if any(v is not None for v in fields.values()) else None

    def _location(self) -> dict[str, Any] | None:
        if self.location_name is None and self.location_country is None:
            return None
        return {
            "name": self.location_name,
            "country": self.location_country,
            "admin1": self.location_admin1,
            "lat": self.latitude,
            "lon": self.longitude,
            "precision": self.location_precision,
        }


class EventList(list[StoredEvent]):
    """The events a query returned, in order (date, then id), with table conversions."""

    def to_dicts(self, full_mentions: bool = False) -> list[dict[str, Any]]:
        return [e.to_dict(full_mentions=full_mentions) for e in self]

    def to_arrow(self) -> pyarrow.Table:
        """One row per event, the columns of `FLAT_COLUMNS` (count_reports as JSON text)."""
        import pyarrow as pa

        columns: dict[str, list[Any]] = {name: [] for name, _ in FLAT_COLUMNS}
        for event in self:
            for name, kind in FLAT_COLUMNS:
                value = getattr(event, name)
                if kind == "json":
                    value = json.dumps(value, sort_keys=True) if value else None
                elif kind == "list":
                    value = list(value)
                columns[name].append(value)
        return pa.table(
            {name: pa.array(columns[name], type=_ARROW[kind]()) for name, kind in FLAT_COLUMNS}
        )

    def to_pandas(self) -> pandas.DataFrame:
        """A DataFrame of `to_arrow()`: nullable integers, dates as datetime64."""
        import pandas as pd
        import pyarrow as pa

        ints = {pa.int64(): pd.Int64Dtype()}
        return self.to_arrow().to_pandas(types_mapper=ints.get, date_as_object=False)


def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {
        "string": pa.string,
        "date": pa.date32,
        "int": pa.int64,
        "float": pa.float64,
        "json": pa.string,
        "list": lambda: pa.list_(pa.string()),
    }


class _LazyTypes(dict[str, Any]):
    def __missing__(self, key: str) -> Any:
        self.update(_arrow_types())
        return self[key]


_ARROW = _LazyTypes()


@dataclass(frozen=True, slots=True)
class StoredError:
    """A document that could not be stored, and why."""

    source: str | None
    doc_id: str | None
    code: str
    message: str
    recorded_at: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "doc_id": self.doc_id,
            "code": self.code,
            "message": self.message,
            "recorded_at": str(self.recorded_at),
        }


@dataclass(frozen=True, slots=True)
class StoreStats:
    schema_version: int
    documents: int
    mentions: int
    events: int
    errors: int
    pending_dedup: int


@dataclass(frozen=True, slots=True)
class DedupStats:
    """What a deduplication pass did."""

    queued: int = 0
    reassigned: int = 0
    events_rebuilt: int = 0
    seconds: float = 0.0
