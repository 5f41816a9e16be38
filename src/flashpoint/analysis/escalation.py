"""The escalation signal of a dyad, and the most escalating dyads of a period.

Method (`METHOD` says it in one line):

1. Daily hostility h(t): the summed hostility (minus the PLOVER intensity of each conflict
   event, e.g. 9.5 for an air strike, 3 for an accusation) of the dyad's events on day t,
   both directions together. Cooperation is tracked beside it and does not offset it.
2. Recent level r(t): h summed over the last `window` days (default 7).
3. Baseline: the mean b(t) and standard deviation s(t) of r over the `baseline` days (default
   28) that end where the recent window starts: the dyad's own normal.
4. Score z(t) = (r(t) - b(t)) / max(s(t), `min_scale`). `min_scale` (default 6, about one
   sanction-level event) keeps a dyad with no history from scoring infinity on one event.
   A dyad is *escalating* in a period when z reaches `threshold` (default 2) in it: for a
   quiet dyad, 12 points of hostility in a week (an air strike and a protest note; one strike
   alone, 9.5, is not enough).
5. Change-point: a one-sided CUSUM, S(t) = max(0, S(t-1) + h(t) - b(t)/window - `allowance`),
   accumulates hostility above the baseline's daily mean; the *breakout* is the first day of
   the CUSUM run in which z first reaches the threshold (the day the new level began), the
   *alarm* the day it crossed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from flashpoint.analysis.chains import Chain, retaliation_chains
from flashpoint.analysis.dyads import Dyad, Level, pair_keys
from flashpoint.analysis.frame import (
    EventsLike,
    analysable,
    as_day,
    cooperation,
    hostility,
    in_period,
    to_frame,
)
from flashpoint.errors import ConfigError

METHOD = (
    "rolling {window}-day hostility (minus PLOVER intensity of conflict events) against its "
    "own trailing {baseline}-day baseline: z = (recent - mean) / max(sd, {min_scale}); "
    "escalating when z >= {threshold}; breakout = start of the one-sided CUSUM run that "
    "crossed"
)


@dataclass(frozen=True, slots=True)
class EscalationParams:
    """The knobs of the escalation signal (see the module docstring)."""

    window: int = 7
    baseline: int = 28
    threshold: float = 2.0
    min_scale: float = 6.0
    allowance: float = 1.0

    def check(self) -> None:
        if self.window < 1 or self.baseline < 1:
            raise ConfigError("the escalation window and baseline must be 1 day or more")
        if self.min_scale <= 0:
            raise ConfigError("min_scale must be more than 0")

    @property
    def history_days(self) -> int:
        """Days of events before a period that its first day's baseline needs."""
        return self.window + self.baseline

    @property
    def method(self) -> str:
        return METHOD.format(
            window=self.window,
            baseline=self.baseline,
            min_scale=self.min_scale,
            threshold=self.threshold,
        )


def signal_matrix(
    hostile: pd.DataFrame, params: EscalationParams | None = None
) -> dict[str, pd.DataFrame]:
    """The signal of many dyads at once: `hostile` is daily hostility, one column per dyad,
    on a complete DatetimeIndex. Gives recent, baseline, spread, score and cusum frames of
    the same shape."""
    p = params or EscalationParams()
    p.check()
    h = hostile.astype("float64")
    recent = h.rolling(p.window, min_periods=1).sum()
    past = recent.shift(p.window)
    baseline = past.rolling(p.baseline, min_periods=1).mean().fillna(0.0)
    spread = past.rolling(p.baseline, min_periods=1).std(ddof=0).fillna(0.0)
    score = (recent - baseline) / spread.clip(lower=p.min_scale)
    reference = (baseline / p.window + p.allowance).to_numpy()
    cusum = pd.DataFrame(_cusum(h.to_numpy(), reference), index=h.index, columns=h.columns)
    return {
        "recent": recent,
        "baseline": baseline,
        "spread": spread,
        "score": score,
        "cusum": cusum,
    }


def signal(daily: pd.DataFrame, params: EscalationParams | None = None) -> pd.DataFrame:
    """The signal over a daily frame with a `hostility` column (others are kept) on a
    complete DatetimeIndex: adds recent, baseline, spread, score, cusum."""
    parts = signal_matrix(daily[["hostility"]], params)
    out = daily.copy()
    for name, frame in parts.items():
        out[name] = frame["hostility"]
    return out


