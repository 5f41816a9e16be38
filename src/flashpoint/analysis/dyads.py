"""Dyads: pairs of actors, and their event counts and intensity over time.

An actor is written as a country code (`IRN`), a country and a sector (`PAK:MIL`), a name
(`Houthis`: a case-insensitive part of the actor's name) or a country and a name
(`PAK:Baluch Liberation Army`). A dyad is two of them: `IRN-PAK` (or `A~B` when a name holds
a hyphen). A dyad is undirected unless asked otherwise: IRN-PAK counts Iran's events against
Pakistan and Pakistan's against Iran, each also counted by direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd

from flashpoint.analysis.frame import (
    QUAD_NAMES,
    EventsLike,
    analysable,
    as_day,
    cooperation,
    country_name,
    hostility,
    in_period,
    to_frame,
)
from flashpoint.errors import ConfigError

Level = Literal["country", "sector", "group"]
Freq = Literal["day", "week"]
LEVELS: tuple[str, ...] = ("country", "sector", "group")
FREQS: tuple[str, ...] = ("day", "week")
# Sectors whose named actors are told apart at the "group" level (non-state armed and
# criminal groups, parties and the opposition); states stay one actor per country.
GROUP_SECTORS = frozenset({"REB", "CRM", "PTY", "OPP"})

_CODE = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, slots=True)
class ActorSpec:
    """One side of a dyad: a country, optionally narrowed to a sector or a named group."""

    country: str | None = None
    sector: str | None = None
    name: str | None = None

    @classmethod
    def parse(cls, text: str) -> ActorSpec:
        """`IRN`, `PAK:MIL`, `Houthis` or `PAK:Baluch Liberation Army`."""
        text = text.strip()
        if not text:
            raise ConfigError("an actor is empty; write a country code (IRN), PAK:MIL or a name")
        head, sep, tail = text.partition(":")
        head, tail = head.strip(), tail.strip()
        if not sep:
            return cls(country=head.upper()) if _CODE.match(head) else cls(name=head)
        if not _CODE.match(head) or not tail:
            raise ConfigError(
                f"actor {text!r}: write COUNTRY:SECTOR (PAK:MIL) or COUNTRY:NAME "
                "(PAK:Baluch Liberation Army), with a 3-letter country code"
            )
        if _CODE.match(tail) and tail.isupper():
            return cls(country=head.upper(), sector=tail)
        return cls(country=head.upper(), name=tail)

    @property
    def key(self) -> str:
        """The text that parses back into this spec."""
        if self.country and (self.sector or self.name):
            return f"{self.country}:{self.sector or self.name}"
        return self.country or self.name or ""

    @property
    def label(self) -> str:
        """A readable name: Iran, Pakistan (MIL), Houthis."""
        base = self.name or country_name(self.country) or self.country or "?"
        return f"{base} ({self.sector})" if self.sector else base

    def mask(self, df: pd.DataFrame, side: str) -> pd.Series:
        """Which rows have this actor on `side` ('actor' or 'recipient')."""
        keep = pd.Series(True, index=df.index)
        if self.country:
            keep &= df[f"{side}_country"].fillna("") == self.country
        if self.sector:
            keep &= df[f"{side}_sector"].fillna("") == self.sector
        if self.name:
            names = df[f"{side}_name"].fillna("").str.lower()
            keep &= names.str.contains(self.name.lower(), regex=False)
        return keep


@dataclass(frozen=True, slots=True)
class Dyad:
    """A pair of actors; `a` and `b` in the order given."""

    a: ActorSpec
    b: ActorSpec

    @classmethod
    def parse(cls, text: str) -> Dyad:
        """`IRN-PAK`, `PAK:MIL-IRN`, or `A~B` / `A,B` when a name holds a hyphen."""
        for sep in ("~", ","):
            if sep in text:
                parts = text.split(sep)
                break
        else:
            parts = text.split("-")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise ConfigError(
                f"dyad {text!r}: write two actors as A-B (e.g. IRN-PAK, PAK:MIL-IRN), "
                "or A~B when a name holds a hyphen"
            )
        a, b = ActorSpec.parse(parts[0]), ActorSpec.parse(parts[1])
        if a == b:
            raise ConfigError(f"dyad {text!r} names the same actor twice; give two actors")
        return cls(a, b)

    @property
    def key(self) -> str:
        sep = "~" if "-" in self.a.key + self.b.key else "-"
        return f"{self.a.key}{sep}{self.b.key}"

    @property
    def label(self) -> str:
        return f"{self.a.label} – {self.b.label}"

    def directions(self, df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
        """(rows a → b, rows b → a)."""
        ab = self.a.mask(df, "actor") & self.b.mask(df, "recipient")
        ba = self.b.mask(df, "actor") & self.a.mask(df, "recipient")
        return ab, ba

    def select(self, events: EventsLike, directed: bool = False) -> pd.DataFrame:
        """The dyad's events (a → b only when `directed`), with a `direction` column:
        'ab' or 'ba'."""
        df = to_frame(events)
        ab, ba = self.directions(df)
        keep = ab if directed else (ab | ba)
        out = df[keep].copy()
        out["direction"] = ab[keep].map({True: "ab", False: "ba"}).astype("string")
        return out


def actor_keys(df: pd.DataFrame, level: Level = "country") -> tuple[pd.Series, pd.Series]:
    """The actor and recipient of each row as `ActorSpec` keys at `level`:
    country (IRN), sector (IRN:MIL) or group (named non-state groups apart, e.g.
    PAK:Baluch Liberation Army; states by country). Null where the country is unknown."""
    if level not in LEVELS:
        raise ConfigError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    return _keys(df, "actor", level), _keys(df, "recipient", level)


def _keys(df: pd.DataFrame, side: str, level: str) -> pd.Series:
    country = df[f"{side}_country"]
    sector = df[f"{side}_sector"]
    name = df[f"{side}_name"].str.replace(r"[~,:]", " ", regex=True).str.strip()
    keys = country.copy()
    if level == "sector":
        keys = keys.where(sector.isna(), country + ":" + sector)
    elif level == "group":
        named = sector.isin(GROUP_SECTORS).fillna(False) & name.notna() & (name != "")
        keys = keys.where(~named, country.fillna("") + ":" + name)
        keys = keys.str.lstrip(":")
    return keys.where(keys != "", pd.NA).astype("string")


def pair_keys(df: pd.DataFrame, level: Level = "country") -> pd.DataFrame:
    """Per row: `source`, `target` (actor keys) and `dyad` (the two keys sorted, joined
    as a `Dyad.parse`-able key). Rows without both keys, or with one actor on both sides,
    are dropped."""
    source, target = actor_keys(df, level)
    keep = source.notna() & target.notna() & (source != target)
    s, t = source[keep], target[keep]
    lo = s.where(s < t, t)
    hi = t.where(s < t, s)
    sep = (lo + hi).str.contains("-", regex=False).map({True: "~", False: "-"})
    return pd.DataFrame({"source": s, "target": t, "dyad": lo + sep + hi}, index=s.index)


def dyad_counts(
    events: EventsLike,
    dyad: Dyad | str,
    freq: Freq = "day",
    since: date | str | None = None,
    until: date | str | None = None,
    include_imprecise: bool = False,
    include_background: bool = False,
) -> pd.DataFrame:
    """Event counts and intensity of a dyad per day or week (weeks start on Monday; the
    index is the first day of each period; periods without events are zeros).

    Columns: events; verbal_coop, material_coop, verbal_conflict, material_conflict (counts
    by PLOVER quad class); intensity (summed PLOVER intensity: negative is hostile),
    hostility (summed -intensity of conflict events), cooperation (summed intensity of
    cooperative ones); dead; ab and ba (events a → b and b → a) and hostility_ab,
    hostility_ba (the hostility of each direction). Imprecise and background events are left
    out unless included (see `flashpoint.analysis.frame.analysable`)."""
    if freq not in FREQS:
        raise ConfigError(f"freq {freq!r} is not one of {', '.join(FREQS)}")
    d = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    start, end = as_day(since, "since"), as_day(until, "until")
    df = analysable(to_frame(events), include_imprecise, include_background)
    df = in_period(d.select(df), start, end)
    cols = _count_columns(df)
    index = _periods(df["date"], start, end, freq)
    period = cols.pop("date")
    if freq == "week":
        period = period - pd.to_timedelta(period.dt.day_of_week, unit="D")
    out = cols.groupby(period).sum().reindex(index, fill_value=0)
    out.index.name = "date"
    return out


def _count_columns(df: pd.DataFrame) -> pd.DataFrame:
    quad = df["quad_code"].astype("int64")
    cols = pd.DataFrame({"date": df["date"], "events": 1}, index=df.index)
    for code, name in QUAD_NAMES.items():
        cols[name] = (quad == code).astype("int64")
    cols["intensity"] = df["intensity"]
    cols["hostility"] = hostility(df)
    cols["cooperation"] = cooperation(df)
    cols["dead"] = df["dead"].fillna(0).astype("int64")
    cols["ab"] = (df["direction"] == "ab").astype("int64")
    cols["ba"] = (df["direction"] == "ba").astype("int64")
    cols["hostility_ab"] = cols["hostility"] * cols["ab"]
    cols["hostility_ba"] = cols["hostility"] * cols["ba"]
    return cols


def _periods(
    dates: pd.Series, start: pd.Timestamp | None, end: pd.Timestamp | None, freq: str
) -> pd.DatetimeIndex:
    lo = start if start is not None else dates.min()
    hi = end if end is not None else dates.max()
    if pd.isna(lo) or pd.isna(hi):
        return pd.DatetimeIndex([], name="date")
    if freq == "week":
        lo = lo - pd.Timedelta(days=lo.weekday())
        return pd.date_range(lo, hi, freq="W-MON", name="date")
    return pd.date_range(lo, hi, freq="D", name="date")
