"""Exports of the merged events, in the formats analysts' tools read.

- `plover-jsonl`: one event record per line (docs/event-schema.md layout, plus the merge
  counts), with every mention's full coder record under `mentions`.
- `csv` / `parquet`: one flat row per event (`records.FLAT_COLUMNS`).
- `acled-csv`: ACLED's column names and codes (event_id_cnty, event_date, ..., fatalities),
  for the events that have an ACLED type; code written for ACLED exports reads it as is.
- `icews-csv`: ICEWS coded-event columns ("Event ID", "Event Date", "Source Name", ...).
- `geojson`: a FeatureCollection of Points (longitude, latitude; WGS 84) with the flat event
  fields as properties, for QGIS, web maps and GeoPandas; events without coordinates are left
  out (the count says how many were written).
- `gdelt-csv`: the 61 columns of GDELT 2.0's event table (GLOBALEVENTID, SQLDATE, ...,
  SOURCEURL) with a header row, for code written for GDELT (see `GDELT_COLUMNS`).

CAMEO codes are text and keep their leading zeros ("042"); read them as text (pandas:
`dtype={"EventCode": str}`).

Country names, ISO numeric codes and ACLED regions come from data/store/countries.tsv.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from flashpoint.errors import ConfigError, StoreError
from flashpoint.ontology import load_ontology
from flashpoint.store.query import EventFilter
from flashpoint.store.records import FLAT_COLUMNS, EventList, StoredEvent
from flashpoint.store.rows import outlet_of

if TYPE_CHECKING:
    from flashpoint.store.base import SQLStore

FORMATS = ("plover-jsonl", "csv", "parquet", "acled-csv", "icews-csv", "geojson", "gdelt-csv")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    numeric: int | None
    name: str
    region: str


@cache
def countries() -> dict[str, Country]:
    """ISO3 -> Country, from the shipped table."""
    text = resources.files("flashpoint.data").joinpath("store/countries.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {
        iso3: Country(iso3, int(num) if num else None, name, region)
        for iso3, num, name, region in rows[1:]
    }


def country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    c = countries().get(iso3.upper())
    return c.name if c else iso3


# --- writing files -----------------------------------------------------------------------


@contextmanager
def _text_out(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text file written atomically (or stdout for '-')."""
    if str(path) == "-":
        yield sys.stdout
        return
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}; check the path") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _csv(path: str | os.PathLike[str], header: list[str], rows: Iterator[list[Any]]) -> None:
    with _text_out(path) as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])


def _flat_value(value: Any, kind: str) -> Any:
    if kind == "list":
        return ";".join(value)
    if kind == "json":
        return json.dumps(value, sort_keys=True) if value else ""
    if kind == "date":
        return value.isoformat() if value else ""
    return value


def write_plover_jsonl(events: EventList, path: str | os.PathLike[str]) -> None:
    with _text_out(path) as f:
        for event in events:
            f.write(json.dumps(event.to_dict(full_mentions=True), ensure_ascii=False) + "\n")


def write_csv(events: EventList, path: str | os.PathLike[str]) -> None:
    header = [name for name, _ in FLAT_COLUMNS]
    rows = ([_flat_value(getattr(e, n), k) for n, k in FLAT_COLUMNS] for e in events)
    _csv(path, header, rows)


def write_parquet(events: EventList, path: str | os.PathLike[str]) -> None:
    import pyarrow.parquet as pq

    if str(path) == "-":
        raise ConfigError("parquet is a binary format; give a file name with -o")
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        pq.write_table(events.to_arrow(), tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}; check the path") from exc
    finally:
        tmp.unlink(missing_ok=True)


# --- ACLED -----------------------------------------------------------------------------------

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
_GEO_PRECISION = {"city": 1, "admin2": 2}
_STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_STATE_NAMES = {
    "MIL": "Military Forces of {}",
    "COP": "Police Forces of {}",
    "GOV": "Government of {}",
    "JUD": "Government of {}",
    "LEG": "Government of {}",
    "SPY": "Military Forces of {}",
}


