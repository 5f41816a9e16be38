"""Geoparsing a document: every place named in it, resolved in the context of the others."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flashpoint.document import Document, PlaceKind, PlaceMention
from flashpoint.errors import DataFileError
from flashpoint.stages.places.gazetteer import Gazetteer, Place, load_gazetteer
from flashpoint.stages.places.mentions import (
    RawMention,
    annotate_with_parse,
    filter_unparsed,
    find_names,
)
from flashpoint.stages.places.resolve import Item, resolve


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
    return annotate_with_parse(found, parsed, stop)


def geoparse(doc: Document, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """The places of `doc`, in text order, each resolved to a gazetteer entry or left
    unresolved (name None) when spaCy saw a place the gazetteer does not know."""
    gaz = gaz or load_gazetteer()
    stop = stop_words()
    items: list[Item] = []
    text_of: dict[int, str] = {}
    for s in doc.sentences:
        text_of[s.index] = s.text
        for m in sentence_mentions(s.text, doc.parses.get(s.index), gaz, stop):
            items.append(Item(m, s.index, s.start))
    resolve(items, text_of, _actor_countries(doc))
    return [_to_place_mention(it, text_of[it.sentence]) for it in items]


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
    """A country or capital that is the subject of a verb stands for its government
    ("Tehran said", "Russia denied"): a metonym; otherwise the place itself."""
    if m.subject and (p.kind == "country" or p.capital) and not m.designator:
        return "metonym"
    return "literal"
