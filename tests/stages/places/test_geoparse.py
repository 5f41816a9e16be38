"""Finding and resolving the places of a document: ambiguity, context, false friends."""

from __future__ import annotations

import pytest
from _places_docs import place_doc

from flashpoint.document import PlaceMention


def _place(doc, text: str) -> PlaceMention:
    hits = [p for p in doc.places if p.text == text]
    assert hits, f"{text!r} not found among {[p.text for p in doc.places]}"
    return hits[0]


def _where(doc, text: str) -> tuple[str | None, str | None]:
    p = _place(doc, text)
    return p.country, p.admin1


# --- ambiguous names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Rival militias clashed in Tripoli overnight.", "Tripoli", "LBY", "Tripoli"),
        (
            "Gunmen fired on a bus in Tripoli, in northern Lebanon, near the Syrian border.",
            "Tripoli",
            "LBN",
            "North Lebanon",
        ),
        (
            "After a week of protests in Beirut, unrest spread to Tripoli and Sidon.",
            "Tripoli",
            "LBN",
            "North Lebanon",
        ),
        ("Police dispersed a rally in Hyderabad on Sunday.", "Hyderabad", "IND", "Telangana"),
        (
            "Protesters blocked roads in Karachi and Hyderabad, Sindh's two largest cities.",
            "Hyderabad",
            "PAK",
            "Sindh",
        ),
        ("A bomb went off in Hyderabad in Sindh province.", "Hyderabad", "PAK", "Sindh"),
        ("Russian troops stayed in Georgia after the 2008 war.", "Georgia", "GEO", None),
        ("Voters queued for hours in Atlanta, Georgia.", "Georgia", "USA", "Georgia"),
        ("Police arrested 40 people at a rally in Paris.", "Paris", "FRA", "Ile-de-France"),
        ("A tornado hit Paris, Texas, on Monday.", "Paris", "USA", "Texas"),
        (
            "Clashes broke out in Alexandria after Friday prayers.",
            "Alexandria",
            "EGY",
            "Alexandria",
        ),
        (
            "A gunman opened fire at a baseball practice in Alexandria, Virginia.",
            "Alexandria",
            "USA",
            "Virginia",
        ),
    ],
)
def test_ambiguous_names_follow_their_context(text, name, country, admin1) -> None:
    assert _where(place_doc(text), name) == (country, admin1)


def test_the_country_of_the_document_decides_a_town_name() -> None:
    doc = place_doc(
        "Fighting intensified across Lebanon this week. In Tripoli, two people were "
        "killed in overnight clashes."
    )
    assert _where(doc, "Tripoli") == ("LBN", "North Lebanon")


# --- nested places and kind words ---------------------------------------------------------------


def test_district_in_parentheses_fixes_the_province() -> None:
    doc = place_doc("Militants attacked a checkpoint in Panjgur district (Balochistan).")
    panjgur = _place(doc, "Panjgur district")
    assert (panjgur.country, panjgur.admin1, panjgur.precision) == ("PAK", "Balochistan", "city")


def test_possessive_country_and_province_word() -> None:
    doc = place_doc("The strikes in Iran's Sistan and Baluchestan province killed seven.")
    province = _place(doc, "Sistan and Baluchestan province")
    assert province.span == (doc.text.index("Sistan"), doc.text.index(" killed"))
    assert (province.country, province.admin1, province.precision) == (
        "IRN",
        "Sistan and Baluchestan",
        "admin1",
    )
    assert _where(doc, "Iran") == ("IRN", None)


def test_spellings_resolve_to_canonical_admin1() -> None:
    doc = place_doc("Two children were killed in the southwestern Baluchistan province.")
    assert _where(doc, "Baluchistan province") == ("PAK", "Balochistan")


def test_frontline_with_governorates_in_parentheses() -> None:
    doc = place_doc(
        "On 9 May 2020, clashes erupted between pro-Houthi forces and pro-Hadi forces on the "
        "Sirwah (Marib) and Nihm (Sanaa) frontlines, killing 20."
    )
    assert _where(doc, "Sirwah") == ("YEM", "Marib")
    assert _where(doc, "Marib") == ("YEM", "Marib")
    assert _where(doc, "Nihm") == ("YEM", "Sanaa")
    assert _place(doc, "Sanaa").precision == "admin1"


