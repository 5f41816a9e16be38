"""Three readings of place names in context:

- a small town or village read in a first-level region other than the one the text names as
  a container ("(Myinmu, Sagaing, Sagaing)") is a local place that shares a name with one
  elsewhere: the event falls to the region named;
- a capitalised word followed by "de"/"del"/"da" and another capitalised word heads a longer
  name ("the Plaza de Mayo"), not a town of its own;
- a sea's name before a settlement's kind word ("the Black Sea port") describes a town told
  elsewhere (here the dateline's), so the event is placed there, not at sea.

Every sentence is invented."""

from __future__ import annotations

from flashpoint import Coder


def test_a_village_homonym_outside_the_named_region_is_not_read(coder: Coder) -> None:
    text = (
        "On 3 March 2024, soldiers burned houses in Nyaung Pin Thar village near Myinmu "
        "(Myinmu, Sagaing, Sagaing). Two villagers were killed."
    )
    village = [p for p in coder.geoparse(text) if p.text.startswith("Nyaung")]
    assert village and all(p.admin1 != "Yangon" for p in village)
    top = max(coder.code(text, pub_date="2024-03-05"), key=lambda e: e.confidence)
    assert top.location is not None and top.location.admin1 == "Sagaing"


def test_a_village_in_the_named_region_keeps_its_reading(coder: Coder) -> None:
    """Guard: the homonym is only dropped outside the regions the text names."""
    text = "Soldiers burned houses in Nyaung Pin Thar village (Yangon region) on Monday."
    village = [p for p in coder.geoparse(text) if p.text.startswith("Nyaung")]
    assert village and village[0].admin1 == "Yangon"


def test_a_word_before_de_and_a_name_heads_a_longer_name(coder: Coder) -> None:
    places = coder.geoparse("Retired teachers marched to the Plaza de Mayo on Wednesday.")
    assert all(p.name != "Płaza" for p in places)


def test_a_known_name_with_de_is_still_read_whole(coder: Coder) -> None:
    """Guard: the longer name the gazetteer knows is matched before the particle rule."""
    places = coder.geoparse("Police fired tear gas at protesters in Rio de Janeiro.")
    assert [p.name for p in places] == ["Rio de Janeiro"]


def test_a_seas_port_is_the_datelines_town(coder: Coder) -> None:
    text = (
        "ODESA, Ukraine, May 3 (Invented Wire) - A missile hit a grain warehouse in the Black "
        "Sea port overnight, killing two workers, the governor said."
    )
    top = max(coder.code(text, pub_date="2024-05-03"), key=lambda e: e.confidence)
    assert top.location is not None and top.location.country == "UKR"
