"""Charts for briefs and notebooks: a dyad's hostility over time with its retaliation chains
marked, a map of events over shipped country outlines, a timeline.

Each chart function returns a matplotlib `Figure` (shown as is in Jupyter) and, given a
`path`, also writes it as a PNG. Figures are made without pyplot, so importing this module
never changes the caller's matplotlib backend and figures are freed when dropped.

The country outlines are Natural Earth's 1:50m admin-0 countries (public domain) via the
world-atlas package, simplified by scripts/build_world_outline.py into
`flashpoint/api/static/world.geojson`, the same file the dashboard draws.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.ticker import MaxNLocator

from flashpoint.analysis.chains import Chain
from flashpoint.analysis.dyads import Dyad
from flashpoint.analysis.escalation import Escalation
from flashpoint.analysis.frame import QUAD_NAMES, format_date
from flashpoint.errors import DataFileError
from flashpoint.ontology import load_ontology

# Type and quad-class colours are data (plover.json, `color` and `quads`); the dashboard gets
# the same ones from /api/meta.
UNKNOWN_TYPE_COLOR = "#555"
DIRECTION_COLORS = {"ab": "#b2182b", "ba": "#2b6cb0", "cooperation": "#1b9e77"}
"""The dyad chart's colours: a → b, b → a, cooperation (app.js draws the dashboard's dyad
chart with the same ones)."""
SHADE = "#b2182b"
DPI = 110
MAX_KILLED_SIZE = 1000
"""Map markers grow with the square root of the killed up to this many, then stop."""
SIZE_KEY = (0, 10, 100, MAX_KILLED_SIZE)
KEY_ROWS = 8
"""Chain events listed beside the intensity chart; the rest are counted."""
_OUTSIDE: dict[str, Any] = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "frameon": False}


@functools.cache
def world_outline() -> dict[str, Any]:
    """The shipped world country outlines (GeoJSON FeatureCollection, `iso3` and `name`)."""
    path = resources.files("flashpoint.api").joinpath("static/world.geojson")
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"the world outline {path} is missing or damaged ({exc}); reinstall flashpoint or "
            "rebuild it with scripts/build_world_outline.py"
        ) from exc


def save(fig: Figure, path: str | Path) -> Path:
    """Write `fig` as a PNG (its folder is made if needed)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=DPI, bbox_inches="tight", metadata={"Software": "flashpoint"})
    return target


def _done(fig: Figure, path: str | Path | None) -> Figure:
    if path is not None:
        save(fig, path)
    return fig


def _day(n: float) -> pd.Timedelta:
    return pd.Timedelta(days=n)


# --- intensity over time -------------------------------------------------------------------


def intensity_chart(
    counts: pd.DataFrame,
    escalation: Escalation,
    chains: Sequence[Chain],
    dyad: Dyad,
    path: str | Path | None = None,
) -> Figure:
    """Daily hostility of the dyad by direction (bars on the days it had any), cooperation
    (below zero), the escalation score (lower panel, shaded where it is above the
    threshold) and the chain events (numbered, listed beside the chart)."""
    fig = Figure(figsize=(10, 5.6))
    top, low = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.4]})
    _hostility_bars(top, counts, dyad, _bar_width(counts.index))
    key = _mark_chains(top, counts, chains)
    _score_panel(low, escalation)
    for lo, hi in _above_threshold(escalation):
        for ax in (top, low):
            ax.axvspan(lo - _day(0.5), hi + _day(0.5), color=SHADE, alpha=0.08, lw=0)
    if len(counts.index):
        top.set_xlim(counts.index.min() - _day(1), counts.index.max() + _day(1))
    top.set_title(f"{dyad.label}: daily hostility ({_state(escalation)})", loc="left", fontsize=11)
    if key:
        top.text(1.01, 0.48, "\n".join(key), transform=top.transAxes, va="top", fontsize=7)
    fig.autofmt_xdate()
    return _done(fig, path)


def _state(esc: Escalation) -> str:
    """Escalating now, escalated earlier in the period, or not."""
    threshold = _threshold(esc)
    if esc.escalating and esc.latest_score >= threshold:
        return "escalating"
    if esc.escalating:
        since = format_date(esc.breakout) if esc.breakout else "?"
        return f"escalated from {since}; latest score {esc.latest_score:.1f}"
    return "not escalating"


def _bar_width(days: pd.Index) -> float:
    """Bars a day wide, wider over long periods so that each stays visible."""
    if not len(days):
        return 0.8
    span = (days.max() - days.min()).days + 1
    return max(0.8, span / 450)