def test_village_missing_from_the_gazetteer_is_not_sent_abroad() -> None:
    doc = place_doc("On 9 September 2021, armed herders killed 12 farmers in Bassa (Plateau).")
    bassa = [p for p in doc.places if p.text == "Bassa"]
    assert all(p.country in (None, "NGA") for p in bassa)
    assert _where(doc, "Plateau") == ("NGA", "Plateau")


def test_town_said_to_be_in_a_province_is_not_its_namesake_abroad() -> None:
    doc = place_doc("Militants raided the town of Palma in Cabo Delgado province.")
    palma = _place(doc, "Palma")  # not Palma de Mallorca: the district (conflict_places.tsv)
    assert (palma.country, palma.admin1) == ("MOZ", "Cabo Delgado")
    assert _where(doc, "Cabo Delgado province") == ("MOZ", "Cabo Delgado")


def test_a_town_told_in_a_state_by_its_kind_word_is_no_region_abroad() -> None:
    # "Bara" is also a name of Montenegro's Bar region; told in a state none of its
    # readings lies in, it is a town the gazetteer lacks, placed in that state
    doc = place_doc("Fighting broke out on the outskirts of Bara, North Kordofan state.")
    assert _where(doc, "Bara") == ("SDN", "North Kordofan")


def test_a_region_placed_by_its_country_is_not_unlisted_near_another() -> None:
    doc = place_doc(
        "A bomber struck a checkpoint in a village in Chad's Lac province near the border "
        "with Nigeria."
    )
    assert _where(doc, "Lac province") == ("TCD", "Lac")


def test_kind_word_chooses_the_state_over_the_country() -> None:
    doc = place_doc("Bandits abducted 30 students in Niger state on Monday.")
    assert _where(doc, "Niger state") == ("NGA", "Niger")
    doc = place_doc("Soldiers were killed in an ambush in western Niger.")
    assert _where(doc, "Niger") == ("NER", None)


def test_country_comma_and_direction_words() -> None:
    doc = place_doc(
        "A car bomb exploded in Kabul, Afghanistan, and troops moved in southwestern Pakistan."
    )
    assert _where(doc, "Kabul") == ("AFG", "Kabul")
    assert _where(doc, "Pakistan") == ("PAK", None)


def test_seas_and_named_regions() -> None:
    doc = place_doc(
        "The Houthis attacked ships in the Red Sea and the Gulf of Aden, while "
        "fighting continued in Darfur and the Donbas."
    )
    red_sea = _place(doc, "Red Sea")
    assert (red_sea.country, red_sea.precision) == (None, "region")
    assert _place(doc, "Gulf of Aden").precision == "region"
    assert _where(doc, "Darfur") == ("SDN", None)
    assert _where(doc, "Donbas") == ("UKR", None)


def test_gaza_means_the_strip() -> None:
    doc = place_doc("Israeli strikes on Gaza killed 30 people, the health ministry said.")
    assert _where(doc, "Gaza") == ("PSE", "Gaza Strip")


# --- what is not a place -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2020, police said the Arakan Army had fired on them.",
        "Police said May was a difficult month.",
        "The Iran-backed Houthis said they would continue.",
        "The Kurdistan Workers' Party denied the claim.",
        "Abu Sayyaf militants released two hostages.",
        # a country's name that opens a campaign group's name
        "Supporters of the banned group Sudan Action held placards.",
        "Members of Kurdistan Solidarity marched to the embassy.",
    ],
)
def test_names_of_groups_months_and_modifiers_are_not_places(text) -> None:
    doc = place_doc(text)
    assert [p.text for p in doc.places if p.precision is not None] == []


# --- with and without the parser and the entity recogniser ---------------------------


def test_unparsed_sentences_give_countries_and_provinces_for_context() -> None:
    doc = place_doc(
        "Police fired on protesters in Quetta, the capital of Balochistan, Pakistan.", parse=False
    )
    assert ("PAK", "Balochistan") in {(p.country, p.admin1) for p in doc.places}
    assert "PAK" in {p.country for p in doc.places if p.precision == "country"}


