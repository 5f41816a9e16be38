"""Resolving place mentions to gazetteer entries, using their context.

Each candidate gets a prior (population, kind, whether the text is its main name, what a
kind word such as "province" says) and a context score (the countries and first-level regions
of the document's other places, and the countries of the event actors). Mentions that the
text nests ("Sirwah (Marib)", "Atlanta, Georgia", "Iran's Sistan and Baluchestan province",
"Hyderabad in Sindh") are resolved jointly: the inner place must lie inside the outer one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flashpoint.document import PlaceMention
from flashpoint.stages.places.gazetteer import Gazetteer, Place
from flashpoint.stages.places.mentions import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    CITY_WORDS,
    REGION_WORDS,
    RawMention,
    own_name,
)
from flashpoint.stages.places.names import normalize
from flashpoint.stages.wordlists import load_word_lists

# how far a bigger town reached by an alternate spelling ranks below a town of that very name:
# more than its size gives, less than the document naming its country ("Kullu" in a text on
# Himachal Pradesh)
_SPELLING_PENALTY = 1.5
_KIND_PRIOR = {"country": 1.5, "region": 1.0, "admin1": 0.5, "city": 0.0, "admin2": -0.5}
# the document's home region: a first-level region holding at least 3 and half of its places
_HOME, _HOME_MIN, _HOME_SHARE = 2.0, 3, 0.5
_NO_FIT = -4.0  # an inner mention with no candidate inside the outer one
_WORLD_CITY = 1_000_000  # a city this big is the one its bare name means
_WIDE_CODES = frozenset(("CONT", "OCN"))  # continents and oceans
# what may stand between an inner place and its container
_PAREN = re.compile(r"\s*\(\s*")
_COMMA = re.compile(r"\s*,\s*")
_IN = re.compile(r"\s*,?\s+(?:in|of|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}")
# what after "X, Y" makes the two the start of a list ("X, Y and Z", "X, Y, or Z")
_LIST_END = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z]")
_OF_OR_IN = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
# kind words of a part of a town or district ("the X neighbourhood of Y")
_PART_WORDS = load_word_lists("places/cues.tsv")["part_words"]
_POSSESSIVE = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}")


@dataclass(slots=True)
class Item:
    """A mention being resolved: where it is, what it may be, what it became."""

    mention: RawMention
    sentence: int
    offset: int  # start of its sentence in the document
    place: Place | None = None
    margin: float = 0.0
    outer: int | None = None  # index of the item that contains it
    inner: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Context:
    """What the rest of the document says about where things are."""

    fine: dict[str, int] = field(default_factory=dict)  # countries of sub-national places
    countries: dict[str, int] = field(default_factory=dict)  # countries named as such
    admin1s: dict[tuple[str, str], int] = field(default_factory=dict)
    actors: set[str] = field(default_factory=set)
    # countries of the well-known places (countries, provinces, regions, big cities)
    anchors: dict[str, int] = field(default_factory=dict)
    # where the countries named as such are (for their neighbours)
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    # the confident first readings of each name (left out when that name is resolved)
    by_name: dict[str, list[Place]] = field(default_factory=dict)
    # first-level regions of the places as first resolved, and those of each name's own uses
    home: dict[tuple[str, str], int] = field(default_factory=dict)
    home_own: dict[tuple[str, tuple[str, str] | None], int] = field(default_factory=dict)

    def set_home(self, items: list[Item]) -> bool:
        """Count the first-level regions of the resolved places; True when one holds most."""
        for it in items:
            p = it.place
            if p is None or not p.admin1 or not p.country or p.kind == "country":
                continue
            region = (p.country, p.admin1)
            self.home[region] = self.home.get(region, 0) + 1
            for k in ((it.mention.key, region), (it.mention.key, None)):
                self.home_own[k] = self.home_own.get(k, 0) + 1
        total = sum(self.home.values())
        return any(n >= _HOME_MIN and n >= _HOME_SHARE * total for n in self.home.values())

    def add(self, place: Place, sign: int = 1) -> None:
        bucket = self.countries if place.kind == "country" else self.fine
        if place.kind == "country" and place.country:
            self.country_points[place.country] = (place.lat, place.lon)
        well_known = place.kind != "city" and place.kind != "admin2"
        for country in _countries_of(place):
            bucket[country] = bucket.get(country, 0) + sign
            if well_known or place.population >= 100_000:
                self.anchors[country] = self.anchors.get(country, 0) + sign
        if place.admin1 and place.country:
            key = (place.country, place.admin1)
            self.admin1s[key] = self.admin1s.get(key, 0) + sign

    def score(self, c: Place, rival_country: bool = False, home: str | None = None) -> float:
        """Context support for `c`; `rival_country` says the same name is also a country's,
        where other countries named nearby say little ("Georgia" in a text naming the US)."""
        s = 0.0
        countries = _countries_of(c)
        if any(self.fine.get(x, 0) > 0 for x in countries):
            s += 2.5
        if any(self.countries.get(x, 0) > 0 for x in countries):
            s += 0.75 if rival_country else 2.5
        if c.kind != "admin1" and c.admin1 and self.admin1s.get((c.country or "", c.admin1), 0):
            s += 1.0
        if any(x in self.actors for x in countries):
            s += 0.5
        if home is not None:
            s += self.home_score(c, home)
        if rival_country and c.kind == "country" and self.neighbour_named(c):
            s += 1.5
        return s

    def home_score(self, c: Place, key: str) -> float:
        """A town or district is most likely in the first-level region where most of the
        document's other places lie (local news: "Boston" among Lincolnshire towns is the
        English one): a bonus when that region holds most of them."""
        if c.kind not in ("city", "admin2") or not c.admin1 or not c.country:
            return 0.0
        region = (c.country, c.admin1)
        mine = self.home.get(region, 0) - self.home_own.get((key, region), 0)
        total = sum(self.home.values()) - self.home_own.get((key, None), 0)
        if mine < _HOME_MIN or mine < _HOME_SHARE * total:
            return 0.0
        return _HOME

    def neighbour_named(self, c: Place) -> bool:
        """Another country within 1,000 km of country `c` is named ("Armenia ... Georgia")."""
        return any(
            iso3 != c.country
            and self.countries.get(iso3, 0) > 0
            and _km(c.lat, c.lon, *point) < 1000
            for iso3, point in self.country_points.items()
        )

    def region_score(self, c: Place) -> float:
        """Support for a small town that shares its name with a city of a million people
        ("London", Ohio): only the document naming its first-level region counts, not its
        country alone."""
        named = c.admin1 and self.admin1s.get((c.country or "", c.admin1), 0) > 0
        return 3.0 if named else 0.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def _countries_of(p: Place) -> tuple[str, ...]:
    if p.country:
        return (p.country,)
    return p.countries


def prior(c: Place, m: RawMention) -> float:
    """How likely `c` is meant, before looking at the rest of the document."""
    s = 0.8 * math.log10(max(c.population, 1000)) + _KIND_PRIOR[c.kind]
    if m.key == normalize(c.name) or m.key in c.aliases:
        s += 0.5
    elif c.id in m.spellings:
        s -= _SPELLING_PENALTY  # another town bears the name itself
    if c.kind == "city" and c.population >= 1_000_000:
        s += 0.5
    if c.capital:
        s += 1.0
    if c.feature_code in _WIDE_CODES:
        s += 3.0  # "Atlantic", "Pacific", "Africa": the ocean or continent, not a town
    return s + _designator_score(c, m.designator)


def _designator_score(c: Place, word: str | None) -> float:
    if word is None:
        return 0.0
    kind = "admin1" if c.kind == "region" and c.admin1 else c.kind
    if word in ADMIN1_WORDS:
        return {"admin1": 3.0, "country": -3.0, "region": 0.5}.get(kind, -1.5)
    if word in ADMIN2_WORDS:
        return {"admin2": 3.0, "city": 1.5, "admin1": 0.5}.get(kind, -2.0)
    if word in CITY_WORDS:
        return {"city": 2.0, "admin2": 0.5}.get(kind, -2.0)
    return 0.0


# --- links between mentions of one sentence ------------------------------------------------


def link(items: list[Item], text_of: dict[int, str]) -> None:
    """Set `outer`/`inner` for mentions the text nests, when some candidates fit."""
    for a_i, a in enumerate(items):
        for b_i in range(a_i + 1, min(a_i + 4, len(items))):
            b = items[b_i]
            if b.sentence != a.sentence:
                break
            text = text_of[a.sentence]
            gap = text[a.mention.full_end : b.mention.start]
            if _COMMA.fullmatch(gap) and _LIST_END.match(text, b.mention.full_end):
                break  # "Washington, New York and Boston": a list
            pair = _nesting(a, b, gap)
            if pair is None or (pair == "a_in_b" and _possessor_only(b.mention, text)):
                continue
            inner, outer = (a_i, b_i) if pair == "a_in_b" else (b_i, a_i)
            if _both_countries(a, b):
                break  # "China, Japan": a list of countries, not one inside the other
            if items[inner].outer is None and _fits(items[inner], items[outer]):
                items[inner].outer = outer
                items[outer].inner.append(inner)
            elif _misnamed_unit(items[outer].mention, items[inner].mention, items):
                # "Djibo in Soum province": the province is missing from the gazetteer and
                # its only candidates are towns abroad; the known inner place stands
                items[outer].mention.candidates = []
            elif (
                items[inner].outer is None
                and items[outer].mention.candidates
                and _bracketed_middle(text, items[inner].mention, items[outer].mention)
            ):
                items[inner].mention.candidates = []
                items[inner].mention.unlisted = True
            elif (
                items[inner].outer is None
                and items[outer].mention.candidates
                and _says_inside(gap, items[outer].mention, items[inner].mention)
                and (
                    (_weak(items[inner].mention, items[outer].mention) and not _NEAR.search(gap))
                    or _unit_not_near(items[inner].mention, gap)
                )
            ):
                # "Bassa (Plateau)", "Palma in Cabo Delgado province": a village the
                # gazetteer lacks, not its namesake abroad; "Eastern zone, Tigray", "the
                # Rampura area of Dhaka": a unit by its kind word that none of its namesakes
                # fits is one the gazetteer lacks; it is kept, to be placed in its container
                items[inner].mention.candidates = []
                items[inner].mention.unlisted = True
            break


_NEAR = re.compile(r"\bnear\b")


def _bracketed_middle(text: str, inner: RawMention, outer: RawMention) -> bool:
    """A name inside the brackets of "X (Y, Z)" or "X (W, Y, Z)" before their last is a unit
    inside that last, whatever else it names abroad: "Cordoba city (Capital, Cordoba)" is
    Cordoba's Capital department, not Misiones'; "Batibo (Batibo, Momo, North-West)" is
    Cameroon's Momo, not Italy's."""
    opened, closed = text.rfind("(", 0, inner.start), text.rfind(")", 0, inner.start)
    return opened > closed and closes_container(text, outer)


def _unit_not_near(m: RawMention, gap: str) -> bool:
    """A place by its kind word told inside the next ("Eastern zone, Tigray"), not near it
    ("the Cuvette-Ouest region near the Gabon border")."""
    return m.designator is not None and not _NEAR.search(gap)


_POSSESSED_PLACES = load_word_lists("places/cues.tsv")["possessed_places"]
_POSSESSED = re.compile(r"['’]s((?:\s+[\w-]+){1,4})")


def _possessor_only(m: RawMention, text: str) -> bool:
    """A possessive name after the place whose possessed noun is no place ("Mueda, Rwanda's
    defence force said"): an actor, not the container it would be in "Goma, Congo's eastern
    city"."""
    if not m.possessive:
        return False
    found = _POSSESSED.match(text, m.end)
    words = found.group(1).lower().split() if found else []
    return not any(w in _POSSESSED_PLACES for w in words)


def _both_countries(a: Item, b: Item) -> bool:
    """Both mentions read as countries before context ("Iraq, Iran")."""
    return all(x.place is not None and x.place.kind == "country" for x in (a, b))


def _nesting(a: Item, b: Item, gap: str) -> str | None:
    """Which of two neighbouring mentions may contain the other, going by the text between."""
    if a.mention.possessive:
        return "b_in_a" if _POSSESSIVE.fullmatch(gap) else None
    if _PAREN.fullmatch(gap) or _COMMA.fullmatch(gap) or _IN.fullmatch(gap):
        return "a_in_b"
    return None


def _weak(m: RawMention, outer: RawMention | None = None) -> bool:
    """Only towns or districts, none of them a big city; inside a first-level region named
    by its kind word, first-level regions abroad too ("Bara, North Kordofan state" is no
    Bar of Montenegro)."""
    kinds: tuple[str, ...] = ("city", "admin2")
    if outer is not None and outer.designator in ADMIN1_WORDS:
        kinds = ("city", "admin2", "admin1")
    return all(c.kind in kinds and c.population < 1_000_000 for c in m.candidates)


_TOWN_OWN = 10_000  # a town this big, named by its own name, outweighs a unit's alias-only towns


def _misnamed_unit(m: RawMention, inner: RawMention, items: list[Item]) -> bool:
    """An administrative unit by its kind word ("Djibo in Soum province (Sahel region)")
    whose candidates are all small towns abroad, while the place it contains agrees with the
    sentence's other places, or while the unit's towns bear its name only as an alternate one
    and the inner place is a town of its own name: the unit is missing from the gazetteer, not
    the inner place."""
    if m.designator not in REGION_WORDS or not m.candidates:
        return False
    if not all(c.kind == "city" and c.population < 100_000 for c in m.candidates):
        return False
    if not any(own_name(c, m.key) for c in m.candidates) and any(
        own_name(c, inner.key) and c.population >= _TOWN_OWN for c in inner.candidates
    ):
        return True  # "Turbat, Kech district": Ketsch, known also as Kech, is no district
    others = _other_countries(items, (m, inner))
    outside = {c.country for c in m.candidates}
    return bool({c.country for c in inner.candidates} & others) and not outside & others


def _other_countries(items: list[Item], pair: tuple[RawMention, RawMention]) -> set[str | None]:
    """Countries of the candidates (not multi-country regions) of the pair's sentence's
    other mentions."""
    sentence = next(it.sentence for it in items if it.mention is pair[0])
    return {
        c.country
        for it in items
        if it.sentence == sentence and all(it.mention is not x for x in pair)
        for c in it.mention.candidates
        if c.country
    }


# "X in Y", "X in central Y": the words before a city that puts X inside it
_IN_CITY = re.compile(
    r"\s+in\s+(?:(?:central|downtown|northern|southern|eastern|western|north|south|east|west"
    r"|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern"
    r"|southeastern|southwestern)\s+)?"
)
_BIG_CITY = 500_000  # a city this big has districts the gazetteer does not list


def _says_inside(gap: str, outer: RawMention, inner: RawMention | None = None) -> bool:
    """The text itself puts the first place inside the second: in brackets, before a
    region's kind word or a country, as a part of it by kind word and "of" or "in" ("the
    Penha neighbourhood of Rio de Janeiro", "the Jacarezinho favela in Rio de Janeiro"), or
    "in" a big city ("Eastleigh in Nairobi")."""
    if _PAREN.fullmatch(gap):
        return True
    if inner is not None and inner.designator in _PART_WORDS and _OF_OR_IN.fullmatch(gap):
        return True
    if _IN_CITY.fullmatch(gap) and any(
        c.kind == "city" and c.population >= _BIG_CITY for c in outer.candidates
    ):
        return True  # "Eastleigh in Nairobi", "Hamra in western Beirut": a part of the city
    outer_region = any(c.kind in ("admin1", "region", "country") for c in outer.candidates)
    if inner is not None and inner.designator in ADMIN2_WORDS | CITY_WORDS and outer_region:
        return True  # "Eastern zone, Tigray": a district or town by its kind word, a region
    kind_word = outer.designator in REGION_WORDS
    return kind_word or any(c.kind == "country" for c in outer.candidates)


def _fits(inner: Item, outer: Item) -> bool:
    return any(a.within(b) for b in outer.mention.candidates for a in inner.mention.candidates)


# --- resolution -------------------------------------------------------------------------


def closes_container(text: str, m: RawMention) -> bool:
    """The name ends a bracketed container ("Seytenga village (Seno, Sahel)", "Sirwah
    (Marib)"): the last name before the closing bracket."""
    opened, closed = text.rfind("(", 0, m.start), text.rfind(")", 0, m.start)
    return opened > closed and text[m.full_end :].lstrip().startswith(")")


def _region_readings(it: Item, text: str) -> None:
    """The last name of a bracketed container is a first-level region or a country, as
    news agencies and ACLED write "village (district, region)": "(Soum, Sahel)" is Burkina
    Faso's Sahel region, not the Sahel belt; "(Paletwa, Chin)" Myanmar's Chin State, not a
    town in China. Other readings stay when there is no such reading or a kind word says
    otherwise ("(Kabul city)")."""
    m = it.mention
    if m.designator in CITY_WORDS or not closes_container(text, m):
        return
    regions = [
        c
        for c in m.candidates
        if c.kind in ("admin1", "country") or (c.kind == "region" and c.admin1)
    ]
    if regions:
        m.candidates = regions


def resolve(items: list[Item], text_of: dict[int, str], actors: Iterable[str]) -> None:
    """Choose a place for every item (None when no candidate fits)."""
    for it in items:
        _region_readings(it, text_of[it.sentence])
    for it in items:
        _choose(it, it.mention.candidates, lambda c: 0.0)
    link(items, text_of)
    ctx = Context(actors={a for a in actors if a})
    for it in items:
        if it.place is not None and it.margin >= 1.0:
            ctx.add(it.place)
            ctx.by_name.setdefault(it.mention.key, []).append(it.place)
    for i, it in enumerate(items):
        if it.outer is None:
            _resolve_tree(items, i, ctx)
    if ctx.set_home(items):
        for i, it in enumerate(items):
            if it.outer is None:
                _resolve_tree(items, i, ctx, home=True)
        _unlisted_locals(items, ctx)
    _outside_named_regions(items)
    _one_sense(items)


_LOCAL_MAX = 100_000  # towns this small may share a name with a local place the gazetteer lacks


def _unlisted_locals(items: list[Item], ctx: Context) -> None:
    """In a document with a home region, a bare name of two words or more whose readings are
    all small towns or districts outside it, in first-level regions where none of its other
    places lie, is a local place the gazetteer lacks ("pick-up games in Forest Park" among
    the places of Springfield, Massachusetts is its park, not Forest Park, Georgia): it is
    left to be placed in the home region."""
    home = max(ctx.home, key=lambda k: ctx.home[k])
    for it in items:
        m = it.mention
        if it.place is None or it.outer is not None or it.inner or m.designator:
            continue
        if " " not in m.key:
            continue  # one word ("Harvey", "Spencer" as a town abroad) is more often a person
        if not all(
            c.kind in ("city", "admin2") and c.population < _LOCAL_MAX for c in m.candidates
        ):
            continue
        if any((c.country, c.admin1) == home or _others_in(ctx, m, c) for c in m.candidates):
            continue
        it.place, m.unlisted = None, True


def _outside_named_regions(items: list[Item]) -> None:
    """A small town or village of two words or a kind word ("Nyaung Pin Thar village") read
    in a first-level region other than those the text names in its country ("near Myinmu
    (Myinmu, Sagaing, Sagaing)", "in the Sagaing region": a region named as a container or
    by its kind word), where no other place of the text lies, is a local place
    the gazetteer lacks that shares a name with one elsewhere: it is left unread, and the
    event falls to the region named."""
    named = {
        (p.country, p.admin1)
        for it in items
        if (p := it.place) and p.kind == "admin1" and (it.inner or it.mention.designator)
    }
    held: dict[tuple[str | None, str | None], int] = {}
    for it in items:
        if (p := it.place) is not None:
            held[(p.country, p.admin1)] = held.get((p.country, p.admin1), 0) + 1
    for it in items:
        p, m = it.place, it.mention
        if p is None or p.kind not in ("city", "admin2") or p.population >= _LOCAL_MAX:
            continue
        if it.outer is not None or it.inner or (" " not in m.key and m.designator is None):
            continue
        regions = {r for r in named if r[0] == p.country}
        if regions and (p.country, p.admin1) not in regions and held[(p.country, p.admin1)] == 1:
            it.place, m.unlisted = None, True


def _others_in(ctx: Context, m: RawMention, c: Place) -> bool:
    """Some confidently read place other than the name itself lies in `c`'s first-level
    region."""
    region = (c.country or "", c.admin1 or "")
    own = sum((p.country or "", p.admin1 or "") == region for p in ctx.by_name.get(m.key, []))
    return ctx.admin1s.get(region, 0) - own > 0


def _one_sense(items: list[Item]) -> None:
    """A name the text once places in a container ("Athens, Greece") is that place wherever
    else the document uses it bare ("a central Athens hotel")."""
    placed: dict[str, Place] = {}
    for it in items:
        if it.outer is not None and it.place is not None:
            placed.setdefault(it.mention.key, it.place)
    for it in items:
        m = it.mention
        p = placed.get(m.key)
        bare = it.outer is None and not it.inner and m.designator is None
        if p is not None and bare and p in m.candidates:
            it.place = p


def _resolve_tree(
    items: list[Item], i: int, ctx: Context, within: Place | None = None, home: bool = False
) -> None:
    it = items[i]
    own = ctx.by_name.get(it.mention.key, [])  # a name is no evidence for itself
    for p in own:
        ctx.add(p, -1)
    cands = it.mention.candidates
    if within is not None:
        cands = [c for c in cands if c.within(within)]
    rival = any(c.kind == "country" for c in it.mention.candidates)
    world = _world_city(cands)
    local = it.mention.key if home and not _famous(it.mention.candidates) else None

    def score(c: Place) -> float:
        if world is not None and c is not world and c.population < 100_000:
            return ctx.region_score(c) + _inner_fit(items, it, c, ctx)
        return ctx.score(c, rival, local) + _inner_fit(items, it, c, ctx)

    _choose(it, cands, score)
    if within is None and _foreign_namesake(it, ctx) and not _vouched(items, it):
        it.place = None
    if it.place is not None and not it.inner:
        it.place = _namesake_city(it.place, cands, it.mention)
    for p in own:
        ctx.add(p)
    for j in it.inner:
        _resolve_tree(items, j, ctx, it.place, home)


def _famous(cands: list[Place]) -> bool:
    """Some reading is a country, first-level or named region, capital, ocean or continent,
    or a city of a million people: one the document's home region does not outweigh."""
    return any(
        c.kind in ("country", "admin1", "region")
        or c.capital
        or c.feature_code in _WIDE_CODES
        or (c.kind == "city" and c.population >= 1_000_000)
        for c in cands
    )


def _world_city(cands: list[Place]) -> Place | None:
    """The city of a million people or more among the readings, if any."""
    big = [c for c in cands if c.kind == "city" and c.population >= 1_000_000]
    return max(big, key=lambda c: c.population, default=None)


def _foreign_namesake(it: Item, ctx: Context) -> bool:
    """A small town in a country the document never mentions, while it names others: most
    likely a village the gazetteer lacks that shares a name with one abroad ("Solhan"). A
    town of any size reached only by one of GeoNames' alternate names is no surer ("Casa" of
    "the Casa de la Cultura in Quito" is not Chas in India, nor "Kuki" of Manipur's "Kuki
    village volunteers" Kukichuo in Japan)."""
    p = it.place
    if p is None or p.kind not in ("city", "admin2"):
        return False
    if p.population >= 100_000 and own_name(p, it.mention.key):
        return False
    known = {c for c, n in ctx.anchors.items() if n > 0}
    return bool(known) and p.country not in known and p.country not in ctx.actors


_NEIGHBOUR_KM = 150.0  # two towns of one region this close vouch for each other


def _vouched(items: list[Item], it: Item) -> bool:
    """The document names the town's own first- or second-level region too ("near Dukana,
    North Horr sub-county ... Marsabit county commissioner"), or another town of its own name
    in the same region nearby, both names borne only in that country ("a base in Mocimboa da
    Praia ... the road to Mueda"): that vouches for the town's country, whatever else the
    document names."""
    p = it.place
    if p is None or not p.admin1:
        return False

    def agrees(c: Place | None) -> bool:
        return c is not None and c.country == p.country and c.admin1 == p.admin1

    def neighbour(c: Place, key: str) -> bool:
        return (
            c.kind == "city"
            and agrees(c)
            and own_name(c, key)
            and _km(c.lat, c.lon, p.lat, p.lon) <= _NEIGHBOUR_KM
        )

    alone = _one_country(it, p.country)  # only then can a neighbour vouch
    for other in items:
        if other.mention.key == it.mention.key:
            continue
        cands = other.mention.candidates
        if any(agrees(c) for c in cands if c.kind in ("admin1", "admin2")):
            return True
        if (
            alone
            and _one_country(other, p.country)
            and any(neighbour(c, other.mention.key) for c in cands)
        ):
            return True
    return False


def _one_country(it: Item, country: str | None) -> bool:
    """Every reading of the name lies in `country`: a name no other country shares
    ("Mueda"), unlike "Barry" or "Thornhill", which two towns of Wales and many abroad bear."""
    return all(c.country == country for c in it.mention.candidates)


def _inner_fit(items: list[Item], it: Item, c: Place, ctx: Context) -> float:
    """How well the mentions nested in `it` fit if `it` is `c`."""
    total = 0.0
    for j in it.inner:
        m = items[j].mention
        fits = [prior(a, m) + ctx.score(a) for a in m.candidates if a.within(c)]
        total += max(fits) if fits else _NO_FIT
    return total


def _choose(it: Item, cands: list[Place], score: Callable[[Place], float]) -> None:
    if not cands:
        it.place, it.margin = None, 0.0
        return
    ranked = sorted(cands, key=lambda c: -(prior(c, it.mention) + score(c)))
    best = prior(ranked[0], it.mention) + score(ranked[0])
    second = prior(ranked[1], it.mention) + score(ranked[1]) if len(ranked) > 1 else -99.0
    it.place, it.margin = ranked[0], best - second


def _namesake_city(best: Place, cands: list[Place], m: RawMention) -> Place:
    """A bare name shared by a first-level region and its big city ("Rio de Janeiro",
    "Kherson", "New York" for New York City) or its country's capital ("Washington") names
    the city; "Kherson oblast", "Washington state" name the region."""
    if best.kind != "admin1" or m.designator is not None:
        return best
    capital = next((c for c in cands if c.capital and c.country == best.country), None)
    if capital is not None:
        return capital
    cities = [c for c in cands if c.kind == "city" and _big_namesake(c, best)]
    return max(cities, key=lambda c: c.population, default=best)


def _big_namesake(city: Place, region: Place) -> bool:
    """A city of 50,000 people or more in `region` with its name, or a city of a million
    with its name and "City" (New York City); "Oklahoma" and "Iowa" name the states, not
    Oklahoma City or Iowa City."""
    name, own = normalize(region.name), normalize(city.name)
    if not city.within(region):
        return False
    if own == name:
        return city.population >= 50_000
    return own == f"{name} city" and city.population >= _WORLD_CITY


# --- water bodies the gazetteer lacks -----------------------------------------------------

_TIED = ("city", "admin2", "admin1", "region")  # places below country level


def place_water_bodies(
    places: list[PlaceMention], water: dict[tuple[int, int], str], gaz: Gazetteer
) -> None:
    """Place the rivers, lakes and bays the gazetteer lacks ("Congaree River", "Lake
    Murray"; `water` maps their spans to their names without the water word), left
    unresolved by their container, by the first of these rules that applies:

    - a water body named again is where the document first placed it;
    - the nearest place below country level in its own sentence (in the document's home
      region, when it has one) gives its country, first-level region and point ("the
      Hunter River burst its banks near Maitland"), a town or district before a region;
    - else the document's home region (a first-level region holding at least 3 and half of
      its places below country level) gives them, with the point of its town or district
      nearest in the text;
    - else the nearest place below country level at most two sentences away gives them;
    - else the place that the water body's name names gives them: as the document resolves
      that name ("Glenrock Lagoon" by its Glenrock), or else a first-level region or country
      of that name ("Missouri River", "Lake Ontario") in a country the document names or
      when it names none;
    - else the one country all the document's places lie in gives its country.

    Placed so, it has precision "region" (a water body, not a town) and no name."""
    others = [p for p in places if p.span not in water]
    home = _home_region(others)
    first: dict[str, PlaceMention] = {}
    for p in places:
        if p.span not in water:
            continue
        key = normalize(p.text)
        if p.precision is not None:
            first.setdefault(key, p)
            continue
        spot = (
            first.get(key)
            or _nearest(others, p, home, 0)
            or (_nearest(others, p, home, len(places)) if home else None)
            or _nearest(others, p, None, 2)
            or _named_by_itself(gaz, water[p.span], others)
            or _only_country(gaz, others)
        )
        if spot is None:
            continue
        p.country, p.admin1, p.admin2 = spot.country, spot.admin1, None
        p.lat, p.lon = spot.lat, spot.lon
        p.precision = "region" if spot.admin1 else "country"
        first.setdefault(key, p)


def _home_region(places: list[PlaceMention]) -> tuple[str, str] | None:
    """The first-level region holding at least 3 and half of the places below country
    level, if one does."""
    counts: dict[tuple[str, str], int] = {}
    for p in places:
        if p.precision in _TIED and p.country and p.admin1:
            counts[(p.country, p.admin1)] = counts.get((p.country, p.admin1), 0) + 1
    total = sum(counts.values())
    best = max(counts, key=lambda k: counts[k], default=None)
    if best is None or counts[best] < _HOME_MIN or counts[best] < _HOME_SHARE * total:
        return None
    return best


def _nearest(
    places: list[PlaceMention], p: PlaceMention, home: tuple[str, str] | None, sentences: int
) -> PlaceMention | None:
    """The literal place below country level, in a first-level region (the home region,
    when there is one), at most `sentences` sentences from `p`, nearest to it in the text:
    a town or district before a region."""
    near = [
        q
        for q in places
        if abs(q.sentence - p.sentence) <= sentences
        and q.kind == "literal"
        and q.precision in _TIED
        and q.country
        and q.admin1
        and (home is None or (q.country, q.admin1) == home)
    ]
    return min(
        near,
        key=lambda q: (q.precision not in ("city", "admin2"), abs(q.span[0] - p.span[0])),
        default=None,
    )


def _named_by_itself(
    gaz: Gazetteer, name: str, places: list[PlaceMention]
) -> PlaceMention | Place | None:
    """The place the water body's name names: as the document resolves that name, or a
    first-level region or country of that name in a country the document names (or any,
    when it names none)."""
    key = normalize(name)
    same = next((q for q in places if q.precision and normalize(q.text) == key), None)
    if same is not None:
        return same
    named = {q.country for q in places if q.country}
    regions = [
        c
        for c in gaz.lookup(key)
        if c.kind in ("admin1", "country")
        and own_name(c, key)
        and (not named or c.country in named)
    ]
    if len(regions) == 1:
        return regions[0]
    named_regions = {(q.country, q.admin1) for q in places if q.precision == "admin1"}
    towns = [
        c
        for c in gaz.lookup(key)
        if c.kind in ("city", "admin2")
        and own_name(c, key)
        and (c.country, c.admin1) in named_regions
    ]
    return (
        max(towns, key=lambda c: c.population)
        if len({(c.country, c.admin1) for c in towns}) == 1
        else None
    )


def _only_country(gaz: Gazetteer, places: list[PlaceMention]) -> Place | None:
    """The one country of all the resolved places, if they lie in one."""
    countries = {q.country for q in places if q.precision and q.country}
    if len(countries) != 1:
        return None
    return gaz.country(next(iter(countries)))
