"""A brief: a text summary (Markdown) and PNG charts, for one dyad or for the whole store.

    flashpoint report --db events.duckdb --dyad IRN-PAK --since 2024-01-01 -o brief/

With a dyad: its escalation verdict and breakout, counts by week and quad class, its
retaliation chains step by step, its key events with a sentence of evidence each, and two
charts (intensity over time with the chain's events marked; a map of its events). Without:
the most escalating dyads of the period, its chains, a timeline and a map of all events, and
the charts of the top escalating dyad.

The period is, unless given, the data's recent window (`frame.recent_window`: 90 days up to
the last event). Events dated only to a month or a year, and background or aggregate
mentions (running tolls, history), are left out unless included; the brief says how many.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from flashpoint.analysis import charts
from flashpoint.analysis.chains import Chain, retaliation_chains
from flashpoint.analysis.dyads import Dyad, Level, dyad_counts
from flashpoint.analysis.escalation import (
    DyadSummary,
    Escalation,
    EscalationParams,
    dyad_escalation,
    escalating_dyads,
    period_bounds,
)
from flashpoint.analysis.frame import (
    RECENT_DAYS,
    EventsLike,
    analysable,
    as_day,
    background_mask,
    format_date,
    in_period,
    precise_mask,
    recent_window,
    to_frame,
)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events a brief counts (see `flashpoint.analysis.frame.analysable`)."""

    include_imprecise: bool = False
    include_background: bool = False

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        return analysable(df, self.include_imprecise, self.include_background)

    def left_out(self, df: pd.DataFrame) -> list[str]:
        """A line saying what was left out, if anything."""
        parts = []
        if not self.include_imprecise:
            n = int((~precise_mask(df)).sum())
            if n:
                parts.append(f"{_n(n, 'event')} dated only to a month or year")
        if not self.include_background:
            n = int(background_mask(df).sum())
            if n:
                parts.append(f"{_n(n, 'background or aggregate mention')} (history, tolls)")
        if not parts:
            return []
        return [f"Left out: {'; '.join(parts)} (--include-imprecise, --include-background)."]


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def report_period(
    df: pd.DataFrame, since: date | str | None, until: date | str | None
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The brief's period: as given, else the recent window of `df`'s dates (ending at
    `until` when only that is given)."""
    if since is None and until is None:
        window = recent_window(df["date"].dropna())
        if window is not None:
            since, until = window
    elif since is None:
        end = as_day(until, "until")
        since = end - pd.Timedelta(days=RECENT_DAYS - 1) if end is not None else None
    return period_bounds(df, since, until)


@dataclass
class Report:
    """What `write_report` wrote: the summary text and the chart files."""

    text: str
    path: Path
    charts: list[Path] = field(default_factory=list)


def _slug(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in key)


def _fmt_event(row: Any) -> str:
    actor = row.actor_name if pd.notna(row.actor_name) else (row.actor_country or "?")
    target = row.recipient_name if pd.notna(row.recipient_name) else (row.recipient_country or "—")
    mode = f"/{row.mode}" if pd.notna(row.mode) else ""
    where = f", {row.location_name}" if pd.notna(row.location_name) else ""
    dead = f", {int(row.dead)} killed" if pd.notna(row.dead) and row.dead else ""
    reports = int(row.num_mentions) if pd.notna(row.num_mentions) else 1
    precision = row.date_precision if pd.notna(row.date_precision) else None
    day = format_date(row.date, precision)
    return (
        f"{day} {row.event_type}{mode}: {actor} → {target}{where}{dead} ({_n(reports, 'report')})"
    )


def _chain_lines(chains: list[Chain]) -> list[str]:
    if not chains:
        return ["No retaliation chain (an act answered by the other side within the window)."]
    lines = []
    for i, chain in enumerate(chains, start=1):
        lines.append(
            f"{i}. {chain.dyad}, {chain.start} → {chain.end}: {len(chain.moves)} moves, "
            f"{len(chain.events)} events, {chain.dead} killed, started by {chain.initiator}"
        )
        for move in chain.moves:
            lag = f" (answered after {move.lag_days} d)" if move.lag_days is not None else ""
            lines.append(f"   - {move.describe()}{lag}")
    return lines


def _verdict(esc: Escalation, threshold: float) -> str:
    if not esc.escalating:
        return (
            f"**Not escalating**: peak score {esc.peak_score:.1f}"
            f"{' on ' + esc.peak_date.isoformat() if esc.peak_date else ''}."
        )
    now = esc.latest_score >= threshold
    return (
        f"**{'ESCALATING' if now else 'ESCALATED'}**: breakout on {esc.breakout} (score "
        f"crossed the threshold on {esc.alarm}); peak score {esc.peak_score:.1f} on "
        f"{esc.peak_date}; latest {esc.latest_score:.1f}"
        + ("." if now else ", below the threshold again.")
    )


def _weekly_lines(
    df: pd.DataFrame, dyad: Dyad, start: pd.Timestamp, end: pd.Timestamp
) -> list[str]:
    weeks = dyad_counts(df, dyad, freq="week", since=start, until=end)
    lines = [
        "| week of | events | verbal coop | material coop | verbal conflict | "
        "material conflict | hostility | killed |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for day, w in weeks.iterrows():
        if not w["events"]:
            continue
        lines.append(
            f"| {pd.Timestamp(day).date()} | {int(w['events'])} | {int(w['verbal_coop'])} | "  # type: ignore[arg-type]
            f"{int(w['material_coop'])} | {int(w['verbal_conflict'])} | "
            f"{int(w['material_conflict'])} | {w['hostility']:.1f} | {int(w['dead'])} |"
        )
    return lines if len(lines) > 2 else ["No events in the period."]


def _key_events(rows: pd.DataFrame, n: int = 8) -> list[str]:
    order = rows.assign(_h=-rows["intensity"]).sort_values(["_h", "date"], ascending=[False, True])
    lines = []
    for row in order.head(n).sort_values("date").itertuples(index=False):
        lines.append(f"- {_fmt_event(row)}")
        if pd.notna(row.sentence):
            lines.append(f"  > {str(row.sentence).strip()}")
    return lines or ["No events in the period."]


def dyad_report(
    events: EventsLike,
    dyad: Dyad | str,
    out_dir: Path,
    since: date | str | None = None,
    until: date | str | None = None,
    params: EscalationParams | None = None,
    chain_window: int = 7,
    source: str = "",
    scope: Scope | None = None,
) -> Report:
    """The brief of one dyad: report.md and its two charts in `out_dir`."""
    d = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    sc = scope or Scope()
    everything = to_frame(events)
    df = sc.apply(everything)
    rows = d.select(df)
    start, end = report_period(rows if since is None and until is None else df, since, until)
    p = params or EscalationParams()
    esc = dyad_escalation(
        df, d, since=start, until=end, params=p, include_imprecise=True, include_background=True
    )
    chains = retaliation_chains(
        df,
        window_days=chain_window,
        dyad=d,
        since=start,
        until=end,
        include_imprecise=True,
        include_background=True,
    )
    mine = in_period(rows, start, end)
    counts = dyad_counts(
        df, d, freq="day", since=start, until=end, include_imprecise=True, include_background=True
    )
    slug = _slug(d.key)
    made = [
        charts.save(
            charts.intensity_chart(counts, esc, chains, d), out_dir / f"intensity_{slug}.png"
        ),
        charts.save(
            charts.map_chart(
                mine,
                f"{d.label}: events {start.date()} – {end.date()}",
                highlight=[s.country for s in (d.a, d.b) if s.country],
                numbered=[e.event_id for c in chains for e in c.events],
            ),
            out_dir / f"map_{slug}.png",
        ),
    ]
    lines = [
        f"# {d.label} ({d.key}), {start.date()} – {end.date()}",
        "",
        f"Source: {source or 'events given'}; {_n(len(mine), 'event')} of this dyad.",
        *sc.left_out(in_period(d.select(everything), start, end)),
        "",
        "## Escalation",
        _verdict(esc, p.threshold),
        f"Hostility in the period {esc.hostility:.1f}; {int(mine['dead'].fillna(0).sum())} killed.",
        f"Method: {esc.method}.",
        "",
        "## By week",
        *_weekly_lines(df, d, start, end),
        "",
        "## Retaliation chains",
        *_chain_lines(chains),
        "",
        "## Key events",
        *_key_events(mine),
        "",
        "## Charts",
        *[f"![{p.stem}]({p.name})" for p in made],
    ]
    return _write(out_dir, lines, made)


def _write(out_dir: Path, lines: list[str], made: list[Path]) -> Report:
    out_dir.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines).rstrip() + "\n"
    path = out_dir / "report.md"
    path.write_text(text, encoding="utf-8")
    return Report(text=text, path=path, charts=made)


def _ranking_lines(ranking: list[DyadSummary]) -> list[str]:
    if not ranking:
        return ["No dyad with conflict events in the period."]
    lines = [
        "| dyad | escalating | breakout | peak score | events | conflict | killed | chains |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in ranking:
        e = s.escalation
        lines.append(
            f"| {e.label} ({e.dyad}) | {'yes' if e.escalating else 'no'} | "
            f"{e.breakout or '—'} | {e.peak_score:.1f} | {s.events} | {s.conflict_events} | "
            f"{s.dead} | {len(s.chains)} |"
        )
    return lines


def overview_report(
    events: EventsLike,
    out_dir: Path,
    since: date | str | None = None,
    until: date | str | None = None,
    level: Level = "country",
    params: EscalationParams | None = None,
    chain_window: int = 7,
    top: int = 10,
    source: str = "",
    scope: Scope | None = None,
) -> Report:
    """The brief of a period: the escalating dyads, all chains, a timeline and a map, plus
    the charts of the most escalating dyad."""
    sc = scope or Scope()
    everything = to_frame(events)
    df = sc.apply(everything)
    start, end = report_period(df, since, until)
    period = in_period(df, start, end)
    p = params or EscalationParams()
    ranking = escalating_dyads(
        df,
        since=start,
        until=end,
        level=level,
        params=p,
        limit=top,
        chain_window=chain_window,
        include_imprecise=True,
        include_background=True,
    )
    chains = retaliation_chains(
        df,
        window_days=chain_window,
        level=level,
        since=start,
        until=end,
        include_imprecise=True,
        include_background=True,
    )
    made = [
        charts.save(charts.timeline_chart(period), out_dir / "timeline.png"),
        charts.save(
            charts.map_chart(period, f"Events {start.date()} – {end.date()}"), out_dir / "map.png"
        ),
    ]
    lines = [
        f"# Escalation brief, {start.date()} – {end.date()}",
        "",
        f"Source: {source or 'events given'}; {_n(len(period), 'event')} in the period.",
        *sc.left_out(in_period(everything, start, end)),
        "",
        "## Most escalating dyads",
        *_ranking_lines(ranking),
        "",
        "## Retaliation chains",
        *_chain_lines(chains),
    ]
    if ranking and ranking[0].escalation.escalating:
        top_dyad = Dyad.parse(ranking[0].escalation.dyad)
        sub = dyad_report(
            everything,
            top_dyad,
            out_dir,
            since=start,
            until=end,
            params=params,
            chain_window=chain_window,
            source=source,
            scope=sc,
        )
        made += sub.charts
        verdict = _verdict(ranking[0].escalation, p.threshold)
        lines += ["", f"## Top escalating dyad: {top_dyad.label}", verdict]
    lines += ["", "## Charts", *[f"![{p.stem}]({p.name})" for p in made]]
    return _write(out_dir, lines, made)