def _hostility_bars(ax: Axes, counts: pd.DataFrame, dyad: Dyad, width: float) -> None:
    ab, ba = counts["hostility_ab"], counts["hostility_ba"]
    hot = counts[(ab > 0) | (ba > 0)]
    coop = counts[counts["cooperation"] > 0]
    colors = DIRECTION_COLORS
    ax.bar(hot.index, hot["hostility_ab"], width=width, color=colors["ab"])
    ax.bar(
        hot.index,
        hot["hostility_ba"],
        width=width,
        bottom=hot["hostility_ab"],
        color=colors["ba"],
    )
    ax.bar(coop.index, -coop["cooperation"], width=width, color=colors["cooperation"])
    ax.axhline(0, color="#555", lw=0.6)
    ax.set_ylabel("hostility (−PLOVER intensity)")
    handles = [
        Patch(color=colors["ab"], label=f"{dyad.a.key} → {dyad.b.key}"),
        Patch(color=colors["ba"], label=f"{dyad.b.key} → {dyad.a.key}"),
        Patch(color=colors["cooperation"], label="cooperation"),
        Patch(color=SHADE, alpha=0.15, label="score above threshold"),
    ]
    ax.legend(handles=handles, fontsize=8, **_OUTSIDE)
    ax.grid(axis="y", color="#ddd", lw=0.5)


def _mark_chains(ax: Axes, counts: pd.DataFrame, chains: Sequence[Chain]) -> list[str]:
    """Mark the chain events' bars and number them on lines above the tallest bar (labels
    close in time go on different lines); the key lines that explain the numbers."""
    tops = (counts["hostility_ab"] + counts["hostility_ba"]).to_dict()
    by_day: dict[pd.Timestamp, list[str]] = {}
    key: list[str] = []
    for chain in chains:
        for move in chain.moves:
            for ev in move.events:
                day = pd.Timestamp(ev.date)
                if day not in tops:
                    continue
                n = len(key) + 1
                by_day.setdefault(day, []).append(str(n))
                when = format_date(ev.date, ev.date_precision)
                key.append(f"{n}  {when} {move.actor}→{move.recipient} {ev.event_type.lower()}")
    if not by_day:
        return []
    high = max(tops.values()) or 1.0
    gap = _span_days(counts) / 40  # days between two labels on one line
    rows: list[pd.Timestamp] = []  # the last label's day on each line
    for day in sorted(by_day):
        row = next((i for i, d in enumerate(rows) if (day - d).days >= gap), len(rows))
        rows[row : row + 1] = [day]
        lift = 10 * row
        ax.plot(day, tops[day] + high * 0.03, marker="v", color="#222", ms=6, ls="")
        ax.annotate(
            ",".join(by_day[day]),
            (day, high * 1.1),
            xytext=(0, lift),
            textcoords="offset points",
            ha="center",
            fontsize=7,
        )
    ax.set_ylim(top=high * (1.3 + 0.08 * len(rows)) + 2)
    if len(key) > KEY_ROWS:
        key = [*key[:KEY_ROWS], f"… and {len(key) - KEY_ROWS} more"]
    return ["chain events:", *key]


def _span_days(counts: pd.DataFrame) -> int:
    if not len(counts.index):
        return 1
    return int((counts.index.max() - counts.index.min()).days) + 1


def _above_threshold(esc: Escalation) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The runs of days whose score is at or above the threshold."""
    series = esc.series
    if "score" not in series or not len(series):
        return []
    above = series["score"] >= _threshold(esc)
    runs: list[tuple[pd.Timestamp, pd.Timestamp]] = []
    start: pd.Timestamp | None = None
    prev: pd.Timestamp | None = None
    for day, hot in above.items():
        ts = pd.Timestamp(day)  # type: ignore[arg-type]
        if hot and start is None:
            start = ts
        if not hot and start is not None and prev is not None:
            runs.append((start, prev))
            start = None
        prev = ts
    if start is not None and prev is not None:
        runs.append((start, prev))
    return runs


def _score_panel(ax: Axes, escalation: Escalation) -> None:
    s = escalation.series
    threshold = _threshold(escalation)
    if "score" in s:
        ax.plot(s.index, s["score"], color="#333", lw=1.4, label="escalation score")
    ax.axhline(threshold, color=SHADE, ls="--", lw=0.9, label=f"threshold {threshold:g}")
    if escalation.breakout is not None:
        ax.axvline(pd.Timestamp(escalation.breakout), color=SHADE, lw=0.9)
        ax.annotate(
            f"breakout {format_date(escalation.breakout)}",
            (pd.Timestamp(escalation.breakout), threshold),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=7,
            color=SHADE,
        )
    ax.set_ylabel("score (z)")
    ax.legend(fontsize=7, **_OUTSIDE)
    ax.grid(axis="y", color="#ddd", lw=0.5)


def _threshold(escalation: Escalation) -> float:
    marker = "escalating when z >= "
    text = escalation.method
    if marker in text:
        return float(text.split(marker, 1)[1].split(";", 1)[0])
    return 2.0


# --- map ----------------------------------------------------------------------------------


def marker_area(dead: pd.Series) -> pd.Series:
    """A map marker's area (points²) for its killed: by the square root, capped."""
    killed = dead.astype("Float64").fillna(0).astype("float64").clip(0, MAX_KILLED_SIZE)
    return 24 + 16 * killed.map(math.sqrt)


