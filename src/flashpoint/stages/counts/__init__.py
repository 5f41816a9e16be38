"""Stage 8: counts. Find the numbers of people killed, injured and arrested, and give each
to the event that caused it.

- `doc.counts`: every count (`CountCue`, a `CountMention` that also keeps its cue word),
  found sentence by sentence by `find_counts` (rules in `patterns`, numbers in `numbers`).
- each event: `dead`, `injured`, `arrested`, `dead_lower_bound` and `count_spans`
  (kind -> the span of the phrase that gave it), set by `attach_counts` (see `attach`).

Vague numbers have no value but a lower bound ("dozens killed" -> dead None,
dead_lower_bound 24; "scores" 40, "hundreds" 200, "thousands" 2000, "several" 3, "a few" 2);
"at least N" / "more than N" give N and the lower bound N. "No casualties" / "no one was
hurt" give 0 dead and 0 injured; "no one was killed" 0 dead.
"""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage
from flashpoint.stages.counts.attach import attach_counts, events_for_count
from flashpoint.stages.counts.numbers import parse_number
from flashpoint.stages.counts.patterns import CountCue, find_counts


def find_document_counts(doc: Document) -> list[CountCue]:
    """The counts of every sentence of `doc`, in text order."""
    out: list[CountCue] = []
    for sent in doc.sentences:
        out += find_counts(sent.text, offset=sent.start, sentence=sent.index)
    return out


@register_stage("flashpoint.counts.v1")
class CountsStage:
    name = "counts"
    # a toll in a relative clause with its own past year stays in it: reads doc.dates
    requires: tuple[str, ...] = ("doc.sentences", "doc.parses", "doc.events", "doc.dates")
    assigns: tuple[str, ...] = (
        "doc.counts",
        "event.dead",
        "event.injured",
        "event.arrested",
        "event.dead_lower_bound",
        "event.count_spans",
    )

    @classmethod
    def from_config(cls, config: CoderConfig) -> CountsStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        doc.counts = list(find_document_counts(doc))
        attach_counts(doc)
        return doc


__all__ = [
    "CountCue",
    "CountsStage",
    "attach_counts",
    "events_for_count",
    "find_counts",
    "find_document_counts",
    "parse_number",
]
