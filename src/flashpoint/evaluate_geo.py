"""Scoring the geoparser on toponym gold (GeoWebNews, GeoVirus and the like).

A gold record is a document (`id`, `text`) with `toponyms`: each has `start`, `end`,
`phrase`, `lat`, `lon` and optionally `geonameid`, `country` (ISO3 or a name), `admin1`.

- **Tagging**: a predicted place is correct when its span overlaps a gold toponym; a gold
  toponym is found when a predicted place overlaps it. Precision, recall and F1.
- **Resolution**, over the found toponyms (each paired with the prediction that overlaps it
  most): the share whose predicted point lies within 161 km (100 miles, the field's usual
  threshold) of the gold point, the median error in km (a place found but not resolved
  counts as infinitely far), and country and admin1 accuracy. When the gold does not name
  the country or admin1 they are read off the gazetteer: by the gold's GeoNames id, else
  from the nearest town to the gold point (a point at a country's centre, or a phrase that
  names the country of the nearest town, is that country, with no admin1 to score; one that
  names a continent, ocean or region of several countries has no country to score).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from flashpoint.document import Document, PlaceMention
from flashpoint.errors import FormatError
from flashpoint.pipeline import Coder
from flashpoint.stages.places.gazetteer import Gazetteer, Place, load_gazetteer
from flashpoint.stages.places.names import normalize

WITHIN_KM = 161.0
_CENTRE_KM = 25.0  # a gold point this close to a country's centre stands for the country
_TOWN_KM = 50.0  # the nearest town further than this says nothing of the gold's admin1


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonameid: str | None = None
    country: str | None = None
    admin1: str | None = None


@dataclass(slots=True)
class GeoScore:
    """Counts and errors accumulated over documents."""

    gold: int = 0
    predicted: int = 0
    predicted_ok: int = 0
    found: int = 0
    errors_km: list[float] = field(default_factory=list)
    country: list[bool] = field(default_factory=list)
    admin1: list[bool] = field(default_factory=list)

    def headline(self) -> dict[str, float]:
        p = self.predicted_ok / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        within = [e <= WITHIN_KM for e in self.errors_km]
        finite = [e if math.isfinite(e) else 20_000.0 for e in self.errors_km]
        return {
            "tagging precision": p,
            "tagging recall": r,
            "tagging F1": 2 * p * r / (p + r) if p + r else 0.0,
            "within 161 km": _share(within),
            "median error km": statistics.median(finite) if finite else 0.0,
            "country accuracy": _share(self.country),
            "admin1 accuracy": _share(self.admin1),
        }


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def is_geo_gold(records: list[dict[str, Any]]) -> bool:
    return "toponyms" in records[0]


def gold_toponyms(record: dict[str, Any], where: str) -> list[GoldToponym]:
    """The toponyms of one gold record (raises FormatError naming what is missing)."""
    out = []
    for n, t in enumerate(record.get("toponyms") or []):
        try:
            out.append(
                GoldToponym(
                    int(t["start"]),
                    int(t["end"]),
                    str(t.get("phrase") or ""),
                    float(t["lat"]),
                    float(t["lon"]),
                    str(t["geonameid"]) if t.get("geonameid") else None,
                    t.get("country") or t.get("iso3") or None,
                    t.get("admin1") or None,
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(
                f"toponym {n} of record {record.get('id')!r} needs numeric start, end, lat "
                f"and lon ({type(exc).__name__}: {exc})",
                where,
            ) from exc
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


# --- where the gold place is: country and admin1 -------------------------------------


class ReverseIndex:
    """The gazetteer's towns on a one-degree grid, and its entries by GeoNames id."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.by_id = {p.geonameid: p for p in gaz.places if p.geonameid}
        self.grid: dict[tuple[int, int], list[Place]] = {}
        for p in gaz.places:
            if p.kind == "city":
                self.grid.setdefault((math.floor(p.lat), math.floor(p.lon)), []).append(p)

    def nearest_town(self, lat: float, lon: float) -> tuple[Place | None, float]:
        best, best_km = None, math.inf
        gy, gx = math.floor(lat), math.floor(lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for p in self.grid.get((gy + dy, gx + dx), ()):
                    d = km(lat, lon, p.lat, p.lon)
                    if d < best_km:
                        best, best_km = p, d
        return best, best_km

    def country_at_centre(self, lat: float, lon: float) -> Place | None:
        return next(
            (c for c in self.gaz.countries.values() if km(lat, lon, c.lat, c.lon) <= _CENTRE_KM),
            None,
        )

    def locate(self, g: GoldToponym) -> tuple[str | None, str | None, bool]:
        """(country, admin1, whether an admin1 is to be scored) of a gold toponym."""
        country = _iso3(self.gaz, g.country) if g.country else None
        if country or g.admin1:
            return country, g.admin1, g.admin1 is not None
        entry = self.by_id.get(g.geonameid) if g.geonameid else None
        if entry is not None:
            sub_national = entry.kind in ("city", "admin2", "admin1") and entry.admin1
            return entry.country, entry.admin1, bool(sub_national)
        if self._names_wide_region(g.phrase):  # "Africa", "Middle East": no one country
            return None, None, False
        centre = self.country_at_centre(g.lat, g.lon)
        if centre is not None:
            return centre.country, None, False
        town, dist = self.nearest_town(g.lat, g.lon)
        if town is None or dist > _TOWN_KM:
            return None, None, False
        if self._names_country(g.phrase, town.country):  # "Sudan" at another centre point
            return town.country, None, False
        return town.country, town.admin1, town.admin1 is not None

    def _names_wide_region(self, phrase: str) -> bool:
        """The phrase is the name of a continent, ocean or region of several countries
        (and of no country): its gold point lies in some country, but it names none."""
        places = self.gaz.lookup(normalize(phrase))
        wide = any(p.kind == "region" and not p.country for p in places)
        return wide and not any(p.kind == "country" for p in places)

    def _names_country(self, phrase: str, iso3: str | None) -> bool:
        places = self.gaz.lookup(normalize(phrase))
        return any(p.kind == "country" and p.country == iso3 for p in places)


def _iso3(gaz: Gazetteer, value: str) -> str | None:
    if len(value) == 3 and value.isupper():
        return value
    return next((p.country for p in gaz.lookup(normalize(value)) if p.kind == "country"), None)


@cache
def _reverse_index(gaz: Gazetteer) -> ReverseIndex:
    return ReverseIndex(gaz)


# --- scoring ---------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_document(
    score: GeoScore, gold: list[GoldToponym], places: list[PlaceMention], rev: ReverseIndex
) -> None:
    """Add one document's tagging and resolution to `score`."""
    score.gold += len(gold)
    score.predicted += len(places)
    score.predicted_ok += sum(
        any(_overlap(p.span, (g.start, g.end)) > 0 for g in gold) for p in places
    )
    for g in gold:
        hits = [p for p in places if _overlap(p.span, (g.start, g.end)) > 0]
        if not hits:
            continue
        score.found += 1
        p = max(hits, key=lambda p: _overlap(p.span, (g.start, g.end)))
        resolved = p.lat is not None and p.lon is not None
        score.errors_km.append(km(g.lat, g.lon, p.lat, p.lon) if resolved else math.inf)  # type: ignore[arg-type]
        country, admin1, has_admin1 = rev.locate(g)
        if country:
            score.country.append(p.country == country)
        if has_admin1:
            score.admin1.append(bool(p.admin1) and _fold(p.admin1) == _fold(admin1))


