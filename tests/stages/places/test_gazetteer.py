"""The gazetteer: its build (on a tiny hand-made input) and the shipped file's coverage."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.stages.places.gazetteer import (
    FORMAT_VERSION,
    default_path,
    load_gazetteer,
    read_gazetteer,
)
from flashpoint.stages.places.names import is_latin, normalize, strip_article

ROOT = Path(__file__).resolve().parents[3]


def _load_build_script():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


bg = _load_build_script()

ISO3 = [
    "ABW",
    "AFG",
    "AGO",
    "AIA",
    "ALA",
    "ALB",
    "AND",
    "ARE",
    "ARG",
    "ARM",
    "ASM",
    "ATA",
    "ATF",
    "ATG",
    "AUS",
    "AUT",
    "AZE",
    "BDI",
    "BEL",
    "BEN",
    "BES",
    "BFA",
    "BGD",
    "BGR",
    "BHR",
    "BHS",
    "BIH",
    "BLM",
    "BLR",
    "BLZ",
    "BMU",
    "BOL",
    "BRA",
    "BRB",
    "BRN",
    "BTN",
    "BVT",
    "BWA",
    "CAF",
    "CAN",
    "CCK",
    "CHE",
    "CHL",
    "CHN",
    "CIV",
    "CMR",
    "COD",
    "COG",
    "COK",
    "COL",
    "COM",
    "CPV",
    "CRI",
    "CUB",
    "CUW",
    "CXR",
    "CYM",
    "CYP",
    "CZE",
    "DEU",
    "DJI",
    "DMA",
    "DNK",
    "DOM",
    "DZA",
    "ECU",
    "EGY",
    "ERI",
    "ESH",
    "ESP",
    "EST",
    "ETH",
    "FIN",
    "FJI",
    "FLK",
    "FRA",
    "FRO",
    "FSM",
    "GAB",
    "GBR",
    "GEO",
    "GGY",
    "GHA",
    "GIB",
    "GIN",
    "GLP",
    "GMB",
    "GNB",
    "GNQ",
    "GRC",
    "GRD",
    "GRL",
    "GTM",
    "GUF",
    "GUM",
    "GUY",
    "HKG",
    "HMD",
    "HND",
    "HRV",
    "HTI",
    "HUN",
    "IDN",
    "IMN",
    "IND",
    "IOT",
    "IRL",
    "IRN",
    "IRQ",
    "ISL",
    "ISR",
    "ITA",
    "JAM",
    "JEY",
    "JOR",
    "JPN",
    "KAZ",
    "KEN",
    "KGZ",
    "KHM",
    "KIR",
    "KNA",
    "KOR",
    "KWT",
    "LAO",
    "LBN",
    "LBR",
    "LBY",
    "LCA",
    "LIE",
    "LKA",
    "LSO",
    "LTU",
    "LUX",
    "LVA",
    "MAC",
    "MAF",
    "MAR",
    "MCO",
    "MDA",
    "MDG",
    "MDV",
    "MEX",
    "MHL",
    "MKD",
    "MLI",
    "MLT",
    "MMR",
    "MNE",
    "MNG",
    "MNP",
    "MOZ",
    "MRT",
    "MSR",
    "MTQ",
    "MUS",
    "MWI",
    "MYS",
    "MYT",
    "NAM",
    "NCL",
    "NER",
    "NFK",
    "NGA",
    "NIC",
    "NIU",
    "NLD",
    "NOR",
    "NPL",
    "NRU",
    "NZL",
    "OMN",
    "PAK",
    "PAN",
    "PCN",
    "PER",
    "PHL",
    "PLW",
    "PNG",
    "POL",
    "PRI",
    "PRK",
    "PRT",
    "PRY",
    "PSE",
    "PYF",
    "QAT",
    "REU",
    "ROU",
    "RUS",
    "RWA",
    "SAU",
    "SDN",
    "SEN",
    "SGP",
    "SGS",
    "SHN",
    "SJM",
    "SLB",
    "SLE",
    "SLV",
    "SMR",
    "SOM",
    "SPM",
    "SRB",
    "SSD",
    "STP",
    "SUR",
    "SVK",
    "SVN",
    "SWE",
    "SWZ",
    "SXM",
    "SYC",
    "SYR",
    "TCA",
    "TCD",
    "TGO",
    "THA",
    "TJK",
    "TKL",
    "TKM",
    "TLS",
    "TON",
    "TTO",
    "TUN",
    "TUR",
    "TUV",
    "TWN",
    "TZA",
    "UGA",
    "UKR",
    "UMI",
    "URY",
    "USA",
    "UZB",
    "VAT",
    "VCT",
    "VEN",
    "VGB",
    "VIR",
    "VNM",
    "VUT",
    "WLF",
    "WSM",
    "YEM",
    "ZAF",
    "ZMB",
    "ZWE",
]


# --- names ---------------------------------------------------------------------------------


def test_normalize_folds_accents_apostrophes_hyphens_and_dots() -> None:
    assert normalize("Sīstān va Balūchestān") == "sistan va baluchestan"
    assert normalize("Ma'rib") == normalize("Ma’rib") == "marib"
    assert normalize("Al-Hasakah") == "al hasakah"
    assert normalize("U.S.") == "us"
    assert normalize("Łódź") == "lodz"


def test_latin_script_check_and_article_stripping() -> None:
    assert is_latin("Ərdəbil") and is_latin("Zāhedān")
    assert not is_latin("Тегеран") and not is_latin("تهران")
    assert strip_article("al hudaydah") == "hudaydah"
    assert strip_article("alexandria") is None


# --- the build, on a tiny input --------------------------------------------------------------


def _tiny_sources() -> object:
    countries = {
        "PK": {"iso3": "PAK", "name": "Pakistan", "capital": "Islamabad", "population": 220},
        "YE": {"iso3": "YEM", "name": "Yemen", "capital": "Sanaa", "population": 30},
    }
    cities = [
        _city(1, "Quetta", 30.19, 67.0, "PK", "02", 1_000_000, ["Kwatah", "Квета"]),
        _city(2, "Panjgur", 26.96, 64.09, "PK", "02", 0, []),
        _city(3, "Islamabad", 33.72, 73.04, "PK", "08", 1_000_000, []),
        _city(4, "Ma'rib", 15.46, 45.33, "YE", "14", 16_000, ["Marib", "Mareb"]),
        _city(5, "Sanaa", 15.35, 44.21, "YE", "26", 1_900_000, ["Sana'a"]),
    ]
    rg_rows = [
        _rg("Quetta", 30.19, 67.0, "Balochistan", "Quetta District", "PK"),
        _rg("Panjgur", 26.9601, 64.0901, "Balochistan", "", "PK"),
        _rg("Islamabad", 33.72, 73.04, "Islamabad", "", "PK"),
        _rg("Ma'rib", 15.46, 45.33, "Ma'rib", "Marib City", "YE"),
        _rg("Sanaa", 15.35, 44.21, "Sanaa", "", "YE"),
    ]
    return bg.Sources(
        countries=countries,
        cities=cities,
        rg_rows=rg_rows,
        subdivisions={"PK": ["Balochistan"], "YE": ["Ma’rib"]},
        iso_names={"PAK": ["Pakistan", "Islamic Republic of Pakistan"], "YEM": ["Yemen"]},
        country_aliases={"PAK": ["Pakistan"]},
        country_points={},
        country_centres={},
        admin1_codes={("YE", "26"): "Amanat Al Asimah"},
        admin1_aliases=[("PK", "Balochistan", "", ["Baluchistan", "Baluchestan"])],
        regions=[
            {
                "id": "red_sea",
                "name": "Red Sea",
                "aliases": "",
                "country": "",
                "admin1": "",
                "countries": "YEM|EGY",
                "lat": "20",
                "lon": "38",
                "weight": "5000000",
            }
        ],
    )


def _city(gid, name, lat, lon, cc, a1, pop, alts):
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": cc,
        "admin1code": a1,
        "population": pop,
        "alternatenames": alts,
    }


def _rg(name, lat, lon, admin1, admin2, cc):
    return {
        "name": name,
        "lat": str(lat),
        "lon": str(lon),
        "admin1": admin1,
        "admin2": admin2,
        "cc": cc,
    }


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory):
    entries = bg.build(_tiny_sources())
    path = tmp_path_factory.mktemp("gaz") / "tiny.tsv.gz"
    bg.write_gazetteer(entries, path, "tiny test input")
    return entries, read_gazetteer(path)


def test_build_names_admin1_codes_by_joining_on_coordinates(tiny) -> None:
    entries, _ = tiny
    quetta = next(e for e in entries if e.name == "Quetta")
    panjgur = next(e for e in entries if e.name == "Panjgur")
    assert quetta.admin1 == panjgur.admin1 == "Balochistan"
    sanaa = next(e for e in entries if e.name == "Sanaa")
    assert sanaa.admin1 == "Amanat Al Asimah"  # named by admin1_codes.tsv


def test_build_cleans_arabic_admin1_names_and_keeps_latin_alternates_only(tiny) -> None:
    entries, gaz = tiny
    marib = next(
        e for e in entries if e.kind == "admin1" and e.country == "YEM" and "marib" in e.keys
    )
    assert marib.name == "Marib"
    quetta = next(e for e in entries if e.name == "Quetta")
    assert "kwatah" in quetta.keys and not any(not is_latin(k) for k in quetta.keys)


def test_build_admin1_centroid_is_the_mean_of_its_towns(tiny) -> None:
    entries, _ = tiny
    balochistan = next(e for e in entries if e.kind == "admin1" and e.name == "Balochistan")
    assert balochistan.lat == pytest.approx((30.19 + 26.96) / 2)
    assert balochistan.lon == pytest.approx((67.0 + 64.09) / 2)


def test_build_adds_hand_and_iso_spellings_and_regions(tiny) -> None:
    _, gaz = tiny
    for spelling in ("Baluchistan", "Baluchestan", "Balochistan"):
        assert [p.name for p in gaz.lookup(normalize(spelling)) if p.kind == "admin1"] == [
            "Balochistan"
        ]
    assert gaz.lookup("red sea")[0].kind == "region"
    assert gaz.lookup("red sea")[0].countries == ("YEM", "EGY")
    assert gaz.country("PAK").name == "Pakistan"
    assert gaz.lookup("islamic republic of pakistan")[0].country == "PAK"


def test_build_marks_national_capitals(tiny) -> None:
    _, gaz = tiny
    assert [p.capital for p in gaz.lookup("islamabad") if p.kind == "city"] == [True]
    assert [p.capital for p in gaz.lookup("quetta") if p.kind == "city"] == [False]


def test_written_file_has_version_and_credit(tiny, tmp_path: Path) -> None:
    entries, _ = tiny
    path = tmp_path / "g.tsv.gz"
    bg.write_gazetteer(entries, path, "tiny")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        head = [next(f) for _ in range(5)]
    assert head[0].startswith("# flashpoint gazetteer format " + FORMAT_VERSION)
    assert "CC BY 4.0" in head[3] and "GeoNames" in head[3]


def test_a_broken_file_raises_a_data_file_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as f:
        f.write("# something else\nid\tname\n")
    with pytest.raises(DataFileError, match="build_gazetteer"):
        read_gazetteer(bad)
    with pytest.raises(DataFileError, match="rebuild"):
        read_gazetteer(tmp_path / "missing.tsv.gz")


# --- the shipped file ---------------------------------------------------------------------------


def test_shipped_file_is_small_and_credits_geonames() -> None:
    assert default_path().stat().st_size < 15_000_000
    assert "GeoNames" in load_gazetteer().credit and "CC BY 4.0" in load_gazetteer().credit


def test_every_iso_country_has_a_name_and_a_centroid() -> None:
    gaz = load_gazetteer()
    assert len(ISO3) == 249
    for iso3 in ISO3:
        country = gaz.country(iso3)
        assert country is not None, iso3
        assert -90 <= country.lat <= 90 and -180 <= country.lon <= 180
        assert iso3 in {p.country for p in gaz.lookup(normalize(country.name))}


@pytest.mark.parametrize(
    ("spelling", "iso3", "admin1"),
    [
        ("Baluchistan", "PAK", "Balochistan"),
        ("Balochistan", "PAK", "Balochistan"),
        ("Sistan and Baluchestan", "IRN", "Sistan and Baluchestan"),
        ("Sistan va Baluchestan", "IRN", "Sistan and Baluchestan"),
        ("Sistan-Baluchestan", "IRN", "Sistan and Baluchestan"),
        ("Sīstān va Balūchestān", "IRN", "Sistan and Baluchestan"),
        ("Marib", "YEM", "Marib"),
        ("Ma'rib", "YEM", "Marib"),
        ("Hodeidah", "YEM", "Al Hudaydah"),
        ("Khyber Pakhtunkhwa", "PAK", "Khyber Pakhtunkhwa"),
        # ACLED's and GeoNames' name (GeoNames: "Nord Kivu"), with the English one an alias
        ("North Kivu", "COD", "Nord-Kivu"),
        ("Nord-Kivu", "COD", "Nord-Kivu"),
        ("South Kivu", "COD", "Sud-Kivu"),
        ("Ituri", "COD", "Ituri"),
        ("Borno", "NGA", "Borno"),
        ("Tigray", "ETH", "Tigray"),
        ("Oromia", "ETH", "Oromia"),
        ("Deir ez-Zor", "SYR", "Deir ez-Zor"),
        ("Nineveh", "IRQ", "Ninewa"),
        ("Donetsk", "UKR", "Donetsk"),
        ("Rakhine", "MMR", "Rakhine"),
        ("Cabo Delgado", "MOZ", "Cabo Delgado"),
        ("Guanajuato", "MEX", "Guanajuato"),
        ("Valle del Cauca", "COL", "Valle del Cauca"),
        # the names news uses, not GeoNames' ("Jakarta Raya", "Marakwet District")
        ("Jakarta", "IDN", "Jakarta"),
        ("DKI Jakarta", "IDN", "Jakarta"),
        ("Yogyakarta", "IDN", "Yogyakarta"),
        ("North Maluku", "IDN", "North Maluku"),
        ("Elgeyo Marakwet", "KEN", "Elgeyo-Marakwet"),
        ("Tharaka Nithi", "KEN", "Tharaka-Nithi"),
        ("Murang'a", "KEN", "Murang'a"),
        # the common English name, not a Dutch transliteration, a Russian adjective or a
        # suffixed local form; those stay spellings
        ("Voronezh", "RUS", "Voronezh"),
        ("Voronezh Oblast", "RUS", "Voronezh"),
        ("Nizhny Novgorod", "RUS", "Nizhny Novgorod"),
        ("Tver", "RUS", "Tver"),
        ("Tverskaya", "RUS", "Tver"),
        ("Ryazan", "RUS", "Ryazan"),
        ("Vayots Dzor", "ARM", "Vayots Dzor"),
        ("Syunik", "ARM", "Syunik"),
        ("Tbilisi", "GEO", "Tbilisi"),
        ("Tartar", "AZE", "Tartar"),
        ("Terter", "AZE", "Tartar"),
    ],
)
def test_first_level_regions_answer_to_their_common_spellings(spelling, iso3, admin1) -> None:
    gaz = load_gazetteer()
    hit = gaz.admin1(iso3, spelling)
    assert hit is not None and hit.name == admin1
    assert hit.kind == "admin1" and hit.admin1 == admin1


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Red Sea", None),
        ("Gaza Strip", "PSE"),
        ("Gaza", "PSE"),
        ("West Bank", "PSE"),
        ("Kurdistan Region", "IRQ"),
        ("Donbas", "UKR"),
        ("Crimea", "UKR"),
        ("Sahel", None),
        ("Golan Heights", "SYR"),
        ("Strait of Hormuz", None),
        ("Gulf of Aden", None),
        ("Black Sea", None),
        ("South China Sea", None),
        ("Kashmir", None),
        ("Darfur", "SDN"),
        ("Tigray", "ETH"),
    ],
)
def test_named_regions_news_uses_are_there(name, country) -> None:
    hits = load_gazetteer().lookup(normalize(name))
    assert any(p.kind in ("region", "admin1") and p.country == country for p in hits), hits


def test_towns_carry_their_admin1_and_alternate_names() -> None:
    gaz = load_gazetteer()
    zahedan = max(
        (p for p in gaz.lookup("zahedan") if p.kind == "city"), key=lambda p: p.population
    )
    assert (zahedan.country, zahedan.admin1) == ("IRN", "Sistan and Baluchestan")
    assert any(p.name == "Kyiv" or p.country == "UKR" for p in gaz.lookup("kiev"))
    assert {p.country for p in gaz.lookup("tripoli") if p.kind == "city"} >= {"LBY", "LBN"}


def test_transliterated_names_become_the_plain_english_spelling() -> None:
    assert bg.english_name("‘Afrīn", ["Afrin", "Afrîn"]) == "Afrin"
    assert bg.english_name("Ḩamāh", []) == "Hamah"  # no plain alternate: marks folded away
    assert bg.english_name("São Paulo", ["Sao Paulo"]) == "São Paulo"  # Latin-1 stays


def test_the_shipped_gazetteer_has_geonames_ids_codes_and_centres() -> None:
    gaz = load_gazetteer()
    syria = gaz.country("SYR")
    assert syria is not None and syria.geonameid == "163843" and syria.feature_code == "PCLI"
    # a country's conventional centre, not the mean of its towns
    assert abs(syria.lat - 35.0) < 0.5 and abs(syria.lon - 38.0) < 0.5
    afrin = [p for p in gaz.lookup("afrin") if p.country == "SYR" and p.kind == "city"]
    assert afrin and afrin[0].name == "Afrin" and afrin[0].feature_code == "PPL"


@pytest.mark.parametrize(
    ("iso3", "city"), [("KGZ", "Bishkek"), ("TCD", "N'Djamena"), ("TKM", "Ashgabat")]
)
def test_a_capital_that_is_a_unit_of_its_own_is_its_own_admin1(iso3: str, city: str) -> None:
    gaz = load_gazetteer()
    unit = gaz.admin1(iso3, city)
    assert unit is not None and unit.name == city
    towns = [p for p in gaz.lookup(normalize(city)) if p.kind == "city" and p.country == iso3]
    assert towns and towns[0].admin1 == city
