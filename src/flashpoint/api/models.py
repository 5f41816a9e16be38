"""The request and response bodies the OpenAPI document describes."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    """A response body. Its model names every field the route sends; a field it does not
    name still goes out (nothing is lost, no request fails), and tests/api finds it: every
    route's body is checked for fields its model does not know."""

    model_config = ConfigDict(extra="allow")


class EventPage(Body):
    """One page of events (earliest first unless `order=desc`)."""

    items: list[EventRecord] = Field(description="event records (docs/event-schema.md)")
    total: int = Field(description="events matching the query")
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description="the URL of the next page, null on the last")
    prev: str | None


class Stats(Body):
    backend: str
    documents: int
    mentions: int
    events: int
    errors: int
    pending_dedup: int
    first_date: str | None
    last_date: str | None
    view_since: str | None = Field(description="default view: up to 90 days")
    view_until: str | None
    writable: bool


class TypeMeta(Body):
    name: str
    quad: int
    score: float
    color: str


class Meta(Body):
    """What a client needs to draw and query: PLOVER types with colours, limits."""

    version: str
    types: list[TypeMeta]
    quads: dict[str, str]
    quad_colors: dict[str, str]
    levels: list[str]
    max_page_size: int
    max_body_bytes: int
    max_documents: int
    writable: bool
    map_attribution: str


class DocumentIn(BaseModel):
    """An article to code: its text and publication date (events' relative dates such as
    'on Tuesday' are resolved against it)."""

    text: str = Field(min_length=1, description="the article text (the headline goes in title)")
    date: str = Field(description="publication date, YYYY-MM-DD", examples=["2024-01-18"])
    id: str | None = Field(None, max_length=200, description="default: a hash of the text")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)


class DocumentsIn(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1)


class IngestResult(Body):
    received: int
    stored: int
    skipped: int = Field(description="already stored with the same content")
    replaced: int
    mentions: int = Field(description="events the coder found in the stored documents")
    events: int = Field(description="merged events in the store after this request")
    doc_ids: list[str]
    errors: list[dict[str, Any]] = Field(description="documents refused, with the reason")
    seconds: float


# --- the bodies of the event and analysis routes ----------------------------------------------

Number = int | float  # a count or sum that the analysis gives as an integer when it is whole


class Party(Body):
    """An actor or recipient as merged from the reports."""

    name: str | None
    country: str | None = Field(description="ISO3")
    sector: str | None = Field(description="e.g. MIL, GOV, REB")


class Location(Body):
    name: str | None
    country: str | None = Field(description="ISO3")
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str | None = Field(description="country, admin1, city, ...")


class CountReport(Body):
    """One article's figure for a count."""

    value: int
    source: str | None
    doc_id: str | None
    mention_id: str | None
    pub_date: dt.date | None


class Counts(Body):
    rule: str = Field(description="how the best value of each count is chosen")
    reports: dict[str, list[CountReport]] = Field(
        description="every reported value of dead, injured, arrested, earliest first"
    )


class EventRecord(Body):
    """A merged event (docs/event-schema.md, plus the merge's counts)."""

    id: str
    event_type: str = Field(description="PLOVER event type")
    mode: str | None
    contexts: list[str]
    aux: list[str]
    quad_code: int | None = Field(description="1-4: verbal/material cooperation/conflict")
    intensity: float | None
    cameo: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: dt.date | None
    date_precision: str | None
    actor: Party | None
    recipient: Party | None
    location: Location | None
    dead: int | None = Field(description="best value of the reports (counts.rule)")
    injured: int | None
    arrested: int | None
    counts: Counts
    num_mentions: int = Field(description="reports of the event")
    num_sources: int = Field(description="distinct outlets")
    num_articles: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    doc_id: str = Field(description="the article of the representative report")
    sentence: str | None
    confidence: float | None


# Where each field of a stored event (one per column of the events table it reads, see
# store/rows.py) appears in an EventRecord; tests/api/test_models.py checks both ways.
EVENT_RECORD_PATHS: dict[str, str] = {
    "event_id": "id",
    "date": "date",
    "date_precision": "date_precision",
    "event_type": "event_type",
    "mode": "mode",
    "quad_code": "quad_code",
    "intensity": "intensity",
    "cameo": "cameo",
    "acled_event_type": "acled_event_type",
    "acled_sub_event_type": "acled_sub_event_type",
    "contexts": "contexts",
    "aux": "aux",
    "actor_name": "actor.name",
    "actor_country": "actor.country",
    "actor_sector": "actor.sector",
    "recipient_name": "recipient.name",
    "recipient_country": "recipient.country",
    "recipient_sector": "recipient.sector",
    "location_name": "location.name",
    "location_country": "location.country",
    "location_admin1": "location.admin1",
    "latitude": "location.lat",
    "longitude": "location.lon",
    "location_precision": "location.precision",
    "dead": "dead",
    "injured": "injured",
    "arrested": "arrested",
    "count_reports": "counts.reports",
    "num_mentions": "num_mentions",
    "num_sources": "num_sources",
    "num_articles": "num_articles",
    "first_reported": "first_reported",
    "last_reported": "last_reported",
    "doc_id": "doc_id",
    "sentence": "sentence",
    "confidence": "confidence",
}


class TriggerSpan(Body):
    text: str | None
    span: list[int] | None = Field(description="[start, end) in the article")


class Highlight(Body):
    """A coded field's words inside the mention's sentence."""

    kind: str = Field(description="trigger, actor, recipient, location, date, or a count")
    start: int = Field(description="offset into the sentence")
    end: int
    text: str