def _inter(
    sector: str | None, country: str | None, where: str | None, event: StoredEvent, actor: bool
) -> int:
    """ACLED's actor type code (1 state forces ... 8 external/other forces; 0 none)."""
    if sector in _STATE:
        return 8 if country and where and country != where else 1
    by_type = load_ontology().acled_actor_inter(event.event_type, event.mode) if actor else None
    if by_type is not None:  # protesters (6) and rioters (5): plover.json `acled.actor_inter`
        return by_type
    table = {"REB": 2, "PTY": 3, "OPP": 3, "CVL": 7, "MED": 7, "REL": 4, "ETH": 4}
    if sector in table:
        return table[sector]
    if country in {"IGO", "UNO", "NGO", "EUR", "MNC"}:
        return 8
    return 7 if sector else (0 if not country else 3)


def _acled_actor(name: str | None, country: str | None, sector: str | None, inter: int) -> str:
    cname = country_name(country)
    if sector in _STATE_NAMES and cname:
        return _STATE_NAMES[sector].format(cname)
    if inter == 6:
        return f"Protesters ({cname})" if cname else "Protesters"
    if inter == 5:
        return f"Rioters ({cname})" if cname else "Rioters"
    if inter == 7 and sector == "CVL":
        return f"Civilians ({cname})" if cname else "Civilians"
    return name or cname


def _disorder(event: StoredEvent) -> str:
    if event.acled_event_type in ("Protests",):
        return "Demonstrations"
    if event.acled_event_type == "Riots":
        sub = event.acled_sub_event_type or ""
        return "Demonstrations" if sub.startswith("Violent demonstration") else "Political violence"
    if event.acled_event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _sources(event: StoredEvent) -> str:
    """The outlets that reported the event (the URL's domain when no outlet is known); an
    input file's name or line is not a source."""
    names = {m.outlet or outlet_of(m.url) for m in event.mentions or ()}
    return "; ".join(sorted(n for n in names if n))


def acled_row(e: StoredEvent) -> list[Any]:
    where = e.location_country
    i1 = _inter(e.actor_sector, e.actor_country, where, e, True)
    i2 = (
        _inter(e.recipient_sector, e.recipient_country, where, e, False)
        if (e.recipient_country or e.recipient_name or e.recipient_sector)
        else 0
    )
    lo, hi = sorted((i1, i2)) if i2 else (i1, 0)
    place = countries().get(where or "")
    stamp = datetime.combine(e.last_reported, datetime.min.time(), UTC) if e.last_reported else None
    return [
        e.event_id,
        e.date.isoformat() if e.date else "",
        e.date.year if e.date else "",
        _TIME_PRECISION.get(e.date_precision or "", 3),
        _disorder(e),
        e.acled_event_type,
        e.acled_sub_event_type,
        _acled_actor(e.actor_name, e.actor_country, e.actor_sector, i1),
        "",
        i1,
        _acled_actor(e.recipient_name, e.recipient_country, e.recipient_sector, i2) if i2 else "",
        "",
        i2 or "",
        int(f"{lo}{hi}") if lo else "",
        "Civilian targeting" if e.recipient_sector == "CVL" and e.quad_code == 4 else "",
        place.numeric if place else "",
        place.region if place else "",
        country_name(where),
        e.location_admin1,
        e.location_name if e.location_precision == "admin2" else "",
        "",
        e.location_name or country_name(where),
        e.latitude,
        e.longitude,
        _GEO_PRECISION.get(e.location_precision or "", 3),
        _sources(e),
        "",
        e.sentence,
        e.dead or 0,
        "",
        int(stamp.timestamp()) if stamp else "",
    ]


def write_acled_csv(events: EventList, path: str | os.PathLike[str]) -> None:
    rows = (acled_row(e) for e in events if e.acled_event_type)
    _csv(path, ACLED_COLUMNS, rows)


# --- ICEWS -----------------------------------------------------------------------------------

ICEWS_COLUMNS = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
]
_SECTORS = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judicial",
    "LEG": "Legislative / Parliamentary",
    "REB": "Rebel",
    "CVL": "Civilian",
    "PTY": "Parties",
    "OPP": "Opposition",
    "MED": "Media",
    "BUS": "Business",
    "REL": "Religious",
    "EDU": "Education",
    "LAB": "Labor",
    "HLH": "Health",
    "SPY": "Intelligence",
    "CRM": "Criminal",
    "NGO": "Non-Governmental Organizations",
    "IGO": "International",
}


def _icews_name(name: str | None, country: str | None) -> str:
    return name or country_name(country)


