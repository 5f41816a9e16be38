"""Between Python objects and table rows: documents, mentions, events, actors, places."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
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
from flashpoint.store.records import StoredEvent, StoredMention

Row = tuple[Any, ...]


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


DOCUMENT_COLUMNS = (
    "doc_id",
    "content_hash",
    "pub_date",
    "title",
    "url",
    "source",
    "outlet",
    "n_chars",
    "n_mentions",
    "coder",
    "ingested_at",
)


def document_row(item: IngestItem, now: Any) -> Row:
    d = item.doc
    return (
        d.doc_id,
        d.content_hash,
        d.pub_date,
        d.title,
        d.url,
        d.source,
        d.outlet,
        d.n_chars,
        len(item.events),
        item.coder,
        now,
    )


ACTOR_COLUMNS = ("actor_id", "name", "country", "sector")
PLACE_COLUMNS = ("place_id", "name", "country", "admin1", "lat", "lon", "precision")


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


def actor_row(a: ActorValue) -> Row:
    return (a.id, a.name, a.country, a.sector)


def place_row(p: PlaceValue) -> Row:
    return (p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.precision)


MENTION_COLUMNS = (
    "mention_id",
    "doc_id",
    "ordinal",
    "event_id",
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
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "pub_date",
    "dead",
    "injured",
    "arrested",
    "dead_lower_bound",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "sentence",
    "sentence_index",
    "sentence_start",
    "sentence_end",
    "confidence",
    "coder",
    "merge_type",
    "actor_key",
    "recipient_key",
    "place_path",
    "date_lo",
    "date_hi",
    "narrow",
    "record",
)


def mention_id(doc_id: str, ordinal: int, event: Event) -> str:
    raw = f"{doc_id}\x1f{ordinal}\x1f{event.id}"
    return "mn_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def _start(span: tuple[int, int] | None) -> int | None:
    return span[0] if span else None


def _end(span: tuple[int, int] | None) -> int | None:
    return span[1] if span else None


def mention_row(doc_id: str, ordinal: int, event: Event, key: MergeKey) -> Row:
    """The mentions row of `event` (the `ordinal`-th event of document `doc_id`).

    A key too vague to join others (`not key.narrow`) gets its event now; narrow ones wait
    for the deduplication pass."""
    actor, recipient, loc = event.actor, event.recipient, event.location
    a, r, p = actor_value(actor), actor_value(recipient), place_value(loc)
    return (
        mention_id(doc_id, ordinal, event),
        doc_id,
        ordinal,
        None if key.narrow else key.event_id,
        event.id or None,
        event.event_type,
        event.mode,
        json.dumps(list(event.contexts)),
        json.dumps(list(event.aux)),
        event.quad_code,
        event.intensity,
        event.cameo,
        event.acled_event_type,
        event.acled_sub_event_type,
        a.id if a else None,
        actor.text if actor else None,
        _start(actor.span if actor else None),
        _end(actor.span if actor else None),
        r.id if r else None,
        recipient.text if recipient else None,
        _start(recipient.span if recipient else None),
        _end(recipient.span if recipient else None),
        p.id if p else None,
        loc.text if loc else None,
        _start(loc.span if loc else None),
        _end(loc.span if loc else None),
        event.date,
        event.date_precision,
        _start(event.date_span),
        _end(event.date_span),
        event.pub_date,
        event.dead,
        event.injured,
        event.arrested,
        event.dead_lower_bound,
        event.trigger.text,
        event.trigger.span[0],
        event.trigger.span[1],
        event.sentence,
        event.sentence_index,
        event.sentence_span[0],
        event.sentence_span[1],
        event.confidence,
        event.coder,
        key.merge_type,
        key.actor,
        key.recipient,
        "|".join(key.place),
        key.lo,
        key.hi,
        key.narrow,
        json.dumps(event.to_dict(), sort_keys=True),
    )


def event_key(event: Event) -> MergeKey:
    return merge_key(event)


# --- reading mentions back for the merge ----------------------------------------------------

FACT_COLUMNS = (
    "m.mention_id, m.doc_id, m.ordinal, m.event_id, m.event_type, m.mode, m.contexts, m.aux, "
    "m.quad_code, m.intensity, m.cameo, m.acled_event_type, m.acled_sub_event_type, "
    "a.name, a.country, a.sector, r.name, r.country, r.sector, "
    "p.name, p.country, p.admin1, p.lat, p.lon, p.precision, "
    "m.date, m.date_precision, m.pub_date, m.dead, m.injured, m.arrested, m.sentence, "
    "m.confidence, d.outlet, m.merge_type, m.actor_key, m.recipient_key, m.place_path, "
    "m.date_lo, m.date_hi"
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


def _actor_of_row(name: Any, country: Any, sector: Any, present: bool) -> ActorValue | None:
    return ActorValue(name, country, sector) if present else None


def key_of_row(row: Sequence[Any]) -> MergeKey:
    """The MergeKey of (merge_type, actor_key, recipient_key, place_path, date_lo, date_hi)."""
    merge_type, actor, recipient, path, lo, hi = row
    return MergeKey(merge_type, actor, recipient, lo, hi, tuple(path.split("|")) if path else ())


def facts_of_row(row: Sequence[Any]) -> tuple[str, MentionFacts]:
    """(event_id, MentionFacts) from a row of FACT_COLUMNS."""
    (
        mid,
        doc_id,
        ordinal,
        event_id,
        etype,
        mode,
        contexts,
        aux,
        quad,
        intensity,
        cameo,
        acled_type,
        acled_sub,
        an,
        ac,
        asec,
        rn,
        rc,
        rsec,
        pn,
        pc,
        pa1,
        plat,
        plon,
        pprec,
        when,
        precision,
        pub,
        dead,
        injured,
        arrested,
        sentence,
        conf,
        outlet,
    ) = row[:34]
    counts = {
        k: v
        for k, v in (("dead", dead), ("injured", injured), ("arrested", arrested))
        if v is not None
    }
    place = PlaceValue(pn, pc, pa1, plat, plon, pprec) if (pn or pc) else None
    facts = MentionFacts(
        mention_id=mid,
        doc_id=doc_id,
        ordinal=ordinal,
        key=key_of_row(row[34:40]),
        event_type=etype,
        pub_date=pub,
        outlet=outlet,
        mode=mode,
        contexts=tuple(loads(contexts) or ()),
        aux=tuple(loads(aux) or ()),
        scores=(quad, intensity, cameo),
        acled=(acled_type, acled_sub),
        actor=_actor_of_row(an, ac, asec, any((an, ac, asec))),
        recipient=_actor_of_row(rn, rc, rsec, any((rn, rc, rsec))),
        place=place,
        date=when,
        date_precision=precision,
        counts=counts,
        sentence=sentence or "",
        confidence=conf or 0.0,
    )
    return event_id, facts


EVENT_COLUMNS = (
    "event_id",
    "event_type",
    "merge_type",
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
    "date_lo",
    "date_hi",
    "actor_id",
    "actor_name",
    "actor_country",
    "actor_sector",
    "recipient_id",
    "recipient_name",
    "recipient_country",
    "recipient_sector",
    "place_id",
    "location_name",
    "location_country",
    "location_admin1",
    "latitude",
    "longitude",
    "location_precision",
    "dead",
    "injured",
    "arrested",
    "count_reports",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_reported",
    "last_reported",
    "rep_mention_id",
    "rep_doc_id",
    "sentence",
    "confidence",
)


def _actor_cols(a: ActorValue | None) -> Row:
    return (a.id, a.name, a.country, a.sector) if a else (None, None, None, None)


def event_row(e: EventFacts) -> Row:
    p = e.place
    quad, intensity, cameo = e.scores
    return (
        e.event_id,
        e.event_type,
        e.key.merge_type,
        e.mode,
        json.dumps(e.contexts),
        json.dumps(e.aux),
        quad,
        intensity,
        cameo,
        e.acled_event_type,
        e.acled_sub_event_type,
        e.date,
        e.date_precision,
        e.key.lo,
        e.key.hi,
        *_actor_cols(e.actor),
        *_actor_cols(e.recipient),
        p.id if p else None,
        p.name if p else None,
        p.country if p else None,
        p.admin1 if p else None,
        p.lat if p else None,
        p.lon if p else None,
        p.precision if p else None,
        e.counts.get("dead"),
        e.counts.get("injured"),
        e.counts.get("arrested"),
        json.dumps(e.count_reports, sort_keys=True),
        e.num_mentions,
        e.num_sources,
        e.num_articles,
        e.first_reported,
        e.last_reported,
        e.rep_mention_id,
        e.rep_doc_id,
        e.sentence,
        e.confidence,
    )


# --- reading events and mentions for queries -------------------------------------------------

STORED_EVENT_COLUMNS = (
    "e.event_id, e.date, e.date_precision, e.event_type, e.mode, e.quad_code, e.intensity, "
    "e.cameo, e.acled_event_type, e.acled_sub_event_type, e.contexts, e.aux, e.actor_name, "
    "e.actor_country, e.actor_sector, e.recipient_name, e.recipient_country, "
    "e.recipient_sector, e.location_name, e.location_country, e.location_admin1, e.latitude, "
    "e.longitude, e.location_precision, e.dead, e.injured, e.arrested, e.count_reports, "
    "e.num_mentions, e.num_sources, e.num_articles, e.first_reported, e.last_reported, "
    "e.rep_doc_id, e.sentence, e.confidence"
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


def stored_event(row: Sequence[Any]) -> StoredEvent:
    values = list(row)
    values[10] = tuple(loads(values[10]) or ())
    values[11] = tuple(loads(values[11]) or ())
    values[27] = _reports(values[27])
    return StoredEvent(*values)


STORED_MENTION_COLUMNS = (
    "m.mention_id, m.event_id, m.doc_id, m.pub_date, d.source, d.url, d.outlet, m.sentence, "
    "m.sentence_index, m.sentence_start, m.sentence_end, m.trigger_text, m.trigger_start, "
    "m.trigger_end, "
    "m.date, m.date_precision, m.dead, m.injured, m.arrested, m.record"
)


def _pair(a: Any, b: Any) -> tuple[int, int] | None:
    return None if a is None or b is None else (int(a), int(b))


def stored_mention(row: Sequence[Any]) -> StoredMention:
    (
        mid,
        eid,
        doc_id,
        pub,
        source,
        url,
        outlet,
        sentence,
        index,
        s0,
        s1,
        ttext,
        t0,
        t1,
        when,
        precision,
        dead,
        injured,
        arrested,
        record,
    ) = row
    return StoredMention(
        mention_id=mid,
        event_id=eid,
        doc_id=doc_id,
        pub_date=pub,
        source=source,
        url=url,
        outlet=outlet,
        sentence=sentence or "",
        sentence_index=index,
        sentence_span=_pair(s0, s1),
        trigger_text=ttext,
        trigger_span=_pair(t0, t1),
        date=when,
        date_precision=precision,
        dead=dead,
        injured=injured,
        arrested=arrested,
        record=loads(record) or {},
    )
