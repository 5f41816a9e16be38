"""A lead that tells an event through its toll: "The death toll from <event> rose to N".

- the toll is the event's, however long the phrase that names it ("from an attack by
  militiamen on a camp in Djugu territory in Ituri province"), and the deaths the rise is
  told by ("after two wounded people died") are part of it, not its toll;
- the day on the toll's verb ("rose to 19 on Wednesday") is the day the toll rose, not the
  day of the event;
- a later sentence that tells the event again with its day ("The bomber blew himself up
  ... on Thursday") dates it.

Every sentence is invented."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint import Coder
from flashpoint.document import Event


def _top(events: list[Event]) -> Event:
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "The death toll from an attack by armed herders on a village in Bokkos district of "
            "Plateau state rose to 23 after rescuers found more bodies, officials said.",
            23,
        ),
        (
            "The death toll from a drone strike on an apartment block in Kharkiv on Monday "
            "rose to seven after two wounded women died in hospital, the governor said.",
            7,
        ),
    ],
)
def test_the_toll_from_an_event_is_its_toll(coder: Coder, text: str, dead: int) -> None:
    top = _top(coder.code(text, pub_date="2024-05-08"))
    assert (top.event_type, top.dead) == ("ASSAULT", dead)


def test_the_day_the_toll_rose_is_not_the_events_day(coder: Coder) -> None:
    text = (
        "The death toll from a suicide bombing at a police post in Bannu district rose to 12 "
        "on Friday after three wounded policemen died, officials said. The bomber blew himself "
        "up at the gate of the post on Wednesday morning, a police official said."
    )
    events = coder.code(text, pub_date="2024-05-10")  # a Friday
    top = _top(events)
    assert (top.dead, top.date) == (12, date(2024, 5, 8))
    assert [e.dead for e in events if e.dead] == [12]


def test_a_day_on_the_event_itself_still_dates_it(coder: Coder) -> None:
    """A day before the toll's verb ("a drone strike ... on Monday rose to seven") is the
    strike's, wherever the parser hangs it."""
    text = (
        "The death toll from a drone strike on an apartment block in Kharkiv on Monday rose "
        "to seven, the governor said on Wednesday."
    )
    top = _top(coder.code(text, pub_date="2024-05-08"))
    assert (top.dead, top.date) == (7, date(2024, 5, 6))
