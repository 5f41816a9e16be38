"""Resolution rules of issue 10, each pinned by invented sentences: alternate-name towns
without a cue, kind words inside organisation names, namesake cities and capitals, lists of
countries and of cities, world cities against country context, neighbouring countries, one
sense per name, and first names that open a sentence."""

from __future__ import annotations

import pytest
from _places_docs import first_place, place_doc, places_of

# --- a town's alternate name needs a place cue ------------------------------------------


def test_a_word_that_only_names_a_small_town_by_an_alternate_name_is_no_place() -> None:
    # "Andrus" is only a GeoNames alternate name of a small American town
    places = places_of("Andrus told reporters that the plan would go ahead next spring.")
    assert [p.text for p in places] == []


def test_with_a_locative_word_the_alternate_name_still_counts() -> None:
    places = places_of("She grew up in Andrus before she moved away.")
    assert first_place(places, "Andrus").country == "USA"


def test_the_town_word_of_its_name_does_not_make_an_alternate_name() -> None:
    # "City of Westminster" is the district's GeoNames name: "Westminster" is its own name
    doc = place_doc("A Westminster council spokeswoman in London, England, said the shop may stay.")
    assert first_place(doc.places, "Westminster").country == "GBR"


# --- a capitalised kind word inside an organisation's name ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials at the Montana Department of Justice opened an inquiry.", "Montana"),
        ("A judge of the Ohio District Court threw the case out.", "Ohio"),
    ],
)
def test_a_kind_word_followed_by_a_name_is_part_of_an_organisation(text: str, name: str) -> None:
    place = first_place(places_of(text), name)
    assert place.precision == "admin1"
    assert place.text == name  # not "Montana Department"


def test_a_lower_case_kind_word_still_says_what_the_place_is() -> None:
    place = first_place(
        places_of("Fighting was reported in Helmand province Taliban officials said."),
        "Helmand province",
    )
    assert place.precision == "admin1"


# --- a region's namesake city, a country's capital --------------------------------------


def test_new_york_alone_is_the_city_and_with_state_the_region() -> None:
    city = first_place(places_of("Thousands marched through New York on Saturday."), "New York")
    assert city.precision == "city" and city.lat is not None and city.lat < 41
    region = first_place(
        places_of("Flooding hit upstate New York state on Saturday."), "New York state"
    )
    assert region.precision == "admin1"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Oklahoma lawmakers will meet on Friday to debate school funding.", "Oklahoma"),
        ("Teachers across Iowa walked out of their classrooms on Monday.", "Iowa"),
        ("A tornado tore through rural Kansas overnight, officials said.", "Kansas"),
    ],
)
def test_a_state_is_not_its_smaller_namesake_city_with_city_in_its_name(
    text: str, name: str
) -> None:
    # Oklahoma City, Iowa City and Kansas City are cities of their own; only a city of a
    # million ("New York") is what its state's bare name means
    place = first_place(places_of(text), name)
    assert place.precision == "admin1" and place.admin1 == name


def test_washington_alone_is_the_capital_and_with_state_the_region() -> None:
    capital = first_place(
        places_of("Officials in Washington said the talks would resume."), "Washington"
    )
    assert capital.admin1 == "District of Columbia" and capital.precision == "city"
    region = first_place(
        places_of("Wildfires burned in Washington state this week."), "Washington state"
    )
    assert region.admin1 == "Washington" and region.precision == "admin1"


# --- lists are not containers -----------------------------------------------------------


def test_a_list_of_countries_is_no_country_inside_another() -> None:
    places = places_of("Several countries, among them China, Japan and Korea, sent aid.")
    assert first_place(places, "China").country == "CHN"
    assert first_place(places, "China").precision == "country"


def test_a_list_of_cities_is_no_city_inside_the_next() -> None:
    places = places_of("After stops in Washington, New York and Boston, the envoy flew home.")
    assert first_place(places, "Washington").admin1 == "District of Columbia"
    assert first_place(places, "New York").admin1 == "New York"


def test_a_town_and_its_region_still_nest() -> None:
    places = places_of("The festival was held in Lexington, Massachusetts, last week.")
    assert first_place(places, "Lexington").admin1 == "Massachusetts"


# --- context from the rest of the document ----------------------------------------------


def test_country_context_alone_does_not_turn_a_world_city_into_a_small_namesake() -> None:
    text = (
        "Artists in New York and Washington, D.C. say a court award could protect murals "
        "across the United States. They cited the work of street artists in London."
    )
    assert first_place(places_of(text), "London").country == "GBR"