def map_chart(
    events: pd.DataFrame,
    title: str = "",
    highlight: Sequence[str] = (),
    numbered: Sequence[str] = (),
    path: str | Path | None = None,
) -> Figure:
    """Located events over country outlines: colour by PLOVER type, area by killed (capped,
    with a size key); hollow markers where only the country is known (its centroid); the
    countries in `highlight` shaded and named; the events in `numbered` (ids) numbered."""
    located = events[events["latitude"].notna() & events["longitude"].notna()]
    fig = Figure(figsize=(9, 6))
    ax = fig.add_subplot()
    west, east, south, north = _extent(located)
    _draw_countries(ax, set(highlight), (west, east, south, north))
    handles = _scatter_types(ax, located)
    _number(ax, located, numbered)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.2))
    ax.set_facecolor("#eaf2f8")
    ax.set_title(title, loc="left", fontsize=11)
    if handles:
        types = ax.legend(
            handles=handles, title="event type", fontsize=7, title_fontsize=7, **_OUTSIDE
        )
        ax.add_artist(types)
        ax.legend(
            handles=_size_key(located),
            title="killed",
            loc="lower left",
            bbox_to_anchor=(1.01, 0.0),
            frameon=False,
            fontsize=7,
            title_fontsize=7,
            labelspacing=1.3,
            borderpad=0.8,
        )
    ax.text(
        1.0,
        -0.07,
        "Outlines: Natural Earth (public domain) via world-atlas",
        transform=ax.transAxes,
        ha="right",
        fontsize=6,
        color="#777",
    )
    return _done(fig, path)


def _centroid(rows: pd.DataFrame) -> pd.Series:
    return (rows["location_precision"].fillna("") == "country").astype(bool)


def type_color(event_type: str) -> str:
    """The type's colour in charts (grey for a type PLOVER does not have)."""
    info = load_ontology().types.get(event_type)
    return info.color if info is not None else UNKNOWN_TYPE_COLOR


def _scatter_types(ax: Axes, located: pd.DataFrame) -> list[Line2D]:
    """One scatter per type, biggest markers first; the legend handles."""
    handles = []
    ordered = located.assign(_area=marker_area(located["dead"])).sort_values(
        "_area", ascending=False
    )
    for etype, rows in ordered.groupby("event_type", sort=True):
        color = type_color(str(etype))
        hollow = _centroid(rows)
        for part, face in ((rows[~hollow], color), (rows[hollow], "none")):
            if len(part):
                ax.scatter(
                    part["longitude"],
                    part["latitude"],
                    s=part["_area"],
                    facecolor=face,
                    edgecolor="white" if face != "none" else color,
                    linewidth=0.8 if face != "none" else 1.5,
                    alpha=0.85,
                    zorder=3,
                )
        handles.append(
            Line2D([], [], marker="o", ls="", color=color, ms=7, label=str(etype).lower())
        )
    return handles


def _size_key(located: pd.DataFrame) -> list[Line2D]:
    areas = marker_area(pd.Series(SIZE_KEY, dtype="float64"))
    key = [
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            color="#888",
            markeredgecolor="white",
            ms=math.sqrt(area),
            label=f"{n:,}{' or more' if n == MAX_KILLED_SIZE else ''}",
        )
        for n, area in zip(SIZE_KEY, areas, strict=True)
    ]
    if _centroid(located).any():
        key.append(
            Line2D(
                [],
                [],
                marker="o",
                ls="",
                markerfacecolor="none",
                markeredgecolor="#555",
                ms=7,
                label="country only\n(at its centroid)",
            )
        )
    return key


def _extent(located: pd.DataFrame) -> tuple[float, float, float, float]:
    if not len(located):
        return -180.0, 180.0, -60.0, 85.0
    lon, lat = located["longitude"], located["latitude"]
    cx, cy = (lon.min() + lon.max()) / 2, (lat.min() + lat.max()) / 2
    half_w = max((lon.max() - lon.min()) / 2 * 1.3, 8.0)
    half_h = max((lat.max() - lat.min()) / 2 * 1.3, 6.0)
    return (
        max(cx - half_w, -180.0),
        min(cx + half_w, 180.0),
        max(cy - half_h, -85.0),
        min(cy + half_h, 85.0),
    )


