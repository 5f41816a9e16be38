"""What came before an agreement is background, and force used to disperse a protest is
coded as done to it (issue 9). Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder, CoderConfig
from flashpoint.stages.frames import BACKGROUND

PUB = "2024-05-07"


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, after three days of fighting between rival factions in Zawiya, the city "
        "council announced a truce agreed by both sides.",
    ],
)
def test_a_fight_in_an_after_phrase_of_an_agreement_is_background(coder: Coder, text: str) -> None:
    coded = coder.code(text, pub_date=PUB)
    assert not [e for e in coded if e.event_type == "ASSAULT"]
    assert "Agreement" in {e.acled_sub_event_type for e in coded}


def test_the_clashes_told_again_later_stay_background(coder: Coder) -> None:
    text = (
        "Two rival brigades agreed to a ceasefire on Tuesday after a day of fighting in the "
        "capital's southern suburbs. The health ministry said 30 people had been killed in "
        "the clashes."
    )
    coded = coder.code(text, pub_date=PUB)
    assert [e.event_type for e in coded if e.event_type == "ASSAULT"] == []
    keeping = Coder(CoderConfig(keep_background=True)).code(text, pub_date=PUB)
    assert all(BACKGROUND in e.aux for e in keeping if e.event_type == "ASSAULT")


def test_a_fight_after_which_troops_took_a_town_is_no_background(coder: Coder) -> None:
    text = "After two days of fighting, the army recaptured the town of Kora."
    assert "ASSAULT" in {e.event_type for e in coder.code(text, pub_date=PUB)}


DISPERSALS = [
    (
        "Police shot dead three people on Thursday when they fired live ammunition to break "
        "up a march by opposition supporters in the northern city.",
        3,
        "Excessive force against protesters",
    ),
    (
        "Soldiers killed two men on Friday when they opened fire to disperse a rally in the "
        "capital.",
        2,
        "Excessive force against protesters",
    ),
]


@pytest.mark.parametrize(("text", "dead", "sub"), DISPERSALS)
def test_force_used_to_disperse_a_protest_is_coded_as_done_to_it(
    coder: Coder, text: str, dead: int, sub: str
) -> None:
    coded = coder.code(text, pub_date=PUB)
    top = max(coded, key=lambda e: e.confidence)
    # PLOVER codes what the authorities did; ACLED codes it as done to the protest
    assert (top.event_type, top.dead, top.acled_sub_event_type) == ("ASSAULT", dead, sub)
    assert top.acled_event_type == "Protests"


# the fighting a place was taken after is the taking's own: its toll is the taking's
TAKINGS = [
    (
        "Government troops retook the town of Kora on Monday, capturing it from the rebels "
        "after a short battle in which five militants were killed.",
        5,
    ),
    (
        "The rebels said they had seized the town of Kora on Saturday after fighting that a "
        "local source said killed 10 soldiers.",
        10,
    ),
    (
        "Government troops recaptured the town of Kora on Monday, two days after rebels overran "
        "it. The soldiers entered the town after an exchange of fire on its western edge in "
        "which four rebels were killed.",
        4,
    ),
]


@pytest.mark.parametrize(("text", "dead"), TAKINGS)
def test_a_taking_has_the_toll_of_the_fight_it_was_won_by(
    coder: Coder, text: str, dead: int
) -> None:
    coded = coder.code(text, pub_date=PUB)
    top = max(coded, key=lambda e: e.confidence)
    assert top.acled_sub_event_type in (
        "Government regains territory",
        "Non-state actor overtakes territory",
    )
    assert top.dead == dead