def test_a_small_namesake_wins_when_the_text_names_its_region() -> None:
    places = places_of(
        "The fair came to London, Ontario. Farmers from across Ontario came to London."
    )
    assert all(p.country == "CAN" for p in places if p.text == "London")


def test_named_neighbours_support_a_country_against_a_region_of_its_name() -> None:
    text = (
        "Soldiers from Armenia passed through Georgia on their way north. The pension is "
        "worth about 40 US dollars a month. Azerbaijan puts pressure on Georgia."
    )
    places = places_of(text)
    assert {p.country for p in places if p.text == "Georgia"} == {"GEO"}


def test_a_name_placed_once_in_a_container_is_that_place_throughout() -> None:
    text = (
        "The actress arrived in Athens, Greece, on Monday. The brand was founded in Toronto, "
        "Canada. She met fans at a central Athens hotel and later toured Athens by night."
    )
    places = places_of(text)
    assert {p.country for p in places if p.text == "Athens"} == {"GRC"}


# --- people's names ---------------------------------------------------------------------


def test_a_first_name_opening_a_sentence_makes_the_next_word_a_surname() -> None:
    text = (
        "Charlie Chen, 48, was charged in Boston on Thursday. Chen made $800,000 from the "
        "trades, prosecutors said. A lawyer for Chen could not be reached."
    )
    places = places_of(text)
    assert "Chen" not in [p.text for p in places]
    assert first_place(places, "Boston").country == "USA"


def test_a_common_word_opening_a_sentence_is_no_first_name() -> None:
    places = places_of("Northern Kherson was shelled overnight. Kherson has no power.")
    assert [p.country for p in places if p.text == "Kherson"] == ["UKR", "UKR"]


def test_a_compass_word_before_an_unknown_name_is_no_region() -> None:
    # "Eastern" is a province of Saudi Arabia; "Eastern Ghouta" is not it
    places = places_of("Aid reached civilians in Eastern Ghouta near Damascus.")
    assert all(p.country != "SAU" for p in places)


# --- hyphenated compounds ---------------------------------------------------------------


def test_a_place_based_compound_names_the_place_by_its_name_alone() -> None:
    text = "A Nairobi-based rights group said police shot three protesters in Mombasa."
    doc = place_doc(text)
    place = first_place(doc.places, "Nairobi")
    assert place.country == "KEN"
    assert place.span == (text.index("Nairobi"), text.index("Nairobi") + len("Nairobi"))


@pytest.mark.parametrize("word", ["born", "owned", "administered"])
def test_other_compounds_of_where_also_name_the_place(word: str) -> None:
    places = places_of(f"The Lagos-{word} firm opened an office on Monday.")
    assert first_place(places, "Lagos").country == "NGA"


def test_a_compound_of_who_leads_or_backs_only_modifies() -> None:
    places = places_of("Iran-backed fighters and a Kenya-led force clashed near the border.")
    assert [p.text for p in places] == []


def test_the_event_is_not_placed_at_the_base_of_the_group_that_reports_it() -> None:
    doc = place_doc("A London-based monitoring group said soldiers attacked a village on Monday.")
    assert first_place(doc.places, "London").country == "GBR"


def test_a_leading_the_is_no_part_of_the_name_unless_the_name_has_it() -> None:
    text = "The U.S. sent aid. Judges in The Hague ruled on Monday."
    places = places_of(text)
    assert first_place(places, "U.S.").span == (4, 8)
    assert first_place(places, "The Hague").country == "NLD"


def test_an_organisation_word_and_a_kind_word_make_a_body_not_a_place() -> None:
    places = places_of("The Police Department said two officers were hurt in Chicago.")
    assert [p.text for p in places] == ["Chicago"]


def test_a_common_kind_word_after_an_unknown_name_is_no_place() -> None:
    places = places_of("Children played at the Scout camp while fans watched the League quarter.")
    assert [p.text for p in places] == []


def test_a_strong_kind_word_after_an_unknown_name_is_a_place() -> None:
    places = places_of("Soldiers entered the villages of Paletwa township on Monday.")
    assert [p.text for p in places] == ["Paletwa township"]