def icews_row(e: StoredEvent) -> list[Any]:
    rep = next((m for m in e.mentions or () if m.doc_id == e.doc_id), None)
    text = e.event_type.title() + (f" ({e.mode})" if e.mode else "")
    precision = e.location_precision
    return [
        e.event_id,
        e.date.isoformat() if e.date else "",
        _icews_name(e.actor_name, e.actor_country),
        _SECTORS.get(e.actor_sector or "", ""),
        country_name(e.actor_country),
        text,
        e.cameo,
        e.intensity,
        _icews_name(e.recipient_name, e.recipient_country),
        _SECTORS.get(e.recipient_sector or "", ""),
        country_name(e.recipient_country),
        e.doc_id,
        rep.sentence_index if rep else "",
        (rep.outlet or "") if rep else "",
        e.location_name if precision == "city" else "",
        e.location_name if precision == "admin2" else "",
        e.location_admin1 or "",
        country_name(e.location_country),
        e.latitude,
        e.longitude,
    ]


def write_icews_csv(events: EventList, path: str | os.PathLike[str]) -> None:
    _csv(path, ICEWS_COLUMNS, (icews_row(e) for e in events))


# --- GeoJSON -------------------------------------------------------------------------------


def _property(value: Any, kind: str) -> Any:
    if kind == "date":
        return value.isoformat() if value else None
    if kind == "list":
        return list(value)
    if kind == "json":
        return value or None
    return value


def geojson_feature(e: StoredEvent) -> dict[str, Any]:
    """One located event as a GeoJSON Point feature with the flat fields as properties."""
    props = {n: _property(getattr(e, n), k) for n, k in FLAT_COLUMNS}
    return {
        "type": "Feature",
        "id": e.event_id,
        "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
        "properties": props,
    }


def _located(e: StoredEvent) -> bool:
    return e.latitude is not None and e.longitude is not None


def geojson_chunks(events: Iterable[StoredEvent]) -> Iterator[str]:
    """A FeatureCollection of the located events, one feature a line, piece by piece."""
    yield '{"type": "FeatureCollection", "features": ['
    for i, event in enumerate(e for e in events if _located(e)):
        yield ",\n" if i else "\n"
        yield json.dumps(geojson_feature(event), ensure_ascii=False)
    yield "\n]}\n"


def write_geojson(events: EventList, path: str | os.PathLike[str]) -> None:
    """A FeatureCollection of the located events, written one feature a line."""
    with _text_out(path) as f:
        for chunk in geojson_chunks(events):
            f.write(chunk)


def csv_chunks(events: Iterable[StoredEvent]) -> Iterator[str]:
    """The flat CSV (the `csv` export's header and rows), one line at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _ in FLAT_COLUMNS])
    for e in events:
        values = [_flat_value(getattr(e, n), k) for n, k in FLAT_COLUMNS]
        writer.writerow(["" if v is None else v for v in values])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(events: Iterable[StoredEvent]) -> Iterator[str]:
    """One event record (without its mentions) a line."""
    for e in events:
        yield json.dumps(e.to_dict(), ensure_ascii=False) + "\n"


# the formats a stream (the API's /api/export) can be written in, with their media types
STREAMS = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}  # noqa: E501


def stream_events(events: Iterable[StoredEvent], format: str) -> Iterator[str]:
    """The events in one of `STREAMS`' formats, as text chunks written as they are made."""
    chunks = {"csv": csv_chunks, "geojson": geojson_chunks, "jsonl": jsonl_chunks}
    if format not in chunks:
        raise ConfigError(f"unknown stream format {format!r}; use one of {', '.join(STREAMS)}")
    return chunks[format](events)


# --- GDELT -----------------------------------------------------------------------------------

_GDELT_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _GDELT_ACTOR),
    *(f"Actor2{c}" for c in _GDELT_ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GDELT_GEO),
    *(f"Actor2Geo_{c}" for c in _GDELT_GEO),
    *(f"ActionGeo_{c}" for c in _GDELT_GEO),
    "DATEADDED",
    "SOURCEURL",
]
"""GDELT 2.0's event table, in order. Filled from the merged event: the actors' CAMEO-style
codes (country + sector, e.g. IRNMIL), names and ISO3 countries; EventCode the CAMEO code
(with its leading zero); QuadClass the PLOVER quad class (the same four classes);
GoldsteinScale the PLOVER intensity (-10 to 10, hostile below zero); the place as ActionGeo
(Type 1 country, 4 city, 5 admin1; 2 and 3 for US states and cities; country codes ISO3);
DATEADDED the first report's day; SOURCEURL the first report's URL. Actor places, known
groups, ethnicity, religion and tone are not coded and are empty."""
_GDELT_GEO_TYPE = {"country": 1, "admin1": 5, "admin2": 4, "city": 4}


