"""Types compose: the clause a trigger sits in turns its event into another one (failing,
ending, offering, pledging, must), and the main predicate decides the type. Every sentence
is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(coder: Coder, text: str) -> Event:
    found = coder.code(text, pub_date="2024-05-02", doc_id="t")
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


def _types(coder: Coder, text: str) -> list[tuple[str, str]]:
    found = coder.code(text, pub_date="2024-05-02", doc_id="t")
    return [(e.event_type, e.trigger.text) for e in sorted(found, key=lambda e: -e.confidence)]


COMPOSED = [
    # failing to do something cooperative is a refusal
    ("The rival parties failed to reach a deal on the new constitution.", "REJECT"),
    ("Mediators said the delegations failed to agree on a prisoner swap.", "REJECT"),
    # ... whatever verb carries the agreement ("produce", "clinch" a deal)
    ("The two delegations failed to produce a deal on the border.", "REJECT"),
    ("The negotiators failed to clinch an agreement on fishing rights.", "REJECT"),
    # ending, suspending or lifting an event reverses it
    ("Norway ended its mediation between the army and the separatists.", "REJECT"),
    ("Turkey suspended its mediation efforts between the two neighbours.", "REJECT"),
    ("The council lifted the restrictions on opposition rallies.", "CONCEDE"),
    ("The interior ministry eased the curfew in the southern districts.", "CONCEDE"),
    # what someone must do is a demand on them, said or not
    ("The neighbouring states must cooperate with the tribunal.", "REQUEST"),
    # what an actor will give is a commitment
    ("The European Union will give a grant to the drought-hit provinces.", "AGREE"),
    ("Canada will provide emergency loans to the island nation.", "AGREE"),
    # an offer of forces is an offer, not a threat
    ("Senegal is willing to send troops to the regional mission.", "AGREE"),
    ("Ghana offered to deploy two battalions to the peacekeeping force.", "AGREE"),
]


@pytest.mark.parametrize(("text", "etype"), COMPOSED)
def test_types_compose(coder: Coder, text: str, etype: str) -> None:
    assert _top(coder, text).event_type == etype, _types(coder, text)


def test_a_vow_to_deploy_stays_a_threat(coder: Coder) -> None:
    event = _top(coder, "The general vowed to deploy tanks against the rebels.")
    assert event.event_type == "THREATEN"


def test_failing_to_capture_is_still_a_use_of_force(coder: Coder) -> None:
    found = _types(coder, "The rebels failed to capture the airport after days of fighting.")
    assert "REJECT" not in {t for t, _ in found}


def test_halting_an_offensive_is_a_ceasefire(coder: Coder) -> None:
    event = _top(coder, "The army halted its offensive on the northern city on Sunday.")
    assert event.event_type in ("CONCEDE", "RETREAT")


MAIN_PREDICATE = [
    # an event noun embedded in another clause does not win over the main event
    ("The minister defended the raids against criticism from rights groups.", "SUPPORT"),
    ("The carrier suspended all flights after a cargo plane was shot down.", "SANCTION"),
    ("The president defended the new security law against its critics.", "SUPPORT"),
]


@pytest.mark.parametrize(("text", "etype"), MAIN_PREDICATE)
def test_the_main_predicate_decides_the_type(coder: Coder, text: str, etype: str) -> None:
    assert _top(coder, text).event_type == etype, _types(coder, text)


def test_a_weapon_named_in_passing_sets_the_mode_not_the_event(coder: Coder) -> None:
    text = "Troops clashed with insurgents near the dam after a militant hurled a grenade."
    event = _top(coder, text)
    assert event.event_type == "ASSAULT"
    assert event.trigger.text == "clashed"
    assert event.mode == "explosives"
    assert event.acled_sub_event_type == "Armed clash"


def test_a_thrown_grenade_is_an_explosive_and_thrown_stones_primitive(coder: Coder) -> None:
    grenade = _top(coder, "An attacker threw a grenade into the crowded bus station.")
    stones = _top(coder, "The assailant threw acid at a schoolgirl on her way home.")
    assert grenade.mode == "explosives"
    assert stones.mode == "primitive"
