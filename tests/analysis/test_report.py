"""The brief: report.md with a summary, and PNG charts (intensity over time, a map)."""

from __future__ import annotations

from pathlib import Path

from _analysis_events import tit_for_tat

from flashpoint.analysis.charts import world_outline
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
    assert "**ESCALATING**: breakout on 2024-01-16" in text
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
