"""A news dateline that opens an article ("KHARKIV, Ukraine -", "WASHINGTON (AP) -", "NEW
DELHI:") is where the report was filed: a sentence of its own, never part of the lead's
subject, and the lead is the sentence after it (invented reports)."""

from __future__ import annotations

import pytest

from flashpoint import Coder
from flashpoint.document import Document
from flashpoint.stages.sentences import SentenceStage, split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KHARKIV, Ukraine - A missile hit a school.", "KHARKIV, Ukraine -"),
        ("GAROUA (AFP) - Gunmen attacked a bus.", "GAROUA (AFP) -"),
        ("NEW DELHI: Police detained 40 farmers.", "NEW DELHI:"),
        ("PORT-AU-PRINCE — Gangs burned a police station.", "PORT-AU-PRINCE —"),
        ("ZINDER, Niger, May 4 (Reuters) - Troops killed ten.", "ZINDER, Niger, May 4 (Reuters) -"),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(text: str, dateline: str) -> None:
    assert _texts(text)[0] == dateline
    doc = SentenceStage()(Document(id="d", text=text))
    assert doc.sentences[0].dateline and not doc.sentences[1].dateline
    assert doc.lead == 1


@pytest.mark.parametrize(
    "text",
    [
        "UN - EU talks resumed in Geneva on Monday.",  # two capitals, no place before a dash
        "ISIS fighters attacked a checkpoint near Raqqa.",
        "The army said - without giving details - that ten were killed.",
    ],
)
def test_text_that_is_no_dateline_is_left_alone(text: str) -> None:
    doc = SentenceStage()(Document(id="d", text=text))
    assert not doc.sentences[0].dateline
    assert doc.lead == 0


def test_the_dateline_is_not_the_leads_actor(coder: Coder) -> None:
    text = "MAIDUGURI, Nigeria - Insurgents attacked a military base in Marte on Sunday."
    event = max(coder.code(text, pub_date="2024-06-11"), key=lambda e: e.confidence)
    assert event.actor is not None and event.actor.text == "Insurgents"
    assert event.location is not None and event.location.name == "Marte"


def test_the_dateline_place_is_still_a_place(coder: Coder) -> None:
    places = coder.geoparse("KHARKIV, Ukraine - A missile hit a school on Friday.")
    assert [p.name for p in places][:2] == ["Kharkiv", "Ukraine"]


def test_the_day_the_lead_names_after_a_dateline_dates_it(coder: Coder) -> None:
    text = (
        "SONGKHLA, Thailand - Rangers defused a bomb hidden in a rubbish bin near a market in "
        "Saba Yoi district on Tuesday morning, police said."
    )
    event = max(coder.code(text, pub_date="2024-03-20"), key=lambda e: e.confidence)
    assert event.date is not None and event.date.isoformat() == "2024-03-19"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KABUL - A bomb exploded near a market on Saturday, killing four people.", "Kabul"),
        ("ALMATY - Several dozen residents picketed outside the city hall on Saturday.",
         "Almaty"),
        ("PANAMA CITY, Oct 25 - Thousands of people marched through the capital on Tuesday.",
         "Panama City"),
    ],
)  # fmt: skip
def test_an_unplaced_lead_event_happened_where_the_report_was_filed(
    coder: Coder, text: str, name: str
) -> None:
    event = max(coder.code(text, pub_date="2024-05-10"), key=lambda e: e.confidence)
    assert event.location is not None and event.location.name == name


def test_a_lead_placed_in_another_country_keeps_its_own_place(coder: Coder) -> None:
    text = "NAIROBI (Reuters) - Gunmen killed five people in a village in Somalia on Monday."
    event = max(coder.code(text, pub_date="2024-05-10"), key=lambda e: e.confidence)
    assert event.location is not None and event.location.country == "SOM"


def test_a_region_named_in_the_lead_does_not_unplace_it(coder: Coder) -> None:
    text = (
        "LIMA - Thousands of people marched through the capital on Tuesday against a deal "
        "letting a foreign firm run South America's largest copper mine."
    )
    event = max(coder.code(text, pub_date="2024-05-10"), key=lambda e: e.confidence)
    assert event.location is not None and event.location.name == "Lima"
