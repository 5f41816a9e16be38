"""Scoring the geoparser on toponym gold: tagging by overlap, resolution by distance,
country and admin1 read off the gazetteer when the gold does not give them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from flashpoint.document import PlaceMention
from flashpoint.evaluate import evaluate
from flashpoint.evaluate_geo import GeoScore, GoldToponym, ReverseIndex, km, score_document
from flashpoint.stages.places.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def rev() -> ReverseIndex:
    return ReverseIndex(load_gazetteer())


def _place(
    span: tuple[int, int],
    lat: float | None,
    lon: float | None,
    country: str | None,
    admin1: str | None = None,
) -> PlaceMention:
    return PlaceMention(
        text="x", span=span, sentence=0, lat=lat, lon=lon, country=country, admin1=admin1
    )


def test_tagging_counts_overlaps_and_resolution_counts_distance(rev: ReverseIndex) -> None:
    gold = [
        GoldToponym(0, 7, "Nairobi", -1.286, 36.817),  # found, right
        GoldToponym(20, 26, "Kisumu", -0.102, 34.761),  # found, resolved 300+ km off
        GoldToponym(40, 45, "Nyeri", -0.420, 36.947),  # missed
    ]
    places = [
        _place((0, 7), -1.28, 36.82, "KEN", "Nairobi"),
        _place((18, 26), -1.29, 36.82, "KEN", "Nairobi"),
        _place((60, 66), 0.0, 0.0, None),  # spurious
    ]
    score = GeoScore()
    score_document(score, gold, places, rev)
    h = score.headline()
    assert h["tagging precision"] == pytest.approx(2 / 3)
    assert h["tagging recall"] == pytest.approx(2 / 3)
    assert h["within 161 km"] == pytest.approx(0.5)
    assert score.country == [True, True]
    assert score.admin1[0] is True and score.admin1[1] is False


def test_a_found_but_unresolved_place_is_infinitely_far(rev: ReverseIndex) -> None:
    score = GeoScore()
    score_document(
        score, [GoldToponym(0, 5, "Gweru", -19.45, 29.82)], [_place((0, 5), None, None, None)], rev
    )
    assert score.errors_km == [math.inf] and score.country == [False]


def test_a_country_centre_is_scored_for_country_only(rev: ReverseIndex) -> None:
    kenya = load_gazetteer().country("KEN")
    assert kenya is not None
    country, admin1, has_admin1 = rev.locate(GoldToponym(0, 5, "Kenya", kenya.lat, kenya.lon))
    assert (country, admin1, has_admin1) == ("KEN", None, False)
    town = rev.locate(GoldToponym(0, 6, "Kisumu", -0.102, 34.761))
    assert town[0] == "KEN" and town[2] is True


def test_a_continent_or_region_of_several_countries_has_no_country_to_score(
    rev: ReverseIndex,
) -> None:
    # the gold point of "Africa" lies near a country's centre, of "Europe" near a German town:
    # neither phrase names that country
    assert rev.locate(GoldToponym(0, 6, "Africa", 7.19, 21.09)) == (None, None, False)
    assert rev.locate(GoldToponym(0, 6, "Europe", 48.69, 9.14)) == (None, None, False)
    assert rev.locate(GoldToponym(0, 11, "Middle East", 33.0, 36.5)) == (None, None, False)


def test_km_is_great_circle() -> None:
    assert km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


def test_flashpoint_eval_reads_toponym_gold(tmp_path: Path) -> None:
    text = "Protesters marched in Nairobi while police in Mombasa watched."
    rec = {
        "id": "t1",
        "text": text,
        "toponyms": [
            {"start": 22, "end": 29, "phrase": "Nairobi", "lat": -1.286, "lon": 36.817},
            {
                "start": 47,
                "end": 54,
                "phrase": "Mombasa",
                "lat": -4.055,
                "lon": 39.663,
                "country": "KEN",
            },
        ],
    }
    path = tmp_path / "geo.jsonl"
    path.write_text(json.dumps(rec) + "\n", "utf-8")
    report = evaluate(path)
    assert report.kind == "geo"
    assert report.headline["tagging F1"] == pytest.approx(1.0)
    assert report.headline["within 161 km"] == pytest.approx(1.0)
    assert report.headline["country accuracy"] == pytest.approx(1.0)
