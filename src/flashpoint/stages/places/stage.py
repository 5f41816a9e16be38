"""Stages 6 and 7: `geoparse` (every place the document names) and `locate` (where each
event happened)."""

from __future__ import annotations

from flashpoint.config import CoderConfig
from flashpoint.document import Document
from flashpoint.stages.base import register_stage
from flashpoint.stages.places.gazetteer import Gazetteer, load_gazetteer
from flashpoint.stages.places.geoparse import geoparse
from flashpoint.stages.places.locate import locate_event


class _UsesGazetteer:
    """A stage that reads the gazetteer, loaded on first use (once per process)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer


@register_stage("flashpoint.geoparse.v1")
class GeoparseStage(_UsesGazetteer):
    """Sets `doc.places`: every place named in the document, resolved in the context of
    the others. The parses, and the countries of the actors and of the events' roles when
    earlier stages found them, sharpen the reading; it works without events."""

    name = "geoparse"
    requires: tuple[str, ...] = ("doc.sentences", "doc.parses", "doc.actors")
    assigns: tuple[str, ...] = ("doc.places",)

    def __init__(self, gazetteer: Gazetteer | None = None, demonyms: bool = False) -> None:
        super().__init__(gazetteer)
        self.demonyms = demonyms  # also report "Turkish" as Turkey (kind "demonym")

    @classmethod
    def from_config(cls, config: CoderConfig) -> GeoparseStage:
        return cls(demonyms=config.demonyms)

    def __call__(self, doc: Document) -> Document:
        doc.places = geoparse(doc, self.gazetteer, demonyms=self.demonyms)
        return doc


@register_stage("flashpoint.locate.v1")
class LocateStage(_UsesGazetteer):
    """Sets each event's `location` from the places of the document."""

    name = "locate"
    requires: tuple[str, ...] = ("doc.sentences", "doc.parses", "doc.events", "doc.places")
    assigns: tuple[str, ...] = ("event.location",)

    @classmethod
    def from_config(cls, config: CoderConfig) -> LocateStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        for event in doc.events:
            event.location = locate_event(doc, event, self.gazetteer)
        return doc