def _fold(name: str | None) -> str:
    return normalize(name or "")


def _documents(records: list[dict[str, Any]], coder: Coder) -> Iterator[Document]:
    for r in records:
        yield coder.make_document(str(r.get("text") or ""), doc_id=str(r.get("id")))


def geoparse_records(
    records: list[dict[str, Any]], coder: Coder
) -> Iterable[tuple[dict[str, Any], list[PlaceMention]]]:
    """Each gold record with the places the geoparser finds in its text."""
    coded = coder.geoparser.code_many(_documents(records, coder))
    for rec, result in zip(records, coded, strict=True):
        yield rec, result.document.places if result.document is not None else []


def evaluate_geo(
    records: list[dict[str, Any]], coder: Coder, where: str = "gold", gaz: Gazetteer | None = None
) -> tuple[GeoScore, list[str]]:
    """Score the geoparser on toponym gold; also the details (one line per miss)."""
    rev = _reverse_index(gaz or load_gazetteer())
    score = GeoScore()
    details: list[str] = []
    for rec, places in geoparse_records(records, coder):
        gold = gold_toponyms(rec, where)
        score_document(score, gold, places, rev)
        details.extend(_misses(rec, gold, places))
    return score, details


def _misses(
    rec: dict[str, Any], gold: list[GoldToponym], places: list[PlaceMention]
) -> Iterator[str]:
    doc_id = rec.get("id")
    for g in gold:
        hits = [p for p in places if _overlap(p.span, (g.start, g.end)) > 0]
        if not hits:
            yield f"  {doc_id}: missed {g.phrase!r}"
            continue
        p = max(hits, key=lambda p: _overlap(p.span, (g.start, g.end)))
        if p.lat is None or p.lon is None:
            yield f"  {doc_id}: {g.phrase!r} found but not resolved"
        elif (d := km(g.lat, g.lon, p.lat, p.lon)) > WITHIN_KM:
            yield f"  {doc_id}: {g.phrase!r} -> {p.name}, {p.country} ({d:.0f} km off)"
    for p in places:
        if not any(_overlap(p.span, (g.start, g.end)) > 0 for g in gold):
            yield f"  {doc_id}: spurious {p.text!r} -> {p.name}, {p.country}"
