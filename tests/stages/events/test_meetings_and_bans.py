"""Core words of meetings and sanctions (invented sentences): a discussion or a conference is
a meeting, not one given to the press; bans on named officials, and travel, visa or arms
bans, are sanctions; an asset freeze is a sanction."""

from __future__ import annotations

import pytest
from _coded import top_event


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "Sudanese and Chadian officials held a second day of discussions in N'Djamena.",
            "CONSULT",
        ),
        ("The leaders of Ghana and Togo held a video conference on border security.", "CONSULT"),
        ("Canada banned six Iranian officials from entering the country.", "SANCTION"),
        ("The United Kingdom imposed travel bans on three Sudanese generals.", "SANCTION"),
        ("Switzerland announced an asset freeze on two Belarusian oligarchs.", "SANCTION"),
    ],
)
def test_meeting_and_sanction_words(coder, text, etype) -> None:
    assert top_event(coder, text).event_type == etype


def test_a_press_conference_is_no_meeting(coder) -> None:
    text = "Kenya's interior minister gave a press conference in Nairobi on Monday."
    assert not [e for e in coder.code(text, pub_date="2025-05-06") if e.event_type == "CONSULT"]


def test_banning_protesters_from_a_square_stays_a_restriction(coder) -> None:
    text = "Police in Dhaka banned protesters from entering the main square."
    assert top_event(coder, text).event_type == "COERCE"


# Invented notes: disappearing someone, breaking into a building, burning machinery, signing
# a peace settlement.
@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "Police forcibly disappeared a lawyer from his office in Quetta on Monday.",
            "Abduction/forced disappearance",
        ),
        (
            "Armed men broke into a pharmacy in Bentiu on Sunday and carried off medicines.",
            "Looting/property destruction",
        ),
        (
            "Rebels burned two excavators at a dam site near Kalemie on Friday.",
            "Looting/property destruction",
        ),
        (
            "Two rival clans signed a peace settlement in Garowe on Thursday.",
            "Agreement",
        ),
    ],
)
def test_acled_notes_words(coder, text, subtype) -> None:
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert subtype in {e.acled_sub_event_type for e in found}


def test_a_person_who_disappeared_was_not_abducted_by_the_text(coder) -> None:
    text = "A fisherman disappeared off the coast of Lamu on Monday."
    assert not coder.code(text, pub_date="2025-05-06", doc_id="t")


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "Gunmen took two aid workers from their car near Kadugli on Friday.",
            "Abduction/forced disappearance",
        ),
        (
            "Al-Shabaab fighters opened a training camp near Jilib on Sunday.",
            "Headquarters or base established",
        ),
    ],
)
def test_people_taken_and_camps_opened(coder, text, subtype) -> None:
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert subtype in {e.acled_sub_event_type for e in found}


def test_a_camp_for_displaced_people_is_no_base(coder) -> None:
    text = "The government opened a camp for displaced families in Bunia on Monday."
    found = coder.code(text, pub_date="2025-05-06", doc_id="t")
    assert not [e for e in found if e.event_type == "MOBILIZE"]


def test_a_defused_bomb_did_not_go_off(coder) -> None:
    text = "Soldiers defused a roadside bomb on the road to Kismayo on Sunday."
    subs = {e.acled_sub_event_type for e in coder.code(text, pub_date="2025-05-06")}
    assert "Disrupted weapons use" in subs
    assert "Remote explosive/landmine/IED" not in subs


def test_bombs_that_fell_on_a_place_were_fired_at_it(coder) -> None:
    text = "Bombs fell on a market in Kadugli on Friday, killing four traders."
    subs = {e.acled_sub_event_type for e in coder.code(text, pub_date="2025-05-06")}
    assert "Shelling/artillery/missile attack" in subs


@pytest.mark.parametrize(
    "text",
    [
        "Qatar flew in 30 tonnes of food and medical kits to Port Sudan on Monday.",
        "Egypt dispatched a field hospital and 25 rescue workers to Benghazi on Tuesday.",
        "Norway channelled $12 million in humanitarian funds to Yemen through UN agencies.",
    ],
)
def test_relief_sent_flown_or_channelled_is_aid(coder, text) -> None:
    assert top_event(coder, text).event_type == "AID"
