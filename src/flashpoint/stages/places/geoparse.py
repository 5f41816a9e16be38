"""Geoparsing a document: every place named in it, resolved in the context of the others."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from flashpoint.document import Document, PlaceKind, PlaceMention
from flashpoint.errors import DataFileError
from flashpoint.stages.places.demonyms import capital_places, demonym_places, demonyms
from flashpoint.stages.places.gazetteer import Gazetteer, Place, load_gazetteer
from flashpoint.stages.places.mentions import (
    COMPASS_NAMES,
    DESIGNATORS,
    FACILITY_WORDS,
    ORG_WORDS,
    PEOPLE_AFTER,
    TIME_WORDS,
    RawMention,
    annotate_with_parse,
    dateline,
    filter_unparsed,
    find_names,
    own_name,
    person_cue,
    strong_kind,
)
from flashpoint.stages.places.names import normalize
from flashpoint.stages.places.resolve import Item, place_water_bodies, resolve


@cache
def stop_words() -> frozenset[str]:
    """Words that are place names but usually something else (data/places/not_places.txt
    and spaCy's English stop words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    path = files("flashpoint") / "data" / "places" / "not_places.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}; reinstall flashpoint") from exc
    words = {ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")}
    return frozenset(words | set(STOP_WORDS))


def sentence_mentions(
    text: str, parsed: object | None, gaz: Gazetteer, stop: frozenset[str]
) -> list[RawMention]:
    """The place mentions of one sentence (offsets in the sentence)."""
    found = find_names(text, gaz)
    if parsed is None:
        return filter_unparsed(found, stop)
    return annotate_with_parse(found, parsed, stop, text)


def geoparse(
    doc: Document, gaz: Gazetteer | None = None, demonyms: bool = False
) -> list[PlaceMention]:
    """The places of `doc`, in text order, each resolved to a gazetteer entry or left
    unresolved (name None) when spaCy saw a place the gazetteer does not know; with
    `demonyms`, also the words for a country's or region's people ("Turkish"), of kind
    "demonym"."""
    gaz = gaz or load_gazetteer()
    stop = stop_words()
    found = {s.index: find_names(s.text, gaz) for s in doc.sentences}
    surnames = name_parts((m for ms in found.values() for m in ms), gaz, stop)
    named = {m.key for s in doc.sentences for m in found[s.index] if person_cue(s.text, m)}
    people = _person_names(doc)
    items: list[Item] = []
    text_of: dict[int, str] = {}
    for s in doc.sentences:
        text_of[s.index] = s.text
        for m in _annotate(found[s.index], doc.parses.get(s.index), stop, s.text):
            start = s.start + m.start
            if _part_of_a_name(m, surnames) or (m.key in named and not m.designator):
                continue
            if _no_town_here(m, s.text):
                continue
            if not any(a <= start < b for a, b in people):
                items.append(Item(m, s.index, s.start))
    resolve(items, text_of, _actor_countries(doc))
    places = [_to_place_mention(it, text_of[it.sentence]) for it in items if _reported(it)]
    if capitals := capital_places(doc.sentences, places, gaz):
        places = sorted(places + capitals, key=lambda p: p.span)
    _inherit_containers(places, doc.text)
    water = {
        (it.offset + m.start, it.offset + m.full_end): m.water or m.text
        for it in items
        if (m := it.mention).water or m.unlisted
    }
    if water:
        place_water_bodies(places, water, gaz)
    if demonyms:
        taken = [p.span for p in places]
        places.extend(d for s in doc.sentences for d in demonym_places(s, taken, gaz))
        places.sort(key=lambda p: p.span)
    return places


def _person_names(doc: Document) -> list[tuple[int, int]]:
    """The spans of the people's names the actor dictionary found ("Vladimir Putin" of
    "Russian leader Vladimir Putin", "Supari" of "Supari, Indonesia's health minister"): no
    word of a known person's name is a place."""
    out = []
    for a in doc.actors:
        if a.kind != "person":
            continue
        words = a.name.split() if a.name else [""]
        at = a.text.find(words[0]) if words[0] else -1
        end = a.text.find(words[-1], at) + len(words[-1]) if at >= 0 else -1
        if at >= 0 and end > at:
            out.append((a.span[0] + at, a.span[0] + end))
        elif a.head is not None:
            out.append(a.head)
    return out


def name_parts(
    mentions: Iterable[RawMention], gaz: Gazetteer, stop: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Names the document uses as the last word of a longer capitalised name that is not a
    place ("John Kelly", "Sheryl Sandberg", "Charlie Chen" opening a sentence): alone later
    on ("Kelly said"), they are the person, not the town. A word after another place
    ("Amsterdam London") or a common word opening the sentence ("The", "On") is no first
    name."""
    out = set()
    for m in mentions:
        first = _first_name(m.prev_word, frozenset()) or _first_name(m.lead_word, stop)
        if (
            first
            and not m.next_word
            and not m.designator
            and not _well_known(m.candidates, m.key)
            and not _well_known(gaz.lookup(normalize(first)))
        ):
            out.add(m.key)
    return frozenset(out)


# words joined before a place that are no first names ("Northern", "Monday", "Village")
_COMMON = COMPASS_NAMES | TIME_WORDS | DESIGNATORS | ORG_WORDS | FACILITY_WORDS


def _first_name(word: str | None, stop: frozenset[str]) -> str | None:
    """A capitalised word before a name that may be a first name: not an acronym ("CDC
    Atlanta"), a kind word ("Village Malakal") or another common word (`stop`: for a word
    opening the sentence, capitalised by its place)."""
    if word is None or word.isupper() or word.lower() in stop or word.lower() in _COMMON:
        return None
    return word


def _well_known(cands: list[Place], key: str | None = None) -> bool:
    """A country, first-level region or named region, or a place of a million people called
    so by its own name: not a county by its first word ("Stephon Clark" is a person, not
    Clark County) nor a city by one of GeoNames' alternate names."""
    return any(
        c.kind in ("country", "admin1", "region")
        or (c.population >= 1_000_000 and (key is None or own_name(c, key)))
        for c in cands
    )


def _part_of_a_name(m: RawMention, surnames: frozenset[str]) -> bool:
    return m.key in surnames and not m.designator and not strong_kind(m)


def _no_town_here(m: RawMention, text: str) -> bool:
    """A name whose only readings are small towns, used here as something else: one word
    as the subject of a verb of speaking is a person ("Sandberg said", but "Fort Hood
    said" is the base); a people's or a language's
    word is that ("speaks Spanish": not Spanish, Ontario); a word in capitals is an acronym
    ("PAP", "MOCA": not Pap or Moca), unless it opens a dateline; a name followed by a
    number and then a word is a numbered label ("Ward 5 Alderman", not the town of Ward)."""
    if m.water is not None:
        # "Ricki Lake said": a person, as the subject of a verb of speaking
        return m.speaker
    if m.designator or not m.candidates:
        return False
    if m.text in demonyms() and _people_after(text, m):
        return True  # "Four Somali soldiers": the people, not Ethiopia's Somali region
    if not _small_towns(m.candidates):
        return False
    if (m.speaker and " " not in m.key) or m.text in demonyms():
        return True
    if _NUMBER_AFTER.match(text, m.full_end):
        return True  # "Ward 5 Alderman", "Gate 3": a numbered label, not the town of Ward
    return m.text.isupper() and len(m.text) <= 5 and not dateline(text, m)


_PEOPLE_AFTER = re.compile(r"\s+([a-z]+)")
_NUMBER_AFTER = re.compile(r" \d+ [A-Za-z]")


def _people_after(text: str, m: RawMention) -> bool:
    nxt = _PEOPLE_AFTER.match(text, m.full_end)
    return nxt is not None and nxt.group(1) in PEOPLE_AFTER


def _small_towns(cands: list[Place]) -> bool:
    return all(c.kind in ("city", "admin2") and c.population < 100_000 for c in cands)


def _reported(it: Item) -> bool:
    """A mention the resolver left without a place is kept only when the text says it is
    one (a kind word: "Paletwa township") or the parser found it; a gazetteer match whose
    every reading was ruled out (a namesake town abroad) is not reported."""
    m = it.mention
    return it.place is not None or m.designator is not None or m.source == "ner" or m.unlisted


def _annotate(
    found: list[RawMention], parsed: object | None, stop: frozenset[str], text: str
) -> list[RawMention]:
    if parsed is None:
        return filter_unparsed(found, stop)
    return annotate_with_parse(found, parsed, stop, text)


# what may stand between a place and the place the text puts it in: "X (Y", "X (Unknown,
# Y", "X, Y", "X in Y", "X district of Y", "X near the town of Y"
_NEST_GAP = re.compile(
    r"\s*\(\s*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*,\s*)?|\s*,\s*"
    r"|\s*\)?\s*,?\s+(?:in|of|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}"
)


def _inherit_containers(places: list[PlaceMention], text: str) -> None:
    """A place the gazetteer does not know ("Seytenga village (Seno, Sahel)", "Paulista
    Avenue in Sao Paulo") is placed where its container is: it takes the container's
    country, regions, coordinates and precision (its name and GeoNames id stay empty).
    Right to left, so that "X (Y, Z)" with Y unknown too reaches Z."""
    for i in range(len(places) - 2, -1, -1):
        p, q = places[i], places[i + 1]
        if p.precision is not None or q.precision is None or p.sentence != q.sentence:
            continue
        if _NEST_GAP.fullmatch(text[p.span[1] : q.span[0]]):
            p.country, p.admin1, p.admin2 = q.country, q.admin1, q.admin2
            p.lat, p.lon, p.precision = q.lat, q.lon, q.precision


def _actor_countries(doc: Document) -> list[str]:
    out = [a.country for a in doc.actors if a.country]
    for ev in doc.events:
        out.extend(x.country for x in (ev.actor, ev.recipient) if x and x.country)
    return out


def _to_place_mention(it: Item, sentence_text: str) -> PlaceMention:
    m, p = it.mention, it.place
    pm = PlaceMention(
        text=sentence_text[m.start : m.full_end],
        span=(it.offset + m.start, it.offset + m.full_end),
        sentence=it.sentence,
    )
    if p is not None:
        pm.name, pm.country, pm.admin1, pm.admin2 = p.name, p.country, p.admin1, p.admin2
        pm.lat, pm.lon, pm.precision, pm.entry_id = p.lat, p.lon, p.precision, p.id
        pm.geonameid, pm.feature_code = p.geonameid, p.feature_code
        pm.kind = place_kind(m, p)
    return pm


def place_kind(m: RawMention, p: Place) -> PlaceKind:
    """A country or capital that is the subject of a verb, or the object of a verb of
    judging or addressing, stands for its government ("Tehran said", "Russia denied",
    "accusing Moscow"): a metonym; otherwise the place itself."""
    if (m.subject or m.addressee) and (p.kind == "country" or p.capital) and not m.designator:
        return "metonym"
    return "literal"
