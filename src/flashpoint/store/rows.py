"""Between Python objects and table rows: documents, mentions, events, actors, places.

Rows are written and read by column name: a row builder gives {column: value} (the store
orders the values by the table's declared columns, `schema.Table.values`), and a reader gets
{name: value} of a `schema.Select`, generated from the same declarations."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flashpoint.document import Document, Event, EventActor, EventLocation
from flashpoint.store.dedup import (
    COUNT_KINDS,
    ActorValue,
    EventFacts,
    MentionFacts,
    MergeKey,
    PlaceValue,
    merge_key,
)
from flashpoint.store.records import StoredError, StoredEvent, StoredMention
from flashpoint.store.schema import (
    ACTORS,
    DEDUP_QUEUE,
    DOCUMENTS,
    EVENTS,
    INGEST_ERRORS,
    MENTIONS,
    PLACES,
)

Row = tuple[Any, ...]  # a row's values in the order of its table's columns
NamedRow = dict[str, Any]  # a row by column name


def content_hash(text: str, pub_date: date | None) -> str:
    """What "same content" means: the text and the publication date it is read against."""
    raw = (pub_date.isoformat() if pub_date else "") + "\x1f" + text
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def outlet_of(url: str | None) -> str | None:
    """The publisher of an article, from its URL's host ("www.bbc.co.uk" -> "bbc.co.uk")."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the store keeps about an article (not its text)."""

    doc_id: str
    content_hash: str
    pub_date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    n_chars: int = 0

    @classmethod
    def of(cls, doc: Document) -> DocumentInfo:
        return cls(
            doc_id=doc.id,
            content_hash=content_hash(doc.text, doc.pub_date),
            pub_date=doc.pub_date,
            title=doc.title,
            url=doc.url,
            source=doc.source,
            n_chars=len(doc.text),
        )

    @property
    def outlet(self) -> str | None:
        return outlet_of(self.url)


@dataclass(frozen=True, slots=True)
class IngestItem:
    """A coded document, ready to be written: its row and its events."""

    doc: DocumentInfo
    events: Sequence[Event]
    coder: str = ""


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """A document that could not be read or coded."""

    source: str | None
    doc_id: str | None
    code: str
    message: str

    @property
    def key(self) -> str:
        raw = f"{self.source or ''}\x1f{self.doc_id or ''}"
        return "er_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def document_row(item: IngestItem, now: Any) -> NamedRow:
    """The `documents` row of a coded document."""
    d = item.doc
    return {
        "doc_id": d.doc_id,
        "content_hash": d.content_hash,
        "pub_date": d.pub_date,
        "title": d.title,
        "url": d.url,
        "source": d.source,
        "outlet": d.outlet,
        "n_chars": d.n_chars,
        "n_mentions": len(item.events),
        "coder": item.coder,
        "ingested_at": now,
    }


def error_row(key: str, error: ErrorItem, now: Any) -> NamedRow:
    """The `ingest_errors` row of a document that could not be stored."""
    return {
        "error_key": key,
        "source": error.source,
        "doc_id": error.doc_id,
        "code": error.code,
        "message": error.message,
        "recorded_at": now,
    }


def actor_value(actor: EventActor | None) -> ActorValue | None:
    if actor is None:
        return None
    return ActorValue(name=actor.name, country=actor.country, sector=actor.sector)


def place_value(loc: EventLocation | None) -> PlaceValue | None:
    if loc is None:
        return None
    return PlaceValue(
        name=loc.name,
        country=loc.country,
        admin1=loc.admin1,
        lat=loc.lat,
        lon=loc.lon,
        precision=loc.precision,
    )


def actor_row(a: ActorValue) -> NamedRow:
    return {"actor_id": a.id, "name": a.name, "country": a.country, "sector": a.sector}


def place_row(p: PlaceValue) -> NamedRow:
    return {
        "place_id": p.id,
        "name": p.name,
        "country": p.country,
        "admin1": p.admin1,
        "lat": p.lat,
        "lon": p.lon,
        "precision": p.precision,
    }


