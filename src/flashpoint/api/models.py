"""The request and response bodies the OpenAPI document describes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EventPage(BaseModel):
    """One page of events (earliest first unless `order=desc`)."""

    items: list[dict[str, Any]] = Field(description="event records (docs/event-schema.md)")
    total: int = Field(description="events matching the query")
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description="the URL of the next page, null on the last")
    prev: str | None


class Stats(BaseModel):
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


class TypeMeta(BaseModel):
    name: str
    quad: int
    score: float
    color: str


class Meta(BaseModel):
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


class IngestResult(BaseModel):
    received: int
    stored: int
    skipped: int = Field(description="already stored with the same content")
    replaced: int
    mentions: int = Field(description="events the coder found in the stored documents")
    events: int = Field(description="merged events in the store after this request")
    doc_ids: list[str]
    errors: list[dict[str, Any]] = Field(description="documents refused, with the reason")
    seconds: float
