"""What the analysis counts: imprecise dates and background or aggregate mentions are left out
by default (an option brings them back); dates are shown as precisely as they are known."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from _analysis_events import ev, tit_for_tat

from flashpoint.analysis import (
    actor_network,
    dyad_counts,
    dyad_escalation,
    escalating_dyads,
    retaliation_chains,
)
from flashpoint.analysis.frame import analysable, format_date, recent_window, to_frame


def _history() -> list[dict[str, Any]]:
    """The week, plus what long articles also say: a running toll and year-dated history."""
    return [
        *tit_for_tat(),
        # "more than 500,000 people have been killed as the war enters its eighth year"
        ev(20, "2024-01-17", "ASSAULT", "PAK", "IRN", dead=500_000, aux=["aggregate"]),
        # "the 1956 war", "in 1967 Iran struck Pakistan", answered the same year
        ev(21, "1956-01-01", "ASSAULT", "IRN", "PAK", date_precision="year", dead=3000),
        ev(22, "1967-01-01", "ASSAULT", "PAK", "IRN", date_precision="year"),
        ev(23, "1967-01-01", "ASSAULT", "IRN", "PAK", date_precision="month"),
        ev(24, "2016-01-01", "ASSAULT", "IRN", "NLD", aux=["background"]),
    ]


def test_the_frame_keeps_precision_and_aux_from_every_layout() -> None:
    nested = {"id": "ev_1", "date": "2024-01-16", "date_precision": "month", "aux": ["aggregate"]}
    flat_csv = {"event_id": "ev_2", "date": "1956-01-01", "aux": "background;historical"}
    df = to_frame([nested, flat_csv])
    assert df["date_precision"].tolist()[0] == "month"
    assert df["aux"].tolist() == ["aggregate", "background;historical"]
    assert analysable(df).empty
    assert len(analysable(df, include_imprecise=True, include_background=True)) == 2


def test_escalation_ignores_history_and_running_tolls_by_default() -> None:
    ranking = escalating_dyads(_history(), limit=None)
    top = ranking[0]
    assert top.escalation.dyad == "IRN-PAK"
    assert top.dead == 11  # not 500,000 more, nor 3,000 from 1956
    assert top.first_date == date(2023, 12, 15)  # the period starts with the data, not 1956
    assert top.escalation.breakout == date(2024, 1, 16)
    assert "IRN-NLD" not in {s.escalation.dyad for s in ranking}
    counted = escalating_dyads(_history(), include_imprecise=True, include_background=True)
    assert counted[0].first_date == date(1956, 1, 1)
    assert sum(s.dead for s in counted) > 500_000


def test_chains_counts_and_network_leave_them_out_too() -> None:
    chains = retaliation_chains(_history())
    assert [c.start for c in chains] == [date(2024, 1, 16)]
    with_history = retaliation_chains(_history(), include_imprecise=True)
    assert with_history[0].start == date(1967, 1, 1)
    assert with_history[0].describe().splitlines() == [
        "PAK → IRN: ASSAULT 1967",
        "IRN → PAK: ASSAULT Jan 1967",
    ]
    counts = dyad_counts(_history(), "IRN-PAK")
    assert counts.index.min() == pd.Timestamp("2023-12-15")
    assert int(counts["dead"].sum()) == 11
    esc = dyad_escalation(_history(), "IRN-PAK")
    assert esc.breakout == date(2024, 1, 16)
    edges = actor_network(_history()).edges
    assert int(edges["dead"].sum()) == 15
    assert not ((edges["source"] == "IRN") & (edges["target"] == "NLD")).any()


def test_dates_are_shown_as_precisely_as_known() -> None:
    assert format_date(date(1956, 1, 1), "year") == "1956"
    assert format_date(date(2024, 1, 1), "month") == "Jan 2024"
    assert format_date(date(2024, 1, 17), "week") == "week of 2024-01-15"
    assert format_date(date(2024, 1, 17), "day") == "2024-01-17"
    assert format_date(pd.NaT) == "undated"


def test_the_recent_window_is_the_last_90_days_and_ignores_a_stray_date() -> None:
    days = [date(2024, 1, 1) + pd.Timedelta(days=i) for i in range(200)]
    assert recent_window(days) == (date(2024, 4, 20), date(2024, 7, 18))
    stray = [*days, date(2031, 1, 1)]  # a misdated event years later
    assert recent_window(stray) == (date(2024, 4, 20), date(2024, 7, 18))
    assert recent_window([date(2024, 1, 5)]) == (date(2024, 1, 5), date(2024, 1, 5))
    assert recent_window([]) is None
