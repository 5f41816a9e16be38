"""Common news words for non-violent PLOVER types that the lexicon lacked, each a general
pattern of news language (invented sentences, none from any evaluation set)."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Ghana's president championed a regional free-trade plan in Accra.", "SUPPORT"),
        ("The endorsement of the Kenyan plan by 30 African states was welcomed.", "SUPPORT"),
        ("Teachers' unions petitioned the ministry to raise salaries.", "REQUEST"),
        ("Chile and Peru shared satellite data on illegal fishing fleets.", "COOPERATE"),
        ("Intelligence exchanges between Rabat and Madrid resumed on Monday.", "COOPERATE"),
        ("Brazilian and Swedish firms began joint production of fighter jets.", "COOPERATE"),
        ("Sudan cut internet service across Darfur on Tuesday.", "COERCE"),
        ("A nationwide internet blackout imposed by Guinea's junta entered a third day.", "COERCE"),
        ("Canada barred exports of drones to Turkey on Friday.", "SANCTION"),
        (
            "Armenian and Azerbaijani troops completed their disengagement from the ridge.",
            "RETREAT",
        ),
        ("Belgium's king expressed remorse for colonial abuses in Congo.", "CONCEDE"),
        ("The minister issued a public mea culpa for the botched evacuation.", "CONCEDE"),
        ("Peru's president owned up to errors in handling the protests.", "CONCEDE"),
        ("The two rival governments settled on a date for joint elections.", "AGREE"),
    ],
)
def test_news_idioms(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_cutting_aid_stays_a_sanction(coder) -> None:
    assert top_event(coder, "Sweden cut aid to Mali on Monday.").event_type == "SANCTION"


def test_a_joint_press_conference_is_no_cooperation(coder) -> None:
    found = coder.code(
        "The two leaders gave a joint press conference in Lima.", pub_date="2025-05-06"
    )
    assert not [e for e in found if e.event_type == "COOPERATE"]
