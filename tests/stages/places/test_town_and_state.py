"""A town named with its state in apposition ("in Zurmi, Zamfara State") is where the event
happened: the actor stage reads the pair as a town and a region, not as a person and a
title, so the town stays a place (invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.mark.parametrize(
    ("text", "town", "admin1"),
    [
        (
            "Gunmen killed five villagers in Zurmi, Zamfara State, on Tuesday, police said.",
            "Zurmi",
            "Zamfara",
        ),
        ("Bandits abducted 14 travellers near Kagara, Niger State, on Monday.", "Kagara", "Niger"),
        (
            "Insurgents attacked a military post in Bama, Borno State, on Sunday night.",
            "Bama",
            "Borno",
        ),
    ],
)
def test_the_town_before_its_state_is_the_event_place(
    coder: Coder, text: str, town: str, admin1: str
) -> None:
    events = coder.code(text, pub_date="2024-03-07")
    loc = events[0].location
    assert loc is not None
    assert (loc.name, loc.country, loc.admin1, loc.precision) == (town, "NGA", admin1, "city")
