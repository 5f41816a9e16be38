"""Events and ACLED sub-types the lexicon and rules once missed (world4 tuning misses),
each with a sentence the rule must leave alone: executions of any people, rallies told by
their purpose or as peaceful, stoning and burning to death, armed sides that fought
together in the subject, pledges of allegiance, accords ending a siege, vigilantes fighting
an armed group, places taken by name or driven out of, military sites taken after fighting,
people freed, and a fronted phrase of time that is no preposition of the trigger. Every
sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event

_TERRITORY = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, pub_date=None, doc_id="t")


def _labelled(coder: Coder, text: str) -> Event | None:
    typed = [e for e in _events(coder, text) if e.acled_sub_event_type]
    return max(typed, key=lambda e: e.confidence, default=None)


# text, PLOVER type of the labelled event, ACLED sub-event type
FOUND = [
    # people of any kind executed are killed
    ("Militiamen executed four fishermen near the lake.", "ASSAULT", "Attack"),
    # a crowd gathered peacefully, or to show support, rallies
    (
        "Hundreds of residents gathered peacefully outside the town hall in Tamale.",
        "PROTEST",
        "Peaceful protest",
    ),
    (
        "Crowds gathered in the capital to show support for the new president.",
        "PROTEST",
        "Peaceful protest",
    ),
    # stoning, burning to death: a crowd's killing
    ("Villagers stoned a suspected thief in the market.", "ASSAULT", "Mob violence"),
    (
        "A mob burned to death two men accused of witchcraft in the village.",
        "ASSAULT",
        "Mob violence",
    ),
    # armed sides named together as the subject fought each other
    (
        "Government and rebel forces fought near the airport of Malakal.",
        "ASSAULT",
        "Armed clash",
    ),
    # an armed group pledging allegiance to another changes sides
    (
        "A faction of the rebel group pledged allegiance to the Islamic State.",
        "MOBILIZE",
        "Change to group/activity",
    ),
    # a deal ending a siege is an accord between the parties
    (
        "Tribal elders and the army reached a deal to end the siege of the town.",
        "AGREE",
        "Agreement",
    ),
    # a vigilante group fighting an armed group is an armed side
    ("Members of a vigilante group clashed with gunmen near Gusau.", "ASSAULT", "Armed clash"),
    # a place told by its name alone, taken back after fighting
    (
        "Government troops recaptured Kalama from the insurgents after heavy fighting.",
        "ASSAULT",
        "Government regains territory",
    ),
    # a military site taken after fighting: the takeover, not the clash
    (
        "Rebels captured the army's divisional headquarters in Kiwanja after days of fighting.",
        "ASSAULT",
        "Non-state actor overtakes territory",
    ),
    # armed men driven out of a named place
    (
        "Soldiers drove the militants out of Gao after fighting.",
        "ASSAULT",
        "Government regains territory",
    ),
]


@pytest.mark.parametrize(("text", "etype", "sub"), FOUND)
def test_found(coder: Coder, text: str, etype: str, sub: str) -> None:
    ev = _labelled(coder, text)
    assert ev is not None, text
    assert (ev.event_type, ev.acled_sub_event_type) == (etype, sub), text


def test_people_freed_are_released(coder: Coder) -> None:
    """The release is coded, not only the kidnapping its relative clause tells."""
    types = {
        e.event_type
        for e in _events(coder, "Troops freed nine herders who had been kidnapped by gunmen.")
    }
    assert "RETREAT" in types


# the negatives: what each rule must leave alone
def test_a_plan_executed_is_no_killing(coder: Coder) -> None:
    types = {e.event_type for e in _events(coder, "The ministry executed the new budget plan.")}
    assert "ASSAULT" not in types


def test_a_family_gathering_is_no_rally(coder: Coder) -> None:
    types = {
        e.event_type for e in _events(coder, "Families gathered for a wedding in the village.")
    }
    assert "PROTEST" not in types


def test_a_building_burned_stays_destruction(coder: Coder) -> None:
    found = _events(coder, "Rioters burned a police station in the capital.")
    assert any(e.mode == "destroy" for e in found)


def test_fighting_a_ruling_is_no_clash(coder: Coder) -> None:
    types = {e.event_type for e in _events(coder, "Lawyers fought the ruling in court.")}
    assert "ASSAULT" not in types


def test_a_pledge_of_aid_stays_aid(coder: Coder) -> None:
    types = {e.event_type for e in _events(coder, "The donors pledged 20 million dollars in aid.")}
    assert "AID" in types and "MOBILIZE" not in types


def test_a_business_deal_is_no_agreement(coder: Coder) -> None:
    assert _labelled(coder, "The two firms reached a deal on prices.") is None


def test_vigilantes_lynching_stay_a_mob(coder: Coder) -> None:
    ev = _labelled(coder, "Vigilantes lynched a man accused of stealing a goat.")
    assert ev is not None and ev.acled_sub_event_type == "Mob violence"


def test_prisoners_recaptured_take_no_place(coder: Coder) -> None:
    ev = _labelled(coder, "Police recaptured two escaped prisoners.")
    assert ev is None or ev.acled_sub_event_type not in _TERRITORY


def test_protesters_driven_out_take_no_place(coder: Coder) -> None:
    ev = _labelled(coder, "Police drove the protesters out of the square.")
    assert ev is not None and ev.acled_sub_event_type not in _TERRITORY


def test_a_fronted_phrase_of_time_is_no_preposition_of_the_trigger(coder: Coder) -> None:
    """ "On Friday, ... called": the date's "on" is not "call on" (a request)."""
    found = _events(coder, "On Friday, the police chief called the journalists liars.")
    assert "REQUEST" not in {e.event_type for e in found}
    found = _events(coder, "The union called for a general strike.")
    assert "REQUEST" in {e.event_type for e in found}
