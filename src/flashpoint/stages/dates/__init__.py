"""Stage 7: dates. Resolve the article's temporal expressions and date every event.

- `doc.dates`: every temporal expression (`TimeExpr`, a `DateMention`) resolved against the
  publication date: absolute dates, weekdays, "yesterday", "last week", "earlier this
  month", "two days ago", "the next day" ... (rules in `rules`; standard library only).
- each event: `date`, `date_precision` ("day" | "week" | "month" | "year") and `date_span`,
  from the expression that belongs to it in its own sentence (rules in `attach`).

Conventions: a week is dated by its Monday, a month by its first day (ISO "2024-01"), a
year by 1 January. An event whose sentence gives no usable date takes the publication date
with precision "day" and `date_span` None: None says "defaulted, not read from the text".
No event is dated after publication unless "future" is in its `aux`.
"""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage
from flashpoint.stages.dates.attach import DateChoice, date_events, resolve_event_date
from flashpoint.stages.dates.rules import Anchor, TimeExpr, find_anchors, find_dates


def find_document_dates(doc: Document) -> list[TimeExpr]:
    """The temporal expressions of `doc.text`, each with the index of its sentence."""
    mentions = find_dates(doc.text, doc.pub_date)
    for m in mentions:
        sent = doc.sentence_of(m.span[0])
        m.sentence = sent.index if sent else -1
    return mentions


@register_stage("flashpoint.dates.v1")
class DatesStage:
    name = "dates"
    requires: tuple[str, ...] = ("doc.sentences", "doc.events")
    assigns: tuple[str, ...] = (
        "doc.dates",
        "event.date",
        "event.date_precision",
        "event.date_span",
    )

    @classmethod
    def from_config(cls, config: CoderConfig) -> DatesStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        doc.dates = list(find_document_dates(doc))
        date_events(doc)
        return doc


__all__ = [
    "Anchor",
    "DateChoice",
    "DatesStage",
    "TimeExpr",
    "date_events",
    "find_anchors",
    "find_dates",
    "find_document_dates",
    "resolve_event_date",
]