def mention_id(doc_id: str, ordinal: int, event: Event) -> str:
    raw = f"{doc_id}\x1f{ordinal}\x1f{event.id}"
    return "mn_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def _span(prefix: str, span: tuple[int, int] | None) -> NamedRow:
    """`prefix`_start and `prefix`_end of a span (None when there is none)."""
    return {
        f"{prefix}_start": span[0] if span else None,
        f"{prefix}_end": span[1] if span else None,
    }


def _party(prefix: str, actor: EventActor | None) -> NamedRow:
    a = actor_value(actor)
    return {
        f"{prefix}_id": a.id if a else None,
        f"{prefix}_text": actor.text if actor else None,
        **_span(prefix, actor.span if actor else None),
    }


def _key_columns(key: MergeKey) -> NamedRow:
    return {
        "merge_type": key.merge_type,
        "actor_key": key.actor,
        "recipient_key": key.recipient,
        "place_path": "|".join(key.place),
        "date_lo": key.lo,
        "date_hi": key.hi,
    }


def mention_row(doc_id: str, ordinal: int, event: Event, key: MergeKey) -> NamedRow:
    """The mentions row of `event` (the `ordinal`-th event of document `doc_id`).

    A key too vague to join others (`not key.narrow`) gets its event now; narrow ones wait
    for the deduplication pass."""
    loc, p = event.location, place_value(event.location)
    return {
        "mention_id": mention_id(doc_id, ordinal, event),
        "doc_id": doc_id,
        "ordinal": ordinal,
        "event_id": None if key.narrow else key.event_id,
        "coder_event_id": event.id or None,
        "event_type": event.event_type,
        "mode": event.mode,
        "contexts": json.dumps(list(event.contexts)),
        "aux": json.dumps(list(event.aux)),
        "quad_code": event.quad_code,
        "intensity": event.intensity,
        "cameo": event.cameo,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        **_party("actor", event.actor),
        **_party("recipient", event.recipient),
        "place_id": p.id if p else None,
        "location_text": loc.text if loc else None,
        **_span("location", loc.span if loc else None),
        "date": event.date,
        "date_precision": event.date_precision,
        **_span("date", event.date_span),
        "pub_date": event.pub_date,
        "dead": event.dead,
        "injured": event.injured,
        "arrested": event.arrested,
        "dead_lower_bound": event.dead_lower_bound,
        "trigger_text": event.trigger.text,
        **_span("trigger", event.trigger.span),
        "sentence": event.sentence,
        "sentence_index": event.sentence_index,
        **_span("sentence", event.sentence_span),
        "confidence": event.confidence,
        "coder": event.coder,
        **_key_columns(key),
        "narrow": key.narrow,
        "record": json.dumps(event.to_dict(), sort_keys=True),
    }


def event_key(event: Event) -> MergeKey:
    return merge_key(event)


def queue_row(
    merge_type: str | None = None,
    lo: date | None = None,
    hi: date | None = None,
    event_id: str | None = None,
) -> NamedRow:
    """A merge-queue entry: a date range of a merge type to recluster, or an event to
    rebuild."""
    return {"merge_type": merge_type, "date_lo": lo, "date_hi": hi, "event_id": event_id}


# --- reading mentions back for the merge ----------------------------------------------------

KEY_NAMES = ("merge_type", "actor_key", "recipient_key", "place_path", "date_lo", "date_hi")
# a mention's merge key, with its ids
KEY_SELECT = MENTIONS.select("", ("mention_id", "event_id", *KEY_NAMES))
QUEUE_SELECT = DEDUP_QUEUE.select("")
FACT_SELECT = (
    MENTIONS.select(
        "m",
        (
            "mention_id",
            "doc_id",
            "ordinal",
            "event_id",
            "event_type",
            "mode",
            "contexts",
            "aux",
            "quad_code",
            "intensity",
            "cameo",
            "acled_event_type",
            "acled_sub_event_type",
            "date",
            "date_precision",
            "pub_date",
            "dead",
            "injured",
            "arrested",
            "sentence",
            "confidence",
            *KEY_NAMES,
        ),
    )
    + ACTORS.select("a", ("name", "country", "sector"), prefix="actor_")
    + ACTORS.select("r", ("name", "country", "sector"), prefix="recipient_")
    + PLACES.select("p", ("name", "country", "admin1", "lat", "lon", "precision"), prefix="place_")
    + DOCUMENTS.select("d", ("outlet",))
)
FACT_JOINS = (
    "FROM mentions m JOIN documents d ON d.doc_id = m.doc_id "
    "LEFT JOIN actors a ON a.actor_id = m.actor_id "
    "LEFT JOIN actors r ON r.actor_id = m.recipient_id "
    "LEFT JOIN places p ON p.place_id = m.place_id"
)


