"""Kinds of events the lexicon once missed: non-violent strategic developments (forces
moved, massed, present or recruited; checkpoints; curfews; weapons and bodies found;
territory handed over), killings told by their outcome ("shot dead", "beaten to death",
"shells fell", "a shoot-out took place") and a lead whose toll is followed by an
appositive. Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(coder: Coder, text: str) -> Event:
    found = coder.code(text, pub_date="2024-05-02", doc_id="t")
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


# text, PLOVER type, ACLED sub-event type (None: not checked)
CASES = [
    (
        "The army moved armoured units to the frontier with Sudan.",
        "MOBILIZE",
        "Change to group/activity",
    ),
    (
        "Soldiers patrolled the streets of the port city overnight.",
        "MOBILIZE",
        "Change to group/activity",
    ),
    (
        "The militia recruited hundreds of young men in the eastern villages.",
        "MOBILIZE",
        "Change to group/activity",
    ),
    (
        "Gendarmes set up checkpoints on every road into the provincial capital.",
        "MOBILIZE",
        "Change to group/activity",
    ),
    (
        "Insurgents set up a checkpoint on the highway north of the oasis.",
        "MOBILIZE",
        "Headquarters or base established",
    ),
    (
        "The governor imposed a dusk-to-dawn curfew on the market town.",
        "COERCE",
        "Other",
    ),
    (
        "Rebels declared a curfew across the valley after the arrest of their commander.",
        "COERCE",
        "Other",
    ),
    (
        "Authorities imposed an indefinite curfew on the port city after two nights of unrest.",
        "COERCE",
        "Other",
    ),
    (
        "Soldiers found a cache of rifles and ammunition buried in a field.",
        "COERCE",
        "Disrupted weapons use",
    ),
    ("Farmers discovered the bodies of four herders near the watering hole.", "ASSAULT", None),
    (
        "The rebels handed over the border post to the army without a shot fired.",
        "RETREAT",
        "Non-violent transfer of territory",
    ),
    ("A shopkeeper was shot dead by two men on a motorbike.", "ASSAULT", None),
    ("A local councillor was fatally shot outside the town hall.", "ASSAULT", None),
    ("A suspected cattle thief was beaten to death by villagers.", "ASSAULT", "Mob violence"),
    (
        "Mortar shells fell on a crowded neighbourhood of the capital.",
        "ASSAULT",
        "Shelling/artillery/missile attack",
    ),
    (
        "A shoot-out took place between soldiers and smugglers near the border.",
        "ASSAULT",
        "Armed clash",
    ),
]


@pytest.mark.parametrize(("text", "etype", "sub"), CASES)
def test_missing_kinds_of_events(coder: Coder, text: str, etype: str, sub: str | None) -> None:
    event = _top(coder, text)
    assert event.event_type == etype, (event.event_type, event.trigger.text)
    if sub is not None:
        assert event.acled_sub_event_type == sub


def test_the_finder_of_bodies_is_not_their_killer(coder: Coder) -> None:
    event = _top(coder, "Police found the bodies of two traders dumped in a ravine.")
    assert event.event_type == "ASSAULT"
    assert event.actor is None
    assert event.acled_sub_event_type == "Other"


def test_bodies_with_marks_of_killing_are_an_attack(coder: Coder) -> None:
    event = _top(coder, "Residents found the bodies of three men shot in the head.")
    assert event.acled_sub_event_type == "Attack"


def test_a_lead_with_an_appositive_after_the_toll(coder: Coder) -> None:
    text = "Airstrikes killed at least 17 people, including six women, in the town of Marib."
    event = _top(coder, text)
    assert event.event_type == "ASSAULT"
    assert event.dead == 17


def test_a_state_held_on_a_verb_of_being_takes_its_subject(coder: Coder) -> None:
    # "remained on alert", "went on strike": the subject is in that state
    text = "Border guards remained on alert along the river after a week of riots in the city."
    event = _top(coder, text)
    assert (event.event_type, event.trigger.text) == ("MOBILIZE", "alert")
    assert event.actor is not None and event.actor.text == "Border guards"


def test_pressing_someone_to_act_is_a_request(coder: Coder) -> None:
    event = _top(coder, "The union pressured the drivers to call off their boycott.")
    assert (event.event_type, event.trigger.text) == ("REQUEST", "pressured")


def test_the_subject_of_a_carrier_verb_is_the_nouns_actor(coder: Coder) -> None:
    # "imposed martial law": the one who imposes it; a pronoun is the one who said so
    text = (
        "Ecuador's government announced that it is prepared to impose martial law as "
        "fighting spread through the northern suburbs."
    )
    event = _top(coder, text)
    assert (event.event_type, event.trigger.text) == ("THREATEN", "martial law")
    assert event.actor is not None and event.actor.country == "ECU"


def test_a_lead_with_an_aside_after_its_toll_is_coded(coder: Coder) -> None:
    # the actor is not its own recipient: the strike's people are its victims
    text = "A Russian missile strike killed at least eight people, including a child, in Kharkiv."
    event = _top(coder, text)
    assert (event.event_type, event.trigger.text, event.dead) == ("ASSAULT", "missile strike", 8)
    assert event.recipient is None or event.recipient.country != "RUS"