def test_entity_recogniser_adds_places_the_gazetteer_lacks() -> None:
    text = "Fighting was reported near Zzyzxville, Kandahar province."
    with_ner = place_doc(text, ner=True)
    assert _where(with_ner, "Kandahar province") == ("AFG", "Kandahar")
    assert _where(place_doc(text), "Kandahar province") == ("AFG", "Kandahar")


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Protesters marched through central Nairobi on Tuesday.", "Nairobi", "KEN", "Nairobi"),
        (
            "Soldiers repelled an attack on a base near Mopti in central Mali.",
            "Mopti",
            "MLI",
            "Mopti",
        ),
        (
            "Militants raided the town of Mocimboa da Praia in Cabo Delgado province.",
            "Mocimboa da Praia",
            "MOZ",
            "Cabo Delgado",
        ),
        ("Riot police clashed with students in Santiago, Chile.", "Santiago", "CHL", None),
        ("Gang members set fire to a bus in San Pedro Sula.", "San Pedro Sula", "HND", "Cortes"),
        ("Russian shelling hit Kharkiv overnight.", "Kharkiv", "UKR", "Kharkiv"),
        ("Police detained activists in Minsk and Grodno.", "Grodno", "BLR", None),
        (
            "Security forces killed protesters in Yangon and Mandalay.",
            "Mandalay",
            "MMR",
            "Mandalay",
        ),
        (
            "Maoist rebels ambushed a patrol in Bijapur district, Chhattisgarh.",
            "Bijapur district",
            "IND",
            "Chhattisgarh",
        ),
    ],
)
def test_towns_in_many_countries(text, name, country, admin1) -> None:
    where = _where(place_doc(text), name)
    assert where[0] == country
    if admin1 is not None:
        assert where[1] == admin1


# --- issue 10: whole-document reading, datelines, oceans, surnames -------------------------


def test_a_surname_named_in_full_is_a_person_later_on() -> None:
    doc = place_doc(
        "Chief engineer Grace Kilgore visited the port. Kilgore said the repairs would "
        "take a year. Floods also hit Kisumu."
    )
    assert "Kilgore" not in [p.text for p in doc.places]
    assert _where(doc, "Kisumu")[0] == "KEN"


def test_a_place_after_another_place_is_no_surname() -> None:
    doc = place_doc("Trains run Madrid Lisbon daily. Delays in Lisbon grew this week.")
    lisbon = [p for p in doc.places if p.text == "Lisbon"]
    assert lisbon and all(p.country == "PRT" for p in lisbon)


def test_a_dateline_in_capitals_is_a_place() -> None:
    doc = place_doc("NAIROBI, March 3 (Staff) - Teachers went on strike over pay.")
    assert _where(doc, "NAIROBI")[0] == "KEN"


def test_a_country_abbreviation_is_not_the_pronoun_us() -> None:
    doc = place_doc("Storms battered US soil again, and forecasters warned us of more.")
    assert [p.text for p in doc.places] == ["US"]
    assert _place(doc, "US").country == "USA"


def test_a_month_after_in_is_a_date() -> None:
    doc = place_doc("The vote was held in March, weeks after riots in Dakar.")
    assert [p.text for p in doc.places] == ["Dakar"]


def test_an_ocean_beats_the_towns_and_counties_named_after_it() -> None:
    doc = place_doc("The storm crossed the Atlantic before it reached Florida.")
    atlantic = _place(doc, "Atlantic")
    assert atlantic.precision == "region" and atlantic.feature_code == "OCN"


def test_a_namesake_ruled_out_abroad_is_not_reported() -> None:
    """A gazetteer match left without a place (every reading was a town abroad) is not
    reported as a place; one that a kind word marks still is."""
    doc = place_doc(
        "Soldiers clashed with rebels near Gao in Mali, and then in Tessit village, "
        "officials in Bamako said."
    )
    unresolved = [p for p in doc.places if p.name is None]
    assert all(p.text.endswith(("village", "district", "town")) for p in unresolved)


# --- people and money are not places (issue 10) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "A boy drowned in a pool in Dallas while his father Zachary slept. Zachary was held.",
            "Zachary",
        ),
        ("Kovac's wife, Julia, has asked the public for help finding a donor.", "Julia"),
        ("Mr. Spencer said the bridge in Leeds would reopen.", "Spencer"),
    ],
)
def test_a_name_after_a_kinship_noun_or_a_title_is_a_person(text, person) -> None:
    doc = place_doc(text)
    assert person not in [p.text for p in doc.places]


def test_a_country_after_a_kinship_noun_stays_a_country() -> None:
    doc = place_doc("Her son Jordan lives in Amman now, far from Kenya.")
    assert "Kenya" in [p.text for p in doc.places]
    assert "Amman" in [p.text for p in doc.places]


