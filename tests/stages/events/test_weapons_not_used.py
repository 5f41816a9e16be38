"""Weapons that were not used and uses that were stopped (invented sentences): grenades
handed over in a surrender are no grenade attack; shooting down missiles or drones stops a
weapon (ACLED's disrupted weapons use) even when the missiles' owner is named; arrests made as
a protest is broken up are how the protest was met."""

from __future__ import annotations

from flashpoint import Coder
from flashpoint.document import Event
from flashpoint.evaluate import _main_event


def _main(coder: Coder, text: str) -> Event:
    event = _main_event(coder.code(text, pub_date="2025-05-06", doc_id="t"))
    assert event is not None, f"no event in {text!r}"
    return event


def test_grenades_handed_over_are_no_attack(coder) -> None:
    text = (
        "Around 300 fighters of the group laid down their arms at a ceremony in Kasese on "
        "Monday, police said. The fighters handed over 120 weapons, including rifles and "
        "grenades."
    )
    assert "Grenade" not in [e.acled_sub_event_type for e in coder.code(text, doc_id="t")]


def test_missiles_of_a_named_state_shot_down_are_stopped_weapons(coder) -> None:
    text = "Ukrainian air defences shot down five Russian cruise missiles over the Odesa region."
    assert _main(coder, text).acled_sub_event_type == "Disrupted weapons use"


def test_arrests_while_breaking_up_a_protest_are_the_protests_intervention(coder) -> None:
    text = (
        "Riot police used tear gas to break up a protest by market traders outside the town "
        "hall in Kumasi on Monday, arresting nine people, a traders' union said."
    )
    assert _main(coder, text).acled_event_type == "Protests"
