"""Dyad analytics over stored events: who is heating up with whom, and how.

>>> import flashpoint
>>> from flashpoint import analysis
>>> store = flashpoint.open("flashpoint.duckdb")
>>> df = analysis.load_events(store, since="2024-01-01", history_days=35)
>>> analysis.dyad_counts(df, "IRN-PAK", freq="day")          # counts by quad class, intensity
>>> analysis.dyad_escalation(df, "IRN-PAK", since="2024-01-01").escalating
>>> analysis.retaliation_chains(df, dyad="IRN-PAK")[0].describe()
>>> analysis.escalating_dyads(df, since="2024-01-01")       # the ranking
>>> analysis.actor_network(df).edges

Every function takes a pandas DataFrame of the store's flat columns, a list of store events,
the coder's `Event`s or event-record dicts (see `to_frame`), so it can be used without a
store. Actors are written `IRN`, `PAK:MIL`, `Houthis` or `PAK:Baluch Liberation Army`; dyads
`IRN-PAK` (see `flashpoint.analysis.dyads`).
"""

from __future__ import annotations

from flashpoint.analysis.chains import Chain, ChainEvent, Move, retaliation_chains
from flashpoint.analysis.dyads import (
    LEVELS,
    ActorSpec,
    Dyad,
    actor_keys,
    dyad_counts,
    pair_keys,
)
from flashpoint.analysis.escalation import (
    DyadSummary,
    Escalation,
    EscalationParams,
    dyad_escalation,
    escalating_dyads,
)
from flashpoint.analysis.frame import country_name, load_events, to_frame
from flashpoint.analysis.network import Network, actor_network

__all__ = [
    "LEVELS",
    "ActorSpec",
    "Chain",
    "ChainEvent",
    "Dyad",
    "DyadSummary",
    "Escalation",
    "EscalationParams",
    "Move",
    "Network",
    "actor_keys",
    "actor_network",
    "country_name",
    "dyad_counts",
    "dyad_escalation",
    "escalating_dyads",
    "load_events",
    "pair_keys",
    "retaliation_chains",
    "to_frame",
]
