"""An allegation names the act itself: "X accused Y of shelling Z" reports the shelling, with
Y as its actor and the toll of the sentence; a condemnation only comments on an act
(invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _by_type(coder: Coder, text: str) -> dict[str, object]:
    return {e.event_type: e for e in coder.code(text, pub_date="2025-06-10", doc_id="t")}


def test_the_alleged_act_is_coded_for_acled(coder) -> None:
    found = _by_type(
        coder, "Kurdish commanders accused the militants of firing rockets loaded with sarin."
    )
    assert found["ASSAULT"].acled_sub_event_type == "Chemical weapon"
    assert found["ACCUSE"].acled_sub_event_type is None


def test_the_accused_is_the_actor_of_the_act_and_it_takes_the_toll(coder) -> None:
    found = _by_type(
        coder, "Armenia accused Azerbaijan of shelling Jermuk on Tuesday, killing three soldiers."
    )
    attack = found["ASSAULT"]
    assert attack.actor is not None and attack.actor.country == "AZE"
    assert attack.dead == 3
    assert found["ACCUSE"].dead is None


def test_whom_a_verb_thanks_for_something_is_who_did_it(coder) -> None:
    found = _by_type(coder, "Rwanda blamed Burundi for attacking a border post near Bugarama.")
    attack = found["ASSAULT"]
    assert attack.actor is not None and attack.actor.country == "BDI"


def test_a_condemned_attack_is_still_only_a_comment(coder) -> None:
    found = _by_type(coder, "Jordan condemned the bombing of a hospital in Khan Younis.")
    assert "ACCUSE" in found
    assert all(e.acled_sub_event_type is None for e in found.values())
