"""Retaliation chains: act, answer, answer again, within a window."""

from __future__ import annotations

from datetime import date

import pytest
from _analysis_events import ev, tit_for_tat

from flashpoint.analysis import retaliation_chains
from flashpoint.errors import ConfigError


def test_the_tit_for_tat_week_is_one_chain_of_three_moves() -> None:
    chains = retaliation_chains(tit_for_tat())
    assert len(chains) == 1
    chain = chains[0]
    assert chain.dyad == "IRN-PAK" and chain.initiator == "IRN"
    assert [(m.actor, m.recipient) for m in chain.moves] == [
        ("IRN", "PAK"),
        ("PAK", "IRN"),
        ("IRN", "PAK"),
    ]
    # Pakistan's answer is one move: the ambassador recalled, then the strike
    assert [e.event_type for e in chain.moves[1].events] == ["SANCTION", "ASSAULT"]
    assert [m.lag_days for m in chain.moves] == [None, 1, 1]
    assert (chain.start, chain.end, chain.dead) == (date(2024, 1, 16), date(2024, 1, 19), 11)
    record = chain.to_dict()
    assert record["sequence"] == ["IRN → PAK", "PAK → IRN", "IRN → PAK"]
    assert record["moves"][0]["events"][0]["location"] == "Balochistan"
    assert chain.describe().splitlines()[0] == "IRN → PAK: ASSAULT/aerial 2024-01-16"


def test_verbal_conflict_alone_makes_no_chain() -> None:
    events = [
        ev(1, "2024-03-01", "ACCUSE", "IND", "PAK"),
        ev(2, "2024-03-02", "THREATEN", "PAK", "IND"),
    ]
    assert retaliation_chains(events) == []
    assert len(retaliation_chains(events, quads=(3, 4))) == 1


def test_an_answer_after_the_window_starts_nothing() -> None:
    events = [
        ev(1, "2024-03-01", "ASSAULT", "IND", "PAK"),
        ev(2, "2024-03-12", "ASSAULT", "PAK", "IND"),
    ]
    assert retaliation_chains(events, window_days=7) == []
    (chain,) = retaliation_chains(events, window_days=14)
    assert chain.moves[1].lag_days == 11


def test_a_long_gap_splits_chains_and_min_moves_filters() -> None:
    events = [
        ev(1, "2024-03-01", "ASSAULT", "IND", "PAK"),
        ev(2, "2024-03-03", "ASSAULT", "PAK", "IND"),
        ev(3, "2024-05-01", "SANCTION", "IND", "PAK"),
        ev(4, "2024-05-02", "SANCTION", "PAK", "IND"),
        ev(5, "2024-05-05", "ASSAULT", "IND", "PAK"),
        ev(6, "2024-07-01", "ASSAULT", "IND", "PAK"),
    ]
    chains = retaliation_chains(events)
    assert [(c.start, len(c.moves)) for c in chains] == [
        (date(2024, 3, 1), 2),
        (date(2024, 5, 1), 3),
    ]
    assert len(retaliation_chains(events, min_moves=3)) == 1
    assert len(retaliation_chains(events, min_moves=1)) == 3  # the lone strike too


def test_dyad_and_period_filters() -> None:
    events = tit_for_tat() + [
        ev(20, "2024-01-17", "ASSAULT", "IRQ", "IRN"),
    ]
    assert {c.dyad for c in retaliation_chains(events)} == {"IRN-IRQ", "IRN-PAK"}
    (only,) = retaliation_chains(events, dyad="PAK-IRN")
    assert only.dyad == "PAK-IRN" and only.initiator == "IRN"
    late = retaliation_chains(events, since="2024-01-18")
    assert [(c.dyad, c.start) for c in late] == [("IRN-PAK", date(2024, 1, 18))]
    with pytest.raises(ConfigError):
        retaliation_chains(events, window_days=-1)


def test_chains_between_named_groups() -> None:
    events = [
        ev(
            1,
            "2024-02-01",
            "ASSAULT",
            "PAK",
            "PAK",
            actor_sector="REB",
            actor_name="Baluch Liberation Army",
            recipient_sector="MIL",
        ),
        ev(
            2,
            "2024-02-03",
            "ASSAULT",
            "PAK",
            "PAK",
            actor_sector="MIL",
            recipient_sector="REB",
            recipient_name="Baluch Liberation Army",
        ),
    ]
    assert retaliation_chains(events) == []  # one country against itself
    (chain,) = retaliation_chains(events, level="group")
    assert chain.initiator == "PAK:Baluch Liberation Army"
