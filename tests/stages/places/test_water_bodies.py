"""Rivers, lakes and bays the gazetteer (GeoNames' towns) lacks, each rule pinned by invented
sentences: found as one name, and placed where the text or the document puts them."""

from __future__ import annotations

from _places_docs import first_place, place_doc

# --- finding them --------------------------------------------------------------------------


def test_a_name_ending_in_a_water_word_is_one_water_body() -> None:
    doc = place_doc("Two anglers were rescued from the Tallowash River near Bakersfield on Sunday.")
    assert "Tallowash River" in [p.text for p in doc.places]


def test_a_name_after_lake_or_river_is_one_water_body() -> None:
    doc = place_doc(
        "Volunteers pulled rubbish from the River Fenwold and from Lake Corrigan near Harrogate."
    )
    texts = [p.text for p in doc.places]
    assert "River Fenwold" in texts and "Lake Corrigan" in texts


def test_a_state_in_a_river_name_is_no_place_of_its_own() -> None:
    doc = place_doc("Flooding on the Ohio River closed a ferry near Louisville on Tuesday.")
    texts = [p.text for p in doc.places]
    assert "Ohio River" in texts
    assert "Ohio" not in texts


def test_a_region_after_lake_stays_a_place_of_its_own() -> None:
    # as test_resolution_rules pins ("Lake Van": the province)
    doc = place_doc("Ferries crossed Lake Ontario from Toronto before the storm arrived.")
    assert "Ontario" in [p.text for p in doc.places]


def test_a_town_the_gazetteer_knows_by_the_whole_name_stays_the_town() -> None:
    doc = place_doc("Police in Lake Charles, Louisiana, arrested two men on Friday.")
    town = first_place(doc.places, "Lake Charles")
    assert (town.precision, town.admin1) == ("city", "Louisiana")


def test_a_person_named_like_a_lake_who_speaks_is_no_place() -> None:
    doc = place_doc("Dana Lake said the council had ignored the residents of Bakersfield.")
    assert not any("Lake" in p.text for p in doc.places)


# --- placing them --------------------------------------------------------------------------


def test_a_water_body_takes_the_region_of_a_town_in_its_sentence() -> None:
    doc = place_doc(
        "The Tallowash Creek burst its banks near Maitland, cutting roads to two farms."
    )
    creek = first_place(doc.places, "Tallowash Creek")
    assert (creek.country, creek.admin1, creek.precision) == ("AUS", "New South Wales", "region")
    assert creek.lat is not None and abs(creek.lat - -32.73) < 0.5


def test_a_water_body_takes_the_documents_home_region() -> None:
    doc = place_doc(
        "Fishermen reported dead fish in Lake Tawney last week. Health officials in Carbondale, "
        "Marion and Murphysboro said tests were under way, and Illinois officials will report "
        "in May."
    )
    lake = first_place(doc.places, "Lake Tawney")
    assert (lake.country, lake.admin1, lake.precision) == ("USA", "Illinois", "region")


def test_a_water_body_named_after_a_state_is_in_it_without_other_clues() -> None:
    doc = place_doc("Traffic on the Missouri River was halted for a second day.")
    river = first_place(doc.places, "Missouri River")
    assert (river.country, river.admin1) == ("USA", "Missouri")
    assert not any(p.text == "Missouri" for p in doc.places)


def test_a_water_body_named_again_is_where_it_was_first_placed() -> None:
    doc = place_doc(
        "Crews cleared debris from the Tallowash Creek near Maitland on Monday. Families from "
        "Melbourne and Geelong said the Tallowash Creek had never risen so fast."
    )
    creeks = [p for p in doc.places if p.text == "Tallowash Creek"]
    assert len(creeks) == 2
    assert {p.admin1 for p in creeks} == {"New South Wales"}


def test_a_water_body_in_a_container_takes_the_container() -> None:
    doc = place_doc("Kayakers paddled the Tallowash River in Bakersfield, California, on Saturday.")
    river = first_place(doc.places, "Tallowash River")
    assert (river.country, river.admin1) == ("USA", "California")


def test_a_water_body_with_no_clue_stays_unresolved() -> None:
    doc = place_doc("Swimmers were warned away from Gannetmere Lagoon after the spill.")
    lagoon = first_place(doc.places, "Gannetmere Lagoon")
    assert lagoon.precision is None and lagoon.country is None


def test_a_water_body_with_a_possessive_is_still_the_water_body() -> None:
    doc = place_doc("Rowers raced on the Tallowash River's upper reach near Maitland on Sunday.")
    river = first_place(doc.places, "Tallowash River")
    assert (river.country, river.admin1) == ("AUS", "New South Wales")


# --- local places the gazetteer lacks, read in the home region -------------------------------

_HOME_MA = (
    "Parents from Springfield, Holyoke and Chicopee packed the school board meeting. "
    "Massachusetts officials said the budget would be settled by May. "
)


def test_a_local_name_with_readings_only_outside_the_home_region_is_placed_in_it() -> None:
    doc = place_doc(_HOME_MA + "Several children play football in Forest Park after school.")
    park = first_place(doc.places, "Forest Park")
    assert (park.country, park.admin1, park.precision) == ("USA", "Massachusetts", "region")


def test_a_town_the_text_puts_in_another_region_stays_there() -> None:
    doc = place_doc(_HOME_MA + "One teacher moved to Forest Park, Georgia, last year.")
    town = first_place(doc.places, "Forest Park")
    assert (town.admin1, town.precision) == ("Georgia", "city")


# --- common words read as small towns --------------------------------------------------------


def test_a_small_town_name_before_a_number_and_a_word_is_a_numbered_label() -> None:
    doc = place_doc("Ward 3 Councillor Dana Pike asked for a recount in Springfield, Illinois.")
    assert not any(p.text == "Ward" for p in doc.places)
