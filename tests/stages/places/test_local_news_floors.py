"""The invented local-news geoparsing set (tests/data/geo_local_invented.jsonl): 60
articles of US, UK, Canadian, Australian, Indian, African and South-East Asian local news
with homonym-heavy towns (Springfield, Portland, Paris TX, London ON, Perth), every toponym
annotated, written blind on 3 December 2026. Scored when written: tagging F1 0.939, within
161 km 0.835, country 0.907, admin1 0.889; the floors sit about 0.03 below today's figures
over the whole set (F1 0.939, 161 km 0.846, country 0.914, admin1 0.903).

A second set (geo_local_invented2.jsonl, 60 articles, 538 toponyms: 22 US, 8 UK, 5 Canadian,
5 Indian, 4 Australian and 16 more from Nigeria to Malaysia, with names that are also words
or people's names, streets and teams left unannotated) was written blind by a helper in the
afternoon of 7 December 2026; d9ce510 scored tagging F1 0.911, within 161 km 0.939, country
0.987, admin1 0.976, and its floors sit about 0.03 below.

An international set (geo_intl_invented.jsonl, 50 articles, 1,098 toponyms from 107
countries: wars, diplomacy, disasters, sport; homonyms such as Hyderabad, Tripoli, Córdoba,
Georgia; 135 demonyms and 143 metonyms; names such as "Bank of England" left unannotated)
was written blind by a helper on the evening of 7 December 2026; f6e4356 scored tagging F1
0.883, within 161 km 0.910, country 0.973, admin1 0.837, and its floors sit about 0.03
below."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluate import load_gold
from flashpoint.evaluate_geo import evaluate_geo

_DATA = Path(__file__).parents[2] / "data" / "geo_local_invented.jsonl"
_FLOORS = {
    "tagging F1": 0.91,
    "within 161 km": 0.81,
    "country accuracy": 0.88,
    "admin1 accuracy": 0.87,
}


_FLOORS2 = {
    "tagging F1": 0.88,
    "within 161 km": 0.91,
    "country accuracy": 0.95,
    "admin1 accuracy": 0.94,
}


_FLOORS_INTL = {
    "tagging F1": 0.85,
    "within 161 km": 0.88,
    "country accuracy": 0.94,
    "admin1 accuracy": 0.81,
}


@pytest.mark.parametrize(
    ("path", "floors", "size"),
    [
        (_DATA, _FLOORS, 60),
        (_DATA.with_name("geo_local_invented2.jsonl"), _FLOORS2, 60),
        (_DATA.with_name("geo_intl_invented.jsonl"), _FLOORS_INTL, 50),
    ],
    ids=["local", "local2", "intl"],
)
def test_the_invented_local_news_keeps_its_floors(
    coder, path: Path, floors: dict, size: int
) -> None:
    records = load_gold(path)
    assert len(records) == size
    score, _ = evaluate_geo(records, coder, path.name)
    head = score.headline()
    low = {k: round(head[k], 3) for k, v in floors.items() if head[k] < v}
    assert not low, f"below the floors {floors}: {low}"