class MentionDetail(Body):
    """One article's report of an event, with the evidence of its coded fields."""

    mention_id: str
    doc_id: str
    pub_date: dt.date | None
    source: str | None
    url: str | None
    sentence: str
    sentence_index: int | None
    sentence_span: list[int] | None = Field(description="[start, end) in the article")
    trigger: TriggerSpan
    date: dt.date | None
    date_precision: str | None
    dead: int | None
    injured: int | None
    arrested: int | None
    title: str | None
    outlet: str | None
    event_type: str | None
    mode: str | None
    highlights: list[Highlight]
    evidence: list[list[int]] = Field(description="[start, end) spans of the article it used")


# Where each field of a stored mention appears in a MentionDetail (None: not sent as such;
# `record`, the coder's whole event, gives title, event_type, mode, highlights, evidence).
MENTION_DETAIL_PATHS: dict[str, str | None] = {
    "mention_id": "mention_id",
    "event_id": None,  # the event the mention is listed under
    "doc_id": "doc_id",
    "pub_date": "pub_date",
    "source": "source",
    "url": "url",
    "outlet": "outlet",
    "sentence": "sentence",
    "sentence_index": "sentence_index",
    "sentence_span": "sentence_span",
    "trigger_text": "trigger.text",
    "trigger_span": "trigger.span",
    "date": "date",
    "date_precision": "date_precision",
    "dead": "dead",
    "injured": "injured",
    "arrested": "arrested",
    "record": None,
}


class EventDetail(EventRecord):
    mentions: list[MentionDetail] = Field(description="every report, earliest first")


MapPoint = tuple[
    str, float, float, str, int | None, int | None, dt.date | None, str, str | None, str | None
]


class MapPoints(Body):
    """Located events, compact: one array per event, its items named by `fields`."""

    total: int = Field(description="located events matching the filters")
    matched: int = Field(description="events matching the filters, located or not")
    truncated: bool = Field(description="more events matched than `limit`; the latest are sent")
    fields: list[str] = Field(
        examples=[
            [
                "id",
                "lat",
                "lon",
                "type",
                "quad",
                "dead",
                "date",
                "label",
                "precision",
                "date_precision",
            ]
        ]
    )
    points: list[MapPoint]


class TimelineBin(Body):
    date: dt.date = Field(description="the day, or the Monday of the week")
    total: int
    dead: int
    verbal_coop: int = Field(alias="1")
    material_coop: int = Field(alias="2")
    verbal_conflict: int = Field(alias="3")
    material_conflict: int = Field(alias="4")


class Timeline(Body):
    freq: Literal["day", "week"]
    quads: dict[str, str] = Field(description="quad class number: name")
    bins: list[TimelineBin]


class SignalDay(Body):
    """A day of a dyad's escalation signal."""

    date: dt.date
    hostility: float
    cooperation: float
    events: float
    recent: float
    baseline: float
    spread: float
    score: float
    cusum: float


class Signal(Body):
    dyad: str
    label: str
    escalating: bool
    peak_score: float
    peak_date: dt.date | None
    latest_score: float
    breakout: dt.date | None
    alarm: dt.date | None
    hostility: float
    events: int
    method: str


class DyadSignal(Signal):
    """A dyad's escalation signal over the period, day by day."""

    series: list[SignalDay]


class DyadSummary(Signal):
    """A dyad of the period, with its conflict, deaths and retaliation chains."""

    conflict_events: int
    dead: int
    chains: int
    longest_chain: int
    first_date: dt.date | None
    last_date: dt.date | None
    series: list[SignalDay] | None = Field(None, description="only with series=true")


class DyadRanking(Body):
    since: dt.date
    until: dt.date
    level: str
    method: str
    dyads: list[DyadSummary]


class EscalatingDyads(Body):
    """Without a dyad: the dyads escalating in the period."""

    method: str
    dyads: list[DyadSummary]


class CountPeriod(Body):
    date: dt.date = Field(description="the day, or the Monday of the week")
    events: Number
    verbal_coop: Number
    material_coop: Number
    verbal_conflict: Number
    material_conflict: Number
    intensity: Number
    hostility: Number
    cooperation: Number
    dead: Number
    ab: Number = Field(description="events a → b")
    ba: Number
    hostility_ab: Number
    hostility_ba: Number


class DyadCounts(Body):
    dyad: str
    label: str
    a: str
    b: str
    freq: Literal["day", "week"]
    periods: list[CountPeriod]


class ChainEvent(Body):
    event_id: str
    date: dt.date
    date_precision: str | None = None
    event_type: str
    mode: str | None
    dead: int | None
    hostility: float
    location: str | None
    lat: float | None
    lon: float | None


class ChainMove(Body):
    """One side's consecutive acts against the other."""

    actor: str
    recipient: str
    start: dt.date
    end: dt.date
    lag_days: int | None = Field(description="days since the move it answers")
    events: list[ChainEvent]


class Chain(Body):
    dyad: str
    initiator: str
    start: dt.date
    end: dt.date
    moves: list[ChainMove]
    n_moves: int
    n_events: int
    dead: int
    hostility: float
    sequence: list[str]


class Chains(Body):
    since: dt.date
    until: dt.date
    window_days: int
    chains: list[Chain]


class ActorNode(Body):
    id: str
    label: str
    sent: int
    hostility_sent: Number
    received: int
    hostility_received: Number
    degree: int = Field(description="distinct partners")
    events: int


class ActorEdge(Body):
    source: str
    target: str
    events: int
    conflict: int
    material_conflict: int
    cooperative: int
    intensity: Number
    hostility: Number
    cooperation: Number
    dead: int


class ActorNetwork(Body):
    nodes: list[ActorNode]
    edges: list[ActorEdge] = Field(description="most events first")
    truncated: bool
