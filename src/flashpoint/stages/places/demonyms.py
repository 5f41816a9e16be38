"""Demonyms as places: "Turkish" -> Turkey, "African" -> Africa, with kind "demonym".

The words are data (data/places/demonyms.tsv). The geoparser reports them only when asked
(`geoparse(..., demonyms=True)`): toponym gold such as GeoWebNews annotates about one
demonym in five and GeoVirus none, so by default they would count as false places.
"The Libyan capital" is always a place, the country's capital city (from the generated
data/actors/countries.tsv), unless the text names that city itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from flashpoint.document import PlaceKind, PlaceMention, Sentence
from flashpoint.errors import DataFileError
from flashpoint.stages.actors.data import read_table
from flashpoint.stages.places.gazetteer import Gazetteer, Place
from flashpoint.stages.places.names import normalize


@dataclass(frozen=True, slots=True)
class Demonym:
    word: str
    country: str | None  # ISO3
    region: str | None  # a gazetteer region's name, when no country


@cache
def demonyms() -> dict[str, Demonym]:
    """The demonyms of data/places/demonyms.tsv by word, with plurals of the words that take
    an -s ("Canadians", "Afghanis")."""
    path = files("flashpoint") / "data" / "places" / "demonyms.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}; reinstall flashpoint") from exc
    out: dict[str, Demonym] = {}
    for line in lines:
        if line.startswith("#") or line.startswith("word\t") or not line.strip():
            continue
        word, country, region = (line.split("\t") + ["", ""])[:3]
        d = Demonym(word, country or None, region or None)
        out.setdefault(word, d)
        if word[-1] in "ni":
            out.setdefault(word + "s", d)
    return out


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(demonyms(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


def demonym_places(
    sentence: Sentence, taken: list[tuple[int, int]], gaz: Gazetteer
) -> list[PlaceMention]:
    """The demonyms of one sentence that no place mention covers, as places."""
    out = []
    for hit in _pattern().finditer(sentence.text):
        span = (sentence.start + hit.start(), sentence.start + hit.end())
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        place = _place_of(demonyms()[hit.group()], gaz)
        if place is not None:
            out.append(_mention(hit.group(), span, sentence.index, place))
    return out


def _place_of(d: Demonym, gaz: Gazetteer) -> Place | None:
    if d.country:
        return gaz.country(d.country)
    regions = [p for p in gaz.lookup(normalize(d.region or "")) if p.kind == "region"]
    return regions[0] if regions else None


def _mention(
    text: str, span: tuple[int, int], sentence: int, p: Place, kind: PlaceKind = "demonym"
) -> PlaceMention:
    return PlaceMention(
        text=text,
        span=span,
        sentence=sentence,
        name=p.name,
        country=p.country,
        admin1=p.admin1,
        lat=p.lat,
        lon=p.lon,
        precision=p.precision,
        entry_id=p.id,
        geonameid=p.geonameid,
        feature_code=p.feature_code,
        admin2=p.admin2,
        kind=kind,
    )


# "the Libyan capital" (not followed by the capital's own name, which is found by itself)
_CAPITAL = re.compile(r"\bthe (?P<dem>[A-Z][a-z]+) capital\b(?!,? (?:of\b|[A-Z]))")


@cache
def _capitals() -> dict[str, str]:
    """Each country's capital by ISO3, from the generated data/actors/countries.tsv."""
    return {r["iso3"]: r["capital"] for r in read_table("countries.tsv").rows if r["capital"]}


def capital_places(
    sentences: list[Sentence], places: list[PlaceMention], gaz: Gazetteer
) -> list[PlaceMention]:
    """'the <people's word> capital' names that country's capital city: 'the Abu Salim
    district of the Libyan capital' is in Tripoli. Where the text has named the city before,
    the phrase only refers back to it and adds no place; a city named only later ("the
    Tripoli-based government" in the next sentence) leaves the phrase its place."""
    taken = [p.span for p in places]
    filed = {s.index for s in sentences if s.dateline}
    first: dict[str | None, int] = {}
    for p in places:
        if p.sentence not in filed:  # where the copy was filed is not a mention to refer to
            first.setdefault(p.entry_id, p.span[0])
    out = []
    for sentence, hit in ((s, h) for s in sentences for h in _CAPITAL.finditer(s.text)):
        d = demonyms().get(hit.group("dem"))
        span = (sentence.start + hit.start("dem"), sentence.start + hit.end())
        if d is None or d.country is None or any(a < span[1] and span[0] < b for a, b in taken):
            continue
        city = _capital_of(d.country, gaz)
        if city is not None and first.get(city.id, span[1]) >= span[0]:
            out.append(_mention(hit.group()[4:], span, sentence.index, city, "literal"))
    return out


def _capital_of(iso3: str, gaz: Gazetteer) -> Place | None:
    name = _capitals().get(iso3)
    cities = [p for p in gaz.lookup(normalize(name or "")) if p.country == iso3]
    cities = [p for p in cities if p.kind == "city"]
    return max(cities, key=lambda p: (p.capital, p.population), default=None)
