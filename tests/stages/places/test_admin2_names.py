"""Second-level units by the name news gives them: GeoNames writes many with their designator
in front, in the country's language ("Province du Soum", "Province of Agusan del Norte"); the
gazetteer's build knows them by the bare name (invented sentences)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import flashpoint

ROOT = Path(__file__).resolve().parents[3]


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


def test_the_designator_before_a_district_name_is_dropped() -> None:
    bare = _build_script().bare_admin2
    assert bare("Province du Soum") == "Soum"
    assert bare("Province d'Oubritenga") == "Oubritenga"
    assert bare("Province of Agusan del Norte") == "Agusan del Norte"
    assert bare("Departement de la Sanaga-Maritime") == "Sanaga-Maritime"
    assert bare("Provincia di Cosenza") == "Cosenza"
    # a name that only starts like a designator stays whole
    assert bare("District of Columbia") == "District of Columbia"
    assert bare("City and Borough of Leeds") == "City and Borough of Leeds"
    assert bare("Los Angeles County") == "Los Angeles County"


def _places(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {p.text: (p.country, p.admin1, p.admin2) for p in flashpoint.geoparse(text)}


def test_a_province_named_bare_contains_its_town() -> None:
    # invented: "Soum" is Burkina Faso's province, not the Senegalese village, and Djibo stays
    places = _places("Gunmen raided a market in Djibo (Soum) on Sunday, residents said.")
    assert places["Djibo"] == ("BFA", "Sahel", "Soum")
    assert places["Soum"][:2] == ("BFA", "Sahel")


def test_a_philippine_province_in_a_nested_place_is_found_whole() -> None:
    # invented: "Agusan del Norte" is the province, not the town of Agusan in another region
    places = _places("Twelve rebels surrendered in Butuan (Agusan del Norte, Caraga) on Monday.")
    assert places["Agusan del Norte"] == ("PHL", "Caraga", "Agusan del Norte")
    assert places["Butuan"][:2] == ("PHL", "Caraga")
    assert "Agusan" not in places


def test_an_event_in_a_bracketed_province_takes_the_town() -> None:
    # invented
    text = "On 4 March, militants killed five volunteers in Diapaga (Tapoa, Est)."
    events = flashpoint.Coder().code(text, pub_date="2024-03-05")
    assert events and events[0].location is not None
    loc = events[0].location
    assert (loc.name, loc.country, loc.admin1) == ("Diapaga", "BFA", "Est")


def test_a_town_whose_region_the_text_names_is_no_foreign_namesake() -> None:
    # invented: the report names Ethiopia, but Marsabit county vouches for Kenya's town
    text = (
        "Raiders shot dead four herders near Dukana, North Horr sub-county, on Monday. "
        "The Marsabit county commissioner said patrols along the border with Ethiopia "
        "had been stepped up."
    )
    places = _places(text)
    assert places["North Horr"][:2] == ("KEN", "Marsabit")


def test_a_region_after_an_unknown_unit_places_the_event() -> None:
    # invented: the territory is unknown to the gazetteer; its province places the event
    text = (
        "Armed men raped four women near their fields in Zombakanda territory, South Kivu, "
        "on Monday, a local official said."
    )
    events = flashpoint.Coder().code(text, pub_date="2024-03-05")
    assert events and events[0].location is not None
    assert (events[0].location.country, events[0].location.admin1) == ("COD", "Sud-Kivu")
