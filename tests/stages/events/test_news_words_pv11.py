"""News patterns found missing on 7 December 2026 (the tuning half of plover_invented11,
wire-style sentences with attribution and background clauses), each a general pattern
stated in its case (invented sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import hand_parse, top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # "hours after X struck" recalls an earlier event as the time of the news, also where
        # the parser hangs the clause as a conjunct or as what was said
        ("Britain's foreign secretary arrived in Kyiv on Monday for talks with Ukrainian "
         "officials, his office said, hours after Russian drones hit a power plant near Lviv.",
         "CONSULT"),
        ("Qatar deposited $3 billion with Turkey's central bank to prop up its reserves, "
         "Turkish officials said on Tuesday, a week after the two presidents met in Doha.",
         "AID"),
        # a journey made to meet is the meeting
        ("The UN envoy will fly to Khartoum on Sunday to meet army and paramilitary leaders, "
         "his office said, despite objections from the army that the visit was premature.",
         "CONSULT"),
        # combat readiness is a state of forces, not a willingness
        ("North Korea put its artillery units on a heightened state of combat readiness, "
         "state media said.", "MOBILIZE"),
        # a live-fire drill is a military exercise, not a fire drill
        ("Taiwan's army began live-fire drills on the Penghu islands on Tuesday, warning "
         "fishing boats to keep away.", "MOBILIZE"),
        # restoring the internet that authorities had cut is a concession
        ("Authorities restored mobile internet service in Tigray after a two-year blackout.",
         "CONCEDE"),
        # a pullout is a withdrawal
        ("Rebel fighters began their pullout from the town on Monday.", "RETREAT"),
        # forming an alliance, or setting up a joint body, is cooperation ...
        ("Two opposition parties in Malawi formed an electoral alliance on Sunday, their "
         "leaders told a rally in Lilongwe.", "COOPERATE"),
        ("Police in Kenya and Uganda set up a joint task team to track cattle rustlers across "
         "the border, officials said.", "COOPERATE"),
        # ... but armed groups forming a coalition mobilise
        ("Rebels formed a new coalition of armed groups in the north.", "MOBILIZE"),
        # an aid convoy crossing in, or a medical team arriving to help, is the aid delivered
        ("Aid trucks carrying food and blankets crossed into Gaza from Egypt on Sunday.", "AID"),
        ("A team of 50 Chinese doctors arrived in Juba on Friday to help staff the main "
         "hospital.", "AID"),
    ],
)  # fmt: skip
def test_wire_patterns(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_what_is_received_comes_from_the_giver(coder) -> None:
    event = top_event(coder, "Moldova received a 50 million euro grant from Germany on Thursday.")
    assert event.event_type == "AID"
    assert event.actor is not None and event.actor.country == "DEU"
    assert event.recipient is not None and event.recipient.country == "MDA"


def test_a_host_who_receives_a_visitor_stays_the_actor(coder) -> None:
    event = top_event(coder, "The president received the Qatari foreign minister in Kampala.")
    assert event.event_type == "CONSULT"
    assert event.actor is not None and event.actor.text == "The president"


def test_a_journey_to_meet_is_a_meeting_where_and_when_the_journey_goes(coder) -> None:
    found = coder.code(
        "The UN envoy will fly to Khartoum on Sunday to meet army and paramilitary leaders, "
        "his office said.",
        pub_date="2025-05-07",  # a Wednesday: the coming Sunday is 11 May
        doc_id="t",
    )
    event = max(found, key=lambda e: e.confidence)
    assert event.event_type == "CONSULT" and "future" in event.aux
    assert event.actor is not None and event.actor.text == "The UN envoy"
    assert event.location is not None and event.location.name == "Khartoum"
    assert str(event.date) == "2025-05-11"


def test_talks_reached_by_a_flight_are_held_where_it_went(coder) -> None:
    event = top_event(coder, "The envoy flew to Khartoum on Sunday for talks with army leaders.")
    assert event.event_type == "CONSULT"
    assert event.location is not None and event.location.name == "Khartoum"


_LEMMAS = {"arrived": "arrive", "struck": "strike", "said": "say", "hours": "hour",
           "talks": "talk"}  # fmt: skip


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]):
    return hand_parse(words, heads, deps, tags, _LEMMAS)


# "Envoys arrived in Doha for talks , officials said , hours after missiles struck the port ."
_WORDS = ["Envoys", "arrived", "in", "Doha", "for", "talks", ",", "officials", "said", ",",
          "hours", "after", "missiles", "struck", "the", "port", "."]  # fmt: skip
_TAGS = ["NNS", "VBD", "IN", "NNP", "IN", "NNS", ",", "NNS", "VBD", ",", "NNS", "IN", "NNS",
         "VBD", "DT", "NN", "."]  # fmt: skip
_ATTACHMENTS = {
    # "struck" a conjunct of "arrived" (the root); "said" a parenthetical
    "conj": ([1, 1, 1, 2, 1, 4, 8, 8, 1, 8, 13, 13, 13, 1, 15, 13, 1],
             ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct", "nsubj", "parataxis",
              "punct", "npadvmod", "mark", "nsubj", "conj", "det", "dobj", "punct"]),
    # "said" the root, "arrived" and "struck" both what was said
    "ccomp": ([1, 8, 1, 2, 1, 4, 8, 8, 8, 8, 13, 13, 13, 8, 15, 13, 8],
              ["nsubj", "ccomp", "prep", "pobj", "prep", "pobj", "punct", "nsubj", "ROOT",
               "punct", "npadvmod", "mark", "nsubj", "ccomp", "det", "dobj", "punct"]),
}  # fmt: skip


@pytest.mark.parametrize("dep", sorted(_ATTACHMENTS))
def test_an_interval_clause_is_background_however_it_is_attached(dep: str) -> None:
    from flashpoint.stages.events.lexicon import load_trigger_lexicon
    from flashpoint.stages.events.triggers import find_triggers

    heads, deps = _ATTACHMENTS[dep]
    doc = _parsed(_WORDS, heads, deps, _TAGS)
    found = {m.token.text: m for m in find_triggers(doc, load_trigger_lexicon())}
    assert found["struck"].salience < found["talks"].salience
