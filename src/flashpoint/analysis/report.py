"""A brief: a text summary (Markdown) and PNG charts, for one dyad or for the whole store.

    flashpoint report --db events.duckdb --dyad IRN-PAK --since 2024-01-01 -o brief/

With a dyad: its escalation verdict and breakout, counts by week and quad class, its
retaliation chains step by step, its key events with a sentence of evidence each, and two
charts (intensity over time with the chain's events marked; a map of its events). Without:
the most escalating dyads of the period, its chains, a timeline and a map of all events, and
the charts of the top escalating dyad.
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
from flashpoint.analysis.frame import EventsLike, in_period, to_frame


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
    day = row.date.date().isoformat() if pd.notna(row.date) else "undated"
    return f"{day} {row.event_type}{mode}: {actor} → {target}{where}{dead} ({reports} reports)"


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


def _verdict(esc: Escalation) -> str:
    if not esc.escalating:
        return (
            f"**Not escalating**: peak score {esc.peak_score:.1f}"
            f"{' on ' + esc.peak_date.isoformat() if esc.peak_date else ''}."
        )
    return (
        f"**ESCALATING**: breakout on {esc.breakout} (score crossed the threshold on "
        f"{esc.alarm}); peak score {esc.peak_score:.1f} on {esc.peak_date}; latest "
        f"{esc.latest_score:.1f}."
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
) -> Report:
    """The brief of one dyad: report.md and its two charts in `out_dir`."""
    d = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    df = to_frame(events)
    rows = d.select(df)
    start, end = period_bounds(rows if since is None else df, since, until)
    esc = dyad_escalation(df, d, since=start, until=end, params=params)
    chains = retaliation_chains(df, window_days=chain_window, dyad=d, since=start, until=end)
    mine = in_period(rows, start, end)
    counts = dyad_counts(df, d, freq="day", since=start, until=end)
    slug = _slug(d.key)
    made = [
        charts.intensity_chart(counts, esc, chains, d, out_dir / f"intensity_{slug}.png"),
        charts.map_chart(
            mine,
            out_dir / f"map_{slug}.png",
            f"{d.label}: events {start.date()} – {end.date()}",
            highlight=[s.country for s in (d.a, d.b) if s.country],
            numbered=[e.event_id for c in chains for e in c.events],
        ),
    ]
    lines = [
        f"# {d.label} ({d.key}), {start.date()} – {end.date()}",
        "",
        f"Source: {source or 'events given'}; {len(mine)} events of this dyad.",
        "",
        "## Escalation",
        _verdict(esc),
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
) -> Report:
    """The brief of a period: the escalating dyads, all chains, a timeline and a map, plus
    the charts of the most escalating dyad."""
    df = to_frame(events)
    start, end = period_bounds(df, since, until)
    period = in_period(df, start, end)
    ranking = escalating_dyads(
        df,
        since=start,
        until=end,
        level=level,
        params=params,
        limit=top,
        chain_window=chain_window,
    )
    chains = retaliation_chains(df, window_days=chain_window, level=level, since=start, until=end)
    made = [
        charts.timeline_chart(period, out_dir / "timeline.png", "Events per day by quad class"),
        charts.map_chart(period, out_dir / "map.png", f"Events {start.date()} – {end.date()}"),
    ]
    lines = [
        f"# Escalation brief, {start.date()} – {end.date()}",
        "",
        f"Source: {source or 'events given'}; {len(period)} events in the period.",
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
            df,
            top_dyad,
            out_dir,
            since=start,
            until=end,
            params=params,
            chain_window=chain_window,
            source=source,
        )
        made += sub.charts
        lines += ["", f"## Top escalating dyad: {top_dyad.label}", _verdict(ranking[0].escalation)]
    lines += ["", "## Charts", *[f"![{p.stem}]({p.name})" for p in made]]
    return _write(out_dir, lines, made)
