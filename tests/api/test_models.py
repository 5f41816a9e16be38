"""The API's response models against the store's records: every field of a stored event
(one per events column it reads, see tests/store/test_store_rows.py) and of a stored mention
has its place in the models, and the models send nothing the records do not give."""

from __future__ import annotations

import typing
from dataclasses import fields
from datetime import date
from types import UnionType
from typing import Any

from pydantic import BaseModel

from flashpoint.api.models import (
    EVENT_RECORD_PATHS,
    MENTION_DETAIL_PATHS,
    EventRecord,
    MentionDetail,
    Stats,
)
from flashpoint.store.records import StoredEvent, StoredMention, StoreStats

# fields of the models that no record field gives
DERIVED = {
    EventRecord: {"counts.rule"},
    MentionDetail: {"title", "event_type", "mode", "highlights", "evidence"},  # from `record`
}


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside `annotation` (Party in `Party | None`), if any."""
    options = typing.get_args(annotation) if isinstance(annotation, UnionType) else (annotation,)
    found = [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
    return found[0] if found else None


def _leaves(model: type[BaseModel], prefix: str = "") -> set[str]:
    """The dotted paths of a model's fields that are not models themselves."""
    out: set[str] = set()
    for name, info in model.model_fields.items():
        inner = _model_of(info.annotation)
        out |= _leaves(inner, f"{prefix}{name}.") if inner else {prefix + name}
    return out


def _at(value: Any, path: str) -> Any:
    for part in path.split("."):
        value = getattr(value, part)
    return value


def test_every_stored_event_field_has_its_place_in_the_event_record() -> None:
    record_fields = {f.name for f in fields(StoredEvent)} - {"mentions"}
    assert set(EVENT_RECORD_PATHS) == record_fields
    paths = set(EVENT_RECORD_PATHS.values())
    assert len(paths) == len(EVENT_RECORD_PATHS)  # no two fields in one place
    assert paths | DERIVED[EventRecord] == _leaves(EventRecord)


def test_every_stored_mention_field_has_its_place_in_the_mention_detail() -> None:
    assert set(MENTION_DETAIL_PATHS) == {f.name for f in fields(StoredMention)}
    paths = {p for p in MENTION_DETAIL_PATHS.values() if p}
    assert paths | DERIVED[MentionDetail] == _leaves(MentionDetail)


def test_the_store_stats_are_all_sent() -> None:
    sent = set(Stats.model_fields)
    assert {f.name for f in fields(StoreStats)} - {"schema_version"} <= sent


def _stored_event() -> StoredEvent:
    """A stored event with every field set, each to a value of its own."""
    return StoredEvent(
        event_id="ev_1",
        date=date(2024, 1, 16),
        date_precision="day",
        event_type="ASSAULT",
        mode="aerial",
        quad_code=4,
        intensity=-9.5,
        cameo="195",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        contexts=("border",),
        aux=("claimed",),
        actor_name="Iran",
        actor_country="IRN",
        actor_sector="MIL",
        recipient_name="Pakistan",
        recipient_country="PAK",
        recipient_sector="GOV",
        location_name="Panjgur",
        location_country="PAK",
        location_admin1="Balochistan",
        latitude=26.96,
        longitude=64.09,
        location_precision="city",
        dead=2,
        injured=5,
        arrested=1,
        count_reports={
            "dead": [
                {
                    "value": 2,
                    "source": "dawn.com",
                    "doc_id": "d1",
                    "mention_id": "mn_1",
                    "pub_date": "2024-01-17",
                }
            ]
        },
        num_mentions=3,
        num_sources=2,
        num_articles=3,
        first_reported=date(2024, 1, 17),
        last_reported=date(2024, 1, 18),
        doc_id="d1",
        sentence="Iranian forces struck Panjgur.",
        confidence=0.8,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def test_an_event_record_carries_each_stored_field_where_the_paths_say() -> None:
    stored = _stored_event()
    record = EventRecord.model_validate(stored.to_dict())
    assert not record.model_extra and all(
        not getattr(record, k).model_extra for k in ("actor", "recipient", "location", "counts")
    )
    for name, path in EVENT_RECORD_PATHS.items():
        assert _plain(_at(record, path)) == _plain(getattr(stored, name)), name
    assert record.model_dump(mode="json") == stored.to_dict()
