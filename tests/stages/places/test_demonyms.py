"""How the text uses a place: demonyms as places of kind "demonym" (reported only when
asked) and capitals or countries that speak as metonyms."""

from __future__ import annotations

from _places_docs import place_doc

from flashpoint import Coder
from flashpoint.stages.places.demonyms import demonyms
from flashpoint.stages.places.geoparse import geoparse
from flashpoint.stages.places.stage import GeoparseStage

TEXT = "Turkish troops and Canadians met African envoys near the border of South Africa."


def test_demonyms_are_places_of_their_country_or_region_when_asked() -> None:
    doc = place_doc(TEXT)
    places = {p.text: p for p in geoparse(doc, demonyms=True)}
    assert (places["Turkish"].country, places["Turkish"].kind) == ("TUR", "demonym")
    assert places["Turkish"].span == (0, len("Turkish"))
    assert places["Canadians"].country == "CAN"
    assert places["African"].name == "Africa" and places["African"].country is None
    assert places["South Africa"].kind == "literal"


def test_by_default_demonyms_are_not_places() -> None:
    assert [p.text for p in place_doc(TEXT).places] == ["South Africa"]


def test_a_demonym_inside_a_place_name_is_that_place_only() -> None:
    doc = place_doc("Aid reached the Central African Republic and the Dominican Republic.")
    places = geoparse(doc, demonyms=True)
    assert all(p.kind == "literal" for p in places)
    assert {p.country for p in places} == {"CAF", "DOM"}


def test_the_stage_passes_the_choice_on() -> None:
    doc = place_doc(TEXT)
    assert any(p.kind == "demonym" for p in GeoparseStage(demonyms=True)(doc).places)


def test_every_country_demonym_names_a_gazetteer_country() -> None:
    from flashpoint.stages.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    missing = [d.word for d in demonyms().values() if d.country and gaz.country(d.country) is None]
    assert missing == []
    regions = [d for d in demonyms().values() if d.region]
    assert regions and all(
        any(p.kind == "region" for p in gaz.lookup(d.region.lower())) for d in regions
    )


def test_a_capital_or_country_that_speaks_is_a_metonym_and_where_things_happen_literal() -> None:
    places = place_doc("Tehran said the talks had failed. Protesters gathered in Tehran.").places
    assert [p.kind for p in places if p.text == "Tehran"] == ["metonym", "literal"]
    russia = place_doc("Russia denied the report.").places
    assert [p.kind for p in russia] == ["metonym"]


def test_the_peoples_word_and_capital_name_that_countrys_capital_city() -> None:
    doc = place_doc(
        "Fighting broke out in the Zawiya Road district of the Libyan capital overnight."
    )
    capital = [p for p in geoparse(doc) if p.text == "Libyan capital"]
    assert [(p.name, p.country, p.kind) for p in capital] == [("Tripoli", "LBY", "literal")]


def test_a_capital_named_after_its_peoples_word_is_found_once_by_its_own_name() -> None:
    doc = place_doc("Riot police dispersed a march in the Kenyan capital, Nairobi, on Monday.")
    assert [p.name for p in geoparse(doc)] == ["Nairobi"]


def test_an_event_in_the_peoples_capital_is_placed_in_that_city(coder: Coder) -> None:
    events = coder.code(
        "Gunmen shot dead two guards outside a bank in the Malian capital on Monday.",
        pub_date="2025-05-13",
        doc_id="t",
    )
    loc = max(events, key=lambda e: e.confidence).location
    assert loc is not None and (loc.name, loc.country) == ("Bamako", "MLI")


def test_the_peoples_capital_after_the_city_is_named_refers_back_to_it() -> None:
    doc = place_doc("Militias clashed in Tripoli, turning parts of the Libyan capital into ruins.")
    assert [p.name for p in geoparse(doc)] == ["Tripoli"]
