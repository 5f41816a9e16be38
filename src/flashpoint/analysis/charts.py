"""PNG charts for briefs (matplotlib, Agg backend): a dyad's intensity over time with its
retaliation chains marked, a map of events over shipped country outlines, a timeline.

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

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import PatchCollection  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402

from flashpoint.analysis.chains import Chain  # noqa: E402
from flashpoint.analysis.dyads import Dyad  # noqa: E402
from flashpoint.analysis.escalation import Escalation  # noqa: E402
from flashpoint.analysis.frame import QUAD_NAMES  # noqa: E402
from flashpoint.errors import DataFileError  # noqa: E402

# One colour per PLOVER type, in its quad class's hue (greens: verbal cooperation, blues:
# material cooperation, ambers: verbal conflict, reds and purples: material conflict). The
# dashboard gets the same table from /api/meta.
TYPE_COLORS: dict[str, str] = {
    "AGREE": "#1b9e77",
    "CONSULT": "#66c2a5",
    "SUPPORT": "#238b45",
    "CONCEDE": "#74c476",
    "COOPERATE": "#2b8cbe",
    "AID": "#08519c",
    "RETREAT": "#6baed6",
    "REQUEST": "#e6ab02",
    "ACCUSE": "#f39c12",
    "REJECT": "#d8a15c",
    "THREATEN": "#e6550d",
    "PROTEST": "#8e44ad",
    "SANCTION": "#c51b7d",
    "MOBILIZE": "#7f3b08",
    "COERCE": "#d6604d",
    "ASSAULT": "#b2182b",
}
QUAD_COLORS = {1: "#1b9e77", 2: "#2b8cbe", 3: "#f39c12", 4: "#b2182b"}
DPI = 110


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


def _save(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata={"Software": "flashpoint"})
    plt.close(fig)
    return path


# --- intensity over time -------------------------------------------------------------------


def intensity_chart(
    counts: pd.DataFrame,
    escalation: Escalation,
    chains: Sequence[Chain],
    dyad: Dyad,
    path: Path,
) -> Path:
    """Daily hostility of the dyad by direction (bars), cooperation (below zero), the
    escalation score (lower panel) and the chain events (numbered markers)."""
    fig, (top, low) = plt.subplots(
        2, 1, figsize=(9, 5.4), sharex=True, gridspec_kw={"height_ratios": [3, 1.4]}
    )
    _hostility_bars(top, counts, dyad)
    _mark_chains(top, counts, chains)
    _score_panel(low, escalation)
    if escalation.breakout is not None:
        for ax in (top, low):
            ax.axvspan(
                pd.Timestamp(escalation.breakout),
                counts.index.max() + pd.Timedelta(days=1),
                color="#b2182b",
                alpha=0.06,
                lw=0,
            )
    verdict = "escalating" if escalation.escalating else "not escalating"
    top.set_title(f"{dyad.label}: daily hostility ({verdict})", loc="left", fontsize=11)
    fig.autofmt_xdate()
    return _save(fig, path)


def _hostility_bars(ax: Axes, counts: pd.DataFrame, dyad: Dyad) -> None:
    days = counts.index
    ab, ba = counts["hostility_ab"], counts["hostility_ba"]
    ax.bar(days, ab, width=0.8, color="#b2182b", label=f"{dyad.a.key} → {dyad.b.key}")
    ax.bar(days, ba, width=0.8, bottom=ab, color="#2b6cb0", label=f"{dyad.b.key} → {dyad.a.key}")
    ax.bar(days, -counts["cooperation"], width=0.8, color="#1b9e77", label="cooperation")
    ax.axhline(0, color="#555", lw=0.6)
    ax.set_ylabel("hostility (−PLOVER intensity)")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.grid(axis="y", color="#ddd", lw=0.5)


def _mark_chains(ax: Axes, counts: pd.DataFrame, chains: Sequence[Chain]) -> None:
    top = (counts["hostility_ab"] + counts["hostility_ba"]).to_dict()
    n = 0
    for chain in chains:
        for move in chain.moves:
            for ev in move.events:
                day = pd.Timestamp(ev.date)
                if day not in top:
                    continue
                n += 1
                y = top[day] + 1.0
                ax.plot(day, y, marker="v", color="#222", ms=7)
                ax.annotate(
                    f"{n} {move.actor}→{move.recipient}\n{ev.event_type.lower()}",
                    (day, y),
                    xytext=(0, 6),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7,
                )
    if n:
        ax.set_ylim(top=max(top.values()) * 1.45 + 4)


def _score_panel(ax: Axes, escalation: Escalation) -> None:
    s = escalation.series
    ax.plot(s.index, s["score"], color="#333", lw=1.4, label="escalation score")
    threshold = _threshold(escalation)
    ax.axhline(threshold, color="#b2182b", ls="--", lw=0.9, label=f"threshold {threshold:g}")
    if escalation.breakout is not None:
        ax.axvline(pd.Timestamp(escalation.breakout), color="#b2182b", lw=0.9)
        ax.annotate(
            f"breakout {escalation.breakout.isoformat()}",
            (pd.Timestamp(escalation.breakout), threshold),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=7,
            color="#b2182b",
        )
    ax.set_ylabel("score (z)")
    ax.legend(loc="upper left", fontsize=7, frameon=False)
    ax.grid(axis="y", color="#ddd", lw=0.5)


def _threshold(escalation: Escalation) -> float:
    marker = "escalating when z >= "
    text = escalation.method
    if marker in text:
        return float(text.split(marker, 1)[1].split(";", 1)[0])
    return 2.0


# --- map ----------------------------------------------------------------------------------


def map_chart(
    events: pd.DataFrame,
    path: Path,
    title: str,
    highlight: Sequence[str] = (),
    numbered: Sequence[str] = (),
) -> Path:
    """Located events over country outlines: colour by PLOVER type, size by dead; the
    countries in `highlight` shaded; the events in `numbered` (ids) numbered in order."""
    located = events[events["latitude"].notna() & events["longitude"].notna()]
    fig, ax = plt.subplots(figsize=(8, 6))
    west, east, south, north = _extent(located)
    _draw_countries(ax, set(highlight), (west, east, south, north))
    for etype, rows in located.groupby("event_type", sort=True):
        dead = rows["dead"].fillna(0).astype("float64")
        ax.scatter(
            rows["longitude"],
            rows["latitude"],
            s=30 + 25 * dead.map(math.sqrt),
            color=TYPE_COLORS.get(str(etype), "#555"),
            edgecolor="white",
            linewidth=0.8,
            alpha=0.85,
            label=str(etype).lower(),
            zorder=3,
        )
    _number(ax, located, numbered)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.2))
    ax.set_facecolor("#eaf2f8")
    ax.set_title(title, loc="left", fontsize=11)
    if len(located):
        ax.legend(
            loc="lower left", fontsize=7, frameon=True, title="size: killed", title_fontsize=7
        )
    ax.text(
        1.0,
        -0.06,
        "Outlines: Natural Earth (public domain) via world-atlas",
        transform=ax.transAxes,
        ha="right",
        fontsize=6,
        color="#777",
    )
    return _save(fig, path)


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


def timeline_chart(events: pd.DataFrame, path: Path, title: str) -> Path:
    """Events per day (per week over long periods), stacked by PLOVER quad class."""
    dated = events[events["date"].notna()]
    fig, ax = plt.subplots(figsize=(9, 3.2))
    if len(dated):
        span = (dated["date"].max() - dated["date"].min()).days
        period = dated["date"]
        if span > 120:
            period = period - pd.to_timedelta(period.dt.day_of_week, unit="D")
        table = pd.crosstab(period, dated["quad_code"].astype("int64"))
        days = pd.date_range(table.index.min(), table.index.max(), freq="7D" if span > 120 else "D")
        table = table.reindex(days, fill_value=0)
        bottom = pd.Series(0, index=table.index)
        for quad, name in QUAD_NAMES.items():
            if quad in table:
                ax.bar(
                    table.index,
                    table[quad],
                    bottom=bottom,
                    width=5.6 if span > 120 else 0.8,
                    color=QUAD_COLORS[quad],
                    label=name.replace("_", " "),
                )
                bottom = bottom + table[quad]
        ax.legend(loc="upper left", fontsize=7, frameon=False, ncol=4)
    ax.set_ylabel("events")
    ax.set_title(title, loc="left", fontsize=11)
    ax.grid(axis="y", color="#ddd", lw=0.5)
    fig.autofmt_xdate()
    return _save(fig, path)
