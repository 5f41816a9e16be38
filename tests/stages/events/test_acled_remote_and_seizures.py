"""Events the lexicon or the ACLED rules once missed or mistyped, each by a general pattern:

- shells, rockets or mortars that landed somewhere are a shelling by whoever fired them;
- munitions, bombs or grenades dropped on a place are a remote attack, and a chemical agent
  named makes it a chemical weapon;
- people taken away, whisked away or seized by armed men are abducted (a town seized is
  territory);
- security forces intercepting a vehicle or people with weapons or explosives disrupt a
  weapons use;
- protesters who clash or burn are a violent demonstration, whatever crime they denounce;
- two sides exchanging or trading fire clash, whatever weapon they fired;
- an arrest verb conjoined with a killing ("rounded up and shot") is a step of the killing;
- a political crowd that is protesting and attacks is a violent demonstration, not a mob.

Every sentence is invented; each is coded end to end and scored on the event the report
scorer labels (flashpoint.evaluate)."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.evaluate import _acled_event, _main_event


def _labelled(coder: Coder, text: str) -> str | None:
    events = coder.code(text, pub_date="2024-05-02", doc_id="t")
    ev = _acled_event(events, _main_event(events))
    return ev.acled_sub_event_type if ev else None


CASES = [
    (
        "Rebel rockets landed near the main market of Kidapawan. Two vendors were wounded.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Mortar rounds fired by the militia landed in a school compound in Bunia.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Government helicopters dropped barrels filled with chlorine on a suburb of Hama.",
        "Chemical weapon",
    ),
    (
        "Army drones dropped grenades containing sarin on rebel trenches near Kalemie.",
        "Chemical weapon",
    ),
    ("Militia drones dropped munitions on a village market near Bambari.", "Air/drone strike"),
    (
        "Plain-clothes agents whisked away a student leader outside the university in Harare.",
        "Abduction/forced disappearance",
    ),
    (
        "Armed men took away three teachers from a primary school in Zamfara state.",
        "Abduction/forced disappearance",
    ),
    (
        "Bandits seized eleven passengers from a bus on the highway near Birnin Gwari.",
        "Abduction/forced disappearance",
    ),
    (
        "Soldiers intercepted a motorcycle loaded with explosives near Gao and defused them.",
        "Disrupted weapons use",
    ),
    (
        "Students denouncing fraud in the entrance exams clashed with riot police and torched "
        "a bank in Tegucigalpa.",
        "Violent demonstration",
    ),
    (
        "Protesters angry at vote fraud burned the electoral office in Kinshasa.",
        "Violent demonstration",
    ),
    (
        "Army units and Fano militiamen exchanged mortar and rifle fire near Debre Tabor.",
        "Armed clash",
    ),
    (
        "Police and gang members traded fire for two hours in a district of Port-au-Prince.",
        "Armed clash",
    ),
    (
        "Militiamen detained and shot dead four farmers near a village of Ituri.",
        "Attack",
    ),
    (
        "Opposition supporters protesting the election results attacked the governor's office "
        "in Kano.",
        "Violent demonstration",
    ),
]


@pytest.mark.parametrize(("text", "sub"), CASES)
def test_remote_attacks_seizures_and_riots(coder: Coder, text: str, sub: str) -> None:
    assert _labelled(coder, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a town seized is territory, not an abduction; rifles seized from men are goods
        (
            "Insurgents seized the town of Mocimboa after a day of fighting.",
            "Non-state actor overtakes territory",
        ),
        ("Police arrested three men in Kaduna and seized their rifles.", "Disrupted weapons use"),
        # an arrest on its own is still an arrest
        ("Police rounded up forty opposition members in Lusaka.", "Arrests"),
        # a plane that landed is no shelling
        ("A cargo plane carrying aid landed at the airport of Goma.", None),
    ],
)
def test_what_the_patterns_leave_alone(coder: Coder, text: str, sub: str | None) -> None:
    assert _labelled(coder, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # a gas told as harmful (choking, irritant) dropped or released is a chemical weapon
        "Residents said a helicopter dropped barrels that released a choking gas on the camp.",
        "A drone dropped a munition filled with an irritant gas on the trenches near Orlivka.",
        # a harmful substance is a chemical agent; munitions used against positions attack
        "A drone dropped a canister of a toxic substance on the trenches near Siversk.",
        "Russian troops used munitions containing chloropicrin against Ukrainian positions near "
        "Toretsk on Monday.",
        # a canister of a named agent dropped on a place
        "A drone dropped a canister of chlorine on the village of Pervomaiske on Friday.",
    ],
)
def test_harmful_gas_and_canisters_of_an_agent_are_chemical_weapons(
    coder: Coder, text: str
) -> None:
    assert _labelled(coder, text) == "Chemical weapon"


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # people seized from a vehicle or a place are abducted: the car is where from
        (
            "Gunmen seized four traders from a truck on the highway to Zaria.",
            "Abduction/forced disappearance",
        ),
        (
            "Masked men seized two nurses from a car park outside the clinic.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_what_people_are_seized_from_is_not_what_is_seized(
    coder: Coder, text: str, subtype: str
) -> None:
    assert _labelled(coder, text) == subtype


@pytest.mark.parametrize(
    "text",
    [
        # a weapon told as fired in a reduced relative on what an interception verb took:
        # the interception is the event, not a missile attack
        "Air defences intercepted a ballistic missile fired from Lebanon by Hezbollah over "
        "Haifa on Sunday.",
    ],
)
def test_a_weapon_fired_and_intercepted_is_a_disrupted_weapons_use(coder: Coder, text: str) -> None:
    assert _labelled(coder, text) == "Disrupted weapons use"
    events = coder.code(text, pub_date="2024-05-02", doc_id="t")
    assert [e.event_type for e in events] == ["COERCE"]


def test_a_weapon_fired_at_a_place_is_still_an_attack(coder: Coder) -> None:
    text = "Rebels fired a cruise missile at Haifa on Sunday, damaging a warehouse."
    assert _labelled(coder, text) == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "campaign"),
    [
        # a possessed plural event noun that is the subject of a present-tense verb tells
        # what an actor keeps doing and why
        ("The militia says its attacks are in support of the herders in Tigray.", True),
        # told as what happened, it is an event
        ("Their attacks killed four guards at the depot on Monday.", False),
    ],
)
def test_what_an_actor_keeps_doing_is_no_event(coder: Coder, text: str, campaign: bool) -> None:
    events = coder.code(text, pub_date="2024-05-02", doc_id="t")
    assert (not any(e.event_type == "ASSAULT" for e in events)) is campaign
