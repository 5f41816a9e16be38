"""Issue 9: who against whom decides the ACLED sub-type, and what makes a sentence report
no event ACLED would code (an accident, a statistic, what may happen, ordinary crime).
Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder


def _events(coder: Coder, text: str):  # type: ignore[no-untyped-def]
    return coder.code(text, pub_date="2024-05-02", doc_id="t")


def _acled(coder: Coder, text: str) -> str | None:
    typed = [e for e in _events(coder, text) if e.acled_sub_event_type]
    top = max(typed, key=lambda e: e.confidence, default=None)
    return top.acled_sub_event_type if top else None


def _top_type(coder: Coder, text: str) -> str | None:
    top = max(_events(coder, text), key=lambda e: e.confidence, default=None)
    return top.event_type if top else None


SUBTYPES = [
    # protesters who use force riot: no force against protesters
    ("Demonstrators attacked a police station in the market town.", "Violent demonstration"),
    ("Rioters looted shops and clashed with police in the port city.", "Violent demonstration"),
    # a crowd that riots with no protest told is a mob
    ("A crowd stormed the police station and freed a suspect.", "Mob violence"),
    # the trigger's own means wins over weapon words of another clause
    ("Rebels kidnapped six engineers and set off bombs in the capital.",
     "Abduction/forced disappearance"),
    # where a thing happened is no weapon: a body found by a road is not an IED
    ("Two bodies were found dumped on the roadside near the village.", "Other"),
    # force on protesters: the state's forces use excessive force, an armed group attacks
    # them, civilians or a crowd are a mob
    ("Riot police opened fire on the marchers, killing two.",
     "Excessive force against protesters"),
    ("Militiamen attacked the demonstrators with clubs near the square.", "Attack"),
    ("A group of local men attacked a peaceful rally, injuring a dozen people.",
     "Mob violence"),
    # stones or bottles thrown at the police are rioting, whoever threw them
    ("A woman threw bottles at a police vehicle during the summit.", "Violent demonstration"),
    # a rocket-propelled grenade is a rocket
    ("A rocket-propelled grenade hit a car on the main road, killing two.",
     "Shelling/artillery/missile attack"),
    # weapons seized with arrests: the seizure is the development
    ("Police arrested three men and seized two pistols in a raid on a farm.",
     "Disrupted weapons use"),
    ("A package containing explosives was found by police at the bus station.",
     "Disrupted weapons use"),
    # shooting down a weapon without a crew stops it; shooting down an aircraft is a fight
    # (or an attack on its passengers)
    ("Air defence units shot down a drone over the northern city.", "Disrupted weapons use"),
    ("Rebels shot down an army helicopter near the town.", "Armed clash"),
    ("Militants shot down a passenger jet over the region.", "Attack"),
    # a place attacked says where, not whom: who holds it or who died there says whom
    ("Insurgents attacked the town, which is held by government forces.", "Armed clash"),
    ("Rebels attacked the village, killing ten civilians.", "Attack"),
    # a shoot-out is a fight, however it is written
    ("A shoot-out took place between police and gang members in the market.",
     "Armed clash"),
    ("A shootout between soldiers and bandits left three dead.", "Armed clash"),
    # troops that engage the enemy fight it
    ("Troops engaged the rebels in the hills east of the river.", "Armed clash"),
    # non-violent strategic developments: forces moved, armed groups formed or merged,
    # roadblocks set up, a place left to those who then occupied it
    ("Troops were redeployed from the capital to the border.", "Change to group/activity"),
    ("The rebels announced the formation of a new armed group.", "Change to group/activity"),
    ("Two militias merged into a single force in the east.", "Change to group/activity"),
    ("Security forces set up roadblocks around the city.", "Change to group/activity"),
    ("The insurgents withdrew from the city, which was later occupied by the army.",
     "Non-violent transfer of territory"),
    # troops massing is a change to the group's activity
    ("There has been a build-up of troops along the northern frontier.",
     "Change to group/activity"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sub"), SUBTYPES)
def test_who_decides_the_subtype(coder: Coder, text: str, sub: str) -> None:
    assert _acled(coder, text) == sub


NOT_ACLED = [
    # one side's offer or announced intention is no agreement between parties
    "France said it was willing to send troops to the border region.",
    "The prime minister said he will resign after the fighting in the north.",
    "Kenya is ready to host the summit next year.",
    "The rebels are prepared to lay down their arms, their commander said.",
    # ACLED codes what happened, not what may happen
    "The new bill would ban protests near parliament.",
    "Analysts say the insurgents could launch new attacks in the coming weeks.",
    # a number of events that changed is a statistic
    "Attacks on aid workers rose by 20 percent last year, the report said.",
    # things that explode are weapons only when they are weapons
    "A fuel tanker exploded on the highway, injuring four people.",
    "A tank at the gas plant exploded on Thursday night.",
    "A storage container exploded near a church this morning.",
    "The fire alarm went off twice in the hospital on Monday.",
    # forces of nature destroy and strike without an actor
    "A fire destroyed dozens of homes in the slum on Sunday.",
    "Lightning struck a house on the hill, killing two children.",
    # sanctions that target officials are no attack
    "The new sanctions target senior officials and their companies.",
    # a retaliation by sanctions or expulsions is no use of force
    "Moscow retaliated over the sanctions and said ten diplomats will be expelled.",
    # a person holed up is no blockade
    "The suspect barricaded himself inside a flat after the robbery.",
    # a truce named as what was broken is no truce
    "The envoy urged both sides to respect the peace deal amid ceasefire violations.",
    # a bus that plunged, a boat that capsized: accidents
    "A bus plunged into a ravine in the hills, killing 12 passengers.",
    "Three fishermen drowned when their boat capsized off the coast.",
    # violence told only as what a statement, an inquiry or a sanction is about
    "The UN condemned the attack that killed 12 civilians in the village.",
    "Canada imposed sanctions on the regime over the attack that killed 40 villagers.",
    # a claim of responsibility or a guess at who was behind an attack is about it
    "The group took credit for the suicide bombing that killed dozens at the airport.",
    "The militants claimed the murder of a blogger in the capital.",
    "Two jihadists are suspected to be behind the blasts that rocked a church.",
    "The group takes credit for suicide bomb that killed dozens in the north.",
    "Two suicide bombers are suspected to be behind the twin blasts at the church.",
    # what was planned or plotted did not happen
    "The cell was plotting attacks on churches in the capital, police said.",
    # smuggling is ordinary crime; a shot at goal is sport
    "Five men were caught while trying to smuggle migrants across the border.",
    "The striker shot the ball into the net in the final minute.",
]


@pytest.mark.parametrize("text", NOT_ACLED)
def test_no_acled_event(coder: Coder, text: str) -> None:
    assert _acled(coder, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded near the market, killing three people.",
        "A bomb went off in the market, killing five people.",
    ],
)
def test_a_bomb_that_exploded_is_still_an_explosion(coder: Coder, text: str) -> None:
    assert _acled(coder, text) == "Remote explosive/landmine/IED"


def test_a_missile_that_struck_is_still_a_strike(coder: Coder) -> None:
    assert _acled(coder, "A missile struck a house in the town.") == (
        "Shelling/artillery/missile attack"
    )


def test_retaliation_by_expulsion_is_a_sanction(coder: Coder) -> None:
    assert _top_type(coder, "Russia retaliated by expelling ten diplomats.") == "SANCTION"


def test_a_chemical_plant_is_no_chemical_weapon(coder: Coder) -> None:
    text = "An explosion at a chemical plant killed five workers."
    assert _acled(coder, text) != "Chemical weapon"
    used = "Government forces used chemical weapons on the rebel-held town."
    assert _acled(coder, used) == "Chemical weapon"


def test_violence_that_is_reported_keeps_its_label(coder: Coder) -> None:
    text = "Rebels attacked an army base on Monday, the governor said."
    assert _acled(coder, text) == "Armed clash"


TYPES = [
    # demolishing or bulldozing buildings is coercion on property
    ("Army bulldozers demolished four homes at the edge of the village.", "COERCE"),
    # peacekeepers arriving are aid sent; inspectors arriving are access granted
    ("The first African Union peacekeepers arrived in the capital on Monday.", "AID"),
    ("UN weapons inspectors arrived in the country on Monday.", "RETREAT"),
    # a court that jails someone sentences them; the police jail by arresting
    ("A court in the capital jailed three men for the raid on a police post.", "SANCTION"),
    ("Police jailed the opposition leader overnight.", "COERCE"),
]


@pytest.mark.parametrize(("text", "etype"), TYPES)
def test_the_main_predicate_decides_the_type(coder: Coder, text: str, etype: str) -> None:
    assert _top_type(coder, text) == etype


@pytest.mark.parametrize(
    "text",
    [
        "Tehran denied supplying weapons to the rebels in the south.",
        "The army denied that its troops had shelled the village.",
    ],
)
def test_what_an_actor_denies_is_not_done(coder: Coder, text: str) -> None:
    assert not [e for e in _events(coder, text) if e.event_type in ("AID", "ASSAULT")]


def test_demolitions_are_property_destruction(coder: Coder) -> None:
    text = "Army bulldozers demolished four homes at the edge of the village."
    assert _acled(coder, text) == "Looting/property destruction"


PROTESTS = [
    ("Activists staged a die-in outside the parliament.", "Peaceful protest"),
    ("A human chain was formed by thousands of people across the city.", "Peaceful protest"),
    # workers who bring a sector to a standstill strike
    ("Dock workers brought the port to a standstill for two days.", "Peaceful protest"),
    # people who gather to denounce or demand something protest
    # what a peaceful protest is about is not what was done to it
    ("Hundreds of students marched in a peaceful protest over the police shooting of a boy.",
     "Peaceful protest"),
    ("Farmers gathered in front of the governor's office to denounce land seizures.",
     "Peaceful protest"),
    # acting "to protest" something is protesting
    ("Taxi drivers parked their cars across the main road to protest against fuel prices.",
     "Peaceful protest"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sub"), PROTESTS)
def test_ways_of_protesting(coder: Coder, text: str, sub: str) -> None:
    assert _acled(coder, text) == sub


def test_a_gathering_for_no_protest_is_none(coder: Coder) -> None:
    assert _acled(coder, "Families gathered in the park to celebrate the holiday.") is None


def test_an_attack_told_with_a_claim_after_it_keeps_its_label(coder: Coder) -> None:
    assert _acled(coder, "Rebels attacked the army base at dawn, the group claimed.") == (
        "Armed clash"
    )


@pytest.mark.parametrize(
    "text",
    [
        "A tank at the gas plant exploded on Thursday night. Four people were injured.",
        "A fire broke out at a warehouse after a boiler leak. Two guards were killed.",
    ],
)
def test_harm_told_after_an_accident_is_its_toll(coder: Coder, text: str) -> None:
    assert not [e for e in _events(coder, text) if e.event_type == "ASSAULT"]


def test_harm_told_after_an_attack_is_still_an_attack(coder: Coder) -> None:
    text = "Gunmen stormed the village at night. Two guards were killed."
    assert [e for e in _events(coder, text) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The two companies announced a merger on Monday.",
        "The opposition parties formed a new alliance ahead of the election.",
    ],
)
def test_groups_that_are_not_armed_do_not_mobilise(coder: Coder, text: str) -> None:
    assert not [e for e in _events(coder, text) if e.event_type == "MOBILIZE"]


def test_a_commitment_made_with_another_party_is_an_agreement(coder: Coder) -> None:
    assert _acled(coder, "The rebels agreed to lay down their arms.") == "Agreement"


def test_a_peaceful_protest_met_with_force_is_not_peaceful(coder: Coder) -> None:
    text = "Police violently dispersed a peaceful protest, killing two."
    assert _acled(coder, text) == "Excessive force against protesters"


def test_a_passive_conjunct_with_its_own_subject_takes_no_actor(coder: Coder) -> None:
    # "twelve others were wounded" has its own subject: the people who died did not wound
    # them, so the wounding has no actor and is the attack's toll
    events = _events(
        coder,
        "A car bomb exploded outside the town hall on Monday. Nine people died and twelve "
        "others were wounded.",
    )
    assert all(e.actor is None or "people" not in e.actor.text for e in events)
    assert [e.dead for e in events if e.dead is not None] == [9]


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # several people of no armed or state side who beat someone are a mob
        ("Shoppers beat a suspected pickpocket to death in the bus station.", "Mob violence"),
        (
            "A group of women beat a suspected kidnapper to death outside the school.",
            "Mob violence",
        ),
        # soldiers, a named group or gang members who beat someone attack them
        ("Soldiers beat a farmer to death at a checkpoint near the river.", "Attack"),
        ("Gang members beat a shopkeeper to death in the harbour district.", "Attack"),
    ],
)
def test_many_unarmed_people_who_beat_someone_are_a_mob(
    coder: Coder, text: str, subtype: str
) -> None:
    assert _acled(coder, text) == subtype
