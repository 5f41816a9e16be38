"""Events as one pandas DataFrame: the input of every analysis function.

The analysis works on the flat columns of the store (`flashpoint.store.records.FLAT_COLUMNS`),
so it takes what the store returns (`store.events(...)`, its `to_pandas()`), the coder's
`Event`s, event-record dicts (nested, as in docs/event-schema.md, or flat), or a DataFrame,
and turns them into one frame with the same columns and types.
"""

from __future__ import annotations

import csv
import functools
import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeAlias

import pandas as pd

from flashpoint.datelabel import date_label
from flashpoint.errors import ConfigError
from flashpoint.ontology import load_ontology

if TYPE_CHECKING:
    from flashpoint.store.base import SQLStore

# The columns the analysis reads, with their pandas dtypes.
COLUMNS: dict[str, str] = {
    "event_id": "string",
    "date": "datetime64[ns]",
    "date_precision": "string",
    "aux": "string",
    "event_type": "string",
    "mode": "string",
    "quad_code": "Int64",
    "intensity": "float64",
    "actor_name": "string",
    "actor_country": "string",
    "actor_sector": "string",
    "recipient_name": "string",
    "recipient_country": "string",
    "recipient_sector": "string",
    "location_name": "string",
    "location_country": "string",
    "location_admin1": "string",
    "latitude": "float64",
    "longitude": "float64",
    "location_precision": "string",
    "dead": "Int64",
    "injured": "Int64",
    "num_mentions": "Int64",
    "num_articles": "Int64",
    "sentence": "string",
}

# quad class -> its column name (verbal_coop ... material_conflict): data, plover.json `quads`
QUAD_NAMES: dict[int, str] = load_ontology().quad_names()

# Dates too coarse to place an event on a day, week-by-week signal or chain: left out of the
# analysis unless asked for (`include_imprecise=True`).
IMPRECISE_PRECISIONS = frozenset({"month", "year"})
# Auxiliary flags of mentions that are not a new event: running totals ("more than 500,000
# killed since 2011"), background history and past events. Left out unless asked for
# (`include_background=True`).
BACKGROUND_AUX = frozenset({"aggregate", "background", "historical"})
# The default view of a store: this many days, ending at the 99th percentile of its dates.
RECENT_DAYS = 90

EventsLike: TypeAlias = pd.DataFrame | Iterable[Any]


def _nested(record: Mapping[str, Any]) -> dict[str, Any]:
    """A flat row from an event record in the nested layout of docs/event-schema.md."""
    row = {k: record.get(k) for k in COLUMNS if k in record}
    row["event_id"] = record.get("event_id", record.get("id"))
    for side in ("actor", "recipient"):
        party = record.get(side) or {}
        for key in ("name", "country", "sector"):
            row[f"{side}_{key}"] = party.get(key)
    loc = record.get("location") or {}
    row.update(
        location_name=loc.get("name"),
        location_country=loc.get("country"),
        location_admin1=loc.get("admin1"),
        latitude=loc.get("lat"),
        longitude=loc.get("lon"),
        location_precision=loc.get("precision"),
    )
    return row


def _row(item: Any) -> dict[str, Any]:
    if hasattr(item, "flat"):  # a StoredEvent
        return dict(item.flat())
    if hasattr(item, "to_dict"):  # the coder's Event
        return _nested(item.to_dict())
    if isinstance(item, Mapping):
        return _nested(item) if ("actor" in item or "id" in item) else dict(item)
    raise ConfigError(
        f"cannot analyse a {type(item).__name__}; give store events, coder Events, "
        "event-record dicts or a DataFrame"
    )


def to_frame(events: EventsLike) -> pd.DataFrame:
    """The events as a DataFrame with the columns of `COLUMNS` (missing ones are null);
    dates are day-resolution datetimes, `quad_code` 0 and `intensity` 0.0 when unknown."""
    if isinstance(events, pd.DataFrame):
        df = events.copy()
    else:
        df = pd.DataFrame([_row(e) for e in events], columns=list(COLUMNS))
    for name, dtype in COLUMNS.items():
        if name not in df.columns:
            df[name] = pd.Series([None] * len(df), index=df.index, dtype="object")
        if name == "date":
            df[name] = pd.to_datetime(df[name], errors="coerce").dt.normalize()
            df[name] = df[name].astype("datetime64[ns]")
        elif name == "aux":
            df[name] = df[name].map(_aux_text).astype(dtype)
        else:
            df[name] = df[name].astype(dtype)
    df["quad_code"] = df["quad_code"].fillna(0)
    df["intensity"] = df["intensity"].fillna(0.0)
    for side in ("actor", "recipient", "location"):
        col = f"{side}_country"
        df[col] = df[col].str.upper()
    return df.reset_index(drop=True)


