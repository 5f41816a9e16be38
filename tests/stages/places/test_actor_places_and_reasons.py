"""Where an event happened when the text says it only around the trigger: the place of the
actor's "in"/"at" phrase, not a place inside the reason given for the act, and hyphenated
names the gazetteer writes as one word. Every sentence is invented; each is coded end to end."""

from __future__ import annotations

import pytest

from flashpoint import Coder


def _place(coder: Coder, text: str) -> tuple[str | None, str | None]:
    events = coder.code(text, pub_date="2024-05-02", doc_id="t")
    top = max(events, key=lambda e: e.confidence)
    loc = top.location
    return (loc.name, loc.country) if loc else (None, None)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the actor's "in" phrase is where it acted; the reason's place is not
        (
            "Police in Novosibirsk detained a student on Friday for posting songs against the "
            "war in Ukraine.",
            "RUS",
        ),
        (
            "Officers in Izmir arrested a singer on Monday over praising the uprising in Syria.",
            "TUR",
        ),
    ],
)
def test_the_actor_in_a_place_acts_there_not_where_the_reason_is(
    coder: Coder, text: str, country: str
) -> None:
    assert _place(coder, text)[1] == country


def test_a_place_told_on_the_trigger_wins_over_the_actors(coder: Coder) -> None:
    name, _ = _place(coder, "Police in Kano arrested twelve protesters in Zaria on Monday.")
    assert name == "Zaria"


def test_a_hyphenated_name_is_the_one_word_name(coder: Coder) -> None:
    # the gazetteer writes the Port-au-Prince suburb as "Pétionville"
    name, country = _place(coder, "Gunmen shot dead a driver in Pétion-Ville on Tuesday.")
    assert (name, country) == ("Pétionville", "HTI")


def test_the_places_a_sentence_names_beat_the_targets_home_country(coder: Coder) -> None:
    # the TTP's home is Pakistan; the sentence says the bombs fell in Paktika
    text = (
        "Pakistani jets bombed several locations including Laman village, Barmal district, "
        "Paktika province, targeting alleged TTP hideouts."
    )
    assert _place(coder, text)[1] == "AFG"
