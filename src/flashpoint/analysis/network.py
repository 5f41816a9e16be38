"""The actor network: who acts on whom, how often, how hostile, how many killed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from flashpoint.analysis.dyads import ActorSpec, Level, pair_keys
from flashpoint.analysis.frame import (
    EventsLike,
    analysable,
    as_day,
    cooperation,
    hostility,
    in_period,
    to_frame,
)

EDGE_COLUMNS = (
    "source",
    "target",
    "events",
    "conflict",
    "material_conflict",
    "cooperative",
    "intensity",
    "hostility",
    "cooperation",
    "dead",
)


@dataclass(frozen=True)
class Network:
    """A directed, weighted actor network.

    `edges`: one row per (source, target) with event counts (all, conflict = quad 3-4,
    material_conflict = quad 4, cooperative = quad 1-2), summed intensity, hostility,
    cooperation and dead. `nodes`: one row per actor with its label, events sent and
    received, hostility sent and received, and degree (distinct partners)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": _records(self.nodes),
            "edges": _records(self.edges),
        }


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict(orient="records"):
        out.append({k: _plain(v) for k, v in rec.items()})
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def actor_network(
    events: EventsLike,
    level: Level = "country",
    since: date | str | None = None,
    until: date | str | None = None,
    min_events: int = 1,
    include_imprecise: bool = False,
    include_background: bool = False,
) -> Network:
    """The network of the events in [since, until] whose actor and recipient are known,
    actors told apart at `level`; edges with fewer than `min_events` events are left out,
    and so are imprecise and background events unless included (see
    `flashpoint.analysis.frame.analysable`)."""
    df = analysable(to_frame(events), include_imprecise, include_background)
    df = in_period(df, as_day(since, "since"), as_day(until, "until"))
    keys = pair_keys(df, level)
    df = df.loc[keys.index]
    quad = df["quad_code"].astype("int64")
    parts = pd.DataFrame(
        {
            "source": keys["source"],
            "target": keys["target"],
            "events": 1,
            "conflict": quad.isin([3, 4]).astype("int64"),
            "material_conflict": (quad == 4).astype("int64"),
            "cooperative": quad.isin([1, 2]).astype("int64"),
            "intensity": df["intensity"],
            "hostility": hostility(df),
            "cooperation": cooperation(df),
            "dead": df["dead"].fillna(0).astype("int64"),
        }
    )
    edges = parts.groupby(["source", "target"], as_index=False).sum()
    edges = edges[edges["events"] >= min_events]
    edges = edges.sort_values(["events", "hostility"], ascending=False, ignore_index=True)
    return Network(nodes=_nodes(edges), edges=edges[list(EDGE_COLUMNS)])


def _nodes(edges: pd.DataFrame) -> pd.DataFrame:
    sent = edges.groupby("source").agg(sent=("events", "sum"), hostility_sent=("hostility", "sum"))
    got = edges.groupby("target").agg(
        received=("events", "sum"), hostility_received=("hostility", "sum")
    )
    nodes = sent.join(got, how="outer").fillna(0)
    partners = pd.concat(
        [
            edges[["source", "target"]],
            edges.rename(columns={"source": "target", "target": "source"}),
        ]
    )
    nodes["degree"] = partners.groupby("source")["target"].nunique()
    nodes.index.name = "id"
    nodes = nodes.reset_index()
    nodes.insert(1, "label", [ActorSpec.parse(k).label for k in nodes["id"]])
    for col in ("sent", "received", "degree"):
        nodes[col] = nodes[col].astype("int64")
    nodes["events"] = nodes["sent"] + nodes["received"]
    return nodes.sort_values(["events", "id"], ascending=[False, True], ignore_index=True)
