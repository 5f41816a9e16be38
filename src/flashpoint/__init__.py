"""flashpoint: offline political event coding (PLOVER) from news articles."""

from __future__ import annotations

__version__ = "0.1.0"

from flashpoint.config import CoderConfig  # noqa: E402
from flashpoint.document import (  # noqa: E402
    ActorMention,
    CountMention,
    DateMention,
    Document,
    Event,
    EventActor,
    EventLocation,
    PlaceMention,
    Sentence,
    Trigger,
)
from flashpoint.errors import FlashpointError, InputError  # noqa: E402
from flashpoint.pipeline import CodedDocument, Coder, Pipeline  # noqa: E402
from flashpoint.store import open  # noqa: E402, A004 - flashpoint.open(db): the event store

__all__ = [
    "ActorMention",
    "CodedDocument",
    "Coder",
    "CoderConfig",
    "CountMention",
    "DateMention",
    "Document",
    "Event",
    "EventActor",
    "EventLocation",
    "FlashpointError",
    "InputError",
    "PlaceMention",
    "Pipeline",
    "Sentence",
    "Trigger",
    "__version__",
    "open",
]
