"""Homonyms of local news, each rule pinned by invented sentences: the document's home region
(where most of its places lie)."""

from __future__ import annotations

from _places_docs import first_place, place_doc

# --- the document's home region ------------------------------------------------------------


def test_a_town_name_is_read_in_the_region_where_most_of_the_places_lie() -> None:
    # Columbus, Ohio is the bigger city; the Georgia towns around it say which is meant
    doc = place_doc(
        "The school board in Columbus voted to close two schools. Parents from Phenix City, "
        "Fort Mitchell and LaGrange spoke against it. A judge in Macon will hear the appeal, "
        "and Georgia officials are watching."
    )
    columbus = first_place(doc.places, "Columbus")
    assert (columbus.country, columbus.admin1) == ("USA", "Georgia")


def test_the_home_region_does_not_outweigh_a_capital() -> None:
    doc = place_doc(
        "Officials in Washington approved money for a new bridge. Crews from Frederick, "
        "Hagerstown and Cumberland will start in May, the Maryland roads agency said."
    )
    assert first_place(doc.places, "Washington").admin1 == "District of Columbia"
