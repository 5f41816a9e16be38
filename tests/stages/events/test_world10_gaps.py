"""Events the lexicon once missed (world10 tuning misses), each with a sentence the rule must
leave alone: forces that encircle, surround or cordon off a place move without fighting
(MOBILIZE, placed where they went); people "picked up" by security forces are arrested, by
men in plain clothes abducted. Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest
from _coded import top_event

from flashpoint import Coder


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("About 8,000 soldiers encircled the town of Kumbo on Monday.", "Kumbo"),
        ("Security forces surrounded the house where the gunmen were hiding in Kano.", "Kano"),
        ("Police cordoned off the market in Kano after the blast.", "Kano"),
    ],
)
def test_forces_closing_in_on_a_place_mobilise_there(coder: Coder, text: str, town: str) -> None:
    event = top_event(coder, text)
    assert event.event_type == "MOBILIZE"
    assert event.location is not None and event.location.name == town


def test_a_deployment_happens_where_the_troops_were_sent(coder: Coder) -> None:
    event = top_event(coder, "Troops were deployed to the town of Kumbo on Monday.")
    assert event.event_type == "MOBILIZE"
    assert event.location is not None and event.location.name == "Kumbo"


@pytest.mark.parametrize(
    "text",
    [
        # what surrounds an issue is no force
        "The controversy surrounding the election in Lagos deepened on Monday.",
        "Mystery surrounds the fate of the ship.",
        # police who arrive at a scene respond to an incident: no deployment
        "Officers arrived to find the bodies lying in the street.",
        "Police arrived at the scene shortly after the shooting.",
    ],
)
def test_no_force_moves_in(coder: Coder, text: str) -> None:
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert all(e.event_type != "MOBILIZE" for e in found)


def test_people_the_police_picked_up_were_arrested(coder: Coder) -> None:
    event = top_event(coder, "Police picked up three opposition activists in Harare on Monday.")
    assert (event.event_type, event.acled_sub_event_type) == ("COERCE", "Arrests")


def test_a_person_picked_up_by_men_in_plain_clothes_was_abducted(coder: Coder) -> None:
    text = (
        "Men in plain clothes picked up the journalist in Harare on Tuesday and his "
        "whereabouts are unknown."
    )
    event = top_event(coder, text)
    assert event.event_type == "ASSAULT"
    assert event.acled_sub_event_type == "Abduction/forced disappearance"


def test_a_parcel_picked_up_is_no_arrest(coder: Coder) -> None:
    found = coder.code("The courier picked up the parcels in Harare on Monday.", doc_id="t")
    assert all(e.event_type not in ("COERCE", "ASSAULT") for e in found)


def test_riot_police_arriving_in_a_town_are_deployed(coder: Coder) -> None:
    event = top_event(coder, "Riot police arrived in Bamenda on Monday.")
    assert event.event_type == "MOBILIZE"


@pytest.mark.parametrize(
    "text",
    [
        "A riot policeman struck a student during a march in Kampala on Monday.",
        "Officers in riot gear stood outside the court in Kampala.",
    ],
)
def test_riot_as_a_word_of_the_police_or_their_gear_is_no_riot(coder: Coder, text: str) -> None:
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert all(e.trigger.text.lower() != "riot" for e in found)


def test_a_riot_is_still_a_riot(coder: Coder) -> None:
    event = top_event(coder, "The riot in Kampala left two people dead.")
    assert (event.event_type, event.trigger.text) == ("PROTEST", "riot")
