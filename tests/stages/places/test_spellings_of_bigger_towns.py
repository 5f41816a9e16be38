"""A town many times bigger than every town that bears a name itself, whose own name that
name spells another way ("Kullu" for India's Kulu, "Legazpi" for the Philippines' Legaspi),
stays a reading ranked below the towns of that very name: the rest of the document decides.
Likewise a region named with its kind word ("Northern Region") is any country's region of
the bare name, not only the one the gazetteer spells so.

Every sentence is invented."""

from __future__ import annotations

import pytest

from flashpoint import Coder


def _reading(coder: Coder, text: str, name: str) -> tuple[str | None, str | None]:
    found = [p for p in coder.geoparse(text) if p.text == name]
    assert found, f"{name!r} not read as a place"
    return found[0].country, found[0].admin1


def test_a_spelling_of_a_bigger_town_wins_where_the_text_names_its_region(coder: Coder) -> None:
    text = "Landslides blocked the road to Manali in Himachal Pradesh near Kullu on Sunday."
    assert _reading(coder, text, "Kullu") == ("IND", "Himachal Pradesh")


def test_a_spelling_of_a_bigger_town_wins_where_the_text_names_its_country(coder: Coder) -> None:
    text = "Ash fell on Legazpi and farms in Albay as the volcano erupted, the Philippines said."
    assert _reading(coder, text, "Legazpi")[0] == "PHL"


def test_alone_the_town_of_that_very_name_still_wins(coder: Coder) -> None:
    """Guard: with nothing else in the text, the town bearing the name outranks the bigger
    town it is only a spelling of."""
    assert _reading(coder, "Detectives dug at a home in Southold.", "Southold") == (
        "USA",
        "New York",
    )


def test_an_unlike_old_name_of_a_big_town_is_no_spelling(coder: Coder) -> None:
    """Guard: GeoNames lists "Bassa" among Passau's names, but the two are not spellings of one
    name, so a German city never competes with Nigeria's Bassa."""
    text = (
        "Gunmen attacked Zike village in Bassa local government area of Plateau state on "
        "Monday, killing 27 people."
    )
    assert _reading(coder, text, "Bassa") == ("NGA", "Plateau")


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        (
            "Police arrested 3 men in Musanze (Musanze district, Northern Province).",
            "Musanze",
            "RWA",
        ),
        ("Traders in Arua (Arua, Northern Region) protested against market dues.", "Arua", "UGA"),
    ],
)
def test_a_region_named_with_its_kind_word_is_any_countrys_region_of_the_name(
    coder: Coder, text: str, name: str, iso3: str
) -> None:
    """ "Northern Region" is Malawi's spelling of its Northern, and "Northern Province" Sri
    Lanka's, but the name also calls Uganda's and Rwanda's Northern so: the town inside
    decides which."""
    places = {p.text: p for p in coder.geoparse(text)}
    region = next(p for t, p in places.items() if t.startswith("Northern"))
    assert (region.country, places[name].country) == (iso3, iso3)
