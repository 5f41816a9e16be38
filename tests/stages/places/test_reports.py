"""Event locations on short ACLED-style event reports (invented, tests/data/reports.jsonl):
the main event of each report must land in the right country and first-level region."""

from __future__ import annotations

from pathlib import Path

import pytest
from _places_docs import make_event, place_doc

from flashpoint.evaluate import evaluate, load_gold
from flashpoint.stages.places.locate import locate_event

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports.jsonl"


@pytest.fixture(scope="module")
def report(coder):
    return evaluate(REPORTS, coder)


def test_the_file_holds_many_invented_reports() -> None:
    records = load_gold(REPORTS)
    assert len(records) >= 56
    assert all(r.get("note") == "invented test report" for r in records)
    assert len({r["country"] for r in records}) >= 25


def test_country_accuracy(report) -> None:
    assert report.kind == "report"
    assert report.headline["country accuracy"] >= 0.95


def test_admin1_accuracy(report) -> None:
    assert report.headline["admin1 accuracy"] >= 0.85


# --- the general rules behind the figures, one sentence each ----------------------------------


def _found(doc, text: str):
    hits = [p for p in doc.places if p.text == text]
    assert hits, f"{text!r} not among {[p.text for p in doc.places]}"
    return hits[0]


def test_a_missing_province_does_not_drag_its_town_abroad() -> None:
    doc = place_doc(
        "Militants attacked a military post near Djibo in Soum province (Sahel region), "
        "killing 12 soldiers."
    )
    djibo = _found(doc, "Djibo")
    assert (djibo.country, djibo.admin1, djibo.precision) == ("BFA", "Sahel", "city")
    soum = _found(doc, "Soum province")  # GeoNames' "Province du Soum", by its bare name
    assert (soum.name, soum.country, soum.admin1, soum.precision) == (
        "Soum",
        "BFA",
        "Sahel",
        "admin2",
    )
    sahel = _found(doc, "Sahel region")
    assert (sahel.country, sahel.precision) == ("BFA", "admin1")
    loc = locate_event(doc, make_event(doc, "attacked"))
    assert loc is not None and (loc.country, loc.admin1, loc.precision) == ("BFA", "Sahel", "city")


def test_a_foreign_namesake_of_a_village_gives_way_to_its_district() -> None:
    doc = place_doc("Militants ambushed a convoy near Boni in Douentza circle, Mopti region.")
    douentza = _found(doc, "Douentza circle")
    assert (douentza.country, douentza.admin1) == ("MLI", "Mopti")
    assert not any(p.country not in (None, "MLI") for p in doc.places)


def test_an_unknown_village_takes_its_region() -> None:
    doc = place_doc("M23 rebels clashed with troops near Nyamitaba (North Kivu), killing 5.")
    loc = locate_event(doc, make_event(doc, "clashed"))
    assert loc is not None
    assert (loc.country, loc.admin1, loc.precision) == ("COD", "Nord-Kivu", "admin1")
    assert loc.lat is not None and loc.lon is not None


def test_a_city_named_as_the_target_is_located_at_the_city() -> None:
    doc = place_doc("Russian forces shelled Kherson city (Kherson), killing 2 civilians.")
    ev = make_event(doc, "shelled", actor=("Russian forces", "RUS"), recipient=("Kherson", "UKR"))
    loc = locate_event(doc, ev)
    assert loc is not None and (loc.country, loc.admin1, loc.precision) == (
        "UKR",
        "Kherson",
        "city",
    )
    assert abs((loc.lon or 0) - 32.61) < 0.2


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Police raided a favela in Rio de Janeiro on Thursday.", "Rio de Janeiro", "city"),
        ("Floods hit towns across Rio de Janeiro state.", "Rio de Janeiro state", "admin1"),
    ],
)
def test_a_bare_name_shared_by_a_region_and_its_city_is_the_city(text, name, precision) -> None:
    place = _found(place_doc(text), name)
    assert (place.country, place.admin1, place.precision) == ("BRA", "Rio de Janeiro", precision)


def test_a_compass_word_before_an_unknown_name_is_not_a_region() -> None:
    doc = place_doc(
        "Gunmen attacked villages in Gimbi district of West Wollega zone, Oromia region."
    )
    assert all(p.country in (None, "ETH") for p in doc.places)
    assert not any(p.text == "West" for p in doc.places)


def test_a_trailing_participle_happens_where_the_main_clause_does() -> None:
    doc = place_doc("The two armies fought around the airport in Khartoum, killing 56 civilians.")
    loc = locate_event(doc, make_event(doc, "killing"))
    assert loc is not None and (loc.country, loc.admin1) == ("SDN", "Khartoum")


def test_the_one_place_of_an_attack_counts_even_when_loosely_attached() -> None:
    doc = place_doc(
        "The military shelled a camp for displaced people near Laiza in Kachin state, "
        "killing 29 people."
    )
    loc = locate_event(doc, make_event(doc, "shelled"))
    assert loc is not None and (loc.country, loc.admin1) == ("MMR", "Kachin")


