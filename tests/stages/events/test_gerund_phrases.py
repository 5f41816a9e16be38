"""A gerund after "by", "after", "before" or "while" has no subject of its own: it is done
by the subject of the verb it modifies ("Police responded by firing tear gas"), or by the
patient of a passive one ("were dispersed after burning tyres"). And "N days after
doing X" recalls an earlier act, as "N days after X did" does.

Every sentence is invented."""

from __future__ import annotations

import pytest

from flashpoint import Coder


def _by_trigger(coder: Coder, text: str, trigger: str):
    found = [e for e in coder.code(text, pub_date="2024-05-10") if e.trigger.text == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    return found[0]


ACTORS = [
    ("Police responded by firing tear gas at the crowd.", "firing", "Police"),
    ("The army achieved a major victory by seizing the entire valley.", "seizing", "The army"),
    ("Troops ended the siege by capturing the town of Djibo.", "capturing", "Troops"),
]


@pytest.mark.parametrize(("text", "trigger", "actor"), ACTORS)
def test_a_means_gerund_is_done_by_the_subject(
    coder: Coder, text: str, trigger: str, actor: str
) -> None:
    ev = _by_trigger(coder, text, trigger)
    assert ev.actor is not None and ev.actor.text == actor


def test_an_army_that_takes_ground_by_seizing_regains_it(coder: Coder) -> None:
    ev = _by_trigger(coder, "The army achieved a major victory by seizing the valley.", "seizing")
    assert ev.acled_sub_event_type == "Government regains territory"


def test_a_passive_verbs_patient_does_the_gerund(coder: Coder) -> None:
    text = "Protesters were dispersed by police after burning tyres on the main road."
    events = coder.code(text, pub_date="2024-05-10")
    assert all(
        e.actor is None or e.actor.text != "police" for e in events if e.trigger.text == "burning"
    )


RECALLED = [
    ("Rebels pulled out of Walikale town on Friday, two weeks after seizing it.", "pulled out"),
    (
        "The ELN released the father of a footballer on Thursday, 12 days after kidnapping him.",
        "released",
    ),  # fmt: skip
]


@pytest.mark.parametrize(("text", "main"), RECALLED)
def test_an_act_done_an_interval_before_is_background(coder: Coder, text: str, main: str) -> None:
    """Guard for the rule above: once the gerund has an actor, only its being background
    keeps the earlier act from outranking the news."""
    events = coder.code(text, pub_date="2024-05-10")
    top = max(events, key=lambda e: e.confidence)
    assert top.trigger.text == main
