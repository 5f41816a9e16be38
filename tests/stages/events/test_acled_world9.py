"""ACLED sub-event patterns found on the tuning half of notes_world9, each general:

- arrests made while a gathering, a crowd or a vigil is broken up are how a protest was met;
- people arrested who staged a protest (a sit-in, a rally) are protesters met by the police,
  while an arrest for a protest told only as its reason stays an arrest;
- a hyphenated word of the sentence ("sit-in") is one cue word as well as its parts;
- any gas a weapon released over troops or their positions is a chemical weapon, while a
  gas station or gas field near them names no weapon.

Every sentence is invented; each is coded end to end and scored on the event the report
scorer labels (flashpoint.evaluate)."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.evaluate import _acled_event, _main_event


def _labelled(coder: Coder, text: str) -> str | None:
    events = coder.code(text, pub_date="2024-05-02", doc_id="t")
    ev = _acled_event(events, _main_event(events))
    return ev.acled_sub_event_type if ev else None


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Police broke up a gathering of students outside the ministry in Dakar on Monday, "
            "detaining about thirty of them.",
            "Protest with intervention",
        ),
        (
            "Security forces broke up a candlelight vigil for the victims in Minsk, detaining "
            "at least 40 people.",
            "Protest with intervention",
        ),
        (
            "Police in Lusaka arrested 15 traders who staged a sit-in outside the city council "
            "offices on Tuesday.",
            "Protest with intervention",
        ),
        (
            "Police in Lusaka arrested nine nurses who staged a rally over unpaid wages.",
            "Protest with intervention",
        ),
        # no protest met: arrests for a crime, or of suspects at their homes
        (
            "Police in Lusaka arrested 15 opposition activists at their homes on Tuesday, "
            "their party said.",
            "Arrests",
        ),
    ],
)
def test_arrests_of_a_gathering_or_of_those_who_staged_a_protest(
    coder: Coder, text: str, sub: str
) -> None:
    assert _labelled(coder, text) == sub


def test_a_hyphenated_word_is_one_cue_word() -> None:
    import spacy

    from flashpoint.stages.events.stage import sentence_words

    nlp = spacy.blank("en")
    words = sentence_words(nlp("They held a sit-in and a shoot-out followed."))
    assert {"sit-in", "shoot-out", "sit", "in"} <= words
    assert "a-shoot" not in sentence_words(nlp("a - shoot"))


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "A military helicopter dropped a canister that released a greenish gas over rebel "
            "positions near Kutkai on Friday, witnesses said.",
            "Chemical weapon",
        ),
        (
            "Drones dropped munitions releasing a choking white gas on Ukrainian trenches "
            "near Avdiivka.",
            "Chemical weapon",
        ),
        (
            "An army drone struck a gas station near rebel positions outside Kutkai on Friday.",
            "Air/drone strike",
        ),
    ],
)
def test_gas_released_over_troops_is_a_chemical_weapon(coder: Coder, text: str, sub: str) -> None:
    assert _labelled(coder, text) == sub
