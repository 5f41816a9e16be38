"""The actor network: directed, weighted edges and per-actor totals."""

from __future__ import annotations

from _analysis_events import tit_for_tat

from flashpoint.analysis import actor_network


def test_edges_count_and_weigh_each_direction() -> None:
    net = actor_network(tit_for_tat(), since="2024-01-01", until="2024-01-31")
    edges = net.edges.set_index(["source", "target"])
    irn_pak = edges.loc[("IRN", "PAK")]
    assert irn_pak["events"] == 3  # two strikes and the agreement
    assert irn_pak["material_conflict"] == 2 and irn_pak["cooperative"] == 1
    assert irn_pak["hostility"] == 18.0 and irn_pak["dead"] == 2
    pak_irn = edges.loc[("PAK", "IRN")]
    assert (pak_irn["events"], pak_irn["conflict"], pak_irn["dead"]) == (3, 3, 9)
    assert edges.loc[("USA", "PAK"), "cooperation"] == 10.0
    assert len(edges) == 5  # the December consultation is outside the period


def test_nodes_total_what_they_send_and_receive() -> None:
    nodes = actor_network(tit_for_tat()).nodes.set_index("id")
    assert nodes.loc["IRN", "label"] == "Iran"
    assert nodes.loc["IRN", "sent"] == 5  # consult, two strikes, agreement, strike on Iraq
    assert nodes.loc["PAK", "received"] == 5  # incl. the consult and US aid
    assert nodes.loc["IRN", "degree"] == 2  # Pakistan and Iraq
    assert nodes.index[0] in ("IRN", "PAK")  # the busiest first


def test_min_events_and_the_json_form() -> None:
    net = actor_network(tit_for_tat(), min_events=2)
    assert set(zip(net.edges["source"], net.edges["target"], strict=True)) == {
        ("IRN", "PAK"),
        ("PAK", "IRN"),
    }
    data = net.to_dict()
    assert {"source", "target", "events", "hostility"} <= set(data["edges"][0])
    assert all(isinstance(e["events"], int) for e in data["edges"])
