"""Two patterns of terse headline and note style:

- one person harmed told without "was" ("A policeman killed in Kano.") counts one, as
  "a policeman was killed" does, when no object follows the verb ("a soldier killed two
  militants" is active and counts the two);
- a town or region compounded onto the event noun ("in a Kano market attack", "the
  Peshawar mosque bombing") names where the event was, not who did it.

Every sentence is invented."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(events: list[Event]) -> Event:
    return max(events, key=lambda e: (e.quad_code == 4, e.confidence))


@pytest.mark.parametrize(
    "text",
    [
        "A policeman killed in Kano.",
        "A village chief shot dead near Beni on Monday.",
        "An aid worker killed by gunmen in Kidal.",
    ],
)
def test_one_person_harmed_in_headline_style_counts_one(coder: Coder, text: str) -> None:
    assert _top(coder.code(text, pub_date="2024-06-05")).dead == 1


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A soldier killed two militants in Kano.", 2),
        ("A gunman killed at least five people at a bar in Kano.", 5),
    ],
)
def test_a_singular_subject_with_an_object_is_the_killer(
    coder: Coder, text: str, dead: int
) -> None:
    """Guard: the singular subject of a killing verb with an object is not its victim."""
    assert _top(coder.code(text, pub_date="2024-06-05")).dead == dead


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Three soldiers killed in Kano market attack.", "Kano"),
        ("Two traders were wounded in a Maiduguri market bombing on Friday.", "Borno"),
    ],
)
def test_a_town_compounded_onto_the_event_noun_is_its_place(
    coder: Coder, text: str, admin1: str
) -> None:
    loc = _top(coder.code(text, pub_date="2024-06-05")).location
    assert loc is not None and (loc.country, loc.admin1) == ("NGA", admin1)


def test_a_country_compounded_onto_the_event_noun_stays_a_participant(coder: Coder) -> None:
    """Guard: "an Israel strike ... in Gaza" is placed in Gaza, by Israel."""
    top = _top(coder.code("An Israel strike killed five people in Gaza.", pub_date="2024-06-05"))
    assert top.location is not None and top.location.country == "PSE"
    assert top.actor is not None and top.actor.country == "ISR"
