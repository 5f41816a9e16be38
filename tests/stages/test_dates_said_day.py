"""A day right after a reporting verb ("said on Monday its jets had killed ... on Saturday")
is the statement's day, however the parser hangs it: the event takes the day of its own
clause. Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder

PUB = "2024-05-07"  # a Tuesday

CASES = [
    (
        "The air force said on Monday its jets had killed 12 fighters in strikes on a camp "
        "near the river on Saturday.",
        "killed",
        "2024-05-04",
    ),
    (
        "The rebels said on Monday they had seized the town of Kora on Sunday, after days of "
        "fighting.",
        "seized",
        "2024-05-05",
    ),
    (
        "Police announced Monday that gunmen had abducted two engineers on Saturday.",
        "abducted",
        "2024-05-04",
    ),
    # a "when" or "while" clause on the event tells its time, the day of the statement not
    (
        "Police said on Monday that six men were killed when two rival clans fought with "
        "rifles near the market on Saturday.",
        "fought",  # the killing is the fight's toll: the fight is the event
        "2024-05-04",
    ),
    (
        "Officials said on Monday that two students were wounded while police broke up a "
        "march in the capital on Sunday.",
        "wounded",
        "2024-05-05",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "day"), CASES)
def test_the_event_takes_its_own_day_not_the_statements(
    coder: Coder, text: str, trigger: str, day: str
) -> None:
    (event,) = [e for e in coder.code(text, pub_date=PUB) if e.trigger.text == trigger]
    assert event.date is not None and event.date.isoformat() == day


def test_a_statement_day_alone_still_bounds_the_event(coder: Coder) -> None:
    text = "The army said on Monday that its troops had killed five militants."
    (event,) = [e for e in coder.code(text, pub_date=PUB) if e.trigger.text == "killed"]
    assert event.date is not None and event.date.isoformat() <= "2024-05-06"


def test_without_a_parse_no_reporting_verb_is_read() -> None:
    from flashpoint.stages.dates.syntax import reporting_before
    from flashpoint.stages.events.triggers import REPORTING

    assert reporting_before(None, 0, REPORTING) is None
