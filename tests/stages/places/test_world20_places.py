"""Place rules of this set of patterns, each pinned by invented sentences:

- the middle name of "X (Y, Z)" is a unit inside Z, whatever else it names abroad;
- a capital or a country that is the object of a verb of judging or addressing ("accusing
  Moscow", "urged Tehran") is a metonym, and no place of an attack told in another clause;
- where the copy was filed (the dateline) is no earlier naming that "the Serbian capital"
  only refers back to;
- people abducted "from" a place were taken where it is;
- first-level regions carry the English names news and ACLED use ("Sughd", "Mangystau",
  "Vojvodina", "Free State"), and the conflict-area towns cities500 lacks are known.
"""

from __future__ import annotations

import pytest
from _places_docs import first_place, places_of

from flashpoint import Coder
from flashpoint.document import Event, EventLocation
from flashpoint.stages.places.gazetteer import load_gazetteer


def _top(events: list[Event]) -> Event:
    return max(events, key=lambda e: (e.quad_code == 4, e.confidence))


def _where(coder: Coder, text: str, pub_date: str) -> EventLocation | None:
    """The location of the report's main event."""
    return _top(coder.code(text, pub_date=pub_date)).location


def test_the_middle_of_a_bracketed_container_is_inside_its_last_name(coder: Coder) -> None:
    text = (
        "On 11 September 2024, several hundred retirees protested in front of the provincial "
        "legislature in Cordoba city (Capital, Cordoba) against cuts to pensions."
    )
    loc = _where(coder, text, "2024-09-12")
    assert loc is not None and (loc.country, loc.admin1) == ("ARG", "Cordoba")


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv said Russian troops shelled Orikhiv, accusing Moscow of war crimes.",
        "The ministry condemned the raid and urged Tehran to show restraint.",
    ],
)
def test_the_object_of_a_verb_of_judging_is_a_metonym(text: str) -> None:
    capital = [p for p in places_of(text) if p.text in ("Moscow", "Tehran")]
    assert capital and capital[0].kind == "metonym"


def test_an_attack_is_not_placed_at_what_another_clause_accuses(coder: Coder) -> None:
    text = (
        "ZAPORIZHZHIA, Ukraine - Russian forces shelled trenches near a hamlet on Friday, the "
        "Ukrainian military said, accusing Moscow of war crimes."
    )
    loc = _where(coder, text, "2024-02-10")
    assert loc is not None and loc.country == "UKR"


def test_the_object_of_the_verb_an_attack_is_subject_of_is_its_target(coder: Coder) -> None:
    """Guard: "gunfire rocked the X district of the Libyan capital" is placed there."""
    text = "Heavy gunfire rocked the Souq al-Juma district of the Libyan capital on Monday night."
    loc = _where(coder, text, "2025-05-13")
    assert loc is not None and loc.country == "LBY"


def test_a_capital_phrase_after_the_dateline_keeps_its_place() -> None:
    text = (
        "BELGRADE - Thousands of students blocked an intersection in the Serbian capital on "
        "Friday in memory of the victims of a collapse in Novi Sad."
    )
    phrase = first_place(places_of(text), "Serbian capital")
    assert (phrase.country, phrase.name) == ("SRB", "Belgrade")


def test_a_capital_phrase_places_the_event_over_a_place_of_its_background(coder: Coder) -> None:
    text = (
        "BELGRADE - Thousands of students blocked a major intersection in the Serbian capital "
        "on Friday in memory of the victims of the roof collapse in Novi Sad."
    )
    loc = _where(coder, text, "2024-12-21")
    assert loc is not None and loc.name == "Belgrade"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "Gunmen abducted 14 migrants from a bus station in Reynosa, across the border from "
            "McAllen, Texas, on Saturday.",
            "Tamaulipas",
        ),
        (
            "Bandits abducted 20 pupils from their school in Kaduna state, near the border "
            "with Niger, on Friday.",
            "Kaduna",
        ),
    ],
)
def test_people_abducted_from_a_place_were_taken_there(
    coder: Coder, text: str, admin1: str
) -> None:
    loc = _where(coder, text, "2024-06-09")
    assert loc is not None and loc.admin1 == admin1


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("TJK", "Sughd"), ("KAZ", "Mangystau"), ("SRB", "Vojvodina"), ("ZAF", "Free State")],
)
def test_first_level_regions_have_their_english_names(iso3: str, name: str) -> None:
    region = load_gazetteer().admin1(iso3, name)
    assert region is not None and region.name == name


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "Gangs attacked the town of Petite-Rivière-de-l'Artibonite on Tuesday.",
            "Petite-Rivière-de-l'Artibonite",
            "Artibonite",
        ),
        ("Drones dropped grenades on trenches near Robotyne.", "Robotyne", "Zaporizhzhia"),
    ],
)
def test_conflict_area_towns_are_known(text: str, name: str, admin1: str) -> None:
    place = first_place(places_of(text), name)
    assert place.admin1 == admin1


def test_every_name_before_the_last_in_brackets_is_inside_the_last(coder: Coder) -> None:
    text = (
        "On 7 March 2021, separatist fighters attacked a checkpoint in Batibo (Batibo, Momo, "
        "North-West), leading to an exchange of fire with soldiers. 3 fatalities."
    )
    loc = _where(coder, text, "2021-03-08")
    assert loc is not None and (loc.country, loc.admin1) == ("CMR", "North-West")


def test_of_two_places_attached_alike_the_inner_one_is_where(coder: Coder) -> None:
    text = (
        "On 17 December 2024, dozens of students protested outside the Jubaland education "
        "office in Kismayo (Kismayo district, Lower Juba) against new examination fees."
    )
    loc = _where(coder, text, "2024-12-18")
    assert loc is not None and loc.admin1 == "Lower Juba"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "GUAYAQUIL, Ecuador - Fighting between rival gangs inside the Litoral penitentiary "
            "in Guayaquil has left 12 inmates dead, the prison authority said.",
            "ECU",
        ),
        (
            "Riot police stormed the Kurdistan cultural centre in Diyarbakir on Tuesday and "
            "detained 30 people.",
            "TUR",
        ),
    ],
)
def test_a_name_on_a_facility_with_its_own_place_is_its_name(
    coder: Coder, text: str, country: str
) -> None:
    """ "the Litoral penitentiary in Guayaquil": Litoral names the prison (it is also a
    province of Equatorial Guinea); Guayaquil says where it is."""
    loc = _where(coder, text, "2024-02-20")
    assert loc is not None and loc.country == country


def test_baga_sola_is_known() -> None:
    place = first_place(places_of("Boko Haram attacked an island near Baga Sola."), "Baga Sola")
    assert (place.country, place.admin1) == ("TCD", "Lac")