# --- "village (district, region)": the container's last name is a region (issue 10) ---------


@pytest.mark.parametrize(
    ("text", "iso3", "admin1"),
    [
        # the Sahel belt is a named region; inside brackets it is Burkina Faso's Sahel region
        (
            "Gunmen raided Tougouri village (Yagha, Sahel) at dawn, killing nine herders.",
            "BFA",
            "Sahel",
        ),
        # "Chin" is also an alternate name of a Chinese city
        ("Troops burned houses in Matupi village (Matupi, Chin) on Sunday.", "MMR", "Chin"),
        (
            "Insurgents ambushed a convoy near Dand (Dand, Kandahar), killing two guards.",
            "AFG",
            "Kandahar",
        ),
    ],
)
def test_the_last_name_in_brackets_is_a_first_level_region(coder, text, iso3, admin1) -> None:
    events = coder.code(text, pub_date="2024-03-02")
    assert events, text
    loc = events[0].location
    assert loc is not None and (loc.country, loc.admin1) == (iso3, admin1)


def test_a_city_word_in_brackets_keeps_the_city() -> None:
    doc = place_doc("A bomb went off at a market in Kabul (Kabul city) on Monday.")
    cities = [p for p in doc.places if p.text.startswith("Kabul") and p.precision == "city"]
    assert cities


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked Bourzanga village (Bam, Centre-Nord), killing 14 civilians.",
        "Rebels overran Kiwanja town (Rutshuru, Nord-Kivu) after a day of fighting.",
        "Kaya town (Sanmatenga, Centre-Nord) was shelled overnight, killing four people.",
    ],
)
def test_the_place_an_attack_is_done_to_is_where_it_happened(coder, text) -> None:
    """The object of an attack verb (or the subject of its passive) is the event's place,
    even when the village is unknown and only its brackets resolve."""
    events = coder.code(text, pub_date="2024-03-02")
    assert events and events[0].location is not None, text
    assert events[0].location.country in ("BFA", "COD")


@pytest.mark.parametrize(
    ("text", "iso3", "admin1"),
    [
        (
            "After a week of fighting, the army retook the town of Ghayl Bawazir (Hadramawt) "
            "from the militants. Four soldiers were killed.",
            "YEM",
            "Hadramawt",
        ),
        (
            "Rebels captured Mindat town (Chin) after overrunning an army post; six soldiers "
            "were killed.",
            "MMR",
            "Chin",
        ),
    ],
)
def test_the_place_a_sentence_captures_is_where_its_fighting_happened(
    coder, text, iso3, admin1
) -> None:
    """The object of an attack or capture verb is the event's place even when the event's
    trigger is another word of the sentence (the fighting, the killing)."""
    events = coder.code(text, pub_date="2024-03-02")
    assert len(events) == 1, [e.trigger.text for e in events]
    loc = events[0].location
    assert loc is not None and (loc.country, loc.admin1) == (iso3, admin1)
    assert events[0].dead in (4, 6)


@pytest.mark.parametrize(
    ("text", "iso3", "admin1"),
    [
        # a landmine "planted ... in" the place: a clause about the weapon says where
        (
            "A soldier was killed when he stepped on a landmine planted by rebels in the "
            "countryside of Tumaco (Narino).",
            "COL",
            "Narino",
        ),
        # the man "accused of stealing a goat in" the village was beaten there
        (
            "A mob beat a man accused of stealing a goat in Kalenga village (Iringa) and "
            "set him on fire.",
            "TZA",
            "Iringa",
        ),
    ],
)
def test_a_reduced_clause_about_a_participant_places_the_attack(coder, text, iso3, admin1) -> None:
    events = [e for e in coder.code(text, pub_date="2024-03-02") if e.event_type == "ASSAULT"]
    assert events and events[0].location is not None, text
    assert (events[0].location.country, events[0].location.admin1) == (iso3, admin1)


def test_a_place_after_days_of_is_no_location() -> None:
    """ "in the first three days of Turkey's offensive" says when: Turkey is not where the
    killing was."""
    doc = place_doc("Up to 24 civilians were killed in the first three days of Turkey's offensive.")
    assert locate_event(doc, make_event(doc, "killed")) is None


def test_a_favela_in_a_city_is_not_its_namesake_elsewhere(coder) -> None:
    """ "the Jacarezinho favela in Rio de Janeiro": the town of Jacarezinho in Parana is a
    namesake; the raid happened in Rio de Janeiro."""
    [ev] = coder.code(
        "On 6 May 2021, police raided the Jacarezinho favela in Rio de Janeiro, killing 28.",
        pub_date="2021-05-07",
    )
    assert ev.location is not None and ev.location.admin1 == "Rio de Janeiro"
