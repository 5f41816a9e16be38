"""Events told as nouns: who did what when the sentence names the act by a noun (invented
sentences)."""

from __future__ import annotations

import pytest
from _coded import top_event


# A "to ..." clause completing a decision noun is what was decided, done by the noun's owner.
@pytest.mark.parametrize(
    ("text", "etype", "country"),
    [
        (
            "Norway's decision to suspend aid to Niger took effect on Monday.",
            "SANCTION",
            "NOR",
        ),
        (
            "The Dutch government's move to expel two Iranian diplomats drew an angry reply.",
            "SANCTION",
            "NLD",
        ),
    ],
)
def test_a_decision_to_act_is_the_act_of_its_owner(coder, text, etype, country) -> None:
    top = top_event(coder, text)
    assert top.event_type == etype
    assert top.actor is not None and top.actor.country == country


def test_a_plan_or_a_purpose_to_act_is_still_no_act(coder) -> None:
    # what is only planned or meant stays out, as before
    text = "Armed men crossed the river to attack the Chadian garrison, a local chief said."
    assert not [e for e in coder.code(text, pub_date="2025-05-06") if e.event_type == "ASSAULT"]


# The force a mobilisation noun moves names its actor ("the deployment of Kenyan troops").
def test_the_force_deployed_names_who_deployed_it(coder) -> None:
    top = top_event(
        coder, "The deployment of 2,000 Kenyan police officers to Haiti began on Friday."
    )
    assert top.event_type == "MOBILIZE"
    assert top.actor is not None and top.actor.country == "KEN"


# A verb that conveys an attitude carries the noun's event: its subject is the actor.
@pytest.mark.parametrize(
    ("text", "etype", "country"),
    [
        ("Ghana's president heaped praise on Togo's mediators on Friday.", "SUPPORT", "GHA"),
        ("Chile voiced support for Bolivia's bid to host the summit.", "SUPPORT", "CHL"),
    ],
)
def test_an_attitude_told_by_a_noun_is_its_speakers(coder, text, etype, country) -> None:
    top = top_event(coder, text)
    assert top.event_type == etype
    assert top.actor is not None and top.actor.country == country


def test_an_attitude_noun_after_an_opening_clause_keeps_its_event(coder) -> None:
    text = (
        "Following Lima's decision to lift its tariffs, Ecuador's president heaped praise on "
        "Peru's trade minister on Monday."
    )
    assert top_event(coder, text).event_type == "SUPPORT"


# The two sides named by "between" are actor and recipient, even when the parse makes the
# noun a verb under "residents said".
def test_fighting_between_two_sides_is_their_clash(coder) -> None:
    text = (
        "Fighting between the Malian army and Tuareg rebels flared in Kidal on Monday, "
        "residents said."
    )
    top = top_event(coder, text)
    assert top.acled_sub_event_type == "Armed clash"
    assert top.actor is not None and top.actor.country == "MLI" and top.actor.sector == "MIL"
    assert top.recipient is not None and top.recipient.sector == "REB"


def test_property_destroyed_in_a_clash_is_part_of_the_clash(coder) -> None:
    text = (
        "Government troops and Tuareg rebels fought for hours near Kidal on Monday. "
        "The army said it destroyed three rebel pick-up trucks."
    )
    subs = {e.acled_sub_event_type for e in coder.code(text, pub_date="2025-05-06")}
    assert "Armed clash" in subs and "Looting/property destruction" not in subs
