"""Retaliation chains: A's material-conflict event against B, answered by B's against A
within a window, answered again by A, ...

Per pair of actors, the material-conflict events (PLOVER quad class 4 by default: assaults,
coercion, sanctions, mobilisation, protests) between the two are taken in date order and
grouped into *moves*: consecutive events by one side against the other. A move by the other
side within `window_days` of the last event of the move before is a retaliation and extends
the chain (its `lag_days` says how long the answer took; 0 is an exchange on one day, since
event dates are days); a gap longer than the window ends the chain. A chain is
reported when it holds at least `min_moves` moves (2: one act and one answer).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from flashpoint.analysis.dyads import Dyad, Level, pair_keys
from flashpoint.analysis.frame import (
    EventsLike,
    analysable,
    as_day,
    format_date,
    hostility,
    in_period,
    to_frame,
)
from flashpoint.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ChainEvent:
    """An event of a chain, with what a reader needs to tell it."""

    event_id: str
    date: date
    date_precision: str | None
    event_type: str
    mode: str | None
    dead: int | None
    hostility: float
    location: str | None
    latitude: float | None
    longitude: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "mode": self.mode,
            "dead": self.dead,
            "hostility": round(self.hostility, 2),
            "location": self.location,
            "lat": self.latitude,
            "lon": self.longitude,
        }


@dataclass(frozen=True, slots=True)
class Move:
    """One side's consecutive events against the other."""

    actor: str
    recipient: str
    events: tuple[ChainEvent, ...]
    lag_days: int | None  # days since the last event of the move it answers

    @property
    def start(self) -> date:
        return self.events[0].date

    @property
    def end(self) -> date:
        return self.events[-1].date

    def describe(self) -> str:
        acts = ", ".join(
            f"{e.event_type}{'/' + e.mode if e.mode else ''} "
            f"{format_date(e.date, e.date_precision)}"
            for e in self.events
        )
        return f"{self.actor} → {self.recipient}: {acts}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "recipient": self.recipient,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "lag_days": self.lag_days,
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class Chain:
    """A tit-for-tat sequence of moves between two actors."""

    dyad: str
    moves: tuple[Move, ...]

    @property
    def initiator(self) -> str:
        return self.moves[0].actor

    @property
    def start(self) -> date:
        return self.moves[0].start

    @property
    def end(self) -> date:
        return self.moves[-1].end

    @property
    def events(self) -> list[ChainEvent]:
        return [e for m in self.moves for e in m.events]

    @property
    def dead(self) -> int:
        return sum(e.dead or 0 for e in self.events)

    @property
    def hostility(self) -> float:
        return sum(e.hostility for e in self.events)

    def describe(self) -> str:
        """One line per move: `IRN → PAK: ASSAULT/aerial 2024-01-16`."""
        return "\n".join(m.describe() for m in self.moves)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": self.dyad,
            "initiator": self.initiator,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "moves": [m.to_dict() for m in self.moves],
            "n_moves": len(self.moves),
            "n_events": len(self.events),
            "dead": self.dead,
            "hostility": round(self.hostility, 2),
            "sequence": [f"{m.actor} → {m.recipient}" for m in self.moves],
        }


def retaliation_chains(
    events: EventsLike,
    window_days: int = 7,
    level: Level = "country",
    quads: Sequence[int] = (4,),
    dyad: Dyad | str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    min_moves: int = 2,
    include_imprecise: bool = False,
    include_background: bool = False,
) -> list[Chain]:
    """The retaliation chains among `events` (earliest first), optionally of one dyad.

    `window_days`: how long an answer may take; `quads`: which PLOVER quad classes count as
    acts (material conflict by default); `level`: how actors are told apart (see
    `flashpoint.analysis.dyads.actor_keys`); `min_moves`: the shortest chain reported.
    Events dated only to a month or year, and background or aggregate mentions, are left
    out unless included (see `flashpoint.analysis.frame.analysable`)."""
    if window_days < 0:
        raise ConfigError("the chain window must be 0 days or more")
    if min_moves < 1:
        raise ConfigError("min_moves must be 1 or more")
    df = analysable(to_frame(events), include_imprecise, include_background)
    df = _acts(df, quads, as_day(since, "since"), as_day(until, "until"))
    if dyad is not None:
        d = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
        ab, ba = d.directions(df)
        df = df[ab | ba].assign(source=d.a.key, target=d.b.key, dyad=d.key)
        df.loc[ba[ab | ba], ["source", "target"]] = [d.b.key, d.a.key]
    else:
        keys = pair_keys(df, level)
        df = df.loc[keys.index].assign(**{c: keys[c] for c in keys.columns})
    chains: list[Chain] = []
    for key, rows in df.groupby("dyad", sort=True):
        if min_moves > 1 and rows["source"].nunique() < 2:
            continue  # one side only: no answer, no chain
        chains += _chains_of(str(key), rows, window_days, min_moves)
    chains.sort(key=lambda c: (c.start, c.dyad))
    return chains


def _acts(
    df: pd.DataFrame,
    quads: Sequence[int],
    start: pd.Timestamp | None,
    end: pd.Timestamp | None,
) -> pd.DataFrame:
    df = in_period(df, start, end)
    df = df[df["quad_code"].isin(list(quads))]
    return df.assign(hostility=hostility(df)).sort_values(["date", "event_id"])


def _chain_event(row: Any) -> ChainEvent:
    def text(value: Any) -> str | None:
        return None if pd.isna(value) else str(value)

    def number(value: Any) -> float | None:
        return None if pd.isna(value) else float(value)

    return ChainEvent(
        event_id=str(row.event_id),
        date=row.date.date(),
        date_precision=text(row.date_precision),
        event_type=str(row.event_type),
        mode=text(row.mode),
        dead=None if pd.isna(row.dead) else int(row.dead),
        hostility=float(row.hostility),
        location=text(row.location_name) or text(row.location_country),
        latitude=number(row.latitude),
        longitude=number(row.longitude),
    )


def _chains_of(key: str, rows: pd.DataFrame, window: int, min_moves: int) -> list[Chain]:
    """Walk one dyad's acts in date order, cutting them into moves and chains."""
    chains: list[list[list[Any]]] = []  # chain -> moves -> [source, target, events]
    for row in rows.itertuples(index=False):
        ev = _chain_event(row)
        moves = chains[-1] if chains else None
        last = moves[-1] if moves else None
        if last is None or (ev.date - last[2][-1].date).days > window:
            chains.append([[row.source, row.target, [ev]]])
        elif row.source == last[0]:
            last[2].append(ev)
        else:
            chains[-1].append([row.source, row.target, [ev]])
    return [_build(key, c) for c in chains if len(c) >= min_moves]


def _build(key: str, raw: Iterable[list[Any]]) -> Chain:
    moves: list[Move] = []
    for source, target, events in raw:
        lag = (events[0].date - moves[-1].end).days if moves else None
        moves.append(Move(str(source), str(target), tuple(events), lag))
    return Chain(dyad=key, moves=tuple(moves))