def _draw_countries(ax: Axes, highlight: set[str], box: tuple[float, ...]) -> None:
    west, east, south, north = box
    patches, colors = [], []
    for feature in world_outline()["features"]:
        iso3 = feature["properties"].get("iso3")
        for poly in feature["geometry"]["coordinates"]:
            ring = poly[0]
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if max(xs) < west or min(xs) > east or max(ys) < south or min(ys) > north:
                continue
            patches.append(Polygon(ring, closed=True))
            colors.append("#f6dcd5" if iso3 in highlight else "#f4f1ea")
    coll = PatchCollection(patches, facecolor=colors, edgecolor="#9a958c", linewidth=0.5)
    ax.add_collection(coll)
    for feature in world_outline()["features"]:
        if feature["properties"].get("iso3") in highlight:
            _label_country(ax, feature, box)


def _label_country(ax: Axes, feature: dict[str, Any], box: tuple[float, ...]) -> None:
    """The country's name at the middle of its outline's points inside the view."""
    west, east, south, north = box
    inside = [
        p
        for poly in feature["geometry"]["coordinates"]
        for p in poly[0]
        if west <= p[0] <= east and south <= p[1] <= north
    ]
    if not inside:
        return
    x = sum(p[0] for p in inside) / len(inside)
    y = sum(p[1] for p in inside) / len(inside)
    name = feature["properties"]["name"]
    ax.text(x, y, name, fontsize=10, color="#7a3b2e", alpha=0.55, ha="center", clip_on=True)


def _number(ax: Axes, located: pd.DataFrame, numbered: Sequence[str]) -> None:
    """Number the given events in order; events at one place share one label (1,2)."""
    by_id = located.drop_duplicates("event_id").set_index("event_id")
    places: dict[tuple[float, float], list[str]] = {}
    for n, event_id in enumerate(numbered, start=1):
        if event_id in by_id.index:
            row = by_id.loc[event_id]
            key = (float(row["longitude"]), float(row["latitude"]))
            places.setdefault(key, []).append(str(n))
    for (x, y), numbers in places.items():
        ax.annotate(
            ",".join(numbers),
            (x, y),
            xytext=(6, 6),
            textcoords="offset points",
            fontsize=9,
            weight="bold",
            zorder=4,
        )


# --- timeline -----------------------------------------------------------------------------

_UNITS = ((120, "day", 0.8), (3 * 366, "week", 5.6), (10**9, "month", 25.0))


def timeline_chart(
    events: pd.DataFrame, title: str | None = None, path: str | Path | None = None
) -> Figure:
    """Events per day (per week over more than 120 days, per month over more than three
    years), stacked by PLOVER quad class; only the periods with events are drawn."""
    dated = events[events["date"].notna()]
    fig = Figure(figsize=(10, 3.4))
    ax = fig.add_subplot()
    unit = "day"
    if len(dated):
        span = (dated["date"].max() - dated["date"].min()).days
        _, unit, width = next(u for u in _UNITS if span <= u[0])
        table = pd.crosstab(_bucket(dated["date"], unit), dated["quad_code"].astype("int64"))
        bottom = pd.Series(0, index=table.index)
        handles = []
        quad_colors = load_ontology().quad_colors()
        for quad, name in QUAD_NAMES.items():
            if quad in table:
                some = table[quad] > 0
                ax.bar(
                    table.index[some],
                    table[quad][some],
                    bottom=bottom[some],
                    width=width,
                    color=quad_colors[quad],
                )
                bottom = bottom + table[quad]
                handles.append(Patch(color=quad_colors[quad], label=name.replace("_", " ")))
        ax.legend(handles=handles, fontsize=7, **_OUTSIDE)
        ax.set_xlim(table.index.min() - _day(width), table.index.max() + _day(width))
    ax.set_ylabel(f"events per {unit}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title or f"Events per {unit}, by PLOVER quad class", loc="left", fontsize=11)
    ax.grid(axis="y", color="#ddd", lw=0.5)
    fig.autofmt_xdate()
    return _done(fig, path)


def _bucket(dates: pd.Series, unit: str) -> pd.Series:
    """Each date's period start: the day, the Monday of its week, the first of its month."""
    if unit == "week":
        return dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    if unit == "month":
        return dates.dt.to_period("M").dt.start_time
    return dates
