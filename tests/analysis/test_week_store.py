"""End to end: invented articles about a week of Iran–Pakistan strikes, coded and stored in
a real DuckDB store; the analysis finds the retaliation chain and ranks the dyad first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from flashpoint import Coder
from flashpoint.analysis import (
    escalating_dyads,
    load_events,
    retaliation_chains,
)
from flashpoint.ingest import ingest
from flashpoint.store import open_store

WEEK = Path(__file__).resolve().parent / "week"


@pytest.fixture(scope="module")
def events(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> Iterator[pd.DataFrame]:
    db = tmp_path_factory.mktemp("week") / "week.duckdb"
    with open_store(db) as store:
        report = ingest(store, sorted(WEEK.glob("*.txt")), coder=coder)
        assert report.stored == 6 and report.errors == 0
        yield load_events(store, since="2024-01-08", until="2024-01-28", history_days=35)


def test_the_iran_pakistan_chain_is_found(events: pd.DataFrame) -> None:
    chains = retaliation_chains(events, dyad="IRN-PAK", since="2024-01-08")
    assert chains, "no retaliation chain between Iran and Pakistan"
    chain = chains[0]
    assert chain.initiator == "IRN" and chain.start == date(2024, 1, 16)
    sides = [(m.actor, m.recipient) for m in chain.moves]
    assert sides[:2] == [("IRN", "PAK"), ("PAK", "IRN")]
    kinds = {(m.actor, e.event_type) for m in chain.moves for e in m.events}
    assert {("IRN", "ASSAULT"), ("PAK", "ASSAULT")} <= kinds
    # found without asking for the dyad too
    assert any(c.dyad == "IRN-PAK" for c in retaliation_chains(events, since="2024-01-08"))


def test_the_dyad_is_ranked_first_and_escalating(events: pd.DataFrame) -> None:
    ranking = escalating_dyads(events, since="2024-01-08", until="2024-01-28")
    top = ranking[0]
    assert top.escalation.dyad == "IRN-PAK"
    assert top.escalation.escalating
    assert top.escalation.breakout is not None
    assert date(2024, 1, 15) <= top.escalation.breakout <= date(2024, 1, 17)
    assert top.chains
    others = [s for s in ranking[1:] if s.escalation.escalating]
    assert all(s.escalation.peak_score <= top.escalation.peak_score for s in others)