def _aux_text(value: Any) -> str:
    """Auxiliary flags as one ';'-joined text (from a list, an array, CSV text or null)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):
        return value
    return ";".join(str(v) for v in value)


def precise_mask(df: pd.DataFrame) -> pd.Series:
    """Which rows are dated to a day or a week (not a month, a year or nothing finer)."""
    coarse = df["date_precision"].isin(list(IMPRECISE_PRECISIONS)).fillna(False)
    return ~coarse.astype(bool)


def background_mask(df: pd.DataFrame) -> pd.Series:
    """Which rows carry an aux flag of `BACKGROUND_AUX` (running totals, history)."""
    flags = df["aux"].fillna("").str.split(";")
    return flags.map(lambda f: not BACKGROUND_AUX.isdisjoint(f)).astype(bool)


def analysable(
    df: pd.DataFrame, include_imprecise: bool = False, include_background: bool = False
) -> pd.DataFrame:
    """The rows of a `to_frame` frame that the analysis counts: by default, neither dated
    only to a month or year nor background or aggregate mentions."""
    keep = pd.Series(True, index=df.index)
    if not include_imprecise:
        keep &= precise_mask(df)
    if not include_background:
        keep &= ~background_mask(df)
    return df[keep]


def format_date(value: date | pd.Timestamp | None, precision: str | None = None) -> str:
    """A date as precise as it is known: 2024-01-16, week of 2024-01-15, Jan 2024, 1956."""
    if value is None or pd.isna(value):
        return "undated"
    return date_label(pd.Timestamp(value).date(), precision)


def recent_window(
    dates: Iterable[date | pd.Timestamp], days: int = RECENT_DAYS
) -> tuple[date, date] | None:
    """The default period of a set of dates: the `days` days up to the last of them, where
    dates more than `days` after the 99th percentile are strays (a misdated event does not
    empty the view); None when there are none."""
    ordered = sorted(pd.Timestamp(d).date() for d in dates if d is not None and not pd.isna(d))
    if not ordered:
        return None
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    until = max(d for d in ordered if d <= p99 + timedelta(days=days))
    return max(ordered[0], until - timedelta(days=days - 1)), until


def hostility(df: pd.DataFrame) -> pd.Series:
    """How hostile each event is: minus its PLOVER intensity for conflict, else 0."""
    return (-df["intensity"]).clip(lower=0.0)


def cooperation(df: pd.DataFrame) -> pd.Series:
    """How cooperative each event is: its PLOVER intensity when positive, else 0."""
    return df["intensity"].clip(lower=0.0)


def as_day(value: date | str | pd.Timestamp | None, name: str) -> pd.Timestamp | None:
    """A date option (ISO text, date or Timestamp) as a day Timestamp; None stays None."""
    if value is None or value == "":
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ConfigError(f"{name} {value!r} is not a date; write it as YYYY-MM-DD") from None
    if pd.isna(ts):
        raise ConfigError(f"{name} {value!r} is not a date; write it as YYYY-MM-DD")
    return ts.normalize()


def in_period(
    df: pd.DataFrame, since: pd.Timestamp | None, until: pd.Timestamp | None
) -> pd.DataFrame:
    """The dated events of `df` on or after `since` and on or before `until`."""
    keep = df["date"].notna()
    if since is not None:
        keep &= df["date"] >= since
    if until is not None:
        keep &= df["date"] <= until
    return df[keep]


def load_events(
    store: SQLStore,
    since: date | str | None = None,
    until: date | str | None = None,
    history_days: int = 0,
    **filters: Any,
) -> pd.DataFrame:
    """The store's events from `history_days` before `since` up to `until`, as a frame
    (the history feeds the escalation baseline). Extra keyword filters go to the store."""
    start = as_day(since, "--since")
    end = as_day(until, "--until")
    if start is not None and end is not None and start > end:
        raise ConfigError(f"--since {start.date()} is after --until {end.date()}")
    first = (start - timedelta(days=history_days)).date() if start is not None else None
    events = store.events(since=first, until=end.date() if end is not None else None, **filters)
    return to_frame(events.to_pandas())


@functools.cache
def _country_names() -> dict[str, str]:
    path = resources.files("flashpoint.data").joinpath("store/countries.tsv")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln]
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    return {r["iso3"]: r["name"] for r in rows}


def country_name(code: str | None) -> str | None:
    """The short English name of an ISO3 code (None if unknown)."""
    return _country_names().get(code.upper()) if code else None
