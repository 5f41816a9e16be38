"""A past participle of harm with a subject and no auxiliary ("2 civilians killed and 4
injured", "Three soldiers wounded in ambush") is a passive told without its "were", the
terse style of event notes and headlines: its subject is the one harmed, never the actor,
and a tally listed with another in that style is the toll of the event the note tells.

Every sentence is invented."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(events: list[Event]) -> Event:
    return max(events, key=lambda e: e.confidence)


def test_a_terse_tally_is_the_notes_toll(coder: Coder) -> None:
    text = (
        "On 9 April 2024, armed men attacked Kalunga village (Masisi territory, North "
        "Kivu). 2 civilians killed and 4 injured."
    )
    events = coder.code(text, pub_date="2024-04-11")
    top = _top(events)
    assert (top.event_type, top.dead, top.injured) == ("ASSAULT", 2, 4)
    assert [e.dead for e in events if e.dead] == [2]


def test_the_subject_of_a_bare_participle_is_harmed_not_acting(coder: Coder) -> None:
    text = "On 5 May 2024, militants ambushed a patrol near Kidal. Four soldiers wounded."
    events = coder.code(text, pub_date="2024-05-06")
    assert events and _top(events).actor is not None
    assert _top(events).actor.text == "militants"  # type: ignore[union-attr]
    assert all(e.actor is None or "soldiers" not in e.actor.text for e in events)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Militants killed five soldiers near Kidal.", 5),
        ("Militants wounded and killed three soldiers near Kidal.", 3),
    ],
)
def test_an_active_verb_with_an_object_keeps_its_actor(coder: Coder, text: str, dead: int) -> None:
    """Guard: a verb of harm with an object, its own or a conjoined verb's, is active."""
    top = _top(coder.code(text, pub_date="2024-06-05"))
    assert top.actor is not None and top.actor.text == "Militants"
    assert top.dead == dead