def test_an_acronym_or_a_kind_word_before_a_name_is_no_first_name() -> None:
    text = (
        "Samples went to CDC Atlanta for tests. The clinic at Children's Village Malakal is "
        "open. Doctors in Atlanta and Malakal are waiting."
    )
    places = places_of(text)
    # the bare names of the last sentence are places, not the surnames of "CDC", "Village"
    assert [(p.text, p.country) for p in places][-2:] == [("Atlanta", "USA"), ("Malakal", "SSD")]


def test_names_written_with_elided_articles_and_connectors() -> None:
    places = places_of("Cases rose in Côte d'Ivoire and in the capital, Port-au-Prince.")
    assert [(p.text, p.country) for p in places] == [
        ("Côte d'Ivoire", "CIV"),
        ("Port-au-Prince", "HTI"),
    ]


def test_visiting_is_a_place_cue_for_a_name_that_is_also_a_first_name() -> None:
    places = places_of("She was bitten while visiting Austin last summer.")
    assert first_place(places, "Austin").country == "USA"


def test_two_places_joined_by_a_hyphen_are_both_places() -> None:
    places = places_of("The return Amsterdam-London leg still needs a change of trains.")
    assert [(p.text, p.country) for p in places] == [("Amsterdam", "NLD"), ("London", "GBR")]


@pytest.mark.parametrize(
    "text",
    [
        "A bus hit a mine on the Fada N'Gourma-Pama road (Est region) on Friday.",
        "Traders on the Pama-Fada N'Gourma road were robbed on Friday.",
    ],
)
def test_a_town_of_several_words_joined_by_a_hyphen_to_another_is_two_places(text: str) -> None:
    places = places_of(text)
    assert {(p.text, p.country) for p in places} >= {("Fada N'Gourma", "BFA"), ("Pama", "BFA")}


def test_a_name_after_a_surname_particle_is_a_surname() -> None:
    text = "Rail chief Roger van Boxtel spoke. Boxtel said tickets would get cheaper."
    assert [p.text for p in places_of(text)] == []


def test_a_function_word_before_a_name_is_no_part_of_it() -> None:
    places = places_of("The train was six minutes late After Paris, London is the second stop.")
    assert [p.text for p in places] == ["Paris", "London"]


def test_a_big_city_that_is_also_a_surname_needs_no_cue() -> None:
    places = places_of("Zuckerberg will travel to Washington next week to testify.")
    assert first_place(places, "Washington").admin1 == "District of Columbia"


# --- a country inside a body's name --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_places", "places"),
    [
        # invented sentences
        ("The Bank of England raised rates before talks in Hanoi.", {"England"}, {"Hanoi"}),
        ("The Communist Party of Vietnam met in Hanoi.", {"Vietnam"}, {"Hanoi"}),
        ("The Culinary Institute of America opened a school in Ohio.", {"America"}, {"Ohio"}),
        ("The Kidney Foundation of Canada held a gala in Toronto.", {"Canada"}, {"Toronto"}),
    ],
)
def test_after_a_body_word_and_of_even_a_country_names_the_body(
    text: str, not_places: set[str], places: set[str]
) -> None:
    found = {p.text for p in places_of(text)}
    assert found == places, found
    assert not found & not_places


def test_a_country_right_after_air_is_an_airline() -> None:
    found = {p.text for p in places_of("She flew Air France to Lagos, then Air Canada home.")}
    assert found == {"Lagos"}


def test_a_body_word_followed_by_of_and_a_name_is_no_town_of_that_name() -> None:
    # "University" and "Church" are also small towns in GeoNames
    found = {p.text for p in places_of("Students at the University of Nairobi marched.")}
    assert found == {"Nairobi"}
    assert {p.text for p in places_of("The Church of England met in York.")} == {"York"}


def test_lower_case_bank_of_a_river_and_a_town_named_university_still_count() -> None:
    assert {p.text for p in places_of("Fighting on the east bank of the river near Raqqa.")} == {
        "Raqqa"
    }
    found = {p.text for p in places_of("He grew up in University Park, Texas.")}
    assert {"University Park", "Texas"} <= found
    assert {p.text for p in places_of("The Ministry of Defence of Kenya said so.")} == {"Kenya"}


# --- a region reached only by an alternate name, glued to a first name, is a surname -------


@pytest.mark.parametrize(
    "text",
    [
        # invented: "Cano" and "Riad" are GeoNames alternate names of Kano and Riyadh
        "According to the Mining Minister Victor Cano, the talks went well.",
        "The talks went well, said Nash Riad, a trader.",
        # a capitalised surname particle before a name: no province of Van
        "The plan is sound, said Van Boxtel on Monday.",
    ],
)
def test_a_region_reached_by_an_alternate_name_after_a_first_name_is_a_surname(
    text: str,
) -> None:
    assert [p.text for p in places_of(text)] == []


