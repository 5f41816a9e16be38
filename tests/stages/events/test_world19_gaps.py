"""Patterns found missing on 7 December 2026 (the tuning half of notes_world19, invented
event notes and wire reports), each a general pattern stated in its case (invented
sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_acled_sub, top_event

from flashpoint import Coder


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # whose the second people of a sum were may follow them
        ("Three policemen and two members of an armed gang were killed in a shootout in the "
         "market on Friday.", 5),
        ("Eight soldiers and four members of the local self-defence militia were killed when "
         "militants attacked the camp.", 12),
        # guard: "an unknown number" is no one more
        ("Four soldiers and an unknown number of rebels were killed in the fighting.", 4),
    ],
)  # fmt: skip
def test_a_sum_whose_second_people_are_of_a_group(coder: Coder, text: str, dead: int) -> None:
    assert top_event(coder, text).dead == dead


def test_people_demonstrating_are_protesters(coder: Coder) -> None:
    """People "demonstrating" are protesters, as people "protesting" are: crowd control
    used on them is an intervention."""
    text = (
        "On 3 May 2024, riot police used tear gas and water cannon to disperse teachers "
        "demonstrating for higher pay outside the education ministry in Khartoum. Several "
        "teachers were injured."
    )
    assert top_acled_sub(coder, text, pub_date="2024-05-04") == "Protest with intervention"


def test_a_water_cannon_is_no_artillery(coder: Coder) -> None:
    text = (
        "On 3 May 2024, police used tear gas and water cannon to clear a crowd of football "
        "fans outside the stadium in Accra."
    )
    assert top_acled_sub(coder, text, pub_date="2024-05-04") != "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # the verb "storm" names no storm: the killing is no weather's toll ...
        ("Gunmen killed eleven villagers when they stormed a farming settlement on Sunday.",
         "ASSAULT"),
    ],
)  # fmt: skip
def test_storming_is_no_storm(coder: Coder, text: str, etype: str) -> None:
    top = top_event(coder, text)
    assert (top.event_type, top.dead) == (etype, 11)


def test_a_storm_still_kills_without_an_attack(coder: Coder) -> None:
    """Guard: ... but a storm that killed is no attack."""
    found = coder.code("A violent storm killed eleven people in the north.", pub_date="2024-05-06")
    assert not [e for e in found if e.event_type == "ASSAULT"]


def test_the_polices_tear_gas_is_no_chemical_weapon(coder: Coder) -> None:
    """Tear gas fired by the police is crowd control, even with soldiers beside them (the
    soldiers are no troops it was fired on)."""
    text = (
        "On 8 March 2024, police and soldiers fired tear gas to clear a road blockade set up "
        "by farmers near Kisumu."
    )
    found = coder.code(text, pub_date="2024-03-09", doc_id="t")
    subs = {e.acled_sub_event_type for e in found if e.event_type == "ASSAULT"}
    assert subs == {"Protest with intervention"}


def test_tear_gas_on_troops_stays_a_chemical_weapon(coder: Coder) -> None:
    """Guard: gas dropped by a drone on soldiers' trenches is a weapon of war."""
    text = "A Russian drone dropped tear gas grenades onto Ukrainian soldiers in their trenches."
    assert top_acled_sub(coder, text) == "Chemical weapon"


def test_a_crowd_that_dispersed_broke_up_by_itself(coder: Coder) -> None:
    """ "The crowd dispersed" (the crowd its own subject) is no act of force on it."""
    text = (
        "On 5 May 2024, hundreds of nurses rallied outside the health ministry in Accra over "
        "unpaid allowances. The crowd dispersed after about two hours."
    )
    found = coder.code(text, pub_date="2024-05-06", doc_id="t")
    assert [e.event_type for e in found] == ["PROTEST"]
    assert found[0].acled_sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        # guards: a crowd dispersed by someone is acted on
        "On 5 May 2024, hundreds of nurses rallied outside the health ministry in Accra. "
        "The crowd was dispersed by police with tear gas.",
        "On 5 May 2024, hundreds of nurses rallied outside the health ministry in Accra. "
        "Police dispersed the crowd in the afternoon.",
    ],
)
def test_a_crowd_dispersed_by_police_is_acted_on(coder: Coder, text: str) -> None:
    assert top_acled_sub(coder, text, pub_date="2024-05-06") == "Protest with intervention"
