"""The brief: report.md with a summary, and PNG charts (intensity over time, a map)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
from _analysis_events import ev, tit_for_tat
from matplotlib.figure import Figure
from matplotlib.legend import Legend

from flashpoint.analysis import Dyad, charts, dyad_counts, dyad_escalation
from flashpoint.analysis.charts import world_outline
from flashpoint.analysis.frame import to_frame
from flashpoint.analysis.report import dyad_report, overview_report

PNG = b"\x89PNG\r\n\x1a\n"


def _is_png(path: Path) -> bool:
    return path.read_bytes()[:8] == PNG and path.stat().st_size > 5_000


def test_dyad_report_writes_summary_and_charts(tmp_path: Path) -> None:
    rep = dyad_report(tit_for_tat(), "IRN-PAK", tmp_path, since="2024-01-08", until="2024-01-28")
    assert rep.path == tmp_path / "report.md"
    assert [p.name for p in rep.charts] == ["intensity_IRN-PAK.png", "map_IRN-PAK.png"]
    assert all(_is_png(p) for p in rep.charts)
    text = rep.path.read_text(encoding="utf-8")
    assert text.startswith("# Iran – Pakistan (IRN-PAK), 2024-01-08 – 2024-01-28")
    # the score is back under the threshold at the end of the period
    assert "**ESCALATED**: breakout on 2024-01-16" in text
    assert "latest -0.5, below the threshold again." in text
    assert "2024-01-16 ACCUSE: PAK → IRN (1 report)" in text
    assert "IRN → PAK: ASSAULT/aerial 2024-01-16" in text
    assert "PAK → IRN: SANCTION 2024-01-17, ASSAULT/aerial 2024-01-18" in text
    assert "| 2024-01-15 | 5 | 0 | 0 | 1 | 4 | 36.0 | 11 |" in text
    assert "![map_IRN-PAK](map_IRN-PAK.png)" in text


def test_overview_ranks_dyads_and_includes_the_top_one(tmp_path: Path) -> None:
    rep = overview_report(tit_for_tat(), tmp_path, since="2024-01-08", until="2024-01-28")
    names = sorted(p.name for p in rep.charts)
    assert names == ["intensity_IRN-PAK.png", "map.png", "map_IRN-PAK.png", "timeline.png"]
    assert all(_is_png(p) for p in rep.charts)
    lines = rep.text.splitlines()
    first_row = lines[lines.index("## Most escalating dyads") + 3]
    assert first_row.startswith("| Iran – Pakistan (IRN-PAK) | yes | 2024-01-16 |")
    assert "## Top escalating dyad: Iran – Pakistan" in rep.text


def test_report_without_events_still_writes(tmp_path: Path) -> None:
    rep = overview_report([], tmp_path)
    assert "No dyad with conflict events in the period." in rep.text
    assert all(_is_png(p) for p in rep.charts)


def test_world_outline_has_iso3_countries() -> None:
    world = world_outline()
    codes = {f["properties"]["iso3"] for f in world["features"]}
    assert {"IRN", "PAK", "IRQ", "KGZ", "TJK", "NGA", "USA"} <= codes
    assert "Natural Earth" in world["attribution"]


def test_charts_are_figures_and_leave_the_backend_alone(tmp_path: Path) -> None:
    code = (
        "import sys, matplotlib\n"
        "before = matplotlib.get_backend()\n"
        "from flashpoint.analysis import charts, report\n"
        "assert matplotlib.get_backend() == before == 'svg', matplotlib.get_backend()\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    env = {**os.environ, "MPLBACKEND": "svg"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    df = to_frame(tit_for_tat())
    fig = charts.timeline_chart(df)
    assert isinstance(fig, Figure)
    assert fig.axes[0].get_ylabel() == "events per day"
    # one bar per day and quad class with events, not one per day of the period
    assert len(fig.axes[0].patches) == len(df[["date", "quad_code"]].drop_duplicates()) == 10
    path = charts.save(charts.map_chart(df, "Events"), tmp_path / "map.png")
    assert _is_png(path)


def test_map_markers_are_capped_with_a_size_key() -> None:
    rows = [
        ev(1, "2024-01-16", "ASSAULT", "IRN", "PAK", dead=500_000, latitude=33.0, longitude=44.0),
        ev(2, "2024-01-16", "ASSAULT", "IRN", "PAK", dead=2, latitude=28.5, longitude=65.5),
        ev(3, "2024-01-17", "ACCUSE", "PAK", "IRN", latitude=30.0, longitude=70.0),
    ]
    rows[2]["location_precision"] = "country"
    fig = charts.map_chart(to_frame(rows), "Events")
    ax = fig.axes[0]
    areas = [a for coll in ax.collections[1:] for a in coll.get_sizes()]
    assert max(areas) == charts.marker_area(pd.Series([charts.MAX_KILLED_SIZE])).iloc[0]
    hollow = [c for c in ax.collections[1:] if not c.get_facecolor().any()]
    assert len(hollow) == 1  # the country-centroid accusation
    legends = [a for a in ax.get_children() if isinstance(a, Legend)]
    titles = sorted(leg.get_title().get_text() for leg in legends)
    assert titles == ["event type", "killed"]
    key = [t.get_text() for leg in legends for t in leg.get_texts()]
    assert "1,000 or more" in key and "country only\n(at its centroid)" in key
    for leg in legends:  # outside the plot, right of it
        assert leg.get_bbox_to_anchor().x0 >= ax.get_window_extent().x1


def test_the_whole_store_brief_covers_the_recent_window(tmp_path: Path) -> None:
    events = [
        *tit_for_tat(),
        ev(30, "1956-01-01", "ASSAULT", "IRN", "PAK", date_precision="year", dead=3000),
        ev(31, "2024-01-17", "ASSAULT", "PAK", "IRN", dead=500_000, aux=["aggregate"]),
    ]
    rep = overview_report(events, tmp_path)
    assert rep.text.startswith("# Escalation brief, 2023-12-15 – 2024-01-22")
    assert "Left out: 1 background or aggregate mention" in rep.text
    assert "| Iran – Pakistan (IRN-PAK) | yes | 2024-01-16 | 6.0 | 7 | 5 | 11 | 1 |" in rep.text


def test_a_calm_end_is_not_called_escalating(tmp_path: Path) -> None:
    rep = dyad_report(tit_for_tat(), "IRN-PAK", tmp_path, since="2024-01-08", until="2024-03-01")
    assert "**ESCALATED**" in rep.text and "latest 0.0, below the threshold again." in rep.text
    esc = dyad_escalation(tit_for_tat(), "IRN-PAK", since="2024-01-08", until="2024-03-01")
    counts = dyad_counts(tit_for_tat(), "IRN-PAK", since="2024-01-08", until="2024-03-01")
    fig = charts.intensity_chart(counts, esc, [], Dyad.parse("IRN-PAK"))
    title = fig.axes[0].get_title(loc="left")
    assert "(escalating)" not in title and "escalated from 2024-01-16" in title
    shaded = [p for p in fig.axes[1].patches if p.get_alpha() == 0.08]
    assert len(shaded) == 1  # one run above the threshold, not shading to the end