def test_the_regions_own_names_stay_places_beside_capitalised_words() -> None:
    found = {p.text for p in places_of("Troops moved into Mainland China and Lake Van.")}
    assert {"China", "Van"} <= found
    found = {p.text for p in places_of("He flew to Kano, met Mohammed Bin Salman in Riyadh.")}
    assert found == {"Kano", "Riyadh"}


# --- a compass word or a name after a connector ends a longer name --------------------------


@pytest.mark.parametrize(
    "text",
    [
        # invented: the districts are unknown to the gazetteer; "North" and "South" are also
        # Cameroon's regions, "Sur" an Omani town, "Mare" a spelling of Male
        "Fighting broke out in Gaalkacyo North on Monday.",
        "Cattle raiders struck a village in Bor South county.",
        "Gunmen shot a man in Datu Hoffer, Maguindanao del Sur.",
        "Police raided the Complexo da Mare overnight.",
    ],
)
def test_a_compass_word_or_a_word_after_a_connector_ends_a_longer_name(text: str) -> None:
    found = {p.country for p in places_of(text)}
    assert not found & {"CMR", "OMN", "MDV"}, found


def test_names_with_a_connector_and_compass_regions_still_count() -> None:
    found = {p.text for p in places_of("He flew to Mar del Plata, then to South Kordofan.")}
    assert found == {"Mar del Plata", "South Kordofan"}


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        # conflict regions and towns that GeoNames' cities500 lacks (data/places/regions.tsv)
        ("Shelling hit Eastern Ghouta again.", "Eastern Ghouta", "SYR", "Rif Dimashq"),
        ("A drone struck a compound in North Waziristan.", "North Waziristan", "PAK", None),
        ("Clan militias clashed in Puntland.", "Puntland", "SOM", None),
        ("Fighters retreated to Baghouz.", "Baghouz", "SYR", "Deir ez-Zor"),
    ],
)
def test_conflict_regions_news_names_are_in_the_gazetteer(
    text: str, name: str, country: str, admin1: str | None
) -> None:
    place = first_place(places_of(text), name)
    assert place.country == country
    if admin1:
        assert place.admin1 == admin1


# --- a town abroad reached only by an alternate name ------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # "Casa" is one of Chas's (Jharkhand) alternate names
        ("Protesters gathered near the Casa de la Cultura in Quito on Friday.", "Casa"),
        # "Kuki" is one of Kukichuo's (Saitama) alternate names
        ("Kuki village volunteers patrolled the hills above Churachandpur in Manipur.", "Kuki"),
    ],
)
def test_a_town_abroad_named_only_by_an_alternate_name_is_not_that_town(
    text: str, word: str
) -> None:
    places = places_of(text)
    assert not [p for p in places if p.text.startswith(word) and p.name is not None], places
    assert places  # the document's own places stay


# --- a unit by its kind word that its named container does not hold --------------------


@pytest.mark.parametrize(
    ("text", "word", "country", "admin1"),
    [
        # Bihar is an Indian state, not an area of Kathmandu
        (
            "Police fired tear gas at traders in the Bihar area of Kathmandu.",
            "Bihar",
            "NPL",
            "Bagmati",
        ),
        # Kasai is a province of its own, not an area of Kinshasa
        (
            "Police fired tear gas at traders in the Kasai area of Kinshasa.",
            "Kasai",
            "COD",
            "Kinshasa",
        ),
        # Southern is Malawi's region, not a zone of Tigray
        (
            "Soldiers looted shops in Adi Daero town (Southern zone, Tigray).",
            "Southern",
            "ETH",
            "Tigray",
        ),
    ],
)
def test_a_unit_its_container_does_not_hold_is_one_the_gazetteer_lacks(
    text: str, word: str, country: str, admin1: str
) -> None:
    unit = next(p for p in places_of(text) if p.text.startswith(word))
    assert unit.name is None  # not the namesake elsewhere
    assert unit.country == country and unit.admin1 == admin1  # placed by its container


def test_a_unit_near_a_place_is_not_inside_it() -> None:
    region = next(
        p
        for p in places_of("The outbreak is in the Likouala region near the Cameroon border.")
        if p.text.startswith("Likouala")
    )
    assert region.country == "COG"


