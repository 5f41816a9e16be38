"""flashpoint: offline political event coding (PLOVER) from news articles."""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any  # noqa: E402

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

if TYPE_CHECKING:
    from flashpoint.store import open  # noqa: A004 - flashpoint.open(db): the event store


def __getattr__(name: str) -> Any:
    """`flashpoint.open` imports the store on first use: coding never pays for it."""
    if name == "open":
        from flashpoint.store import open as open_store

        return open_store
    raise AttributeError(f"module 'flashpoint' has no attribute {name!r}")


def geoparse(
    text: str, doc_id: str | None = None, config: CoderConfig | None = None
) -> list[PlaceMention]:
    """The places named in `text` (see `Coder.geoparse`). The spaCy model and the
    gazetteer load once per process; for many texts, keep a `Coder` and call its
    `geoparse`, or `Coder.geoparser.code_many` for batches."""
    return Coder(config).geoparse(text, doc_id=doc_id)


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
    "geoparse",
    "open",
]
