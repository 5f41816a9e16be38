"""Hand-written towns, territories, zones and districts of conflict areas
(data/places/conflict_places.tsv) that GeoNames' cities500 lacks, pinned by invented reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from _places_docs import make_event, place_doc

from flashpoint.stages.places.gazetteer import load_gazetteer
from flashpoint.stages.places.locate import locate_event
from flashpoint.stages.places.names import normalize

TSV = Path(__file__).resolve().parents[3] / "src/flashpoint/data/places/conflict_places.tsv"


def _rows() -> list[dict[str, str]]:
    with open(TSV, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:]]


def test_every_row_names_an_admin1_of_its_country() -> None:
    gaz = load_gazetteer()
    rows = _rows()
    assert len(rows) > 300
    missing = [
        (r["name"], r["country"], r["admin1"])
        for r in rows
        if gaz.admin1(r["country"], r["admin1"]) is None
    ]
    assert not missing


def test_every_row_is_a_town_or_district_of_its_country() -> None:
    gaz = load_gazetteer()
    lost = []
    for r in _rows():
        hits = [
            p
            for p in gaz.lookup(normalize(r["name"]))
            if p.country == r["country"] and p.kind in ("city", "admin2")
        ]
        if not hits:
            lost.append(r["name"])
    assert not lost


def test_rows_are_unique_and_well_formed() -> None:
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["kind"] in ("city", "admin2"), r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert len(r["country"]) == 3 and r["country"].isupper(), r


REPORTS = [
    ("Militia fighters attacked a camp in Djugu territory, Ituri.", "attacked", "COD", "Ituri"),
    ("Rebels attacked the village of Kamanyola on Sunday.", "attacked", "COD", "Sud-Kivu"),
    ("Fighting broke out in Masisi between the army and M23.", "Fighting", "COD", "Nord-Kivu"),
    ("Gunmen killed five farmers near Minembwe, residents said.", "killed", "COD", "Sud-Kivu"),
    ("Fano militiamen attacked Debre Elias town on Tuesday.", "attacked", "ETH", "Amhara"),
    ("Clashes were reported in East Gojjam zone overnight.", "Clashes", "ETH", "Amhara"),
    ("Al-Shabaab fighters attacked a base in Ceel Dheer.", "attacked", "SOM", "Galguduud"),
    ("Troops clashed with insurgents near Bud Bud village.", "clashed", "SOM", "Galguduud"),
    ("Insurgents raided the village in Ancuabe district.", "raided", "MOZ", "Cabo Delgado"),
    ("RSF fighters shelled Zamzam camp, killing 12 people.", "shelled", "SDN", "North Darfur"),
    ("Armed youths attacked cattle keepers in Tonj East.", "attacked", "SSD", "Warrap"),
]


@pytest.mark.parametrize(("text", "trigger", "iso3", "admin1"), REPORTS)
def test_invented_reports_are_located(text, trigger, iso3, admin1) -> None:
    doc = place_doc(text)
    loc = locate_event(doc, make_event(doc, trigger))
    assert loc is not None and (loc.country, loc.admin1) == (iso3, admin1)