@pytest.mark.parametrize(
    "text",
    [
        "Al Shabaab fighters attacked an army post in Adan Dheere town.",
        "Gunmen raided Kabul Bagh village on Sunday.",
    ],
)
def test_one_word_of_a_town_named_with_its_kind_word_is_no_place(text: str) -> None:
    # "Adan Dheere town" is an unknown town, not Aden; "Kabul Bagh village" not Kabul
    assert [p.name for p in places_of(text) if p.name is not None] == []


def test_a_regions_city_is_called_by_the_regions_name_whatever_geonames_spells_it() -> None:
    # GeoNames names the city of Libya's Derna district "Darnah"; a Romanian village is
    # "Derna" by its own name
    city = first_place(places_of("Gunmen attacked a checkpoint in Derna city."), "Derna city")
    assert city.country == "LBY" and city.precision == "city"


def test_a_plural_kind_word_names_the_kind_of_the_lists_places() -> None:
    # "Bihar areas of Kathmandu": an area of Kathmandu, not the Indian state
    places = places_of("Police fired on students in the Thamel and Bihar areas of Kathmandu.")
    bihar = next(p for p in places if p.text.startswith("Bihar"))
    assert bihar.name is None and bihar.country == "NPL"


def test_lebanons_governorates_are_called_south_and_north_as_acled_names_them() -> None:
    places = places_of("A drone struck a car near Qana (Sour, South) on Sunday.")
    south = first_place(places, "South")
    assert (south.country, south.admin1) == ("LBN", "South Lebanon")


# --- religious titles are no places -----------------------------------------------------


def test_a_religious_title_is_no_place_of_the_event() -> None:
    # GeoNames has a village named Pope (Latvia); in news the word is a title
    from flashpoint import Coder

    found = Coder().code("The Pope called on leaders to end the war.", pub_date="2025-01-05")
    assert found and all(e.location is None for e in found)


# --- an appositive kind word says the name before it is a place -------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "Kobani" is only a GeoNames alternate name of 'Ayn al 'Arab, a town under 100,000
        ("Turkish jets bombed Kobani, a town near the border, on Sunday.", "Kobani", "SYR"),
        ("Turkish jets bombed Kobani, the Syrian border town.", "Kobani", "SYR"),
        ("Drones circled over Kobani, a Kurdish-held city of 50,000.", "Kobani", "SYR"),
    ],
)
def test_a_name_with_an_appositive_kind_word_is_that_kind_of_place(
    text: str, name: str, country: str
) -> None:
    assert first_place(places_of(text), name).country == country


def test_an_appositive_that_is_a_town_official_is_no_place_cue() -> None:
    # "the town's mayor" and "the city council" describe a person, not the name
    texts = [
        "Andrus, the town's mayor, said the road would reopen.",
        "Andrus, the city council chairman, said the road would reopen.",
    ]
    for text in texts:
        assert [p.text for p in places_of(text)] == []


# --- a people's adjective before a kind word describes a place, it names none ------------


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets bombed Afrin, the Kurdish town, on Sunday.",
        "Troops entered the Kurdish town of Afrin at dawn.",
        "Shells hit Afrin, a Syrian village near the border.",
    ],
)
def test_a_demonym_and_a_kind_word_are_no_place_name(text: str) -> None:
    assert [p.text for p in places_of(text)] == ["Afrin"]


# --- a name listed with places is a place like them ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Idlib, Hama and Kobani on Monday.",
        "Kobani and Qamishli were shelled overnight.",
        "Fighting in Qamishli or Kobani left ten dead.",
    ],
)
def test_an_alternate_name_listed_with_places_is_a_place(text: str) -> None:
    assert first_place(places_of(text), "Kobani").country == "SYR"


def test_a_person_named_beside_a_place_stays_a_person() -> None:
    # "Andrus" only names a small town by an alternate name: joined to a city by "and" in a
    # sentence about people, it is no place (no comma list, no place cue)
    assert [p.text for p in places_of("Andrus and his wife moved to Paris in May.")] == ["Paris"]


def test_a_kind_word_after_a_longer_name_is_that_names_not_its_last_words() -> None:
    # "Conservation" is a GeoNames town: in "the Selous Conservation Area" it is one word of
    # a longer name, and "Area" is that name's kind word
    places = places_of("Rangers patrolled the Selous Conservation Area on Monday.")
    assert not any("Conservation" in p.text for p in places)