def test_a_county_named_without_county_can_be_a_surname() -> None:
    """ "Clark" is Clark County's first word, and the county has two million people, but
    "Dwayne Clark" makes Clark a person all through the text."""
    doc = place_doc(
        "Dwayne Clark, 31, was shot by deputies. Clark's family asked for an inquiry, and "
        "Clark was buried on Monday. Officials in Clark County declined to comment."
    )
    assert [p.text for p in doc.places] == ["Clark County"]


def test_a_known_persons_name_is_no_place(coder) -> None:
    """The actor dictionary's people ("Vladimir Putin") are not the city of Vladimir, while
    a country beside the name is still a place."""
    places = coder.geoparse("Trump telephoned Russian leader Vladimir Putin about Syria on Friday.")
    assert [p.text for p in places] == ["Syria"]


def test_a_country_before_a_currency_names_the_money() -> None:
    doc = place_doc("The pension is about 40 US dollars a month, the ministry in Tbilisi said.")
    assert [p.text for p in doc.places] == ["Tbilisi"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Armenia said Azerbaijan had mined the border territory of Georgia.", "Georgia", "GEO"),
        ("Russian troops left the territory of Ukraine, Kyiv said.", "Ukraine", "UKR"),
    ],
)
def test_territory_of_a_country_is_the_country(text, name, country) -> None:
    p = _place(place_doc(text), name)
    assert (p.country, p.precision) == (country, "country")


def test_a_kind_word_after_an_adjective_still_says_the_kind() -> None:
    doc = place_doc("Helicopters landed in the tourist town of Kalam in the Swat Valley.")
    assert "Kalam" in [p.text for p in doc.places]


def test_a_town_of_that_very_name_beats_an_alternate_name() -> None:
    """GeoNames lists "Southold" among South Bend's alternate names; the town called
    Southold is meant, while a big city's old name still finds it ("Bombay")."""
    assert _where(place_doc("Detectives dug at a home in the town of Southold."), "Southold") == (
        "USA",
        "New York",
    )
    assert _where(place_doc("Floods cut roads across Bombay on Monday."), "Bombay")[0] == "IND"


def test_the_gulf_is_the_persian_gulf() -> None:
    p = _place(place_doc("Tankers were seized in the Gulf, near Qatar."), "Gulf")
    assert p.name == "Persian Gulf"


def test_a_name_before_a_weapon_word_is_the_weapon() -> None:
    """ "Grad rockets" (Grad is also a Slovenian municipality of 700 people); a country
    before a weapon word stays a place."""
    doc = place_doc("Troops fired Grad rockets at Kherson, and Iran missiles were seen.")
    assert [p.text for p in doc.places] == ["Kherson", "Iran"]


@pytest.mark.parametrize(
    ("spelling", "iso3", "admin1"),
    [("Shan-North", "MMR", "Shan"), ("Bago-East", "MMR", "Bago"), ("Thi-Qar", "IRQ", "Dhi Qar")],
)
def test_acled_spellings_of_first_level_regions(spelling, iso3, admin1) -> None:
    p = _place(place_doc(f"Clashes were reported in Kyaukme town ({spelling})."), spelling)
    assert (p.country, p.admin1) == (iso3, admin1)


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        # a one-word small town as the subject of a verb of speaking is a person
        ("In the interview, Sandberg reiterated that the rules had changed in Dublin.", "Sandberg"),
        # a people's or language's word is no town of that name (Spanish, Ontario)
        ("A man in Toronto shouted in Spanish at the camera.", "Spanish"),
        # a word in capitals is an acronym, not the town Moca
        ("Workers in Bilbao handled MOCA and other carcinogens.", "MOCA"),
    ],
)
def test_small_towns_used_as_something_else_are_not_places(text, not_a_place) -> None:
    places = [p.text for p in place_doc(text).places]
    assert not_a_place not in places and len(places) == 1


def test_a_capital_or_a_base_that_speaks_stays_a_place() -> None:
    doc = place_doc("Fort Hood said the soldier had served abroad. Nairobi said it would help.")
    assert [p.text for p in doc.places] == ["Fort Hood", "Nairobi"]


def test_common_nouns_that_name_small_towns_need_a_place_cue() -> None:
    doc = place_doc("Materials placed on this Portal are protected under the Law on copyright.")
    assert doc.places == []


