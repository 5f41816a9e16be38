"""The escalation signal: rolling hostility against its own baseline, with a change-point."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from _analysis_events import ev, tit_for_tat

from flashpoint.analysis import EscalationParams, dyad_escalation, escalating_dyads
from flashpoint.analysis.escalation import signal
from flashpoint.errors import ConfigError


def test_signal_scores_recent_hostility_against_the_baseline() -> None:
    days = pd.date_range("2024-01-01", periods=40, freq="D")
    hostility = pd.Series(0.0, index=days)
    hostility.iloc[35] = 9.0
    hostility.iloc[36] = 6.0
    out = signal(pd.DataFrame({"hostility": hostility}))
    # no history: the spread is floored at min_scale (6), so z = recent / 6
    assert out["score"].iloc[35] == pytest.approx(9.0 / 6.0)
    assert out["score"].iloc[36] == pytest.approx(15.0 / 6.0)
    assert out["recent"].iloc[36] == 15.0
    assert out["baseline"].iloc[36] == 0.0
    assert out["cusum"].iloc[34] == 0.0 and out["cusum"].iloc[36] == pytest.approx(13.0)


def test_tit_for_tat_is_escalating_with_its_breakout() -> None:
    esc = dyad_escalation(tit_for_tat(), "IRN-PAK", since="2024-01-08", until="2024-01-28")
    assert esc.escalating
    assert esc.breakout == date(2024, 1, 16)  # the first strike
    assert esc.alarm == date(2024, 1, 16)  # strike (9) + protest (3) = 12 = 2 x 6
    assert esc.peak_date == date(2024, 1, 19)
    assert esc.peak_score == pytest.approx((9 + 3 + 6 + 9 + 9) / 6.0)
    assert esc.hostility == 36.0 and esc.events == 6
    assert "baseline" in esc.method
    record = esc.to_dict()
    assert record["breakout"] == "2024-01-16"
    assert record["series"][0]["date"] == "2024-01-08" and len(record["series"]) == 21


def test_one_strike_alone_is_not_escalation() -> None:
    esc = dyad_escalation(tit_for_tat(), "IRN-IRQ", since="2024-01-08", until="2024-01-28")
    assert not esc.escalating
    assert esc.breakout is None and esc.alarm is None
    assert esc.peak_score == pytest.approx(9.0 / 6.0)


def test_a_dyad_at_its_usual_level_is_not_escalating() -> None:
    """Weekly strikes for months are that dyad's normal: the same week scores low."""
    events = [
        ev(
            i,
            str((pd.Timestamp("2023-10-02") + pd.Timedelta(weeks=i)).date()),
            "ASSAULT",
            "IRN",
            "PAK",
        )
        for i in range(18)
    ]
    events.append(ev(99, "2024-01-31", "ACCUSE", "PAK", "IRN"))
    events += [ev(200 + i, "2024-01-29", "ASSAULT", "IRN", "PAK") for i in range(2)]
    calm = dyad_escalation(events, "IRN-PAK", since="2024-01-01", until="2024-01-28")
    assert not calm.escalating
    burst = dyad_escalation(events, "IRN-PAK", since="2024-01-29", until="2024-02-04")
    assert burst.escalating  # three strikes and a protest in a week is above its normal


def test_params_change_the_verdict_and_are_checked() -> None:
    strict = EscalationParams(threshold=10.0)
    assert not dyad_escalation(tit_for_tat(), "IRN-PAK", params=strict).escalating
    with pytest.raises(ConfigError, match="window"):
        dyad_escalation(tit_for_tat(), "IRN-PAK", params=EscalationParams(window=0))
    with pytest.raises(ConfigError, match="after"):
        dyad_escalation(tit_for_tat(), "IRN-PAK", since="2024-02-01", until="2024-01-01")


def test_ranking_puts_the_tit_for_tat_dyad_first() -> None:
    ranking = escalating_dyads(tit_for_tat(), since="2024-01-08", until="2024-01-28")
    keys = [s.escalation.dyad for s in ranking]
    assert keys[0] == "IRN-PAK"
    assert ranking[0].escalation.escalating
    assert ranking[0].dead == 11 and ranking[0].conflict_events == 5
    assert len(ranking[0].chains) == 1
    assert set(keys) == {"IRN-PAK", "IRN-IRQ", "CHN-USA"}  # USA-PAK aid is no conflict
    assert [s.escalation.escalating for s in ranking] == [True, False, False]
    summary = ranking[0].to_dict()
    assert summary["longest_chain"] == 3 and summary["first_date"] == "2024-01-16"
    assert len(escalating_dyads(tit_for_tat(), limit=1)) == 1
