"""Which name after a comma contains the place before it, and which towns vouch for each
other (world10 tuning misses, each pinned by invented sentences): a possessive whose noun is
no place is a speaker, not a container; a unit the gazetteer lacks leaves its town alone; a
unit read only through a foreign town's alternate name loses that reading; two towns of one
region, both names borne in that one country only, vouch for each other; a capital's name
that ends a longer name joined by a particle is no capital; "the Libyan capital" is a place
unless the city was named before it."""

from __future__ import annotations

import pytest
from _places_docs import first_place, places_of

# --- a possessive after a comma: container or speaker -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled Goma, Rwanda's army said on Monday.",
        "Rebels shelled Goma, Rwanda's foreign minister told reporters.",
    ],
)
def test_a_possessive_whose_noun_is_no_place_does_not_contain_the_town(text: str) -> None:
    goma = first_place(places_of(text), "Goma")
    assert (goma.country, goma.precision) == ("COD", "city")


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Protesters marched in Goma, Congo's eastern city, on Monday.", "Goma", "COD"),
        (
            "Clashes were reported in Bamenda, Cameroon's restive Northwest region, on Sunday.",
            "Bamenda",
            "CMR",
        ),
    ],
)
def test_a_possessive_whose_noun_is_a_place_still_contains_it(
    text: str, town: str, country: str
) -> None:
    place = first_place(places_of(text), town)
    assert (place.country, place.precision) == (country, "city")


# --- a unit the gazetteer lacks or misreads ---------------------------------------------


def test_a_unit_the_gazetteer_lacks_leaves_its_town_alone() -> None:
    places = places_of("Soldiers clashed with insurgents near Kumbo, Bui division, on Tuesday.")
    kumbo = first_place(places, "Kumbo")
    assert (kumbo.country, kumbo.admin1) == ("CMR", "North-West")


def test_a_unit_read_only_through_a_foreign_towns_alternate_name_loses_it() -> None:
    # a small German town is also known as "Kech"; Turbat is a town of its own name
    places = places_of("Gunmen attacked a bus near Turbat, Kech district, on Friday.")
    assert first_place(places, "Turbat").country == "PAK"
    assert first_place(places, "Kech district").country is None


# --- neighbouring towns vouch for each other --------------------------------------------


def test_two_towns_of_one_region_named_only_there_vouch_for_each_other() -> None:
    text = (
        "Insurgents attacked a base in Mocimboa da Praia on Monday, Rwanda's defence force "
        "said. Its troops later reopened the road to Mueda."
    )
    places = places_of(text)
    for town in ("Mocimboa da Praia", "Mueda"):
        place = first_place(places, town)
        assert (place.country, place.admin1) == ("MOZ", "Cabo Delgado")
    assert "Praia" not in [p.text for p in places]  # not Cabo Verde's capital


def test_towns_whose_names_other_countries_share_keep_their_own_reading() -> None:
    places = places_of("Heavy rain flooded Barry on Monday. Residents of Thornhill stayed indoors.")
    assert all(p.country == "GBR" for p in places)


# --- "the Libyan capital" ----------------------------------------------------------------


def test_a_capital_phrase_is_a_place_when_the_city_is_named_only_later() -> None:
    text = "Clashes erupted in the Libyan capital on Friday. A Tripoli-based militia spoke."
    phrase = first_place(places_of(text), "Libyan capital")
    assert (phrase.country, phrase.name) == ("LBY", "Tripoli")


def test_a_capital_phrase_after_the_city_only_refers_back_to_it() -> None:
    text = "Thousands marched through Athens on Sunday. Police in the Greek capital fired gas."
    assert [p.text for p in places_of(text)] == ["Athens"]
