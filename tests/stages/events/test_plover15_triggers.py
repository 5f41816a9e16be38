"""Trigger rows of this set of patterns (data/events/triggers.tsv), each pinned by
invented sentences whose most confident event must have the type:

- inking an accord, or putting one's signature to it, is signing it (SUPPORT);
- pulling an envoy out of a capital is recalling them (SANCTION);
- shells, rockets or bombs raining down on a place are its shelling (ASSAULT);
- crowds pouring into the streets or a square protest there (PROTEST);
- passing intelligence to another state's forces is sharing it (COOPERATE);
- a currency swap line between central banks is economic cooperation (COOPERATE);
- aid, relief or supplies arriving somewhere, or relief material rushed there, are its
  delivery (AID).
"""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.confidence, default=None)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Chile and Bolivia inked a water-sharing accord in La Paz on Monday.", "SUPPORT"),
        ("A trade pact between Ghana and Togo was inked in Lome on Friday.", "SUPPORT"),
        ("The two leaders put their signatures to a fisheries treaty in Dakar.", "SUPPORT"),
        ("Estonia pulled its ambassador from Tehran on Tuesday over the executions.", "SANCTION"),
        ("Mortar shells rained down on the outskirts of Aleppo overnight.", "ASSAULT"),
        ("Rockets rained down on two villages near Kharkiv on Sunday.", "ASSAULT"),
        ("Thousands poured into the streets of Tbilisi on Saturday night.", "PROTEST"),
        ("Students poured onto the main square of Novi Sad on Friday.", "PROTEST"),
        ("Kenya has been passing intelligence to Somali forces, officials said.", "COOPERATE"),
        ("The central banks of Brazil and Argentina agreed to a currency swap line.", "AGREE"),
        (
            "The central banks of Egypt and the UAE opened a currency swap line on Monday.",
            "COOPERATE",
        ),
        ("Relief supplies from Jordan arrived in northern Gaza on Wednesday.", "AID"),
        ("Pakistan rushed tents and relief material to flooded districts of Sindh.", "AID"),
    ],
)
def test_the_row_gives_the_type(coder: Coder, text: str, event_type: str) -> None:
    top = _top(coder.code(text, pub_date="2024-05-06"))
    assert top is not None and top.event_type == event_type, top


@pytest.mark.parametrize(
    "text",
    [
        "Parliament passed a budget bill on Tuesday.",  # a law passed is no intelligence shared
        "The delegation arrived in Geneva for talks on Monday.",  # people arriving, not aid
        "It rained heavily in Dhaka on Sunday.",  # weather
    ],
)
def test_the_rows_keep_their_conditions(coder: Coder, text: str) -> None:
    top = _top(coder.code(text, pub_date="2024-05-06"))
    assert top is None or top.event_type not in ("COOPERATE", "AID", "ASSAULT"), top