def _cusum(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """One-sided CUSUM down the rows (days), for every column (dyad) at once."""
    out = np.zeros(values.shape)
    level = np.zeros(values.shape[1:])
    for i in range(values.shape[0]):
        level = np.maximum(0.0, level + values[i] - reference[i])
        out[i] = level
    return out


@dataclass(frozen=True)
class Escalation:
    """The escalation signal of one dyad over a period."""

    dyad: str
    label: str
    series: pd.DataFrame = field(repr=False)
    escalating: bool
    peak_score: float
    peak_date: date | None
    latest_score: float
    breakout: date | None
    alarm: date | None
    hostility: float
    events: int
    method: str

    def to_dict(self, series: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "dyad": self.dyad,
            "label": self.label,
            "escalating": self.escalating,
            "peak_score": round(self.peak_score, 3),
            "peak_date": _iso(self.peak_date),
            "latest_score": round(self.latest_score, 3),
            "breakout": _iso(self.breakout),
            "alarm": _iso(self.alarm),
            "hostility": round(self.hostility, 2),
            "events": self.events,
            "method": self.method,
        }
        if series:
            out["series"] = series_records(self.series)
        return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def series_records(series: pd.DataFrame) -> list[dict[str, Any]]:
    """A daily signal frame as JSON-ready rows."""
    rows = []
    for day, row in series.iterrows():
        rec: dict[str, Any] = {"date": pd.Timestamp(day).date().isoformat()}  # type: ignore[arg-type]
        for col, value in row.items():
            rec[str(col)] = round(float(value), 3)
        rows.append(rec)
    return rows


def daily_frame(df: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Daily hostility, cooperation and event counts of `df`'s rows, zeros on quiet days."""
    cols = pd.DataFrame(
        {"hostility": hostility(df), "cooperation": cooperation(df), "events": 1.0},
        index=df.index,
    )
    days = pd.date_range(start, end, freq="D", name="date")
    return cols.groupby(df["date"]).sum().reindex(days, fill_value=0.0)


def period_bounds(
    df: pd.DataFrame, since: date | str | None, until: date | str | None
) -> tuple[pd.Timestamp, pd.Timestamp]:
    start = as_day(since, "since")
    end = as_day(until, "until")
    dates = df["date"].dropna()
    if start is None:
        start = dates.min() if len(dates) else pd.Timestamp("today").normalize()
    if end is None:
        end = max(dates.max(), start) if len(dates) else start
    if start > end:
        raise ConfigError(f"since {start.date()} is after until {end.date()}")
    return start, end


def assess(
    dyad_key: str,
    label: str,
    rows: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    params: EscalationParams,
) -> Escalation:
    """The escalation of one dyad whose events (with history) are `rows`."""
    first = start - pd.Timedelta(days=params.history_days)
    daily = daily_frame(in_period(rows, first, end), first, end)
    return _verdict(dyad_key, label, signal(daily, params), start, end, params)


def _verdict(
    dyad_key: str,
    label: str,
    full: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    params: EscalationParams,
) -> Escalation:
    """Read the verdict off a dyad's daily signal (with its history)."""
    period = full.loc[start:end]  # type: ignore[misc]
    scores = period["score"]
    peak_at = scores.idxmax() if len(scores) and scores.max() > 0 else None
    crossed = scores[scores >= params.threshold]
    alarm = crossed.index[0] if len(crossed) else None
    return Escalation(
        dyad=dyad_key,
        label=label,
        series=period,
        escalating=alarm is not None,
        peak_score=float(scores.max()) if len(scores) else 0.0,
        peak_date=peak_at.date() if peak_at is not None else None,
        latest_score=float(scores.iloc[-1]) if len(scores) else 0.0,
        breakout=_breakout(full, alarm),
        alarm=alarm.date() if alarm is not None else None,
        hostility=float(period["hostility"].sum()),
        events=int(period["events"].sum()),
        method=params.method,
    )


def _breakout(full: pd.DataFrame, alarm: pd.Timestamp | None) -> date | None:
    """The first day of the CUSUM run that holds the alarm day."""
    if alarm is None:
        return None
    run = full.loc[:alarm, "cusum"]  # type: ignore[misc]
    zeros = run[run <= 0]
    start = zeros.index[-1] + pd.Timedelta(days=1) if len(zeros) else run.index[0]
    return min(start, alarm).date()


def dyad_escalation(
    events: EventsLike,
    dyad: Dyad | str,
    since: date | str | None = None,
    until: date | str | None = None,
    params: EscalationParams | None = None,
    include_imprecise: bool = False,
    include_background: bool = False,
) -> Escalation:
    """The escalation signal of `dyad` over [since, until]. Events before `since` (up to
    `params.history_days`) form the baseline; give them if you have them. Events dated only
    to a month or year, and background or aggregate mentions, are left out unless included
    (see `flashpoint.analysis.frame.analysable`)."""
    p = params or EscalationParams()
    d = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    rows = d.select(analysable(to_frame(events), include_imprecise, include_background))
    start, end = period_bounds(rows, since, until)
    return assess(d.key, d.label, rows, start, end, p)


@dataclass(frozen=True)
class DyadSummary:
    """One row of the escalating-dyads ranking."""

    escalation: Escalation
    events: int
    conflict_events: int
    dead: int
    chains: list[Chain]
    first_date: date | None
    last_date: date | None

    def to_dict(self, series: bool = False) -> dict[str, Any]:
        out = self.escalation.to_dict(series=series)
        out.update(
            events=self.events,
            conflict_events=self.conflict_events,
            dead=self.dead,
            chains=len(self.chains),
            longest_chain=max((len(c.moves) for c in self.chains), default=0),
            first_date=_iso(self.first_date),
            last_date=_iso(self.last_date),
        )
        return out


def escalating_dyads(
    events: EventsLike,
    since: date | str | None = None,
    until: date | str | None = None,
    level: Level = "country",
    params: EscalationParams | None = None,
    limit: int | None = 10,
    chain_window: int = 7,
    include_imprecise: bool = False,
    include_background: bool = False,
) -> list[DyadSummary]:
    """The dyads with conflict in [since, until], most escalating first: escalating ones
    before the others, then by peak score, then by hostility. The signal of every dyad is
    computed at once (one column per dyad). Imprecise and background events are left out
    unless included (see `flashpoint.analysis.frame.analysable`)."""
    p = params or EscalationParams()
    df = analysable(to_frame(events), include_imprecise, include_background)
    start, end = period_bounds(df, since, until)
    keys = pair_keys(df, level)
    first = start - pd.Timedelta(days=p.history_days)
    df = in_period(df.loc[keys.index].assign(dyad=keys["dyad"]), first, end)
    period = in_period(df, start, end)
    wanted = sorted(set(period.loc[period["quad_code"].isin([3, 4]), "dyad"]))
    if not wanted:
        return []
    df = df[df["dyad"].isin(wanted)]
    period = period[period["dyad"].isin(wanted)]
    fulls = _signals(df, wanted, first, end, p)
    chains = retaliation_chains(period, window_days=chain_window, level=level)
    facts = _facts(period)
    out = []
    for key in wanted:
        esc = _verdict(key, Dyad.parse(key).label, fulls[key], start, end, p)
        out.append(
            DyadSummary(
                escalation=esc,
                chains=[c for c in chains if c.dyad == key],
                **facts[key],
            )
        )
    out.sort(key=_rank)
    return out if limit is None else out[:limit]


def _signals(
    df: pd.DataFrame, keys: list[str], first: pd.Timestamp, end: pd.Timestamp, p: EscalationParams
) -> dict[str, pd.DataFrame]:
    """Each dyad's daily frame (hostility, cooperation, events and the signal)."""
    days = pd.date_range(first, end, freq="D", name="date")
    cols = df.assign(hostility=hostility(df), cooperation=cooperation(df), events=1.0)
    table = cols.pivot_table(
        index="date",
        columns="dyad",
        values=["hostility", "cooperation", "events"],
        aggfunc="sum",
        fill_value=0.0,
    )
    table = table.reindex(days, fill_value=0.0)
    parts = {
        name: table[name].reindex(columns=keys, fill_value=0.0).astype("float64")
        for name in ("hostility", "cooperation", "events")
    }
    parts.update(signal_matrix(parts["hostility"], p))
    return {k: pd.DataFrame({name: frame[k] for name, frame in parts.items()}) for k in keys}


def _facts(period: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Per dyad: events, conflict events, dead, first and last date in the period."""
    grouped = period.assign(
        conflict=period["quad_code"].isin([3, 4]).astype("int64"),
        killed=period["dead"].fillna(0).astype("int64"),
    ).groupby("dyad")
    table = grouped.agg(
        events=("event_id", "size"),
        conflict_events=("conflict", "sum"),
        dead=("killed", "sum"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    return {
        str(key): {
            "events": int(row["events"]),
            "conflict_events": int(row["conflict_events"]),
            "dead": int(row["dead"]),
            "first_date": row["first_date"].date(),
            "last_date": row["last_date"].date(),
        }
        for key, row in table.iterrows()
    }


def _rank(s: DyadSummary) -> tuple[bool, float, float, str]:
    e = s.escalation
    return (not e.escalating, -e.peak_score, -e.hostility, e.dyad)