def loads(value: Any) -> Any:
    """A JSON column's value: DuckDB gives text, PostgreSQL gives it parsed."""
    return json.loads(value) if isinstance(value, str) else value


def _actor_of_row(row: Mapping[str, Any], prefix: str) -> ActorValue | None:
    a = ActorValue(row[f"{prefix}_name"], row[f"{prefix}_country"], row[f"{prefix}_sector"])
    return a if (a.name or a.country or a.sector) else None


def _place_of_row(row: Mapping[str, Any]) -> PlaceValue | None:
    name, country = row["place_name"], row["place_country"]
    if not (name or country):
        return None
    return PlaceValue(
        name,
        country,
        row["place_admin1"],
        row["place_lat"],
        row["place_lon"],
        row["place_precision"],
    )


def key_of_row(row: Mapping[str, Any]) -> MergeKey:
    """The MergeKey of a row holding the `KEY_NAMES` columns."""
    path = row["place_path"]
    return MergeKey(
        row["merge_type"],
        row["actor_key"],
        row["recipient_key"],
        row["date_lo"],
        row["date_hi"],
        tuple(path.split("|")) if path else (),
    )


def facts_of_row(row: Mapping[str, Any]) -> tuple[str, MentionFacts]:
    """(event_id, MentionFacts) from a row of `FACT_SELECT`."""
    counts = {k: row[k] for k in COUNT_KINDS if row[k] is not None}
    facts = MentionFacts(
        mention_id=row["mention_id"],
        doc_id=row["doc_id"],
        ordinal=row["ordinal"],
        key=key_of_row(row),
        event_type=row["event_type"],
        pub_date=row["pub_date"],
        outlet=row["outlet"],
        mode=row["mode"],
        contexts=tuple(loads(row["contexts"]) or ()),
        aux=tuple(loads(row["aux"]) or ()),
        scores=(row["quad_code"], row["intensity"], row["cameo"]),
        acled=(row["acled_event_type"], row["acled_sub_event_type"]),
        actor=_actor_of_row(row, "actor"),
        recipient=_actor_of_row(row, "recipient"),
        place=_place_of_row(row),
        date=row["date"],
        date_precision=row["date_precision"],
        counts=counts,
        sentence=row["sentence"] or "",
        confidence=row["confidence"] or 0.0,
    )
    return row["event_id"], facts


def _event_party(prefix: str, a: ActorValue | None) -> NamedRow:
    return {
        f"{prefix}_id": a.id if a else None,
        f"{prefix}_name": a.name if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_sector": a.sector if a else None,
    }


def _event_place(p: PlaceValue | None) -> NamedRow:
    return {
        "place_id": p.id if p else None,
        "location_name": p.name if p else None,
        "location_country": p.country if p else None,
        "location_admin1": p.admin1 if p else None,
        "latitude": p.lat if p else None,
        "longitude": p.lon if p else None,
        "location_precision": p.precision if p else None,
    }


def event_row(e: EventFacts) -> NamedRow:
    """The `events` row of a merged event."""
    quad, intensity, cameo = e.scores
    return {
        "event_id": e.event_id,
        "event_type": e.event_type,
        "merge_type": e.key.merge_type,
        "mode": e.mode,
        "contexts": json.dumps(e.contexts),
        "aux": json.dumps(e.aux),
        "quad_code": quad,
        "intensity": intensity,
        "cameo": cameo,
        "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
        "date": e.date,
        "date_precision": e.date_precision,
        "date_lo": e.key.lo,
        "date_hi": e.key.hi,
        **_event_party("actor", e.actor),
        **_event_party("recipient", e.recipient),
        **_event_place(e.place),
        **{kind: e.counts.get(kind) for kind in COUNT_KINDS},
        "count_reports": json.dumps(e.count_reports, sort_keys=True),
        "num_mentions": e.num_mentions,
        "num_sources": e.num_sources,
        "num_articles": e.num_articles,
        "first_reported": e.first_reported,
        "last_reported": e.last_reported,
        "rep_mention_id": e.rep_mention_id,
        "rep_doc_id": e.rep_doc_id,
        "sentence": e.sentence,
        "confidence": e.confidence,
    }


