"""Wordings of violence whose ACLED sub-event type the words decide (invented sentences):
a passive verb's "by" agent is its logical subject, "sexually" makes an assault sexual
violence, people snatched or bundled into a car are abducted, "shot dead" is a shooting
whatever the parser tags it."""

from __future__ import annotations

import pytest

from flashpoint import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _top(coder: Coder, text: str):
    found = coder.code(text, pub_date="2025-02-11", doc_id="t")
    return max(found, key=lambda e: e.confidence) if found else None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the munition is the "by" agent of a passive
        (
            "Syrian soldiers were hit by shells filled with chlorine near Latamneh.",
            "Chemical weapon",
        ),
        ("A school in Sumy was hit by a missile on Sunday.", "Shelling/artillery/missile attack"),
        # the adverb decides
        ("A girl was sexually assaulted by a militiaman near Bunia.", "Sexual violence"),
        ("Prison guards sexually abused detainees at a jail in Juba.", "Sexual violence"),
        # sides that fought each other clashed, whoever they are
        ("Two rival cattle-herding groups fought each other near Bor.", "Armed clash"),
        # taken by force
        ("Gunmen snatched two engineers from a road near Zaria.", "Abduction/forced disappearance"),
        (
            "Masked men bundled a student leader into a van outside his hostel in Lusaka.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_the_words_decide_the_sub_event_type(coder, text, sub) -> None:
    top = _top(coder, text)
    assert top is not None and top.acled_sub_event_type == sub


def test_shot_dead_after_a_vehicle_is_a_shooting(coder) -> None:
    """ "Gunmen on a motorbike shot dead ...": the parser reads "motorbike shot" as a noun."""
    top = _top(coder, "Gunmen on a motorcycle shot dead a preacher in Quetta on Friday.")
    assert top is not None and top.event_type == "ASSAULT" and top.mode == "firearms"
    assert top.dead == 1
    assert top.location is not None and top.location.country == "PAK"


def test_the_plain_senses_stay(coder) -> None:
    top = _top(coder, "Soldiers assaulted a reporter at a checkpoint in Goma.")
    assert top is not None and top.acled_sub_event_type == "Attack"
    assert _top(coder, "The players snatched a late win in Kigali.") is None
