"""The gazetteer (data/gazetteer.tsv.gz, built by scripts/build_gazetteer.py; compiled for fast
lookup by `compiled.py`).

Loaded once per process. Every place has a kind (country, admin1, admin2, city, region),
an ISO3 country (None for seas and regions of several countries), its admin1's canonical
name, a centroid and a population (for regions, a hand-set weight).
"""

from __future__ import annotations

import gzip
import math
import sqlite3
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path

from flashpoint.document import PlacePrecision
from flashpoint.errors import DataFileError
from flashpoint.stages.places.names import normalize

# the compiled file's format, shared with scripts/build_gazetteer.py
FORMAT_VERSION = "2"
COLUMNS = (
    "id",
    "kind",
    "name",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "capital",
    "countries",
    "fcode",
    "geonameid",
    "keys",
)
_PRECISION: dict[str, PlacePrecision] = {
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin2",
    "city": "city",
    "region": "region",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    kind: str
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool = False
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # hand-checked spellings, as good as the name itself
    admin2: str | None = None
    feature_code: str | None = None  # GeoNames' (PCLI, ADM1, ADM2, PPL, PPLC, RGN, CONT...)
    geonameid: str | None = None

    @property
    def precision(self) -> PlacePrecision:
        return _PRECISION[self.kind]

    def within(self, other: Place) -> bool:
        """True when this place lies inside `other` (same country, same admin1 when
        `other` is an admin1 or admin2; any of its countries when `other` is a region)."""
        if other.kind == "region" and not other.country:
            return self.country in other.countries
        if self.country != other.country or self.id == other.id:
            return False
        if other.kind == "country":
            return True
        if other.kind in ("admin1", "admin2") or (other.kind == "region" and other.admin1):
            return self.admin1 is not None and self.admin1 == other.admin1
        if other.kind == "city" and self.kind == "city" and self.admin1 == other.admin1:
            # "the Penha neighbourhood of Rio de Janeiro": a place of the city
            return _near(self, other, _CITY_KM)
        return False


_CITY_KM = 40.0  # how far from a city's centre a neighbourhood of it may lie


def _near(a: Place, b: Place, km: float) -> bool:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371 * math.hypot(dlat, dlon) <= km


class Gazetteer:
    """Places by lookup key (see `names.normalize`). Two forms with the same answers: the
    compiled file read name by name (`compiled.CompiledGazetteer`, what the coder uses) and the
    TSV read whole (`MemoryGazetteer`, for tests and when no cache can be written)."""

    header: list[str]

    def _places_for(self, key: str) -> tuple[Place, ...]:
        raise NotImplementedError

    def _of_kind(self, kind: str) -> Iterator[Place]:
        raise NotImplementedError

    @property
    def places(self) -> list[Place]:
        raise NotImplementedError

    def lookup(self, key: str) -> list[Place]:
        """The places a normalised name may refer to."""
        return list(self._places_for(key.removeprefix("the ")))

    def __contains__(self, key: str) -> bool:
        return bool(self._places_for(key.removeprefix("the ")))

    @cached_property
    def countries(self) -> dict[str, Place]:
        return {p.country: p for p in self._of_kind("country") if p.country}

    @cached_property
    def admin1s(self) -> dict[tuple[str | None, str], Place]:
        return {(p.country, normalize(p.name)): p for p in self._of_kind("admin1")}

    def country(self, iso3: str | None) -> Place | None:
        return self.countries.get(iso3) if iso3 else None

    def admin1(self, iso3: str | None, name: str) -> Place | None:
        """The admin1 of a country by any of its spellings ("Baluchistan" -> Balochistan)."""
        hit = self.admin1s.get((iso3, normalize(name)))
        if hit is not None:
            return hit
        return next(
            (p for p in self.lookup(normalize(name)) if p.kind == "admin1" and p.country == iso3),
            None,
        )

    @property
    def credit(self) -> str:
        return next((h[len("# credit: ") :] for h in self.header if h.startswith("# credit")), "")


class MemoryGazetteer(Gazetteer):
    """The whole gazetteer in memory: places and an index key -> place number(s)."""

    def __init__(
        self, places: list[Place], index: dict[str, int | list[int]], header: list[str]
    ) -> None:
        self._all = places
        self.index = index
        self.header = header

    @property
    def places(self) -> list[Place]:
        return self._all

    def _places_for(self, key: str) -> tuple[Place, ...]:
        hit = self.index.get(key)
        if hit is None:
            return ()
        if isinstance(hit, int):
            return (self._all[hit],)
        return tuple(self._all[i] for i in hit)

    def _of_kind(self, kind: str) -> Iterator[Place]:
        return (p for p in self._all if p.kind == kind)


def default_path() -> Path:
    return Path(str(files("flashpoint") / "data" / "gazetteer.tsv.gz"))


def read_gazetteer(path: Path) -> MemoryGazetteer:
    """Read the gazetteer TSV whole (raises DataFileError when it is missing or bad)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
    except (OSError, EOFError) as exc:
        raise DataFileError(
            f"cannot read the gazetteer {path}: {exc}; reinstall flashpoint or rebuild it with "
            "`python scripts/build_gazetteer.py` (needs `pip install -e '.[build]'`)"
        ) from exc
    header = [ln for ln in lines[:10] if ln.startswith("#")]
    check_header(path, header, lines[len(header)] if len(lines) > len(header) else "")
    places: list[Place] = []
    index: dict[str, int | list[int]] = {}
    for n, line in enumerate(lines[len(header) + 1 :]):
        if line:
            _add_row(path, n, line, places, index)
    return MemoryGazetteer(places, index, header)


def check_header(path: Path, header: list[str], columns: str) -> None:
    version = header[0].rsplit(" ", 1)[-1] if header else ""
    if version != FORMAT_VERSION or tuple(columns.split("\t")) != COLUMNS:
        raise DataFileError(
            f"{path} is not a flashpoint gazetteer of format {FORMAT_VERSION}; rebuild it with "
            "`python scripts/build_gazetteer.py`"
        )


def _add_row(
    path: Path, n: int, line: str, places: list[Place], index: dict[str, int | list[int]]
) -> None:
    cells = line.split("\t")
    if len(cells) != len(COLUMNS):
        raise DataFileError(f"{path}: row {n + 1} has {len(cells)} columns, not {len(COLUMNS)}")
    pid, kind, name, country, admin1, admin2, lat, lon, pop, capital, countries = cells[:11]
    fcode, geonameid, keys = cells[11:]
    i = len(places)
    key_list = keys.split("|")
    aliases = tuple(k[1:] for k in key_list if k.startswith("="))
    places.append(
        Place(
            pid,
            kind,
            name,
            country or None,
            admin1 or None,
            float(lat),
            float(lon),
            int(pop),
            capital == "1",
            tuple(countries.split("|")) if countries else (),
            aliases,
            admin2 or None,
            fcode or None,
            geonameid or None,
        )
    )
    for key in (k.removeprefix("=") for k in key_list):
        bucket = index.get(key)
        if bucket is None:
            index[key] = i  # most names have one place: no list for them
        elif isinstance(bucket, int):
            index[key] = [bucket, i]
        else:
            bucket.append(i)


@cache
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The shipped gazetteer (or another file, for tests), once per process: its compiled form
    from the cache, compiled first when missing; read whole when no cache can be written."""
    from flashpoint.stages.places.compiled import open_compiled

    source = Path(path) if path else default_path()
    try:
        return open_compiled(source)
    except (OSError, sqlite3.Error) as exc:
        warnings.warn(
            f"flashpoint: cannot use a compiled gazetteer ({exc}); reading {source} whole, "
            "which is slower. Set FLASHPOINT_CACHE_DIR to a writable directory.",
            stacklevel=2,
        )
        return read_gazetteer(source)