def gdelt_event_id(event_id: str) -> int:
    """A stable integer id (GDELT's ids are numbers) from the event id's hash."""
    digits = "".join(c for c in event_id.removeprefix("ev_") if c in "0123456789abcdef")
    return int(digits[:15] or "0", 16)


def _gdelt_actor(name: str | None, country: str | None, sector: str | None) -> list[Any]:
    if not (name or country or sector):
        return [""] * len(_GDELT_ACTOR)
    code = f"{country or ''}{sector or ''}"
    label = (name or country_name(country) or "").upper()
    return [code, label, country or "", "", "", "", "", sector or "", "", ""]


def _gdelt_geo(e: StoredEvent) -> list[Any]:
    if not (e.location_country or e.latitude is not None):
        return [0, "", "", "", "", "", "", ""]
    kind = _GDELT_GEO_TYPE.get(e.location_precision or "", 1 if not e.location_name else 4)
    if e.location_country == "USA" and kind in (4, 5):
        kind = 3 if kind == 4 else 2
    parts = [e.location_name, e.location_admin1, country_name(e.location_country)]
    full = ", ".join(dict.fromkeys(p for p in parts if p))
    return [kind, full, e.location_country or "", "", "", e.latitude, e.longitude, ""]


def _fraction(d: Any) -> float:
    days = 366 if calendar.isleap(d.year) else 365
    return round(d.year + (d.timetuple().tm_yday - 1) / days, 4)


def gdelt_row(e: StoredEvent) -> list[Any]:
    first = min(
        e.mentions or (), key=lambda m: (m.pub_date or e.date or date.max, m.doc_id), default=None
    )
    cameo = e.cameo or ""
    added = e.first_reported or e.date
    return [
        gdelt_event_id(e.event_id),
        e.date.strftime("%Y%m%d") if e.date else "",
        e.date.strftime("%Y%m") if e.date else "",
        e.date.year if e.date else "",
        _fraction(e.date) if e.date else "",
        *_gdelt_actor(e.actor_name, e.actor_country, e.actor_sector),
        *_gdelt_actor(e.recipient_name, e.recipient_country, e.recipient_sector),
        int(any(m.sentence_index == 0 for m in e.mentions or ())),
        cameo,
        cameo[:3],
        cameo[:2],
        e.quad_code or "",
        e.intensity,
        e.num_mentions,
        e.num_sources,
        e.num_articles,
        "",
        *[""] * len(_GDELT_GEO),
        *[""] * len(_GDELT_GEO),
        *_gdelt_geo(e),
        added.strftime("%Y%m%d000000") if added else "",
        (first.url or "") if first else "",
    ]


def write_gdelt_csv(events: EventList, path: str | os.PathLike[str]) -> None:
    _csv(path, GDELT_COLUMNS, (gdelt_row(e) for e in events))


_WRITERS: dict[str, tuple[Callable[[EventList, str | os.PathLike[str]], None], bool]] = {
    "plover-jsonl": (write_plover_jsonl, True),
    "csv": (write_csv, False),
    "parquet": (write_parquet, False),
    "acled-csv": (write_acled_csv, True),
    "icews-csv": (write_icews_csv, True),
    "geojson": (write_geojson, False),
    "gdelt-csv": (write_gdelt_csv, True),
}


def export(
    store: SQLStore,
    path: str | os.PathLike[str],
    format: str,
    filter: EventFilter | None = None,
) -> int:
    """Write the events matching `filter` to `path` ('-': stdout) in `format`; returns how
    many events were written."""
    if format not in _WRITERS:
        raise ConfigError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    writer, needs_mentions = _WRITERS[format]
    events = store.events(filter or EventFilter(), mentions=needs_mentions)
    if format == "acled-csv":
        events = EventList(e for e in events if e.acled_event_type)
    if format == "geojson":
        events = EventList(e for e in events if _located(e))
    writer(events, path)
    return len(events)
