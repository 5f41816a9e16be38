"""The data model: one typed `Document` flows through the pipeline's stages.

Each stage reads what earlier stages put on the document and adds its own typed
results. Every result carries character spans into `Document.text` (end exclusive),
so every coded field can show its evidence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Span = tuple[int, int]
"""Character offsets into `Document.text`, end exclusive."""

DatePrecision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["city", "admin2", "admin1", "country", "region"]
PlaceKind = Literal["literal", "demonym", "metonym"]
CountKind = Literal["dead", "injured", "arrested"]


def content_id(text: str) -> str:
    """A stable id for a document that came without one: a hash of its content."""
    return "doc_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Sentence:
    """A sentence of the document. `candidate` is set by the lexical pass; `dateline` marks
    a news dateline that opens the text ("KHARKIV, Ukraine -"), where it was filed."""

    index: int
    start: int
    end: int
    text: str
    candidate: bool = False
    dateline: bool = False


@dataclass(slots=True)
class TriggerHit:
    """A lexicon match of an event trigger (found before any parsing)."""

    sentence: int
    span: Span
    text: str
    key: str  # the trigger lexicon entry that matched


@dataclass(slots=True)
class ActorMention:
    """A phrase of the text resolved to an actor.

    `kind` says how it was resolved: country (name, demonym, capital), agent (a generic
    sector word such as "police"), group (a named non-state group), person (an
    office-holder), org (an international organisation).
    """

    text: str
    span: Span
    sentence: int
    name: str | None
    country: str | None
    sector: str | None
    kind: str = "country"
    # head noun span of the phrase, used to map parse tokens to the mention
    head: Span | None = None


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text, resolved to a gazetteer entry (or not)."""

    text: str
    span: Span
    sentence: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    entry_id: str | None = None
    geonameid: str | None = None  # GeoNames' id, when the entry is a GeoNames feature
    feature_code: str | None = None  # GeoNames feature code (PCLI, ADM1, ADM2, PPL, ...)
    admin2: str | None = None
    # how the text uses the name: the place itself, its people ("Turkish"), or its
    # government or institutions ("Tehran said")
    kind: PlaceKind = "literal"

    def to_dict(self) -> dict[str, Any]:
        """The record `flashpoint geoparse` writes for this place."""
        return {
            "text": self.text,
            "start": self.span[0],
            "end": self.span[1],
            "name": self.name,
            "geonameid": self.geonameid,
            "feature_code": self.feature_code,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "kind": self.kind,
        }


@dataclass(slots=True)
class DateMention:
    """A temporal expression resolved against the publication date."""

    text: str
    span: Span
    sentence: int
    date: date
    precision: DatePrecision


@dataclass(slots=True)
class CountMention:
    """A number of people killed, injured or arrested."""

    kind: CountKind
    value: int | None
    span: Span
    sentence: int
    text: str
    lower_bound: int | None = None


# --- the event record -------------------------------------------------------------


@dataclass(slots=True)
class EventActor:
    text: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def from_mention(cls, m: ActorMention) -> EventActor:
        return cls(text=m.text, name=m.name, country=m.country, sector=m.sector, span=m.span)


@dataclass(slots=True)
class EventLocation:
    text: str | None = None
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def from_mention(cls, m: PlaceMention) -> EventLocation:
        return cls(
            text=m.text,
            name=m.name,
            country=m.country,
            admin1=m.admin1,
            lat=m.lat,
            lon=m.lon,
            precision=m.precision,
            span=m.span,
        )


@dataclass(slots=True)
class Trigger:
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}


@dataclass(slots=True)
class Event:
    """One coded event: the record flashpoint writes (see docs/event-schema.md)."""

    doc_id: str
    pub_date: date | None
    event_type: str
    trigger: Trigger
    sentence: str
    sentence_span: Span
    sentence_index: int
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    aux: list[str] = field(default_factory=list)
    quad_code: int = 0
    intensity: float = 0.0
    cameo: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor: EventActor | None = None
    recipient: EventActor | None = None
    location: EventLocation | None = None
    date: date | None = None
    date_precision: DatePrecision | None = None
    date_span: Span | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    dead_lower_bound: int | None = None
    count_spans: dict[str, Span] = field(default_factory=dict)
    confidence: float = 0.5
    coder: str = ""
    id: str = ""
    # sentences of the same article that were merged into this event
    evidence: list[Span] = field(default_factory=list)
    # a definite re-mention ("the attack", "their strikes") rather than a new event;
    # used by the merge stage, not written out
    is_reference: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of docs/event-schema.md."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "pub_date": self.pub_date.isoformat() if self.pub_date else None,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_span": list(self.date_span) if self.date_span else None,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "aux": list(self.aux),
            "quad_code": self.quad_code,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "location": self.location.to_dict() if self.location else None,
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
            "dead_lower_bound": self.dead_lower_bound,
            "count_spans": {k: list(v) for k, v in self.count_spans.items()},
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence,
            "sentence_span": list(self.sentence_span),
            "evidence": [list(s) for s in self.evidence],
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


@dataclass
class Document:
    """An article and everything the stages found in it."""

    id: str
    text: str
    pub_date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (file name, line)
    sentences: list[Sentence] = field(default_factory=list)
    triggers: list[TriggerHit] = field(default_factory=list)
    # spaCy parses of candidate sentences, by sentence index (not serialised)
    parses: dict[int, Any] = field(default_factory=dict, repr=False)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def lead(self) -> int:
        """The index of the report's first sentence: the one after a dateline, if any."""
        return 1 if self.sentences and self.sentences[0].dateline else 0

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence that holds character `offset`."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None