@pytest.mark.parametrize(
    ("text", "abbr", "admin1"),
    [
        ("A toddler drowned at a home in Slidell, La., on Monday.", "La.", "Louisiana"),
        ("HELENA, Mont. (AP) - Lawmakers met again on Friday.", "Mont.", "Montana"),
        ("The firm moved to Boston, MA in 2019.", "MA", "Massachusetts"),
        ("It opened a store in Vancouver, B.C., last year.", "B.C.", "British Columbia"),
    ],
)
def test_a_state_abbreviated_after_a_town_is_the_state(text, abbr, admin1) -> None:
    """AP abbreviations and postal codes after a town and a comma name the state (and so
    place the town); "Mont." is no French town Mont, "MA" no Ghanaian town."""
    doc = place_doc(text)
    assert _where(doc, abbr)[1] == admin1
    town = doc.places[0]
    assert town.admin1 == admin1


def test_an_abbreviation_needs_a_town_before_it() -> None:
    doc = place_doc("Students, MA candidates and staff gathered outside.")
    assert all(p.admin1 != "Massachusetts" for p in doc.places)


def test_a_dateline_may_end_with_a_colon() -> None:
    doc = place_doc("NEW DELHI: The court sought a response from the former president.")
    assert _where(doc, "NEW DELHI")[0] == "IND"


def test_the_islamic_republic_is_iran() -> None:
    doc = place_doc("The Islamic Republic's exports to the region fell last year.")
    assert _where(doc, "Islamic Republic")[0] == "IRN"


@pytest.mark.parametrize(
    ("text", "unknown", "iso3", "admin1"),
    [
        (
            "Gunmen raided Seytenga village (Seno, Sahel) at dawn.",
            "Seytenga village",
            "BFA",
            "Sahel",
        ),
        (
            "Crowds filled Paulista Avenue in Sao Paulo on Sunday.",
            "Paulista Avenue",
            "BRA",
            "Sao Paulo",
        ),
        (
            "Police raided the Penha neighbourhood of Rio de Janeiro.",
            "Penha neighbourhood",
            "BRA",
            "Rio de Janeiro",
        ),
    ],
)
def test_an_unknown_place_is_placed_where_its_container_is(text, unknown, iso3, admin1) -> None:
    """A village, street or neighbourhood the gazetteer lacks (or knows only as a namesake
    elsewhere: Paulista in Pernambuco, Penha in Santa Catarina) takes its container's
    country, region, coordinates and precision; its name stays empty."""
    p = _place(place_doc(text), unknown)
    assert p.name is None and p.geonameid is None
    assert (p.country, p.admin1) == (iso3, admin1) and p.lat is not None


@pytest.mark.parametrize(
    ("text", "unknown", "iso3", "admin1"),
    [
        ("Police dispersed a rally in Gulshan in central Dhaka on Friday.", "Gulshan",
         "BGD", "Dhaka"),
        ("A grenade was thrown at a bus stop in Eastleigh in Nairobi.", "Eastleigh", "KEN",
         "Nairobi"),
        ("Students marched through Hamra in western Beirut.", "Hamra", "LBN", "Beirut"),
        ("Riot police cleared a camp in Belleville in Paris.", "Belleville", "FRA",
         "Ile-de-France"),
    ],
)  # fmt: skip
def test_a_town_told_in_a_big_city_is_a_part_of_that_city(text, unknown, iso3, admin1) -> None:
    """ "X in (central) Y" with Y a city of half a million or more: X is a district of Y
    the gazetteer lacks, not its namesake village abroad or elsewhere in the country."""
    p = _place(place_doc(text), unknown)
    assert (p.country, p.admin1) == (iso3, admin1)


def test_a_big_city_named_in_another_is_still_itself() -> None:
    doc = place_doc("Refugees from Aleppo in Istanbul held a vigil on Friday.")
    assert _where(doc, "Aleppo")[0] == "SYR"


def test_a_river_or_street_named_after_a_place_is_not_that_place() -> None:
    doc = place_doc(
        "Russian troops crossed the Dnipro river; a car bomb hit Haifa Street in Baghdad."
    )
    assert _place(doc, "Dnipro river").name is None
    assert _place(doc, "Haifa Street").country == "IRQ"  # placed by "in Baghdad"


def test_a_peoples_word_before_people_is_no_region_of_that_name() -> None:
    """ "Four Somali soldiers" are soldiers of Somalia, not a place in Ethiopia's Somali
    region; "the Somali region" is that region."""
    assert [p.text for p in place_doc("Four Somali soldiers were killed.").places] == []
    doc = place_doc("Clashes erupted in the Somali region of Ethiopia.")
    assert _where(doc, "Somali region") == ("ETH", "Somali")
