"""A clause that opens the sentence before its first comma with "after", "since", "as",
"despite", "having ..." is the background; the news is the clause after the comma, however
the parser hangs the two together (invented sentences)."""

from __future__ import annotations

import pytest

from flashpoint import Coder, CoderConfig
from flashpoint.document import Event
from flashpoint.stages.events.triggers import preposed_clause
from flashpoint.stages.parse import load_nlp


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(text, pub_date="2025-05-06", doc_id="t")


def _top(coder: Coder, text: str) -> Event:
    found = _events(coder, text)
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "Two days after rebels shelled the airport in Bangui, the foreign ministers of "
            "Chad and Cameroon consulted by telephone on Thursday.",
            "CONSULT",
        ),
        (
            "A week after soldiers exchanged fire on the border, Armenian and Azerbaijani "
            "officials met in Tbilisi to ease tensions.",
            "CONSULT",
        ),
        (
            "After gunmen attacked a bus in Kaduna, Nigeria and Niger agreed to set up joint "
            "patrols along their border.",
            "AGREE",
        ),
    ],
)
def test_the_clause_after_the_opening_background_is_the_news(coder, text, etype) -> None:
    assert _top(coder, text).event_type == etype


def test_the_background_event_is_still_coded(coder) -> None:
    text = (
        "A week after soldiers exchanged fire on the border, Armenian and Azerbaijani "
        "officials met in Tbilisi to ease tensions."
    )
    types = {e.event_type for e in _events(coder, text)}
    assert {"CONSULT", "ASSAULT"} <= types


def test_a_sentence_that_opens_with_its_subject_is_read_as_before(coder) -> None:
    # "after" inside the main clause: its event stays in the background as it was
    text = "Rebels shelled the airport in Bangui on Monday after talks with Chad collapsed."
    assert _top(coder, text).event_type == "ASSAULT"


def test_the_opening_clause_ends_at_its_first_comma() -> None:
    nlp = load_nlp(CoderConfig().model)
    doc = nlp("Days after the vote, protesters marched in Lima.")
    span = preposed_clause(doc[:])
    assert [t.text for t in doc if t.i in span] == ["Days", "after", "the", "vote"]
    assert not preposed_clause(nlp("Protesters marched in Lima after the vote.")[:])


def test_what_happened_before_is_not_what_a_verb_acts_on(coder) -> None:
    # invented: "suspend" + an attack is a truce (CONCEDE); "after the attack" only says when
    text = "After the bombing in Kabul, Norway suspended budget payments to the government."
    assert _top(coder, text).event_type == "SANCTION"


@pytest.mark.parametrize(
    ("text", "etype", "actor"),
    [
        (
            "After shelling across the Line of Control killed four villagers, India and "
            "Pakistan agreed in principle on a new hotline protocol.",
            "AGREE",
            "PAK",
        ),
        (
            "After mortar fire near the border killed two farmers, Armenia and Azerbaijan "
            "agreed to reopen talks in Almaty.",
            "AGREE",
            "AZE",
        ),
    ],
)
def test_the_noun_phrase_after_the_background_is_the_main_verbs_subject(
    coder, text, etype, actor
) -> None:
    # the parser hangs "India and Pakistan" inside the clause as an apposition of
    # "villagers": the main verb still gets its sides, so its event is kept and wins
    top = _top(coder, text)
    assert top.event_type == etype
    sides = {
        top.actor.country if top.actor else None,
        top.recipient.country if top.recipient else None,
    }
    assert actor in sides