# --- reading events, mentions and errors for queries -----------------------------------------

# events columns a StoredEvent does not carry (the merge's bookkeeping), and those it renames
EVENT_BOOKKEEPING = (
    "merge_type",
    "date_lo",
    "date_hi",
    "actor_id",
    "recipient_id",
    "place_id",
    "rep_mention_id",
)
EVENT_RENAMED = {"rep_doc_id": "doc_id"}
STORED_EVENT_SELECT = EVENTS.select("e", (n for n in EVENTS.names if n not in EVENT_BOOKKEEPING))

# mentions columns a StoredMention does not read: the merge's bookkeeping, and the coder's
# fields, which it carries whole in `record`
MENTION_IN_RECORD = (
    "ordinal",
    "coder_event_id",
    "event_type",
    "mode",
    "contexts",
    "aux",
    "quad_code",
    "intensity",
    "cameo",
    "acled_event_type",
    "acled_sub_event_type",
    "actor_id",
    "actor_text",
    "actor_start",
    "actor_end",
    "recipient_id",
    "recipient_text",
    "recipient_start",
    "recipient_end",
    "place_id",
    "location_text",
    "location_start",
    "location_end",
    "date_start",
    "date_end",
    "dead_lower_bound",
    "confidence",
    "coder",
    *KEY_NAMES,
    "narrow",
)
STORED_MENTION_SELECT = MENTIONS.select(
    "m", (n for n in MENTIONS.names if n not in MENTION_IN_RECORD)
) + DOCUMENTS.select("d", ("source", "url", "outlet"))

# ingest_errors columns a StoredError does not carry
ERROR_BOOKKEEPING = ("error_key",)
STORED_ERROR_SELECT = INGEST_ERRORS.select(
    "", (n for n in INGEST_ERRORS.names if n not in ERROR_BOOKKEEPING)
)

_REPORT_FIELDS = ("value", "source", "doc_id", "mention_id", "pub_date")


def _reports(value: Any) -> dict[str, list[dict[str, Any]]]:
    """Count reports in one key order whatever the backend (JSONB reorders keys)."""
    raw = loads(value) or {}
    return {
        kind: [{f: r.get(f) for f in _REPORT_FIELDS} for r in raw[kind]]
        for kind in COUNT_KINDS
        if kind in raw
    }


def stored_event(row: Mapping[str, Any]) -> StoredEvent:
    """A StoredEvent from a row of `STORED_EVENT_SELECT`."""
    values = {EVENT_RENAMED.get(name, name): value for name, value in row.items()}
    values["contexts"] = tuple(loads(values["contexts"]) or ())
    values["aux"] = tuple(loads(values["aux"]) or ())
    values["count_reports"] = _reports(values["count_reports"])
    return StoredEvent(**values)


def _pair(row: Mapping[str, Any], prefix: str) -> tuple[int, int] | None:
    a, b = row[f"{prefix}_start"], row[f"{prefix}_end"]
    return None if a is None or b is None else (int(a), int(b))


def stored_mention(row: Mapping[str, Any]) -> StoredMention:
    """A StoredMention from a row of `STORED_MENTION_SELECT`."""
    return StoredMention(
        mention_id=row["mention_id"],
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        pub_date=row["pub_date"],
        source=row["source"],
        url=row["url"],
        outlet=row["outlet"],
        sentence=row["sentence"] or "",
        sentence_index=row["sentence_index"],
        sentence_span=_pair(row, "sentence"),
        trigger_text=row["trigger_text"],
        trigger_span=_pair(row, "trigger"),
        date=row["date"],
        date_precision=row["date_precision"],
        dead=row["dead"],
        injured=row["injured"],
        arrested=row["arrested"],
        record=loads(row["record"]) or {},
    )


def stored_error(row: Mapping[str, Any]) -> StoredError:
    """A StoredError from a row of `STORED_ERROR_SELECT`."""
    return StoredError(**row)
